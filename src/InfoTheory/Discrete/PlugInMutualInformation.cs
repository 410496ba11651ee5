
using InfoTheory.Discrete.Internal;
using InfoTheory.Internal;

namespace InfoTheory.Discrete;

/// <summary>
/// The plug-in mutual information of two discrete variables, Î(X;Y) = Σ p̂(x,y) ln(p̂(x,y) / (p̂(x) p̂(y)))
/// with the empirical frequencies p̂, together with its local (pointwise) values per sample pair.
/// </summary>
/// <remarks>
/// <para>
/// The estimate is that of <see cref="DiscreteMutualInformation"/> with <see cref="PlugInEntropy"/>:
/// ≥ 0 up to rounding, biased upward by about (|X| − 1)(|Y| − 1)/(2N) nats (Miller 1955).
/// Alphabet sizes are the observed ones. Immutable and thread-safe.
/// </para>
/// <para>
/// Local values: i(xᵢ; yᵢ) = ln(N·n(xᵢ,yᵢ) / (n(xᵢ) n(yᵢ))) from the counts n. Their mean is the estimate.
/// </para>
/// </remarks>
public sealed class PlugInMutualInformation : ILocalMutualInformation<int, int>
{
    private readonly DiscreteMutualInformation _estimator = new(new PlugInEntropy());

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The lengths differ, the samples are empty, or a symbol is negative.</exception>
    /// <remarks>O(N) for small alphabets (a dense contingency table), O(N log N) otherwise.</remarks>
    public Information Estimate(ReadOnlySpan<int> x, ReadOnlySpan<int> y) => _estimator.Estimate(x, y);

    /// <summary>
    /// Writes the local plug-in mutual information of each pair,
    /// <c>destination[i]</c> = log(N·n(x[i], y[i]) / (n(x[i]) n(y[i]))), in the unit of <paramref name="logBase"/>;
    /// n counts samples among the N pairs. Their mean is the plug-in estimate (up to rounding).
    /// </summary>
    /// <param name="x">Non-negative symbols of X.</param>
    /// <param name="y">Non-negative symbols of Y, as many as of X.</param>
    /// <param name="destination">Receives one value per pair; must hold at least <c>x.Length</c> elements. Elements past that are left as they are.</param>
    /// <param name="logBase">The unit of the values (default nats).</param>
    /// <exception cref="ArgumentException">The lengths differ, <paramref name="destination"/> is too short, or the samples are empty or contain a negative symbol.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="logBase"/> is not a defined <see cref="LogBase"/>.</exception>
    /// <remarks>
    /// Values are finite and lie in [−log N, log N]; a value is negative when the pair is seen together less often
    /// than the product of its margins predicts. O(N log N) time, O(N) scratch. Nothing is written unless all
    /// arguments are valid. Fano (1961), <i>Transmission of Information</i>, ch. 2.
    /// </remarks>
    public void LocalValues(ReadOnlySpan<int> x, ReadOnlySpan<int> y, Span<double> destination, LogBase logBase = LogBase.E)
    {
        double unit = LocalCounts.NatsPer(logBase);
        Check.SameLength(x.Length, y.Length);
        LocalCounts.CheckDestination(destination, x.Length);
        Histogram.CheckSymbols(x, null, nameof(x));
        Histogram.CheckSymbols(y, null, nameof(y));
        int[] xs = x.ToArray(), ys = y.ToArray();
        int[] nx = LocalCounts.Of(xs), ny = LocalCounts.Of(ys), nxy = LocalCounts.Of(xs, ys);
        double n = x.Length;
        for (int i = 0; i < nxy.Length; i++)
        {
            destination[i] = Math.Log(n * nxy[i] / ((double)nx[i] * ny[i])) / unit;
        }
    }
}
