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

    // What the warm-up is for: after it, a first estimate at a size the warm-up never used compiles (next to) nothing
    // on the calling thread. Without the warm-up, in a fresh process, these calls compile 30–140 methods each (the
    // "First calls" table in docs/benchmarks.md). The allowance of 3 covers a helper the runtime itself may compile on
    // first use (an array-pool bucket, a span conversion) that the warm-up's paths happened not to need; if the other
    // tests of this process ran the same estimators first, the count is 0 either way.
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

        Assert.True(discrete <= 3, $"plug-in MI compiled {discrete} methods after the warm-up");
        Assert.True(ksg <= 3, $"KSG compiled {ksg} methods after the warm-up");
        Assert.True(softmax <= 3, $"softmax entropy rows compiled {softmax} methods after the warm-up");
    }

    private static long CompiledDuring(Action action)
    {
        long before = JitInfo.GetCompiledMethodCount(currentThread: true);
        action();
        return JitInfo.GetCompiledMethodCount(currentThread: true) - before;
    }
}
