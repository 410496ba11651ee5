namespace InfoTheory.Continuous;

/// <summary>Estimates the differential entropy of a multivariate continuous variable from a <see cref="SampleMatrix"/>.</summary>
/// <remarks>
/// The span-based <see cref="IEntropyEstimator{TSample}"/> takes one value per sample, which fits discrete symbols and
/// one-dimensional continuous data (<see cref="IEntropyEstimator{TSample}"/> of <see cref="double"/>); a sample of a
/// d-dimensional variable is a row of a <see cref="SampleMatrix"/>, hence this interface. Continuous estimators implement
/// both where they can. Implementations are immutable and thread-safe.
/// </remarks>
public interface IMultivariateEntropyEstimator
{
    /// <summary>Estimates the differential entropy h(X) from i.i.d. samples of X, one per row.</summary>
    /// <param name="samples">The samples.</param>
    /// <returns>The estimate; differential entropies can be negative.</returns>
    Information Estimate(SampleMatrix samples);
}
