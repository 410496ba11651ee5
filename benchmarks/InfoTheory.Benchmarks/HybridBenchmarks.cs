using BenchmarkDotNet.Attributes;
using InfoTheory.Continuous;
using InfoTheory.Testing;

namespace InfoTheory.Benchmarks;

/// <summary>
/// The cost of the hybrid against one KSG estimate on the normal scores (the baseline), n = 5000: a correlated pair and
/// the sparse 6 × 6 Gaussian of the known-MI suite. <c>Estimate</c> draws its adaptive surrogates; <c>EstimateWithError</c>
/// adds the five jackknife runs on 4/5 of the rows. The target is at most 15 times the baseline.
/// </summary>
[MemoryDiagnoser]
public class HybridBenchmarks
{
    private SampleMatrix _x = null!;
    private SampleMatrix _y = null!;
    private KsgMutualInformation _ksg = null!;
    private HybridMutualInformation _hybrid = null!;

    [Params("5000, 1x1", "5000, 6x6")]
    public string Case { get; set; } = "5000, 1x1";

    [GlobalSetup]
    public void Setup()
    {
        MultivariateNormalTask task = Case.EndsWith("6x6", StringComparison.Ordinal)
            ? MultivariateNormalTask.SparseInteractions(6, 6, 2, 0.8)
            : MultivariateNormalTask.CorrelatedPair(0.6);
        (_x, _y) = task.Sample(5000, 42);
        _ksg = new KsgMutualInformation { Scaling = SampleScaling.NormalScores };
        _hybrid = new HybridMutualInformation(new KsgMutualInformation { Scaling = SampleScaling.None });
    }

    [Benchmark(Baseline = true)]
    public double KsgOnNormalScores() => _ksg.Estimate(_x, _y).Nats;

    [Benchmark]
    public double Hybrid() => _hybrid.Estimate(_x, _y).Nats;

    [Benchmark]
    public double HybridWithError() => _hybrid.EstimateWithError(_x, _y).StandardError.Nats;
}
