using InfoTheory.RateDistortion;

namespace InfoTheory.Tests.RateDistortion;

/// <summary>Known rate-distortion functions and capacities (Cover &amp; Thomas 2006, §7.1, §10.3).</summary>
public sealed class BlahutArimotoTests
{
    private static readonly BlahutArimoto Solver = new();

    private static double Hb(double p) => p is 0 or 1 ? 0 : -(p * Math.Log2(p)) - ((1 - p) * Math.Log2(1 - p));

    [Theory]
    [InlineData(0.5, 0.1)]
    [InlineData(0.5, 0.25)]
    [InlineData(0.3, 0.05)]
    [InlineData(0.2, 0.19)]
    public void BernoulliSource_Hamming_MatchesBinaryEntropyDifference(double p, double target)
    {
        // R(D) = H_b(p) − H_b(D) bits for D ≤ min(p, 1 − p) (Cover & Thomas, Thm 10.3.1); p = 0.5, D = 0.1 → 0.5310 bits.
        RateDistortionResult result = Solver.SolveForDistortion([1 - p, p], DistortionMatrix.Hamming(2), target);
        Assert.True(result.Converged);
        Assert.Equal(target, result.Distortion, 1e-8);
        // The rate is within the duality gap (≤ 1e-10 nats) of R at the achieved D, and D within 1e-8 of the target.
        Assert.Equal(Hb(p) - Hb(target), result.Rate.Bits, 1e-7);
        Assert.True(result.Gap.Nats is >= -1e-12 and <= 1e-10);
    }

    [Fact]
    public void BernoulliSource_AboveDmax_IsZeroRate()
    {
        RateDistortionResult result = Solver.SolveForDistortion([0.7, 0.3], DistortionMatrix.Hamming(2), 0.4);
        Assert.Equal(0.0, result.Rate.Nats);
        Assert.Equal(0.3, result.Distortion, 1e-15); // always reproduce the likelier symbol
    }

    [Fact]
    public void Curve_IsMonotoneAndConvex_WithSlopeMinusBeta()
    {
        // Along increasing β: D decreases, R increases, and the chord slopes lie between −β of the endpoints.
        double[] betas = [0.5, 1, 2, 3, 4, 6];
        IReadOnlyList<RateDistortionResult> curve = Solver.Curve([0.1, 0.2, 0.3, 0.4], DistortionMatrix.Hamming(4), betas);
        for (int i = 1; i < curve.Count; i++)
        {
            Assert.True(curve[i].Distortion < curve[i - 1].Distortion);
            Assert.True(curve[i].Rate > curve[i - 1].Rate);
            double slope = (curve[i].Rate.Nats - curve[i - 1].Rate.Nats) / (curve[i].Distortion - curve[i - 1].Distortion);
            Assert.InRange(-slope, betas[i - 1] - 1e-6, betas[i] + 1e-6);
        }

        Assert.All(curve, point => Assert.True(point.Converged));
    }

    [Fact]
    public void TestChannel_RowsArePmfs_AndMarginalIsConsistent()
    {
        double[] p = [0.1, 0.2, 0.3, 0.4];
        RateDistortionResult result = Solver.Solve(p, DistortionMatrix.SquaredError([0, 1, 2, 3], [0.5, 2.5]), 2);
        double[] channel = result.TestChannel.ToArray();
        for (int x = 0; x < 4; x++)
        {
            Assert.Equal(1.0, channel[(x * 2)..((x * 2) + 2)].Sum(), 1e-12);
        }

        for (int j = 0; j < 2; j++)
        {
            double marginal = Enumerable.Range(0, 4).Sum(x => p[x] * channel[(x * 2) + j]);
            Assert.Equal(marginal, result.OutputMarginal.Span[j], 1e-9);
        }
    }

    [Theory]
    [InlineData(0.1)]
    [InlineData(0.25)]
    [InlineData(0.0)]
    public void Capacity_BinarySymmetricChannel_IsOneMinusBinaryEntropy(double epsilon)
    {
        ChannelCapacityResult result = Solver.Capacity([1 - epsilon, epsilon, epsilon, 1 - epsilon], 2);
        Assert.True(result.Converged);
        Assert.Equal(1 - Hb(epsilon), result.Capacity.Bits, 1e-9);
        // Symmetric channel: the optimal input is uniform.
        Assert.Equal(0.5, result.InputDistribution.Span[0], 1e-9);
    }

    [Fact]
    public void Capacity_ErasureAndZChannels()
    {
        // BEC(ε): 1 − ε bits. Z-channel (1 → 0 with probability 1/2): log2(1.25) = 0.3219 bits (Cover & Thomas, Problem 7.8).
        Assert.Equal(0.7, Solver.Capacity([0.7, 0.3, 0, 0, 0.3, 0.7], 3).Capacity.Bits, 1e-9);
        ChannelCapacityResult z = Solver.Capacity([1, 0, 0.5, 0.5], 2);
        Assert.Equal(Math.Log2(1.25), z.Capacity.Bits, 1e-9);
        Assert.True(z.UpperBound >= z.LowerBound);
        // The optimal input puts 2/5 on the noisy symbol.
        Assert.Equal(0.4, z.InputDistribution.Span[1], 1e-6);
    }

    [Fact]
    public void BadInput_Throws()
    {
        Assert.Equal("beta", Assert.Throws<ArgumentOutOfRangeException>(() => Solver.Solve([0.5, 0.5], DistortionMatrix.Hamming(2), -1)).ParamName);
        Assert.Equal("distortion", Assert.Throws<ArgumentException>(() => Solver.Solve([0.5, 0.5], DistortionMatrix.Hamming(3), 1)).ParamName);
        Assert.Equal("source", Assert.Throws<ArgumentException>(() => Solver.Solve([0.5, 0.6], DistortionMatrix.Hamming(2), 1)).ParamName);
        Assert.Equal("targetDistortion", Assert.Throws<ArgumentOutOfRangeException>(() => Solver.SolveForDistortion([0.5, 0.5], new DistortionMatrix([0.1, 1, 1, 0.1], 2, 2), 0.05)).ParamName);
        Assert.Equal("values", Assert.Throws<ArgumentException>(() => new DistortionMatrix([0, -1, 1, 0], 2, 2)).ParamName);
        Assert.Equal("values", Assert.Throws<ArgumentException>(() => new DistortionMatrix([0, 1, 1], 2, 2)).ParamName);
        Assert.Equal("channel", Assert.Throws<ArgumentException>(() => Solver.Capacity([0.5, 0.6, 0.5, 0.5], 2)).ParamName);
        Assert.Equal("channel", Assert.Throws<ArgumentException>(() => Solver.Capacity([0.5, 0.5, 1], 2)).ParamName);
        Assert.Equal("outputs", Assert.Throws<ArgumentOutOfRangeException>(() => Solver.Capacity([1.0], 0)).ParamName);
    }
}
