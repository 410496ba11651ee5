using InfoTheory.Continuous;
using InfoTheory.Neural;

namespace InfoTheory.Cli;

/// <summary>
/// The continuous mutual-information estimators the command line offers, by name. A setting the user does not give is
/// left at the estimator's own default, so the command line and the API agree on the same data.
/// </summary>
internal static class ContinuousEstimators
{
    /// <summary>Name, one-line description.</summary>
    public static readonly (string Name, string Description)[] MutualInformation =
    [
        ("hybrid", "Gaussian-surrogate-corrected KSG on normal scores (recommended)"),
        ("ksg", "KSG algorithm 1 (Kraskov et al. 2004), standardised columns"),
        ("ksg2", "KSG algorithm 2, standardised columns"),
        ("ksg-copula", "KSG algorithm 1 on normal scores"),
        ("gaussian", "Gaussian (linear) estimate from the sample covariance"),
        ("copula", "Gaussian-copula MI (Ince et al. 2017), a lower bound"),
        ("copula-bc", "Gaussian-copula MI with the analytic bias correction"),
        ("mixed", "Gao et al. (2017) KSG for variables that mix discrete and continuous values (e.g. zero-inflated), in the authors' released form (digamma of counts); near-zero MI can come out slightly negative"),
    ];

    /// <summary>
    /// The trained-critic estimators (InfoTheory.Neural), with the API's defaults (bmi's: batch 256, hidden (16, 8),
    /// 2000 steps, early stopping). Opt-in: a training run takes seconds where the others take milliseconds, so
    /// <c>validate</c> runs them only when <c>--estimators</c> names them.
    /// </summary>
    public static readonly (string Name, string Description)[] Neural =
    [
        ("neural-infonce", "trained joint critic, InfoNCE (at most ln 256 = 5.55 nats)"),
        ("neural-nwj", "trained joint critic, NWJ (MINE-f)"),
        ("neural-mine", "trained joint critic, MINE (Donsker-Varadhan, moving-average gradient)"),
        ("neural-smile", "trained joint critic, SMILE with clip 5 (trained as Jensen-Shannon)"),
        ("neural-js", "trained joint critic, Jensen-Shannon training read through NWJ"),
        ("neural-infonce-separable", "trained separable critic g(x)'h(y), InfoNCE"),
    ];

    /// <summary>The names that also estimate conditional MI.</summary>
    public static readonly string[] ConditionalNames = ["ksg", "ksg-copula", "gaussian", "copula", "copula-bc"];

    public static bool IsContinuous(string name) => Array.Exists(MutualInformation, e => e.Name == name);

    /// <summary>Whether <paramref name="name"/> is one of the opt-in trained critics.</summary>
    public static bool IsNeural(string name) => Array.Exists(Neural, e => e.Name == name);

    public static IMultivariateMutualInformationEstimator Create(string name, int? k, int seed) => name switch
    {
        "hybrid" => Hybrid(k, seed),
        "ksg" => new KsgMutualInformation { K = k ?? EstimatorDefaults.K, Algorithm = KsgAlgorithm.One, Seed = seed },
        "ksg2" => new KsgMutualInformation { K = k ?? EstimatorDefaults.K, Algorithm = KsgAlgorithm.Two, Seed = seed },
        "ksg-copula" => new KsgMutualInformation { K = k ?? EstimatorDefaults.K, Scaling = SampleScaling.NormalScores, Seed = seed },
        "gaussian" => new GaussianMutualInformation(),
        "copula" => new GaussianCopulaMutualInformation(),
        "copula-bc" => new GaussianCopulaMutualInformation { BiasCorrected = true },
        "mixed" => k is { } given ? new MixedKsgMutualInformation { K = given } : new MixedKsgMutualInformation(),
        "neural-infonce" => new NeuralMutualInformation { Objective = CriticObjective.InfoNce, Seed = seed },
        "neural-nwj" => new NeuralMutualInformation { Objective = CriticObjective.NguyenWainwrightJordan, Seed = seed },
        "neural-mine" => new NeuralMutualInformation { Objective = CriticObjective.Mine, Seed = seed },
        "neural-smile" => new NeuralMutualInformation { Objective = CriticObjective.Smile, Seed = seed },
        "neural-js" => new NeuralMutualInformation { Objective = CriticObjective.JensenShannon, Seed = seed },
        "neural-infonce-separable" => new NeuralMutualInformation { Objective = CriticObjective.InfoNce, Critic = CriticArchitecture.Separable, Seed = seed },
        _ => throw new CliException($"unknown estimator '{name}'; use one of: {string.Join(", ", MutualInformation.Select(e => e.Name))}"),
    };

    public static IMultivariateConditionalMutualInformationEstimator CreateConditional(string name, int? k, int seed) => name switch
    {
        "ksg" => new KsgConditionalMutualInformation { K = k ?? EstimatorDefaults.K, Seed = seed },
        "ksg-copula" => new KsgConditionalMutualInformation { K = k ?? EstimatorDefaults.K, Scaling = SampleScaling.NormalScores, Seed = seed },
        "gaussian" => new GaussianConditionalMutualInformation(),
        "copula" => new GaussianCopulaConditionalMutualInformation(),
        "copula-bc" => new GaussianCopulaConditionalMutualInformation { BiasCorrected = true },
        _ => throw new CliException($"estimator '{name}' does not estimate conditional MI; use one of: {string.Join(", ", ConditionalNames)}"),
    };

    /// <summary>Whether <paramref name="name"/> uses a neighbour order at all (so --k can be checked against the rows).</summary>
    public static bool UsesNeighbors(string name) => name is "hybrid" or "ksg" or "ksg2" or "ksg-copula" or "mixed";

    private static HybridMutualInformation Hybrid(int? k, int seed) =>
        new(new KsgMutualInformation { K = k ?? EstimatorDefaults.K, Scaling = SampleScaling.None, Seed = seed }) { Seed = seed };
}
