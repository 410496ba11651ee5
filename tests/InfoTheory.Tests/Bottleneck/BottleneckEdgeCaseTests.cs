using InfoTheory.Bottleneck;
using InfoTheory.Measures;

namespace InfoTheory.Tests.Bottleneck;

/// <summary>Joints with impossible x's and y's, and clusters beyond |X|.</summary>
public sealed class BottleneckEdgeCaseTests
{
    // x2 and y1 have probability 0: p(y|x2) falls back to p(y) and influences nothing.
    private static readonly JointDistribution Sparse = JointDistribution.FromTable(new double[,]
    {
        { 0.30, 0, 0.05 },
        { 0.05, 0, 0.25 },
        { 0, 0, 0 },
        { 0.15, 0, 0.20 },
    });

    private static void AssertWellFormed(InformationBottleneckResult result, int nx)
    {
        int t = result.Clusters;
        double[] encoder = result.Encoder.ToArray(), decoder = result.Decoder.ToArray();
        Assert.All(encoder, value => Assert.True(double.IsFinite(value)));
        Assert.All(decoder, value => Assert.True(double.IsFinite(value)));
        for (int x = 0; x < nx; x++)
        {
            Assert.Equal(1.0, encoder.AsSpan(x * t, t).ToArray().Sum(), 1e-12);
        }

        Assert.True(result.Objective.IsFinite);
        Assert.True(result.Relevance.Nats <= MutualInformation.Of(Sparse).Nats + 1e-12);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(3.0)]
    [InlineData(100.0)]
    public void AllSolvers_ZeroRowAndColumn_FiniteResults(double beta)
    {
        AssertWellFormed(new IterativeInformationBottleneck { Restarts = 2 }.Solve(Sparse, 3, beta), 4);
        AssertWellFormed(new DeterministicInformationBottleneck { Restarts = 2 }.Solve(Sparse, 3, beta), 4);
        AssertWellFormed(AgglomerativeInformationBottleneck.Solve(Sparse, 2), 4);
    }

    [Fact]
    public void Iterative_MoreClustersThanX_RelevanceStillBounded()
    {
        InformationBottleneckResult result = new IterativeInformationBottleneck { Restarts = 2 }.Solve(Sparse, 7, 50);
        AssertWellFormed(result, 4);
        Assert.Equal(7, result.Clusters);
    }
}
