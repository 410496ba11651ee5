namespace InfoTheory.Internal;

/// <summary>
/// The linearly interpolated sample quantile of sorted values: x₍ⱼ₎ + g·(x₍ⱼ₊₁₎ − x₍ⱼ₎) with h = (n − 1)q, j = ⌊h⌋,
/// g = h − j (definition 7 of Hyndman &amp; Fan 1996, numpy's default). The one quantile of the library's bootstrap
/// intervals, multiplet nulls and token-entropy thresholds.
/// </summary>
internal static class SortedQuantile
{
    /// <summary>The q-quantile, q ∈ [0, 1], of the ascending values; NaN when there are none.</summary>
    public static double Of(ReadOnlySpan<double> sorted, double q)
    {
        if (sorted.IsEmpty)
        {
            return double.NaN;
        }

        double h = (sorted.Length - 1) * q;
        int below = (int)Math.Floor(h);
        if (below >= sorted.Length - 1)
        {
            return sorted[^1];
        }

        double fraction = h - below;
        double low = sorted[below], high = sorted[below + 1];

        // Equal neighbours (including two infinities) need no interpolation, which would give ∞ − ∞ = NaN.
        return fraction == 0 || low == high ? low : low + (fraction * (high - low));
    }
}
