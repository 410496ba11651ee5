using InfoTheory.Measures;
using InfoTheory.Primitives;

namespace InfoTheory.Tests.Measures;

/// <summary>
/// Every measure that takes <c>normalize</c>, swept over the invariances it claims — relabelling the outcomes, and rescaling
/// the weights anywhere in the double range (1e-300 … 1e300 and the extremes 1e308, whose sum overflows, and multiples of
/// the smallest subnormal 5e-324) — and over the classes of bad input, one theory row per measure × input class.
/// </summary>
public sealed class MeasureRobustnessTests
{
    /// <summary>Base weights: p ∝ (3, 1, 1, 2), q ∝ (1, 2, 3, 1); distinct values, so a relabelling really moves mass.</summary>
    private static readonly double[] s_p = [3, 1, 1, 2];

    private static readonly double[] s_q = [1, 2, 3, 1];

    /// <summary>A measure with a <c>normalize</c> flag, its first parameter's name, and whether it takes a second distribution.</summary>
    private sealed record Measure(string Name, Func<double[], double[], bool, double> Compute, string FirstParam, bool TwoArguments);

    private static readonly Measure[] s_measures =
    [
        new("Shannon", (p, _, n) => Entropy.Shannon(p, n).Nats, "p", false),
        new("Perplexity", (p, _, n) => Entropy.Perplexity(p, n), "p", false),
        new("Renyi0.5", (p, _, n) => Entropy.Renyi(p, 0.5, n).Nats, "p", false),
        new("Renyi2", (p, _, n) => Entropy.Renyi(p, 2, n).Nats, "p", false),
        new("RenyiInf", (p, _, n) => Entropy.Renyi(p, double.PositiveInfinity, n).Nats, "p", false),
        new("Tsallis2", (p, _, n) => Entropy.Tsallis(p, 2, n), "p", false),
        new("KullbackLeibler", (p, q, n) => Divergence.KullbackLeibler(p, q, n).Nats, "p", true),
        new("CrossEntropy", (p, q, n) => Divergence.CrossEntropy(p, q, n).Nats, "p", true),
        new("JensenShannon", (p, q, n) => Divergence.JensenShannon(p, q, n).Nats, "p", true),
        new("JensenShannonWeighted", (p, q, n) => Divergence.JensenShannon([.. p, .. q], p.Length, n ? [q.Max(), q.Max()] : [0.5, 0.5], n).Nats, "distributions", false),
        new("RenyiDivergence0.5", (p, q, n) => Divergence.Renyi(p, q, 0.5, n).Nats, "p", true),
        new("RenyiDivergence2", (p, q, n) => Divergence.Renyi(p, q, 2, n).Nats, "p", true),
        new("Hellinger", (p, q, n) => Divergence.Hellinger(p, q, n), "p", true),
        new("TotalVariation", (p, q, n) => Divergence.TotalVariation(p, q, n), "p", true),
        new("ChiSquared", (p, q, n) => Divergence.ChiSquared(p, q, n), "p", true),
        new("CauchySchwarz", (p, q, n) => Divergence.CauchySchwarz(p, q, n).Nats, "p", true),
        new("MutualInformation", (p, _, n) => MutualInformation.Of(new JointDistribution(p, [2, 2], n)).Nats, "probabilities", false),
        new("JointEntropy", (p, _, n) => Entropy.Joint(new JointDistribution(p, [2, 2], n)).Nats, "probabilities", false),
    ];

    private static Measure Find(string name) => s_measures.Single(m => m.Name == name);

    private static double[] Normalised(double[] w) => [.. w.Select(x => x / w.Sum())];

    private static double Reference(Measure m) => m.Compute(Normalised(s_p), Normalised(s_q), false);

    /// <summary>Relative agreement: 1e-12 covers the rounding of one scaled copy (≈ 1 ulp per entry) through a log and a sum of 4 terms.</summary>
    private static void AssertClose(double expected, double actual, string what)
    {
        double tolerance = 1e-12 * Math.Max(1, Math.Abs(expected));
        Assert.True(Math.Abs(expected - actual) <= tolerance, $"{what}: expected {expected:R}, got {actual:R}");
    }

    public static TheoryData<string, double> ScaleCases()
    {
        var data = new TheoryData<string, double>();
        foreach (Measure m in s_measures)
        {
            foreach (double scale in (double[])[1e-300, 1e-200, 1e-100, 1e-10, 1, 1e10, 1e100, 1e200, 1e300])
            {
                data.Add(m.Name, scale);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ScaleCases))]
    public void Normalize_ScaledWeights_EqualUnitScale(string measure, double scale)
    {
        Measure m = Find(measure);
        double[] p = [.. s_p.Select(x => x * scale)], q = [.. s_q.Select(x => x * scale)];
        double[] pCopy = (double[])p.Clone(), qCopy = (double[])q.Clone();
        AssertClose(Reference(m), m.Compute(p, q, true), $"{measure} at scale {scale:G3}");
        Assert.Equal(pCopy, p);
        Assert.Equal(qCopy, q);
    }

    public static TheoryData<string, string> ExtremeCases()
    {
        var data = new TheoryData<string, string>();
        foreach (Measure m in s_measures)
        {
            data.Add(m.Name, "1e308");
            data.Add(m.Name, "subnormal");
        }

        return data;
    }

    /// <summary>
    /// Weights near 1e308 (Σ overflows to +∞: 1e308·(3 + 1 + 1 + 2)/3 ≈ 2.3e308) and exact multiples of the smallest
    /// subnormal 4.9e-324 (Σ has 3 significant bits) must give the unit-scale answer.
    /// </summary>
    [Theory]
    [MemberData(nameof(ExtremeCases))]
    public void Normalize_ExtremeWeights_EqualUnitScale(string measure, string extreme)
    {
        Measure m = Find(measure);
        double[] p, q;
        if (extreme == "1e308")
        {
            p = [.. s_p.Select(x => x * (1e308 / 3))];
            q = [.. s_q.Select(x => x * (1e308 / 3))];
            Assert.True(double.IsPositiveInfinity(p.Sum()));
        }
        else
        {
            p = [.. s_p.Select(x => x * double.Epsilon)];
            q = [.. s_q.Select(x => x * double.Epsilon)];
        }

        AssertClose(Reference(m), m.Compute(p, q, true), $"{measure} at {extreme}");
    }

    [Fact]
    public void Shannon_WeightsAt1e308_EqualClosedForm()
    {
        // H(3/7, 1/7, 1/7, 2/7) = −Σ pᵢ ln pᵢ written out.
        double expected = -((3.0 / 7 * Math.Log(3.0 / 7)) + (2 * (1.0 / 7 * Math.Log(1.0 / 7))) + (2.0 / 7 * Math.Log(2.0 / 7)));
        AssertClose(expected, Entropy.Shannon([1e308, 1e308 / 3, 1e308 / 3, 2 * (1e308 / 3)], normalize: true).Nats, "H");
        AssertClose(expected, Entropy.Shannon([3 * double.Epsilon, double.Epsilon, double.Epsilon, 2 * double.Epsilon], normalize: true).Nats, "H subnormal");
    }

    [Fact]
    public void KullbackLeibler_SubnormalWeights_EqualClosedForm()
    {
        // KL((1,1)/2 ‖ (1,3)/4) = ½ ln(2) + ½ ln(2/3).
        double expected = (0.5 * Math.Log(2)) + (0.5 * Math.Log(2.0 / 3));
        AssertClose(expected, Divergence.KullbackLeibler([double.Epsilon, double.Epsilon], [double.Epsilon, 3 * double.Epsilon], normalize: true).Nats, "KL");
        AssertClose(expected, Divergence.KullbackLeibler([1e308, 1e308], [1e308 / 3, 1e308], normalize: true).Nats, "KL 1e308");
    }

    public static TheoryData<string, int> PermutationCases()
    {
        var data = new TheoryData<string, int>();
        foreach (Measure m in s_measures)
        {
            for (int k = 0; k < s_permutations.Length; k++)
            {
                data.Add(m.Name, k);
            }
        }

        return data;
    }

    /// <summary>Swapping the two rows, swapping the two columns within each row, and both: relabellings of X and Y for the 2 × 2 joint measures too.</summary>
    private static readonly int[][] s_permutations = [[2, 3, 0, 1], [1, 0, 3, 2], [3, 2, 1, 0]];

    [Theory]
    [MemberData(nameof(PermutationCases))]
    public void Relabelling_Outcomes_LeavesMeasureUnchanged(string measure, int permutation)
    {
        Measure m = Find(measure);
        int[] perm = s_permutations[permutation];
        double[] p = Normalised(s_p), q = Normalised(s_q);
        double[] pp = [.. perm.Select(i => p[i])], qq = [.. perm.Select(i => q[i])];
        AssertClose(m.Compute(p, q, false), m.Compute(pp, qq, false), $"{measure} under permutation {permutation}");
        AssertClose(m.Compute(s_p, s_q, true), m.Compute([.. perm.Select(i => s_p[i])], [.. perm.Select(i => s_q[i])], true), $"{measure} weights under permutation {permutation}");
    }

    public static TheoryData<string, string> BadInputCases()
    {
        var data = new TheoryData<string, string>();
        foreach (Measure m in s_measures)
        {
            foreach (string kind in (string[])["NaN", "PositiveInfinity", "Negative", "ZeroMass", "NotNormalised", "Empty"])
            {
                // The weighted JS reads p as rows of categories = p.Length, so an empty p is a bad row length, tested elsewhere.
                if (!(kind == "Empty" && m.Name == "JensenShannonWeighted"))
                {
                    data.Add(m.Name, kind);
                }
            }

            if (m.TwoArguments)
            {
                data.Add(m.Name, "LengthMismatch");
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(BadInputCases))]
    public void BadInput_ThrowsNamingTheParameter(string measure, string kind)
    {
        Measure m = Find(measure);
        double[] q = Normalised(s_q);
        (double[] p, bool normalize) = kind switch
        {
            "NaN" => ((double[])[0.25, double.NaN, 0.25, 0.5], true),
            "PositiveInfinity" => ((double[])[double.PositiveInfinity, 0.25, 0.25, 0.5], true),
            "Negative" => ((double[])[0.75, 0.25, -0.25, 0.25], false),
            "ZeroMass" => ((double[])[0.0, 0.0, 0.0, 0.0], true),
            "NotNormalised" => ((double[])[0.5, 0.5, 0.5, 0.5], false),
            "Empty" => ((double[])[], true),
            "LengthMismatch" => ((double[])[0.5, 0.5], false),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
        double[] before = (double[])p.Clone();
        var ex = Assert.ThrowsAny<ArgumentException>(() => m.Compute(p, q, normalize));
        // A length mismatch (an empty p included) is reported against q, the argument that disagrees with p.
        Assert.Equal(m.TwoArguments && kind is "Empty" or "LengthMismatch" ? "q" : m.FirstParam, ex.ParamName);
        Assert.Equal(before, p);
        if (kind == "NotNormalised")
        {
            // Every one of these APIs has the flag, so the message may (and should) point to it.
            Assert.Contains("normalize: true", ex.Message, StringComparison.Ordinal);
        }
    }

    public static TheoryData<double> BadTolerances() => new(-1e-12, -1, double.NaN, double.NegativeInfinity);

    [Theory]
    [MemberData(nameof(BadTolerances))]
    public void IsCloseTo_NegativeOrNaNTolerance_Throws(double tolerance)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Information.FromNats(1).IsCloseTo(Information.FromNats(1), tolerance));
        Assert.Equal("toleranceNats", ex.ParamName);
    }

    [Fact]
    public void IsCloseTo_ZeroAndInfiniteTolerance_AreAccepted()
    {
        Assert.True(Information.FromNats(1).IsCloseTo(Information.FromNats(1), 0));
        Assert.False(Information.FromNats(1).IsCloseTo(Information.FromNats(1 + 1e-15), 0));
        Assert.True(Information.FromNats(1).IsCloseTo(Information.FromNats(1e300), double.PositiveInfinity));
    }

    public static TheoryData<string> UndefinedLogBaseCases() => new("Pointwise", "SoftmaxEntropyRows", "SoftmaxKullbackLeiblerRows", "SoftmaxCrossEntropyRows", "In", "From", "NatsPer");

    /// <summary>An undefined <see cref="LogBase"/> is reported under the name of the caller's own parameter.</summary>
    [Theory]
    [MemberData(nameof(UndefinedLogBaseCases))]
    public void UndefinedLogBase_NamesTheRealParameter(string api)
    {
        const LogBase bad = (LogBase)7;
        double[] logits = [0, 1, 2, 3];
        double[] destination = new double[4];
        Action call = api switch
        {
            "Pointwise" => () => MutualInformation.Pointwise(JointDistribution.FromTable(new[,] { { 0.25, 0.25 }, { 0.25, 0.25 } }), destination, bad),
            "SoftmaxEntropyRows" => () => InformationPrimitives.SoftmaxEntropyRows(logits, 2, destination, 1.0, bad),
            "SoftmaxKullbackLeiblerRows" => () => InformationPrimitives.SoftmaxKullbackLeiblerRows(logits, logits, 2, destination, 1.0, bad),
            "SoftmaxCrossEntropyRows" => () => InformationPrimitives.SoftmaxCrossEntropyRows(logits, logits, 2, destination, 1.0, bad),
            "In" => () => Information.FromNats(1).In(bad),
            "From" => () => Information.From(1, bad),
            _ => () => Information.NatsPer(bad),
        };
        var ex = Assert.Throws<ArgumentOutOfRangeException>(call);
        Assert.Equal(api is "In" or "From" or "NatsPer" ? "unit" : "logBase", ex.ParamName);
        Assert.Equal([0.0, 0, 0, 0], destination);
    }
}
