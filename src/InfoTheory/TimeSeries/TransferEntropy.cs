using InfoTheory.Continuous;
using InfoTheory.Continuous.Internal;
using InfoTheory.Internal;
using InfoTheory.Statistics;
using InfoTheory.TimeSeries.Internal;

namespace InfoTheory.TimeSeries;

/// <summary>
/// Transfer entropy from a source X to a target Y (Schreiber 2000), with any conditional mutual information
/// estimator for continuous data:
/// T(X → Y) = I(Y_t ; X_{t−u}⁽ˡ⁾ | Y_{t−1}⁽ᵏ⁾), and the conditional transfer entropy
/// T(X → Y | Z) = I(Y_t ; X_{t−u}⁽ˡ⁾ | Y_{t−1}⁽ᵏ⁾, Z_{t−u}⁽ˡ⁾) (Lizier, Prokopenko &amp; Zomaya 2008).
/// </summary>
/// <remarks>
/// <para>
/// Y_{t−1}⁽ᵏ⁾ = (Y_{t−1}, Y_{t−1−τ_Y}, …, Y_{t−1−(k−1)τ_Y}) is the target's past (<see cref="TransferEntropyEmbedding.TargetHistory"/> k,
/// <see cref="TransferEntropyEmbedding.TargetDelay"/> τ_Y) and X_{t−u}⁽ˡ⁾ = (X_{t−u}, …, X_{t−u−(l−1)τ_X}) the source's (<see cref="TransferEntropyEmbedding.SourceHistory"/> l,
/// <see cref="TransferEntropyEmbedding.SourceDelay"/> τ_X, <see cref="TransferEntropyEmbedding.Lag"/> u, the source-target delay of Wibral et al. 2013). A conditional
/// variable Z is embedded like the source. All defaults are 1: T = I(Y_t ; X_{t−1} | Y_{t−1}).
/// </para>
/// <para>
/// The estimator decides the method: <see cref="GaussianConditionalMutualInformation"/> (linear Gaussian; then
/// T equals half the Granger causality log-ratio, Barnett, Barrett &amp; Seth 2009),
/// <see cref="GaussianCopulaConditionalMutualInformation"/> (Ince et al. 2017) or
/// <see cref="KsgConditionalMutualInformation"/> (Frenzel &amp; Pompe 2007; the JIDT/IDTxl default). Its own settings
/// (K, scaling, ties, seed, parallelism) apply unchanged; the embedded matrices are built once per call
/// (<see cref="Embed(IReadOnlyList{SampleMatrix}, IReadOnlyList{SampleMatrix}, IReadOnlyList{SampleMatrix})"/>).
/// For symbols use <see cref="DiscreteTransferEntropy"/>.
/// </para>
/// <para>
/// Several trials of one process are pooled: each trial is embedded on its own and the rows concatenated, then one
/// estimate is made from all rows (JIDT's "multiple observations"). The result is in nats inside
/// <see cref="Information"/>; an estimator that can go negative (KSG) is not clipped. Immutable and thread-safe.
/// </para>
/// </remarks>
/// <param name="estimator">The conditional mutual information estimator applied to the embedded variables.</param>
public sealed class TransferEntropy(IMultivariateConditionalMutualInformationEstimator estimator) : TransferEntropyEmbedding
{
    /// <summary>The conditional mutual information estimator.</summary>
    public IMultivariateConditionalMutualInformationEstimator Estimator { get; } = estimator ?? throw new ArgumentNullException(nameof(estimator));

    /// <summary>
    /// The neighbourhood size of <see cref="TransferEntropySurrogates.LocalPermutation"/>, the row itself included
    /// (default 5, Runge's recommendation of 5–10; at least 2). Larger is closer to a full permutation.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 2.</exception>
    public int LocalPermutationNeighbors { get; init => field = Settings.AtLeast(value, 2, nameof(LocalPermutationNeighbors)); } = 5;

    /// <summary>T(X → Y) between two univariate series.</summary>
    /// <param name="source">The source values X_0 … X_{n−1}, finite.</param>
    /// <param name="target">The target values, as many as of the source, finite.</param>
    /// <returns>The estimate.</returns>
    /// <exception cref="ArgumentException">The lengths differ, a value is NaN or ±∞, or the series are too short for the embedding.</exception>
    public Information Estimate(ReadOnlySpan<double> source, ReadOnlySpan<double> target)
    {
        SampleMatrix x = TimeSeriesChecks.Column(source, nameof(source));
        SampleMatrix y = TimeSeriesChecks.Column(target, nameof(target));
        return Estimate([x], [y], null, nameof(source), nameof(target), "conditional");
    }

    /// <summary>T(X → Y) or, with <paramref name="conditional"/>, T(X → Y | Z) between multivariate series.</summary>
    /// <param name="source">The source: one row per time step.</param>
    /// <param name="target">The target: as many rows as the source.</param>
    /// <param name="conditional">Other sources to condition on (their columns side by side), or null.</param>
    /// <returns>The estimate.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> or <paramref name="target"/> is null.</exception>
    /// <exception cref="ArgumentException">The row counts differ or the series are too short for the embedding.</exception>
    public Information Estimate(SampleMatrix source, SampleMatrix target, SampleMatrix? conditional = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(target);
        return Estimate([source], [target], conditional is null ? null : [conditional], nameof(source), nameof(target), nameof(conditional));
    }

    /// <summary>T(X → Y) or T(X → Y | Z) pooled over several trials.</summary>
    /// <param name="sources">The source's trials.</param>
    /// <param name="targets">The target's trials, paired with <paramref name="sources"/> and of the same lengths.</param>
    /// <param name="conditionals">The conditional variable's trials, paired likewise, or null.</param>
    /// <returns>The estimate from the rows of all trials.</returns>
    /// <exception cref="ArgumentNullException">A list or a trial is null.</exception>
    /// <exception cref="ArgumentException">No trials, trial counts or lengths that do not pair up, trials of different dimension, or no trial long enough.</exception>
    public Information Estimate(IReadOnlyList<SampleMatrix> sources, IReadOnlyList<SampleMatrix> targets, IReadOnlyList<SampleMatrix>? conditionals = null) =>
        Estimate(sources, targets, conditionals, nameof(sources), nameof(targets), nameof(conditionals));

    /// <summary>
    /// The local transfer entropy at every time step with a complete embedding (Lizier, Prokopenko &amp; Zomaya 2008):
    /// value i is t(X → Y) at t = <see cref="TransferEntropyEmbedding.FirstTime"/> + i, the estimator's local conditional
    /// mutual information of (Y_t ; X⁻_t | Y⁻_t, Z⁻_t). Their mean is <see cref="Estimate(ReadOnlySpan{double}, ReadOnlySpan{double})"/>.
    /// </summary>
    /// <param name="source">The source values X_0 … X_{n−1}, finite.</param>
    /// <param name="target">The target values, as many as of the source, finite.</param>
    /// <returns>n − <see cref="TransferEntropyEmbedding.FirstTime"/> values in nats; negative ones mark steps where the source misinformed about the target.</returns>
    /// <exception cref="InvalidOperationException">The estimator has no local values (it does not implement <see cref="ILocalMultivariateConditionalMutualInformation"/>).</exception>
    /// <exception cref="ArgumentException">As for <see cref="Estimate(ReadOnlySpan{double}, ReadOnlySpan{double})"/>.</exception>
    /// <remarks>
    /// With <see cref="GaussianConditionalMutualInformation"/> a local value is the log ratio of the fitted linear-Gaussian
    /// predictive densities of Y_t with and without the source's past; with <see cref="KsgConditionalMutualInformation"/> it
    /// is the per-sample digamma term, noisy on its own and meant to be averaged over windows or conditions.
    /// </remarks>
    public double[] LocalValues(ReadOnlySpan<double> source, ReadOnlySpan<double> target)
    {
        SampleMatrix x = TimeSeriesChecks.Column(source, nameof(source));
        SampleMatrix y = TimeSeriesChecks.Column(target, nameof(target));
        return LocalValues([x], [y], null, nameof(source), nameof(target), "conditional");
    }

    /// <summary>The local transfer entropy T(X → Y) or, with <paramref name="conditional"/>, T(X → Y | Z) between multivariate series (see the univariate overload).</summary>
    /// <param name="source">The source: one row per time step.</param>
    /// <param name="target">The target: as many rows as the source.</param>
    /// <param name="conditional">Other sources to condition on, or null.</param>
    /// <returns>One value per time step from <see cref="TransferEntropyEmbedding.FirstTime"/> on, in nats.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> or <paramref name="target"/> is null.</exception>
    /// <exception cref="InvalidOperationException">The estimator has no local values.</exception>
    /// <exception cref="ArgumentException">As for <see cref="Estimate(SampleMatrix, SampleMatrix, SampleMatrix?)"/>.</exception>
    public double[] LocalValues(SampleMatrix source, SampleMatrix target, SampleMatrix? conditional = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(target);
        return LocalValues([source], [target], conditional is null ? null : [conditional], nameof(source), nameof(target), nameof(conditional));
    }

    /// <summary>
    /// The local transfer entropy pooled over several trials: the values of trial 0's usable time steps
    /// (<see cref="TransferEntropyEmbedding.FirstTime"/> on) come first, then trial 1's, and so on; trials too short for the
    /// embedding contribute none. The local values depend on all trials (the model or the neighbours are pooled).
    /// </summary>
    /// <param name="sources">The source's trials.</param>
    /// <param name="targets">The target's trials, paired with <paramref name="sources"/>.</param>
    /// <param name="conditionals">The conditional variable's trials, or null.</param>
    /// <returns>One value per embedded row, in nats; their mean is <see cref="Estimate(IReadOnlyList{SampleMatrix}, IReadOnlyList{SampleMatrix}, IReadOnlyList{SampleMatrix})"/>.</returns>
    /// <exception cref="ArgumentNullException">A list or a trial is null.</exception>
    /// <exception cref="InvalidOperationException">The estimator has no local values.</exception>
    /// <exception cref="ArgumentException">As for <see cref="Estimate(IReadOnlyList{SampleMatrix}, IReadOnlyList{SampleMatrix}, IReadOnlyList{SampleMatrix})"/>.</exception>
    public double[] LocalValues(IReadOnlyList<SampleMatrix> sources, IReadOnlyList<SampleMatrix> targets, IReadOnlyList<SampleMatrix>? conditionals = null) =>
        LocalValues(sources, targets, conditionals, nameof(sources), nameof(targets), nameof(conditionals));

    /// <summary>The embedded variables this estimator would use, without estimating.</summary>
    /// <param name="sources">The source's trials.</param>
    /// <param name="targets">The target's trials, paired with <paramref name="sources"/>.</param>
    /// <param name="conditionals">The conditional variable's trials, or null.</param>
    /// <returns>Present, target past, source past and conditional past, paired by row.</returns>
    /// <exception cref="ArgumentNullException">A list or a trial is null.</exception>
    /// <exception cref="ArgumentException">As for <see cref="Estimate(IReadOnlyList{SampleMatrix}, IReadOnlyList{SampleMatrix}, IReadOnlyList{SampleMatrix})"/>.</exception>
    public TransferEntropySample Embed(IReadOnlyList<SampleMatrix> sources, IReadOnlyList<SampleMatrix> targets, IReadOnlyList<SampleMatrix>? conditionals = null) =>
        Embed(sources, targets, conditionals, nameof(sources), nameof(targets), nameof(conditionals));

    /// <summary>
    /// Tests H₀: the source's past carries no information about the target's present beyond the target's (and the
    /// conditional variable's) past, by surrogates that destroy the coupling within each trial. The p-value is
    /// (1 + #{b : T̂_b ≥ T̂}) / (1 + B).
    /// </summary>
    /// <param name="sources">The source's trials.</param>
    /// <param name="targets">The target's trials, paired with <paramref name="sources"/>.</param>
    /// <param name="conditionals">The conditional variable's trials, or null.</param>
    /// <param name="surrogates">The number B of surrogates, at least 1.</param>
    /// <param name="scheme">How the surrogates are made (default: permute the source's past vectors within each trial).</param>
    /// <param name="seed">The seed of the surrogates; the same seed gives the same result.</param>
    /// <param name="maxDegreeOfParallelism">The most threads to use: −1 (default) for all cores, or ≥ 1. Does not change the result.</param>
    /// <returns>The observed estimate, the B surrogate estimates in nats, and the p-value.</returns>
    /// <exception cref="ArgumentException">As for <see cref="Estimate(IReadOnlyList{SampleMatrix}, IReadOnlyList{SampleMatrix}, IReadOnlyList{SampleMatrix})"/>, a trial with fewer than 2 usable rows (within-trial schemes), or, for <see cref="TransferEntropySurrogates.TrialShuffle"/>, fewer than 2 trials or trials of different lengths.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="surrogates"/> is less than 1 (or, for <see cref="TransferEntropySurrogates.TrialShuffle"/>, more than the derangements of the trials), the scheme is undefined, or <paramref name="maxDegreeOfParallelism"/> is invalid.</exception>
    /// <remarks>
    /// The embedding is built once; a surrogate only reorders the rows of the source past (O(rows · columns)) before the
    /// estimate. With <see cref="KsgConditionalMutualInformation"/> the neighbour searches of the spaces a surrogate leaves
    /// unchanged (the target's present with the condition, and the condition alone; the condition is the target's past
    /// and any conditional past) are also built once and shared by all surrogates, which give the same bits as fresh
    /// estimates. Surrogate b draws from its own random stream (<paramref name="seed"/>, b), so the result does not
    /// depend on the thread count. Estimators with their own randomness (jitter) use their own fixed seed on every surrogate.
    /// </remarks>
    public PermutationTestResult Test(IReadOnlyList<SampleMatrix> sources, IReadOnlyList<SampleMatrix> targets, IReadOnlyList<SampleMatrix>? conditionals,
        int surrogates, TransferEntropySurrogates scheme = TransferEntropySurrogates.PermuteSource, int seed = Settings.DefaultSeed,
        int maxDegreeOfParallelism = Settings.DefaultMaxDegreeOfParallelism) =>
        Test(sources, targets, conditionals, surrogates, scheme, seed, maxDegreeOfParallelism, nameof(sources), nameof(targets), nameof(conditionals));

    /// <summary>The surrogate test of T(X → Y) between two univariate series (see the multi-trial overload).</summary>
    /// <param name="source">The source values, finite.</param>
    /// <param name="target">The target values, as many as of the source, finite.</param>
    /// <param name="surrogates">The number B of surrogates, at least 1.</param>
    /// <param name="scheme">How the surrogates are made.</param>
    /// <param name="seed">The seed of the surrogates.</param>
    /// <returns>The observed estimate, the surrogate estimates in nats, and the p-value.</returns>
    public PermutationTestResult Test(ReadOnlySpan<double> source, ReadOnlySpan<double> target, int surrogates,
        TransferEntropySurrogates scheme = TransferEntropySurrogates.PermuteSource, int seed = Settings.DefaultSeed) =>
        Test([TimeSeriesChecks.Column(source, nameof(source))], [TimeSeriesChecks.Column(target, nameof(target))], null, surrogates, scheme, seed,
            Settings.DefaultMaxDegreeOfParallelism, nameof(source), nameof(target), "conditional");

    /// <summary>
    /// Tests H₀: T(X → Y | Z) = 0 with the analytic null of the Gaussian estimator (Barnett &amp; Bossomaier 2012):
    /// 2N·T̂ in nats is asymptotically χ² with dim(source past) · dim(target) degrees of freedom, N the number of
    /// embedded rows. No surrogate is drawn.
    /// </summary>
    /// <param name="sources">The source's trials.</param>
    /// <param name="targets">The target's trials, paired with <paramref name="sources"/>.</param>
    /// <param name="conditionals">The conditional variable's trials, or null.</param>
    /// <returns>The estimate, the statistic 2N·T̂, the degrees of freedom and the p-value P(χ²_df ≥ 2N·T̂).</returns>
    /// <exception cref="InvalidOperationException">The estimator is not <see cref="GaussianConditionalMutualInformation"/> without bias correction (the χ² law holds only for it).</exception>
    /// <exception cref="ArgumentException">As for <see cref="Estimate(IReadOnlyList{SampleMatrix}, IReadOnlyList{SampleMatrix}, IReadOnlyList{SampleMatrix})"/>.</exception>
    /// <remarks>
    /// The statistic is the log-likelihood ratio of the linear regression of Y_t on its past with and without the
    /// source's past (Granger causality), so the law is exact as N → ∞ for Gaussian data; with few rows per degree of
    /// freedom the χ² approximation is anti-conservative and <see cref="Test(IReadOnlyList{SampleMatrix}, IReadOnlyList{SampleMatrix}, IReadOnlyList{SampleMatrix}, int, TransferEntropySurrogates, int, int)"/> is safer.
    /// </remarks>
    public ChiSquaredTestResult AnalyticTest(IReadOnlyList<SampleMatrix> sources, IReadOnlyList<SampleMatrix> targets, IReadOnlyList<SampleMatrix>? conditionals = null) =>
        AnalyticTest(sources, targets, conditionals, nameof(sources), nameof(targets), nameof(conditionals));

    /// <summary>The analytic χ² test of T(X → Y) between two univariate series (see the multi-trial overload).</summary>
    /// <param name="source">The source values, finite.</param>
    /// <param name="target">The target values, as many as of the source, finite.</param>
    /// <returns>The estimate, the statistic, the degrees of freedom and the p-value.</returns>
    /// <exception cref="InvalidOperationException">The estimator is not the Gaussian one without bias correction.</exception>
    /// <exception cref="ArgumentException">The lengths differ, a value is NaN or ±∞, or the series are too short for the embedding.</exception>
    public ChiSquaredTestResult AnalyticTest(ReadOnlySpan<double> source, ReadOnlySpan<double> target) =>
        AnalyticTest([TimeSeriesChecks.Column(source, nameof(source))], [TimeSeriesChecks.Column(target, nameof(target))], null,
            nameof(source), nameof(target), "conditional");

    private ChiSquaredTestResult AnalyticTest(IReadOnlyList<SampleMatrix> sources, IReadOnlyList<SampleMatrix> targets, IReadOnlyList<SampleMatrix>? conditionals,
        string sourceName, string targetName, string conditionalName)
    {
        if (Estimator is not GaussianConditionalMutualInformation { BiasCorrected: false })
        {
            throw new InvalidOperationException(
                $"The analytic χ² null holds for GaussianConditionalMutualInformation without bias correction; this transfer entropy uses {Estimator.GetType().Name}. Use Test (surrogates) instead.");
        }

        TransferEntropySample sample = Embed(sources, targets, conditionals, sourceName, targetName, conditionalName);
        Information estimate = Estimator.Estimate(sample.Present, sample.SourcePast, sample.Condition);
        int rows = sample.Present.Rows;
        long degreesOfFreedom = (long)sample.SourcePast.Columns * sample.Present.Columns;
        return new ChiSquaredTestResult(estimate, ChiSquaredNull.Statistic(estimate.Nats, rows), degreesOfFreedom,
            ChiSquaredNull.PValue(estimate.Nats, rows, degreesOfFreedom));
    }

    private PermutationTestResult Test(IReadOnlyList<SampleMatrix> sources, IReadOnlyList<SampleMatrix> targets, IReadOnlyList<SampleMatrix>? conditionals,
        int surrogates, TransferEntropySurrogates scheme, int seed, int maxDegreeOfParallelism, string sourceName, string targetName, string conditionalName)
    {
        Resampling.Count(surrogates, nameof(surrogates));
        if (!Enum.IsDefined(scheme))
        {
            ThrowHelper.ArgumentOutOfRange(nameof(scheme), scheme, "scheme is not a defined TransferEntropySurrogates.");
        }

        ParallelOptions options = Settings.Parallel(maxDegreeOfParallelism, nameof(maxDegreeOfParallelism));
        bool trialShuffle = scheme == TransferEntropySurrogates.TrialShuffle;
        if (trialShuffle)
        {
            TrialShuffle.Check(TimeSeriesChecks.Trials(sources, sourceName), surrogates, sourceName, nameof(surrogates));
        }

        TransferEntropySample sample = Embed(sources, targets, conditionals, sourceName, targetName, conditionalName);
        int start = Layout.Start;
        int[] trialRows = [.. targets.Select(t => Math.Max(0, t.Rows - start)).Where(r => r > 0)];
        if (!trialShuffle && trialRows.Any(r => r < 2))
        {
            ThrowHelper.ArgumentException(targetName, "A trial has a single usable time step after the embedding; surrogates need at least 2 per trial.");
        }

        SampleMatrix condition = sample.Condition;
        Func<SampleMatrix, Information> withSourcePast = WithSourcePast(sample.Present, sample.SourcePast, condition);
        Information observed = withSourcePast(sample.SourcePast);
        int d = sample.SourcePast.Columns;
        double[] nulls = new double[surrogates];
        int[]? neighborhoods = scheme == TransferEntropySurrogates.LocalPermutation ? LocalPermutation.Neighborhoods(condition, LocalPermutationNeighbors, maxDegreeOfParallelism) : null;
        int[][]? pairings = trialShuffle ? TrialShuffle.Draw(sources.Count, surrogates, seed) : null;
        Parallel.For(0, surrogates, options, b =>
        {
            var random = new StreamRandom(seed, b);
            ReadOnlySpan<double> data = sample.SourcePast.Data.Span;
            double[] moved = new double[data.Length];
            if (pairings is not null)
            {
                // Equal lengths: every trial has the same rows, so trial r's block receives trial π(r)'s source past.
                int block = data.Length / pairings[b].Length;
                for (int r = 0; r < pairings[b].Length; r++)
                {
                    data.Slice(pairings[b][r] * block, block).CopyTo(moved.AsSpan(r * block, block));
                }

                nulls[b] = withSourcePast(SampleMatrix.Owning(moved, d)).Nats;
                return;
            }

            if (neighborhoods is not null)
            {
                int[] from = LocalPermutation.Draw(neighborhoods, condition.Rows, ref random);
                for (int i = 0; i < from.Length; i++)
                {
                    data.Slice(from[i] * d, d).CopyTo(moved.AsSpan(i * d, d));
                }

                nulls[b] = withSourcePast(SampleMatrix.Owning(moved, d)).Nats;
                return;
            }

            int offset = 0;
            foreach (int m in trialRows)
            {
                int[] order = new int[m];
                if (scheme == TransferEntropySurrogates.PermuteSource)
                {
                    for (int i = 0; i < m; i++)
                    {
                        order[i] = i;
                    }

                    random.Shuffle<int>(order);
                }
                else
                {
                    int margin = Math.Max(1, m / 10);
                    int shift = m - (2 * margin) >= 0 ? margin + random.NextInt32(Math.Max(1, m - (2 * margin) + 1)) : 1;
                    for (int i = 0; i < m; i++)
                    {
                        order[i] = (i + shift) % m;
                    }
                }

                for (int i = 0; i < m; i++)
                {
                    data.Slice((offset + order[i]) * d, d).CopyTo(moved.AsSpan((offset + i) * d, d));
                }

                offset += m;
            }

            nulls[b] = withSourcePast(SampleMatrix.Owning(moved, d)).Nats;
        });

        return new PermutationTestResult(observed, nulls, PermutationTest.PValue(observed.Nats, nulls));
    }

    /// <summary>
    /// The estimate with the source past replaced and the target side (present and condition) kept. With the KSG
    /// estimator the target side's preparation and neighbour searches are built once here and shared by every call
    /// (<see cref="KsgConditionalFixedSides"/>); every call gives the same bits as a fresh estimate.
    /// </summary>
    private Func<SampleMatrix, Information> WithSourcePast(SampleMatrix present, SampleMatrix sourcePast, SampleMatrix condition)
    {
        if (Estimator is KsgConditionalMutualInformation ksg)
        {
            return new KsgConditionalFixedSides(ksg, present, sourcePast, condition).Estimate;
        }

        return source => Estimator.Estimate(present, source, condition);
    }

    private Information Estimate(IReadOnlyList<SampleMatrix> sources, IReadOnlyList<SampleMatrix> targets, IReadOnlyList<SampleMatrix>? conditionals,
        string sourceName, string targetName, string conditionalName)
    {
        TransferEntropySample sample = Embed(sources, targets, conditionals, sourceName, targetName, conditionalName);
        return Estimator.Estimate(sample.Present, sample.SourcePast, sample.Condition);
    }

    private double[] LocalValues(IReadOnlyList<SampleMatrix> sources, IReadOnlyList<SampleMatrix> targets, IReadOnlyList<SampleMatrix>? conditionals,
        string sourceName, string targetName, string conditionalName)
    {
        if (Estimator is not ILocalMultivariateConditionalMutualInformation local)
        {
            throw new InvalidOperationException(
                $"{Estimator.GetType().Name} has no local values (it does not implement ILocalMultivariateConditionalMutualInformation); use GaussianConditionalMutualInformation or KsgConditionalMutualInformation.");
        }

        TransferEntropySample sample = Embed(sources, targets, conditionals, sourceName, targetName, conditionalName);
        return local.LocalValues(sample.Present, sample.SourcePast, sample.Condition);
    }

    private TransferEntropySample Embed(IReadOnlyList<SampleMatrix> sources, IReadOnlyList<SampleMatrix> targets, IReadOnlyList<SampleMatrix>? conditionals,
        string sourceName, string targetName, string conditionalName)
    {
        int[] sourceLengths = TimeSeriesChecks.Trials(sources, sourceName);
        int[] targetLengths = TimeSeriesChecks.Trials(targets, targetName);
        TimeSeriesChecks.Paired(targetLengths, sourceLengths, targetName, sourceName);
        if (conditionals is not null)
        {
            TimeSeriesChecks.Paired(TimeSeriesChecks.Trials(conditionals, conditionalName), targetLengths, conditionalName, targetName);
        }

        TransferLayout layout = Layout;
        int start = layout.Start;
        int rows = EmbeddingBuilder.RowCount(targetLengths, start, targetName);
        return new TransferEntropySample(
            EmbeddingBuilder.Embed(targets, TransferLayout.Present, start, rows, targetName),
            EmbeddingBuilder.Embed(targets, layout.TargetPast, start, rows, targetName),
            EmbeddingBuilder.Embed(sources, layout.SourcePast, start, rows, sourceName),
            conditionals is null ? null : EmbeddingBuilder.Embed(conditionals, layout.SourcePast, start, rows, conditionalName));
    }
}
