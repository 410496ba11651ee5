namespace InfoTheory.Continuous;

/// <summary>Estimates I(X;Y|Z) between multivariate continuous variables from samples paired by row.</summary>
/// <remarks>
/// The counterpart of <see cref="IConditionalMutualInformationEstimator{TX, TY, TZ}"/> for samples stored as
/// <see cref="SampleMatrix"/>. Implementations are immutable and thread-safe.
/// </remarks>
public interface IMultivariateConditionalMutualInformationEstimator
{
    /// <summary>Estimates I(X;Y|Z) from samples (row i of x, y and z).</summary>
    /// <param name="x">The samples of X.</param>
    /// <param name="y">The samples of Y.</param>
    /// <param name="z">The samples of the conditioning variable Z.</param>
    /// <returns>The estimate; some estimators can return slightly negative values, which are not clipped.</returns>
    Information Estimate(SampleMatrix x, SampleMatrix y, SampleMatrix z);
}
