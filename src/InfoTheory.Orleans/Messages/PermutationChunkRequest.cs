namespace InfoTheory.Orleans.Messages;

/// <summary>The permuted estimates b = Start … Start + Count − 1 of a multivariate permutation test.</summary>
[GenerateSerializer]
[Immutable]
public sealed record PermutationChunkRequest
{
    /// <summary>The mutual information estimator.</summary>
    [Id(0)] public required EstimatorDescription Estimator { get; init; }

    /// <summary>The samples of X (shuffled by row).</summary>
    [Id(1)] public required DataRef X { get; init; }

    /// <summary>The samples of Y.</summary>
    [Id(2)] public required DataRef Y { get; init; }

    /// <summary>The seed of the test.</summary>
    [Id(3)] public required int Seed { get; init; }

    /// <summary>The first permutation.</summary>
    [Id(4)] public required int Start { get; init; }

    /// <summary>The number of permutations.</summary>
    [Id(5)] public required int Count { get; init; }

    /// <summary>Threads on the silo (−1 for no limit).</summary>
    [Id(6)] public required int MaxDegreeOfParallelism { get; init; }
}
