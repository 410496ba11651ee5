namespace InfoTheory.Orleans.Messages;

/// <summary>
/// A piece of a column group (column after column, n entries each), small enough for one message; the silo assembles
/// the pieces and, once all have arrived, keeps the group: prepared (KSG, plug-in) or as its ranks (copula). The entries travel as raw little-endian bytes (one copy
/// each way, where an array of numbers is encoded element by element), in the group's <see cref="Encoding"/>.
/// </summary>
[GenerateSerializer]
[Immutable]
public sealed record GroupChunk
{
    /// <summary>The estimator settings the group is prepared for.</summary>
    [Id(0)] public required MatrixSettings Settings { get; init; }

    /// <summary>The group.</summary>
    [Id(1)] public required ColumnGroup Group { get; init; }

    /// <summary>The position of this piece in the group's bytes.</summary>
    [Id(2)] public required long Offset { get; init; }

    /// <summary>How the group's Count × n entries are written as bytes.</summary>
    [Id(3)] public required GroupEncoding Encoding { get; init; }

    /// <summary>This piece of the group's bytes.</summary>
    [Id(4)] public required byte[] Bytes { get; init; }
}

/// <summary>How a column group's entries are sent to a silo.</summary>
public enum GroupEncoding
{
    /// <summary>The raw values, 8 bytes each (KSG, plug-in): each silo prepares them as the local run does.</summary>
    Values = 0,

    /// <summary>
    /// Twice each value's mid-rank in its column, 2 … 2n, 2 bytes each (copula, n ≤ 32 767): the O(n log n) part of
    /// the copula preparation, done once on the client; a silo keeps them and only looks the scores up and scales them.
    /// </summary>
    TwiceRanks16 = 1,

    /// <summary>As <see cref="TwiceRanks16"/>, 4 bytes each, for larger n.</summary>
    TwiceRanks32 = 2,
}
