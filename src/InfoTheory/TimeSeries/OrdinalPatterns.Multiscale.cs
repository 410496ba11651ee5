using System.Globalization;
using InfoTheory.Internal;
using InfoTheory.Measures;
using InfoTheory.TimeSeries.Internal;

namespace InfoTheory.TimeSeries;

public static partial class OrdinalPatterns
{
    /// <summary>
    /// The coarse-grained series at scale s (Costa, Goldberger &amp; Peng 2002): the means of consecutive,
    /// non-overlapping blocks of s values, yⱼ = (1/s) Σ_{i=js}^{js+s−1} xᵢ for j = 0 … ⌊n/s⌋ − 1 (a last, shorter block is
    /// dropped). At s = 1 it is the series itself.
    /// </summary>
    /// <param name="series">Finite values in time order, at least <paramref name="scale"/>.</param>
    /// <param name="scale">The block length s, at least 1.</param>
    /// <returns>⌊n/s⌋ block means, in time order (a new array).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="scale"/> is below 1.</exception>
    /// <exception cref="ArgumentException">The series is shorter than <paramref name="scale"/> or has a NaN or ±∞.</exception>
    public static double[] CoarseGrain(ReadOnlySpan<double> series, int scale)
    {
        CheckScale(scale, nameof(scale));
        TimeSeriesChecks.Finite(series, nameof(series));
        if (series.Length < scale)
        {
            ThrowHelper.ArgumentException(nameof(series), string.Create(CultureInfo.InvariantCulture,
                $"series has {series.Length} values, fewer than one block of scale {scale}."));
        }

        return CoarseGrainFrom(series, scale, 0);
    }

    /// <summary>
    /// The multiscale permutation entropy (Costa et al. 2002; Aziz &amp; Arif 2005): the permutation entropy, in nats,
    /// of the coarse-grained series (<see cref="CoarseGrain"/>) at each scale s = 1 … <paramref name="maxScale"/>.
    /// </summary>
    /// <param name="series">Finite values in time order; at the largest scale ⌊n/S⌋ must still hold one window, (d − 1)τ + 1 values.</param>
    /// <param name="d">The embedding dimension, 2 ≤ d ≤ <see cref="MaxDimension"/>.</param>
    /// <param name="maxScale">The largest scale S, at least 1.</param>
    /// <param name="tau">The delay within the coarse-grained series, at least 1.</param>
    /// <returns>S entropies; element s − 1 is that of scale s, and element 0 is <see cref="PermutationEntropy"/> of the series.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="d"/>, <paramref name="maxScale"/> or <paramref name="tau"/> is out of range.</exception>
    /// <exception cref="ArgumentException">The series is too short for the largest scale or has a NaN or ±∞.</exception>
    /// <remarks>
    /// The coarse-grained series at scale s has only n/s values, so estimates at large scales carry the plug-in bias
    /// of about −(d! − 1)s/(2n) nats; keep n/S ≫ d!.
    /// </remarks>
    public static Information[] MultiscalePermutationEntropy(ReadOnlySpan<double> series, int d, int maxScale, int tau = 1)
    {
        CheckMultiscale(series, d, maxScale, tau);
        var entropies = new Information[maxScale];
        for (int s = 1; s <= maxScale; s++)
        {
            entropies[s - 1] = s == 1 ? PermutationEntropy(series, d, tau) : PermutationEntropy(CoarseGrainFrom(series, s, 0), d, tau);
        }

        return entropies;
    }

    /// <summary>
    /// The refined composite multiscale permutation entropy (Humeau-Heurtier, Wu &amp; Wu 2015, IEEE Signal Process.
    /// Lett. 22, 2364): at scale s the series is coarse-grained s times, starting at offsets k = 0 … s − 1, the pattern
    /// frequencies of the s coarse-grained series are averaged, p̄(π) = (1/s) Σₖ pₖ(π), and the entropy of p̄ is taken.
    /// It uses every block of s values instead of one in s, so it varies less than
    /// <see cref="MultiscalePermutationEntropy"/> at large scales.
    /// </summary>
    /// <param name="series">Finite values in time order; at the largest scale ⌊(n − S + 1)/S⌋ must still hold one window, (d − 1)τ + 1 values.</param>
    /// <param name="d">The embedding dimension, 2 ≤ d ≤ <see cref="MaxDimension"/>.</param>
    /// <param name="maxScale">The largest scale S, at least 1.</param>
    /// <param name="tau">The delay within the coarse-grained series, at least 1.</param>
    /// <returns>S entropies in nats; element s − 1 is that of scale s, and element 0 equals the permutation entropy of the series (up to rounding).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="d"/>, <paramref name="maxScale"/> or <paramref name="tau"/> is out of range.</exception>
    /// <exception cref="ArgumentException">The series is too short for the largest scale or has a NaN or ±∞.</exception>
    public static Information[] RefinedCompositeMultiscalePermutationEntropy(ReadOnlySpan<double> series, int d, int maxScale, int tau = 1)
    {
        CheckMultiscale(series, d, maxScale, tau);
        if (maxScale > 1 && (series.Length - maxScale + 1) / maxScale < ((long)(d - 1) * tau) + 1)
        {
            ThrowHelper.ArgumentException(nameof(series), string.Create(CultureInfo.InvariantCulture,
                $"series has {series.Length} values; at scale {maxScale} the last offset's coarse-grained series is shorter than one window of d = {d} values τ = {tau} apart."));
        }

        var entropies = new Information[maxScale];
        for (int s = 1; s <= maxScale; s++)
        {
            if (d <= DenseWeightDimension)
            {
                entropies[s - 1] = Information.FromNats(Entropy.Shannon(AveragedDenseFrequencies(series, d, s, tau)).Nats);
                continue;
            }

            var codes = new List<long>();
            var weights = new List<double>();
            for (int k = 0; k < s; k++)
            {
                long[] offsetCodes = Encode(CoarseGrainFrom(series, s, k), d, tau);
                codes.AddRange(offsetCodes);

                // Each offset's windows carry 1/s of the mass, shared equally: the mean of the s frequency vectors.
                double share = 1.0 / ((double)s * offsetCodes.Length);
                for (int t = 0; t < offsetCodes.Length; t++)
                {
                    weights.Add(share);
                }
            }

            entropies[s - 1] = Information.FromNats(Entropy.Shannon(WeightedFrequencies([.. codes], [.. weights])).Nats);
        }

        return entropies;
    }

    /// <summary>
    /// The mean over the s offsets of the pattern frequencies of the coarse-grained series, for small d: each offset's
    /// windows are counted by the dense rank-code kernel of <see cref="PermutationEntropy"/> (one coding for all offsets,
    /// so the classes agree) and its frequencies added with weight 1/s.
    /// </summary>
    private static double[] AveragedDenseFrequencies(ReadOnlySpan<double> series, int d, int scale, int tau)
    {
        double[]? mean = null;
        for (int k = 0; k < scale; k++)
        {
            double[] grained = CoarseGrainFrom(series, scale, k);
            int windows = CheckArguments(grained, d, tau);
            int[] counts = CountRanks(grained, d, tau, windows);
            mean ??= new double[counts.Length];
            double share = 1.0 / ((double)scale * windows);
            for (int c = 0; c < counts.Length; c++)
            {
                mean[c] += counts[c] * share;
            }
        }

        return Normalized(mean!, 1);
    }

    private static double[] CoarseGrainFrom(ReadOnlySpan<double> series, int scale, int offset)
    {
        double[] grained = new double[(series.Length - offset) / scale];
        for (int j = 0; j < grained.Length; j++)
        {
            double sum = 0;
            int start = offset + (j * scale);
            for (int i = 0; i < scale; i++)
            {
                sum += series[start + i];
            }

            grained[j] = sum / scale;
        }

        return grained;
    }

    private static void CheckMultiscale(ReadOnlySpan<double> series, int d, int maxScale, int tau)
    {
        CheckScale(maxScale, nameof(maxScale));

        // The window checks (d, τ, finite, length) on the series itself, then the length at the largest scale.
        CheckArguments(series, d, tau);
        if (series.Length / maxScale < ((long)(d - 1) * tau) + 1)
        {
            ThrowHelper.ArgumentException(nameof(series), string.Create(CultureInfo.InvariantCulture,
                $"series has {series.Length} values; at scale {maxScale} its {series.Length / maxScale} block means are fewer than one window of d = {d} values τ = {tau} apart."));
        }
    }

    private static void CheckScale(int scale, string paramName)
    {
        if (scale < 1)
        {
            ThrowHelper.ArgumentOutOfRange(paramName, scale, string.Create(CultureInfo.InvariantCulture,
                $"{paramName} must be at least 1, got {scale}."));
        }
    }
}
