using InfoTheory.Primitives;

namespace InfoTheory.Discrete;

/// <summary>
/// The Miller-Madow entropy estimate: the plug-in estimate plus the first-order bias correction,
/// Ĥ_MM = Ĥ_ML + (m − 1)/(2N) nats, where m is the number of distinct symbols observed and N the
/// sample size.
/// </summary>
/// <remarks>
/// <para>
/// The plug-in estimate is biased low by (K − 1)/(2N) + O(N⁻²) when every one of the K symbols is
/// seen many times; Miller's correction replaces the unknown K by the observed support m, so it
/// removes the leading bias when N ≫ K and only part of it in the undersampled regime (N ≲ K),
/// where unseen symbols make m &lt; K.
/// </para>
/// <para>
/// Edge cases: a single observed symbol gives 0 (no correction); N = 1 gives 0. The estimate
/// never falls below the plug-in estimate and may exceed ln K. Uses only the counts, so
/// <see cref="Histogram.AlphabetSize"/> is ignored. O(m) after counting.
/// </para>
/// <para>
/// Reference: G. A. Miller (1955), "Note on the bias of information estimates", in Information
/// Theory in Psychology: Problems and Methods, pp. 95–100.
/// </para>
/// </remarks>
public sealed class MillerMadowEntropy : DiscreteEntropyEstimator
{
    /// <inheritdoc />
    /// <returns>Ĥ_ML + (m − 1)/(2N), in nats.</returns>
    public override Information Estimate(Histogram histogram)
    {
        ArgumentNullException.ThrowIfNull(histogram);
        double plugIn = InformationPrimitives.EntropyOfCounts(histogram.Counts).Nats;
        return Information.FromNats(plugIn + ((histogram.Support - 1) / (2.0 * histogram.SampleCount)));
    }
}
