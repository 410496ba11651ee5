namespace InfoTheory.Orleans.Messages;

/// <summary>One block of a dependence matrix: the variables of <see cref="Rows"/> against those of <see cref="Columns"/>.</summary>
[GenerateSerializer]
[Immutable]
public sealed record BlockRequest
{
    /// <summary>The estimator settings.</summary>
    [Id(0)] public required MatrixSettings Settings { get; init; }

    /// <summary>The first variables of the block.</summary>
    [Id(1)] public required ColumnGroup Rows { get; init; }

    /// <summary>The second variables of the block; the same group as <see cref="Rows"/> or one that does not overlap it.</summary>
    [Id(2)] public required ColumnGroup Columns { get; init; }
}
