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
public sealed class PlugInEntropy : DiscreteEntropyEstimator
{
    /// <inheritdoc />
    public override Information Estimate(Histogram histogram)
    {
        ArgumentNullException.ThrowIfNull(histogram);
        return InformationPrimitives.EntropyOfCounts(histogram.Counts);
    }
}
