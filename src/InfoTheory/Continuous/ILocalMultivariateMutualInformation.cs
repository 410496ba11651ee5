namespace InfoTheory.Continuous;

/// <summary>
/// A mutual information estimator for <see cref="SampleMatrix"/> samples that also gives the local (pointwise) mutual
/// information of each row, whose mean over the rows is the estimate.
/// </summary>
/// <remarks>
/// The counterpart of <see cref="ILocalMutualInformation{TX, TY}"/> for multivariate continuous samples. What a local value
/// is depends on the estimator: a log-density ratio under the fitted model (<see cref="GaussianMutualInformation"/>) or the
/// per-sample digamma term (<see cref="KsgMutualInformation"/>). Lizier (2014), "Measuring the dynamics of information
/// processing on a local scale".
/// </remarks>
public interface ILocalMultivariateMutualInformation : IMultivariateMutualInformationEstimator
{
    /// <summary>The local mutual information of each row, in nats; their mean is <see cref="IMultivariateMutualInformationEstimator.Estimate"/> on the same samples (up to rounding).</summary>
    /// <param name="x">The samples of X.</param>
    /// <param name="y">The samples of Y, as many rows as <paramref name="x"/>.</param>
    /// <returns>One value per row, in row order.</returns>
    double[] LocalValues(SampleMatrix x, SampleMatrix y);
}

/// <summary>
/// A conditional mutual information estimator for <see cref="SampleMatrix"/> samples that also gives the local (pointwise)
/// conditional mutual information of each row, whose mean over the rows is the estimate.
/// </summary>
/// <remarks>
/// The counterpart of <see cref="ILocalConditionalMutualInformation{TX, TY, TZ}"/> for multivariate continuous samples;
/// local transfer entropy is built on it (<see cref="TimeSeries.TransferEntropy.LocalValues(SampleMatrix, SampleMatrix, SampleMatrix?)"/>).
/// </remarks>
public interface ILocalMultivariateConditionalMutualInformation : IMultivariateConditionalMutualInformationEstimator
{
    /// <summary>The local conditional mutual information of each row, in nats; their mean is <see cref="IMultivariateConditionalMutualInformationEstimator.Estimate"/> on the same samples (up to rounding).</summary>
    /// <param name="x">The samples of X.</param>
    /// <param name="y">The samples of Y.</param>
    /// <param name="z">The samples of the conditioning variable Z.</param>
    /// <returns>One value per row, in row order.</returns>
    double[] LocalValues(SampleMatrix x, SampleMatrix y, SampleMatrix z);
}
