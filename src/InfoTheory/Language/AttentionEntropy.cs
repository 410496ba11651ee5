using System.Globalization;
using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using InfoTheory.Internal;
using InfoTheory.Primitives.Simd;

namespace InfoTheory.Language;

/// <summary>
/// Entropy of attention: for an attention tensor [heads × queries × keys] (row-major), the entropy of each query's
/// distribution over the keys, its mean per head, and both normalised by ln(number of keys the row can see) — the
/// measure behind "attention entropy collapse" (Zhai et al. 2023) and "entropic overload" of long contexts.
/// </summary>
/// <remarks>
/// With <c>causal: true</c>, query q sees the first keys − queries + q + 1 keys (the usual alignment of the last
/// queries with the last keys, which is the lower-triangular mask when queries = keys); the keys beyond are not read,
/// so no mask is materialised. A row that sees one key has entropy 0 and normalised entropy 0 (its distribution is
/// necessarily one-hot). Entropies are in nats; normalised entropies are in [0, 1].
/// </remarks>
public static class AttentionEntropy
{
    /// <summary>Attention entropy from attention weights (each visible row a probability distribution).</summary>
    /// <param name="weights">The attention weights [heads × queries × keys], row-major; each row's visible part must be
    /// finite, ≥ 0 and sum to 1 (within 1e-9·keys for double, 1e-3 for float weights).</param>
    /// <param name="heads">The number of heads (≥ 1).</param>
    /// <param name="queries">The number of queries per head (≥ 1).</param>
    /// <param name="keys">The number of keys per row (≥ 1; ≥ <paramref name="queries"/> when causal).</param>
    /// <param name="causal">Whether query q sees only its first keys − queries + q + 1 keys.</param>
    /// <returns>Per-row and per-head entropies, raw and normalised.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A dimension is less than 1, or keys &lt; queries with a causal mask.</exception>
    /// <exception cref="ArgumentException">The length is not heads·queries·keys, or a row is not a distribution (named by head and query).</exception>
    public static AttentionEntropyResult FromWeights(ReadOnlySpan<double> weights, int heads, int queries, int keys, bool causal = false)
    {
        ValidateShape(weights.Length, heads, queries, keys, causal, nameof(weights));
        ValidateRows(weights, heads, queries, keys, causal, 1e-9 * keys);
        return Compute(weights, heads, queries, keys, causal, double.NaN);
    }

    /// <inheritdoc cref="FromWeights(ReadOnlySpan{double}, int, int, int, bool)"/>
    public static AttentionEntropyResult FromWeights(ReadOnlySpan<float> weights, int heads, int queries, int keys, bool causal = false)
    {
        ValidateShape(weights.Length, heads, queries, keys, causal, nameof(weights));
        ValidateRows(weights, heads, queries, keys, causal, 1e-3);
        return Compute(weights, heads, queries, keys, causal, double.NaN);
    }

    /// <summary>
    /// Attention entropy from pre-softmax scores: each visible row is turned into softmax(row / T) on the fly (the
    /// softmax is never materialised). −∞ scores mean a masked key.
    /// </summary>
    /// <param name="scores">The attention scores (logits) [heads × queries × keys], row-major.</param>
    /// <param name="heads">The number of heads (≥ 1).</param>
    /// <param name="queries">The number of queries per head (≥ 1).</param>
    /// <param name="keys">The number of keys per row (≥ 1; ≥ <paramref name="queries"/> when causal).</param>
    /// <param name="causal">Whether query q sees only its first keys − queries + q + 1 keys.</param>
    /// <param name="temperature">The softmax temperature T &gt; 0 (default 1; pass √d for unscaled dot products).</param>
    /// <returns>Per-row and per-head entropies, raw and normalised; a row with no finite score gives NaN.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A dimension is less than 1, keys &lt; queries with a causal mask, or the temperature is not finite and positive.</exception>
    /// <exception cref="ArgumentException">The length is not heads·queries·keys.</exception>
    public static AttentionEntropyResult FromScores(ReadOnlySpan<double> scores, int heads, int queries, int keys, bool causal = false, double temperature = 1.0)
    {
        double inverseTemperature = Check.InverseTemperature(temperature);
        ValidateShape(scores.Length, heads, queries, keys, causal, nameof(scores));
        CheckScores(scores, heads, queries, keys, causal);
        return Compute(scores, heads, queries, keys, causal, inverseTemperature);
    }

    /// <inheritdoc cref="FromScores(ReadOnlySpan{double}, int, int, int, bool, double)"/>
    public static AttentionEntropyResult FromScores(ReadOnlySpan<float> scores, int heads, int queries, int keys, bool causal = false, double temperature = 1.0)
    {
        double inverseTemperature = Check.InverseTemperature(temperature);
        ValidateShape(scores.Length, heads, queries, keys, causal, nameof(scores));
        CheckScores(scores, heads, queries, keys, causal);
        return Compute(scores, heads, queries, keys, causal, inverseTemperature);
    }

    /// <summary>Rejects a NaN or +∞ score among the keys a row sees (−∞ is a masked key), naming its head and query.</summary>
    private static void CheckScores<T>(ReadOnlySpan<T> scores, int heads, int queries, int keys, bool causal)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int h = 0; h < heads; h++)
        {
            for (int q = 0; q < queries; q++)
            {
                ReadOnlySpan<T> row = scores.Slice(((h * queries) + q) * keys, Visible(q, queries, keys, causal));
                for (int j = 0; j < row.Length; j++)
                {
                    if (T.IsNaN(row[j]) || T.IsPositiveInfinity(row[j]))
                    {
                        ThrowHelper.ArgumentException(nameof(scores), string.Create(CultureInfo.InvariantCulture,
                            $"scores holds {row[j]} at head {h}, query {q}, key {j}; a score must be finite or −∞ (a masked key)."));
                    }
                }
            }
        }
    }

    private static int Visible(int q, int queries, int keys, bool causal) => causal ? keys - queries + q + 1 : keys;

    /// <summary>Entropy per visible row: of the weights when inverseTemperature is NaN, else of softmax(scores·s).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static AttentionEntropyResult Compute<T>(ReadOnlySpan<T> input, int heads, int queries, int keys, bool causal, double inverseTemperature)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        bool fromScores = !double.IsNaN(inverseTemperature);
        double[] rowEntropy = new double[heads * queries];
        double[] rowNormalized = new double[heads * queries];
        double[] headMean = new double[heads];
        double[] headNormalized = new double[heads];
        for (int h = 0; h < heads; h++)
        {
            double sum = 0, sumNormalized = 0;
            for (int q = 0; q < queries; q++)
            {
                int r = (h * queries) + q;
                int visible = Visible(q, queries, keys, causal);
                ReadOnlySpan<T> row = input.Slice(r * keys, visible);
                double entropy = fromScores ? Kernels.SoftmaxEntropy(row, inverseTemperature) : Kernels.Entropy(row);
                double normalized = visible == 1 ? 0 : entropy / Math.Log(visible);
                rowEntropy[r] = entropy;
                rowNormalized[r] = normalized;
                sum += entropy;
                sumNormalized += normalized;
            }

            headMean[h] = sum / queries;
            headNormalized[h] = sumNormalized / queries;
        }

        return new AttentionEntropyResult(heads, queries, rowEntropy, rowNormalized, headMean, headNormalized);
    }

    private static void ValidateShape(int length, int heads, int queries, int keys, bool causal, string name)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(heads, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(queries, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(keys, 1);
        if (causal && keys < queries)
        {
            ThrowHelper.ArgumentOutOfRange(nameof(keys), keys, string.Create(CultureInfo.InvariantCulture,
                $"A causal mask needs keys ≥ queries (query q sees keys − queries + q + 1 keys), got keys = {keys} and queries = {queries}."));
        }

        if ((long)heads * queries * keys != length)
        {
            ThrowHelper.ArgumentException(name, string.Create(CultureInfo.InvariantCulture,
                $"{name} has {length} elements but heads × queries × keys = {heads} × {queries} × {keys} = {(long)heads * queries * keys}."));
        }
    }

    private static void ValidateRows<T>(ReadOnlySpan<T> weights, int heads, int queries, int keys, bool causal, double tolerance)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int h = 0; h < heads; h++)
        {
            for (int q = 0; q < queries; q++)
            {
                int visible = Visible(q, queries, keys, causal);
                ReadOnlySpan<T> row = weights.Slice(((h * queries) + q) * keys, visible);
                double min = double.CreateTruncating(TensorPrimitives.Min(row));
                double sum = 0;
                foreach (T w in row)
                {
                    sum += double.CreateTruncating(w);
                }

                if (!(min >= 0) || !double.IsFinite(sum) || Math.Abs(sum - 1) > tolerance)
                {
                    ThrowHelper.ArgumentException(nameof(weights), string.Create(CultureInfo.InvariantCulture,
                        $"weights at head {h}, query {q} is not a distribution over its {visible} visible keys (minimum {min}, sum {sum:R}); each row must be finite, ≥ 0 and sum to 1."));
                }
            }
        }
    }
}
