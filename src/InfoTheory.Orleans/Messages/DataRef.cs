namespace InfoTheory.Orleans.Messages;

/// <summary>A row-major matrix of raw values held by the silos under its content hash.</summary>
[GenerateSerializer]
[Immutable]
public sealed record DataRef
{
    /// <summary>The hexadecimal SHA-256 of the row count, the column count and the values.</summary>
    [Id(0)] public required string Hash { get; init; }

    /// <summary>The number of rows.</summary>
    [Id(1)] public required int Rows { get; init; }

    /// <summary>The number of columns.</summary>
    [Id(2)] public required int Columns { get; init; }
}
