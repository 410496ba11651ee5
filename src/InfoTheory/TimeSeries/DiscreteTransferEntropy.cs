using InfoTheory.Continuous;
using InfoTheory.Discrete;
using InfoTheory.Internal;
using InfoTheory.Statistics;
using InfoTheory.TimeSeries.Internal;

namespace InfoTheory.TimeSeries;

/// <summary>
/// Transfer entropy between discrete (symbolic) series (Schreiber 2000):
/// T(X → Y) = I(Y_t ; X_{t−u}⁽ˡ⁾ | Y_{t−1}⁽ᵏ⁾) = H(Y_t | Y_{t−1}⁽ᵏ⁾) − H(Y_t | Y_{t−1}⁽ᵏ⁾, X_{t−u}⁽ˡ⁾), with any
/// <see cref="DiscreteEntropyEstimator"/>, and its local (pointwise) values.
/// </summary>
/// <remarks>
/// <para>
/// The embedding settings mean what they mean on <see cref="TransferEntropy"/>. Each past is coded as one dense joint
/// symbol and the estimate is <see cref="DiscreteConditionalMutualInformation"/> with <see cref="Entropy"/> (plug-in
/// by default): Î = Ĥ(Y_t, Y⁻) + Ĥ(X⁻, Y⁻) − Ĥ(Y_t, X⁻, Y⁻) − Ĥ(Y⁻). A bias-corrected entropy estimator
/// (Miller-Madow, NSB, …) corrects each of the four entropies; the plug-in estimate is biased upwards by about
/// (|Y|−1)(|X⁻|−1)|Y⁻| / (2N) nats for independent processes (Roulston 1999), which grows as |alphabet|^(k+l).
/// </para>
/// <para>
/// Local transfer entropy (Lizier, Prokopenko &amp; Zomaya 2008), t(x → y)_t = ln p(y_t | y⁻_t, x⁻_t) / p(y_t | y⁻_t),
/// is given by <see cref="LocalValues(ReadOnlySpan{int}, ReadOnlySpan{int}, ReadOnlySpan{int})"/> with plug-in probabilities, whatever
/// <see cref="Entropy"/> is: their mean is the plug-in estimate. A conditional variable Z (e.g. several other sources
/// combined with <see cref="JointSymbols.Dense"/>) is embedded like the source.
/// </para>
/// <para>Symbols are non-negative integers; any alphabet size works. Results are in nats. Immutable and thread-safe.</para>
/// </remarks>
/// <param name="entropy">The entropy estimator; null for plug-in.</param>
public sealed class DiscreteTransferEntropy(DiscreteEntropyEstimator? entropy = null) : TransferEntropyEmbedding
{
    private readonly DiscreteConditionalMutualInformation _cmi = new(entropy);

    /// <summary>The entropy estimator applied to the four joint variables.</summary>
    public DiscreteEntropyEstimator Entropy => _cmi.Entropy;

    /// <summary>T(X → Y), or T(X → Y | Z) when <paramref name="conditional"/> is not empty.</summary>
    /// <param name="source">Symbols of X in time order.</param>
    /// <param name="target">Symbols of Y, as many as of X.</param>
    /// <param name="conditional">Symbols of Z, as many as of X, or empty for none.</param>
    /// <returns>The estimate.</returns>
    /// <exception cref="ArgumentException">The lengths differ, a symbol is negative, or the series are too short for the embedding.</exception>
    public Information Estimate(ReadOnlySpan<int> source, ReadOnlySpan<int> target, ReadOnlySpan<int> conditional = default)
    {
        (int[] present, int[] sourcePast, int[] condition) = Embed([source.ToArray()], [target.ToArray()],
            conditional.IsEmpty ? null : [conditional.ToArray()], nameof(source), nameof(target), nameof(conditional));
        return _cmi.Estimate(present, sourcePast, condition);
    }

    /// <summary>T(X → Y) or T(X → Y | Z) pooled over several trials.</summary>
    /// <param name="sources">The source's trials.</param>
    /// <param name="targets">The target's trials, paired with <paramref name="sources"/> and of the same lengths.</param>
    /// <param name="conditionals">The conditional variable's trials, paired likewise, or null.</param>
    /// <returns>The estimate from the rows of all trials.</returns>
    /// <exception cref="ArgumentNullException">A list or a trial is null.</exception>
    /// <exception cref="ArgumentException">No trials, trials that do not pair up, a negative symbol, or no trial long enough.</exception>
    public Information Estimate(IReadOnlyList<int[]> sources, IReadOnlyList<int[]> targets, IReadOnlyList<int[]>? conditionals = null)
    {
        (int[] present, int[] sourcePast, int[] condition) = Embed(sources, targets, conditionals, nameof(sources), nameof(targets), nameof(conditionals));
        return _cmi.Estimate(present, sourcePast, condition);
    }

    /// <summary>
    /// Tests H₀: T(X → Y | Z) = 0 with surrogates, as <see cref="TransferEntropy.Test(IReadOnlyList{SampleMatrix}, IReadOnlyList{SampleMatrix}, IReadOnlyList{SampleMatrix}, int, TransferEntropySurrogates, int, int)"/>
    /// does for continuous data (the same schemes, trials, seeds and p-value), with this estimator on the symbols.
    /// </summary>
    /// <param name="sources">The source's trials.</param>
    /// <param name="targets">The target's trials, paired with <paramref name="sources"/> and of the same lengths.</param>
    /// <param name="conditionals">The conditional variable's trials, paired likewise, or null.</param>
    /// <param name="surrogates">The number B of surrogates, at least 1.</param>
    /// <param name="scheme">How the surrogates are made (default: permute the source's past vectors within each trial).</param>
    /// <param name="seed">The seed of the surrogates.</param>
    /// <param name="maxDegreeOfParallelism">The most threads to use: −1 (default) for all cores, or ≥ 1. Does not change the result.</param>
    /// <returns>The observed estimate, the B surrogate estimates in nats, and the p-value.</returns>
    /// <exception cref="ArgumentException">A negative symbol, trials that do not pair up, or as for the continuous test.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="surrogates"/> or <paramref name="maxDegreeOfParallelism"/> is out of range, or the scheme is undefined.</exception>
    /// <remarks>The observed value equals <see cref="Estimate(IReadOnlyList{int[]}, IReadOnlyList{int[]}, IReadOnlyList{int[]})"/> (plug-in counts do not depend on how joint symbols are numbered).
    /// Where the χ² law is in doubt (sparse tables: long histories, large alphabets), this is the test to use.</remarks>
    public PermutationTestResult Test(IReadOnlyList<int[]> sources, IReadOnlyList<int[]> targets, IReadOnlyList<int[]>? conditionals, int surrogates,
        TransferEntropySurrogates scheme = TransferEntropySurrogates.PermuteSource, int seed = Settings.DefaultSeed, int maxDegreeOfParallelism = Settings.DefaultMaxDegreeOfParallelism)
    {
        var continuous = new TransferEntropy(new SymbolEstimators(Entropy))
        {
            TargetHistory = TargetHistory, TargetDelay = TargetDelay, SourceHistory = SourceHistory, SourceDelay = SourceDelay, Lag = Lag,
        };
        return continuous.Test(SymbolEstimators.Columns(sources, nameof(sources)), SymbolEstimators.Columns(targets, nameof(targets)),
            conditionals is null ? null : SymbolEstimators.Columns(conditionals, nameof(conditionals)), surrogates, scheme, seed, maxDegreeOfParallelism);
    }

    /// <summary>The surrogate test of T(X → Y) between two symbol series (see the multi-trial overload).</summary>
    /// <param name="source">Symbols of X in time order.</param>
    /// <param name="target">Symbols of Y, as many as of X.</param>
    /// <param name="surrogates">The number B of surrogates, at least 1.</param>
    /// <param name="scheme">How the surrogates are made.</param>
    /// <param name="seed">The seed of the surrogates.</param>
    /// <returns>The observed estimate, the surrogate estimates in nats, and the p-value.</returns>
    public PermutationTestResult Test(ReadOnlySpan<int> source, ReadOnlySpan<int> target, int surrogates,
        TransferEntropySurrogates scheme = TransferEntropySurrogates.PermuteSource, int seed = Settings.DefaultSeed) =>
        Test([source.ToArray()], [target.ToArray()], null, surrogates, scheme, seed);

    /// <summary>
    /// Tests H₀: T(X → Y | Z) = 0 with the analytic null of the plug-in estimator, the G-test of conditional independence:
    /// G = 2N·T̂ in nats is asymptotically χ² with (|Y| − 1)(|X⁻| − 1)|Y⁻| degrees of freedom, N the number of embedded
    /// rows, |Y| the number of distinct present values, |X⁻| of source pasts (at most |X|ˡ) and |Y⁻| of conditions (target
    /// pasts, at most |Y|ᵏ, joined with the conditional pasts if any), all as observed. No surrogate is drawn.
    /// </summary>
    /// <param name="source">Symbols of X in time order.</param>
    /// <param name="target">Symbols of Y, as many as of X.</param>
    /// <param name="conditional">Symbols of Z, as many as of X, or empty for none.</param>
    /// <returns>The plug-in estimate, G, the degrees of freedom and the p-value P(χ²_df ≥ G) (1 when df = 0).</returns>
    /// <exception cref="InvalidOperationException"><see cref="Entropy"/> is not <see cref="PlugInEntropy"/> (the χ² law holds only for the plug-in estimate).</exception>
    /// <exception cref="ArgumentException">As for <see cref="Estimate(ReadOnlySpan{int}, ReadOnlySpan{int}, ReadOnlySpan{int})"/>.</exception>
    /// <remarks>
    /// T̂ is the log-likelihood ratio of the Markov model of Y_t given (Y⁻, X⁻) against that given Y⁻ alone, so the law
    /// holds as N → ∞ (Wilks 1938; the conditional form of <see cref="ChiSquaredTest"/>). Observed alphabet sizes are
    /// used, as by the G-test; where some (past, source past) combinations never occur the χ² is conservative. The
    /// approximation needs several rows per cell of the (|Y|, |X⁻|, |Y⁻|) table; with sparse tables (long histories,
    /// large alphabets) it is anti-conservative, as the plug-in bias (Roulston 1999) is then large.
    /// </remarks>
    public ChiSquaredTestResult AnalyticTest(ReadOnlySpan<int> source, ReadOnlySpan<int> target, ReadOnlySpan<int> conditional = default)
    {
        RequirePlugIn();
        (int[] present, int[] sourcePast, int[] condition) = Embed([source.ToArray()], [target.ToArray()],
            conditional.IsEmpty ? null : [conditional.ToArray()], nameof(source), nameof(target), nameof(conditional));
        return AnalyticTest(present, sourcePast, condition);
    }

    /// <summary>The analytic χ² test of T(X → Y) or T(X → Y | Z) pooled over several trials (see the single-series overload).</summary>
    /// <param name="sources">The source's trials.</param>
    /// <param name="targets">The target's trials, paired with <paramref name="sources"/> and of the same lengths.</param>
    /// <param name="conditionals">The conditional variable's trials, paired likewise, or null.</param>
    /// <returns>The plug-in estimate, G, the degrees of freedom and the p-value.</returns>
    /// <exception cref="InvalidOperationException"><see cref="Entropy"/> is not <see cref="PlugInEntropy"/>.</exception>
    /// <exception cref="ArgumentNullException">A list or a trial is null.</exception>
    /// <exception cref="ArgumentException">As for <see cref="Estimate(IReadOnlyList{int[]}, IReadOnlyList{int[]}, IReadOnlyList{int[]})"/>.</exception>
    public ChiSquaredTestResult AnalyticTest(IReadOnlyList<int[]> sources, IReadOnlyList<int[]> targets, IReadOnlyList<int[]>? conditionals = null)
    {
        RequirePlugIn();
        (int[] present, int[] sourcePast, int[] condition) = Embed(sources, targets, conditionals, nameof(sources), nameof(targets), nameof(conditionals));
        return AnalyticTest(present, sourcePast, condition);
    }

    private void RequirePlugIn()
    {
        if (Entropy is not PlugInEntropy)
        {
            throw new InvalidOperationException(
                $"The analytic χ² null holds for the plug-in estimate; this transfer entropy uses {Entropy.GetType().Name}. Use a PlugInEntropy (the default).");
        }
    }

    private ChiSquaredTestResult AnalyticTest(int[] present, int[] sourcePast, int[] condition)
    {
        Information estimate = _cmi.Estimate(present, sourcePast, condition);
        long degreesOfFreedom = (long)(Histogram.FromSymbols(present).Support - 1) * (Histogram.FromSymbols(sourcePast).Support - 1)
            * Histogram.FromSymbols(condition).Support;
        int rows = present.Length;
        return new ChiSquaredTestResult(estimate, ChiSquaredNull.Statistic(estimate.Nats, rows), degreesOfFreedom,
            ChiSquaredNull.PValue(estimate.Nats, rows, degreesOfFreedom));
    }

    /// <summary>
    /// The local transfer entropy at every time step with a complete embedding, in nats:
    /// value i is ln(p̂(y_t | y⁻_t, x⁻_t, z⁻_t) / p̂(y_t | y⁻_t, z⁻_t)) at t = <see cref="TransferEntropyEmbedding.FirstTime"/> + i, with
    /// plug-in (frequency) probabilities. Their mean is the plug-in estimate.
    /// </summary>
    /// <param name="source">Symbols of X in time order.</param>
    /// <param name="target">Symbols of Y, as many as of X.</param>
    /// <param name="conditional">Symbols of Z, as many as of X, or empty for none.</param>
    /// <returns>n − <see cref="TransferEntropyEmbedding.FirstTime"/> values; negative ones mark steps where the source misinformed about the target.</returns>
    /// <exception cref="ArgumentException">As for <see cref="Estimate(ReadOnlySpan{int}, ReadOnlySpan{int}, ReadOnlySpan{int})"/>.</exception>
    public double[] LocalValues(ReadOnlySpan<int> source, ReadOnlySpan<int> target, ReadOnlySpan<int> conditional = default)
    {
        (int[] present, int[] sourcePast, int[] condition) = Embed([source.ToArray()], [target.ToArray()],
            conditional.IsEmpty ? null : [conditional.ToArray()], nameof(source), nameof(target), nameof(conditional));
        double[] local = new double[present.Length];
        new PlugInConditionalMutualInformation().LocalValues(present, sourcePast, condition, local);
        return local;
    }

    private (int[] Present, int[] SourcePast, int[] Condition) Embed(IReadOnlyList<int[]> sources, IReadOnlyList<int[]> targets,
        IReadOnlyList<int[]>? conditionals, string sourceName, string targetName, string conditionalName)
    {
        int[] sourceLengths = TimeSeriesChecks.SymbolTrials(sources, sourceName);
        int[] targetLengths = TimeSeriesChecks.SymbolTrials(targets, targetName);
        TimeSeriesChecks.Paired(targetLengths, sourceLengths, targetName, sourceName);
        if (conditionals is not null)
        {
            TimeSeriesChecks.Paired(TimeSeriesChecks.SymbolTrials(conditionals, conditionalName), targetLengths, conditionalName, targetName);
        }

        TransferLayout layout = Layout;
        int start = layout.Start;
        int rows = EmbeddingBuilder.RowCount(targetLengths, start, targetName);
        int[] present = EmbeddingBuilder.EmbedSymbols(targets, TransferLayout.Present, start, rows);
        int[] targetPast = EmbeddingBuilder.EmbedSymbols(targets, layout.TargetPast, start, rows);
        int[] sourcePast = EmbeddingBuilder.EmbedSymbols(sources, layout.SourcePast, start, rows);
        int[] condition = conditionals is null
            ? targetPast
            : JointSymbols.Dense(targetPast, EmbeddingBuilder.EmbedSymbols(conditionals, layout.SourcePast, start, rows)).Codes;
        return (present, sourcePast, condition);
    }
}
