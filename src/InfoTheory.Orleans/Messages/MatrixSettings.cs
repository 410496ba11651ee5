using System.Globalization;
using InfoTheory.Selection;

namespace InfoTheory.Orleans.Messages;

/// <summary>The settings of a <see cref="DependenceMatrix"/> and the row count, as sent to a silo.</summary>
[GenerateSerializer]
[Immutable]
public sealed record MatrixSettings
{
    /// <summary>The pairwise estimator, as its <see cref="DependenceEstimator"/> value.</summary>
    [Id(0)] public required int Estimator { get; init; }

    /// <summary>See <see cref="DependenceMatrix.Normalize"/>.</summary>
    [Id(1)] public required bool Normalize { get; init; }

    /// <summary>See <see cref="DependenceMatrix.K"/>.</summary>
    [Id(2)] public required int K { get; init; }

    /// <summary>See <see cref="DependenceMatrix.Seed"/>.</summary>
    [Id(3)] public required int Seed { get; init; }

    /// <summary>The number of samples n.</summary>
    [Id(4)] public required int Rows { get; init; }

    /// <summary>Threads a silo uses for the preparation and for one block (−1 for no limit).</summary>
    [Id(5)] public required int MaxDegreeOfParallelism { get; init; }

    /// <summary>The settings as a dependence matrix.</summary>
    /// <returns>A new matrix object with these settings.</returns>
    public DependenceMatrix ToMatrix() => new()
    {
        Estimator = (DependenceEstimator)Estimator,
        Normalize = Normalize,
        K = K,
        Seed = Seed,
        MaxDegreeOfParallelism = MaxDegreeOfParallelism,
    };

    /// <summary>The part of the settings that changes prepared columns, as a cache key.</summary>
    /// <returns>A string that is equal for settings that prepare columns the same way.</returns>
    public string CacheKey() => string.Create(CultureInfo.InvariantCulture, $"{Estimator}|{Normalize}|{K}|{Seed}|{Rows}");
}
