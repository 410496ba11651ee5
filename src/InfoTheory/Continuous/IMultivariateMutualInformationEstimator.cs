namespace InfoTheory.Continuous;

/// <summary>Estimates I(X;Y) between multivariate continuous variables from samples paired by row.</summary>
/// <remarks>
/// The counterpart of <see cref="IMutualInformationEstimator{TX, TY}"/> for samples stored as <see cref="SampleMatrix"/>
/// (see <see cref="IMultivariateEntropyEstimator"/> for why). Implementations are immutable and thread-safe.
/// </remarks>
public interface IMultivariateMutualInformationEstimator
{
    /// <summary>Estimates I(X;Y) from paired samples: row i of <paramref name="x"/> with row i of <paramref name="y"/>.</summary>
    /// <param name="x">The samples of X.</param>
    /// <param name="y">The samples of Y, as many rows as <paramref name="x"/>.</param>
    /// <returns>The estimate; some estimators can return slightly negative values, which are not clipped.</returns>
    Information Estimate(SampleMatrix x, SampleMatrix y);
}
