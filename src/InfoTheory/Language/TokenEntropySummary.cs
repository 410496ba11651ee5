namespace InfoTheory.Language;

/// <summary>The token entropies of one sequence in brief (see <see cref="TokenEntropy.Summarize"/>).</summary>
/// <param name="Tokens">The number of tokens.</param>
/// <param name="Mean">The mean token entropy (NaN for no tokens), in the unit of the input entropies.</param>
/// <param name="Max">The largest token entropy (NaN for no tokens).</param>
/// <param name="Threshold">The quantile of the entropies above which a token counts as forking.</param>
/// <param name="ForkingTokens">The number of tokens whose entropy is strictly above <paramref name="Threshold"/>.</param>
public sealed record TokenEntropySummary(int Tokens, double Mean, double Max, double Threshold, int ForkingTokens)
{
    /// <summary>The share of forking tokens, <see cref="ForkingTokens"/> / <see cref="Tokens"/> (0 for no tokens).</summary>
    public double ForkingShare => Tokens == 0 ? 0 : (double)ForkingTokens / Tokens;
}
