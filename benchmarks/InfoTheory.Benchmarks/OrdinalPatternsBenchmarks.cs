using BenchmarkDotNet.Attributes;
using InfoTheory.TimeSeries;

namespace InfoTheory.Benchmarks;

/// <summary>
/// Permutation entropy of 10⁷ uniform samples at d = 5, τ = 1 (the target: memory-bandwidth bound, ≤ 50 ms),
/// against the baseline of coding every window with <see cref="OrdinalPatterns.Encode"/> and sorting the codes, the
/// route the entropy took before it counted into a dense table.
/// </summary>
[MemoryDiagnoser]
public class OrdinalPatternsBenchmarks
{
    private double[] _series = null!;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        _series = new double[10_000_000];
        for (int i = 0; i < _series.Length; i++)
        {
            _series[i] = random.NextDouble();
        }
    }

    [Benchmark(Baseline = true)]
    public int EncodeAndSort()
    {
        long[] codes = OrdinalPatterns.Encode(_series, 5);
        Array.Sort(codes);
        int distinct = 1;
        for (int i = 1; i < codes.Length; i++)
        {
            distinct += codes[i] != codes[i - 1] ? 1 : 0;
        }

        return distinct;
    }

    [Benchmark]
    public double PermutationEntropy() => OrdinalPatterns.PermutationEntropy(_series, 5).Nats;
}
