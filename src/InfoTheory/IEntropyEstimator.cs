namespace InfoTheory;

/// <summary>Estimates the entropy of the distribution that generated a sample.</summary>
/// <typeparam name="TSample">The sample type: <see cref="int"/> symbols for discrete estimators.</typeparam>
/// <remarks>Implementations are immutable and thread-safe; settings come through their constructors or init properties.</remarks>
public interface IEntropyEstimator<TSample>
{
    /// <summary>Estimates H(X) from i.i.d. samples of X.</summary>
    /// <param name="samples">The samples.</param>
    /// <returns>The estimate (bias-corrected estimators may return values outside [0, log K]; they are not clipped).</returns>
    Information Estimate(ReadOnlySpan<TSample> samples);
}

/// <summary>Estimates the mutual information I(X;Y) from paired samples.</summary>
/// <typeparam name="TX">The sample type of X.</typeparam>
/// <typeparam name="TY">The sample type of Y.</typeparam>
public interface IMutualInformationEstimator<TX, TY>
{
    /// <summary>Estimates I(X;Y) from paired samples (x[i], y[i]).</summary>
    /// <param name="x">The samples of X.</param>
    /// <param name="y">The samples of Y, as many as of X.</param>
    /// <returns>The estimate; bias-corrected estimates can be slightly negative and are returned as they are.</returns>
    Information Estimate(ReadOnlySpan<TX> x, ReadOnlySpan<TY> y);
}

/// <summary>Estimates the conditional mutual information I(X;Y|Z) from samples of (X, Y, Z).</summary>
/// <typeparam name="TX">The sample type of X.</typeparam>
/// <typeparam name="TY">The sample type of Y.</typeparam>
/// <typeparam name="TZ">The sample type of Z.</typeparam>
public interface IConditionalMutualInformationEstimator<TX, TY, TZ>
{
    /// <summary>Estimates I(X;Y|Z) from samples (x[i], y[i], z[i]).</summary>
    /// <param name="x">The samples of X.</param>
    /// <param name="y">The samples of Y.</param>
    /// <param name="z">The samples of the conditioning variable Z.</param>
    /// <returns>The estimate; bias-corrected estimates can be slightly negative and are returned as they are.</returns>
    Information Estimate(ReadOnlySpan<TX> x, ReadOnlySpan<TY> y, ReadOnlySpan<TZ> z);
}
