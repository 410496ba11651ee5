using BenchmarkDotNet.Attributes;
using InfoTheory.Continuous;
using InfoTheory.Neural;
using InfoTheory.Testing;

namespace InfoTheory.Benchmarks;

/// <summary>
/// One trained-critic estimate on a 5 × 5 Gaussian (the suite's normal-5x5-dense-rho0.5, I = 0.593 nats), n = 5000:
/// 2000 Adam steps on batches of 256 with early stopping off, the held-out bound read every 250 steps (issue 14's
/// performance item). The joint critic on one thread is the baseline; the same on every core gives the same bits.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class NeuralBenchmarks
{
    private SampleMatrix _x = null!;
    private SampleMatrix _y = null!;

    [GlobalSetup]
    public void Setup() => (_x, _y) = MutualInformationTaskSuite.Get("normal-5x5-dense-rho0.5").Sample(5000, 7);

    [Benchmark(Baseline = true)]
    public double JointInfoNceOneThread() =>
        new NeuralMutualInformation { Patience = null, MaxDegreeOfParallelism = 1 }.Estimate(_x, _y).Nats;

    [Benchmark]
    public double JointInfoNceAllCores() =>
        new NeuralMutualInformation { Patience = null }.Estimate(_x, _y).Nats;

    [Benchmark]
    public double SeparableInfoNce() =>
        new NeuralMutualInformation { Patience = null, Critic = CriticArchitecture.Separable }.Estimate(_x, _y).Nats;
}
