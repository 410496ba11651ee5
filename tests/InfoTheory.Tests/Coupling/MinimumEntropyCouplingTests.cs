using InfoTheory.Coupling;
using InfoTheory.Measures;

namespace InfoTheory.Tests.Coupling;

public sealed class MinimumEntropyCouplingTests
{
    [Fact]
    public void Greedy_HalfAndThirds_HandComputed()
    {
        // p = (1/2, 1/2), q = (1/3, 1/3, 1/3). Greedy atoms: 1/3 at (0,0), 1/3 at (1,1), then 1/6 at (0,2) and (1,2):
        // H = (2/3) log2 3 + (1/3) log2 6 bits. Meet of p and q: prefix sums min(1/2, 1/3), min(1, 2/3), 1 → (1/3, 1/3, 1/3).
        CouplingResult result = MinimumEntropyCoupling.Greedy([0.5, 0.5], [1 / 3.0, 1 / 3.0, 1 / 3.0]);
        Assert.Equal((2.0 / 3 * Math.Log2(3)) + (1.0 / 3 * Math.Log2(6)), result.Entropy.Bits, 1e-12);
        Assert.Equal(Math.Log2(3), result.LowerBound.Bits, 1e-12);
        Assert.Equal(4, result.Atoms.Count);
    }

    [Fact]
    public void Greedy_IdenticalMarginals_IsTheDiagonal()
    {
        double[] p = [0.4, 0.3, 0.2, 0.1];
        CouplingResult result = MinimumEntropyCoupling.Greedy(p, p, p);
        Assert.Equal(Entropy.Shannon(p).Nats, result.Entropy.Nats, 1e-15);
        Assert.Equal(result.LowerBound.Nats, result.Entropy.Nats, 1e-15);
        Assert.All(result.Atoms, atom => Assert.True(atom.Indices[0] == atom.Indices[1] && atom.Indices[1] == atom.Indices[2]));
    }

    [Theory]
    [InlineData(2, 5)]
    [InlineData(2, 30)]
    [InlineData(3, 8)]
    [InlineData(4, 6)]
    public void Greedy_RandomMarginals_KeepsMarginalsAndStaysWithinOneBitOfTheLowerBound(int count, int size)
    {
        var random = new Random((count * 100) + size);
        for (int trial = 0; trial < 20; trial++)
        {
            double[][] marginals = new double[count][];
            for (int k = 0; k < count; k++)
            {
                marginals[k] = TestData.PositivePmf(random, size + k);
            }

            CouplingResult result = MinimumEntropyCoupling.Greedy(marginals);
            for (int k = 0; k < count; k++)
            {
                double[] recovered = result.Marginal(k);
                for (int i = 0; i < recovered.Length; i++)
                {
                    // Each outcome's mass is split over at most Σ|p| atoms by exact subtraction steps.
                    Assert.Equal(marginals[k][i], recovered[i], 1e-13);
                }

                Assert.True(result.LowerBound.Nats >= Entropy.Shannon(marginals[k]).Nats - 1e-12);
            }

            Assert.True(result.Entropy.Nats >= result.LowerBound.Nats - 1e-12);
            Assert.True(result.Entropy.Bits <= result.LowerBound.Bits + 1.0, $"trial {trial}: {result.Entropy.Bits} vs bound {result.LowerBound.Bits}");
        }
    }

    [Fact]
    public void ToJointDistribution_MatchesTheAtoms()
    {
        CouplingResult result = MinimumEntropyCoupling.Greedy([0.5, 0.5], [0.25, 0.75]);
        JointDistribution joint = result.ToJointDistribution();
        Assert.Equal(result.Entropy.Nats, Entropy.Joint(joint).Nats, 1e-15);
        Assert.Equal([0.25, 0.75], joint.Marginal(1));
        // Mutual information of the coupling = H(p) + H(q) − H(joint): maximal among couplings found.
        Assert.True(MutualInformation.Of(joint).Nats > 0);
    }

    [Fact]
    public void BadInput_Throws()
    {
        Assert.Equal("marginals", Assert.Throws<ArgumentException>(() => MinimumEntropyCoupling.Greedy([0.5, 0.5])).ParamName);
        Assert.Equal("marginals", Assert.Throws<ArgumentException>(() => MinimumEntropyCoupling.Greedy([0.5, 0.5], [0.5, 0.6])).ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => MinimumEntropyCoupling.Greedy([1.0], [1.0]).Marginal(2));
    }
}
