namespace InfoTheory.Orleans.Messages;

/// <summary>The feature scores of a group of consecutive feature columns against a target.</summary>
[GenerateSerializer]
[Immutable]
public sealed record FeatureScoreRequest
{
    /// <summary>The discrete/discrete estimator, or null when no pair of the job needs it.</summary>
    [Id(0)] public EstimatorDescription? DiscreteDiscrete { get; init; }

    /// <summary>The discrete/continuous estimator, or null when no pair of the job needs it.</summary>
    [Id(1)] public EstimatorDescription? Mixed { get; init; }

    /// <summary>The continuous/continuous estimator, or null when no pair of the job needs it.</summary>
    [Id(2)] public EstimatorDescription? ContinuousContinuous { get; init; }

    /// <summary>The group's columns, n × count, row-major.</summary>
    [Id(3)] public required DataRef Features { get; init; }

    /// <summary>The target, n × 1.</summary>
    [Id(4)] public required DataRef Target { get; init; }

    /// <summary>Whether the target is discrete (its values are then whole numbers).</summary>
    [Id(5)] public required bool TargetDiscrete { get; init; }

    /// <summary>Which of the group's columns are discrete.</summary>
    [Id(6)] public required bool[] DiscreteFeatures { get; init; }

    /// <summary>The index of the group's first column among all features.</summary>
    [Id(7)] public required int Start { get; init; }

    /// <summary>Threads on the silo (−1 for no limit).</summary>
    [Id(8)] public required int MaxDegreeOfParallelism { get; init; }
}
