using System.Globalization;
using InfoTheory.Discrete;
using InfoTheory.Internal;
using InfoTheory.Measures;
using InfoTheory.TimeSeries.Internal;
using MathNet.Numerics.LinearAlgebra;

namespace InfoTheory.TimeSeries;

/// <summary>
/// Entropy rates: the exact rate of a Markov chain from its transition matrix, and the block-entropy-difference
/// estimate from a discrete series. For the Lempel-Ziv estimate see <see cref="LempelZiv"/>.
/// </summary>
/// <remarks>
/// The entropy rate of a stationary process is h = lim_{L→∞} H(X_1, …, X_L) / L = lim_{L→∞} H(X_L | X_1, …, X_{L−1})
/// (Cover &amp; Thomas 2006, §4.2). Results are in nats inside <see cref="Information"/>.
/// </remarks>
public static class EntropyRate
{
    /// <summary>
    /// The entropy rate of a stationary Markov chain, h = Σᵢ πᵢ H(Pᵢ·) = −Σᵢ πᵢ Σⱼ Pᵢⱼ ln Pᵢⱼ, with π the stationary
    /// distribution (Cover &amp; Thomas 2006, Theorem 4.2.4).
    /// </summary>
    /// <param name="transition">A row-stochastic matrix: <c>transition[i, j]</c> = P(X_{t+1} = j | X_t = i); every row finite, ≥ 0, summing to 1 within 1e-9·m.</param>
    /// <returns>The entropy rate, 0 ≤ h ≤ ln m.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="transition"/> is null.</exception>
    /// <exception cref="ArgumentException">The matrix is empty, not square, a row is not a distribution, or the stationary distribution is not unique (two or more closed classes).</exception>
    public static Information MarkovChain(double[,] transition)
    {
        double[] pi = StationaryDistribution(transition);
        int m = pi.Length;
        double h = 0;
        double[] row = new double[m];
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < m; j++)
            {
                row[j] = transition[i, j];
            }

            h += pi[i] * Entropy.Shannon(row).Nats;
        }

        return Information.FromNats(h);
    }

    /// <summary>
    /// The stationary distribution π of a Markov chain: π P = π, Σ πᵢ = 1, found by solving the linear system
    /// (Pᵀ − I) π = 0 with one equation replaced by the normalisation. Periodic chains are fine (π is still unique).
    /// </summary>
    /// <param name="transition">A row-stochastic matrix, as for <see cref="MarkovChain"/>.</param>
    /// <returns>π, non-negative and summing to 1 (entries within 1e-12 of 0 are set to 0).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="transition"/> is null.</exception>
    /// <exception cref="ArgumentException">As for <see cref="MarkovChain"/>.</exception>
    public static double[] StationaryDistribution(double[,] transition)
    {
        ArgumentNullException.ThrowIfNull(transition);
        int m = transition.GetLength(0);
        if (m == 0 || transition.GetLength(1) != m)
        {
            ThrowHelper.ArgumentException(nameof(transition), string.Create(CultureInfo.InvariantCulture,
                $"transition must be a non-empty square matrix, got {transition.GetLength(0)} × {transition.GetLength(1)}."));
        }

        for (int i = 0; i < m; i++)
        {
            double rowSum = 0;
            for (int j = 0; j < m; j++)
            {
                double value = transition[i, j];
                if (!double.IsFinite(value) || value < 0)
                {
                    ThrowHelper.ArgumentException(nameof(transition), string.Create(CultureInfo.InvariantCulture,
                        $"transition[{i}, {j}] = {value}; transition probabilities must be finite and non-negative."));
                }

                rowSum += value;
            }

            if (!(Math.Abs(rowSum - 1) <= 1e-9 * m))
            {
                ThrowHelper.ArgumentException(nameof(transition), string.Create(CultureInfo.InvariantCulture,
                    $"Row {i} of transition sums to {rowSum:R}, not 1 (tolerance {1e-9 * m:G3}); each row is the distribution of the next state."));
            }
        }

        Matrix<double> a = Matrix<double>.Build.Dense(m, m, (i, j) => transition[j, i] - (i == j ? 1 : 0));
        for (int j = 0; j < m; j++)
        {
            a[m - 1, j] = 1;
        }

        if (a.Rank() < m)
        {
            ThrowHelper.ArgumentException(nameof(transition),
                "transition has more than one stationary distribution (two or more closed communicating classes); its entropy rate depends on the initial distribution.");
        }

        Vector<double> b = Vector<double>.Build.Dense(m);
        b[m - 1] = 1;
        double[] pi = a.QR().Solve(b).ToArray();
        double sum = 0;
        for (int i = 0; i < m; i++)
        {
            pi[i] = Math.Abs(pi[i]) <= 1e-12 ? 0 : pi[i];
            sum += pi[i];
        }

        for (int i = 0; i < m; i++)
        {
            pi[i] /= sum;
        }

        return pi;
    }

    /// <summary>
    /// The block-entropy-difference estimate ĥ_L = Ĥ_L − Ĥ_{L−1}, Ĥ_L the entropy of the overlapping blocks
    /// (x_t, …, x_{t+L−1}) of the series (Ĥ_0 = 0), with any <see cref="DiscreteEntropyEstimator"/> (Grassberger 1988;
    /// Schürmann &amp; Grassberger 1996).
    /// </summary>
    /// <param name="series">Non-negative symbols in time order, at least <paramref name="blockLength"/>.</param>
    /// <param name="blockLength">L ≥ 1: ĥ_L estimates H(X_L | X_1 … X_{L−1}), which decreases to h; it equals h from L = r + 1 for a Markov chain of order r.</param>
    /// <param name="entropy">The entropy estimator for both block lengths; null for plug-in.</param>
    /// <returns>The estimate. The plug-in estimate falls below h once the m^L blocks are poorly sampled (rule of thumb: keep m^L ≪ n).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="blockLength"/> is below 1.</exception>
    /// <exception cref="ArgumentException">The series is shorter than <paramref name="blockLength"/> or has a negative symbol.</exception>
    public static Information BlockEntropyDifference(ReadOnlySpan<int> series, int blockLength, DiscreteEntropyEstimator? entropy = null)
    {
        TimeSeriesChecks.History(blockLength, nameof(blockLength));
        int[][] trial = [series.ToArray()];
        int[] lengths = TimeSeriesChecks.SymbolTrials(trial, nameof(series));
        DiscreteEntropyEstimator estimator = entropy ?? new PlugInEntropy();
        Information upper = BlockEntropy(trial, lengths, blockLength, estimator, nameof(series));
        Information lower = blockLength == 1 ? Information.Zero : BlockEntropy(trial, lengths, blockLength - 1, estimator, nameof(series));
        return upper - lower;
    }

    internal static Information BlockEntropy(int[][] trial, int[] lengths, int length, DiscreteEntropyEstimator estimator, string paramName)
    {
        // Block (x_{t−L+1}, …, x_t) is a delay embedding of dimension L at lag 0, coded as one symbol.
        var block = new LaggedBlock(0, length, 1);
        int rows = EmbeddingBuilder.RowCount(lengths, block.Reach, paramName);
        return estimator.Estimate(EmbeddingBuilder.EmbedSymbols(trial, block, block.Reach, rows));
    }
}
