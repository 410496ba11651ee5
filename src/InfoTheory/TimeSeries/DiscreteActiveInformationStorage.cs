using InfoTheory.Continuous;
using InfoTheory.Discrete;
using InfoTheory.Internal;
using InfoTheory.Statistics;
using InfoTheory.TimeSeries.Internal;

namespace InfoTheory.TimeSeries;

/// <summary>
/// Active information storage of a discrete process (Lizier, Prokopenko &amp; Zomaya 2012):
/// A(Y) = I(Y_t ; Y_{t−1}⁽ᵏ⁾) = H(Y_t) − H(Y_t | Y_{t−1}⁽ᵏ⁾), with any <see cref="DiscreteEntropyEstimator"/>, and
/// its local values a_t = ln p(y_t | y⁻_t) / p(y_t).
/// </summary>
/// <remarks>
/// The past is coded as one dense joint symbol; the estimate is <see cref="DiscreteMutualInformation"/> with
/// <see cref="Entropy"/> (plug-in by default). Local values use plug-in probabilities whatever <see cref="Entropy"/>
/// is; their mean is the plug-in estimate. Trials are embedded one by one and pooled. Results in nats.
/// Immutable and thread-safe.
/// </remarks>
/// <param name="entropy">The entropy estimator; null for plug-in.</param>
public sealed class DiscreteActiveInformationStorage(DiscreteEntropyEstimator? entropy = null)
{
    private readonly DiscreteMutualInformation _mi = new(entropy);

    /// <summary>The entropy estimator applied to Y_t, the past and the pair.</summary>
    public DiscreteEntropyEstimator Entropy => _mi.Entropy;

    /// <inheritdoc cref="ActiveInformationStorage.History"/>
    public int History { get; init => field = TimeSeriesChecks.History(value, nameof(History)); } = 1;

    /// <inheritdoc cref="ActiveInformationStorage.Delay"/>
    public int Delay { get; init => field = TimeSeriesChecks.Delay(value, nameof(Delay)); } = 1;

    /// <summary>The first time index t with a complete past, 1 + (k − 1)τ; local value i belongs to time <see cref="FirstTime"/> + i.</summary>
    public int FirstTime => Past.Reach;

    private LaggedBlock Past => new(1, History, Delay);

    /// <summary>A(Y) of one series.</summary>
    /// <param name="series">Non-negative symbols in time order.</param>
    /// <returns>The estimate.</returns>
    /// <exception cref="ArgumentException">A symbol is negative or the series is too short for the embedding.</exception>
    public Information Estimate(ReadOnlySpan<int> series)
    {
        (int[] present, int[] past) = Embed([series.ToArray()], nameof(series));
        return _mi.Estimate(present, past);
    }

    /// <summary>A(Y) pooled over several trials.</summary>
    /// <param name="trials">The trials.</param>
    /// <returns>The estimate from the rows of all trials.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="trials"/> or a trial is null.</exception>
    /// <exception cref="ArgumentException">No trials, a negative symbol, or no trial long enough.</exception>
    public Information Estimate(IReadOnlyList<int[]> trials)
    {
        (int[] present, int[] past) = Embed(trials, nameof(trials));
        return _mi.Estimate(present, past);
    }

    /// <summary>
    /// Tests H₀: no storage, with the surrogates of <see cref="ActiveInformationStorage.Test(IReadOnlyList{SampleMatrix}, int, int, int)"/>
    /// (the present values shuffled within each trial, the past vectors kept), this estimator on the symbols.
    /// </summary>
    /// <param name="trials">The trials: non-negative symbols in time order.</param>
    /// <param name="surrogates">The number B of surrogates, at least 1.</param>
    /// <param name="seed">The seed of the surrogates.</param>
    /// <param name="maxDegreeOfParallelism">The most threads to use: −1 (default) for all cores, or ≥ 1. Does not change the result.</param>
    /// <returns>The observed estimate (equal to <see cref="Estimate(IReadOnlyList{int[]})"/>), the B surrogate estimates in nats, and the p-value.</returns>
    /// <exception cref="ArgumentException">A negative symbol, or as for the continuous test.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="surrogates"/> or <paramref name="maxDegreeOfParallelism"/> is out of range.</exception>
    public PermutationTestResult Test(IReadOnlyList<int[]> trials, int surrogates, int seed = Settings.DefaultSeed, int maxDegreeOfParallelism = Settings.DefaultMaxDegreeOfParallelism) =>
        new ActiveInformationStorage(new SymbolEstimators(Entropy)) { History = History, Delay = Delay }
            .Test(SymbolEstimators.Columns(trials, nameof(trials)), surrogates, seed, maxDegreeOfParallelism);

    /// <summary>
    /// The local active information storage in nats: value i is ln(p̂(y_t | y⁻_t) / p̂(y_t)) at t = <see cref="FirstTime"/> + i,
    /// with plug-in probabilities. Their mean is the plug-in estimate.
    /// </summary>
    /// <param name="series">Non-negative symbols in time order.</param>
    /// <returns>n − <see cref="FirstTime"/> values.</returns>
    /// <exception cref="ArgumentException">A symbol is negative or the series is too short for the embedding.</exception>
    public double[] LocalValues(ReadOnlySpan<int> series)
    {
        (int[] present, int[] past) = Embed([series.ToArray()], nameof(series));
        double[] local = new double[present.Length];
        new PlugInMutualInformation().LocalValues(present, past, local);
        return local;
    }

    private (int[] Present, int[] Past) Embed(IReadOnlyList<int[]> trials, string paramName)
    {
        int[] lengths = TimeSeriesChecks.SymbolTrials(trials, paramName);
        int start = FirstTime;
        int rows = EmbeddingBuilder.RowCount(lengths, start, paramName);
        return (EmbeddingBuilder.EmbedSymbols(trials, new LaggedBlock(0, 1, 1), start, rows),
            EmbeddingBuilder.EmbedSymbols(trials, Past, start, rows));
    }
}
