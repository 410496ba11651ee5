
using InfoTheory.Internal;
using InfoTheory.Primitives.Simd;

namespace InfoTheory.Primitives;

public static partial class InformationPrimitives
{
    /// <summary>Cross-entropy H(p, q) = −Σ pᵢ ln qᵢ, with 0·ln qᵢ = 0 for every qᵢ.</summary>
    /// <param name="p">The true distribution. Not validated.</param>
    /// <param name="q">The model distribution, as long as <paramref name="p"/>. Not validated.</param>
    /// <returns>H(p, q) = H(p) + KL(p‖q); +∞ where some qᵢ = 0 &lt; pᵢ; 0 for empty spans.</returns>
    /// <exception cref="ArgumentException"><paramref name="p"/> and <paramref name="q"/> differ in length.</exception>
    public static Information CrossEntropy(ReadOnlySpan<double> p, ReadOnlySpan<double> q)
    {
        Check.SameLength(p.Length, q.Length);
        return Information.FromNats(Kernels.CrossEntropy(p, q));
    }

    /// <inheritdoc cref="CrossEntropy(ReadOnlySpan{double}, ReadOnlySpan{double})"/>
    public static Information CrossEntropy(ReadOnlySpan<float> p, ReadOnlySpan<float> q)
    {
        Check.SameLength(p.Length, q.Length);
        return Information.FromNats(Kernels.CrossEntropy(p, q));
    }

    /// <summary>Kullback-Leibler divergence KL(p‖q) = Σ pᵢ ln(pᵢ / qᵢ), with 0·ln(0/q) = 0.</summary>
    /// <param name="p">The true distribution. Not validated.</param>
    /// <param name="q">The reference distribution, as long as <paramref name="p"/>. Not validated.</param>
    /// <returns>KL(p‖q) ≥ 0 for distributions; +∞ where some qᵢ = 0 &lt; pᵢ; exactly 0 when p = q; 0 for empty spans.</returns>
    /// <exception cref="ArgumentException"><paramref name="p"/> and <paramref name="q"/> differ in length.</exception>
    /// <remarks>Kullback &amp; Leibler (1951), "On Information and Sufficiency". Not symmetric.</remarks>
    public static Information KullbackLeibler(ReadOnlySpan<double> p, ReadOnlySpan<double> q)
    {
        Check.SameLength(p.Length, q.Length);
        return Information.FromNats(Kernels.KullbackLeibler(p, q));
    }

    /// <inheritdoc cref="KullbackLeibler(ReadOnlySpan{double}, ReadOnlySpan{double})"/>
    public static Information KullbackLeibler(ReadOnlySpan<float> p, ReadOnlySpan<float> q)
    {
        Check.SameLength(p.Length, q.Length);
        return Information.FromNats(Kernels.KullbackLeibler(p, q));
    }

    /// <summary>
    /// Row-wise cross-entropy: <c>destination[r] = −Σⱼ p[r, j] log q[r, j]</c> for each row of the
    /// row-major matrices <paramref name="p"/> and <paramref name="q"/>, in the unit of <paramref name="logBase"/>.
    /// </summary>
    /// <param name="p">The rows of true distributions. Not validated.</param>
    /// <param name="q">The rows of model distributions, same shape as <paramref name="p"/>. Not validated.</param>
    /// <param name="rowLength">The number of elements in a row; must divide <c>p.Length</c>.</param>
    /// <param name="destination">Receives one value per row; must hold at least <c>p.Length / rowLength</c> elements.</param>
    /// <param name="logBase">The unit of the results (default nats).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rowLength"/> is less than 1.</exception>
    /// <exception cref="ArgumentException">The lengths differ, <paramref name="rowLength"/> does not divide them, or <paramref name="destination"/> is too short.</exception>
    public static void CrossEntropyRows(ReadOnlySpan<double> p, ReadOnlySpan<double> q, int rowLength, Span<double> destination, LogBase logBase = LogBase.E)
    {
        Check.SameLength(p.Length, q.Length);
        Rows.Validate(p.Length, rowLength, destination.Length, nameof(p));
        Rows.Run(default(CrossEntropyRow<double>), p, q, rowLength, destination, Information.NatsPer(logBase, nameof(logBase)));
    }

    /// <inheritdoc cref="CrossEntropyRows(ReadOnlySpan{double}, ReadOnlySpan{double}, int, Span{double}, LogBase)"/>
    public static void CrossEntropyRows(ReadOnlySpan<float> p, ReadOnlySpan<float> q, int rowLength, Span<float> destination, LogBase logBase = LogBase.E)
    {
        Check.SameLength(p.Length, q.Length);
        Rows.Validate(p.Length, rowLength, destination.Length, nameof(p));
        Rows.Run(default(CrossEntropyRow<float>), p, q, rowLength, destination, Information.NatsPer(logBase, nameof(logBase)));
    }

    /// <summary>
    /// Row-wise Kullback-Leibler divergence: <c>destination[r] = Σⱼ p[r, j] log(p[r, j] / q[r, j])</c> for each row of the
    /// row-major matrices <paramref name="p"/> and <paramref name="q"/>, in the unit of <paramref name="logBase"/>.
    /// </summary>
    /// <param name="p">The rows of true distributions. Not validated.</param>
    /// <param name="q">The rows of reference distributions, same shape as <paramref name="p"/>. Not validated.</param>
    /// <param name="rowLength">The number of elements in a row; must divide <c>p.Length</c>.</param>
    /// <param name="destination">Receives one value per row; must hold at least <c>p.Length / rowLength</c> elements.</param>
    /// <param name="logBase">The unit of the results (default nats).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rowLength"/> is less than 1.</exception>
    /// <exception cref="ArgumentException">The lengths differ, <paramref name="rowLength"/> does not divide them, or <paramref name="destination"/> is too short.</exception>
    public static void KullbackLeiblerRows(ReadOnlySpan<double> p, ReadOnlySpan<double> q, int rowLength, Span<double> destination, LogBase logBase = LogBase.E)
    {
        Check.SameLength(p.Length, q.Length);
        Rows.Validate(p.Length, rowLength, destination.Length, nameof(p));
        Rows.Run(default(KullbackLeiblerRow<double>), p, q, rowLength, destination, Information.NatsPer(logBase, nameof(logBase)));
    }

    /// <inheritdoc cref="KullbackLeiblerRows(ReadOnlySpan{double}, ReadOnlySpan{double}, int, Span{double}, LogBase)"/>
    public static void KullbackLeiblerRows(ReadOnlySpan<float> p, ReadOnlySpan<float> q, int rowLength, Span<float> destination, LogBase logBase = LogBase.E)
    {
        Check.SameLength(p.Length, q.Length);
        Rows.Validate(p.Length, rowLength, destination.Length, nameof(p));
        Rows.Run(default(KullbackLeiblerRow<float>), p, q, rowLength, destination, Information.NatsPer(logBase, nameof(logBase)));
    }
}
