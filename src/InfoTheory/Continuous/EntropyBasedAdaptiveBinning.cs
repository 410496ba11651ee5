using System.Globalization;
using InfoTheory.Internal;

namespace InfoTheory.Continuous;

/// <summary>
/// Entropy-based adaptive binning (EBAB; Chelombiev, Houghton &amp; O'Donnell 2019): bin edges placed so that every one
/// of the <see cref="Binning.Bins"/> bins holds the same number of distinct observed values, refitted to the data of
/// each measurement. Made for unbounded activations (ReLU, softplus) whose range and shape change during training.
/// </summary>
/// <remarks>
/// <para>
/// With u₀ &lt; u₁ &lt; … &lt; u_{U−1} the U distinct values, the interior edges are e_k = u[⌊k U / B⌋] for
/// k = 1 … B − 1, e₀ = u₀ and e_B = u_{U−1}; bin k then holds the distinct values with index in
/// [⌊k U / B⌋, ⌊(k + 1) U / B⌋), that is ⌊U/B⌋ or ⌈U/B⌉ of them (when U &lt; B each distinct value has a bin of its own
/// and the rest stay empty). For continuous activations, where values rarely repeat, this is equal-frequency binning —
/// the bins are equally occupied and the binned entropy is as large as B bins allow, hence the name — while values that
/// do repeat (saturated units, a ReLU's exact zeros) count once, so a mass of them cannot swallow the bins meant to
/// resolve the rest of the distribution, unlike <see cref="EqualFrequencyBinning"/>. Unlike <see cref="EqualWidthBinning"/>
/// no bin count has to be tuned to the magnitude of the activity: the bins follow the observed values.
/// </para>
/// <para>
/// As in the paper, the edges are fitted to all activations of a layer together (<see cref="Binning.Scope"/> defaults to
/// <see cref="BinningScope.Pooled"/>) and refitted at every call, i.e. per layer and per epoch. The authors' code also
/// set the activation floor apart for ReLU layers — the zeros excluded from the distinct values and given a bin of their
/// own below the others; <see cref="SaturationValue"/> = 0 does the same. The largest value is placed in the last bin
/// (bins are closed below, the last one closed above).
/// </para>
/// <para>
/// Depends only on the order of the values: a strictly increasing map gives the same bin indices. Deterministic.
/// Fit O(n log n) (one sort), assign O(log B) per value. Immutable and thread-safe.
/// </para>
/// <para>
/// Reference: I. Chelombiev, C. J. Houghton &amp; C. O'Donnell (2019), "Adaptive estimators show information compression
/// in deep neural networks", International Conference on Learning Representations (ICLR), arXiv:1902.09037.
/// </para>
/// </remarks>
public sealed class EntropyBasedAdaptiveBinning : Binning
{
    private readonly double? _saturationValue;

    /// <summary>Adaptive binning into <paramref name="bins"/> bins of equally many distinct values.</summary>
    /// <param name="bins">The number of bins, at least 1 (not counting the saturation bin).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="bins"/> is less than 1.</exception>
    public EntropyBasedAdaptiveBinning(int bins)
        : base(bins)
    {
    }

    /// <summary>
    /// A value that gets a bin of its own, or null (default) for none: e.g. 0 for ReLU activations, where inactive units
    /// all sit at exactly 0. Values equal to it get index 0 and the other values, binned without it, get 1 … B, so there
    /// are B + 1 indices in all; the edges describe the B regular bins. When every value equals it, the edges all equal it.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is NaN or ±∞.</exception>
    public double? SaturationValue
    {
        get => _saturationValue;
        init
        {
            if (value is double v && !double.IsFinite(v))
            {
                ThrowHelper.ArgumentOutOfRange(nameof(SaturationValue), v, string.Format(CultureInfo.InvariantCulture,
                    "SaturationValue must be finite (or null for none), got {0}.", v));
            }

            _saturationValue = value;
        }
    }

    private protected override FittedBins Fit(ReadOnlySpan<double> values)
    {
        double[] sorted = Sorted(values);

        // The distinct values, without the saturation value when one is set.
        int distinct = 0;
        for (int i = 0; i < sorted.Length; i++)
        {
            double v = sorted[i];
            if ((distinct == 0 || v != sorted[distinct - 1]) && v != _saturationValue)
            {
                sorted[distinct++] = v;
            }
        }

        int bins = Bins;
        double[] edges = new double[bins + 1];
        if (distinct == 0)
        {
            // Only reachable when every value is the saturation value.
            Array.Fill(edges, _saturationValue!.Value);
            return new FittedBins(edges, _saturationValue);
        }

        edges[0] = sorted[0];
        edges[bins] = sorted[distinct - 1];
        for (int k = 1; k < bins; k++)
        {
            edges[k] = sorted[(int)(k * (long)distinct / bins)]; // u[⌊k U / B⌋]
        }

        return new FittedBins(edges, _saturationValue);
    }
}
