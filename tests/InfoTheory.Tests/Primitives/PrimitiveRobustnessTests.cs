using InfoTheory.Discrete;
using InfoTheory.Primitives;

namespace InfoTheory.Tests.Primitives;

/// <summary>
/// The span kernels swept over the invariances they claim — permuting the entries, scaling logits and temperature by the
/// same power of two (2^±1000), shifting logits (log-sum-exp), scaling counts up to near <see cref="long.MaxValue"/> —
/// and over undefined units, one theory row per kernel × input class.
/// </summary>
public sealed class PrimitiveRobustnessTests
{
    private static double[] Pmf(int seed, int n)
    {
        var random = new Random(seed);
        double[] p = [.. Enumerable.Range(0, n).Select(_ => random.NextDouble())];
        p[n / 2] = 0; // a zero probability: 0·ln 0 = 0 must survive the permutation too
        double sum = p.Sum();
        return [.. p.Select(v => v / sum)];
    }

    private static double[] Logits(int seed, int n)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, n).Select(_ => (random.NextDouble() * 10) - 5)];
    }

    private static T[] Permute<T>(T[] values, int seed)
    {
        int[] order = [.. Enumerable.Range(0, values.Length)];
        new Random(seed).Shuffle(order);
        return [.. order.Select(i => values[i])];
    }

    /// <summary>Reordering a sum of 37 terms changes it by a few ulps of its magnitude; 1e-13 relative is well above that.</summary>
    private static void AssertClose(double expected, double actual, string what, double relative = 1e-13) =>
        Assert.True(Math.Abs(expected - actual) <= relative * Math.Max(1, Math.Abs(expected)), $"{what}: expected {expected:R}, got {actual:R}");

    private static readonly Dictionary<string, Func<double[], double[], double>> s_pairKernels = new()
    {
        ["Entropy"] = (p, _) => InformationPrimitives.Entropy(p).Nats,
        ["EntropyFloat"] = (p, _) => InformationPrimitives.Entropy([.. p.Select(v => (float)v)]).Nats,
        ["Renyi0.5"] = (p, _) => InformationPrimitives.RenyiEntropy(p, 0.5).Nats,
        ["Renyi2"] = (p, _) => InformationPrimitives.RenyiEntropy(p, 2).Nats,
        ["RenyiInf"] = (p, _) => InformationPrimitives.RenyiEntropy(p, double.PositiveInfinity).Nats,
        ["KullbackLeibler"] = (p, q) => InformationPrimitives.KullbackLeibler(p, q).Nats,
        ["CrossEntropy"] = (p, q) => InformationPrimitives.CrossEntropy(p, q).Nats,
        ["LogSumExp"] = (p, _) => InformationPrimitives.LogSumExp(p),
        ["SoftmaxEntropy"] = (p, _) => InformationPrimitives.SoftmaxEntropy(p).Nats,
        ["SoftmaxKullbackLeibler"] = (p, q) => InformationPrimitives.SoftmaxKullbackLeibler(p, q).Nats,
        ["SoftmaxCrossEntropy"] = (p, q) => InformationPrimitives.SoftmaxCrossEntropy(p, q).Nats,
    };

    public static TheoryData<string, int> PermutationCases()
    {
        var data = new TheoryData<string, int>();
        foreach (string name in s_pairKernels.Keys)
        {
            foreach (int seed in (int[])[1, 2, 3])
            {
                data.Add(name, seed);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(PermutationCases))]
    public void Kernel_PermutedEntries_Unchanged(string kernel, int seed)
    {
        bool logits = kernel.StartsWith("Softmax", StringComparison.Ordinal) || kernel == "LogSumExp";
        double[] p = logits ? Logits(seed, 37) : Pmf(seed, 37);
        double[] q = logits ? Logits(seed + 100, 37) : [.. Pmf(seed + 100, 37).Select(v => (v + 0.01) / 1.37)];
        Func<double[], double[], double> f = s_pairKernels[kernel];
        // The float kernel evaluates x·ln x in single precision (ε = 1.2e-7) before accumulating in double, so a reordering
        // moves it by a few float ulps of each term: 1e-6 relative.
        AssertClose(f(p, q), f(Permute(p, seed + 7), Permute(q, seed + 7)), kernel, kernel.EndsWith("Float", StringComparison.Ordinal) ? 1e-6 : 1e-13);
    }

    public static TheoryData<string, int> TemperatureScaleCases()
    {
        var data = new TheoryData<string, int>();
        foreach (string name in (string[])["SoftmaxEntropy", "SoftmaxKullbackLeibler", "SoftmaxCrossEntropy"])
        {
            foreach (int exponent in (int[])[-1000, -500, -100, -1, 1, 100, 500, 1000])
            {
                data.Add(name, exponent);
            }
        }

        return data;
    }

    /// <summary>softmax(z / T) depends on z/T only: logits and temperature scaled by the same power of two (exact in binary) give the same distribution.</summary>
    [Theory]
    [MemberData(nameof(TemperatureScaleCases))]
    public void Softmax_LogitsAndTemperatureScaledTogether_Unchanged(string kernel, int exponent)
    {
        double s = Math.ScaleB(1, exponent);
        double[] a = Logits(4, 19), b = Logits(5, 19);
        double[] sa = [.. a.Select(v => v * s)], sb = [.. b.Select(v => v * s)];
        (double expected, double actual) = kernel switch
        {
            "SoftmaxEntropy" => (InformationPrimitives.SoftmaxEntropy(a).Nats, InformationPrimitives.SoftmaxEntropy(sa, s).Nats),
            "SoftmaxKullbackLeibler" => (InformationPrimitives.SoftmaxKullbackLeibler(a, b).Nats, InformationPrimitives.SoftmaxKullbackLeibler(sa, sb, s).Nats),
            _ => (InformationPrimitives.SoftmaxCrossEntropy(a, b).Nats, InformationPrimitives.SoftmaxCrossEntropy(sa, sb, s).Nats),
        };
        AssertClose(expected, actual, $"{kernel} at 2^{exponent}");
    }

    public static TheoryData<double> Shifts() => new(-1e300, -1e100, -1e10, -1, 1, 1e10, 1e100, 1e300);

    /// <summary>
    /// LSE(x + c) = LSE(x) + c. Adding c rounds each entry by up to half an ulp of c, so the identity holds to a few ulps of
    /// |c| (4e-16·|c|) plus the kernel's own 1e-13.
    /// </summary>
    [Theory]
    [MemberData(nameof(Shifts))]
    public void LogSumExp_Shift_AddsTheShift(double c)
    {
        double[] x = Logits(6, 23);
        double actual = InformationPrimitives.LogSumExp([.. x.Select(v => v + c)]);
        double expected = InformationPrimitives.LogSumExp(x) + c;
        Assert.True(Math.Abs(expected - actual) <= (4e-16 * Math.Abs(c)) + 1e-13, $"shift {c:G3}: expected {expected:R}, got {actual:R}");
    }

    [Fact]
    public void LogSumExp_AtTheTopOfTheRange_DoesNotOverflow()
    {
        // ln(e^a + e^a) = a + ln 2, which rounds to a for a = 1e308; e^a itself would be +∞.
        Assert.Equal(1e308, InformationPrimitives.LogSumExp([1e308, 1e308]));
        Assert.Equal(-1e308 + Math.Log(2), InformationPrimitives.LogSumExp([-1e308, -1e308]));
    }

    public static TheoryData<long> CountScales() => new(1, 7, 1_000, 1_000_000_007, long.MaxValue / 64);

    /// <summary>The plug-in entropy of counts depends only on the proportions; counts up to near long.MaxValue are summed in double without overflow.</summary>
    [Theory]
    [MemberData(nameof(CountScales))]
    public void EntropyOfCounts_ScaledCounts_Unchanged(long scale)
    {
        long[] counts = [5, 0, 17, 3, 9, 1];
        double expected = InformationPrimitives.Entropy([.. counts.Select(c => c / 35.0)]).Nats;
        AssertClose(expected, InformationPrimitives.EntropyOfCounts([.. counts.Select(c => c * scale)]).Nats, $"counts × {scale}");
        AssertClose(expected, new PlugInEntropy().Estimate(Histogram.FromCounts([.. counts.Select(c => c * scale)])).Nats, $"histogram × {scale}");
    }

    public static TheoryData<string> RowKernels() => new(
        "EntropyRows", "EntropyRowsFloat", "EntropyOfCountsRowsInt", "EntropyOfCountsRowsLong", "RenyiEntropyRows",
        "CrossEntropyRows", "KullbackLeiblerRows", "KullbackLeiblerRowsFloat", "SoftmaxEntropyRows", "SoftmaxKullbackLeiblerRows",
        "SoftmaxCrossEntropyRows", "PlugInEntropy.LocalValues", "PlugInMutualInformation.LocalValues", "PlugInConditionalMutualInformation.LocalValues");

    /// <summary>An undefined <see cref="LogBase"/> is rejected under the caller's parameter name <c>logBase</c>, before anything is written.</summary>
    [Theory]
    [MemberData(nameof(RowKernels))]
    public void RowKernel_UndefinedLogBase_ThrowsNamingLogBase(string kernel)
    {
        const LogBase bad = (LogBase)(-1);
        double[] p = [0.5, 0.5, 0.25, 0.75];
        double[] destination = [7, 7, 7, 7];
        float[] destinationF = [7, 7, 7, 7];
        int[] s = [0, 1, 1, 0];
        Action call = kernel switch
        {
            "EntropyRows" => () => InformationPrimitives.EntropyRows(p, 2, destination, bad),
            "EntropyRowsFloat" => () => InformationPrimitives.EntropyRows([0.5f, 0.5f], 2, destinationF, bad),
            "EntropyOfCountsRowsInt" => () => InformationPrimitives.EntropyOfCountsRows([1, 2, 3, 4], 2, destination, bad),
            "EntropyOfCountsRowsLong" => () => InformationPrimitives.EntropyOfCountsRows([1L, 2, 3, 4], 2, destination, bad),
            "RenyiEntropyRows" => () => InformationPrimitives.RenyiEntropyRows(p, 2, 2.0, destination, bad),
            "CrossEntropyRows" => () => InformationPrimitives.CrossEntropyRows(p, p, 2, destination, bad),
            "KullbackLeiblerRows" => () => InformationPrimitives.KullbackLeiblerRows(p, p, 2, destination, bad),
            "KullbackLeiblerRowsFloat" => () => InformationPrimitives.KullbackLeiblerRows([0.5f, 0.5f], [0.5f, 0.5f], 2, destinationF, bad),
            "SoftmaxEntropyRows" => () => InformationPrimitives.SoftmaxEntropyRows(p, 2, destination, 1.0, bad),
            "SoftmaxKullbackLeiblerRows" => () => InformationPrimitives.SoftmaxKullbackLeiblerRows(p, p, 2, destination, 1.0, bad),
            "SoftmaxCrossEntropyRows" => () => InformationPrimitives.SoftmaxCrossEntropyRows(p, p, 2, destination, 1.0, bad),
            "PlugInEntropy.LocalValues" => () => new PlugInEntropy().LocalValues(s, destination, bad),
            "PlugInMutualInformation.LocalValues" => () => new PlugInMutualInformation().LocalValues(s, s, destination, bad),
            _ => () => new PlugInConditionalMutualInformation().LocalValues(s, s, s, destination, bad),
        };
        var ex = Assert.Throws<ArgumentOutOfRangeException>(call);
        Assert.Equal("logBase", ex.ParamName);
        Assert.Equal([7.0, 7, 7, 7], destination);
        Assert.Equal([7f, 7, 7, 7], destinationF);
    }
}
