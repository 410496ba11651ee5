
using InfoTheory.Primitives.Simd;

namespace InfoTheory.Primitives;

public static partial class InformationPrimitives
{
    /// <summary>
    /// Log-sum-exp: ln Σ e^(xᵢ), computed stably as m + ln Σ e^(xᵢ − m) with m = max xᵢ.
    /// </summary>
    /// <param name="x">The values (logits, log-probabilities, log-weights).</param>
    /// <returns>
    /// The natural log of the sum of exponentials (a log of a sum, not an amount of information, so a plain double in natural-log units).
    /// −∞ for an empty span (the log of an empty sum) and when every element is −∞; +∞ if any element is +∞; NaN if any is NaN.
    /// Stable for values of any magnitude: ln Σ e^(1000, 1000) = 1000 + ln 2.
    /// </returns>
    public static double LogSumExp(ReadOnlySpan<double> x) => Kernels.LogSumExp(x);

    /// <inheritdoc cref="LogSumExp(ReadOnlySpan{double})"/>
    public static double LogSumExp(ReadOnlySpan<float> x) => Kernels.LogSumExp(x);

    /// <summary>
    /// Row-wise log-sum-exp: <c>destination[r] = ln Σⱼ e^(x[r, j])</c> for each row of the row-major matrix <paramref name="x"/>
    /// (natural log; see <see cref="LogSumExp(ReadOnlySpan{double})"/> for the edge cases).
    /// </summary>
    /// <param name="x">The rows of values, row after row.</param>
    /// <param name="rowLength">The number of elements in a row; must divide <c>x.Length</c>.</param>
    /// <param name="destination">Receives one value per row; must hold at least <c>x.Length / rowLength</c> elements.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rowLength"/> is less than 1.</exception>
    /// <exception cref="ArgumentException"><paramref name="rowLength"/> does not divide the length, or <paramref name="destination"/> is too short.</exception>
    public static void LogSumExpRows(ReadOnlySpan<double> x, int rowLength, Span<double> destination)
    {
        Rows.Validate(x.Length, rowLength, destination.Length, nameof(x));
        Rows.Run(default(LogSumExpRow<double>), x, default, rowLength, destination, 1.0);
    }

    /// <inheritdoc cref="LogSumExpRows(ReadOnlySpan{double}, int, Span{double})"/>
    public static void LogSumExpRows(ReadOnlySpan<float> x, int rowLength, Span<float> destination)
    {
        Rows.Validate(x.Length, rowLength, destination.Length, nameof(x));
        Rows.Run(default(LogSumExpRow<float>), x, default, rowLength, destination, 1.0);
    }
}
