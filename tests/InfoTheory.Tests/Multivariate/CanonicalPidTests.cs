using InfoTheory.Multivariate;
using InfoTheory.Testing;

namespace InfoTheory.Tests.Multivariate;

/// <summary>
/// Every redundancy measure on the canonical two-source distributions against the published atoms (bits: redundancy,
/// unique S₁, unique S₂, synergy): Williams &amp; Beer 2010, Bertschinger et al. 2014, Ince 2017 (CCS, its Table 1–5),
/// James, Emenheiser &amp; Crutchfield 2018 (I_dep), Makkeh, Gutknecht &amp; Wibral 2021 (I^sx). Values given to six
/// decimals in those papers are compared to 5e-7; exact ones (0, ½, 1, 2) to 1e-9 (BROJA's certified gap is 1e-12 nats).
/// </summary>
public sealed class CanonicalPidTests
{
    private static readonly double Log23 = Math.Log2(2.0 / 3.0);   // −0.584963
    private static readonly double Log43 = Math.Log2(4.0 / 3.0);   // 0.415037
    private static readonly double AndSingle = 0.311278;          // I(T; S₁) for AND = H_b(1/4) − ½

    public static TheoryData<string, string, double, double, double, double> Published => new()
    {
        { "XOR", "MMI", 0, 0, 0, 1 },
        { "XOR", "Imin", 0, 0, 0, 1 },
        { "XOR", "BROJA", 0, 0, 0, 1 },
        { "XOR", "CCS", 0, 0, 0, 1 },
        { "XOR", "Idep", 0, 0, 0, 1 },
        { "XOR", "Isx", Log23, -Log23, -Log23, 1 + Log23 },
        { "AND", "MMI", AndSingle, 0, 0, 0.5 },
        { "AND", "Imin", AndSingle, 0, 0, 0.5 },
        { "AND", "BROJA", AndSingle, 0, 0, 0.5 },
        { "AND", "CCS", 0.103759, 0.207519, 0.207519, 0.292481 },
        { "AND", "Idep", 0.081704, 0.229574, 0.229574, 0.270426 },
        { "AND", "Isx", 0.122556, 0.188722, 0.188722, 0.311278 },
        { "OR", "CCS", 0.103759, 0.207519, 0.207519, 0.292481 },
        { "COPY", "MMI", 1, 0, 0, 1 },
        { "COPY", "Imin", 1, 0, 0, 1 },
        { "COPY", "BROJA", 0, 1, 1, 0 },
        { "COPY", "CCS", 0, 1, 1, 0 },
        { "COPY", "Idep", 0, 1, 1, 0 },
        { "COPY", "Isx", Log43, 1 - Log43, 1 - Log43, Log43 },
        { "RDN", "MMI", 1, 0, 0, 0 },
        { "RDN", "Imin", 1, 0, 0, 0 },
        { "RDN", "BROJA", 1, 0, 0, 0 },
        { "RDN", "CCS", 1, 0, 0, 0 },
        { "RDN", "Idep", 1, 0, 0, 0 },
        { "RDN", "Isx", 1, 0, 0, 0 },
        { "UNQ", "MMI", 0, 1, 0, 0 },
        { "UNQ", "Imin", 0, 1, 0, 0 },
        { "UNQ", "BROJA", 0, 1, 0, 0 },
        { "UNQ", "CCS", 0, 1, 0, 0 },
        { "UNQ", "Idep", 0, 1, 0, 0 },
        { "UNQ", "Isx", Log43, 1 - Log43, -Log43, Log43 },
        { "RdnXor", "MMI", 1, 0, 0, 1 },
        { "RdnXor", "Imin", 1, 0, 0, 1 },
        { "RdnXor", "BROJA", 1, 0, 0, 1 },
        { "RdnXor", "CCS", 1, 0, 0, 1 },
        { "RdnXor", "Idep", 1, 0, 0, 1 },
        { "RdnXor", "Isx", Log43, 1 - Log43, 1 - Log43, Log43 },
        { "RdnUnqXor", "MMI", 2, 0, 0, 2 },
        { "RdnUnqXor", "Imin", 2, 0, 0, 2 },
        { "RdnUnqXor", "BROJA", 1, 1, 1, 1 },
        { "RdnUnqXor", "CCS", 1, 1, 1, 1 },
        { "RdnUnqXor", "Idep", 1, 1, 1, 1 },
        { "RdnUnqXor", "Isx", 1.192645, 0.807355, 0.807355, 1.192645 },
        { "XorAnd", "MMI", 0.5, 0, 0, 1 },
        { "XorAnd", "Imin", 0.5, 0, 0, 1 },
        { "XorAnd", "BROJA", 0.5, 0, 0, 1 },
        { "XorAnd", "CCS", 0, 0.5, 0.5, 0.5 },
        { "XorAnd", "Idep", 0.188722, 0.311278, 0.311278, 0.688722 },
        { "XorAnd", "Isx", -0.084963, 0.584963, 0.584963, 0.415037 },
    };

    public static RedundancyMeasure Measure(string name) => name switch
    {
        "MMI" => new MinimumMutualInformationRedundancy(),
        "Imin" => new WilliamsBeerRedundancy(),
        "BROJA" => new BrojaRedundancy(),
        "CCS" => new CommonChangeRedundancy(),
        "Idep" => new DependencyRedundancy(),
        "Isx" => new SharedExclusionRedundancy(),
        _ => throw new ArgumentException(name),
    };

    [Theory]
    [MemberData(nameof(Published))]
    public void Atoms_MatchThePublishedValues(string distribution, string measure, double redundancy, double unique1, double unique2, double synergy)
    {
        PartialInformationDecomposition pid = PartialInformation.Decompose(CanonicalDistributions.TwoSource[distribution], Measure(measure));
        double[] expected = [redundancy, unique1, unique2, synergy];
        double[] actual = [pid.Redundancy.Bits, pid.Unique(0).Bits, pid.Unique(1).Bits, pid.Synergy.Bits];
        for (int i = 0; i < 4; i++)
        {
            bool exact = Math.Abs(expected[i] * 2 - Math.Round(expected[i] * 2)) < 1e-12;
            bool derived = measure == "Isx" && distribution is "XOR" or "COPY" or "UNQ";
            double tolerance = exact || derived ? 1e-9 : 5e-7;
            Assert.True(Math.Abs(expected[i] - actual[i]) <= tolerance,
                $"{distribution} {measure} atom {i}: expected {expected[i]:F6}, got {actual[i]:F9} bits");
        }

        // The atoms sum to I(S1, S2; T) by construction; the mutual information itself is exact.
        Assert.True(Math.Abs(pid.SumError.Bits) < 1e-9);
        Assert.Equal(expected.Sum(), pid.MutualInformation.Bits, 5e-6);
    }

    [Fact]
    public void LocalSharedExclusionAtoms_AverageToTheGlobalOnes()
    {
        foreach ((string name, DiscreteDistribution d) in CanonicalDistributions.TwoSource)
        {
            PartialInformationDecomposition global = PartialInformation.Decompose(d, new SharedExclusionRedundancy());
            LocalPartialInformation local = PartialInformation.DecomposeLocal(d, [[0], [1]], [2]);
            for (int node = 0; node < global.Lattice.Count; node++)
            {
                Assert.True(Math.Abs(global.Atom(node).Bits - local.Mean(node).Bits) < 1e-12, name);
            }
        }

        // XOR: at every outcome the local redundancy is log2(2/3) (Makkeh et al. 2021, their worked example).
        LocalPartialInformation xor = PartialInformation.DecomposeLocal(CanonicalDistributions.Xor, [[0], [1]], [2]);
        for (int o = 0; o < xor.Distribution.OutcomeCount; o++)
        {
            Assert.Equal(Log23, xor.Atom(o, 0).Bits, 1e-12);
        }
    }

    [Fact]
    public void SharedExclusion_ThreeSourceParity_AtomsSumToTheInformation()
    {
        // 4-bit parity: the target is the XOR of three sources; I(S1S2S3; T) = 1 bit, every pair carries nothing.
        DiscreteDistribution parity = CanonicalDistributions.Parity(4);
        PartialInformationDecomposition pid = PartialInformation.Decompose(parity, new SharedExclusionRedundancy());
        Assert.Equal(18, pid.Lattice.Count);
        Assert.Equal(1, pid.MutualInformation.Bits, 1e-12);
        Assert.True(Math.Abs(pid.SumError.Bits) < 1e-12);
        PartialInformationDecomposition mmi = PartialInformation.Decompose(parity, new MinimumMutualInformationRedundancy());
        Assert.Equal(1, mmi.Synergy.Bits, 1e-12);
    }

    [Fact]
    public void TwoSourceOnlyMeasures_RejectThreeSources()
    {
        DiscreteDistribution parity = CanonicalDistributions.Parity(4);
        foreach (RedundancyMeasure m in new RedundancyMeasure[] { new CommonChangeRedundancy(), new DependencyRedundancy() })
        {
            Assert.Equal("sources", Assert.Throws<ArgumentException>(() => PartialInformation.Decompose(parity, m)).ParamName);
        }
    }

    [Theory]
    [InlineData("Imin")]
    [InlineData("MMI")]
    [InlineData("BROJA")]
    [InlineData("CCS")]
    [InlineData("Idep")]
    [InlineData("Isx")]
    public void RandomPmfs_AtomsSumToTheInformation_AndAreNonNegativeWhereTheMeasureGuaranteesIt(string measure)
    {
        // I_min, MMI (two sources), BROJA and I_dep have non-negative atoms by construction; CCS and I^sx need not.
        bool nonNegative = measure is "Imin" or "MMI" or "BROJA" or "Idep";
        var random = new Random(31);
        for (int trial = 0; trial < 12; trial++)
        {
            var outcomes = new List<int[]>();
            var weights = new List<double>();
            for (int a = 0; a < 3; a++)
            {
                for (int b = 0; b < 3; b++)
                {
                    for (int t = 0; t < 3; t++)
                    {
                        if (random.NextDouble() < 0.8)
                        {
                            outcomes.Add([a, b, t]);
                            weights.Add(random.NextDouble());
                        }
                    }
                }
            }

            PartialInformationDecomposition pid = PartialInformation.Decompose(DiscreteDistribution.Create(outcomes, weights.ToArray(), normalize: true), Measure(measure));
            Assert.True(Math.Abs(pid.SumError.Nats) < 1e-12, $"trial {trial}: sum error {pid.SumError.Nats}");
            if (nonNegative)
            {
                // BROJA's atoms are exact to its certified gap (1e-12 nats); the others to rounding.
                Assert.All(pid.Atoms, atom => Assert.True(atom.Nats >= -1e-10, $"trial {trial}: atom {atom.Nats}"));
            }
        }
    }
}
