using InfoTheory.Continuous;
using InfoTheory.Orleans.Internal;
using InfoTheory.TimeSeries;

namespace InfoTheory.Orleans.Messages;

/// <summary>A <see cref="NetworkInferenceSettings"/> as sent to a silo.</summary>
[GenerateSerializer]
[Immutable]
public sealed record NetworkSettingsMessage
{
    /// <summary>See <see cref="NetworkInferenceSettings.MaxLag"/>.</summary>
    [Id(0)] public required int MaxLag { get; init; }

    /// <summary>See <see cref="NetworkInferenceSettings.Estimator"/>.</summary>
    [Id(1)] public required EstimatorDescription Estimator { get; init; }

    /// <summary>See <see cref="NetworkInferenceSettings.UnconditionedEstimator"/>.</summary>
    [Id(2)] public EstimatorDescription? UnconditionedEstimator { get; init; }

    /// <summary>See <see cref="NetworkInferenceSettings.Null"/>.</summary>
    [Id(3)] public required int Null { get; init; }

    /// <summary>See <see cref="NetworkInferenceSettings.Surrogates"/>.</summary>
    [Id(4)] public required int Surrogates { get; init; }

    /// <summary>AlphaMax, AlphaMin, AlphaOmnibus, AlphaSequential, AlphaFdr.</summary>
    [Id(5)] public required double[] Alphas { get; init; }

    /// <summary>See <see cref="NetworkInferenceSettings.FdrCorrection"/>.</summary>
    [Id(6)] public required bool FdrCorrection { get; init; }

    /// <summary>See <see cref="NetworkInferenceSettings.Seed"/>.</summary>
    [Id(7)] public required int Seed { get; init; }

    /// <summary>See <see cref="NetworkInferenceSettings.MaxDegreeOfParallelism"/>.</summary>
    [Id(8)] public required int MaxDegreeOfParallelism { get; init; }

    /// <summary>Describes <paramref name="settings"/>.</summary>
    /// <param name="settings">The settings.</param>
    /// <param name="paramName">The caller's parameter, named by the exception when an estimator cannot be described.</param>
    /// <returns>The message.</returns>
    public static NetworkSettingsMessage From(NetworkInferenceSettings settings, string paramName)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new NetworkSettingsMessage
        {
            MaxLag = settings.MaxLag,
            Estimator = EstimatorCodec.Describe(settings.Estimator, paramName),
            UnconditionedEstimator = settings.UnconditionedEstimator is null ? null : EstimatorCodec.Describe(settings.UnconditionedEstimator, paramName),
            Null = (int)settings.Null,
            Surrogates = settings.Surrogates,
            Alphas = [settings.AlphaMax, settings.AlphaMin, settings.AlphaOmnibus, settings.AlphaSequential, settings.AlphaFdr],
            FdrCorrection = settings.FdrCorrection,
            Seed = settings.Seed,
            MaxDegreeOfParallelism = settings.MaxDegreeOfParallelism,
        };
    }

    /// <summary>The settings this message describes.</summary>
    /// <returns>New settings equal to those described.</returns>
    public NetworkInferenceSettings ToSettings() => new()
    {
        MaxLag = MaxLag,
        Estimator = EstimatorCodec.Create<IMultivariateConditionalMutualInformationEstimator>(Estimator),
        UnconditionedEstimator = UnconditionedEstimator is null ? null : EstimatorCodec.Create<IMultivariateMutualInformationEstimator>(UnconditionedEstimator),
        Null = (NetworkNull)Null,
        Surrogates = Surrogates,
        AlphaMax = Alphas[0],
        AlphaMin = Alphas[1],
        AlphaOmnibus = Alphas[2],
        AlphaSequential = Alphas[3],
        AlphaFdr = Alphas[4],
        FdrCorrection = FdrCorrection,
        Seed = Seed,
        MaxDegreeOfParallelism = MaxDegreeOfParallelism,
    };
}
