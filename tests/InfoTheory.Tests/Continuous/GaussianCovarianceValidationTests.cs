using InfoTheory.Continuous;
using InfoTheory.Measures;

namespace InfoTheory.Tests.Continuous;

/// <summary>
/// The exact Gaussian measures on given covariance matrices: indefinite matrices (not covariances at all) are rejected
/// naming <c>covariance</c>; singular positive semi-definite ones give +∞ where the measure is infinite; the answer does
/// not depend on the units, from 1e-300 to 1e300.
/// </summary>
public sealed class GaussianCovarianceValidationTests
{
    /// <summary>Eigenvalues 3 and −1: a symmetric matrix with unit variances but |ρ| = 2.</summary>
    private static readonly double[,] s_indefinite2 = { { 1, 2 }, { 2, 1 } };

    /// <summary>
    /// Every 2 × 2 block is a valid correlation matrix (|ρ| = 0.9), but det = 1 − 3·0.81 − 2·0.729 = −2.888 &lt; 0:
    /// X₀ cannot be close to both X₁ and X₂ while those two are close to each other's negative.
    /// </summary>
    private static readonly double[,] s_indefinite3 = { { 1, 0.9, 0.9 }, { 0.9, 1, -0.9 }, { 0.9, -0.9, 1 } };

    /// <summary>Cov(A, B, A + B) for independent unit A, B: rank 2, positive semi-definite.</summary>
    private static readonly double[,] s_singular3 = { { 1, 0, 1 }, { 0, 1, 1 }, { 1, 1, 2 } };

    [Fact]
    public void MutualInformation_Indefinite_ThrowsNamingCovariance()
    {
        ArgumentException e = Assert.Throws<ArgumentException>(() => Gaussian.MutualInformation(s_indefinite2, [0], [1]));
        Assert.Equal("covariance", e.ParamName);
        Assert.Contains("positive semi-definite", e.Message, StringComparison.Ordinal);
        // The x and y blocks here are valid 1 × 1 and 1 × 1 covariances; only the whole matrix is not one.
        Assert.Equal("covariance", Assert.Throws<ArgumentException>(() => Gaussian.MutualInformation(s_indefinite3, [0], [1])).ParamName);
    }

    [Fact]
    public void ConditionalMutualInformation_Indefinite_ThrowsNamingCovariance()
    {
        Assert.Equal("covariance", Assert.Throws<ArgumentException>(() => Gaussian.ConditionalMutualInformation(s_indefinite3, [0], [1], [2])).ParamName);
    }

    [Fact]
    public void TotalCorrelationAndEntropy_Indefinite_ThrowNamingCovariance()
    {
        Assert.Equal("covariance", Assert.Throws<ArgumentException>(() => Gaussian.TotalCorrelation(s_indefinite2)).ParamName);
        Assert.Equal("covariance", Assert.Throws<ArgumentException>(() => Gaussian.TotalCorrelation(s_indefinite3)).ParamName);
        Assert.Equal("covariance", Assert.Throws<ArgumentException>(() => Gaussian.Entropy(s_indefinite3)).ParamName);
    }

    [Fact]
    public void SingularPositiveSemidefinite_GivesPositiveInfinityWhereTheMeasureIsInfinite()
    {
        // X₂ = X₀ + X₁ exactly: I((X₀, X₁); X₂) = ∞, I(X₀; X₂ | X₁) = ∞, TC = ∞; I(X₀; X₁) = 0 (independent).
        Assert.Equal(double.PositiveInfinity, Gaussian.MutualInformation(s_singular3, [0, 1], [2]).Nats);
        Assert.Equal(double.PositiveInfinity, Gaussian.ConditionalMutualInformation(s_singular3, [0], [2], [1]).Nats);
        Assert.Equal(double.PositiveInfinity, Gaussian.TotalCorrelation(s_singular3).Nats);
        Assert.Equal(0.0, Gaussian.MutualInformation(s_singular3, [0], [1]).Nats);
        // ρ = 1 with unequal variances.
        Assert.Equal(double.PositiveInfinity, Gaussian.MutualInformation(new double[,] { { 4, 2 }, { 2, 1 } }, [0], [1]).Nats);
    }

    [Fact]
    public void SingularPositiveSemidefinite_WithRoundedEntries_IsNotTakenForIndefinite()
    {
        // Σ = L Lᵀ with a 3 × 2 loading matrix: rank 2, formed in floating point so its entries carry rounding.
        double[,] l = { { 0.1, 0.3 }, { 0.7, 0.2 }, { 0.5, 0.9 } };
        double[,] sigma = new double[3, 3];
        for (int a = 0; a < 3; a++)
        {
            for (int c = 0; c < 3; c++)
            {
                sigma[a, c] = (l[a, 0] * l[c, 0]) + (l[a, 1] * l[c, 1]);
            }
        }

        Assert.Equal(double.PositiveInfinity, Gaussian.TotalCorrelation(sigma).Nats);
    }

    [Theory]
    [InlineData(1e-300)]
    [InlineData(1e-150)]
    [InlineData(1e150)]
    [InlineData(1e300)]
    public void Measures_CovarianceInAnyUnits_AreUnitFree(double unit)
    {
        // ρ = 0.6 between X₀ and X₁, X₂ independent with its own scale: I = −½ ln(1 − 0.36) (Cover & Thomas 2006, §8.5).
        double[,] sigma = { { 2, 0.6 * Math.Sqrt(2 * 3), 0 }, { 0.6 * Math.Sqrt(2 * 3), 3, 0 }, { 0, 0, 5 } };
        double[,] scaled = new double[3, 3];
        for (int a = 0; a < 3; a++)
        {
            for (int c = 0; c < 3; c++)
            {
                scaled[a, c] = sigma[a, c] * unit;
            }
        }

        double expected = -0.5 * Math.Log(1 - 0.36);
        // Each entry is rounded once when scaled (relative 1.1e-16); the correlation and a 3 × 3 log-determinant keep that to ~1e-15.
        Assert.Equal(expected, Gaussian.MutualInformation(scaled, [0], [1]).Nats, 1e-14);
        Assert.Equal(expected, Gaussian.ConditionalMutualInformation(scaled, [0], [1], [2]).Nats, 1e-14);
        Assert.Equal(expected, Gaussian.TotalCorrelation(scaled).Nats, 1e-14);
        // h(Σ·u) = h(Σ) + (d/2) ln u.
        Assert.Equal(Gaussian.Entropy(sigma).Nats + (1.5 * Math.Log(unit)), Gaussian.Entropy(scaled).Nats, 1e-11);
    }

    [Fact]
    public void SampleEstimators_CollinearColumns_ThrowArgumentExceptionNamingTheSample()
    {
        // x's two columns are exactly proportional: Σx is singular, so the Gaussian MI is undefined (not a linear-algebra failure).
        double[] u = KnnTestData.Normals(50, 3);
        double[] rows = new double[100];
        for (int i = 0; i < 50; i++)
        {
            rows[2 * i] = u[i];
            rows[(2 * i) + 1] = 2 * u[i];
        }

        SampleMatrix x = SampleMatrix.FromRowMajor(rows, 2);
        SampleMatrix y = SampleMatrix.FromRowMajor(KnnTestData.Normals(50, 4), 1);
        Assert.Equal("x", Assert.Throws<ArgumentException>(() => new GaussianMutualInformation().Estimate(x, y)).ParamName);
        Assert.Equal("x", Assert.Throws<ArgumentException>(() => new GaussianConditionalMutualInformation().Estimate(x, y, y)).ParamName);
        Assert.Equal("samples", Assert.Throws<ArgumentException>(() => new GaussianEntropy().Estimate(x)).ParamName);
    }
}
