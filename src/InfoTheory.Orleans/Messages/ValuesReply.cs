namespace InfoTheory.Orleans.Messages;

/// <summary>Values computed on a silo, or the data the silo must be sent first.</summary>
[GenerateSerializer]
[Immutable]
public sealed record ValuesReply
{
    /// <summary>The values, or empty when <see cref="Missing"/> is not.</summary>
    [Id(0)] public double[] Values { get; init; } = [];

    /// <summary>The hashes of the data to upload first.</summary>
    [Id(1)] public string[] Missing { get; init; } = [];
}
