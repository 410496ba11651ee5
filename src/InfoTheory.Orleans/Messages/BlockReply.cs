namespace InfoTheory.Orleans.Messages;

/// <summary>The answer to a <see cref="BlockRequest"/>: the entries, or the groups the silo has not got yet.</summary>
[GenerateSerializer]
[Immutable]
public sealed record BlockReply
{
    /// <summary>The entries row after row (Rows.Count × Columns.Count), or empty when <see cref="Missing"/> is not.</summary>
    [Id(0)] public double[] Values { get; init; } = [];

    /// <summary>The hashes of the groups to upload before the block can be computed.</summary>
    [Id(1)] public string[] Missing { get; init; } = [];
}
