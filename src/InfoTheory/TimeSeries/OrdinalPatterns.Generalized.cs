using System.Globalization;
using InfoTheory.Internal;
using InfoTheory.Measures;
using MathNet.Numerics;

namespace InfoTheory.TimeSeries;

public static partial class OrdinalPatterns
{
    /// <summary>
    /// The Rényi permutation entropy of order q (Zunino et al. 2008, Physica A 387): R_q(P) = ln(Σ p(π)^q) / (1 − q)
    /// of the pattern frequencies, in nats. q = 1 is <see cref="PermutationEntropy"/> (the same number).
    /// </summary>
    /// <param name="series">Finite values in time order, at least (d − 1)τ + 1.</param>
    /// <param name="d">The embedding dimension, 2 ≤ d ≤ <see cref="MaxDimension"/>.</param>
    /// <param name="q">The order, finite and &gt; 0: q &lt; 1 stresses rare patterns, q &gt; 1 frequent ones.</param>
    /// <param name="tau">The delay, at least 1.</param>
    /// <returns>0 ≤ R_q ≤ ln d!: 0 for a single pattern and ln d! for the uniform distribution, whatever q.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="d"/>, <paramref name="q"/> or <paramref name="tau"/> is out of range.</exception>
    /// <exception cref="ArgumentException">The series is too short or has a NaN or ±∞.</exception>
    public static Information RenyiPermutationEntropy(ReadOnlySpan<double> series, int d, double q, int tau = 1)
    {
        CheckOrder(q);
        double[] p = PatternFrequencies(series, d, tau);
        return q == 1 ? Information.FromNats(Entropy.Shannon(p).Nats) : Entropy.Renyi(p, q);
    }

    /// <summary>
    /// The Tsallis permutation entropy of index q: S_q(P) = (1 − Σ p(π)^q) / (q − 1) of the pattern frequencies, a
    /// plain number (natural-log based: q = 1 is <see cref="PermutationEntropy"/> in nats, the same number).
    /// </summary>
    /// <param name="series">Finite values in time order, at least (d − 1)τ + 1.</param>
    /// <param name="d">The embedding dimension, 2 ≤ d ≤ <see cref="MaxDimension"/>.</param>
    /// <param name="q">The entropic index, finite and &gt; 0.</param>
    /// <param name="tau">The delay, at least 1.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="d"/>, <paramref name="q"/> or <paramref name="tau"/> is out of range.</exception>
    /// <exception cref="ArgumentException">The series is too short or has a NaN or ±∞.</exception>
    /// <returns>
    /// 0 ≤ S_q ≤ ln_q(d!) = ((d!)^{1−q} − 1)/(1 − q): 0 for a single pattern and ln_q(d!) for the uniform distribution
    /// (the normalised value S_q / ln_q(d!) of <see cref="TsallisStatisticalComplexity"/> is then 1 for every q).
    /// </returns>
    public static double TsallisPermutationEntropy(ReadOnlySpan<double> series, int d, double q, int tau = 1)
    {
        CheckOrder(q);
        double[] p = PatternFrequencies(series, d, tau);
        return q == 1 ? Entropy.Shannon(p).Nats : Entropy.Tsallis(p, q);
    }

    /// <summary>
    /// The Rényi complexity-entropy point (Jauregui, Zunino, Lenzi, Mendes &amp; Ribeiro 2018, Physica A 498):
    /// H_q = R_q(P)/ln N and C_q = H_q · D_q(P, U) / D_q^max, with N = d!, the Jensen-Rényi divergence
    /// D_q(P, U) = ½ [R_q(P ‖ M) + R_q(U ‖ M)], M = (P + U)/2, R_q(P ‖ M) = ln(Σ pᵢ^q mᵢ^{1−q}) / (q − 1), and D_q^max its
    /// value for a single pattern, the largest. q = 1 is <see cref="StatisticalComplexity"/> (the same numbers).
    /// </summary>
    /// <inheritdoc cref="RenyiPermutationEntropy(ReadOnlySpan{double}, int, double, int)"/>
    /// <returns>H_q, the disequilibrium D_q / D_q^max and the complexity: (0, 1, 0) for a single pattern, (1, 0, 0) for the uniform distribution.</returns>
    public static OrdinalComplexity RenyiStatisticalComplexity(ReadOnlySpan<double> series, int d, double q, int tau = 1)
    {
        CheckOrder(q);
        double[] p = PatternFrequencies(series, d, tau);
        if (q == 1)
        {
            return Complexity(p, d);
        }

        double n = Factorial(d), lnN = SpecialFunctions.FactorialLn(d);
        double hq = Math.Clamp(Entropy.Renyi(p, q).Nats / lnN, 0, 1);
        double dq = Math.Max(0, JensenRenyi(p, n, q) / JensenRenyi([1.0], n, q));
        return new OrdinalComplexity(hq, dq, dq * hq);
    }

    /// <summary>
    /// The Tsallis complexity-entropy point (Ribeiro, Jauregui, Zunino &amp; Lenzi 2017, Phys. Rev. E 95, 062106):
    /// H_q = S_q(P)/ln_q N and C_q = H_q · D_q(P, U) / D_q^max, with N = d!, ln_q x = (x^{1−q} − 1)/(1 − q), the
    /// Jensen-Tsallis divergence D_q(P, U) = ½ [K_q(P ‖ M) + K_q(U ‖ M)], M = (P + U)/2,
    /// K_q(P ‖ M) = −Σ pᵢ ln_q(mᵢ/pᵢ), and D_q^max its value for a single pattern, the largest (their closed form
    /// [2^{2−q} N − (1 + N)^{1−q} − N(1 + 1/N)^{1−q} − N + 1] / [(1 − q) 2^{2−q} N]).
    /// q = 1 is <see cref="StatisticalComplexity"/> (the same numbers).
    /// </summary>
    /// <inheritdoc cref="TsallisPermutationEntropy(ReadOnlySpan{double}, int, double, int)"/>
    /// <returns>H_q, the disequilibrium D_q / D_q^max and the complexity: (0, 1, 0) for a single pattern, (1, 0, 0) for the uniform distribution.</returns>
    public static OrdinalComplexity TsallisStatisticalComplexity(ReadOnlySpan<double> series, int d, double q, int tau = 1)
    {
        CheckOrder(q);
        double[] p = PatternFrequencies(series, d, tau);
        if (q == 1)
        {
            return Complexity(p, d);
        }

        double n = Factorial(d);
        double lnqN = LnQ(n, q);
        double hq = Math.Clamp(Entropy.Tsallis(p, q) / lnqN, 0, 1);
        double dq = Math.Max(0, JensenTsallis(p, n, q) / JensenTsallis([1.0], n, q));
        return new OrdinalComplexity(hq, dq, dq * hq);
    }

    /// <summary>
    /// ½ [R_q(P ‖ M) + R_q(U ‖ M)] for the observed frequencies <paramref name="p"/> (the other N − K patterns have
    /// none) and the uniform U on N patterns. Both sums are written with ratios near 1, pᵢ (mᵢ/pᵢ)^{1−q} and
    /// (1/N)(N mᵢ)^{1−q}, so N up to 20! neither overflows nor underflows.
    /// </summary>
    private static double JensenRenyi(double[] p, double n, double q)
    {
        double fromP = 0, fromU = 0;
        foreach (double pi in p)
        {
            double nm = ((n * pi) + 1) / 2; // N mᵢ
            fromP += pi * Math.Pow(nm / (n * pi), 1 - q);
            fromU += Math.Pow(nm, 1 - q);
        }

        // Unobserved patterns: N mᵢ = 1/2.
        fromU = (fromU + ((n - p.Length) * Math.Pow(0.5, 1 - q))) / n;
        return (Math.Log(fromP) + Math.Log(fromU)) / (2 * (q - 1));
    }

    /// <summary>½ [K_q(P ‖ M) + K_q(U ‖ M)], as <see cref="JensenRenyi"/>.</summary>
    private static double JensenTsallis(double[] p, double n, double q)
    {
        double fromP = 0, fromU = 0;
        foreach (double pi in p)
        {
            double nm = ((n * pi) + 1) / 2;
            fromP -= pi * LnQ(nm / (n * pi), q);
            fromU -= LnQ(nm, q);
        }

        fromU = (fromU - ((n - p.Length) * LnQ(0.5, q))) / n;
        return (fromP + fromU) / 2;
    }

    /// <summary>The q-logarithm ln_q x = (x^{1−q} − 1)/(1 − q), q ≠ 1.</summary>
    private static double LnQ(double x, double q) => double.ExpM1((1 - q) * Math.Log(x)) / (1 - q);

    private static void CheckOrder(double q)
    {
        if (!(q > 0) || double.IsPositiveInfinity(q))
        {
            ThrowHelper.ArgumentOutOfRange(nameof(q), q, string.Create(CultureInfo.InvariantCulture,
                $"q must be finite and greater than 0, got {q}."));
        }
    }
}
