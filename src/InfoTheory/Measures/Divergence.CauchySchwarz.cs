using System.Numerics.Tensors;
using InfoTheory.Internal;
using InfoTheory.Measures.Internal;

namespace InfoTheory.Measures;

public static partial class Divergence
{
    /// <summary>
    /// Cauchy-Schwarz divergence of two discrete distributions: D_CS(p, q) = −ln(Σ pᵢqᵢ / √(Σ pᵢ² · Σ qᵢ²)).
    /// </summary>
    /// <param name="p">The first distribution.</param>
    /// <param name="q">The second distribution, as long as <paramref name="p"/>.</param>
    /// <param name="normalize">Treat both as unnormalised weights. D_CS is scale-invariant; the weights are rescaled to sum 1 first so that no sum of squares overflows or underflows.</param>
    /// <returns>D_CS ≥ 0 (Cauchy-Schwarz inequality), symmetric, 0 exactly when p = q; +∞ when p and q have disjoint supports.</returns>
    /// <exception cref="ArgumentException">The lengths differ, or either is not a valid distribution.</exception>
    /// <remarks>Príncipe (2010), "Information Theoretic Learning", ch. 2. O(n) with three dot products.</remarks>
    public static Information CauchySchwarz(ReadOnlySpan<double> p, ReadOnlySpan<double> q, bool normalize = false)
    {
        Check.SameLength(p.Length, q.Length);
        // D_CS is scale-invariant, but Σ pᵢ² overflows for weights near 1e308 and underflows for subnormal ones, so
        // rescaled weights are rescaled to sum 1 first.
        using var pd = new ValidatedDistribution(p, normalize);
        using var qd = new ValidatedDistribution(q, normalize);
        double pq = TensorPrimitives.Dot(pd.Values, qd.Values);
        double pp = TensorPrimitives.Dot(pd.Values, pd.Values);
        double qq = TensorPrimitives.Dot(qd.Values, qd.Values);

        // −ln(pq) + ½ln(pp) + ½ln(qq): each log separately, so no product underflows.
        return Information.FromNats(-Math.Log(pq) + (0.5 * Math.Log(pp)) + (0.5 * Math.Log(qq)));
    }
}
