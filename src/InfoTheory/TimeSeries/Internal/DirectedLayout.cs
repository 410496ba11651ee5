namespace InfoTheory.TimeSeries.Internal;

/// <summary>
/// Where the blocks of a directed information rate lie in time: Y_t (lag 0), the target's past (lag 1, k values)
/// and the source's memory including its present (lag 0, l values X_t, X_{t−1}, …, X_{t−l+1}).
/// </summary>
internal readonly record struct DirectedLayout(int TargetHistory, int SourceMemory)
{
    public static LaggedBlock Present => new(0, 1, 1);

    public LaggedBlock TargetPast => new(1, TargetHistory, 1);

    public LaggedBlock SourceWindow => new(0, SourceMemory, 1);

    /// <summary>The first time index t with every block complete.</summary>
    public int Start => EmbeddingBuilder.Start([Present, TargetPast, SourceWindow]);
}
