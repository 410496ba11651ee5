namespace InfoTheory.Orleans.Messages;

/// <summary>A run of consecutive variables [Start, Start + Count) identified by the SHA-256 of their values.</summary>
[GenerateSerializer]
[Immutable]
public sealed record ColumnGroup
{
    /// <summary>The hexadecimal SHA-256 of the row count, the column count and the values, column after column.</summary>
    [Id(0)] public required string Hash { get; init; }

    /// <summary>The index of the group's first variable in the whole data set.</summary>
    [Id(1)] public required int Start { get; init; }

    /// <summary>The number of variables in the group.</summary>
    [Id(2)] public required int Count { get; init; }
}
