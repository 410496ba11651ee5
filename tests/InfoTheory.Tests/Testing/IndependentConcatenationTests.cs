using InfoTheory.Continuous;
using InfoTheory.Testing;

namespace InfoTheory.Tests.Testing;

public sealed class IndependentConcatenationTests
{
    [Fact]
    public void TrueMutualInformation_IsTheSumAndDimensionsAdd()
    {
        var a = MultivariateNormalTask.CorrelatedPair(0.6);
        var b = MultivariateNormalTask.SparseInteractions(2, 3, 1, 0.3);
        var task = new IndependentConcatenation(a, b);
        Assert.Equal(a.TrueMutualInformation.Nats + b.TrueMutualInformation.Nats, task.TrueMutualInformation.Nats);
        Assert.Equal((3, 4), (task.XDimension, task.YDimension));
        var (x, y) = task.Sample(10, 1);
        Assert.Equal((10, 3, 10, 4), (x.Rows, x.Columns, y.Rows, y.Columns));
        Assert.Equal(a.Sample(10, 1).X.Column(0), x.Column(0));
    }

    [Fact]
    public void GaussianEstimator_ConcatenatedPairs_n100000_WithinSamplingTolerance()
    {
        // Independent pairs with ρ = 0.6 and 0.3: sd ≈ √((0.36 + 0.09)/n) ≈ 0.0021 nats, bias ≈ dx·dy/(2n) = 2e-5;
        // 0.011 is over five standard deviations.
        var task = new IndependentConcatenation(MultivariateNormalTask.CorrelatedPair(0.6), MultivariateNormalTask.CorrelatedPair(0.3));
        var (x, y) = task.Sample(100_000, 5);
        double estimate = new GaussianMutualInformation().Estimate(x, y).Nats;
        Assert.InRange(estimate, task.TrueMutualInformation.Nats - 0.011, task.TrueMutualInformation.Nats + 0.011);
    }

    [Fact]
    public void Constructor_Null_Throws()
    {
        Assert.Equal("second", Assert.Throws<ArgumentNullException>(() => new IndependentConcatenation(MultivariateNormalTask.CorrelatedPair(0.1), null!)).ParamName);
    }
}
