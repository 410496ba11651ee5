using BenchmarkDotNet.Attributes;
using InfoTheory.Continuous;
using InfoTheory.Multivariate;

namespace InfoTheory.Benchmarks;

/// <summary>
/// Gaussian-copula O-information of every multiplet of p = 100 variables from n = 10⁴ samples, single-threaded, the
/// normal scores and the correlation matrix included (the targets: triplets ≤ 0.2 s, quadruplets ≤ 2 s). The baseline
/// is the copula transform and correlation matrix alone, which every order pays once.
/// </summary>
[MemoryDiagnoser]
public class MultipletBenchmarks
{
    private SampleMatrix _samples = null!;

    [Params(3, 4)]
    public int Order { get; set; } = 3;

    [GlobalSetup]
    public void Setup()
    {
        // Five latent factors shared by groups of variables, plus noise: a realistic mix of dependence.
        const int n = 10_000, p = 100;
        var random = new Random(17);
        double[] data = new double[n * p];
        double[] factors = new double[5];
        for (int i = 0; i < n; i++)
        {
            for (int f = 0; f < factors.Length; f++)
            {
                factors[f] = Gaussian(random);
            }

            for (int j = 0; j < p; j++)
            {
                data[(i * p) + j] = (j % 3 == 0 ? factors[j % 5] : 0) + Gaussian(random);
            }
        }

        _samples = SampleMatrix.FromRowMajor(data, p);
    }

    [Benchmark(Baseline = true)]
    public double CovarianceOnly() => new MultipletSearch { Order = 3, Top = 1, MaxDegreeOfParallelism = 1, MaxExhaustive = 1, AnnealingChains = 1, AnnealingSteps = 1 }.Run(_samples).Highest[0].Value.Nats;

    [Benchmark]
    public double Exhaustive() => new MultipletSearch { Order = Order, Top = 20, MaxDegreeOfParallelism = 1 }.Run(_samples).Highest[0].Value.Nats;

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
