using InfoTheory.Measures;

namespace InfoTheory.TimeSeries;

public static partial class OrdinalPatterns
{
    /// <summary>
    /// The weighted permutation entropy (Fadlallah, Chen, Keil &amp; Príncipe 2013, Phys. Rev. E 87, 022911): the
    /// Shannon entropy, in nats, of the pattern distribution in which each window counts with its variance
    /// wₜ = (1/d) Σᵢ (x_{t+iτ} − x̄ₜ)², x̄ₜ the window's mean: p_w(π) = Σ_{t: πₜ = π} wₜ / Σₜ wₜ.
    /// </summary>
    /// <remarks>
    /// Patterns are those of <see cref="Encode"/> (ties broken by the stable order), counted sparsely. Windows with
    /// small fluctuations, whose order noise decides, weigh little; a window of equal values weighs nothing. When every
    /// window is constant no pattern has weight; the series then has the one (identity) pattern of the unweighted count
    /// and the result is 0.
    /// </remarks>
    /// <inheritdoc cref="PermutationEntropy(ReadOnlySpan{double}, int, int)"/>
    public static Information WeightedPermutationEntropy(ReadOnlySpan<double> series, int d, int tau = 1) =>
        Information.FromNats(Entropy.Shannon(WeightedPatternFrequencies(series, d, tau)).Nats);

    /// <summary>
    /// The complexity-entropy point (as <see cref="StatisticalComplexity"/>) of the variance-weighted pattern
    /// distribution of <see cref="WeightedPermutationEntropy"/>.
    /// </summary>
    /// <inheritdoc cref="PermutationEntropy(ReadOnlySpan{double}, int, int)"/>
    /// <returns>The normalised weighted entropy, the disequilibrium Q_J and the complexity.</returns>
    public static OrdinalComplexity WeightedStatisticalComplexity(ReadOnlySpan<double> series, int d, int tau = 1) =>
        Complexity(WeightedPatternFrequencies(series, d, tau), d);

    /// <summary>The largest d whose weighted pattern totals are kept in one dense table (8! = 40 320 doubles) instead of sorting the codes.</summary>
    private const int DenseWeightDimension = 8;

    private static double[] WeightedPatternFrequencies(ReadOnlySpan<double> series, int d, int tau)
    {
        int windows = CheckArguments(series, d, tau);
        double[] weights = new double[windows];
        for (int t = 0; t < windows; t++)
        {
            double mean = 0;
            for (int i = 0; i < d; i++)
            {
                mean += series[t + (i * tau)];
            }

            mean /= d;
            double squares = 0;
            for (int i = 0; i < d; i++)
            {
                double deviation = series[t + (i * tau)] - mean;
                squares += deviation * deviation;
            }

            weights[t] = squares / d;
        }

        if (d > DenseWeightDimension)
        {
            return WeightedFrequencies(Encode(series, d, tau), weights);
        }

        // Small d: the windows coded a vector at a time by the dense rank-code kernel of PermutationEntropy (the same
        // classes as Encode), each window's weight added to its code's entry in window order.
        var sink = new WeightSink(new double[(int)Factorial(d)], weights);
        CodeRanks(series, d, tau, windows, ref sink);
        double total = 0;
        foreach (double w in weights)
        {
            total += w;
        }

        return Normalized(sink.Table, total);
    }

    /// <summary>Adds each window's weight to its code's entry.</summary>
    private readonly struct WeightSink(double[] table, double[] weights) : IPatternSink
    {
        public double[] Table { get; } = table;

        public void Add(int window, long code) => Table[code] += weights[window];
    }

    private static double[] Normalized(double[] table, double total)
    {
        if (!(total > 0))
        {
            return [1.0];
        }

        var p = new List<double>();
        foreach (double w in table)
        {
            if (w > 0)
            {
                p.Add(w / total);
            }
        }

        return [.. p];
    }

    /// <summary>
    /// The normalised total weight of each distinct code (sorting the codes with their weights; both arrays are
    /// reordered). Codes of zero total weight are left out; if every weight is 0 the result is the one-pattern
    /// distribution [1].
    /// </summary>
    private static double[] WeightedFrequencies(long[] codes, double[] weights)
    {
        Array.Sort(codes, weights);
        double total = 0;
        foreach (double w in weights)
        {
            total += w;
        }

        if (!(total > 0))
        {
            return [1.0];
        }

        var p = new List<double>();
        for (int start = 0; start < codes.Length;)
        {
            int end = start;
            double sum = 0;
            while (end < codes.Length && codes[end] == codes[start])
            {
                sum += weights[end];
                end++;
            }

            if (sum > 0)
            {
                p.Add(sum / total);
            }

            start = end;
        }

        return [.. p];
    }
}
