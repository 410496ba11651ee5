using BenchmarkDotNet.Attributes;
using InfoTheory.Continuous;
using InfoTheory.Orleans;
using InfoTheory.Selection;
using Orleans.TestingHost;

namespace InfoTheory.Benchmarks;

/// <summary>
/// The Gaussian-copula dependence matrix of p = 500 columns at n = 10⁴ (the overhead target: ≤ 10 % on one
/// machine with 2 silos), locally (the baseline, all cores) and on an in-process Orleans cluster of <see cref="Silos"/>
/// silos sharing this machine's cores. Every invocation gets fresh data (a new seed), so the cluster run pays the whole
/// cold path: hashing, uploading each group to each silo that needs it, preparing it there, the blocks, the copy back.
/// </summary>
[MemoryDiagnoser]
public class ClusterDependenceMatrixBenchmarks
{
    private InProcessTestCluster _cluster = null!;
    private SampleMatrix _samples = null!;
    private int _seed;
    private readonly DependenceMatrix _matrix = new();

    [Params(1, 2, 3)]
    public int Silos { get; set; } = 2;

    [Params(500)]
    public int P { get; set; } = 500;

    [Params(64)]
    public int BlockSize { get; set; } = 64;

    [GlobalSetup]
    public void Setup()
    {
        var builder = new InProcessTestClusterBuilder((short)Silos);
        builder.ConfigureSilo((_, silo) => silo.AddInfoTheory());
        _cluster = builder.Build();
        _cluster.DeployAsync().GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup() => _cluster.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [IterationSetup]
    public void FreshData() => (_samples, _) = SelectionData.Factor(10_000, P, 1000 + _seed++);

    [Benchmark(Baseline = true)]
    public double Local() => _matrix.Compute(_samples)[0, 1];

    [Benchmark]
    public double Cluster() => _matrix.ComputeAsync(_samples, _cluster.Client, options: new ClusterJobOptions { BlockSize = BlockSize })
        .GetAwaiter().GetResult()[0, 1];
}
