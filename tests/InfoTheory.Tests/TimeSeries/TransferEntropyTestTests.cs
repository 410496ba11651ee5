using InfoTheory.Continuous;
using InfoTheory.TimeSeries;

namespace InfoTheory.Tests.TimeSeries;

/// <summary>The surrogate significance test of transfer entropy.</summary>
public sealed class TransferEntropyTestTests
{
    private static readonly TransferEntropy Gaussian = new(new GaussianConditionalMutualInformation());

    [Theory]
    [InlineData(TransferEntropySurrogates.PermuteSource)]
    [InlineData(TransferEntropySurrogates.CircularShift)]
    public void CoupledProcess_IsSignificant_AndTheReverseDirectionIsNot(TransferEntropySurrogates scheme)
    {
        // Y_t = 0.5 Y_{t−1} + 0.6 X_{t−1} + ε: T(X → Y) = ½ ln(1 + 0.36) ≈ 0.15 nats at n = 1000, far beyond any
        // surrogate; T(Y → X) = 0, so its p-value is uniform under H₀ (this seed gives a value well inside (0, 1)).
        (double[] x, double[] y) = TimeSeriesData.LinearCoupled(1000, 0.5, 0.6, seed: 4);
        var forward = Gaussian.Test(x, y, 199, scheme, seed: 1);
        Assert.Equal(1.0 / 200, forward.PValue, 1e-15);
        Assert.Equal(Gaussian.Estimate(x, y).Nats, forward.Observed.Nats);
        Assert.True(forward.NullDistribution.ToArray().Max() < forward.Observed.Nats);

        var reverse = Gaussian.Test(y, x, 199, scheme, seed: 1);
        Assert.True(reverse.PValue > 0.05, $"reverse p = {reverse.PValue}");
    }

    [Fact]
    public void Surrogates_StayWithinTheirTrial_AndAreDeterministic()
    {
        (double[] x, double[] y) = TimeSeriesData.LinearCoupled(600, 0.5, 0.6, seed: 9);
        SampleMatrix[] sources = [SampleMatrix.FromRowMajor(x.AsSpan(0, 300), 1), SampleMatrix.FromRowMajor(x.AsSpan(300), 1)];
        SampleMatrix[] targets = [SampleMatrix.FromRowMajor(y.AsSpan(0, 300), 1), SampleMatrix.FromRowMajor(y.AsSpan(300), 1)];
        var all = Gaussian.Test(sources, targets, null, 50, seed: 3);
        var one = Gaussian.Test(sources, targets, null, 50, seed: 3, maxDegreeOfParallelism: 1);
        Assert.Equal(all.NullDistribution.ToArray(), one.NullDistribution.ToArray());
        Assert.Equal(Gaussian.Estimate(sources, targets).Nats, all.Observed.Nats);
        var other = Gaussian.Test(sources, targets, null, 50, seed: 4);
        Assert.NotEqual(all.NullDistribution.ToArray(), other.NullDistribution.ToArray());
    }

    [Fact]
    public void BadInput_NamesTheParameter()
    {
        (double[] x, double[] y) = TimeSeriesData.LinearCoupled(100, 0.5, 0.6, seed: 1);
        Assert.Equal("surrogates", Assert.Throws<ArgumentOutOfRangeException>(() => Gaussian.Test(x, y, 0)).ParamName);
        Assert.Equal("scheme", Assert.Throws<ArgumentOutOfRangeException>(() => Gaussian.Test(x, y, 10, (TransferEntropySurrogates)7)).ParamName);
        Assert.Equal("target", Assert.Throws<ArgumentException>(() => Gaussian.Test(x, y.AsSpan(0, 50), 10)).ParamName);
    }
}
