using System.Globalization;
using InfoTheory.Internal;

namespace InfoTheory.Continuous;

/// <summary>
/// Equal-width bins: the range [a, b] split into <see cref="Binning.Bins"/> intervals of width (b − a)/B, with
/// edges e_k = a + k (b − a)/B. The range is the observed minimum and maximum unless <see cref="Range"/> fixes it.
/// </summary>
/// <remarks>
/// <para>
/// The binning of Shwartz-Ziv &amp; Tishby (2017, "Opening the black box of deep neural networks via information",
/// arXiv:1703.00810), who binned tanh activations into 30 equal bins over [−1, 1]: set <c>Range = (−1, 1)</c> to compare
/// epochs on fixed bins. For unbounded activations (ReLU) the observed range moves with training and most values crowd
/// into the lowest bins; <see cref="EntropyBasedAdaptiveBinning"/> adapts to that (Chelombiev, Houghton &amp; O'Donnell 2019).
/// </para>
/// <para>
/// Bins are [e_k, e_{k+1}), the last closed, so the maximum lands in bin B − 1; with a fixed range, values outside it
/// are clipped into the first or last bin. All values equal (and no fixed range): everything in bin 0. Fit O(n), assign
/// O(log B) per value. Immutable and thread-safe.
/// </para>
/// </remarks>
public sealed class EqualWidthBinning : Binning
{
    private readonly (double Lower, double Upper)? _range;

    /// <summary>Equal-width binning into <paramref name="bins"/> bins.</summary>
    /// <param name="bins">The number of bins, at least 1.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="bins"/> is less than 1.</exception>
    public EqualWidthBinning(int bins)
        : base(bins)
    {
    }

    /// <summary>
    /// A fixed range [Lower, Upper] to split instead of the observed one (e.g. the range of a bounded activation
    /// function), or null (default) for the observed minimum and maximum. Fixed edges make binnings of different data
    /// (epochs, layers) comparable.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A bound is not finite, or Lower ≥ Upper.</exception>
    public (double Lower, double Upper)? Range
    {
        get => _range;
        init
        {
            if (value is (double lower, double upper) && !(double.IsFinite(lower) && double.IsFinite(upper) && lower < upper))
            {
                ThrowHelper.ArgumentOutOfRange(nameof(Range), value, string.Format(CultureInfo.InvariantCulture,
                    "Range must have finite bounds with Lower < Upper, got ({0}, {1}).", lower, upper));
            }

            _range = value;
        }
    }

    private protected override FittedBins Fit(ReadOnlySpan<double> values)
    {
        double lower, upper;
        if (_range is (double fixedLower, double fixedUpper))
        {
            (lower, upper) = (fixedLower, fixedUpper);
        }
        else
        {
            lower = double.PositiveInfinity;
            upper = double.NegativeInfinity;
            foreach (double v in values)
            {
                lower = Math.Min(lower, v);
                upper = Math.Max(upper, v);
            }
        }

        int bins = Bins;
        double[] edges = new double[bins + 1];
        edges[0] = lower;
        edges[bins] = upper;
        double span = upper - lower;
        for (int k = 1; k < bins; k++)
        {
            // (upper − lower)·k/B is exact whenever the products are (integer data, power-of-two widths); the halves
            // keep the range finite when upper − lower overflows.
            edges[k] = double.IsFinite(span) ? lower + (span * k / bins) : lower + ((upper / bins) - (lower / bins)) * k;
        }

        return new FittedBins(edges);
    }
}
