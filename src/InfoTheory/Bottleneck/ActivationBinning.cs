using System.Globalization;
using InfoTheory.Continuous;
using InfoTheory.Discrete;
using InfoTheory.Internal;

namespace InfoTheory.Bottleneck;

/// <summary>
/// Turns a layer's activations into one discrete symbol per sample, the representation T of the
/// information-plane papers, by binning every unit and joining the bins of a sample.
/// </summary>
/// <remarks>
/// A thin layer over the <see cref="Binning"/> rules of <c>InfoTheory.Continuous</c> for activations held as a flat
/// <see cref="float"/> span [samples × units]: <see cref="EqualWidth"/> is equal-width binning over the observed range
/// of all activations, as in Shwartz-Ziv &amp; Tishby (2017) (they used 30 bins over the tanh range);
/// <see cref="Discretize"/> takes any rule, e.g. <see cref="EntropyBasedAdaptiveBinning"/> for unbounded activations
/// (Chelombiev, Houghton &amp; O'Donnell 2019). The joint symbol of a sample is the dense code of its bin vector
/// (<see cref="JointSymbols.Dense"/>), so any number of units and bins works. Estimates from binned activations
/// depend strongly on the rule and the bin count; report them with the results.
/// </remarks>
public static class ActivationBinning
{
    /// <summary>Bins activations [samples × units] into <paramref name="bins"/> equal-width bins per unit and returns one joint symbol per sample.</summary>
    /// <param name="activations">Row-major activations, one row per sample.</param>
    /// <param name="units">The number of units (the row length).</param>
    /// <param name="bins">The number of bins, ≥ 1.</param>
    /// <returns>A symbol per sample: equal symbols ⇔ identical bin vectors.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="units"/> or <paramref name="bins"/> is less than 1.</exception>
    /// <exception cref="ArgumentException">The activations are empty, not whole rows, or contain NaN or ±∞.</exception>
    /// <remarks>The same as <see cref="Discretize"/> with a pooled <see cref="EqualWidthBinning"/>: one range for all units.</remarks>
    public static int[] EqualWidth(ReadOnlySpan<float> activations, int units, int bins)
    {
        CheckUnits(units);
        return Discretize(activations, units, new EqualWidthBinning(bins));
    }

    /// <summary>Bins activations [samples × units] with <paramref name="binning"/> and returns one joint symbol per sample.</summary>
    /// <param name="activations">Row-major activations, one row per sample; widened to <see cref="double"/> exactly.</param>
    /// <param name="units">The number of units (the row length).</param>
    /// <param name="binning">The rule; its <see cref="Binning.Scope"/> says whether the units share one set of edges.</param>
    /// <returns>A symbol per sample (<see cref="Binning.Discretize(SampleMatrix)"/>): equal symbols ⇔ identical bin vectors.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="units"/> is less than 1.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="binning"/> is null.</exception>
    /// <exception cref="ArgumentException">The activations are empty, not whole rows, or contain NaN or ±∞ (the message gives row and column).</exception>
    public static int[] Discretize(ReadOnlySpan<float> activations, int units, Binning binning)
    {
        CheckUnits(units);
        ArgumentNullException.ThrowIfNull(binning);
        if (activations.IsEmpty || activations.Length % units != 0)
        {
            ThrowHelper.ArgumentException_RowLengthDoesNotDivide(nameof(activations), activations.Length, units);
        }

        double[] widened = new double[activations.Length];
        for (int i = 0; i < widened.Length; i++)
        {
            widened[i] = activations[i];
        }

        return binning.Discretize(SampleMatrix.FromRowMajor(widened, units, nameof(activations)));
    }

    private static void CheckUnits(int units)
    {
        if (units < 1)
        {
            ThrowHelper.ArgumentOutOfRange(nameof(units), units, string.Create(CultureInfo.InvariantCulture, $"units must be at least 1, got {units}."));
        }
    }
}
