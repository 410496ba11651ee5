using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Filters;
using BenchmarkDotNet.Running;
using InfoTheory.Continuous;
using InfoTheory.Continuous.Neighbors;

namespace InfoTheory.Benchmarks;

/// <summary>
/// The neighbour work of one k-NN estimate on n standard normal points of dimension d, one thread: build the search,
/// find the k = 3 nearest neighbours of every point (maximum norm), then count strictly within each point's k-th
/// distance. The scalar reference is the baseline where it runs in reasonable time (n ≤ 10⁴; it is O(n²·d)); the
/// sorted search applies to d = 1 only.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[Config(typeof(NeighborSearchBenchmarks.SkipConfig))]
public class NeighborSearchBenchmarks
{
    private const int K = 3;
    private SampleMatrix _points = null!;
    private int[] _neighbors = [];
    private double[] _distances = [];
    private double[] _radii = [];
    private int[] _counts = [];

    [Params(1, 2, 10)]
    public int D { get; set; }

    [Params(1_000, 10_000, 100_000)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        double[] data = new double[N * D];
        for (int i = 0; i < data.Length; i++)
        {
            data[i] = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        }

        _points = SampleMatrix.FromRowMajor(data, D);
        _neighbors = new int[N * K];
        _distances = new double[N * K];
        _radii = new double[N];
        _counts = new int[N];
    }

    [Benchmark(Baseline = true)]
    public int BruteForce() => Run(NeighborSearchMethod.BruteForce);

    [Benchmark]
    public int KdTree() => Run(NeighborSearchMethod.KdTree);

    [Benchmark]
    public int Sorted() => Run(NeighborSearchMethod.Sorted);

    [Benchmark]
    public int VectorizedBruteForce() => Run(NeighborSearchMethod.VectorizedBruteForce);

    private int Run(NeighborSearchMethod method)
    {
        NeighborSearch search = NeighborSearch.Create(_points, NeighborMetric.Maximum, method);
        search.KNearest(K, _neighbors, _distances, maxDegreeOfParallelism: 1);
        for (int i = 0; i < N; i++)
        {
            _radii[i] = _distances[(i * K) + K - 1];
        }

        search.CountWithin(_radii, inclusive: false, _counts, maxDegreeOfParallelism: 1);
        return _counts[0];
    }

    /// <summary>Leaves out the cases that do not apply (sorted search for d &gt; 1) or would run for minutes (the reference at n = 10⁵).</summary>
    private sealed class SkipConfig : ManualConfig
    {
        public SkipConfig() => AddFilter(new SimpleFilter(Applies));

        private static bool Applies(BenchmarkCase benchmark)
        {
            string method = benchmark.Descriptor.WorkloadMethod.Name;
            int d = (int)benchmark.Parameters["D"];
            int n = (int)benchmark.Parameters["N"];
            return method switch
            {
                nameof(Sorted) => d == 1,
                nameof(BruteForce) => n <= 10_000,
                _ => true,
            };
        }
    }
}

/// <summary>
/// The neighbour work of KSG estimator 1 (k = 3) for one-dimensional X and Y: a k-d tree over the joint (X, Y) points
/// for the k-th neighbour distances, then strict counts within them in the sorted X and Y marginals. Correlated
/// normal pairs (ρ = 0.6); one thread, and all cores.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class KsgNeighborWorkBenchmarks
{
    private const int K = 3;
    private SampleMatrix _joint = null!;
    private SampleMatrix _x = null!;
    private SampleMatrix _y = null!;
    private int[] _neighbors = [];
    private double[] _distances = [];
    private double[] _radii = [];
    private int[] _countsX = [];
    private int[] _countsY = [];

    [Params(100_000, 1_000_000)]
    public int N { get; set; }

    [Params(1, -1)]
    public int MaxDegreeOfParallelism { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(7);
        double[] joint = new double[2 * N], x = new double[N], y = new double[N];
        for (int i = 0; i < N; i++)
        {
            double a = Normal(random), b = (0.6 * a) + (0.8 * Normal(random));
            joint[2 * i] = x[i] = a;
            joint[(2 * i) + 1] = y[i] = b;
        }

        _joint = SampleMatrix.FromRowMajor(joint, 2);
        _x = SampleMatrix.FromRowMajor(x, 1);
        _y = SampleMatrix.FromRowMajor(y, 1);
        _neighbors = new int[N * K];
        _distances = new double[N * K];
        _radii = new double[N];
        _countsX = new int[N];
        _countsY = new int[N];
    }

    [Benchmark]
    public int JointKNearestThenMarginalCounts()
    {
        NeighborSearch.Create(_joint, NeighborMetric.Maximum).KNearest(K, _neighbors, _distances, MaxDegreeOfParallelism);
        for (int i = 0; i < N; i++)
        {
            _radii[i] = _distances[(i * K) + K - 1];
        }

        NeighborSearch.Create(_x, NeighborMetric.Maximum).CountWithin(_radii, inclusive: false, _countsX, MaxDegreeOfParallelism);
        NeighborSearch.Create(_y, NeighborMetric.Maximum).CountWithin(_radii, inclusive: false, _countsY, MaxDegreeOfParallelism);
        return _countsX[0] + _countsY[0];
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
