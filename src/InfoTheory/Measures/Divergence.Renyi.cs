using System.Buffers;
using InfoTheory.Internal;
using InfoTheory.Measures.Internal;
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

        if (alpha == 0)
        {
            double mass = 0;
            for (int i = 0; i < pv.Length; i++)
            {
                if (pv[i] > 0)
                {
                    mass += qv[i];
                }
            }

            return Information.FromNats(-Math.Log(mass));
        }

        // ln Σ p^α q^(1−α) = log-sum-exp of α ln p + (1 − α) ln q over the support of p: no term
        // underflows, and q = 0 gives −∞ (α < 1, term 0) or +∞ (α > 1, divergence +∞) instead of 0·∞.
        double[] rented = ArrayPool<double>.Shared.Rent(pv.Length);
        try
        {
            int count = 0;
            for (int i = 0; i < pv.Length; i++)
            {
                if (pv[i] > 0)
                {
                    double logQ = qv[i] > 0 ? Math.Log(qv[i]) : double.NegativeInfinity;
                    rented[count++] = (alpha * Math.Log(pv[i])) + ((1 - alpha) * logQ);
                }
            }

            return Information.FromNats(InformationPrimitives.LogSumExp(rented.AsSpan(0, count)) / (alpha - 1));
        }
        finally
        {
            ArrayPool<double>.Shared.Return(rented);
        }
    }
}
