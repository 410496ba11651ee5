using System.Globalization;
using InfoTheory.Continuous;
using InfoTheory.Internal;
using InfoTheory.TimeSeries.Internal;

namespace InfoTheory.TimeSeries;

/// <summary>
/// The settings of <see cref="NetworkInference"/>: candidate lags, the conditional mutual information estimator, the
/// significance levels of the five tests, the null distribution, the seed and the parallelism. Immutable; every
/// setter validates its value.
/// </summary>
public sealed record NetworkInferenceSettings
{
    /// <summary>The largest lag considered, in time steps: candidates are every process at t − 1 … t − MaxLag. At least 1; default 3.</summary>
    public int MaxLag { get; init => field = TimeSeriesChecks.Delay(value, nameof(MaxLag)); } = 3;

    /// <summary>
    /// The conditional mutual information estimator (default <see cref="GaussianConditionalMutualInformation"/>; e.g.
    /// <see cref="KsgConditionalMutualInformation"/> for nonlinear couplings, as IDTxl's default).
    /// </summary>
    public IMultivariateConditionalMutualInformationEstimator Estimator { get; init => field = value ?? throw new ArgumentNullException(nameof(Estimator)); } =
        new GaussianConditionalMutualInformation();

    /// <summary>
    /// The mutual information estimator used while nothing is conditioned on yet (the first target-past candidate, and
    /// sources of a target with no selected past). Null (default): the counterpart of <see cref="Estimator"/> —
    /// <see cref="GaussianMutualInformation"/>, <see cref="GaussianCopulaMutualInformation"/> or
    /// <see cref="KsgMutualInformation"/> with the same settings; give one for any other estimator.
    /// </summary>
    public IMultivariateMutualInformationEstimator? UnconditionedEstimator { get; init; }

    /// <summary>How null distributions are obtained; default <see cref="NetworkNull.Surrogates"/>.</summary>
    public NetworkNull Null
    {
        get;
        init
        {
            if (!Enum.IsDefined(value))
            {
                ThrowHelper.ArgumentOutOfRange(nameof(Null), value, "Null is not a defined NetworkNull.");
            }

            field = value;
        }
    }

    /// <summary>The number of surrogates per test (with <see cref="NetworkNull.Surrogates"/>); at least 1, default 200 (IDTxl's default).</summary>
    public int Surrogates { get; init => field = Settings.AtLeast(value, 1, nameof(Surrogates)); } = 200;

    /// <summary>The level of the maximum-statistic test of each candidate during selection; in (0, 1), default 0.05.</summary>
    public double AlphaMax { get; init => field = Alpha(value, nameof(AlphaMax)); } = 0.05;

    /// <summary>The level of the minimum-statistic test of the pruning step; in (0, 1), default 0.05.</summary>
    public double AlphaMin { get; init => field = Alpha(value, nameof(AlphaMin)); } = 0.05;

    /// <summary>The level of the omnibus test of the collective transfer entropy; in (0, 1), default 0.05.</summary>
    public double AlphaOmnibus { get; init => field = Alpha(value, nameof(AlphaOmnibus)); } = 0.05;

    /// <summary>The level of the sequential maximum-statistic tests of the single sources; in (0, 1), default 0.05.</summary>
    public double AlphaSequential { get; init => field = Alpha(value, nameof(AlphaSequential)); } = 0.05;

    /// <summary>The false discovery rate of the Benjamini-Hochberg correction of the omnibus p-values across targets; in (0, 1), default 0.05.</summary>
    public double AlphaFdr { get; init => field = Alpha(value, nameof(AlphaFdr)); } = 0.05;

    /// <summary>Whether <see cref="NetworkInference.Infer(IReadOnlyList{SampleMatrix}, NetworkInferenceSettings)"/> applies the FDR correction across targets; default true.</summary>
    public bool FdrCorrection { get; init; } = true;

    /// <summary>The seed of every surrogate; each target and each test derive their own stream from it. Default <see cref="EstimatorDefaults.Seed"/>.</summary>
    public int Seed { get; init; } = Settings.DefaultSeed;

    /// <summary>The most threads to use: −1 (default) for all cores, or at least 1. Does not change the result.</summary>
    public int MaxDegreeOfParallelism { get; init => field = Settings.MaxDegreeOfParallelism(value); } = Settings.DefaultMaxDegreeOfParallelism;

    private static double Alpha(double value, string paramName)
    {
        if (!(value > 0 && value < 1))
        {
            ThrowHelper.ArgumentOutOfRange(paramName, value, string.Create(CultureInfo.InvariantCulture,
                $"{paramName} is a significance level and must lie strictly between 0 and 1, got {value}."));
        }

        return value;
    }
}
