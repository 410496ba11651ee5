using InfoTheory.Discrete.Internal;
using InfoTheory.Primitives;

namespace InfoTheory.Discrete;

/// <summary>
/// The plug-in (maximum-likelihood) entropy estimate: the entropy of the empirical distribution,
/// Ĥ = ln N − Σ nᵢ ln nᵢ / N.
/// </summary>
/// <remarks>
/// Biased low by about (K − 1)/(2N) nats when N ≫ K (Miller 1955) and by much more when N &lt; K;
/// use a bias-corrected estimator in the undersampled regime. O(K) after counting, vectorised.
/// </remarks>
public sealed class PlugInEntropy : DiscreteEntropyEstimator, ILocalEntropy<int>
{
    /// <inheritdoc />
    public override Information Estimate(Histogram histogram)
    {
        ArgumentNullException.ThrowIfNull(histogram);
        return InformationPrimitives.EntropyOfCounts(histogram.Counts);
    }

    /// <summary>
    /// Writes the local plug-in entropy of each sample, <c>destination[i]</c> = −log p̂(samples[i]) = log(N / n(samples[i])),
    /// where n(s) is the count of symbol s among the N samples, in the unit of <paramref name="logBase"/>.
    /// Their mean is exactly the plug-in estimate Σₛ (nₛ/N) log(N/nₛ) (up to rounding).
    /// </summary>
    /// <param name="samples">Non-negative symbols, below <see cref="DiscreteEntropyEstimator.AlphabetSize"/> when it is set.</param>
    /// <param name="destination">Receives one value per sample; must hold at least <c>samples.Length</c> elements. Elements past that are left as they are.</param>
    /// <param name="logBase">The unit of the values (default nats).</param>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is too short, or <paramref name="samples"/> is empty, has a negative symbol or a symbol not below <see cref="DiscreteEntropyEstimator.AlphabetSize"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="logBase"/> is not a defined <see cref="LogBase"/>.</exception>
    /// <remarks>
    /// Every value is ≥ 0 and at most log N (a symbol seen once). O(N log N) time, O(N) scratch.
    /// Nothing is written unless all arguments are valid.
    /// </remarks>
    public void LocalValues(ReadOnlySpan<int> samples, Span<double> destination, LogBase logBase = LogBase.E)
    {
        double unit = LocalCounts.NatsPer(logBase);
        LocalCounts.CheckDestination(destination, samples.Length);
        Histogram.CheckSymbols(samples, AlphabetSize, nameof(samples));
        int[] counts = LocalCounts.Of(samples.ToArray());
        double n = samples.Length;
        for (int i = 0; i < counts.Length; i++)
        {
            destination[i] = Math.Log(n / counts[i]) / unit;
        }
    }
}
