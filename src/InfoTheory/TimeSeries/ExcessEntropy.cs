using InfoTheory.Discrete;
using InfoTheory.Measures;
using InfoTheory.TimeSeries.Internal;

namespace InfoTheory.TimeSeries;

/// <summary>
/// The excess entropy (effective measure complexity) E = lim_{L→∞} [H(L) − L·h] of a stationary discrete process,
/// H(L) the entropy of L consecutive symbols and h the entropy rate (Crutchfield &amp; Feldman 2003, Chaos 13, 25;
/// Grassberger 1986): the information the past shares with the future. Exact for a Markov chain from its transition
/// matrix, and estimated from a series by block entropies.
/// </summary>
/// <remarks>
/// E = Σ_{L≥1} [h(L) − h], h(L) = H(L) − H(L − 1) the block-entropy differences of
/// <see cref="EntropyRate.BlockEntropyDifference"/>, and it equals the mutual information between the semi-infinite
/// past and future (the predictive information of Bialek, Nemenman &amp; Tishby 2001) when that is finite. Results are
/// in nats inside <see cref="Information"/>.
/// </remarks>
public static class ExcessEntropy
{
    /// <summary>
    /// The excess entropy of a stationary first-order Markov chain, E = H(π) − h: since H(L) = H(π) + (L − 1) h for
    /// every L ≥ 1, H(L) − L h is H(π) − h from L = 1 on. It equals I(X_t; X_{t+1}).
    /// </summary>
    /// <param name="transition">A row-stochastic matrix, as for <see cref="EntropyRate.MarkovChain"/>.</param>
    /// <returns>0 ≤ E ≤ ln m: 0 for an i.i.d. chain (equal rows), H(π) for a deterministic one.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="transition"/> is null.</exception>
    /// <exception cref="ArgumentException">As for <see cref="EntropyRate.MarkovChain"/>.</exception>
    public static Information MarkovChain(double[,] transition)
    {
        double[] pi = EntropyRate.StationaryDistribution(transition);
        double e = Entropy.Shannon(pi).Nats - EntropyRate.MarkovChain(transition).Nats;
        return Information.FromNats(Math.Max(0, e));
    }

    /// <summary>
    /// The block estimate Ê_L = Ĥ(L) − L·ĥ_L = L·Ĥ(L − 1) − (L − 1)·Ĥ(L), with ĥ_L = Ĥ(L) − Ĥ(L − 1) the estimate of
    /// <see cref="EntropyRate.BlockEntropyDifference"/> and Ĥ the entropies of the overlapping blocks
    /// (Crutchfield &amp; Feldman 2003, eq. 32 with the finite-L rate).
    /// </summary>
    /// <param name="series">Non-negative symbols in time order, at least <paramref name="blockLength"/>.</param>
    /// <param name="blockLength">
    /// L ≥ 1 (Ê_1 = 0). For a Markov chain of order r the exact E_L equals E from L = r + 1 on; otherwise E_L
    /// increases to E. Keep m^L ≪ n, as for the entropy rate.
    /// </param>
    /// <param name="entropy">The entropy estimator for both block lengths; null for plug-in.</param>
    /// <returns>The estimate (it can fall slightly below 0 on poorly sampled blocks).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="blockLength"/> is below 1.</exception>
    /// <exception cref="ArgumentException">The series is shorter than <paramref name="blockLength"/> or has a negative symbol.</exception>
    public static Information BlockEstimate(ReadOnlySpan<int> series, int blockLength, DiscreteEntropyEstimator? entropy = null)
    {
        TimeSeriesChecks.History(blockLength, nameof(blockLength));
        int[][] trial = [series.ToArray()];
        int[] lengths = TimeSeriesChecks.SymbolTrials(trial, nameof(series));
        DiscreteEntropyEstimator estimator = entropy ?? new PlugInEntropy();
        double upper = EntropyRate.BlockEntropy(trial, lengths, blockLength, estimator, nameof(series)).Nats;
        double lower = blockLength == 1 ? 0 : EntropyRate.BlockEntropy(trial, lengths, blockLength - 1, estimator, nameof(series)).Nats;
        return Information.FromNats((blockLength * lower) - ((blockLength - 1) * upper));
    }

    /// <summary>
    /// The predictive information of blocks of length L, I(past L symbols; next L symbols) = 2Ĥ(L) − Ĥ(2L)
    /// (Bialek, Nemenman &amp; Tishby 2001), which increases to E as L grows; for a Markov chain of order r it equals E
    /// from L = r on.
    /// </summary>
    /// <param name="series">Non-negative symbols in time order, at least 2 <paramref name="blockLength"/>.</param>
    /// <param name="blockLength">L ≥ 1; the joint blocks have 2L symbols, so keep m^{2L} ≪ n.</param>
    /// <param name="entropy">The entropy estimator for both block lengths; null for plug-in.</param>
    /// <returns>The estimate.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="blockLength"/> is below 1.</exception>
    /// <exception cref="ArgumentException">The series is shorter than 2 <paramref name="blockLength"/> or has a negative symbol.</exception>
    public static Information PredictiveInformation(ReadOnlySpan<int> series, int blockLength, DiscreteEntropyEstimator? entropy = null)
    {
        TimeSeriesChecks.History(blockLength, nameof(blockLength));
        int[][] trial = [series.ToArray()];
        int[] lengths = TimeSeriesChecks.SymbolTrials(trial, nameof(series));
        DiscreteEntropyEstimator estimator = entropy ?? new PlugInEntropy();
        double joint = EntropyRate.BlockEntropy(trial, lengths, 2 * blockLength, estimator, nameof(series)).Nats;
        double half = EntropyRate.BlockEntropy(trial, lengths, blockLength, estimator, nameof(series)).Nats;
        return Information.FromNats((2 * half) - joint);
    }
}
