using InfoTheory.Internal;
using MathNet.Numerics;

namespace InfoTheory.Discrete.Internal;

/// <summary>
/// Posterior mean and variance of the Shannon entropy H(p) = −Σ pᵢ ln pᵢ when p has the posterior
/// Dirichlet(n₁ + a, …, n_K + a): the counts of a histogram plus a symmetric concentration a ≥ 0
/// on each of K bins (Wolpert &amp; Wolf 1995; Hutter 2002). Zero-count bins enter as K − S copies
/// of one term, so the cost is O(distinct counts), whatever K.
/// </summary>
internal static class DirichletMoments
{
    /// <summary>
    /// With αᵢ = nᵢ + a and A = Σ αᵢ = N + K·a:
    /// E[H] = Σᵢ (αᵢ/A)·(ψ(A + 1) − ψ(αᵢ + 1)), and, from the closed-form second moment,
    /// Var[H] = E[H²] − E[H]² written so that no two O(1) quantities cancel:
    /// Var[H] = (−μ² + 2Aμ/(A + 1) + A/(A + 1)²)/(A + 1)
    ///        + Σᵢ [αᵢdᵢ² + 2αᵢdᵢ + αᵢ/(αᵢ + 1) + αᵢ(αᵢ + 1)ψ₁(αᵢ + 2)] / (A(A + 1)) − ψ₁(A + 2),
    /// where μ = E[H] and dᵢ = ψ(αᵢ + 1) − ψ(A + 2).
    /// </summary>
    /// <remarks>
    /// The variance form follows from E[H²] = Σ_{i≠j} αᵢαⱼ/(A(A+1))·[dᵢdⱼ − ψ₁(A+2)]
    /// + Σᵢ αᵢ(αᵢ+1)/(A(A+1))·[(ψ(αᵢ+2) − ψ(A+2))² + ψ₁(αᵢ+2) − ψ₁(A+2)] by expanding
    /// (Σ αᵢdᵢ)² with Σ αᵢdᵢ = −A(μ + 1/(A + 1)) and ψ(αᵢ + 2) = ψ(αᵢ + 1) + 1/(αᵢ + 1).
    /// </remarks>
    /// <param name="profile">The distinct non-zero counts and how many bins hold each.</param>
    /// <param name="sampleCount">N.</param>
    /// <param name="support">S, the number of non-zero bins.</param>
    /// <param name="alphabetSize">K ≥ S.</param>
    /// <param name="a">The concentration per bin, ≥ 0 and finite.</param>
    /// <param name="withVariance">Whether to compute the variance (NaN otherwise).</param>
    public static (double Mean, double Variance) Compute(CountProfile profile, long sampleCount, long support, long alphabetSize, double a, bool withVariance)
    {
        double zeroBins = alphabetSize - support;
        double total = sampleCount + (alphabetSize * a);
        double psiA1 = SpecialFunctions.DiGamma(total + 1);

        double mean = 0;
        for (int j = 0; j < profile.Length; j++)
        {
            double alpha = profile.Values[j] + a;
            mean += profile.Multiplicities[j] * alpha * (psiA1 - SpecialFunctions.DiGamma(alpha + 1));
        }

        if (zeroBins > 0 && a > 0)
        {
            mean += zeroBins * a * (psiA1 - SpecialFunctions.DiGamma(a + 1));
        }

        mean /= total;
        if (!withVariance)
        {
            return (mean, double.NaN);
        }

        double psiA2 = psiA1 + (1 / (total + 1));
        double sum = 0;
        for (int j = 0; j < profile.Length; j++)
        {
            sum += profile.Multiplicities[j] * VarianceTerm(profile.Values[j] + a, psiA2);
        }

        if (zeroBins > 0 && a > 0)
        {
            sum += zeroBins * VarianceTerm(a, psiA2);
        }

        double a1 = total + 1;
        double variance = (((-mean * mean) + (2 * total * mean / a1) + (total / (a1 * a1))) / a1)
            + (sum / (total * a1))
            - GammaFunctions.Trigamma(total + 2);
        return (mean, Math.Max(variance, 0));
    }

    private static double VarianceTerm(double alpha, double psiA2)
    {
        double d = SpecialFunctions.DiGamma(alpha + 1) - psiA2;
        return (alpha * d * d) + (2 * alpha * d) + (alpha / (alpha + 1)) + (alpha * (alpha + 1) * GammaFunctions.Trigamma(alpha + 2));
    }
}
