using System.Runtime;
using InfoTheory.Continuous;
using InfoTheory.Discrete;
using InfoTheory.Primitives;

namespace InfoTheory.Tests;

public sealed class WarmupTests
{
    [Fact]
    public void Start_UnknownFlag_ThrowsNamingAreas()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => { _ = Warmup.Start((WarmupAreas)8); });
        Assert.Equal("areas", error.ParamName);
        Assert.Contains("0x8", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => Warmup.Run(WarmupAreas.All | (WarmupAreas)64));
    }

    [Fact]
    public void Start_None_IsCompletedAtOnce()
    {
        Assert.True(Warmup.Start(WarmupAreas.None).IsCompletedSuccessfully);
    }

    [Fact]
    public void Run_ThenStart_EachAreaRunsOncePerProcess()
    {
        Warmup.Run();

        // Every area has finished, so asking again finds the finished tasks instead of starting new work.
        Task again = Warmup.Start();
        Assert.True(again.IsCompletedSuccessfully);
        Assert.True(Warmup.Start(WarmupAreas.Discrete | WarmupAreas.Rows).IsCompletedSuccessfully);
    }

    // What the warm-up is for: after it, a first estimate at a size the warm-up never used compiles next to nothing on
    // the calling thread. Without the warm-up these calls compile 30–140 methods each in a fresh process (docs/
    // benchmarks.md, "First calls"; 44 for the plug-in MI here with the warm-up switched off). After it, run alone, they
    // compile 1, 2 and 1 methods in a Release build and 1, 2 and 4 in a Debug one (whose accessors are not inlined):
    // small helpers the warm-up's paths happened not to need. The bound of 10 separates the two with room on both
    // sides; if other tests of this process ran the same estimators first, the counts are 0 anyway.
    [Fact]
    public void Run_LeavesLargeFirstCallsAlmostNothingToCompile()
    {
        Warmup.Run();
        var random = new Random(5);
        int n = 3_000_000;
        int[] x = new int[n], y = new int[n];
        for (int i = 0; i < n; i++)
        {
            x[i] = random.Next(20);
            y[i] = (x[i] + random.Next(3)) % 20;
        }

        double[] u = new double[30_000], v = new double[30_000];
        for (int i = 0; i < u.Length; i++)
        {
            u[i] = random.NextDouble();
            v[i] = u[i] + random.NextDouble();
        }

        float[] logits = [.. Enumerable.Range(0, 64 * 1000).Select(_ => (float)random.NextDouble())];
        float[] rows = new float[64];

        long discrete = CompiledDuring(() => new DiscreteMutualInformation().Estimate(x, y));
        long ksg = CompiledDuring(() => new KsgMutualInformation().Estimate(u, v));
        long softmax = CompiledDuring(() => InformationPrimitives.SoftmaxEntropyRows(logits, 1000, rows));

        Assert.True(discrete <= 10, $"plug-in MI compiled {discrete} methods after the warm-up");
        Assert.True(ksg <= 10, $"KSG compiled {ksg} methods after the warm-up");
        Assert.True(softmax <= 10, $"softmax entropy rows compiled {softmax} methods after the warm-up");
    }

    private static long CompiledDuring(Action action)
    {
        long before = JitInfo.GetCompiledMethodCount(currentThread: true);
        action();
        return JitInfo.GetCompiledMethodCount(currentThread: true) - before;
    }
}
