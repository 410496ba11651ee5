using InfoTheory.Continuous;

namespace InfoTheory.Tests.Continuous;

/// <summary>
/// Local (pointwise) values of the Gaussian and KSG MI and CMI estimators. Two kinds of check: the mean of the local
/// values is the estimate (a property of both constructions: for the Gaussian, the Mahalanobis terms average to
/// dimension·(n − 1)/n and cancel between the four densities; for KSG, the estimate is defined as the mean of the
/// per-sample digamma terms), and each value against a reference computed independently here (the bivariate normal
/// log-density ratio, regression residuals, and an O(n²) neighbour count).
/// </summary>
public sealed class LocalValuesTests
{
    private static SampleMatrix Column(double[] values) => SampleMatrix.FromRowMajor(values, 1);

    /// <summary>(x, y, z) with z shared by both, y partly driven by x: nonzero MI and CMI in every block.</summary>
    private static (SampleMatrix X, SampleMatrix Y, SampleMatrix Z) Triple(int n, int dx, int dy, int dz, int seed)
    {
        double[] shared = KnnTestData.Normals(n, seed + 100);
        SampleMatrix z = KnnTestData.Dependent(n, dz, seed, shared);
        SampleMatrix x = KnnTestData.Dependent(n, dx, seed + 1, shared);
        double[] yData = KnnTestData.Normals(n * dy, seed + 2);
        ReadOnlySpan<double> xs = x.Data.Span;
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < dy; j++)
            {
                yData[(i * dy) + j] += (0.7 * xs[i * dx]) + (0.4 * shared[i]);
            }
        }

        return (x, SampleMatrix.FromRowMajor(yData, dy), z);
    }

    // Rounding: the mean of n ≈ 10³ values of size ≈ 10 accumulates about n·2⁻⁵²·10 ≈ 1e-12; 1e-10 leaves a wide margin.
    [Theory]
    [InlineData(1, 1, 1, 500, false)]
    [InlineData(2, 3, 1, 800, false)]
    [InlineData(1, 2, 3, 300, true)]
    public void Gaussian_MeanOfLocalValues_IsTheEstimate(int dx, int dy, int dz, int n, bool biasCorrected)
    {
        (SampleMatrix x, SampleMatrix y, SampleMatrix z) = Triple(n, dx, dy, dz, seed: dx + (10 * dy) + (100 * dz));
        var cmi = new GaussianConditionalMutualInformation { BiasCorrected = biasCorrected };
        double[] localCmi = cmi.LocalValues(x, y, z);
        Assert.Equal(n, localCmi.Length);
        Assert.Equal(cmi.Estimate(x, y, z).Nats, localCmi.Average(), 1e-10);

        var mi = new GaussianMutualInformation { BiasCorrected = biasCorrected };
        double[] localMi = mi.LocalValues(x, y);
        Assert.Equal(n, localMi.Length);
        Assert.Equal(mi.Estimate(x, y).Nats, localMi.Average(), 1e-10);
    }

    [Fact]
    public void Gaussian_OneDimensionalMi_IsTheBivariateNormalLogRatio()
    {
        const int n = 200;
        double[] x = KnnTestData.Normals(n, 11), y = KnnTestData.Normals(n, 12);
        for (int i = 0; i < n; i++)
        {
            y[i] += 0.8 * x[i];
        }

        // By hand: standardise with the (n − 1) standard deviation, r the Pearson correlation; the standard bivariate
        // normal density over the product of the standard normal margins gives
        // i = −½ ln(1 − r²) − ½ [(u² − 2ruv + v²)/(1 − r²) − u² − v²].
        double mx = x.Average(), my = y.Average();
        double sx = Math.Sqrt(x.Sum(v => (v - mx) * (v - mx)) / (n - 1)), sy = Math.Sqrt(y.Sum(v => (v - my) * (v - my)) / (n - 1));
        double r = Enumerable.Range(0, n).Sum(i => (x[i] - mx) * (y[i] - my)) / ((n - 1) * sx * sy);
        double[] local = new GaussianMutualInformation().LocalValues(Column(x), Column(y));
        for (int i = 0; i < n; i++)
        {
            double u = (x[i] - mx) / sx, v = (y[i] - my) / sy;
            double expected = (-0.5 * Math.Log(1 - (r * r))) - (0.5 * ((((u * u) - (2 * r * u * v) + (v * v)) / (1 - (r * r))) - (u * u) - (v * v)));
            Assert.Equal(expected, local[i], 1e-10);
        }
    }

    [Fact]
    public void Gaussian_OneDimensionalCmi_IsTheLogRatioOfRegressionDensities()
    {
        const int n = 300;
        (SampleMatrix xm, SampleMatrix ym, SampleMatrix zm) = Triple(n, 1, 1, 1, seed: 21);
        double[] x = xm.Data.ToArray(), y = ym.Data.ToArray(), z = zm.Data.ToArray();

        // By hand: i = ln p(x | y, z) − ln p(x | z) with the least-squares regressions of x on (y, z) and on z from the
        // (n − 1) covariances: p(x | w) = N(x; μₓ + βᵀ(w − μ_w), s²), β = Σ_ww⁻¹ Σ_wx, s² = Σₓₓ − Σₓ_w β.
        double Mean(double[] a) => a.Average();
        double Cov(double[] a, double[] b)
        {
            double ma = Mean(a), mb = Mean(b);
            return Enumerable.Range(0, n).Sum(i => (a[i] - ma) * (b[i] - mb)) / (n - 1);
        }

        double sxx = Cov(x, x), syy = Cov(y, y), szz = Cov(z, z), sxy = Cov(x, y), sxz = Cov(x, z), syz = Cov(y, z);
        double betaZ = sxz / szz, varZ = sxx - (sxz * betaZ);
        double det = (syy * szz) - (syz * syz);
        double by = ((szz * sxy) - (syz * sxz)) / det, bz = ((syy * sxz) - (syz * sxy)) / det;
        double varYz = sxx - (sxy * by) - (sxz * bz);
        double[] local = new GaussianConditionalMutualInformation().LocalValues(xm, ym, zm);
        for (int i = 0; i < n; i++)
        {
            double eZ = x[i] - Mean(x) - (betaZ * (z[i] - Mean(z)));
            double eYz = x[i] - Mean(x) - (by * (y[i] - Mean(y))) - (bz * (z[i] - Mean(z)));
            double expected = (-0.5 * Math.Log(varYz / varZ)) - (0.5 * ((eYz * eYz / varYz) - (eZ * eZ / varZ)));
            Assert.Equal(expected, local[i], 1e-10);
        }
    }

    [Fact]
    public void Gaussian_SingularJointCovariance_GivesInfiniteLocalValues()
    {
        double[] x = KnnTestData.Normals(50, 31);
        double[] y = Array.ConvertAll(x, v => (2 * v) + 1);
        Assert.All(new GaussianMutualInformation().LocalValues(Column(x), Column(y)), v => Assert.Equal(double.PositiveInfinity, v));
    }

    // The KSG estimate is the mean of the same digamma terms summed in another order: differences are rounding of
    // n·2⁻⁵²·ψ(n) ≈ 1e-13 at n ≤ 2000, so 1e-12 holds.
    [Theory]
    [InlineData(1, 1, 1, 400, 3)]
    [InlineData(2, 1, 2, 1000, 4)]
    [InlineData(1, 3, 2, 2000, 6)]
    public void Ksg_MeanOfLocalValues_IsTheEstimate(int dx, int dy, int dz, int n, int k)
    {
        (SampleMatrix x, SampleMatrix y, SampleMatrix z) = Triple(n, dx, dy, dz, seed: 7 + dx + dy + dz);
        var cmi = new KsgConditionalMutualInformation { K = k };
        double[] localCmi = cmi.LocalValues(x, y, z);
        Assert.Equal(n, localCmi.Length);
        Assert.Equal(cmi.Estimate(x, y, z).Nats, localCmi.Average(), 1e-12);

        foreach (KsgAlgorithm algorithm in new[] { KsgAlgorithm.One, KsgAlgorithm.Two })
        {
            var mi = new KsgMutualInformation { K = k, Algorithm = algorithm };
            double[] localMi = mi.LocalValues(x, y);
            Assert.Equal(n, localMi.Length);
            Assert.Equal(mi.Estimate(x, y).Nats, localMi.Average(), 1e-12);
        }
    }

    [Fact]
    public void Ksg_LocalCmi_MatchesBruteForcePerSampleTerms()
    {
        (SampleMatrix x, SampleMatrix y, SampleMatrix z) = Triple(150, 1, 2, 1, seed: 41);
        var cmi = new KsgConditionalMutualInformation { K = 3, Scaling = SampleScaling.None, Ties = TieHandling.None };
        double[] expected = KnnReference.LocalConditionalMutualInformation(x, y, z, 3);
        double[] actual = cmi.LocalValues(x, y, z);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], actual[i], 1e-12);
        }
    }
}
