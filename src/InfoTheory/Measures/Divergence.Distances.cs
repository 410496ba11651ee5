
using InfoTheory.Internal;
using InfoTheory.Measures.Internal;

namespace InfoTheory.Measures;

public static partial class Divergence
{
    /// <summary>
    /// Hellinger distance H(p, q) = √(1 − Σ √(pᵢqᵢ)) = (1/√2)·‖√p − √q‖₂.
    /// </summary>
    /// <param name="p">The first distribution.</param>
    /// <param name="q">The second distribution, as long as <paramref name="p"/>.</param>
    /// <param name="normalize">Treat both as unnormalised weights and use p / Σp and q / Σq.</param>
    /// <returns>A metric in [0, 1] (a plain number: a distance between distributions, not an amount of information); 1 for disjoint supports.</returns>
    /// <exception cref="ArgumentException">The lengths differ, or either is not a valid distribution.</exception>
    /// <remarks>Computed as (1/√2)‖√p − √q‖₂, which has no cancellation near 0.</remarks>
    public static double Hellinger(ReadOnlySpan<double> p, ReadOnlySpan<double> q, bool normalize = false)
    {
        Check.SameLength(p.Length, q.Length);
        using var pd = new ValidatedDistribution(p, normalize);
        using var qd = new ValidatedDistribution(q, normalize);
        double sum = 0;
        for (int i = 0; i < pd.Values.Length; i++)
        {
            double d = Math.Sqrt(pd.Values[i]) - Math.Sqrt(qd.Values[i]);
            sum += d * d;
        }

        return Math.Sqrt(0.5 * sum);
    }

    /// <summary>Total variation distance TV(p, q) = ½ Σ |pᵢ − qᵢ| = max over events A of |p(A) − q(A)|.</summary>
    /// <param name="p">The first distribution.</param>
    /// <param name="q">The second distribution, as long as <paramref name="p"/>.</param>
    /// <param name="normalize">Treat both as unnormalised weights and use p / Σp and q / Σq.</param>
    /// <returns>A metric in [0, 1] (a plain number); Pinsker: TV ≤ √(KL/2) with KL in nats.</returns>
    /// <exception cref="ArgumentException">The lengths differ, or either is not a valid distribution.</exception>
    public static double TotalVariation(ReadOnlySpan<double> p, ReadOnlySpan<double> q, bool normalize = false)
    {
        Check.SameLength(p.Length, q.Length);
        using var pd = new ValidatedDistribution(p, normalize);
        using var qd = new ValidatedDistribution(q, normalize);
        double sum = 0;
        for (int i = 0; i < pd.Values.Length; i++)
        {
            sum += Math.Abs(pd.Values[i] - qd.Values[i]);
        }

        return 0.5 * sum;
    }

    /// <summary>Pearson χ² divergence χ²(p‖q) = Σ (pᵢ − qᵢ)² / qᵢ = Σ pᵢ²/qᵢ − 1.</summary>
    /// <param name="p">The first distribution.</param>
    /// <param name="q">The reference distribution, as long as <paramref name="p"/>.</param>
    /// <param name="normalize">Treat both as unnormalised weights and use p / Σp and q / Σq.</param>
    /// <returns>χ² ≥ 0 (a plain number); 0 when p = q; +∞ when some qᵢ = 0 &lt; pᵢ (terms with pᵢ = qᵢ = 0 count 0). KL ≤ ln(1 + χ²).</returns>
    /// <exception cref="ArgumentException">The lengths differ, or either is not a valid distribution.</exception>
    public static double ChiSquared(ReadOnlySpan<double> p, ReadOnlySpan<double> q, bool normalize = false)
    {
        Check.SameLength(p.Length, q.Length);
        using var pd = new ValidatedDistribution(p, normalize);
        using var qd = new ValidatedDistribution(q, normalize);
        double sum = 0;
        for (int i = 0; i < pd.Values.Length; i++)
        {
            double d = pd.Values[i] - qd.Values[i];
            if (d != 0)
            {
                sum += d * d / qd.Values[i];
            }
        }

        return sum;
    }
}
