using InfoTheory.Language;

namespace InfoTheory.Tests.Language;

public sealed class SemanticEntropyTests
{
    [Fact]
    public void AllEquivalent_IsZero_AllDistinct_IsLogN()
    {
        int[] one = SemanticEntropy.ClusterGreedy(5, (_, _) => true);
        Assert.Equal([0, 0, 0, 0, 0], one);
        Assert.Equal(0, SemanticEntropy.Discrete(one).Nats);
        Assert.Equal(0, SemanticEntropy.FromClusters([-1, -2, -3, -0.5, -7], one).Nats);

        int[] distinct = SemanticEntropy.ClusterGreedy(5, (_, _) => false);
        Assert.Equal([0, 1, 2, 3, 4], distinct);
        Assert.Equal(Math.Log(5), SemanticEntropy.Discrete(distinct).Nats, 14);
        // Equal sequence probabilities: five equally likely meanings.
        Assert.Equal(Math.Log(5), SemanticEntropy.FromClusters([-4.0, -4.0, -4.0, -4.0, -4.0], distinct).Nats, 14);
    }

    [Fact]
    public void HandComputed_WeightedAndDiscrete()
    {
        // Answers "Paris", "It's Paris", "Lyon" with p = 0.5, 0.2, 0.3: clusters {0, 1} and {2}.
        string[] answers = ["Paris", "It's Paris", "Lyon"];
        int[] clusters = SemanticEntropy.ClusterGreedy(3, (i, j) => answers[i].Contains("Paris", StringComparison.Ordinal) == answers[j].Contains("Paris", StringComparison.Ordinal));
        Assert.Equal([0, 0, 1], clusters);

        // Weighted: p(C0) = 0.7, p(C1) = 0.3 → −0.7 ln 0.7 − 0.3 ln 0.3.
        double expected = -(0.7 * Math.Log(0.7)) - (0.3 * Math.Log(0.3));
        Assert.Equal(expected, SemanticEntropy.FromClusters([Math.Log(0.5), Math.Log(0.2), Math.Log(0.3)], clusters).Nats, 14);
        // Probabilities are normalised over the sampled answers: scaling all by 10⁻³⁰⁰ (long answers) changes nothing.
        Assert.Equal(expected, SemanticEntropy.FromClusters([Math.Log(0.5) - 690, Math.Log(0.2) - 690, Math.Log(0.3) - 690], clusters).Nats, 12);
        // Discrete: frequencies 2/3 and 1/3.
        Assert.Equal(-(2.0 / 3 * Math.Log(2.0 / 3)) - (1.0 / 3 * Math.Log(1.0 / 3)), SemanticEntropy.Discrete(clusters).Nats, 14);
        // An answer with probability 0 (−∞) carries no weight: {0.5} vs {0.5} → ln 2.
        Assert.Equal(Math.Log(2), SemanticEntropy.FromClusters([Math.Log(0.5), double.NegativeInfinity, Math.Log(0.5)], [0, 1, 2]).Nats, 14);
    }

    [Fact]
    public void NonTransitiveRelation_GreedyDependsOnRepresentative_TransitiveJoinsChains()
    {
        // 0 ~ 1 and 1 ~ 2 but not 0 ~ 2. Greedy compares 2 with the representative 0 only → a new cluster;
        // the transitive closure joins the chain into one cluster.
        bool Eq(int i, int j) => Math.Abs(i - j) == 1;
        Assert.Equal([0, 0, 1], SemanticEntropy.ClusterGreedy(3, Eq));
        Assert.Equal([0, 0, 0], SemanticEntropy.ClusterTransitive(3, Eq));
        // Same residue mod 3: {0, 3}, {1, 4}, {2}, numbered by first appearance.
        Assert.Equal([0, 1, 2, 0, 1], SemanticEntropy.ClusterTransitive(5, (i, j) => i % 3 == j % 3));
        Assert.Empty(SemanticEntropy.ClusterTransitive(0, Eq));
    }

    [Fact]
    public void BadInput_Throws()
    {
        Assert.Equal("count", Assert.Throws<ArgumentOutOfRangeException>(() => SemanticEntropy.ClusterGreedy(-1, (_, _) => true)).ParamName);
        Assert.Equal("equivalent", Assert.Throws<ArgumentNullException>(() => SemanticEntropy.ClusterTransitive(2, null!)).ParamName);
        Assert.Equal("clusters", Assert.Throws<ArgumentException>(() => SemanticEntropy.Discrete([0, -1])).ParamName);
        Assert.Equal("clusters", Assert.Throws<ArgumentException>(() => SemanticEntropy.FromClusters([-1.0], [0, 1])).ParamName);
        Assert.Equal("sequenceLogProbs", Assert.Throws<ArgumentException>(() => SemanticEntropy.FromClusters([double.NaN, -1], [0, 1])).ParamName);
        Assert.Equal("sequenceLogProbs", Assert.Throws<ArgumentException>(() => SemanticEntropy.FromClusters([double.NegativeInfinity], [0])).ParamName);
        Assert.Equal(0, SemanticEntropy.Discrete([]).Nats);
    }

    [Fact]
    public void SparseClusterIds_AreJustLabels()
    {
        // Two answers in one cluster and one in another, whatever the ids: −(⅔ ln ⅔ + ⅓ ln ⅓) for the discrete form;
        // with log-probabilities ln 0.5, ln 0.25 and ln 0.25 the weighted form gives masses ¾ and ¼.
        double expected = -((2.0 / 3 * Math.Log(2.0 / 3)) + (1.0 / 3 * Math.Log(1.0 / 3)));
        Assert.Equal(expected, SemanticEntropy.Discrete([int.MaxValue, int.MaxValue, 5]).Nats, 14);
        Assert.Equal(expected, SemanticEntropy.Discrete([0, 0, 1]).Nats, 14);
        double weighted = -((0.75 * Math.Log(0.75)) + (0.25 * Math.Log(0.25)));
        Assert.Equal(weighted, SemanticEntropy.FromClusters([Math.Log(0.5), Math.Log(0.25), Math.Log(0.25)], [1_000_000_007, int.MaxValue, 1_000_000_007]).Nats, 14);
    }
}
