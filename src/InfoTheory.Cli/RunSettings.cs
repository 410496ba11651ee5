using System.Globalization;
using InfoTheory.Continuous;
using InfoTheory.Discrete;
using InfoTheory.Neural;

namespace InfoTheory.Cli;

/// <summary>The settings an estimator was run with, read back from the estimator itself, so what is printed is what was used.</summary>
internal static class RunSettings
{
    public static string Describe(object estimator) => estimator switch
    {
        HybridMutualInformation h => string.Create(CultureInfo.InvariantCulture,
            $"{(h.Surrogates is { } count ? $"{count}" : $"{HybridMutualInformation.MinimumAdaptiveSurrogates}–{h.MaxSurrogates} (adaptive)")} Gaussian surrogates, seed {h.Seed} mixed with the data; base: {Describe(h.BaseEstimator)}"),
        KsgMutualInformation k => $"KSG algorithm {Algorithm(k.Algorithm)}, {Neighbors(k)}",
        KsgConditionalMutualInformation k => $"Frenzel-Pompe KSG, {Neighbors(k)}",
        MixedKsgMutualInformation k => string.Create(CultureInfo.InvariantCulture, $"k = {k.K}, scaling {k.Scaling}, ties counted exactly, {k.Counts} counts"),
        GaussianMutualInformation g => Bias(g.BiasCorrected),
        GaussianConditionalMutualInformation g => Bias(g.BiasCorrected),
        GaussianCopulaMutualInformation g => "normal scores, " + Bias(g.BiasCorrected),
        GaussianCopulaConditionalMutualInformation g => "normal scores, " + Bias(g.BiasCorrected),
        DiscreteMutualInformation d => $"{Entropy(d.Entropy)}, alphabets {Alphabet(d.AlphabetSizeX)} × {Alphabet(d.AlphabetSizeY)}",
        DiscreteConditionalMutualInformation d => Entropy(d.Entropy),
        DiscreteEntropyEstimator e => Entropy(e),
        NeuralMutualInformation n => string.Create(CultureInfo.InvariantCulture,
            $"{n.Critic} critic, hidden ({string.Join(", ", n.HiddenLayers)}), {n.Objective}{(n.Objective == CriticObjective.Smile ? $" clip {n.Clip}" : "")}, batch {n.BatchSize}, up to {n.MaxSteps} steps (held-out bound every {n.EvaluateEvery}, patience {(n.Patience is { } p ? p.ToString(CultureInfo.InvariantCulture) : "off")}), Adam at {n.LearningRate}, train fraction {n.TrainFraction}, seed {n.Seed}"),
        _ => estimator.GetType().Name,
    };

    private static string Neighbors(NearestNeighborEstimator k) => string.Create(CultureInfo.InvariantCulture,
        $"k = {k.K}, scaling {k.Scaling}, ties {k.Ties}, seed {k.Seed}");

    private static string Algorithm(KsgAlgorithm algorithm) => algorithm == KsgAlgorithm.One ? "1" : "2";

    private static string Bias(bool corrected) => corrected ? "analytic bias correction" : "no bias correction";

    private static string Entropy(DiscreteEntropyEstimator e) => e.AlphabetSize is { } k
        ? string.Create(CultureInfo.InvariantCulture, $"{e.GetType().Name} with alphabet size {k}")
        : $"{e.GetType().Name} with the observed alphabet";

    private static string Alphabet(long? size) => size?.ToString(CultureInfo.InvariantCulture) ?? "observed";
}
