namespace InfoTheory.TimeSeries.Internal;

/// <summary>
/// Where the blocks of a transfer entropy lie in time: Y_t (lag 0), the target's past (lag 1, k values τ_Y apart)
/// and the source's (and conditional's) past (lag u, l values τ_X apart).
/// </summary>
internal readonly record struct TransferLayout(int TargetHistory, int TargetDelay, int SourceHistory, int SourceDelay, int Lag)
{
    public static LaggedBlock Present => new(0, 1, 1);

    public LaggedBlock TargetPast => new(1, TargetHistory, TargetDelay);

    public LaggedBlock SourcePast => new(Lag, SourceHistory, SourceDelay);

    /// <summary>The first time index t with every block complete.</summary>
    public int Start => EmbeddingBuilder.Start([Present, TargetPast, SourcePast]);
}
