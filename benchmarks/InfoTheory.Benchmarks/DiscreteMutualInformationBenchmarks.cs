using BenchmarkDotNet.Attributes;
using InfoTheory.Discrete;

namespace InfoTheory.Benchmarks;

/// <summary>
/// Plug-in MI from symbol pairs, including building the table: 10⁷ pairs over 256 × 256
/// (dense table path), and 10⁶ pairs whose joint alphabet has about 10⁶ distinct values (sorted path).
/// </summary>
[MemoryDiagnoser]
public class DiscreteMutualInformationBenchmarks
{
    private readonly DiscreteMutualInformation _plugIn = new();
    private int[] _x = [];
    private int[] _y = [];

    [Params("1e7 pairs, 256x256", "1e6 pairs, ~1e6 distinct")]
    public string Case { get; set; } = "1e7 pairs, 256x256";

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(17);
        bool dense = Case.StartsWith("1e7", StringComparison.Ordinal);
        int n = dense ? 10_000_000 : 1_000_000;
        _x = new int[n];
        _y = new int[n];
        for (int i = 0; i < n; i++)
        {
            if (dense)
            {
                _x[i] = random.Next(256);
                _y[i] = (_x[i] + random.Next(64)) % 256;
            }
            else
            {
                _x[i] = random.Next(1_000_000_000);
                _y[i] = random.Next(1_000_000_000);
            }
        }
    }

    /// <summary>A plain loop: dictionary counts of pairs and of each margin, then the plug-in formula.</summary>
    [Benchmark(Baseline = true)]
    public double DictionaryBaseline()
    {
        var joint = new Dictionary<long, int>();
        var mx = new Dictionary<int, int>();
        var my = new Dictionary<int, int>();
        for (int i = 0; i < _x.Length; i++)
        {
            long key = ((long)_x[i] << 32) | (uint)_y[i];
            joint[key] = joint.GetValueOrDefault(key) + 1;
            mx[_x[i]] = mx.GetValueOrDefault(_x[i]) + 1;
            my[_y[i]] = my.GetValueOrDefault(_y[i]) + 1;
        }

        double n = _x.Length, mi = 0;
        foreach ((long key, int c) in joint)
        {
            int a = (int)(key >> 32), b = (int)(uint)key;
            mi += c / n * Math.Log(c * n / ((double)mx[a] * my[b]));
        }

        return mi;
    }

    [Benchmark]
    public double DiscreteMutualInformationPlugIn() => _plugIn.Estimate(_x, _y).Nats;
}
