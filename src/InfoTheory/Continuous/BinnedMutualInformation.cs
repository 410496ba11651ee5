using System.Globalization;
using InfoTheory.Discrete;
using InfoTheory.Internal;

namespace InfoTheory.Continuous;

/// <summary>
/// Mutual information of continuous variables by binning: each of X and Y is discretised with a <see cref="Continuous.Binning"/>
/// (the columns of a row joined into one symbol), and a discrete estimator — plug-in by default — is applied to the
/// symbols: Î(X;Y) = Î_discrete(bin(X); bin(Y)).
/// </summary>
/// <remarks>
/// <para>
/// The estimator of the information-plane studies: I(X;T) and I(T;Y) of a layer's activations T (Shwartz-Ziv &amp; Tishby
/// 2017 with <see cref="EqualWidthBinning"/>; Chelombiev, Houghton &amp; O'Donnell 2019 with
/// <see cref="EntropyBasedAdaptiveBinning"/>). X and Y are binned separately, each with edges fitted to its own values,
/// by <see cref="Binning"/> or, for Y, by <see cref="YBinning"/> when set. For labels or inputs that are already discrete,
/// bin only the activations (<see cref="Binning.Discretize(SampleMatrix)"/>) and call the discrete estimator directly.
/// </para>
/// <para>
/// What it estimates is the MI of the binned variables, which is at most I(X;Y) (data processing) and depends strongly on
/// the bin count: for a deterministic map T = f(X) of a continuous X, I(X;T) is infinite while the binned value is
/// H(bin(T)) ≤ ln(number of occupied bins). The plug-in estimate is also biased upward by about
/// (Kx − 1)(Ky − 1)/(2n) nats for Kx, Ky occupied symbols (Miller 1955); with many columns the joint symbols become so
/// many that most are seen once and the estimate saturates at ln n. Pass a bias-corrected discrete estimator
/// (e.g. <see cref="DiscreteMutualInformation"/> over <see cref="MillerMadowEntropy"/>) to reduce the bias; corrected
/// estimates can be negative and are not clipped.
/// </para>
/// <para>
/// O(n (dx + dy) log n) for the binning and joint coding, plus the discrete estimator's cost. Immutable and thread-safe
/// when the discrete estimator is (the library's are).
/// </para>
/// </remarks>
public sealed class BinnedMutualInformation : IMultivariateMutualInformationEstimator, IMutualInformationEstimator<double, double>
{
    /// <summary>An estimator that bins with <paramref name="binning"/> and applies <paramref name="estimator"/> to the symbols.</summary>
    /// <param name="binning">The binning applied to X, and to Y unless <see cref="YBinning"/> is set.</param>
    /// <param name="estimator">The discrete MI estimator, or null (default) for the plug-in <see cref="PlugInMutualInformation"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="binning"/> is null.</exception>
    public BinnedMutualInformation(Binning binning, IMutualInformationEstimator<int, int>? estimator = null)
    {
        ArgumentNullException.ThrowIfNull(binning);
        Binning = binning;
        Estimator = estimator ?? new PlugInMutualInformation();
    }

    /// <summary>The binning applied to X, and to Y unless <see cref="YBinning"/> is set.</summary>
    public Binning Binning { get; }

    /// <summary>A different binning for Y (e.g. finer bins for a layer than for the input), or null (default) to use <see cref="Binning"/>.</summary>
    public Binning? YBinning { get; init; }

    /// <summary>The discrete estimator applied to the joint bin symbols of X and Y.</summary>
    public IMutualInformationEstimator<int, int> Estimator { get; }

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="x"/> or <paramref name="y"/> is null.</exception>
    /// <exception cref="ArgumentException">The row counts differ (named <c>y</c>).</exception>
    public Information Estimate(SampleMatrix x, SampleMatrix y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Rows != y.Rows)
        {
            ThrowHelper.ArgumentException(nameof(y), string.Format(CultureInfo.InvariantCulture,
                "x has {0} rows but y has {1}; the samples must be paired row by row.", x.Rows, y.Rows));
        }

        return Estimator.Estimate(Binning.Discretize(x), (YBinning ?? Binning).Discretize(y));
    }

    /// <summary>Estimates I(X;Y) for one-dimensional X and Y from their bin indices.</summary>
    /// <param name="x">The samples of X (at least one, finite).</param>
    /// <param name="y">The samples of Y, as many as of X (finite).</param>
    /// <returns>The estimate in nats.</returns>
    /// <exception cref="ArgumentException">The lengths differ, the samples are empty, or a value is NaN or ±∞ (named <c>x</c> or <c>y</c>).</exception>
    public Information Estimate(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        Check.SameLength(x.Length, y.Length);
        return Estimate(SampleMatrix.FromRowMajor(x, 1, nameof(x)), SampleMatrix.FromRowMajor(y, 1, nameof(y)));
    }
}
