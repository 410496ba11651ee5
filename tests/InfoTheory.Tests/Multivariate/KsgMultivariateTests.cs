using InfoTheory.Continuous;
using InfoTheory.Multivariate;
using MathNet.Numerics.Distributions;

namespace InfoTheory.Tests.Multivariate;

/// <summary>The k-NN multivariate estimator against Gaussian closed forms and against the KSG total correlation.</summary>
public sealed class KsgMultivariateTests
{
    /// <summary>Rows of (f + e₁, f + e₂, f + e₃) (redundant) or (a, b, a + b + e) (synergistic), standard normal parts.</summary>
    private static SampleMatrix Sample(int n, bool redundant, double noise, int seed)
    {
        var random = new Random(seed);
        double[] data = new double[n * 3];
        for (int i = 0; i < n; i++)
        {
            double f = Normal.Sample(random, 0, 1), a = Normal.Sample(random, 0, 1), b = Normal.Sample(random, 0, 1);
            double[] row = redundant
                ? [f + Normal.Sample(random, 0, noise), f + Normal.Sample(random, 0, noise), f + Normal.Sample(random, 0, noise)]
                : [a, b, a + b + Normal.Sample(random, 0, noise)];
            row.CopyTo(data, i * 3);
        }

        return SampleMatrix.FromRowMajor(data, 3);
    }

    /// <summary>The exact profile of the same Gaussian, from its covariance.</summary>
    private static MultivariateProfile Exact(bool redundant, double noise)
    {
        double v = noise * noise;
        double[,] c = redundant
            ? new double[,] { { 1 + v, 1, 1 }, { 1, 1 + v, 1 }, { 1, 1, 1 + v } }
            : new double[,] { { 1, 0, 1 }, { 0, 1, 1 }, { 1, 1, 2 + v } };
        return MultivariateInformation.Profile(GaussianJointEntropy.FromCovariance(c));
    }

    [Theory]
    [InlineData(true, 0.7)]
    [InlineData(false, 0.5)]
    public void Gaussian_MatchesTheClosedForm(bool redundant, double noise)
    {
        // n = 4000, k = 3, three one-dimensional variables: KSG's bias is a few hundredths of a nat here and its
        // standard deviation about 0.02 (Kraskov et al. 2004, Fig. 4 for MI); allow 0.08 nats on each measure.
        MultivariateDependence estimate = new KsgMultivariateInformation().Estimate(Sample(4000, redundant, noise, seed: 21));
        MultivariateProfile exact = Exact(redundant, noise);
        Assert.Equal(exact.TotalCorrelation.Nats, estimate.TotalCorrelation.Nats, 0.08);
        Assert.Equal(exact.DualTotalCorrelation.Nats, estimate.DualTotalCorrelation.Nats, 0.08);
        Assert.Equal(exact.OInformation.Nats, estimate.OInformation.Nats, 0.08);
        Assert.Equal(Math.Sign(exact.OInformation.Nats), Math.Sign(estimate.OInformation.Nats));
    }

    [Fact]
    public void TotalCorrelation_IsTheKsgEstimatorsBits_AndTheRestAreConsistent()
    {
        SampleMatrix x = Sample(1500, redundant: true, noise: 1, seed: 4);
        MultivariateDependence d = new KsgMultivariateInformation().Estimate(x);
        Assert.Equal(new KsgTotalCorrelation().Estimate(x).Nats, d.TotalCorrelation.Nats);
        Assert.Equal(d.TotalCorrelation.Nats - d.DualTotalCorrelation.Nats, d.OInformation.Nats);
        Assert.Equal(d.TotalCorrelation.Nats + d.DualTotalCorrelation.Nats, d.SInformation.Nats);
        MultivariateDependence single = new KsgMultivariateInformation { MaxDegreeOfParallelism = 1 }.Estimate(x);
        Assert.Equal(d, single);
    }

    [Fact]
    public void Independent_IsNearZero_AndBadInputIsRejected()
    {
        var random = new Random(8);
        double[] data = [.. Enumerable.Range(0, 3000 * 4).Select(_ => Normal.Sample(random, 0, 1))];
        MultivariateDependence d = new KsgMultivariateInformation().Estimate(SampleMatrix.FromRowMajor(data, 4));

        // Under independence KSG-1's TC scatters around 0 with a standard deviation of about 0.01 nats at n = 3000.
        Assert.Equal(0, d.TotalCorrelation.Nats, 0.04);
        Assert.Equal(0, d.OInformation.Nats, 0.04);

        SampleMatrix two = SampleMatrix.FromRowMajor(data.AsSpan(0, 200), 2);
        Assert.Equal("samples", Assert.Throws<ArgumentException>(() => new KsgMultivariateInformation().Estimate(two)).ParamName);
        Assert.Equal("samples", Assert.Throws<ArgumentException>(() => new KsgMultivariateInformation { K = 10 }.Estimate(SampleMatrix.FromRowMajor(data.AsSpan(0, 12), 3))).ParamName);
    }
}
