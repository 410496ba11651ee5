using InfoTheory.Internal;
using MathNet.Numerics;

namespace InfoTheory.Tests.Internal;

public sealed class GammaFunctionsTests
{
    // Catalan's constant G = Σ (−1)ᵏ/(2k + 1)², to 30 digits (OEIS A006752).
    private const double Catalan = 0.915965594177219015054603514932;

    // The recurrence adds at most ten positive terms to the series, each rounded once:
    // a few ulps, well inside 1e-14 relative.
    private const double Relative = 1e-14;

    [Theory]
    [InlineData(1.0, Math.PI * Math.PI / 6)] // ψ₁(1) = ζ(2) (Abramowitz & Stegun 6.4.2)
    [InlineData(0.5, Math.PI * Math.PI / 2)] // ψ₁(1/2) = π²/2 (A&S 6.4.4)
    [InlineData(2.0, (Math.PI * Math.PI / 6) - 1)] // ψ₁(x + 1) = ψ₁(x) − 1/x² (A&S 6.4.6)
    [InlineData(0.25, (Math.PI * Math.PI) + (8 * Catalan))] // ψ₁(1/4) = π² + 8G
    [InlineData(0.75, (Math.PI * Math.PI) - (8 * Catalan))] // ψ₁(3/4) = π² − 8G
    public void Trigamma_KnownValues(double x, double expected)
    {
        Assert.Equal(expected, GammaFunctions.Trigamma(x), expected * Relative);
    }

    [Theory]
    [InlineData(9.5)]
    [InlineData(10)]
    [InlineData(10.5)]
    [InlineData(37)]
    public void Trigamma_AcrossTheSeriesThreshold_MatchesRecurrenceFromOne(double x)
    {
        // ψ₁(m + f) = ψ₁(f) − Σ_{j<m} 1/(f + j)² from the exact ψ₁(1) or ψ₁(1/2); the reference sum
        // cancels about one digit at x = 37, hence the looser bound there.
        double f = x - Math.Floor(x);
        double reference = f == 0 ? Math.PI * Math.PI / 6 : Math.PI * Math.PI / 2;
        double start = f == 0 ? 1 : 0.5;
        for (double y = start; y < x - 0.25; y++)
        {
            reference -= 1 / (y * y);
        }

        double expected = reference;
        Assert.Equal(expected, GammaFunctions.Trigamma(x), expected * 20 * Relative);
    }

    [Fact]
    public void Trigamma_LargeAndTinyArguments_FollowTheirAsymptotes()
    {
        // ψ₁(x) = 1/x + 1/(2x²) + O(x⁻³) for large x; ψ₁(x) = 1/x² + ζ(2) + O(x) for small x.
        double x = 1e10;
        Assert.Equal((1 / x) + (0.5 / (x * x)), GammaFunctions.Trigamma(x), 1e-15 / x); // a few ulps of 1/x
        double t = 1e-8;
        Assert.Equal((1 / (t * t)) + (Math.PI * Math.PI / 6), GammaFunctions.Trigamma(t), 1e16 * Relative);
        Assert.True(double.IsNaN(GammaFunctions.Trigamma(0)));
        Assert.True(double.IsNaN(GammaFunctions.Trigamma(-1)));
        Assert.True(double.IsNaN(GammaFunctions.Trigamma(double.NaN)));
    }

    [Fact]
    public void Trigamma_IsTheDerivativeOfDigamma()
    {
        // Fourth-order central difference of MathNet's ψ with step h = 1e-3: truncation h⁴·ψ⁽⁵⁾/30 with
        // |ψ⁽⁵⁾(x)| ≈ 120/x⁶, at most 6e-9 at x = 0.3 (5e-10 relative); rounding ~1e-16·|ψ|/h ≈ 1e-12.
        foreach (double x in new[] { 0.3, 1.7, 4.2, 12.5, 250.0 })
        {
            double h = 1e-3;
            double difference = ((8 * (SpecialFunctions.DiGamma(x + h) - SpecialFunctions.DiGamma(x - h)))
                - (SpecialFunctions.DiGamma(x + (2 * h)) - SpecialFunctions.DiGamma(x - (2 * h)))) / (12 * h);
            Assert.Equal(difference, GammaFunctions.Trigamma(x), Math.Abs(difference) * 1e-8);
        }
    }

    [Fact]
    public void Log1PAndExpM1_SmallArguments_KeepFullPrecision()
    {
        // Taylor: ln(1 + x) = x − x²/2 + x³/3, eˣ − 1 = x + x²/2 + x³/6; at x = 1e-10 the next terms are 1e-40.
        double x = 1e-10;
        Assert.Equal(x - (x * x / 2) + (x * x * x / 3), GammaFunctions.Log1P(x), 1e-26);
        Assert.Equal(x + (x * x / 2) + (x * x * x / 6), GammaFunctions.ExpM1(x), 1e-26);
        Assert.Equal(Math.Log(1.5), GammaFunctions.Log1P(0.5), 1e-15);
        Assert.Equal(Math.Exp(0.5) - 1, GammaFunctions.ExpM1(0.5), 1e-15);
        Assert.Equal(double.NegativeInfinity, GammaFunctions.Log1P(-1));
        Assert.Equal(-1, GammaFunctions.ExpM1(double.NegativeInfinity));
        Assert.Equal(-1, GammaFunctions.ExpM1(-800));
    }

    [Theory]
    [InlineData(0.3, 7)]
    [InlineData(9.99, 3)]
    [InlineData(10, 3)]
    [InlineData(20, 7)]
    [InlineData(35.5, 1000)]
    public void LogGammaRatio_ModerateArguments_EqualsDifferenceOfLogGamma(double x, double n)
    {
        // Both routes are accurate here (ln Γ ≤ 6000, so the direct difference is good to ~1e-12).
        double expected = SpecialFunctions.GammaLn(x + n) - SpecialFunctions.GammaLn(x);
        Assert.Equal(expected, GammaFunctions.LogGammaRatio(x, n), Math.Max(1, Math.Abs(expected)) * 1e-13);
    }

    [Fact]
    public void LogGammaRatio_HugeArgument_EqualsProductOfFactors()
    {
        // Γ(x + 3)/Γ(x) = x(x + 1)(x + 2), so the ratio is 3 ln x + ln(1 + 1/x) + ln(1 + 2/x).
        // Subtracting two log-gamma values of size 3e16 would leave nothing of it.
        double x = 1e15;
        double expected = (3 * Math.Log(x)) + (1 / x) + (2 / x);
        Assert.Equal(expected, GammaFunctions.LogGammaRatio(x, 3), expected * 1e-15);
        Assert.Equal(0, GammaFunctions.LogGammaRatio(x, 0));
    }
}
