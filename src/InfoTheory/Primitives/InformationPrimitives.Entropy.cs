
using InfoTheory.Internal;
using InfoTheory.Primitives.Simd;

namespace InfoTheory.Primitives;

public static partial class InformationPrimitives
{
    /// <summary>Shannon entropy of a probability vector: H(p) = −Σ pᵢ ln pᵢ, with 0·ln 0 = 0.</summary>
    /// <param name="p">The probabilities. Not validated: they should be finite, ≥ 0 and sum to 1.</param>
    /// <returns>H(p); 0 for an empty span; NaN if an element is negative or NaN.</returns>
    /// <remarks>One pass, O(n), no allocation. Shannon (1948), "A Mathematical Theory of Communication".</remarks>
    public static Information Entropy(ReadOnlySpan<double> p) => Information.FromNats(Kernels.Entropy(p));

    /// <inheritdoc cref="Entropy(ReadOnlySpan{double})"/>
    public static Information Entropy(ReadOnlySpan<float> p) => Information.FromNats(Kernels.Entropy(p));

    /// <summary>
    /// Entropy of the empirical distribution of a count vector (plug-in / maximum-likelihood estimate):
    /// H = ln N − (Σ cᵢ ln cᵢ) / N with N = Σ cᵢ.
    /// </summary>
    /// <param name="counts">Non-negative counts. The total is accumulated in double and is exact below 2^53.</param>
    /// <returns>H; 0 when the counts are empty or all zero.</returns>
    /// <exception cref="ArgumentException">A count is negative.</exception>
    public static Information EntropyOfCounts(ReadOnlySpan<int> counts)
    {
        Check.NonNegativeCounts(counts);
        return Information.FromNats(Kernels.EntropyOfCounts(counts));
    }

    /// <inheritdoc cref="EntropyOfCounts(ReadOnlySpan{int})"/>
    public static Information EntropyOfCounts(ReadOnlySpan<long> counts)
    {
        Check.NonNegativeCounts(counts);
        return Information.FromNats(Kernels.EntropyOfCounts(counts));
    }

    /// <summary>
    /// Rényi entropy of order α of a probability vector: H_α(p) = ln(Σ pᵢ^α) / (1 − α), with the limits
    /// H₀ = ln |{i : pᵢ &gt; 0}| (Hartley), H₁ = Shannon, H₂ = −ln Σ pᵢ² (collision), H_∞ = −ln max pᵢ (min-entropy).
    /// </summary>
    /// <param name="p">The probabilities. Not validated: they should be finite, ≥ 0 and sum to 1.</param>
    /// <param name="alpha">The order, 0 ≤ α ≤ +∞. Orders 0, 1, 2 and +∞ take the exact special forms.</param>
    /// <returns>H_α(p); 0 for an empty span.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="alpha"/> is negative or NaN.</exception>
    /// <remarks>
    /// H_α is non-increasing in α. Close to α = 1 the general form loses digits to cancellation
    /// (about |1 − α|⁻¹ ulps); use α = 1 itself for Shannon entropy. Rényi (1961), "On measures of entropy and information".
    /// </remarks>
    public static Information RenyiEntropy(ReadOnlySpan<double> p, double alpha)
    {
        Check.Order(alpha);
        return Information.FromNats(Kernels.RenyiEntropy(p, alpha));
    }

    /// <inheritdoc cref="RenyiEntropy(ReadOnlySpan{double}, double)"/>
    public static Information RenyiEntropy(ReadOnlySpan<float> p, double alpha)
    {
        Check.Order(alpha);
        return Information.FromNats(Kernels.RenyiEntropy(p, alpha));
    }

    /// <summary>
    /// Row-wise Shannon entropy: for each row r of the row-major matrix <paramref name="p"/>
    /// [rows × <paramref name="rowLength"/>], <c>destination[r] = −Σⱼ p[r, j] log p[r, j]</c> in the unit of <paramref name="logBase"/>.
    /// </summary>
    /// <param name="p">The rows of probabilities, row after row. Not validated.</param>
    /// <param name="rowLength">The number of elements in a row; must divide <c>p.Length</c>.</param>
    /// <param name="destination">Receives one value per row; must hold at least <c>p.Length / rowLength</c> elements. Later elements are untouched.</param>
    /// <param name="logBase">The unit of the results (default nats).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rowLength"/> is less than 1.</exception>
    /// <exception cref="ArgumentException"><paramref name="rowLength"/> does not divide the length of <paramref name="p"/>, or <paramref name="destination"/> is too short.</exception>
    public static void EntropyRows(ReadOnlySpan<double> p, int rowLength, Span<double> destination, LogBase logBase = LogBase.E)
    {
        Rows.Validate(p.Length, rowLength, destination.Length, nameof(p));
        Rows.Run(default(EntropyRow<double>), p, default, rowLength, destination, Information.NatsPer(logBase, nameof(logBase)));
    }

    /// <inheritdoc cref="EntropyRows(ReadOnlySpan{double}, int, Span{double}, LogBase)"/>
    public static void EntropyRows(ReadOnlySpan<float> p, int rowLength, Span<float> destination, LogBase logBase = LogBase.E)
    {
        Rows.Validate(p.Length, rowLength, destination.Length, nameof(p));
        Rows.Run(default(EntropyRow<float>), p, default, rowLength, destination, Information.NatsPer(logBase, nameof(logBase)));
    }

    /// <summary>
    /// Row-wise entropy of count vectors: for each row r of the row-major matrix <paramref name="counts"/>,
    /// <c>destination[r] = log Nᵣ − Σⱼ c[r, j] log c[r, j] / Nᵣ</c> in the unit of <paramref name="logBase"/> (0 for an all-zero row).
    /// </summary>
    /// <param name="counts">The rows of non-negative counts, row after row.</param>
    /// <param name="rowLength">The number of elements in a row; must divide <c>counts.Length</c>.</param>
    /// <param name="destination">Receives one value per row; must hold at least <c>counts.Length / rowLength</c> elements.</param>
    /// <param name="logBase">The unit of the results (default nats).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rowLength"/> is less than 1.</exception>
    /// <exception cref="ArgumentException">A count is negative, <paramref name="rowLength"/> does not divide the length, or <paramref name="destination"/> is too short.</exception>
    public static void EntropyOfCountsRows(ReadOnlySpan<int> counts, int rowLength, Span<double> destination, LogBase logBase = LogBase.E)
    {
        Rows.Validate(counts.Length, rowLength, destination.Length, nameof(counts));
        Check.NonNegativeCounts(counts);
        Rows.Run(default(EntropyOfCountsRow<int>), counts, default, rowLength, destination, Information.NatsPer(logBase, nameof(logBase)));
    }

    /// <inheritdoc cref="EntropyOfCountsRows(ReadOnlySpan{int}, int, Span{double}, LogBase)"/>
    public static void EntropyOfCountsRows(ReadOnlySpan<long> counts, int rowLength, Span<double> destination, LogBase logBase = LogBase.E)
    {
        Rows.Validate(counts.Length, rowLength, destination.Length, nameof(counts));
        Check.NonNegativeCounts(counts);
        Rows.Run(default(EntropyOfCountsRow<long>), counts, default, rowLength, destination, Information.NatsPer(logBase, nameof(logBase)));
    }

    /// <summary>
    /// Row-wise Rényi entropy of order α (see <see cref="RenyiEntropy(ReadOnlySpan{double}, double)"/>) for each row of the
    /// row-major matrix <paramref name="p"/>, in the unit of <paramref name="logBase"/>.
    /// </summary>
    /// <param name="p">The rows of probabilities, row after row. Not validated.</param>
    /// <param name="rowLength">The number of elements in a row; must divide <c>p.Length</c>.</param>
    /// <param name="alpha">The order, 0 ≤ α ≤ +∞.</param>
    /// <param name="destination">Receives one value per row; must hold at least <c>p.Length / rowLength</c> elements.</param>
    /// <param name="logBase">The unit of the results (default nats).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rowLength"/> is less than 1, or <paramref name="alpha"/> is negative or NaN.</exception>
    /// <exception cref="ArgumentException"><paramref name="rowLength"/> does not divide the length, or <paramref name="destination"/> is too short.</exception>
    public static void RenyiEntropyRows(ReadOnlySpan<double> p, int rowLength, double alpha, Span<double> destination, LogBase logBase = LogBase.E)
    {
        Check.Order(alpha);
        Rows.Validate(p.Length, rowLength, destination.Length, nameof(p));
        Rows.Run(new RenyiEntropyRow<double>(alpha), p, default, rowLength, destination, Information.NatsPer(logBase, nameof(logBase)));
    }

    /// <inheritdoc cref="RenyiEntropyRows(ReadOnlySpan{double}, int, double, Span{double}, LogBase)"/>
    public static void RenyiEntropyRows(ReadOnlySpan<float> p, int rowLength, double alpha, Span<float> destination, LogBase logBase = LogBase.E)
    {
        Check.Order(alpha);
        Rows.Validate(p.Length, rowLength, destination.Length, nameof(p));
        Rows.Run(new RenyiEntropyRow<float>(alpha), p, default, rowLength, destination, Information.NatsPer(logBase, nameof(logBase)));
    }
}
