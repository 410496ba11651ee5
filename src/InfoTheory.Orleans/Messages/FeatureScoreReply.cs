namespace InfoTheory.Orleans.Messages;

/// <summary>The scores of a <see cref="FeatureScoreRequest"/>, or the data the silo must be sent first.</summary>
[GenerateSerializer]
[Immutable]
public sealed record FeatureScoreReply
{
    /// <summary>The scores in nats, one per column of the group.</summary>
    [Id(0)] public double[] Nats { get; init; } = [];

    /// <summary>The estimator's type name per column.</summary>
    [Id(1)] public string[] Estimators { get; init; } = [];

    /// <summary>The hashes of the data to upload first.</summary>
    [Id(2)] public string[] Missing { get; init; } = [];
}
