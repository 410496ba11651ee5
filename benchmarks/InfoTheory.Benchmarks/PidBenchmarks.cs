using BenchmarkDotNet.Attributes;
using InfoTheory.Multivariate;

namespace InfoTheory.Benchmarks;

/// <summary>
/// Two-source PID of a random pmf with full support on an n × n × n alphabet (seeded): BROJA to a certified gap of
/// 1e-9 bits against the closed-form measures on the same distribution (I_min is the baseline: one pass over the pmf).
/// </summary>
[MemoryDiagnoser]
public class PidBenchmarks
{
    private DiscreteDistribution _distribution = null!;
    private readonly BrojaRedundancy _broja = new() { GapTolerance = 1e-9 * Math.Log(2) };

    [Params(8, 16)]
    public int Alphabet { get; set; } = 8;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(7);
        var outcomes = new List<int[]>();
        var p = new List<double>();
        for (int i = 0; i < Alphabet; i++)
        {
            for (int j = 0; j < Alphabet; j++)
            {
                for (int t = 0; t < Alphabet; t++)
                {
                    outcomes.Add([i, j, t]);
                    p.Add(random.NextDouble());
                }
            }
        }

        _distribution = DiscreteDistribution.Create(outcomes, p.ToArray(), normalize: true);
    }

    [Benchmark(Baseline = true)]
    public double Imin() => PartialInformation.Decompose(_distribution, new WilliamsBeerRedundancy()).Redundancy.Nats;

    [Benchmark]
    public double Broja() => PartialInformation.Decompose(_distribution, _broja).Redundancy.Nats;
}
