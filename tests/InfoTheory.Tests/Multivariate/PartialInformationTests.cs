using InfoTheory.Multivariate;

namespace InfoTheory.Tests.Multivariate;

public sealed class PartialInformationTests
{
    // The canonical two-source distributions, target last (Williams & Beer 2010; Bertschinger et al. 2014).
    private static readonly DiscreteDistribution Xor = DiscreteDistribution.Uniform(["000", "011", "101", "110"]);
    private static readonly DiscreteDistribution And = DiscreteDistribution.Uniform(["000", "010", "100", "111"]);
    private static readonly DiscreteDistribution Copy = DiscreteDistribution.Uniform(["000", "011", "102", "113"]);

    /// <summary>I(T; S1) for AND: H(T) − H(T | S1) = H_b(1/4) − ½ = 0.311278 bits.</summary>
    private static readonly double AndSingle = (-(0.25 * Math.Log2(0.25)) - (0.75 * Math.Log2(0.75))) - 0.5;

    public static TheoryData<string> AllMeasures => ["MMI", "Imin", "BROJA"];

    private static RedundancyMeasure Measure(string name) => name switch
    {
        "MMI" => new MinimumMutualInformationRedundancy(),
        "Imin" => new WilliamsBeerRedundancy(),
        "BROJA" => new BrojaRedundancy(),
        _ => throw new ArgumentException(name),
    };

    /// <summary>Tolerance: exact measures to rounding; BROJA to its certified gap (1e-12 nats) plus rounding.</summary>
    private const double Tolerance = 1e-9;

    [Theory]
    [MemberData(nameof(AllMeasures))]
    public void Xor_IsPureSynergy_ForEveryMeasure(string measure)
    {
        PartialInformationDecomposition pid = PartialInformation.Decompose(Xor, Measure(measure));
        Assert.Equal(0, pid.Redundancy.Bits, Tolerance);
        Assert.Equal(0, pid.Unique(0).Bits, Tolerance);
        Assert.Equal(0, pid.Unique(1).Bits, Tolerance);
        Assert.Equal(1, pid.Synergy.Bits, Tolerance);
        Assert.Equal(0, pid.SumError.Bits, 1e-12);
    }

    [Theory]
    [MemberData(nameof(AllMeasures))]
    public void And_RedundancyIsTheSingleSourceInformation(string measure)
    {
        // I_min, MMI and BROJA agree on AND: redundancy I(T;S1) = 0.311 bits, no unique information, synergy 0.5 bits.
        PartialInformationDecomposition pid = PartialInformation.Decompose(And, Measure(measure));
        Assert.Equal(AndSingle, pid.Redundancy.Bits, Tolerance);
        Assert.Equal(0, pid.Unique(0).Bits, Tolerance);
        Assert.Equal(0, pid.Unique(1).Bits, Tolerance);
        Assert.Equal(0.5, pid.Synergy.Bits, Tolerance);
        Assert.Equal(pid.MutualInformation.Bits, pid.Atoms.Sum(a => a.Bits), 1e-12);
    }

    [Fact]
    public void Copy_SplitsTheMeasures()
    {
        // COPY: I_min and MMI call the two bits redundant (redundancy 1, synergy 1); BROJA gives 1 bit unique to each.
        foreach (string measure in new[] { "MMI", "Imin" })
        {
            PartialInformationDecomposition pid = PartialInformation.Decompose(Copy, Measure(measure));
            Assert.Equal(1, pid.Redundancy.Bits, Tolerance);
            Assert.Equal(0, pid.Unique(0).Bits, Tolerance);
            Assert.Equal(1, pid.Synergy.Bits, Tolerance);
        }

        PartialInformationDecomposition broja = PartialInformation.Decompose(Copy, new BrojaRedundancy());
        Assert.Equal(0, broja.Redundancy.Bits, Tolerance);
        Assert.Equal(1, broja.Unique(0).Bits, Tolerance);
        Assert.Equal(1, broja.Unique(1).Bits, Tolerance);
        Assert.Equal(0, broja.Synergy.Bits, Tolerance);
    }

    [Fact]
    public void Broja_ReportsACertifiedGapBelowItsTolerance()
    {
        var random = new Random(2);
        for (int trial = 0; trial < 10; trial++)
        {
            var outcomes = new List<int[]>();
            var p = new List<double>();
            for (int i = 0; i < 3; i++)
            {
                for (int j = 0; j < 3; j++)
                {
                    for (int t = 0; t < 4; t++)
                    {
                        outcomes.Add([i, j, t]);
                        p.Add(random.NextDouble());
                    }
                }
            }

            var d = DiscreteDistribution.Create(outcomes, p.ToArray(), normalize: true);
            PartialInformationDecomposition pid = PartialInformation.Decompose(d, new BrojaRedundancy());
            Assert.NotNull(pid.OptimalityGap);
            Assert.InRange(pid.OptimalityGap!.Value.Nats, 0, 1e-12);
            // Non-negative atoms up to the gap (Bertschinger et al. 2014, Lemma 5), and the sum is the total MI.
            Assert.All(pid.Atoms, a => Assert.True(a.Nats > -1e-10, a.ToString()));
            Assert.Equal(pid.MutualInformation.Nats, pid.Atoms.Sum(a => a.Nats), 1e-12);
            // BROJA's unique information is at most MMI's (its redundancy at least MMI's is not guaranteed, but UI ≤ I(T;Sᵢ) − … holds):
            // UI₁ ≤ I(T; S₁ | S₂) evaluated at P, since P itself is feasible.
            double cmi = d.MutualInformation([0], [2], [1]).Nats;
            Assert.True(pid.Unique(0).Nats <= cmi + 1e-10);
        }
    }

    [Fact]
    public void Lattice_HasTheDedekindCounts_AndAMonotoneLinearOrder()
    {
        Assert.Equal(4, RedundancyLattice.Of(2).Count);
        Assert.Equal(18, RedundancyLattice.Of(3).Count);
        Assert.Equal(166, RedundancyLattice.Of(4).Count);
        Assert.Equal(7579, RedundancyLattice.Of(5).Count);   // Dedekind number M(5) = 7581, less the empty antichain and {∅}
        RedundancyLattice three = RedundancyLattice.Of(3);
        Assert.Equal("{1}{2}{3}", three.Format(0));
        Assert.Equal("{123}", three.Format(three.Count - 1));
        for (int i = 0; i < three.Count; i++)
        {
            Assert.All(three.Below(i).ToArray(), j => Assert.True(j < i));
        }

        Assert.Equal("sources", Assert.Throws<ArgumentOutOfRangeException>(() => RedundancyLattice.Of(1)).ParamName);
    }

    [Fact]
    public void Decompose_BadInput_NamesTheParameter()
    {
        Assert.Equal("sources", Assert.Throws<ArgumentException>(() => PartialInformation.Decompose(Xor, [0], 2, new MinimumMutualInformationRedundancy())).ParamName);
        DiscreteDistribution four = DiscreteDistribution.Uniform(["0000", "0111", "1011", "1101"]);
        Assert.Equal("sources", Assert.Throws<ArgumentException>(() => PartialInformation.Decompose(four, [0, 1, 2], 3, new BrojaRedundancy())).ParamName);
        Assert.Equal("GapTolerance", Assert.Throws<ArgumentOutOfRangeException>(() => new BrojaRedundancy { GapTolerance = 0 }).ParamName);
        Assert.Equal("target", Assert.Throws<ArgumentException>(() => PartialInformation.Decompose(Xor, [0, 1], 1, new MinimumMutualInformationRedundancy())).ParamName);
        Assert.Equal("sources", Assert.Throws<ArgumentException>(() => PartialInformation.Decompose(Xor, [[0, 1], [1]], [2], new MinimumMutualInformationRedundancy())).ParamName);
        Assert.Equal("sources", Assert.Throws<ArgumentOutOfRangeException>(() => PartialInformation.Decompose(Xor, [0, 7], 2, new MinimumMutualInformationRedundancy())).ParamName);
        Assert.Equal("target", Assert.Throws<ArgumentOutOfRangeException>(() => PartialInformation.Decompose(Xor, [0, 1], -1, new MinimumMutualInformationRedundancy())).ParamName);
    }
}
