namespace InfoTheory.Kernel;

/// <summary>The outcome of an HSIC permutation test of independence (<see cref="Hsic.Test"/>). Immutable.</summary>
public sealed record HsicTestResult
{
    internal HsicTestResult(double statistic, double[] nullDistribution, double pValue)
    {
        Statistic = statistic;
        NullDistribution = nullDistribution;
        PValue = pValue;
    }

    /// <summary>HSIC on the data as given (a squared RKHS norm, dimensionless: not in nats).</summary>
    public double Statistic { get; }

    /// <summary>HSIC with the rows of y permuted, one value per permutation, in permutation order (not sorted).</summary>
    public ReadOnlyMemory<double> NullDistribution { get; }

    /// <summary>
    /// (1 + #{b : null[b] ≥ observed}) / (1 + B), in (0, 1] (Phipson &amp; Smyth 2010, "Permutation p-values should never be zero").
    /// </summary>
    public double PValue { get; }

    /// <summary>The number of permutations B.</summary>
    public int Permutations => NullDistribution.Length;
}
