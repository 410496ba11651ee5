namespace InfoTheory.Orleans.Messages;

/// <summary>The result of a <see cref="TargetRequest"/>, or the data the silo must be sent first.</summary>
[GenerateSerializer]
[Immutable]
public sealed record TargetReply
{
    /// <summary>The target's result; null when <see cref="Missing"/> is not empty.</summary>
    [Id(0)] public TargetResult? Result { get; init; }

    /// <summary>The hashes of the data to upload first.</summary>
    [Id(1)] public string[] Missing { get; init; } = [];
}
