using InfoTheory.Discrete;

namespace InfoTheory.Cli;

/// <summary>The discrete entropy estimators the command line offers, by name.</summary>
internal static class Estimators
{
    public static readonly string[] Names =
        ["plugin", "miller-madow", "grassberger", "chao-shen", "james-stein", "nsb", "jackknife", "jeffreys", "laplace", "perks", "minimax"];

    public static DiscreteEntropyEstimator Create(string name) => name switch
    {
        "plugin" => new PlugInEntropy(),
        "miller-madow" => new MillerMadowEntropy(),
        "grassberger" => new GrassbergerEntropy(),
        "chao-shen" => new ChaoShenEntropy(),
        "james-stein" => new JamesSteinEntropy(),
        "nsb" => new NsbEntropy(),
        "jackknife" => new JackknifeEntropy(),
        "jeffreys" => new DirichletEntropy(DirichletPrior.Jeffreys),
        "laplace" => new DirichletEntropy(DirichletPrior.Laplace),
        "perks" => new DirichletEntropy(DirichletPrior.Perks),
        "minimax" => new DirichletEntropy(DirichletPrior.Minimax),
        _ => throw new CliException($"unknown estimator '{name}'; use one of: {string.Join(", ", Names)}"),
    };
}
