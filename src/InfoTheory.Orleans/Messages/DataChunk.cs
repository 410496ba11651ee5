namespace InfoTheory.Orleans.Messages;

/// <summary>A piece of a block of raw values (a data set or a trial, row after row), small enough for one message.</summary>
[GenerateSerializer]
[Immutable]
public sealed record DataChunk
{
    /// <summary>The hexadecimal SHA-256 of the whole block.</summary>
    [Id(0)] public required string Hash { get; init; }

    /// <summary>The number of values in the whole block.</summary>
    [Id(1)] public required long Total { get; init; }

    /// <summary>The position of <see cref="Values"/> in the block.</summary>
    [Id(2)] public required long Offset { get; init; }

    /// <summary>The values.</summary>
    [Id(3)] public required double[] Values { get; init; }
}
