namespace InfoTheory.Statistics;

/// <summary>
/// The outcome of a permutation (shuffle) test of independence: the observed statistic, its null
/// distribution under random relabelling, and the permutation p-value.
/// </summary>
/// <remarks>Produced by <see cref="PermutationTest"/>; immutable.</remarks>
public sealed record PermutationTestResult
{
    internal PermutationTestResult(Information observed, double[] nullDistribution, double pValue)
    {
        Observed = observed;
        NullDistribution = nullDistribution;
        PValue = pValue;
    }

    /// <summary>The estimate on the data as given.</summary>
    public Information Observed { get; }

    /// <summary>
    /// The estimate on each permuted data set, <b>in nats</b>, indexed by permutation number
    /// (not sorted); one value per permutation.
    /// </summary>
    public ReadOnlyMemory<double> NullDistribution { get; }

    /// <summary>
    /// The permutation p-value (1 + #{b : null[b] ≥ observed}) / (1 + B), in (0, 1]: counting the observed
    /// data as one of the permutations keeps the test exact under the null (a p-value is never 0).
    /// Phipson &amp; Smyth (2010), "Permutation p-values should never be zero".
    /// </summary>
    public double PValue { get; }

    /// <summary>The number of permutations B.</summary>
    public int Permutations => NullDistribution.Length;
}
