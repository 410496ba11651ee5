using FsCheck;
using FsCheck.Xunit;
using InfoTheory.Bottleneck;
using InfoTheory.Measures;

namespace InfoTheory.Tests.Bottleneck;

/// <summary>Data processing along Y ↔ X ↔ T for every solver on random joints: I(T;Y) ≤ I(X;Y) and I(T;Y) ≤ I(X;T).</summary>
public sealed class BottleneckProperties
{
    // Both inequalities are exact for the returned (p(t|x), p(t), p(y|t)); 1e-12 nats covers rounding in the KL sums.
    private const double Slack = 1e-12;

    private static void AssertDataProcessing(JointDistribution joint, InformationBottleneckResult result)
    {
        Assert.True(result.Relevance.Nats <= MutualInformation.Of(joint).Nats + Slack);
        Assert.True(result.Relevance.Nats <= result.Compression.Nats + Slack);
        Assert.True(result.Compression.Nats <= result.ClusterEntropy.Nats + Slack);
        Assert.True(result.Relevance.Nats >= -Slack);
    }

    [Property(MaxTest = 25)]
    public void AllSolvers_RandomJoint_ObeyDataProcessing(int seed, PositiveInt clusters, NonNegativeInt betaTenths)
    {
        JointDistribution joint = BottleneckJoints.Random(seed, 5, 3);
        int t = (clusters.Get % 6) + 1;
        double beta = betaTenths.Get % 300 / 10.0;
        AssertDataProcessing(joint, new IterativeInformationBottleneck { Restarts = 2, Seed = seed }.Solve(joint, t, beta));
        AssertDataProcessing(joint, new DeterministicInformationBottleneck { Restarts = 2, Seed = seed }.Solve(joint, t, beta));
        AssertDataProcessing(joint, AgglomerativeInformationBottleneck.Solve(joint, Math.Min(t, 5)));
    }
}
