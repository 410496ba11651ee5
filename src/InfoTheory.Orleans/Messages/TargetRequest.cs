namespace InfoTheory.Orleans.Messages;

/// <summary>The network-inference search for one target.</summary>
[GenerateSerializer]
[Immutable]
public sealed record TargetRequest
{
    /// <summary>The trials.</summary>
    [Id(0)] public required DataRef[] Trials { get; init; }

    /// <summary>The target's column index.</summary>
    [Id(1)] public required int Target { get; init; }

    /// <summary>The settings.</summary>
    [Id(2)] public required NetworkSettingsMessage Settings { get; init; }
}
