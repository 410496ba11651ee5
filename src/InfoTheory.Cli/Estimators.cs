using InfoTheory.Discrete;

namespace InfoTheory.Cli;

/// <summary>The discrete entropy estimators the command line offers, by name.</summary>
internal static class Estimators
{
    public static readonly string[] Names = ["plugin"];

    public static DiscreteEntropyEstimator Create(string name) => name switch
    {
        "plugin" => new PlugInEntropy(),
        _ => throw new CliException($"unknown estimator '{name}'; use one of: {string.Join(", ", Names)}"),
    };
}
