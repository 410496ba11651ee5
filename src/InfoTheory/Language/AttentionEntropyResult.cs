namespace InfoTheory.Language;

/// <summary>Attention entropies of a [heads × queries × keys] attention tensor (see <see cref="AttentionEntropy"/>).</summary>
/// <param name="Heads">The number of heads.</param>
/// <param name="Queries">The number of queries per head.</param>
/// <param name="RowEntropy">The entropy of each query row in nats, [heads × queries] row-major.</param>
/// <param name="RowNormalizedEntropy">Each row's entropy divided by ln(number of visible keys), in [0, 1] (0 for a row that sees one key).</param>
/// <param name="HeadMean">The mean row entropy of each head, in nats.</param>
/// <param name="HeadMeanNormalized">The mean normalised row entropy of each head, in [0, 1]: near 0 a head that attends to
/// single tokens (collapse), near 1 one that spreads evenly (overload).</param>
public sealed record AttentionEntropyResult(int Heads, int Queries, double[] RowEntropy, double[] RowNormalizedEntropy, double[] HeadMean, double[] HeadMeanNormalized)
{
    /// <summary>The entropy of the row of <paramref name="head"/> and <paramref name="query"/>, in nats.</summary>
    /// <param name="head">The head index.</param>
    /// <param name="query">The query index.</param>
    /// <returns>The row's entropy.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="head"/> is not in [0, Heads) or <paramref name="query"/> not in [0, Queries).</exception>
    public Information Row(int head, int query)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(head);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(head, Heads);
        ArgumentOutOfRangeException.ThrowIfNegative(query);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(query, Queries);
        return Information.FromNats(RowEntropy[(head * Queries) + query]);
    }
}
