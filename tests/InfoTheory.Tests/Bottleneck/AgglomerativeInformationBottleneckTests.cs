using InfoTheory.Bottleneck;
using InfoTheory.Measures;

namespace InfoTheory.Tests.Bottleneck;

/// <summary>The agglomerative IB (Slonim &amp; Tishby 1999).</summary>
public sealed class AgglomerativeInformationBottleneckTests
{
    [Fact]
    public void Path_AllClusters_KeepsExactlyMutualInformation()
    {
        // T = X: p(t, y) and p(t) are bitwise p(x, y) and p(x), and I(T;Y) is summed as MutualInformation.Of sums I(X;Y).
        JointDistribution joint = BottleneckJoints.Random(31);
        IReadOnlyList<InformationBottleneckResult> path = AgglomerativeInformationBottleneck.Path(joint);
        Assert.Equal(8, path.Count);
        Assert.Equal(8, path[0].Clusters);
        Assert.Equal(MutualInformation.Of(joint).Nats, path[0].Relevance.Nats);
        Assert.Equal(1, path[^1].Clusters);
        Assert.Equal(0.0, path[^1].Relevance.Nats);
        Assert.Equal(0.0, path[^1].Compression.Nats);
    }

    [Fact]
    public void Path_Merging_RelevanceNonIncreasing_AndEncodersHard()
    {
        // Merging is a function of T, so I(T;Y) cannot grow (data processing); 1e-15 allows for rounding in the sums.
        JointDistribution joint = BottleneckJoints.Random(32);
        IReadOnlyList<InformationBottleneckResult> path = AgglomerativeInformationBottleneck.Path(joint);
        for (int k = 1; k < path.Count; k++)
        {
            Assert.Equal(8 - k, path[k].Clusters);
            Assert.True(path[k].Relevance.Nats <= path[k - 1].Relevance.Nats + 1e-15);
            Assert.True(path[k].Compression.Nats <= path[k - 1].Compression.Nats + 1e-15);
            Assert.True(path[k].Relevance.Nats <= path[k].Compression.Nats + 1e-12);
            Assert.All(path[k].Encoder.ToArray(), value => Assert.True(value is 0.0 or 1.0));
        }
    }

    [Fact]
    public void Path_IdenticalConditionals_MergeFirstAtNoLoss()
    {
        // x0 and x3 have the same p(y|x): their JS divergence is 0, every other pair's is positive, so they merge first
        // and I(T;Y) stays I(X;Y) (up to rounding in m = (p(x0, ·) + p(x3, ·)) / (p(x0) + p(x3)), 1e-15).
        JointDistribution joint = BottleneckJoints.Structured();
        InformationBottleneckResult five = AgglomerativeInformationBottleneck.Solve(joint, 5);
        double[] encoder = five.Encoder.ToArray();
        int ClusterOf(int x) => Array.IndexOf(encoder, 1.0, x * 5, 5) - (x * 5);
        Assert.Equal(ClusterOf(0), ClusterOf(3));
        Assert.Equal(5, Enumerable.Range(0, 6).Select(ClusterOf).Distinct().Count());
        Assert.Equal(MutualInformation.Of(joint).Nats, five.Relevance.Nats, 1e-15);

        // Three clusters: the three groups by p(y|x).
        double[] three = AgglomerativeInformationBottleneck.Solve(joint, 3).Encoder.ToArray();
        int GroupOf(int x) => Array.IndexOf(three, 1.0, x * 3, 3) - (x * 3);
        Assert.Equal(GroupOf(0), GroupOf(3));
        Assert.Equal(GroupOf(1), GroupOf(4));
        Assert.Equal(GroupOf(2), GroupOf(5));
    }

    [Fact]
    public void Solve_MatchesPath()
    {
        JointDistribution joint = BottleneckJoints.Random(33);
        IReadOnlyList<InformationBottleneckResult> path = AgglomerativeInformationBottleneck.Path(joint);
        for (int clusters = 1; clusters <= 8; clusters++)
        {
            InformationBottleneckResult single = AgglomerativeInformationBottleneck.Solve(joint, clusters);
            Assert.Equal(path[8 - clusters].Encoder.ToArray(), single.Encoder.ToArray());
            Assert.Equal(-single.Relevance.Nats, single.Objective.Nats);
            Assert.Equal(double.PositiveInfinity, single.Beta);
        }
    }
}
