namespace InfoTheory.Orleans.Messages;

/// <summary>
/// A piece of the raw values of a column group (column after column, n values each), small enough for one message;
/// the silo assembles the pieces and prepares the group once all have arrived.
/// </summary>
[GenerateSerializer]
[Immutable]
public sealed record GroupChunk
{
    /// <summary>The estimator settings the group is prepared for.</summary>
    [Id(0)] public required MatrixSettings Settings { get; init; }

    /// <summary>The group.</summary>
    [Id(1)] public required ColumnGroup Group { get; init; }

    /// <summary>The position of <see cref="Values"/> in the group's Count × n values.</summary>
    [Id(2)] public required long Offset { get; init; }

    /// <summary>The values.</summary>
    [Id(3)] public required double[] Values { get; init; }
}
