using InfoTheory.Discrete;

namespace InfoTheory.Tests.Discrete;

/// <summary>
/// Every discrete estimator swept over the invariances it claims — relabelling the symbols (a permutation of the alphabet,
/// and a map to huge sparse codes that sends the counting down its sorted path), permuting the samples, swapping X and Y —
/// and over the classes of bad input and bad settings, one theory row per estimator × input class.
/// </summary>
public sealed class DiscreteRobustnessTests
{
    private static readonly Dictionary<string, Func<DiscreteEntropyEstimator>> s_entropy = new()
    {
        ["PlugIn"] = () => new PlugInEntropy(),
        ["MillerMadow"] = () => new MillerMadowEntropy(),
        ["Grassberger"] = () => new GrassbergerEntropy(),
        ["ChaoShen"] = () => new ChaoShenEntropy(),
        ["Jackknife"] = () => new JackknifeEntropy(),
        ["JamesStein"] = () => new JamesSteinEntropy(),
        ["Dirichlet"] = () => new DirichletEntropy(),
        ["Nsb"] = () => new NsbEntropy(),
    };

    /// <summary>A seeded, skewed sample over 0..5 (symbol 5 rare), as a relabelling must move unequal counts.</summary>
    private static int[] Sample(int seed, int n = 300, int alphabet = 6)
    {
        var random = new Random(seed);
        int[] s = new int[n];
        for (int i = 0; i < n; i++)
        {
            double u = random.NextDouble();
            s[i] = Math.Min(alphabet - 1, (int)(alphabet * u * u));
        }

        return s;
    }

    private static readonly int[] s_permutation = [4, 0, 5, 2, 1, 3];

    private static int[] Relabel(int[] s, string how) => how switch
    {
        "Permutation" => [.. s.Select(v => s_permutation[v])],
        "Sparse" => [.. s.Select(v => (v * 100_000_007) + 17)],
        _ => throw new ArgumentOutOfRangeException(nameof(how)),
    };

    private static int[] Shuffle(int[] s, int seed = 99)
    {
        int[] order = [.. Enumerable.Range(0, s.Length)];
        new Random(seed).Shuffle(order);
        return [.. order.Select(i => s[i])];
    }

    /// <summary>
    /// Relative agreement 1e-12: a relabelling reorders the sums over symbols (a few ulps); NSB's numerical integration
    /// over the same count profile gets the same nodes, so the same bound holds.
    /// </summary>
    private static void AssertClose(double expected, double actual, string what) =>
        Assert.True(Math.Abs(expected - actual) <= 1e-12 * Math.Max(1, Math.Abs(expected)), $"{what}: expected {expected:R}, got {actual:R}");

    public static TheoryData<string, string> EntropyInvarianceCases()
    {
        var data = new TheoryData<string, string>();
        foreach (string name in s_entropy.Keys)
        {
            foreach (string how in (string[])["Permutation", "Sparse", "ShuffleSamples"])
            {
                data.Add(name, how);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EntropyInvarianceCases))]
    public void Entropy_RelabelOrShuffle_Unchanged(string estimator, string how)
    {
        DiscreteEntropyEstimator e = s_entropy[estimator]();
        int[] s = Sample(1);
        int[] moved = how == "ShuffleSamples" ? Shuffle(s) : Relabel(s, how);
        AssertClose(e.Estimate(s).Nats, e.Estimate(moved).Nats, $"{estimator} {how}");
    }

    private static Func<int[], int[], double> MiEstimator(string name) => name == "PlugInMutualInformation"
        ? (x, y) => new PlugInMutualInformation().Estimate(x, y).Nats
        : (x, y) => new DiscreteMutualInformation(s_entropy[name]()).Estimate(x, y).Nats;

    private static IEnumerable<string> MiNames => s_entropy.Keys.Append("PlugInMutualInformation");

    public static TheoryData<string, string> MutualInformationInvarianceCases()
    {
        var data = new TheoryData<string, string>();
        foreach (string name in MiNames)
        {
            foreach (string how in (string[])["RelabelX", "RelabelY", "SparseX", "ShuffleRows", "SwapXY"])
            {
                data.Add(name, how);
            }
        }

        return data;
    }

    /// <summary>Y depends on X (y = x or a fresh symbol half of the time), so I(X;Y) is clearly positive.</summary>
    private static (int[] X, int[] Y) Pair(int seed)
    {
        int[] x = Sample(seed), noise = Sample(seed + 1000);
        var coin = new Random(seed + 7);
        int[] y = [.. x.Select((v, i) => coin.NextDouble() < 0.5 ? v : noise[i])];
        return (x, y);
    }

    [Theory]
    [MemberData(nameof(MutualInformationInvarianceCases))]
    public void MutualInformation_RelabelShuffleOrSwap_Unchanged(string estimator, string how)
    {
        Func<int[], int[], double> mi = MiEstimator(estimator);
        (int[] x, int[] y) = Pair(2);
        double expected = mi(x, y);
        Assert.True(expected > 0.05, $"the test pair must be dependent, got {expected}");
        double actual = how switch
        {
            "RelabelX" => mi(Relabel(x, "Permutation"), y),
            "RelabelY" => mi(x, Relabel(y, "Permutation")),
            "SparseX" => mi(Relabel(x, "Sparse"), y),
            "ShuffleRows" => mi(Shuffle(x), Shuffle(y)),
            _ => mi(y, x),
        };
        AssertClose(expected, actual, $"{estimator} {how}");
    }

    public static TheoryData<string, string> ConditionalInvarianceCases()
    {
        var data = new TheoryData<string, string>();
        foreach (string name in s_entropy.Keys.Append("PlugInConditionalMutualInformation"))
        {
            foreach (string how in (string[])["RelabelX", "RelabelZ", "ShuffleRows", "SwapXY"])
            {
                data.Add(name, how);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ConditionalInvarianceCases))]
    public void ConditionalMutualInformation_RelabelShuffleOrSwap_Unchanged(string estimator, string how)
    {
        Func<int[], int[], int[], double> cmi = estimator == "PlugInConditionalMutualInformation"
            ? (x, y, z) => new PlugInConditionalMutualInformation().Estimate(x, y, z).Nats
            : (x, y, z) => new DiscreteConditionalMutualInformation(s_entropy[estimator]()).Estimate(x, y, z).Nats;
        (int[] x, int[] y) = Pair(3);
        int[] z = [.. Sample(4).Select(v => v % 3)];
        double expected = cmi(x, y, z);
        double actual = how switch
        {
            "RelabelX" => cmi(Relabel(x, "Permutation"), y, z),
            "RelabelZ" => cmi(x, y, [.. z.Select(v => 2 - v)]),
            "ShuffleRows" => cmi(Shuffle(x), Shuffle(y), Shuffle(z)),
            _ => cmi(y, x, z),
        };
        AssertClose(expected, actual, $"{estimator} {how}");
    }

    public static TheoryData<string, string> EntropyBadInputCases()
    {
        var data = new TheoryData<string, string>();
        foreach (string name in s_entropy.Keys)
        {
            foreach (string kind in (string[])["Empty", "NegativeSymbol", "SymbolNotBelowAlphabetSize", "AlphabetSizeZero", "AlphabetSizeNegative"])
            {
                data.Add(name, kind);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EntropyBadInputCases))]
    public void Entropy_BadInput_ThrowsNamingTheParameter(string estimator, string kind)
    {
        Func<DiscreteEntropyEstimator> make = s_entropy[estimator];
        (Action call, string param) = kind switch
        {
            "Empty" => ((Action)(() => make().Estimate([])), "samples"),
            "NegativeSymbol" => (() => make().Estimate([0, 1, -3, 2]), "samples"),
            "SymbolNotBelowAlphabetSize" => (() => Configure(make(), 4).Estimate([0, 1, 4]), "samples"),
            "AlphabetSizeZero" => (() => Configure(make(), 0), "AlphabetSize"),
            _ => (() => Configure(make(), -5), "AlphabetSize"),
        };
        var ex = Assert.ThrowsAny<ArgumentException>(call);
        Assert.Equal(param, ex.ParamName);
    }

    /// <summary>The estimator with <see cref="DiscreteEntropyEstimator.AlphabetSize"/> set, through each concrete type's initialiser.</summary>
    private static DiscreteEntropyEstimator Configure(DiscreteEntropyEstimator e, long alphabetSize) => e switch
    {
        PlugInEntropy => new PlugInEntropy { AlphabetSize = alphabetSize },
        MillerMadowEntropy => new MillerMadowEntropy { AlphabetSize = alphabetSize },
        GrassbergerEntropy => new GrassbergerEntropy { AlphabetSize = alphabetSize },
        ChaoShenEntropy => new ChaoShenEntropy { AlphabetSize = alphabetSize },
        JackknifeEntropy => new JackknifeEntropy { AlphabetSize = alphabetSize },
        JamesSteinEntropy => new JamesSteinEntropy { AlphabetSize = alphabetSize },
        DirichletEntropy => new DirichletEntropy { AlphabetSize = alphabetSize },
        NsbEntropy => new NsbEntropy { AlphabetSize = alphabetSize },
        _ => throw new ArgumentOutOfRangeException(nameof(e)),
    };

    public static TheoryData<string, string> MutualInformationBadInputCases()
    {
        var data = new TheoryData<string, string>();
        foreach (string name in s_entropy.Keys)
        {
            foreach (string kind in (string[])["LengthMismatch", "NegativeY", "AlphabetSizeXZero", "AlphabetSizeYNegative", "AlphabetProductOverflows", "SymbolNotBelowAlphabetSizeX"])
            {
                data.Add(name, kind);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(MutualInformationBadInputCases))]
    public void MutualInformation_BadInput_ThrowsNamingTheParameter(string estimator, string kind)
    {
        DiscreteEntropyEstimator e = s_entropy[estimator]();
        int[] x = [0, 1, 2, 1], y = [1, 0, 1, 1];
        const long Huge = (1L << 32) + 1; // (2³² + 1)² wraps a long to 2³³ + 1.
        (Action call, string param) = kind switch
        {
            "LengthMismatch" => ((Action)(() => new DiscreteMutualInformation(e).Estimate(x, [1, 0])), "y"),
            "NegativeY" => (() => new DiscreteMutualInformation(e).Estimate(x, [1, 0, -1, 1]), "y"),
            "AlphabetSizeXZero" => (() => _ = new DiscreteMutualInformation(e) { AlphabetSizeX = 0 }, "AlphabetSizeX"),
            "AlphabetSizeYNegative" => (() => _ = new DiscreteMutualInformation(e) { AlphabetSizeY = -1 }, "AlphabetSizeY"),
            "AlphabetProductOverflows" => (() => new DiscreteMutualInformation(e) { AlphabetSizeX = Huge, AlphabetSizeY = Huge }.Estimate(x, y), "AlphabetSizeY"),
            _ => (() => new DiscreteMutualInformation(e) { AlphabetSizeX = 2 }.Estimate(x, y), "x"),
        };
        var ex = Assert.ThrowsAny<ArgumentException>(call);
        Assert.Equal(param, ex.ParamName);
    }

    [Fact]
    public void MutualInformation_LargestAlphabetProduct_IsAccepted()
    {
        // 2³¹ · 2³¹ = 2⁶² fits a long: the product check rejects only what overflows. Plug-in MI ignores K, so the value is the plug-in one.
        (int[] x, int[] y) = Pair(5);
        double plugIn = new PlugInMutualInformation().Estimate(x, y).Nats;
        var mi = new DiscreteMutualInformation { AlphabetSizeX = 1L << 31, AlphabetSizeY = 1L << 31 };
        Assert.Equal(plugIn, mi.Estimate(x, y).Nats, 12);
    }

    public static TheoryData<string> CountOverflowCases() => new("MaxPlusOne", "TwoHalves", "ManyLarge");

    [Theory]
    [MemberData(nameof(CountOverflowCases))]
    public void FromCounts_TotalPastLongMax_Throws(string kind)
    {
        long[] counts = kind switch
        {
            "MaxPlusOne" => [long.MaxValue, 1],
            "TwoHalves" => [(long.MaxValue / 2) + 1, 0, (long.MaxValue / 2) + 1],
            _ => [.. Enumerable.Repeat(long.MaxValue / 7, 8)],
        };
        var ex = Assert.Throws<ArgumentException>(() => Histogram.FromCounts(counts));
        Assert.Equal("counts", ex.ParamName);
    }

    [Fact]
    public void FromCounts_TotalExactlyLongMax_IsAccepted()
    {
        var h = Histogram.FromCounts([long.MaxValue - 5, 5]);
        Assert.Equal(long.MaxValue, h.SampleCount);
    }

    public static TheoryData<string> DenseBadInputCases() => new("NullFirst", "NullLater", "LengthMismatch", "NegativeInLater", "Empty");

    [Theory]
    [MemberData(nameof(DenseBadInputCases))]
    public void JointSymbolsDense_BadInput_ThrowsNamingVariables(string kind)
    {
        int[] a = [0, 1, 2], b = [2, 2, 0];
        Action call = kind switch
        {
            "NullFirst" => () => JointSymbols.Dense(null!, a),
            "NullLater" => () => JointSymbols.Dense(a, b, null!),
            "LengthMismatch" => () => JointSymbols.Dense(a, [1, 2]),
            "NegativeInLater" => () => JointSymbols.Dense(a, b, [0, -1, 0]),
            _ => () => JointSymbols.Dense(),
        };
        var ex = Assert.Throws<ArgumentException>(call);
        Assert.Equal("variables", ex.ParamName);
        if (kind == "NegativeInLater")
        {
            Assert.Contains("variables[2]", ex.Message, StringComparison.Ordinal);
        }
    }

    public static TheoryData<int> Parallelism() => new(1, 2, 3, -1);

    /// <summary>Counting may run on several threads; the estimate is the same bits for every degree of parallelism.</summary>
    [Theory]
    [MemberData(nameof(Parallelism))]
    public void MutualInformation_AnyParallelism_BitIdentical(int threads)
    {
        int[] x = Sample(11, 200_000, 40), y = [.. Sample(12, 200_000, 40).Select((v, i) => (v + x[i]) % 40)];
        double serial = new DiscreteMutualInformation(new MillerMadowEntropy()) { MaxDegreeOfParallelism = 1 }.Estimate(x, y).Nats;
        double parallel = new DiscreteMutualInformation(new MillerMadowEntropy()) { MaxDegreeOfParallelism = threads }.Estimate(x, y).Nats;
        Assert.Equal(BitConverter.DoubleToInt64Bits(serial), BitConverter.DoubleToInt64Bits(parallel));
    }
}
