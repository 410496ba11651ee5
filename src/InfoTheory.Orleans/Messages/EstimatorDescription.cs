namespace InfoTheory.Orleans.Messages;

/// <summary>
/// An estimator of the core package as sent to a silo: its type and its public settings as JSON. Only types of the
/// InfoTheory assembly are accepted, and the client checks that the description rebuilds an estimator with the same
/// settings before sending it.
/// </summary>
[GenerateSerializer]
[Immutable]
public sealed record EstimatorDescription
{
    /// <summary>The full name of the estimator's type in the InfoTheory assembly.</summary>
    [Id(0)] public required string TypeName { get; init; }

    /// <summary>The estimator's public properties as JSON.</summary>
    [Id(1)] public required string Json { get; init; }
}
