using InfoTheory.Continuous;
using InfoTheory.Multivariate;
using MathNet.Numerics.Distributions;

namespace InfoTheory.Tests.Multivariate;

/// <summary>Gaussian PID against the closed forms of Barrett (2015) and Kay &amp; Ince (2018) for univariate sources and target.</summary>
public sealed class GaussianPidTests
{
    private static double Mi(double rho) => -0.5 * Math.Log(1 - (rho * rho));

    /// <summary>Correlation matrix of (S1, S2, T) with corr(S1, T) = a, corr(S2, T) = b, corr(S1, S2) = c.</summary>
    private static double[,] Correlation(double a, double b, double c) => new double[,] { { 1, c, a }, { c, 1, b }, { a, b, 1 } };

    /// <summary>I(S1, S2; T) = ½ ln[det R(S1,S2) / det R] for unit variances.</summary>
    private static double Joint(double a, double b, double c)
    {
        double det = 1 + (2 * a * b * c) - (a * a) - (b * b) - (c * c);
        return 0.5 * Math.Log((1 - (c * c)) / det);
    }

    public static TheoryData<double, double, double> Cases => new()
    {
        { 0.6, 0.4, 0.0 },
        { 0.6, 0.4, 0.3 },
        { 0.5, 0.5, 0.8 },
        { 0.7, -0.2, -0.4 },
        { 0.3, 0.3, -0.5 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Mmi_IsTheSmallerSingleInformation(double a, double b, double c)
    {
        PartialInformationDecomposition pid = GaussianPartialInformation.Decompose(Correlation(a, b, c), [[0], [1]], [2]);
        double r = Math.Min(Mi(a), Mi(b));
        Assert.Equal(r, pid.Redundancy.Nats, 1e-12);
        Assert.Equal(Mi(a) - r, pid.Unique(0).Nats, 1e-12);
        Assert.Equal(Mi(b) - r, pid.Unique(1).Nats, 1e-12);
        Assert.Equal(Joint(a, b, c) - Mi(a) - Mi(b) + r, pid.Synergy.Nats, 1e-12);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Idep_MatchesKayAndInce(double a, double b, double c)
    {
        // Kay & Ince (2018): U1 = min{ I(S1;T), ½ ln[(1 − a²b²)/(1 − a²)], I(S1;T|S2) }, R = I(S1;T) − U1.
        double conditional = Joint(a, b, c) - Mi(b);
        double u1 = Math.Min(Mi(a), Math.Min(0.5 * Math.Log((1 - (a * a * b * b)) / (1 - (a * a))), conditional));
        PartialInformationDecomposition pid = GaussianPartialInformation.Decompose(Correlation(a, b, c), [[0], [1]], [2], GaussianRedundancy.Dependency);
        Assert.Equal(Mi(a) - u1, pid.Redundancy.Nats, 1e-12);
        Assert.Equal(u1, pid.Unique(0).Nats, 1e-12);
        Assert.True(pid.Redundancy.Nats >= 0 && pid.Unique(0).Nats >= -1e-15 && pid.Unique(1).Nats >= -1e-15);
        Assert.Equal(0, pid.SumError.Nats, 1e-12);
    }

    private static SampleMatrix Sample(double[,] correlation, int n, int seed)
    {
        var chol = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.DenseOfArray(correlation).Cholesky().Factor;
        var random = new Random(seed);
        double[] data = new double[n * 3];
        for (int i = 0; i < n; i++)
        {
            double z0 = Normal.Sample(random, 0, 1), z1 = Normal.Sample(random, 0, 1), z2 = Normal.Sample(random, 0, 1);
            data[i * 3] = chol[0, 0] * z0;
            data[(i * 3) + 1] = (chol[1, 0] * z0) + (chol[1, 1] * z1);
            data[(i * 3) + 2] = (chol[2, 0] * z0) + (chol[2, 1] * z1) + (chol[2, 2] * z2);
        }

        return SampleMatrix.FromRowMajor(data, 3);
    }

    [Fact]
    public void FromSamples_AgreesWithTheCovarianceRoute_AndWithAnyEstimator()
    {
        double[,] r = Correlation(0.6, 0.4, 0.3);
        SampleMatrix x = Sample(r, 20_000, seed: 2);
        PartialInformationDecomposition exact = GaussianPartialInformation.Decompose(r, [[0], [1]], [2]);
        PartialInformationDecomposition copula = GaussianPartialInformation.Decompose(x, [[0], [1]], [2]);

        // n = 20 000: each MI's sampling standard deviation is about 0.006 nats; allow 0.03 per atom.
        for (int i = 0; i < 4; i++)
        {
            Assert.Equal(exact.Atom(i).Nats, copula.Atom(i).Nats, 0.03);
        }

        // The estimator route with the Gaussian MI estimator uses the same sample correlations: the same atoms to rounding.
        PartialInformationDecomposition gaussian = GaussianPartialInformation.Decompose(x, [[0], [1]], [2], copula: false);
        SampleMatrix s1 = x.SelectColumns(0), s2 = x.SelectColumns(1), t = x.SelectColumns(2);
        PartialInformationDecomposition viaEstimator = GaussianPartialInformation.MinimumMutualInformation(new GaussianMutualInformation(), [s1, s2], t);
        for (int i = 0; i < 4; i++)
        {
            Assert.Equal(gaussian.Atom(i).Nats, viaEstimator.Atom(i).Nats, 1e-9);
        }

        // And with the hybrid k-NN estimator on 4000 rows: within its noise (about 0.02 nats) of the truth.
        SampleMatrix small = Sample(r, 4000, seed: 3);
        PartialInformationDecomposition hybrid = GaussianPartialInformation.MinimumMutualInformation(new HybridMutualInformation(new KsgMutualInformation { Scaling = SampleScaling.None }),
            [small.SelectColumns(0), small.SelectColumns(1)], small.SelectColumns(2));
        Assert.Equal(exact.Redundancy.Nats, hybrid.Redundancy.Nats, 0.05);
        Assert.Equal(exact.Synergy.Nats, hybrid.Synergy.Nats, 0.06);
    }

    [Fact]
    public void BadInput_NamesTheParameter()
    {
        double[,] r = Correlation(0.6, 0.4, 0.3);
        Assert.Equal("sources", Assert.Throws<ArgumentException>(() => GaussianPartialInformation.Decompose(r, [[0]], [2])).ParamName);
        Assert.Equal("target", Assert.Throws<ArgumentException>(() => GaussianPartialInformation.Decompose(r, [[0], [1]], [1])).ParamName);
        Assert.Equal("sources", Assert.Throws<ArgumentException>(() => GaussianPartialInformation.Decompose(r, [[0], [1], [2]], [2], GaussianRedundancy.Dependency)).ParamName);
        Assert.Equal("covariance", Assert.Throws<ArgumentException>(() => GaussianPartialInformation.Decompose(new double[,] { { 1, 2 }, { 3, 1 } }, [[0], [1]], [0])).ParamName);
    }
}
