using InfoTheory.Discrete;
using InfoTheory.TimeSeries.Internal;

namespace InfoTheory.TimeSeries;

/// <summary>
/// The directed information rate between discrete (symbolic) series (Massey 1990):
/// I(Y_t ; X_t⁽ˡ⁾ | Y_{t−1}⁽ᵏ⁾) = H(Y_t | Y_{t−1}⁽ᵏ⁾) − H(Y_t | Y_{t−1}⁽ᵏ⁾, X_t⁽ˡ⁾) in nats per time step, with
/// X_t⁽ˡ⁾ = (X_t, …, X_{t−l+1}) the source's memory including its present, and any <see cref="DiscreteEntropyEstimator"/>.
/// </summary>
/// <remarks>
/// The embedding settings mean what they mean on <see cref="DirectedInformation"/>. Each window is coded as one dense
/// joint symbol and the estimate is <see cref="DiscreteConditionalMutualInformation"/> with <see cref="Entropy"/>
/// (plug-in by default), as in <see cref="DiscreteTransferEntropy"/>; the plug-in estimate is biased upwards by about
/// (|Y|−1)(|X⁽ˡ⁾|−1)|Y⁽ᵏ⁾| / (2N) nats for independent processes (Roulston 1999). Symbols are non-negative integers.
/// Immutable and thread-safe.
/// </remarks>
/// <param name="entropy">The entropy estimator; null for plug-in.</param>
public sealed class DiscreteDirectedInformation(DiscreteEntropyEstimator? entropy = null) : DirectedInformationEmbedding
{
    private readonly DiscreteConditionalMutualInformation _cmi = new(entropy);

    /// <summary>The entropy estimator applied to the four joint variables.</summary>
    public DiscreteEntropyEstimator Entropy => _cmi.Entropy;

    /// <summary>The directed information rate from X to Y.</summary>
    /// <param name="source">Symbols of X in time order.</param>
    /// <param name="target">Symbols of Y, as many as of X.</param>
    /// <returns>The estimate in nats per time step.</returns>
    /// <exception cref="ArgumentException">The lengths differ, a symbol is negative, or the series are too short for the embedding.</exception>
    public Information Estimate(ReadOnlySpan<int> source, ReadOnlySpan<int> target) =>
        Estimate([source.ToArray()], [target.ToArray()], nameof(source), nameof(target));

    /// <summary>The directed information rate from X to Y pooled over several trials.</summary>
    /// <param name="sources">The source's trials.</param>
    /// <param name="targets">The target's trials, paired with <paramref name="sources"/> and of the same lengths.</param>
    /// <returns>The estimate from the rows of all trials, in nats per time step.</returns>
    /// <exception cref="ArgumentNullException">A list or a trial is null.</exception>
    /// <exception cref="ArgumentException">No trials, trials that do not pair up, a negative symbol, or no trial long enough.</exception>
    public Information Estimate(IReadOnlyList<int[]> sources, IReadOnlyList<int[]> targets) =>
        Estimate(sources, targets, nameof(sources), nameof(targets));

    private Information Estimate(IReadOnlyList<int[]> sources, IReadOnlyList<int[]> targets, string sourceName, string targetName)
    {
        int[] sourceLengths = TimeSeriesChecks.SymbolTrials(sources, sourceName);
        int[] targetLengths = TimeSeriesChecks.SymbolTrials(targets, targetName);
        TimeSeriesChecks.Paired(targetLengths, sourceLengths, targetName, sourceName);

        DirectedLayout layout = Layout;
        int start = layout.Start;
        int rows = EmbeddingBuilder.RowCount(targetLengths, start, targetName);
        int[] present = EmbeddingBuilder.EmbedSymbols(targets, DirectedLayout.Present, start, rows);
        int[] targetPast = EmbeddingBuilder.EmbedSymbols(targets, layout.TargetPast, start, rows);
        int[] sourceWindow = EmbeddingBuilder.EmbedSymbols(sources, layout.SourceWindow, start, rows);
        return _cmi.Estimate(present, sourceWindow, targetPast);
    }
}
