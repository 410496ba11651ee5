using InfoTheory.Continuous;
using InfoTheory.Measures;
using InfoTheory.Testing;

namespace InfoTheory.Tests.Testing;

public sealed class MultivariateNormalTaskTests
{
    // −½ ln(1 − 0.6²) (Cover & Thomas 2006, Example 8.5.1).
    private const double MiRho06 = 0.22314355131420976;

    [Fact]
    public void CorrelatedPair_Rho06_HasHandMutualInformationAndEntropies()
    {
        var task = MultivariateNormalTask.CorrelatedPair(0.6);
        Assert.Equal(1, task.XDimension);
        Assert.Equal(1, task.YDimension);
        Assert.Equal(MiRho06, task.TrueMutualInformation.Nats, 15);
        Assert.Equal(0.5 * Math.Log(2 * Math.PI * Math.E), task.EntropyX.Nats, 15);
        Assert.Equal(task.EntropyX.Nats + task.EntropyY.Nats - MiRho06, task.JointEntropy.Nats, 14);
    }

    [Fact]
    public void SparseInteractions_TwoPairs_MutualInformationAdds()
    {
        var task = MultivariateNormalTask.SparseInteractions(3, 4, 2, 0.6);
        Assert.Equal(2 * MiRho06, task.TrueMutualInformation.Nats, 14);
        Assert.Equal(0, MultivariateNormalTask.SparseInteractions(2, 2, 0, 0.9).TrueMutualInformation.Nats);
    }

    [Fact]
    public void Equicorrelated_MatchesDeterminantFormula()
    {
        // For an equicorrelated m × m block, det = (1 − ρ)^(m−1) (1 + (m − 1)ρ); here dx = 2, dy = 3, ρ = 0.4.
        static double LogDet(int m, double r) => ((m - 1) * Math.Log(1 - r)) + Math.Log(1 + ((m - 1) * r));
        double expected = 0.5 * (LogDet(2, 0.4) + LogDet(3, 0.4) - LogDet(5, 0.4));
        Assert.Equal(expected, MultivariateNormalTask.Equicorrelated(2, 3, 0.4).TrueMutualInformation.Nats, 14);
    }

    [Fact]
    public void Sample_SameSeed_SameBits_OtherSeed_Differs()
    {
        var task = MultivariateNormalTask.SparseInteractions(2, 2, 1, 0.5);
        var (x1, y1) = task.Sample(50, 7);
        var (x2, y2) = task.Sample(50, 7);
        var (x3, _) = task.Sample(50, 8);
        Assert.Equal(x1.Data.ToArray(), x2.Data.ToArray());
        Assert.Equal(y1.Data.ToArray(), y2.Data.ToArray());
        Assert.NotEqual(x1.Data.ToArray(), x3.Data.ToArray());
        Assert.Equal((50, 2), (x1.Rows, x1.Columns));
    }

    [Fact]
    public void Sample_n100000_ReproducesCovariance()
    {
        double[,] cov =
        {
            { 4, 1.2, -0.6 },
            { 1.2, 1, 0.3 },
            { -0.6, 0.3, 2.25 },
        };
        var task = new MultivariateNormalTask(cov, 2);
        const int n = 100_000;
        var (x, y) = task.Sample(n, 3);
        SampleMatrix joint = SampleMatrix.ConcatenateColumns(x, y);
        double[] mean = new double[3];
        for (int i = 0; i < n; i++)
        {
            for (int a = 0; a < 3; a++)
            {
                mean[a] += joint[i, a] / n;
            }
        }

        for (int a = 0; a < 3; a++)
        {
            for (int b = 0; b < 3; b++)
            {
                double s = 0;
                for (int i = 0; i < n; i++)
                {
                    s += (joint[i, a] - mean[a]) * (joint[i, b] - mean[b]);
                }

                // For normal data Var(Ŝab) ≈ (Σaa Σbb + Σab²)/n (Anderson 2003, §3.4); allow five standard deviations.
                double tolerance = 5 * Math.Sqrt(((cov[a, a] * cov[b, b]) + (cov[a, b] * cov[a, b])) / n);
                Assert.True(Math.Abs((s / (n - 1)) - cov[a, b]) <= tolerance, $"[{a}, {b}]: {s / (n - 1):R} vs {cov[a, b]}");
            }
        }
    }

    [Fact]
    public void GaussianEstimator_SparseTask_n100000_WithinSamplingTolerance()
    {
        // Two pairs with ρ = 0.6 among dx = 3, dy = 2: the estimate's sd is about √(2ρ²/n) ≈ 0.0027 nats (independent
        // pairs add their variances ρ²/n); its bias about dx·dy/(2n) = 3e-5. 0.015 is over five standard deviations.
        var task = MultivariateNormalTask.SparseInteractions(3, 2, 2, 0.6);
        var (x, y) = task.Sample(100_000, 17);
        double estimate = new GaussianMutualInformation().Estimate(x, y).Nats;
        Assert.InRange(estimate, task.TrueMutualInformation.Nats - 0.015, task.TrueMutualInformation.Nats + 0.015);
    }

    [Fact]
    public void GaussianEntropy_JointOfTask_n100000_WithinSamplingTolerance()
    {
        // d = 4: bias ≈ −d(d + 1)/(4n) = −5e-5, sd ≈ √(d/(2n)) ≈ 0.0045 nats; 0.025 is over five standard deviations.
        var task = MultivariateNormalTask.Equicorrelated(2, 2, 0.3);
        var (x, y) = task.Sample(100_000, 19);
        double estimate = new GaussianEntropy().Estimate(SampleMatrix.ConcatenateColumns(x, y)).Nats;
        Assert.InRange(estimate, task.JointEntropy.Nats - 0.025, task.JointEntropy.Nats + 0.025);
    }

    [Fact]
    public void Covariance_IsACopy()
    {
        var task = MultivariateNormalTask.CorrelatedPair(0.5);
        double[,] c = task.Covariance;
        c[0, 1] = 0;
        Assert.Equal(0.5, task.Covariance[0, 1]);
        Assert.Equal(Gaussian.MutualInformation(0.5).Nats, Gaussian.MutualInformation(task.Covariance, [0], [1]).Nats, 15);
    }

    [Fact]
    public void Constructors_BadArguments_Throw()
    {
        Assert.Equal("covariance", Assert.Throws<ArgumentNullException>(() => new MultivariateNormalTask(null!, 1)).ParamName);
        Assert.Equal("covariance", Assert.Throws<ArgumentException>(() => new MultivariateNormalTask(new double[,] { { 1, 2 }, { 2, 1 } }, 1)).ParamName);
        Assert.Equal("xDimension", Assert.Throws<ArgumentOutOfRangeException>(() => new MultivariateNormalTask(new double[,] { { 1, 0 }, { 0, 1 } }, 2)).ParamName);
        Assert.Equal("correlation", Assert.Throws<ArgumentOutOfRangeException>(() => MultivariateNormalTask.CorrelatedPair(1)).ParamName);
        Assert.Equal("correlation", Assert.Throws<ArgumentOutOfRangeException>(() => MultivariateNormalTask.Equicorrelated(2, 2, -0.5)).ParamName);
        Assert.Equal("interactingPairs", Assert.Throws<ArgumentOutOfRangeException>(() => MultivariateNormalTask.SparseInteractions(2, 3, 3, 0.5)).ParamName);
        Assert.Equal("n", Assert.Throws<ArgumentOutOfRangeException>(() => MultivariateNormalTask.CorrelatedPair(0.5).Sample(0, 1)).ParamName);
    }
}
