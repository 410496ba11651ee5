using InfoTheory.Continuous;
using InfoTheory.Internal;
using InfoTheory.Statistics;
using InfoTheory.TimeSeries.Internal;

namespace InfoTheory.TimeSeries;

/// <summary>
/// Active information storage of a process Y (Lizier, Prokopenko &amp; Zomaya 2012), with any mutual information
/// estimator for continuous data: A(Y) = I(Y_t ; Y_{t−1}⁽ᵏ⁾), the information the past k values (spaced τ apart)
/// carry about the next one.
/// </summary>
/// <remarks>
/// The estimator decides the method: <see cref="GaussianMutualInformation"/>, <see cref="GaussianCopulaMutualInformation"/>
/// or <see cref="KsgMutualInformation"/>. Trials are embedded one by one and their rows pooled, as in
/// <see cref="TransferEntropy"/>. For a stationary process A(Y) + h(Y) = H(Y_t) as k → ∞ (h the entropy rate).
/// For symbols use <see cref="DiscreteActiveInformationStorage"/>. Immutable and thread-safe.
/// </remarks>
/// <param name="estimator">The mutual information estimator applied to (Y_t, Y_{t−1}⁽ᵏ⁾).</param>
public sealed class ActiveInformationStorage(IMultivariateMutualInformationEstimator estimator)
{
    /// <summary>The mutual information estimator.</summary>
    public IMultivariateMutualInformationEstimator Estimator { get; } = estimator ?? throw new ArgumentNullException(nameof(estimator));

    /// <summary>k, the number of past values; at least 1, default 1.</summary>
    public int History { get; init => field = TimeSeriesChecks.History(value, nameof(History)); } = 1;

    /// <summary>τ, the spacing of the past values in time steps; at least 1, default 1.</summary>
    public int Delay { get; init => field = TimeSeriesChecks.Delay(value, nameof(Delay)); } = 1;

    /// <summary>The first time index t with a complete past, 1 + (k − 1)τ.</summary>
    public int FirstTime => Past.Reach;

    private LaggedBlock Past => new(1, History, Delay);

    /// <summary>A(Y) of a univariate series.</summary>
    /// <param name="series">The values in time order, finite.</param>
    /// <returns>The estimate.</returns>
    /// <exception cref="ArgumentException">A value is NaN or ±∞, or the series is too short for the embedding.</exception>
    public Information Estimate(ReadOnlySpan<double> series) =>
        Estimate([TimeSeriesChecks.Column(series, nameof(series))], nameof(series));

    /// <summary>A(Y) of a multivariate series (one row per time step).</summary>
    /// <param name="series">The series.</param>
    /// <returns>The estimate.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="series"/> is null.</exception>
    /// <exception cref="ArgumentException">The series is too short for the embedding.</exception>
    public Information Estimate(SampleMatrix series)
    {
        ArgumentNullException.ThrowIfNull(series);
        return Estimate([series], nameof(series));
    }

    /// <summary>A(Y) pooled over several trials.</summary>
    /// <param name="trials">The trials, all of the same dimension.</param>
    /// <returns>The estimate from the rows of all trials.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="trials"/> or a trial is null.</exception>
    /// <exception cref="ArgumentException">No trials, trials of different dimension, or no trial long enough.</exception>
    public Information Estimate(IReadOnlyList<SampleMatrix> trials) => Estimate(trials, nameof(trials));

    /// <summary>
    /// Tests H₀: the past carries no information about the present (no storage), by surrogates that shuffle the present
    /// values Y_t among the time steps of their own trial while every past vector stays where it is. The p-value is
    /// (1 + #{b : Â_b ≥ Â}) / (1 + B).
    /// </summary>
    /// <param name="trials">The trials, all of the same dimension.</param>
    /// <param name="surrogates">The number B of surrogates, at least 1.</param>
    /// <param name="seed">The seed of the surrogates; the same seed gives the same result.</param>
    /// <param name="maxDegreeOfParallelism">The most threads to use: −1 (default) for all cores, or ≥ 1. Does not change the result.</param>
    /// <returns>The observed estimate, the B surrogate estimates in nats, and the p-value.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="trials"/> or a trial is null.</exception>
    /// <exception cref="ArgumentException">As for <see cref="Estimate(IReadOnlyList{SampleMatrix})"/>, or a trial with a single usable time step.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="surrogates"/> is less than 1 or <paramref name="maxDegreeOfParallelism"/> is invalid.</exception>
    /// <remarks>
    /// The shuffle keeps the distribution of the present and of the past within each trial and destroys every relation
    /// between them, so the surrogates have A = 0 (the null of an i.i.d. process; Lizier 2012, §4.1, and JIDT's
    /// surrogates for AIS). The embedding is built once; surrogate b draws from its own random stream
    /// (<paramref name="seed"/>, b), so the result does not depend on the thread count. Estimators with their own
    /// randomness (jitter) use their own fixed seed on every surrogate.
    /// </remarks>
    public PermutationTestResult Test(IReadOnlyList<SampleMatrix> trials, int surrogates, int seed = Settings.DefaultSeed,
        int maxDegreeOfParallelism = Settings.DefaultMaxDegreeOfParallelism) =>
        Test(trials, surrogates, seed, maxDegreeOfParallelism, nameof(trials));

    /// <summary>The surrogate test of A(Y) of a univariate series (see the multi-trial overload).</summary>
    /// <param name="series">The values in time order, finite.</param>
    /// <param name="surrogates">The number B of surrogates, at least 1.</param>
    /// <param name="seed">The seed of the surrogates.</param>
    /// <returns>The observed estimate, the surrogate estimates in nats, and the p-value.</returns>
    /// <exception cref="ArgumentException">A value is NaN or ±∞, or the series is too short for the embedding.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="surrogates"/> is less than 1.</exception>
    public PermutationTestResult Test(ReadOnlySpan<double> series, int surrogates, int seed = Settings.DefaultSeed)
    {
        Resampling.Count(surrogates, nameof(surrogates));
        return Test([TimeSeriesChecks.Column(series, nameof(series))], surrogates, seed, Settings.DefaultMaxDegreeOfParallelism, nameof(series));
    }

    private PermutationTestResult Test(IReadOnlyList<SampleMatrix> trials, int surrogates, int seed, int maxDegreeOfParallelism, string paramName)
    {
        Resampling.Count(surrogates, nameof(surrogates));
        ParallelOptions options = Settings.Parallel(maxDegreeOfParallelism, nameof(maxDegreeOfParallelism));
        (SampleMatrix present, SampleMatrix past) = Embed(trials, paramName);
        int start = FirstTime;
        int[] trialRows = [.. trials.Select(t => Math.Max(0, t.Rows - start)).Where(r => r > 0)];
        if (trialRows.Any(r => r < 2))
        {
            ThrowHelper.ArgumentException(paramName, "A trial has a single usable time step after the embedding; surrogates need at least 2 per trial.");
        }

        Information observed = Estimator.Estimate(present, past);
        int d = present.Columns;
        double[] nulls = new double[surrogates];
        Parallel.For(0, surrogates, options, b =>
        {
            var random = new StreamRandom(seed, b);
            ReadOnlySpan<double> data = present.Data.Span;
            double[] moved = new double[data.Length];
            int offset = 0;
            foreach (int m in trialRows)
            {
                int[] order = new int[m];
                for (int i = 0; i < m; i++)
                {
                    order[i] = i;
                }

                random.Shuffle<int>(order);
                for (int i = 0; i < m; i++)
                {
                    data.Slice((offset + order[i]) * d, d).CopyTo(moved.AsSpan((offset + i) * d, d));
                }

                offset += m;
            }

            nulls[b] = Estimator.Estimate(SampleMatrix.Owning(moved, d), past).Nats;
        });

        return new PermutationTestResult(observed, nulls, PermutationTest.PValue(observed.Nats, nulls));
    }

    /// <summary>
    /// The local active information storage at every time step with a complete past (Lizier, Prokopenko &amp; Zomaya 2012):
    /// value i is a(Y)_t = the estimator's local mutual information of (Y_t ; Y⁽ᵏ⁾_{t−1}) at t = <see cref="FirstTime"/> + i.
    /// Their mean is <see cref="Estimate(ReadOnlySpan{double})"/>.
    /// </summary>
    /// <param name="series">The values in time order, finite.</param>
    /// <returns>n − <see cref="FirstTime"/> values in nats; negative ones mark steps the past misinformed about.</returns>
    /// <exception cref="InvalidOperationException">The estimator has no local values (it does not implement <see cref="ILocalMultivariateMutualInformation"/>).</exception>
    /// <exception cref="ArgumentException">A value is NaN or ±∞, or the series is too short for the embedding.</exception>
    public double[] LocalValues(ReadOnlySpan<double> series) =>
        LocalValues([TimeSeriesChecks.Column(series, nameof(series))], nameof(series));

    /// <summary>
    /// The local active information storage pooled over several trials: trial 0's usable time steps (<see cref="FirstTime"/>
    /// on) first, then trial 1's, and so on; trials too short for the embedding contribute none.
    /// </summary>
    /// <param name="trials">The trials, all of the same dimension (a single multivariate series is a list of one).</param>
    /// <returns>One value per embedded row, in nats; their mean is <see cref="Estimate(IReadOnlyList{SampleMatrix})"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="trials"/> or a trial is null.</exception>
    /// <exception cref="InvalidOperationException">The estimator has no local values.</exception>
    /// <exception cref="ArgumentException">No trials, trials of different dimension, or no trial long enough.</exception>
    public double[] LocalValues(IReadOnlyList<SampleMatrix> trials) => LocalValues(trials, nameof(trials));

    private double[] LocalValues(IReadOnlyList<SampleMatrix> trials, string paramName)
    {
        if (Estimator is not ILocalMultivariateMutualInformation local)
        {
            throw new InvalidOperationException(
                $"{Estimator.GetType().Name} has no local values (it does not implement ILocalMultivariateMutualInformation); use GaussianMutualInformation or KsgMutualInformation.");
        }

        (SampleMatrix present, SampleMatrix past) = Embed(trials, paramName);
        return local.LocalValues(present, past);
    }

    private Information Estimate(IReadOnlyList<SampleMatrix> trials, string paramName)
    {
        (SampleMatrix present, SampleMatrix past) = Embed(trials, paramName);
        return Estimator.Estimate(present, past);
    }

    private (SampleMatrix Present, SampleMatrix Past) Embed(IReadOnlyList<SampleMatrix> trials, string paramName)
    {
        int[] lengths = TimeSeriesChecks.Trials(trials, paramName);
        int start = FirstTime;
        int rows = EmbeddingBuilder.RowCount(lengths, start, paramName);
        return (EmbeddingBuilder.Embed(trials, new LaggedBlock(0, 1, 1), start, rows, paramName),
            EmbeddingBuilder.Embed(trials, Past, start, rows, paramName));
    }
}
