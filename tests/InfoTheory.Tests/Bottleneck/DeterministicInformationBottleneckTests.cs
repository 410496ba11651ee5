using InfoTheory.Bottleneck;
using InfoTheory.Measures;

namespace InfoTheory.Tests.Bottleneck;

/// <summary>The deterministic IB (Strouse &amp; Schwab 2017).</summary>
public sealed class DeterministicInformationBottleneckTests
{
    private static readonly DeterministicInformationBottleneck Solver = new() { Restarts = 6, Seed = 11 };

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(5.0)]
    [InlineData(50.0)]
    public void Solve_AnyBeta_EncoderIsZeroOne_AndCompressionIsClusterEntropy(double beta)
    {
        JointDistribution joint = BottleneckJoints.Random(21);
        InformationBottleneckResult result = Solver.Solve(joint, 4, beta);
        Assert.True(result.Converged);
        Assert.Equal(0.0, result.Residual);
        double[] encoder = result.Encoder.ToArray();
        Assert.All(encoder, value => Assert.True(value is 0.0 or 1.0));
        for (int x = 0; x < 8; x++)
        {
            Assert.Equal(1.0, encoder.AsSpan(x * 4, 4).ToArray().Sum());
        }

        // A hard encoder has H(T|X) = 0, so I(X;T) = H(T); both are sums of the same logs, equal to rounding.
        Assert.Equal(result.ClusterEntropy.Nats, result.Compression.Nats, 1e-12);
        Assert.Equal(result.ClusterEntropy.Nats - (beta * result.Relevance.Nats), result.Objective.Nats, 1e-12);
        Assert.True(result.Relevance.Nats <= MutualInformation.Of(joint).Nats + 1e-12);
        Assert.True(result.Relevance.Nats <= result.Compression.Nats + 1e-12);
    }

    [Fact]
    public void Solve_BetaZero_OneCluster()
    {
        // β = 0 leaves only −H(T) to minimise: every x joins the heaviest cluster after one step.
        InformationBottleneckResult result = Solver.Solve(BottleneckJoints.Random(22), 4, 0);
        Assert.Equal(0.0, result.ClusterEntropy.Nats, 1e-15);
        Assert.Equal(0.0, result.Relevance.Nats, 1e-15);
    }

    [Fact]
    public void Solve_FixedPoint_EveryXAtItsArgmax()
    {
        JointDistribution joint = BottleneckJoints.Random(23);
        const double Beta = 10;
        InformationBottleneckResult result = Solver.Solve(joint, 3, Beta);
        double[] encoder = result.Encoder.ToArray(), pt = result.ClusterMarginal.ToArray(), decoder = result.Decoder.ToArray();
        double[] px = joint.Marginal(0);
        for (int x = 0; x < 8; x++)
        {
            double[] conditional = Enumerable.Range(0, 4).Select(y => joint[x, y] / px[x]).ToArray();
            double[] score = Enumerable.Range(0, 3).Select(t => pt[t] == 0 ? double.NegativeInfinity
                : Math.Log(pt[t]) - (Beta * Divergence.KullbackLeibler(conditional, decoder.AsSpan(t * 4, 4)).Nats)).ToArray();
            int chosen = Array.IndexOf(encoder, 1.0, x * 3, 3) - (x * 3);
            Assert.Equal(score.Max(), score[chosen]);
        }
    }

    [Fact]
    public void Solve_LargeBeta_EnoughClusters_KeepsAllInformation()
    {
        // At β = 1e4 splitting any two distinct p(y|x) gains β·ΔI(T;Y) ≫ the ΔH(T) it costs, so the fixed point is T = X.
        JointDistribution joint = BottleneckJoints.Random(24);
        InformationBottleneckResult result = Solver.Solve(joint, 8, 1e4);
        Assert.Equal(MutualInformation.Of(joint).Nats, result.Relevance.Nats, 1e-12);
    }

    [Fact]
    public void Solve_SameSeed_SameResult()
    {
        JointDistribution joint = BottleneckJoints.Random(25);
        InformationBottleneckResult a = new DeterministicInformationBottleneck { Seed = 5 }.Solve(joint, 3, 6);
        InformationBottleneckResult b = new DeterministicInformationBottleneck { Seed = 5 }.Solve(joint, 3, 6);
        Assert.Equal(a.Encoder.ToArray(), b.Encoder.ToArray());
        Assert.Equal(a.Objective, b.Objective);
    }
}
