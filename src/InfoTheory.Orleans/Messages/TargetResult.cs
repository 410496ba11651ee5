using InfoTheory.TimeSeries;

namespace InfoTheory.Orleans.Messages;

/// <summary>A <see cref="TargetInference"/> on the wire: the selected variables as (process, lag, nats, p) rows.</summary>
[GenerateSerializer]
[Immutable]
public sealed record TargetResult
{
    /// <summary>See <see cref="TargetInference.Target"/>.</summary>
    [Id(0)] public required int Target { get; init; }

    /// <summary>The target past: processes, lags, conditional MI in nats and p-values, in order.</summary>
    [Id(1)] public required int[] PastProcesses { get; init; }

    /// <summary>The lags of the target past.</summary>
    [Id(2)] public required int[] PastLags { get; init; }

    /// <summary>The conditional MI of the target past, in nats.</summary>
    [Id(3)] public required double[] PastNats { get; init; }

    /// <summary>The p-values of the target past.</summary>
    [Id(4)] public required double[] PastPValues { get; init; }

    /// <summary>The sources' processes, strongest first.</summary>
    [Id(5)] public required int[] SourceProcesses { get; init; }

    /// <summary>The sources' lags.</summary>
    [Id(6)] public required int[] SourceLags { get; init; }

    /// <summary>The sources' conditional MI in nats.</summary>
    [Id(7)] public required double[] SourceNats { get; init; }

    /// <summary>The sources' p-values.</summary>
    [Id(8)] public required double[] SourcePValues { get; init; }

    /// <summary>See <see cref="TargetInference.TransferEntropy"/>, in nats.</summary>
    [Id(9)] public required double TransferEntropyNats { get; init; }

    /// <summary>See <see cref="TargetInference.OmnibusPValue"/>.</summary>
    [Id(10)] public required double OmnibusPValue { get; init; }

    /// <summary>See <see cref="TargetInference.Significant"/>.</summary>
    [Id(11)] public required bool Significant { get; init; }

    /// <summary>The message for <paramref name="inference"/>.</summary>
    /// <param name="inference">A target's result.</param>
    /// <returns>The message.</returns>
    public static TargetResult From(TargetInference inference)
    {
        ArgumentNullException.ThrowIfNull(inference);
        return new TargetResult
        {
            Target = inference.Target,
            PastProcesses = [.. inference.TargetPast.Select(s => s.Process)],
            PastLags = [.. inference.TargetPast.Select(s => s.Lag)],
            PastNats = [.. inference.TargetPast.Select(s => s.ConditionalMutualInformation.Nats)],
            PastPValues = [.. inference.TargetPast.Select(s => s.PValue)],
            SourceProcesses = [.. inference.Sources.Select(s => s.Process)],
            SourceLags = [.. inference.Sources.Select(s => s.Lag)],
            SourceNats = [.. inference.Sources.Select(s => s.ConditionalMutualInformation.Nats)],
            SourcePValues = [.. inference.Sources.Select(s => s.PValue)],
            TransferEntropyNats = inference.TransferEntropy.Nats,
            OmnibusPValue = inference.OmnibusPValue,
            Significant = inference.Significant,
        };
    }

    /// <summary>The target's result this message carries.</summary>
    /// <returns>The result.</returns>
    public TargetInference ToInference() => new(Target,
        [.. PastProcesses.Select((p, i) => new InferredSource(p, PastLags[i], Information.FromNats(PastNats[i]), PastPValues[i]))],
        [.. SourceProcesses.Select((p, i) => new InferredSource(p, SourceLags[i], Information.FromNats(SourceNats[i]), SourcePValues[i]))],
        Information.FromNats(TransferEntropyNats), OmnibusPValue, Significant);
}
