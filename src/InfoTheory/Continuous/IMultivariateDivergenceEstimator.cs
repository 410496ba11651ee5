namespace InfoTheory.Continuous;

/// <summary>Estimates a divergence D(P‖Q) between two multivariate continuous distributions from a sample of each.</summary>
/// <remarks>
/// The counterpart of <see cref="IDivergenceEstimator{TSample}"/> for samples stored as <see cref="SampleMatrix"/>
/// (see <see cref="IMultivariateEntropyEstimator"/> for why). Implementations are immutable and thread-safe.
/// </remarks>
public interface IMultivariateDivergenceEstimator
{
    /// <summary>Estimates D(P‖Q) from i.i.d. samples of P and of Q of the same dimension (the row counts may differ).</summary>
    /// <param name="p">The samples of P, one per row.</param>
    /// <param name="q">The samples of Q, one per row, as many columns as <paramref name="p"/>.</param>
    /// <returns>The estimate; k-NN estimates can be slightly negative when P = Q, and are not clipped.</returns>
    Information Estimate(SampleMatrix p, SampleMatrix q);
}
