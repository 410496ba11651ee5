using System.Globalization;
using InfoTheory.Discrete;
using InfoTheory.Internal;

namespace InfoTheory.Bottleneck;

/// <summary>
/// Turns a layer's activations into one discrete symbol per sample, the representation T of the
/// information-plane papers, by binning every unit and joining the bins of a sample.
/// </summary>
/// <remarks>
/// Equal-width binning over the observed range of all activations, as in Shwartz-Ziv &amp; Tishby (2017)
/// (they used 30 bins over the tanh range). The joint symbol of a sample is the dense code of its bin
/// vector (<see cref="JointSymbols.Dense"/>), so any number of units and bins works. Estimates from
/// binned activations depend strongly on the bin count; report it with the results.
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
    public static int[] EqualWidth(ReadOnlySpan<float> activations, int units, int bins)
    {
        if (units < 1)
        {
            ThrowHelper.ArgumentOutOfRange(nameof(units), units, $"units must be at least 1, got {units}.");
        }

        if (bins < 1)
        {
            ThrowHelper.ArgumentOutOfRange(nameof(bins), bins, $"bins must be at least 1, got {bins}.");
        }

        if (activations.IsEmpty || activations.Length % units != 0)
        {
            ThrowHelper.ArgumentException_RowLengthDoesNotDivide(nameof(activations), activations.Length, units);
        }

        float min = float.PositiveInfinity, max = float.NegativeInfinity;
        for (int i = 0; i < activations.Length; i++)
        {
            float a = activations[i];
            if (!float.IsFinite(a))
            {
                ThrowHelper.ArgumentException(nameof(activations), string.Create(CultureInfo.InvariantCulture,
                    $"activations contain {a} at row {i / units}, column {i % units}; activations must be finite."));
            }

            min = Math.Min(min, a);
            max = Math.Max(max, a);
        }

        int samples = activations.Length / units;
        double width = max > min ? ((double)max - min) / bins : 1;
        int[][] columns = new int[units][];
        for (int u = 0; u < units; u++)
        {
            columns[u] = new int[samples];
            for (int s = 0; s < samples; s++)
            {
                columns[u][s] = Math.Min(bins - 1, (int)((activations[(s * units) + u] - min) / width));
            }
        }

        return JointSymbols.Dense(columns).Codes;
    }
}
