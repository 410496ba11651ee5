using BenchmarkDotNet.Attributes;
using InfoTheory.Discrete;
using InfoTheory.Statistics;

namespace InfoTheory.Benchmarks;

/// <summary>A 1000-shuffle permutation test of plug-in MI at N = 10⁵ over 16 × 16 symbols, on one thread and on all cores.</summary>
[MemoryDiagnoser]
public class PermutationTestBenchmarks
{
    private readonly DiscreteMutualInformation _plugIn = new();
    private int[] _x = [];
    private int[] _y = [];

    [Params(1, -1)]
    public int MaxDegreeOfParallelism { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(23);
        _x = new int[100_000];
        _y = new int[100_000];
        for (int i = 0; i < _x.Length; i++)
        {
            _x[i] = random.Next(16);
            _y[i] = random.NextDouble() < 0.1 ? _x[i] : random.Next(16);
        }
    }

    [Benchmark]
    public double PermutationTest1000() =>
        PermutationTest.MutualInformation(_plugIn, _x, _y, 1000, seed: 1, MaxDegreeOfParallelism).PValue;
}
