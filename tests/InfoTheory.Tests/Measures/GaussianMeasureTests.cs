using InfoTheory.Measures;

namespace InfoTheory.Tests.Measures;

public sealed class GaussianMeasureTests
{
    // Closed forms evaluated to full double precision; results agree to a few ulps, so 1e-14 relative.
    private const double Tight = 1e-14;

    private static void AssertClose(double expected, double actual, double relative = Tight) =>
        Assert.True(Math.Abs(expected - actual) <= relative * Math.Max(1, Math.Abs(expected)), $"expected {expected:R}, got {actual:R}");

    [Fact]
    public void MutualInformation_Rho06_MatchesHandValue()
    {
        // −½ ln(1 − 0.36) = −½ ln 0.64 = 0.22314355131420976 (Cover & Thomas 2006, Example 8.5.1).
        AssertClose(0.22314355131420976, Gaussian.MutualInformation(0.6).Nats);
    }

    [Fact]
    public void MutualInformation_TinyRho_KeepsRelativeAccuracy()
    {
        // −½ ln(1 − ρ²) = ρ²/2 + ρ⁴/4 + …; at ρ = 1e-9 the second term is far below one ulp.
        double tiny = Gaussian.MutualInformation(1e-9).Nats;
        Assert.True(Math.Abs(tiny - 5e-19) <= 1e-15 * 5e-19, $"got {tiny:R}");
        Assert.Equal(double.PositiveInfinity, Gaussian.MutualInformation(-1).Nats);
    }

    [Fact]
    public void Entropy_Variance4_MatchesHandValue()
    {
        // ½ ln(2πe·4) = ½ (ln 2π + 1 + ln 4).
        double expected = 0.5 * (Math.Log(2 * Math.PI) + 1 + Math.Log(4));
        AssertClose(expected, Gaussian.Entropy(4.0).Nats);
        AssertClose(expected, Gaussian.Entropy(new double[,] { { 4 } }).Nats);
    }

    [Fact]
    public void Entropy_Bivariate_IsSumOfMarginalsMinusMutualInformation()
    {
        double[,] cov = { { 4, 3.6 }, { 3.6, 9 } }; // σ = 2, 3; ρ = 0.6
        double expected = Gaussian.Entropy(4.0).Nats + Gaussian.Entropy(9.0).Nats - Gaussian.MutualInformation(0.6).Nats;
        AssertClose(expected, Gaussian.Entropy(cov).Nats);
    }

    [Fact]
    public void MutualInformation_CovarianceBlocks_AgreesWithCorrelationFormula()
    {
        double[,] cov = { { 4, 3.6 }, { 3.6, 9 } };
        AssertClose(0.22314355131420976, Gaussian.MutualInformation(cov, [0], [1]).Nats);
        AssertClose(0.22314355131420976, Gaussian.MutualInformation(cov, [1], [0]).Nats);
    }

    [Fact]
    public void MutualInformation_IndependentPairs_Add()
    {
        // (X1, Y1) with ρ = 0.6 and (X2, Y2) with ρ = 0.3, independent of each other; columns ordered x1, x2, y1, y2.
        double[,] cov =
        {
            { 1, 0, 0.6, 0 },
            { 0, 1, 0, 0.3 },
            { 0.6, 0, 1, 0 },
            { 0, 0.3, 0, 1 },
        };
        double expected = Gaussian.MutualInformation(0.6).Nats + Gaussian.MutualInformation(0.3).Nats;
        AssertClose(expected, Gaussian.MutualInformation(cov, [0, 1], [2, 3]).Nats);
    }

    [Fact]
    public void ConditionalMutualInformation_MarkovChain_IsZero()
    {
        // X → Z → Y with ρxz = 0.8, ρzy = 0.5 gives ρxy = 0.4 and X ⟂ Y | Z.
        double[,] cov = { { 1, 0.4, 0.8 }, { 0.4, 1, 0.5 }, { 0.8, 0.5, 1 } };
        Assert.True(Math.Abs(Gaussian.ConditionalMutualInformation(cov, [0], [1], [2]).Nats) < 1e-15);
        Assert.True(Gaussian.MutualInformation(cov, [0], [1]).Nats > 0.08);
    }

    [Fact]
    public void ConditionalMutualInformation_MatchesPartialCorrelation()
    {
        // ρxy·z = (ρxy − ρxz ρyz) / √((1 − ρxz²)(1 − ρyz²)); I(X;Y|Z) = −½ ln(1 − ρxy·z²) (Cover & Thomas 2006, §8.6).
        double rxy = 0.5, rxz = 0.3, ryz = 0.2;
        double partial = (rxy - (rxz * ryz)) / Math.Sqrt((1 - (rxz * rxz)) * (1 - (ryz * ryz)));
        double[,] cov = { { 1, rxy, rxz }, { rxy, 1, ryz }, { rxz, ryz, 1 } };
        AssertClose(-0.5 * Math.Log(1 - (partial * partial)), Gaussian.ConditionalMutualInformation(cov, [0], [1], [2]).Nats, 1e-13);
    }

    [Fact]
    public void TotalCorrelation_Equicorrelated_MatchesDeterminant()
    {
        // det R = (1 − ρ)²(1 + 2ρ) = 0.5 at ρ = 0.5, so TC = ½ ln 2.
        double[,] cov = { { 1, 0.5, 0.5 }, { 0.5, 1, 0.5 }, { 0.5, 0.5, 1 } };
        AssertClose(0.5 * Math.Log(2), Gaussian.TotalCorrelation(cov).Nats);
        Assert.Equal(0, Gaussian.TotalCorrelation(new double[,] { { 2, 0 }, { 0, 3 } }).Nats);
    }

    [Fact]
    public void MutualInformation_SingularJoint_IsInfinite()
    {
        Assert.Equal(double.PositiveInfinity, Gaussian.MutualInformation(new double[,] { { 1, 2 }, { 2, 4 } }, [0], [1]).Nats);
        Assert.Equal(double.PositiveInfinity, Gaussian.TotalCorrelation(new double[,] { { 1, 1 }, { 1, 1 } }).Nats);
    }

    [Fact]
    public void Measures_BadCovariance_ThrowNamingCovariance()
    {
        Assert.Equal("covariance", Assert.Throws<ArgumentException>(() => Gaussian.Entropy(new double[,] { { 1, 0.5 }, { 0.4, 1 } })).ParamName);
        Assert.Equal("covariance", Assert.Throws<ArgumentException>(() => Gaussian.Entropy(new double[,] { { 1, double.NaN }, { double.NaN, 1 } })).ParamName);
        Assert.Equal("covariance", Assert.Throws<ArgumentException>(() => Gaussian.Entropy(new double[,] { { 0, 0 }, { 0, 1 } })).ParamName);
        Assert.Equal("covariance", Assert.Throws<ArgumentException>(() => Gaussian.Entropy(new double[2, 3])).ParamName);
        Assert.Equal("covariance", Assert.Throws<ArgumentNullException>(() => Gaussian.Entropy((double[,])null!)).ParamName);
        var singular = Assert.Throws<ArgumentException>(() => Gaussian.Entropy(new double[,] { { 1, 1 }, { 1, 1 } }));
        Assert.Contains("singular", singular.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Measures_BadGroups_ThrowNamingGroup()
    {
        double[,] cov = { { 1, 0.5, 0.5 }, { 0.5, 1, 0.5 }, { 0.5, 0.5, 1 } };
        Assert.Equal("y", Assert.Throws<ArgumentException>(() => Gaussian.MutualInformation(cov, [0], [0])).ParamName);
        Assert.Equal("x", Assert.Throws<ArgumentException>(() => Gaussian.MutualInformation(cov, [], [1])).ParamName);
        Assert.Equal("y", Assert.Throws<ArgumentOutOfRangeException>(() => Gaussian.MutualInformation(cov, [0], [3])).ParamName);
        Assert.Equal("z", Assert.Throws<ArgumentException>(() => Gaussian.ConditionalMutualInformation(cov, [0], [1], [])).ParamName);
        Assert.Equal("correlation", Assert.Throws<ArgumentOutOfRangeException>(() => Gaussian.MutualInformation(1.5)).ParamName);
        Assert.Equal("variance", Assert.Throws<ArgumentOutOfRangeException>(() => Gaussian.Entropy(0.0)).ParamName);
    }
}
