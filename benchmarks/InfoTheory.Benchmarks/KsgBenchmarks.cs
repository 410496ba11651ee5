using BenchmarkDotNet.Attributes;
using InfoTheory.Continuous;
using InfoTheory.Testing;

namespace InfoTheory.Benchmarks;

/// <summary>
/// KSG algorithm 1, k = 3, on correlated Gaussians (the peers' reference case): n = 10⁵ with 1-D X and Y,
/// n = 10⁵ with 5-D X and 5-D Y (each coordinate pair ρ = 0.5), n = 10⁶ with 1-D X and Y. One thread is the
/// baseline, two threads the comparison; the estimate includes standardising, tie-breaking jitter and the search.
/// </summary>
[MemoryDiagnoser]
public class KsgBenchmarks
{
    private SampleMatrix _x = null!;
    private SampleMatrix _y = null!;
    private KsgMutualInformation _one = null!;
    private KsgMutualInformation _two = null!;

    [Params("1e5, 1x1", "1e5, 5x5", "1e6, 1x1")]
    public string Case { get; set; } = "1e5, 1x1";

    [GlobalSetup]
    public void Setup()
    {
        int n = Case.StartsWith("1e6", StringComparison.Ordinal) ? 1_000_000 : 100_000;
        MultivariateNormalTask task = Case.EndsWith("5x5", StringComparison.Ordinal)
            ? MultivariateNormalTask.SparseInteractions(5, 5, 5, 0.5)
            : MultivariateNormalTask.CorrelatedPair(0.6);
        (_x, _y) = task.Sample(n, 42);
        _one = new KsgMutualInformation { MaxDegreeOfParallelism = 1 };
        _two = new KsgMutualInformation { MaxDegreeOfParallelism = 2 };
    }

    [Benchmark(Baseline = true)]
    public double OneThread() => _one.Estimate(_x, _y).Nats;

    [Benchmark]
    public double TwoThreads() => _two.Estimate(_x, _y).Nats;
}
