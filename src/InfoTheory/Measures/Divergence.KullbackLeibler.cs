using InfoTheory.Internal;
using InfoTheory.Measures.Internal;
using InfoTheory.Primitives;

namespace InfoTheory.Measures;

public static partial class Divergence
{
    /// <summary>Kullback-Leibler divergence KL(p‖q) = Σ pᵢ ln(pᵢ / qᵢ), with 0·ln(0/q) = 0.</summary>
    /// <param name="p">The true distribution.</param>
    /// <param name="q">The reference distribution, as long as <paramref name="p"/>.</param>
    /// <param name="normalize">Treat both as unnormalised weights and use p / Σp and q / Σq.</param>
    /// <returns>KL(p‖q) ≥ 0; 0 when p = q; +∞ when some qᵢ = 0 &lt; pᵢ (p is not absolutely continuous with respect to q).</returns>
    /// <exception cref="ArgumentException">The lengths differ, or either is not a valid distribution.</exception>
    /// <remarks>Kullback &amp; Leibler (1951). Not symmetric; see <see cref="JensenShannon(ReadOnlySpan{double}, ReadOnlySpan{double}, bool)"/> for a symmetric, bounded alternative.</remarks>
    public static Information KullbackLeibler(ReadOnlySpan<double> p, ReadOnlySpan<double> q, bool normalize = false)
    {
        Check.SameLength(p.Length, q.Length);
        // Rescaled copies rather than KL(p‖q)/Sp + ln(Sq/Sp), which overflows or loses Sp's digits for weights near 1e308 or 5e-324.
        using var pd = new ValidatedDistribution(p, normalize);
        using var qd = new ValidatedDistribution(q, normalize);
        return InformationPrimitives.KullbackLeibler(pd.Values, qd.Values);
    }

    /// <summary>Cross-entropy H(p, q) = −Σ pᵢ ln qᵢ = H(p) + KL(p‖q).</summary>
    /// <param name="p">The true distribution.</param>
    /// <param name="q">The model distribution, as long as <paramref name="p"/>.</param>
    /// <param name="normalize">Treat both as unnormalised weights and use p / Σp and q / Σq.</param>
    /// <returns>H(p, q) ≥ H(p); +∞ when some qᵢ = 0 &lt; pᵢ.</returns>
    /// <exception cref="ArgumentException">The lengths differ, or either is not a valid distribution.</exception>
    public static Information CrossEntropy(ReadOnlySpan<double> p, ReadOnlySpan<double> q, bool normalize = false)
    {
        Check.SameLength(p.Length, q.Length);
        using var pd = new ValidatedDistribution(p, normalize);
        using var qd = new ValidatedDistribution(q, normalize);
        return InformationPrimitives.CrossEntropy(pd.Values, qd.Values);
    }
}
