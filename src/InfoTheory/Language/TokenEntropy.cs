using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
using InfoTheory.Internal;
using InfoTheory.Primitives.Simd;

namespace InfoTheory.Language;

/// <summary>
/// Token-level uncertainty of a language model from its next-token logits: the varentropy (variance of the surprisal)
/// alongside the entropy, row by row over a [tokens × vocabulary] matrix, and per-sequence summaries with the share of
/// high-entropy "forking" tokens (Wang et al. 2025).
/// </summary>
/// <remarks>
/// The entropy of each row alone is <see cref="Primitives.InformationPrimitives.SoftmaxEntropyRows(ReadOnlySpan{float}, int, Span{float}, double, LogBase)"/>;
/// the methods here add the second moment in the same pass. Logits of −∞ mean probability 0 (masked tokens).
/// </remarks>
public static partial class TokenEntropy
{
    /// <summary>
    /// Varentropy of p = softmax(logits / T): V = Var_p[−ln p] = Σ pᵢ (ln pᵢ)² − H², the variance of the surprisal of a
    /// token drawn from p, in nats² — the "how uncertain is the uncertainty" signal of entropy-aware sampling. It is 0
    /// exactly for a uniform distribution over its support (every token equally surprising) and for a one-hot one.
    /// </summary>
    /// <param name="logits">The logits of one distribution; −∞ means probability 0.</param>
    /// <param name="temperature">The softmax temperature T &gt; 0 (default 1).</param>
    /// <returns>V ≥ 0 in nats² (a variance of a quantity in nats, so a plain double); 0 for an empty span; NaN if no logit is finite, or one is +∞ or NaN.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="temperature"/> is not finite and positive.</exception>
    /// <remarks>Computed from the logits without materialising p: with t = (x − max)/T, Z = Σeᵗ, V = Σeᵗt²/Z − (Σeᵗt/Z)²;
    /// two passes (the maximum, then the three sums), accumulated in double.</remarks>
    public static double Varentropy(ReadOnlySpan<double> logits, double temperature = 1.0) =>
        Kernels.SoftmaxEntropyAndVarentropy(logits, Check.InverseTemperature(temperature)).Varentropy;

    /// <inheritdoc cref="Varentropy(ReadOnlySpan{double}, double)"/>
    public static double Varentropy(ReadOnlySpan<float> logits, double temperature = 1.0) =>
        Kernels.SoftmaxEntropyAndVarentropy(logits, Check.InverseTemperature(temperature)).Varentropy;

    /// <summary>
    /// Row-wise varentropy: <c>destination[r]</c> = Var[−log p] of p = softmax(row r / T) of the row-major logits
    /// [rows × <paramref name="rowLength"/>], in the square of the unit of <paramref name="logBase"/> (nats² by default, bits² for <see cref="LogBase.Two"/>).
    /// </summary>
    /// <param name="logits">The rows of logits, row after row ([tokens × vocabulary]).</param>
    /// <param name="rowLength">The number of logits in a row (the vocabulary size); must divide <c>logits.Length</c>.</param>
    /// <param name="destination">Receives one value per row.</param>
    /// <param name="temperature">The softmax temperature T &gt; 0 (default 1).</param>
    /// <param name="logBase">The unit (default nats); results are in that unit squared.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rowLength"/> is less than 1, or <paramref name="temperature"/> is not finite and positive.</exception>
    /// <exception cref="ArgumentException"><paramref name="rowLength"/> does not divide the length, or <paramref name="destination"/> is too short.</exception>
    public static void VarentropyRows(ReadOnlySpan<double> logits, int rowLength, Span<double> destination, double temperature = 1.0, LogBase logBase = LogBase.E)
    {
        double inverseTemperature = Check.InverseTemperature(temperature);
        Rows.Validate(logits.Length, rowLength, destination.Length, nameof(logits));
        RunRows(logits, rowLength, [], destination, inverseTemperature, Information.NatsPer(logBase, nameof(logBase)));
    }

    /// <inheritdoc cref="VarentropyRows(ReadOnlySpan{double}, int, Span{double}, double, LogBase)"/>
    public static void VarentropyRows(ReadOnlySpan<float> logits, int rowLength, Span<float> destination, double temperature = 1.0, LogBase logBase = LogBase.E)
    {
        double inverseTemperature = Check.InverseTemperature(temperature);
        Rows.Validate(logits.Length, rowLength, destination.Length, nameof(logits));
        RunRows(logits, rowLength, [], destination, inverseTemperature, Information.NatsPer(logBase, nameof(logBase)));
    }

    /// <summary>
    /// Entropy and varentropy of every row in one pass over the data (after each row's maximum):
    /// <c>entropy[r]</c> = H(softmax(row r / T)) in the unit of <paramref name="logBase"/> and <c>varentropy[r]</c> =
    /// Var[−log p] in that unit squared.
    /// </summary>
    /// <param name="logits">The rows of logits, row after row ([tokens × vocabulary]).</param>
    /// <param name="rowLength">The number of logits in a row (the vocabulary size); must divide <c>logits.Length</c>.</param>
    /// <param name="entropy">Receives the entropy of each row.</param>
    /// <param name="varentropy">Receives the varentropy of each row.</param>
    /// <param name="temperature">The softmax temperature T &gt; 0 (default 1).</param>
    /// <param name="logBase">The unit (default nats).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rowLength"/> is less than 1, or <paramref name="temperature"/> is not finite and positive.</exception>
    /// <exception cref="ArgumentException"><paramref name="rowLength"/> does not divide the length, or a destination is too short.</exception>
    public static void EntropyAndVarentropyRows(ReadOnlySpan<double> logits, int rowLength, Span<double> entropy, Span<double> varentropy, double temperature = 1.0, LogBase logBase = LogBase.E)
    {
        double inverseTemperature = Check.InverseTemperature(temperature);
        Rows.Validate(logits.Length, rowLength, entropy.Length, nameof(logits));
        Rows.Validate(logits.Length, rowLength, varentropy.Length, nameof(logits));
        RunRows(logits, rowLength, entropy, varentropy, inverseTemperature, Information.NatsPer(logBase, nameof(logBase)));
    }

    /// <inheritdoc cref="EntropyAndVarentropyRows(ReadOnlySpan{double}, int, Span{double}, Span{double}, double, LogBase)"/>
    public static void EntropyAndVarentropyRows(ReadOnlySpan<float> logits, int rowLength, Span<float> entropy, Span<float> varentropy, double temperature = 1.0, LogBase logBase = LogBase.E)
    {
        double inverseTemperature = Check.InverseTemperature(temperature);
        Rows.Validate(logits.Length, rowLength, entropy.Length, nameof(logits));
        Rows.Validate(logits.Length, rowLength, varentropy.Length, nameof(logits));
        RunRows(logits, rowLength, entropy, varentropy, inverseTemperature, Information.NatsPer(logBase, nameof(logBase)));
    }

    /// <summary>
    /// Summarises the token entropies of one sequence: their mean, and the share of "forking" tokens whose entropy is
    /// above the <paramref name="quantile"/> of the sequence's own entropies (Wang et al. 2025, "Beyond the 80/20 rule:
    /// high-entropy minority tokens drive effective reinforcement learning for LLM reasoning", use the 80th percentile).
    /// </summary>
    /// <param name="entropies">The entropy of each token (any unit; the summary keeps it), e.g. from <c>SoftmaxEntropyRows</c>.</param>
    /// <param name="quantile">The quantile q ∈ [0, 1) that sets the threshold (default 0.8: the top 20 %).</param>
    /// <returns>The summary; for an empty sequence, mean and threshold are NaN and the counts 0.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="quantile"/> is not in [0, 1).</exception>
    /// <exception cref="ArgumentException"><paramref name="entropies"/> contains NaN or a negative value.</exception>
    /// <remarks>
    /// The threshold is the linearly interpolated sample quantile (type 7 of Hyndman &amp; Fan 1996, numpy's default); a
    /// token is forking when its entropy is strictly above it, so tied entropies never all count as forks. O(n log n).
    /// </remarks>
    public static TokenEntropySummary Summarize(ReadOnlySpan<double> entropies, double quantile = 0.8)
    {
        CheckQuantile(quantile);
        CheckEntropies(entropies);
        double threshold = Quantile(entropies, quantile);
        return SummarizeAgainst(entropies, threshold);
    }

    /// <summary>
    /// Summarises a batch of sequences against one threshold taken over all of their tokens together (the batch-level
    /// percentile of Wang et al. 2025): for each sequence, its mean entropy and its share of tokens above the threshold.
    /// </summary>
    /// <param name="entropies">The entropy of every token, sequence after sequence.</param>
    /// <param name="sequenceLengths">The number of tokens of each sequence (≥ 0); they must add up to <c>entropies.Length</c>.</param>
    /// <param name="quantile">The quantile q ∈ [0, 1) of all tokens' entropies that sets the threshold (default 0.8).</param>
    /// <returns>One summary per sequence, all with the same <see cref="TokenEntropySummary.Threshold"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="quantile"/> is not in [0, 1).</exception>
    /// <exception cref="ArgumentException">A length is negative or they do not add up, or <paramref name="entropies"/> contains NaN or a negative value.</exception>
    public static TokenEntropySummary[] SummarizeSequences(ReadOnlySpan<double> entropies, ReadOnlySpan<int> sequenceLengths, double quantile = 0.8)
    {
        CheckQuantile(quantile);
        long total = 0;
        for (int s = 0; s < sequenceLengths.Length; s++)
        {
            if (sequenceLengths[s] < 0)
            {
                ThrowHelper.ArgumentException(nameof(sequenceLengths), string.Create(CultureInfo.InvariantCulture,
                    $"sequenceLengths contains the negative length {sequenceLengths[s]} at index {s}."));
            }

            total += sequenceLengths[s];
        }

        if (total != entropies.Length)
        {
            ThrowHelper.ArgumentException(nameof(sequenceLengths), string.Create(CultureInfo.InvariantCulture,
                $"sequenceLengths add up to {total} tokens but entropies has {entropies.Length}; they must match."));
        }

        CheckEntropies(entropies);
        double threshold = Quantile(entropies, quantile);
        var result = new TokenEntropySummary[sequenceLengths.Length];
        int start = 0;
        for (int s = 0; s < result.Length; s++)
        {
            result[s] = SummarizeAgainst(entropies.Slice(start, sequenceLengths[s]), threshold);
            start += sequenceLengths[s];
        }

        return result;
    }

    /// <summary>
    /// Marks the high-entropy tokens: <c>mask[i]</c> = entropies[i] &gt; the <paramref name="quantile"/> of the entropies
    /// (interpolated as in <see cref="Summarize"/>), the tokens that Wang et al. (2025) restrict the policy gradient to.
    /// </summary>
    /// <param name="entropies">The token entropies.</param>
    /// <param name="quantile">The quantile q ∈ [0, 1) (default 0.8).</param>
    /// <param name="mask">Receives one flag per token; at least as long as <paramref name="entropies"/>.</param>
    /// <returns>The threshold (NaN for no tokens).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="quantile"/> is not in [0, 1).</exception>
    /// <exception cref="ArgumentException"><paramref name="mask"/> is too short, or <paramref name="entropies"/> contains NaN or a negative value.</exception>
    public static double HighEntropyMask(ReadOnlySpan<double> entropies, Span<bool> mask, double quantile = 0.8)
    {
        CheckQuantile(quantile);
        if (mask.Length < entropies.Length)
        {
            ThrowHelper.ArgumentException_DestinationTooShort(nameof(mask), entropies.Length, mask.Length);
        }

        CheckEntropies(entropies);
        double threshold = Quantile(entropies, quantile);
        for (int i = 0; i < entropies.Length; i++)
        {
            mask[i] = entropies[i] > threshold;
        }

        return threshold;
    }

    private static TokenEntropySummary SummarizeAgainst(ReadOnlySpan<double> entropies, double threshold)
    {
        if (entropies.IsEmpty)
        {
            return new TokenEntropySummary(0, double.NaN, double.NaN, threshold, 0);
        }

        double sum = 0, max = double.NegativeInfinity;
        int forks = 0;
        foreach (double h in entropies)
        {
            sum += h;
            max = Math.Max(max, h);
            forks += h > threshold ? 1 : 0;
        }

        return new TokenEntropySummary(entropies.Length, sum / entropies.Length, max, threshold, forks);
    }

    /// <summary>The type-7 sample quantile of unsorted values (a sorted copy; NaN when empty).</summary>
    private static double Quantile(ReadOnlySpan<double> values, double q)
    {
        double[] sorted = values.ToArray();
        Array.Sort(sorted);
        return SortedQuantile.Of(sorted, q);
    }

    private static void CheckQuantile(double quantile)
    {
        if (!(quantile >= 0 && quantile < 1))
        {
            ThrowHelper.ArgumentOutOfRange(nameof(quantile), quantile,
                string.Create(CultureInfo.InvariantCulture, $"quantile must be in [0, 1), got {quantile}."));
        }
    }

    private static void CheckEntropies(ReadOnlySpan<double> entropies)
    {
        for (int i = 0; i < entropies.Length; i++)
        {
            if (!(entropies[i] >= 0) || double.IsPositiveInfinity(entropies[i]))
            {
                ThrowHelper.ArgumentException(nameof(entropies), string.Create(CultureInfo.InvariantCulture,
                    $"entropies contains {entropies[i]} at index {i}; an entropy is a finite number ≥ 0."));
            }
        }
    }

    /// <summary>One pass per row; an empty entropy span means "varentropy only".</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void RunRows<TIn, TOut>(ReadOnlySpan<TIn> logits, int rowLength, Span<TOut> entropy, Span<TOut> varentropy, double inverseTemperature, double unit)
        where TIn : unmanaged, IFloatingPointIeee754<TIn>
        where TOut : INumberBase<TOut>
    {
        int rows = logits.Length / rowLength;
        double squareUnit = unit * unit;
        bool withEntropy = !entropy.IsEmpty;
        for (int r = 0; r < rows; r++)
        {
            (double h, double v) = Kernels.SoftmaxEntropyAndVarentropy(logits.Slice(r * rowLength, rowLength), inverseTemperature);
            if (withEntropy)
            {
                entropy[r] = TOut.CreateTruncating(h / unit);
            }

            varentropy[r] = TOut.CreateTruncating(v / squareUnit);
        }
    }
}
