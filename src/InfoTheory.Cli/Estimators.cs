using InfoTheory.Discrete;

namespace InfoTheory.Cli;

/// <summary>The discrete entropy estimators the command line offers, by name.</summary>
internal static class Estimators
{
    public static readonly string[] Names =
        ["plugin", "miller-madow", "grassberger", "chao-shen", "james-stein", "nsb", "jackknife", "jeffreys", "laplace", "perks", "minimax"];

    public static DiscreteEntropyEstimator Create(string name, long? alphabetSize = null) => name switch
    {
        "plugin" => new PlugInEntropy() { AlphabetSize = alphabetSize },
        "miller-madow" => new MillerMadowEntropy() { AlphabetSize = alphabetSize },
        "grassberger" => new GrassbergerEntropy() { AlphabetSize = alphabetSize },
        "chao-shen" => new ChaoShenEntropy() { AlphabetSize = alphabetSize },
        "james-stein" => new JamesSteinEntropy() { AlphabetSize = alphabetSize },
        "nsb" => new NsbEntropy() { AlphabetSize = alphabetSize },
        "jackknife" => new JackknifeEntropy() { AlphabetSize = alphabetSize },
        "jeffreys" => new DirichletEntropy(DirichletPrior.Jeffreys) { AlphabetSize = alphabetSize },
        "laplace" => new DirichletEntropy(DirichletPrior.Laplace) { AlphabetSize = alphabetSize },
        "perks" => new DirichletEntropy(DirichletPrior.Perks) { AlphabetSize = alphabetSize },
        "minimax" => new DirichletEntropy(DirichletPrior.Minimax) { AlphabetSize = alphabetSize },
        _ => throw new CliException($"unknown estimator '{name}'; use one of: {string.Join(", ", Names)}"),
    };
}
