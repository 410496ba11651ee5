using MathNet.Numerics;

namespace InfoTheory.Internal;

/// <summary>
/// Special functions the estimators need beyond MathNet.Numerics: the trigamma function,
/// accurate ln(1 + x) and eˣ − 1, and differences of log-gamma values that stay accurate when
/// both arguments are huge.
/// </summary>
internal static class GammaFunctions
{
    /// <summary>The trigamma function ψ₁(x) = d²/dx² ln Γ(x) for x &gt; 0.</summary>
    /// <remarks>
    /// Moves x up to at least 10 with ψ₁(x) = ψ₁(x + 1) + 1/x², then uses the asymptotic series
    /// ψ₁(x) ~ 1/x + 1/(2x²) + Σₖ B₂ₖ / x^(2k+1) with the Bernoulli numbers B₂ … B₁₄
    /// (Abramowitz &amp; Stegun 1964, 6.4.12). At x ≥ 10 the first omitted term, B₁₆/x¹⁷, is below
    /// 1e-16 relative. The recurrence terms are added smallest first. NaN for x ≤ 0 or NaN;
    /// +∞ where 1/x² overflows.
    /// </remarks>
    public static double Trigamma(double x)
    {
        if (!(x > 0))
        {
            return double.NaN;
        }

        if (double.IsPositiveInfinity(x))
        {
            return 0;
        }

        int shift = x < 10 ? (int)Math.Ceiling(10 - x) : 0;
        double z = x + shift;
        double r = 1 / z;
        double r2 = r * r;

        // B₂ = 1/6, B₄ = −1/30, B₆ = 1/42, B₈ = −1/30, B₁₀ = 5/66, B₁₂ = −691/2730, B₁₄ = 7/6.
        double series = r2 * ((1.0 / 6) + (r2 * ((-1.0 / 30) + (r2 * ((1.0 / 42) + (r2 * ((-1.0 / 30) + (r2 * ((5.0 / 66) + (r2 * ((-691.0 / 2730) + (r2 * (7.0 / 6)))))))))))));
        double result = r + (0.5 * r2) + (r * series);
        for (int j = shift - 1; j >= 0; j--)
        {
            double y = x + j;
            result += 1 / (y * y);
        }

        return result;
    }

    /// <summary>ln(1 + x), accurate also for |x| ≪ 1 (Goldberg 1991, "What every computer scientist should know about floating-point arithmetic", Theorem 4).</summary>
    public static double Log1P(double x)
    {
        double u = 1 + x;
        if (u == 1)
        {
            return x;
        }

        if (double.IsPositiveInfinity(u))
        {
            return Math.Log(u);
        }

        return Math.Log(u) * x / (u - 1);
    }

    /// <summary>eˣ − 1, accurate also for |x| ≪ 1 (Kahan's method: the rounding error of eˣ is divided out with ln of the rounded value).</summary>
    public static double ExpM1(double x)
    {
        double u = Math.Exp(x);
        if (u == 1)
        {
            return x;
        }

        double um1 = u - 1;
        if (um1 == -1 || double.IsPositiveInfinity(u))
        {
            return um1;
        }

        return um1 * x / Math.Log(u);
    }

    /// <summary>
    /// ln Γ(x + n) − ln Γ(x) for x &gt; 0 and n ≥ 0, accurate also when x is so large that each
    /// log-gamma value alone would swamp the difference.
    /// </summary>
    /// <remarks>
    /// For x &lt; 10 the two log-gamma values are subtracted directly (ln Γ(x) is then small, so
    /// nothing cancels). For x ≥ 10 Stirling's series is differenced term by term:
    /// (x − ½)·ln(1 + n/x) + n·ln(x + n) − n + s(x + n) − s(x), with
    /// s(y) = 1/(12y) − 1/(360y³) + 1/(1260y⁵) − 1/(1680y⁷) + 1/(1188y⁹) − 691/(360360y¹¹) + 1/(156y¹³)
    /// (Abramowitz &amp; Stegun 1964, 6.1.40), whose first omitted term is below 1e-16 at y = 10.
    /// </remarks>
    public static double LogGammaRatio(double x, double n)
    {
        if (n == 0)
        {
            return 0;
        }

        if (x < 10)
        {
            return SpecialFunctions.GammaLn(x + n) - SpecialFunctions.GammaLn(x);
        }

        double y = x + n;
        return ((x - 0.5) * Log1P(n / x)) + (n * Math.Log(y)) - n + (StirlingTail(y) - StirlingTail(x));
    }

    private static double StirlingTail(double y)
    {
        double r = 1 / y;
        double r2 = r * r;
        return r * ((1.0 / 12) + (r2 * ((-1.0 / 360) + (r2 * ((1.0 / 1260) + (r2 * ((-1.0 / 1680) + (r2 * ((1.0 / 1188) + (r2 * ((-691.0 / 360360) + (r2 * (1.0 / 156)))))))))))));
    }
}
