namespace InfoTheory;

/// <summary>
/// An entropy estimator that also gives the local (pointwise) entropy of each sample, the
/// information content h(xᵢ) = −log p̂(xᵢ) under the estimator's model, whose mean over the
/// samples is the estimate.
/// </summary>
/// <typeparam name="TSample">The sample type: <see cref="int"/> symbols for discrete estimators.</typeparam>
/// <remarks>
/// Only some estimators have local values, so this is an interface of its own beside
/// <see cref="IEntropyEstimator{TSample}"/>. Local values show which samples carry the
/// information (surprising events, rare tokens) and are the basis of local information dynamics
/// (Lizier, Prokopenko &amp; Zomaya 2008, "Local information transfer as a spatiotemporal filter
/// for complex systems").
/// </remarks>
public interface ILocalEntropy<TSample> : IEntropyEstimator<TSample>
{
    /// <summary>
    /// Writes the local entropy of each sample: <c>destination[i]</c> = −log p̂(samples[i]), in the unit of
    /// <paramref name="logBase"/>. The mean of the N values equals <see cref="IEntropyEstimator{TSample}.Estimate"/>
    /// on the same samples (up to rounding).
    /// </summary>
    /// <param name="samples">The samples.</param>
    /// <param name="destination">Receives one value per sample; must hold at least <c>samples.Length</c> elements. Elements past that are left as they are.</param>
    /// <param name="logBase">The unit of the values (default nats).</param>
    void LocalValues(ReadOnlySpan<TSample> samples, Span<double> destination, LogBase logBase = LogBase.E);
}

/// <summary>
/// A mutual information estimator that also gives the local (pointwise) mutual information of each
/// sample pair, i(xᵢ; yᵢ) = log p̂(xᵢ, yᵢ) / (p̂(xᵢ) p̂(yᵢ)), whose mean over the samples is the estimate.
/// </summary>
/// <typeparam name="TX">The sample type of X.</typeparam>
/// <typeparam name="TY">The sample type of Y.</typeparam>
/// <remarks>
/// Local mutual information is negative for pairs seen together less often than independence would
/// predict (misinformative pairs). Fano (1961), <i>Transmission of Information</i>, ch. 2;
/// Lizier (2014), "Measuring the dynamics of information processing on a local scale".
/// </remarks>
public interface ILocalMutualInformation<TX, TY> : IMutualInformationEstimator<TX, TY>
{
    /// <summary>
    /// Writes the local mutual information of each pair: <c>destination[i]</c> = log p̂(x[i], y[i]) / (p̂(x[i]) p̂(y[i])),
    /// in the unit of <paramref name="logBase"/>. The mean of the N values equals
    /// <see cref="IMutualInformationEstimator{TX, TY}.Estimate"/> on the same samples (up to rounding).
    /// </summary>
    /// <param name="x">The samples of X.</param>
    /// <param name="y">The samples of Y, as many as of X.</param>
    /// <param name="destination">Receives one value per pair; must hold at least <c>x.Length</c> elements. Elements past that are left as they are.</param>
    /// <param name="logBase">The unit of the values (default nats).</param>
    void LocalValues(ReadOnlySpan<TX> x, ReadOnlySpan<TY> y, Span<double> destination, LogBase logBase = LogBase.E);
}

/// <summary>
/// A conditional mutual information estimator that also gives the local conditional mutual information
/// of each sample, i(xᵢ; yᵢ | zᵢ) = log p̂(zᵢ) p̂(xᵢ, yᵢ, zᵢ) / (p̂(xᵢ, zᵢ) p̂(yᵢ, zᵢ)), whose mean over the
/// samples is the estimate.
/// </summary>
/// <typeparam name="TX">The sample type of X.</typeparam>
/// <typeparam name="TY">The sample type of Y.</typeparam>
/// <typeparam name="TZ">The sample type of Z.</typeparam>
/// <remarks>Lizier (2014), "Measuring the dynamics of information processing on a local scale".</remarks>
public interface ILocalConditionalMutualInformation<TX, TY, TZ> : IConditionalMutualInformationEstimator<TX, TY, TZ>
{
    /// <summary>
    /// Writes the local conditional mutual information of each sample:
    /// <c>destination[i]</c> = log p̂(z[i]) p̂(x[i], y[i], z[i]) / (p̂(x[i], z[i]) p̂(y[i], z[i])), in the unit of
    /// <paramref name="logBase"/>. The mean of the N values equals
    /// <see cref="IConditionalMutualInformationEstimator{TX, TY, TZ}.Estimate"/> on the same samples (up to rounding).
    /// </summary>
    /// <param name="x">The samples of X.</param>
    /// <param name="y">The samples of Y.</param>
    /// <param name="z">The samples of the conditioning variable Z.</param>
    /// <param name="destination">Receives one value per sample; must hold at least <c>x.Length</c> elements. Elements past that are left as they are.</param>
    /// <param name="logBase">The unit of the values (default nats).</param>
    void LocalValues(ReadOnlySpan<TX> x, ReadOnlySpan<TY> y, ReadOnlySpan<TZ> z, Span<double> destination, LogBase logBase = LogBase.E);
}
