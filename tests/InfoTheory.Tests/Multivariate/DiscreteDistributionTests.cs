using InfoTheory.Measures;
using InfoTheory.Multivariate;

namespace InfoTheory.Tests.Multivariate;

public sealed class DiscreteDistributionTests
{
    private static readonly DiscreteDistribution Xor = DiscreteDistribution.Uniform(["000", "011", "101", "110"], ["a", "b", "t"]);

    [Fact]
    public void Create_MergesRepeatsAndDropsZeros_KeepingFirstAppearanceOrder()
    {
        var d = DiscreteDistribution.Create([[1, 0], [0, 1], [1, 0], [1, 1]], [0.25, 0.5, 0.25, 0.0]);
        Assert.Equal(2, d.OutcomeCount);
        Assert.Equal([1, 0], d.Outcome(0).ToArray());
        Assert.Equal(0.5, d[1, 0]);
        Assert.Equal(0.5, d[0, 1]);
        Assert.Equal(0.0, d[1, 1]);
        Assert.Equal([2, 2], d.AlphabetSizes.ToArray());
    }

    [Fact]
    public void Create_BadInput_NamesTheParameter()
    {
        Assert.Equal("probabilities", Assert.Throws<ArgumentException>(() => DiscreteDistribution.Create([[0], [1]], [0.5, 0.6])).ParamName);
        Assert.Equal("probabilities", Assert.Throws<ArgumentException>(() => DiscreteDistribution.Create([[0], [1]], [0.5])).ParamName);
        Assert.Equal("outcomes", Assert.Throws<ArgumentException>(() => DiscreteDistribution.Create([[0], [1, 0]], [0.5, 0.5])).ParamName);
        Assert.Equal("outcomes", Assert.Throws<ArgumentException>(() => DiscreteDistribution.Create([[0], [-1]], [0.5, 0.5])).ParamName);
        Assert.Equal("names", Assert.Throws<ArgumentException>(() => DiscreteDistribution.Create([[0, 1]], [1.0], ["a", "a"])).ParamName);
        Assert.Equal("alphabetSizes", Assert.Throws<ArgumentException>(() => DiscreteDistribution.Create([[0, 3]], [1.0], null, [2, 3])).ParamName);
        Assert.Equal("outcomes", Assert.Throws<ArgumentException>(() => DiscreteDistribution.FromStrings(["0A"], [1.0])).ParamName);
        Assert.Equal("outcomes", Assert.Throws<ArgumentException>(() => DiscreteDistribution.Uniform(["01", "01"])).ParamName);
        Assert.Throws<ArgumentNullException>(() => DiscreteDistribution.Create(null!, [1.0]));
        Assert.Equal("index", Assert.Throws<ArgumentOutOfRangeException>(() => Xor.Outcome(4)).ParamName);
        Assert.Equal("outcome", Assert.Throws<ArgumentException>(() => Xor[0, 1]).ParamName);
    }

    [Fact]
    public void Create_DoesNotKeepTheCallersArrays()
    {
        int[] outcome = [0, 1];
        double[] p = [1.0];
        var d = DiscreteDistribution.Create([outcome], p);
        outcome[0] = 5;
        p[0] = 0.5;
        Assert.Equal(1.0, d[0, 1]);
    }

    [Fact]
    public void Marginal_OfXor_IsUniformOnEachPair()
    {
        DiscreteDistribution ab = Xor.Marginal(0, 1);
        Assert.Equal(4, ab.OutcomeCount);
        Assert.Equal(["a", "b"], ab.Names);
        Assert.All(ab.Probabilities.ToArray(), p => Assert.Equal(0.25, p));
        DiscreteDistribution t = Xor.Marginal("t");
        Assert.Equal(0.5, t[0]);
        Assert.Equal(0.5, t[1]);
    }

    [Fact]
    public void Condition_OfXorOnTheTarget_MakesTheSourcesEqualOrOpposite()
    {
        DiscreteDistribution given1 = Xor.Condition([2], [1]);
        Assert.Equal(["a", "b"], given1.Names);
        Assert.Equal(0.5, given1[0, 1]);
        Assert.Equal(0.5, given1[1, 0]);
        Assert.Equal(0.0, given1[0, 0]);
        Assert.Equal("values", Assert.Throws<ArgumentException>(() => Xor.Condition([2], [7])).ParamName);
    }

    [Fact]
    public void Coalesce_TwoSourcesIntoOne_KeepsTheMutualInformationWithTheTarget()
    {
        DiscreteDistribution st = Xor.Coalesce([0, 1], [2]);
        Assert.Equal(["a+b", "t"], st.Names);
        Assert.Equal(4, st.AlphabetSizes[0]);
        // I((A,B); T) = H(T) = 1 bit for XOR.
        Assert.Equal(1.0, st.MutualInformation([0], [1]).Bits, 12);
        Assert.Equal("groups", Assert.Throws<ArgumentException>(() => Xor.Coalesce([0, 1], [1, 2])).ParamName);
    }

    [Fact]
    public void Entropy_AndMutualInformation_OfXor()
    {
        Assert.Equal(2.0, Xor.Entropy().Bits, 12);
        Assert.Equal(0.0, Xor.MutualInformation([0], [2]).Bits, 12);
        Assert.Equal(1.0, Xor.MutualInformation([0], [2], [1]).Bits, 12);
        Assert.Equal(0.0, Xor.EntropyNats([]));
        Assert.Equal("variables", Assert.Throws<ArgumentException>(() => Xor.EntropyNats([0, 0])).ParamName);
        Assert.Equal("b", Assert.Throws<ArgumentException>(() => Xor.MutualInformation([0], [0])).ParamName);
    }

    [Fact]
    public void FromJoint_AgreesWithTheDenseMeasures()
    {
        var joint = JointDistribution.FromTable(new double[,,] { { { 0.1, 0.0 }, { 0.2, 0.1 } }, { { 0.0, 0.3 }, { 0.15, 0.15 } } });
        var d = DiscreteDistribution.FromJoint(joint);
        Assert.Equal(6, d.OutcomeCount);
        Assert.Equal(0.3, d[1, 0, 1]);
        Assert.Equal(Entropy.Joint(joint).Nats, d.Entropy().Nats, 14);
        Assert.Equal(MutualInformation.Conditional(joint).Nats, d.MutualInformation([0], [1], [2]).Nats, 14);
    }

    [Fact]
    public void FromSamples_IsTheEmpiricalDistribution()
    {
        var d = DiscreteDistribution.FromSamples([[0, 0, 1, 1, 1], [2, 2, 0, 0, 0]], ["x", "y"]);
        Assert.Equal(2, d.OutcomeCount);
        Assert.Equal(0.4, d[0, 2], 15);
        Assert.Equal(0.6, d[1, 0], 15);
        Assert.Equal("variables", Assert.Throws<ArgumentException>(() => DiscreteDistribution.FromSamples([[0, 1], [0]])).ParamName);
    }

    [Fact]
    public void GiantBit_ManyVariables_StoresTwoOutcomes()
    {
        // 40 copies of one fair bit: 2 outcomes, not 2^40 cells; H = 1 bit, every marginal 1 bit.
        var d = DiscreteDistribution.Uniform([new string('0', 40), new string('1', 40)]);
        Assert.Equal(2, d.OutcomeCount);
        Assert.Equal(1.0, d.Entropy().Bits, 12);
        Assert.Equal(1.0, d.Entropy(Enumerable.Range(0, 40).Where(i => i % 3 == 0).ToArray()).Bits, 12);
    }

    [Fact]
    public void Create_NormalisesExtremeWeightsWithoutOverflowOrLoss()
    {
        // Two weights of 1e308 (their sum overflows) are 1/2 each; 5e-324 and 1.5e-323 (subnormal) are 1/4 and 3/4.
        DiscreteDistribution large = DiscreteDistribution.Create([[0], [1]], [1e308, 1e308], normalize: true);
        Assert.Equal(0.5, large[0], 1e-15);
        Assert.Equal(0.5, large[1], 1e-15);
        DiscreteDistribution tiny = DiscreteDistribution.Create([[0], [1]], [5e-324, 1.5e-323], normalize: true);
        Assert.Equal(0.25, tiny[0], 1e-15);
        Assert.Equal(0.75, tiny[1], 1e-15);
    }
}
