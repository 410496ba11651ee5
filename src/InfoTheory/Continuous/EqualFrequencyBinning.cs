namespace InfoTheory.Continuous;

/// <summary>
/// Equal-frequency (quantile) bins: edges at the empirical quantiles, so that each of the <see cref="Binning.Bins"/> bins
/// holds about n/B of the n fitted values — ⌊n/B⌋ or ⌈n/B⌉ of them, exactly n/B when B divides n and there are no ties.
/// </summary>
/// <remarks>
/// <para>
/// With the values sorted, s₀ ≤ … ≤ s_{n−1}, the interior edges are e_k = s[⌈k n / B⌉] for k = 1 … B − 1 (clamped to
/// s_{n−1} when n &lt; B), e₀ = s₀ and e_B = s_{n−1}; for n ≥ B and distinct values the value of rank r (0-based) lands
/// in bin ⌊r B / n⌋. For continuous data this makes the binned marginal as uniform as possible, so its entropy is the
/// largest any B-bin partition can give (ln B when B divides n): the maximum-entropy partition. Depends only on ranks:
/// a strictly increasing map of the data gives the same bin indices.
/// </para>
/// <para>
/// Ties are never split, so a value repeated more than n/B times (the zeros of a ReLU layer) fills several quantile
/// positions alone and the bins below it stay empty; <see cref="EntropyBasedAdaptiveBinning"/> counts distinct values
/// instead. Deterministic. Fit O(n log n) (one sort), assign O(log B) per value. Immutable and thread-safe.
/// </para>
/// </remarks>
/// <param name="bins">The number of bins, at least 1.</param>
/// <exception cref="ArgumentOutOfRangeException"><paramref name="bins"/> is less than 1.</exception>
public sealed class EqualFrequencyBinning(int bins) : Binning(bins)
{
    private protected override FittedBins Fit(ReadOnlySpan<double> values)
    {
        double[] sorted = Sorted(values);
        int n = sorted.Length;
        int bins = Bins;
        double[] edges = new double[bins + 1];
        edges[0] = sorted[0];
        edges[bins] = sorted[n - 1];
        for (int k = 1; k < bins; k++)
        {
            long position = ((k * (long)n) + bins - 1) / bins; // ⌈k n / B⌉
            edges[k] = sorted[Math.Min(position, n - 1)];
        }

        return new FittedBins(edges);
    }
}
