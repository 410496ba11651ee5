using InfoTheory.Continuous;
using InfoTheory.Measures;
using MathNet.Numerics.Distributions;

namespace InfoTheory.Tests.Continuous;

public sealed class GaussianEstimatorTests
{
    /// <summary>n standard normal draws, seeded.</summary>
    private static double[] Normals(int n, int seed)
    {
        double[] values = new double[n];
        Normal.Samples(new Random(seed), values, 0, 1);
        return values;
    }

    /// <summary>x ~ N(0, 1), y = ρx + √(1 − ρ²) e: a bivariate normal with correlation ρ.</summary>
    private static (double[] X, double[] Y) CorrelatedPair(int n, double rho, int seed)
    {
        double[] x = Normals(n, seed), e = Normals(n, seed + 1), y = new double[n];
        for (int i = 0; i < n; i++)
        {
            y[i] = (rho * x[i]) + (Math.Sqrt(1 - (rho * rho)) * e[i]);
        }

        return (x, y);
    }

    /// <summary>An n × d matrix whose columns mix independent normals, so every block is non-singular and dependent.</summary>
    private static SampleMatrix Mixed(int n, int d, int seed, double[]? shared = null)
    {
        double[] data = new double[n * d];
        for (int j = 0; j < d; j++)
        {
            double[] z = Normals(n, seed + j);
            for (int i = 0; i < n; i++)
            {
                data[(i * d) + j] = z[i] + (shared is null ? 0 : (0.5 + (0.2 * j)) * shared[i]);
            }
        }

        return SampleMatrix.FromRowMajor(data, d);
    }

    [Fact]
    public void MutualInformation_CorrelatedPair_n100000_WithinSamplingTolerance()
    {
        // Var(Î) ≈ ρ²/n for the bivariate normal (delta method on r), so sd ≈ 0.6/316 ≈ 0.0019 nats; the bias,
        // about 1/(2n) = 5e-6, is negligible. 0.01 is over five standard deviations.
        var (x, y) = CorrelatedPair(100_000, 0.6, 11);
        double estimate = new GaussianMutualInformation().Estimate(x, y).Nats;
        Assert.InRange(estimate, 0.22314355 - 0.01, 0.22314355 + 0.01);
    }

    [Fact]
    public void Entropy_ScaledNormal_n100000_WithinSamplingTolerance()
    {
        // ĥ = ½ ln(2πe s²); Var(ln s²) ≈ 2/n, so sd(ĥ) ≈ √(1/(2n)) ≈ 0.0022 nats; 0.012 is over five of them.
        double[] x = Normals(100_000, 5);
        for (int i = 0; i < x.Length; i++)
        {
            x[i] = 3 + (2 * x[i]);
        }

        double estimate = new GaussianEntropy().Estimate(x).Nats;
        Assert.InRange(estimate, Gaussian.Entropy(4.0).Nats - 0.012, Gaussian.Entropy(4.0).Nats + 0.012);
    }

    [Fact]
    public void MutualInformation_Multivariate_IsExactlySymmetric()
    {
        double[] shared = Normals(500, 99);
        SampleMatrix x = Mixed(500, 2, 1, shared), y = Mixed(500, 3, 10, shared);
        var estimator = new GaussianMutualInformation();
        double xy = estimator.Estimate(x, y).Nats;
        Assert.True(xy > 0.1);
        Assert.Equal(xy, estimator.Estimate(y, x).Nats);
    }

    [Fact]
    public void ConditionalMutualInformation_IsExactlySymmetricInXAndY()
    {
        double[] shared = Normals(400, 98);
        SampleMatrix x = Mixed(400, 2, 1, shared), y = Mixed(400, 2, 10, shared), z = Mixed(400, 2, 20, shared);
        var estimator = new GaussianConditionalMutualInformation();
        Assert.Equal(estimator.Estimate(x, y, z).Nats, estimator.Estimate(y, x, z).Nats);
    }

    [Fact]
    public void MutualInformation_AffinePerColumn_IsInvariant()
    {
        double[] shared = Normals(1000, 97);
        SampleMatrix x = Mixed(1000, 2, 1, shared), y = Mixed(1000, 2, 10, shared);
        double[] scaled = x.Data.ToArray();
        for (int i = 0; i < x.Rows; i++)
        {
            scaled[2 * i] = (1e4 * scaled[2 * i]) - 7;
            scaled[(2 * i) + 1] = (-1e-3 * scaled[(2 * i) + 1]) + 100;
        }

        var estimator = new GaussianMutualInformation();
        double before = estimator.Estimate(x, y).Nats;
        double after = estimator.Estimate(SampleMatrix.FromRowMajor(scaled, 2), y).Nats;
        // Only rounding differs: the correlation matrix is the same up to ~1e-13 relative after rescaling by 1e4 and shifting.
        Assert.True(Math.Abs(before - after) <= 1e-10 * before, $"{before:R} vs {after:R}");
    }

    [Fact]
    public void ConditionalMutualInformation_IndependentZ_ApproximatesMutualInformation()
    {
        // With Z independent of (X, Y), conditioning changes each correlation by a product of two sample
        // correlations with Z, each O(1/√n) = 0.003 at n = 100 000, so the estimates differ by O(1/n); 1e-3 is ample.
        var (x, y) = CorrelatedPair(100_000, 0.6, 21);
        double[] z = Normals(100_000, 23);
        double mi = new GaussianMutualInformation().Estimate(x, y).Nats;
        double cmi = new GaussianConditionalMutualInformation().Estimate(x, y, z).Nats;
        Assert.True(Math.Abs(mi - cmi) < 1e-3, $"MI {mi:R}, CMI {cmi:R}");
    }

    [Fact]
    public void ConditionalMutualInformation_MarkovChain_NearZero()
    {
        // X → Z → Y: I(X;Y|Z) = 0 while I(X;Y) > 0. Under conditional independence 2n·Î ~ χ²(1), so Î < 10/(2n) = 5e-5
        // fails with probability below 0.2 %.
        var (x, z) = CorrelatedPair(100_000, 0.8, 31);
        double[] e = Normals(100_000, 33), y = new double[x.Length];
        for (int i = 0; i < y.Length; i++)
        {
            y[i] = (0.5 * z[i]) + e[i];
        }

        Assert.InRange(new GaussianConditionalMutualInformation().Estimate(x, y, z).Nats, -1e-12, 5e-5);
        Assert.True(new GaussianMutualInformation().Estimate(x, y).Nats > 0.05);
    }

    [Fact]
    public void SpanOverloads_AgreeWithMatrixOverloads()
    {
        var (x, y) = CorrelatedPair(200, 0.3, 41);
        double[] z = Normals(200, 43);
        SampleMatrix mx = SampleMatrix.FromRowMajor(x, 1), my = SampleMatrix.FromRowMajor(y, 1), mz = SampleMatrix.FromRowMajor(z, 1);
        Assert.Equal(new GaussianEntropy().Estimate(mx).Nats, new GaussianEntropy().Estimate(x).Nats);
        Assert.Equal(new GaussianMutualInformation().Estimate(mx, my).Nats, new GaussianMutualInformation().Estimate(x, y).Nats);
        Assert.Equal(new GaussianConditionalMutualInformation().Estimate(mx, my, mz).Nats, new GaussianConditionalMutualInformation().Estimate(x, y, z).Nats);
    }

    [Fact]
    public void Estimators_SampleCovarianceIsUnbiased_MatchesClosedFormOfSampleCovariance()
    {
        // Three rows in 2-D: the (n − 1) covariance is [[1, 1.5], [1.5, 3]] exactly (means 1 and 2); with n it would be 2/3 of that.
        SampleMatrix s = SampleMatrix.FromRowMajor([0.0, 0, 1, 3, 2, 3], 2);
        double[,] cov = { { 1, 1.5 }, { 1.5, 3 } };
        Assert.Equal(Gaussian.Entropy(cov).Nats, new GaussianEntropy().Estimate(s).Nats, 14);
        Assert.Equal(Gaussian.TotalCorrelation(cov).Nats, new GaussianTotalCorrelation().Estimate(s).Nats, 14);
        Assert.Equal(Gaussian.MutualInformation(cov, [0], [1]).Nats,
            new GaussianMutualInformation().Estimate(s.SelectColumns(0), s.SelectColumns(1)).Nats, 14);
    }

    [Fact]
    public void TotalCorrelation_IndependentColumns_NearZero()
    {
        // 2n·TĈ ~ χ² with d(d − 1)/2 = 3 degrees of freedom under independence; χ²₃ exceeds 20 with probability < 0.02 %.
        SampleMatrix s = Mixed(20_000, 3, 51);
        Assert.InRange(new GaussianTotalCorrelation().Estimate(s).Nats, -1e-12, 20.0 / 40_000);
        Assert.Equal(0, new GaussianTotalCorrelation().Estimate(s.SelectColumns(1)).Nats);
    }

    [Fact]
    public void MutualInformation_ExactLinearRelation_IsInfinite()
    {
        double[] x = Normals(50, 61), y = new double[50];
        for (int i = 0; i < y.Length; i++)
        {
            y[i] = (2 * x[i]) + 1;
        }

        Assert.Equal(double.PositiveInfinity, new GaussianMutualInformation().Estimate(x, y).Nats);
    }

    [Fact]
    public void Estimate_TooFewSamples_ThrowsSayingHowMany()
    {
        SampleMatrix s = Mixed(3, 3, 1);
        var e = Assert.Throws<ArgumentException>(() => new GaussianEntropy().Estimate(s));
        Assert.Equal("samples", e.ParamName);
        Assert.Contains("at least 4 samples, got 3", e.Message, StringComparison.Ordinal);
        var mi = Assert.Throws<ArgumentException>(() => new GaussianMutualInformation().Estimate(Mixed(4, 2, 1), Mixed(4, 2, 9)));
        Assert.Contains("at least 5 samples, got 4", mi.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Estimate_MismatchedRows_ThrowsNamingTheOddOne()
    {
        var e = Assert.Throws<ArgumentException>(() => new GaussianMutualInformation().Estimate(Mixed(10, 1, 1), Mixed(9, 1, 2)));
        Assert.Equal("y", e.ParamName);
        Assert.Contains("x has 10 rows but y has 9", e.Message, StringComparison.Ordinal);
        Assert.Equal("z", Assert.Throws<ArgumentException>(
            () => new GaussianConditionalMutualInformation().Estimate(Mixed(10, 1, 1), Mixed(10, 1, 2), Mixed(8, 1, 3))).ParamName);
        Assert.Equal("y", Assert.Throws<ArgumentException>(() => new GaussianMutualInformation().Estimate([1.0, 2, 3], [1.0, 2])).ParamName);
    }

    [Fact]
    public void Estimate_ConstantColumn_ThrowsNamingVariableAndColumn()
    {
        double[] data = Mixed(10, 2, 1).Data.ToArray();
        for (int i = 0; i < 10; i++)
        {
            data[(2 * i) + 1] = 5;
        }

        var e = Assert.Throws<ArgumentException>(() => new GaussianMutualInformation().Estimate(Mixed(10, 1, 7), SampleMatrix.FromRowMajor(data, 2)));
        Assert.Equal("y", e.ParamName);
        Assert.Contains("y column 1 is constant", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Estimate_DependentColumnsWithinAVariable_ThrowsNamingIt()
    {
        double[] data = Mixed(10, 2, 1).Data.ToArray();
        for (int i = 0; i < 10; i++)
        {
            data[(2 * i) + 1] = -3 * data[2 * i];
        }

        SampleMatrix x = SampleMatrix.FromRowMajor(data, 2);
        var e = Assert.Throws<ArgumentException>(() => new GaussianMutualInformation().Estimate(x, Mixed(10, 1, 7)));
        Assert.Equal("x", e.ParamName);
        Assert.Contains("singular", e.Message, StringComparison.Ordinal);
        Assert.Equal("samples", Assert.Throws<ArgumentException>(() => new GaussianEntropy().Estimate(x)).ParamName);
        Assert.Equal("x", Assert.Throws<ArgumentException>(
            () => new GaussianConditionalMutualInformation().Estimate(x.SelectColumns(0), Mixed(10, 1, 7), x.SelectColumns(1))).ParamName);
    }

    [Fact]
    public void Estimate_NaNInSpan_ThrowsWithPosition()
    {
        double[] x = Normals(10, 1);
        x[6] = double.NaN;
        var e = Assert.Throws<ArgumentException>(() => new GaussianMutualInformation().Estimate(x, Normals(10, 2)));
        Assert.Equal("x", e.ParamName);
        Assert.Contains("x contains NaN at row 6, column 0", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Estimate_Null_Throws()
    {
        Assert.Equal("samples", Assert.Throws<ArgumentNullException>(() => new GaussianEntropy().Estimate((SampleMatrix)null!)).ParamName);
        Assert.Equal("y", Assert.Throws<ArgumentNullException>(() => new GaussianMutualInformation().Estimate(Mixed(5, 1, 1), null!)).ParamName);
        Assert.Equal("samples", Assert.Throws<ArgumentNullException>(() => new GaussianTotalCorrelation().Estimate(null!)).ParamName);
    }
}
