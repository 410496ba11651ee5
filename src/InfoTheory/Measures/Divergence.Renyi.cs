using InfoTheory.Internal;
using InfoTheory.Primitives;

namespace InfoTheory.Measures;

public static partial class Divergence
{
    /// <summary>
    /// Rényi divergence of order α: D_α(p‖q) = ln(Σ pᵢ^α qᵢ^(1−α)) / (α − 1), with the limits
    /// D₀ = −ln Σ_{pᵢ&gt;0} qᵢ, D₁ = KL(p‖q) and D_∞ = ln max_{pᵢ&gt;0} pᵢ/qᵢ.
    /// </summary>
    /// <param name="p">The first distribution.</param>
    /// <param name="q">The second distribution, as long as <paramref name="p"/>.</param>
    /// <param name="alpha">The order, 0 ≤ α ≤ +∞.</param>
    /// <param name="normalize">Treat both as unnormalised weights and use p / Σp and q / Σq.</param>
    /// <returns>D_α(p‖q) ≥ 0, non-decreasing in α; +∞ for α ≥ 1 when some qᵢ = 0 &lt; pᵢ. D_½ = −2 ln Σ√(pᵢqᵢ) is symmetric.</returns>
    /// <exception cref="ArgumentException">The lengths differ, or either is not a valid distribution.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="alpha"/> is negative or NaN.</exception>
    /// <remarks>Rényi (1961); van Erven &amp; Harremoës (2014), "Rényi divergence and Kullback-Leibler divergence".</remarks>
    public static Information Renyi(ReadOnlySpan<double> p, ReadOnlySpan<double> q, double alpha, bool normalize = false)
    {
        Check.Order(alpha);
        Check.SameLength(p.Length, q.Length);
        using var pd = new ValidatedDistribution(p, normalize);
        using var qd = new ValidatedDistribution(q, normalize);
        ReadOnlySpan<double> pv = pd.Values;
        ReadOnlySpan<double> qv = qd.Values;
        if (alpha == 1)
        {
            return InformationPrimitives.KullbackLeibler(pv, qv);
        }

        if (double.IsPositiveInfinity(alpha))
        {
            double maxRatio = 0;
            for (int i = 0; i < pv.Length; i++)
            {
                if (pv[i] > 0)
                {
                    maxRatio = Math.Max(maxRatio, pv[i] / qv[i]);
                }
            }

            return Information.FromNats(Math.Log(maxRatio));
        }

        double sum = 0;
        for (int i = 0; i < pv.Length; i++)
        {
            if (pv[i] > 0)
            {
                // α = 0: qᵢ summed over the support of p. Otherwise pᵢ^α·qᵢ^(1−α), +∞ when qᵢ = 0 and α > 1.
                sum += alpha == 0 ? qv[i] : Math.Pow(pv[i], alpha) * Math.Pow(qv[i], 1 - alpha);
            }
        }

        return Information.FromNats(Math.Log(sum) / (alpha - 1));
    }
}
