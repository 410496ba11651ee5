using BenchmarkDotNet.Attributes;
using InfoTheory.Continuous;
using InfoTheory.Selection;

namespace InfoTheory.Benchmarks;

/// <summary>Seeded one-factor data: column k = ρ_k·z + √(1 − ρ_k²)·e_k, ρ_k spread over (0, 0.9].</summary>
internal static class SelectionData
{
    public static (SampleMatrix Samples, double[] Factor) Factor(int n, int p, int seed)
    {
        var random = new Random(seed);
        double[] z = new double[n];
        for (int i = 0; i < n; i++)
        {
            z[i] = Normal(random);
        }

        double[] data = new double[n * p];
        for (int k = 0; k < p; k++)
        {
            double rho = 0.9 * (k + 1) / p;
            for (int i = 0; i < n; i++)
            {
                data[(i * p) + k] = (rho * z[i]) + (Math.Sqrt(1 - (rho * rho)) * Normal(random));
            }
        }

        return (SampleMatrix.FromRowMajor(data, p), z);
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1.0 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}

/// <summary>
/// The Gaussian-copula dependence matrix at n = 10⁴ with p = 200 and p = 1000 columns (the target: p = 1000 in
/// seconds on 2 cores). One thread is the baseline, two threads the comparison; each run includes the normal scores.
/// </summary>
[MemoryDiagnoser]
public class CopulaDependenceMatrixBenchmarks
{
    private SampleMatrix _samples = null!;
    private DependenceMatrix _one = null!;
    private DependenceMatrix _two = null!;

    [Params(200, 1000)]
    public int P { get; set; } = 1000;

    [GlobalSetup]
    public void Setup()
    {
        (_samples, _) = SelectionData.Factor(10_000, P, 42);
        _one = new DependenceMatrix { MaxDegreeOfParallelism = 1 };
        _two = new DependenceMatrix { MaxDegreeOfParallelism = 2 };
    }

    [Benchmark(Baseline = true)]
    public double OneThread() => _one.Compute(_samples)[0, 1];

    [Benchmark]
    public double TwoThreads() => _two.Compute(_samples)[0, 1];
}

/// <summary>
/// The KSG dependence matrix at p = 200 with n = 10³ and n = 10⁴ (the target: p = 200 at n = 10⁴ in seconds on
/// 2 cores) and at p = 50 with n = 10⁴, and the plug-in matrix at p = 200, n = 10⁴ on data rounded to a few levels. One
/// thread is the baseline, two threads the comparison; each run includes the per-column preparation (standardising,
/// jitter and sorting, or encoding).
/// </summary>
[MemoryDiagnoser]
public class DependenceMatrixBenchmarks
{
    private SampleMatrix _samples = null!;
    private DependenceMatrix _one = null!;
    private DependenceMatrix _two = null!;

    [Params("ksg p=200 n=1e3", "ksg p=50 n=1e4", "ksg p=200 n=1e4", "plugin p=200 n=1e4")]
    public string Case { get; set; } = "ksg p=200 n=1e3";

    [GlobalSetup]
    public void Setup()
    {
        string[] parts = Case.Split(' ');
        int p = int.Parse(parts[1][2..], System.Globalization.CultureInfo.InvariantCulture);
        int n = parts[2] == "n=1e4" ? 10_000 : 1_000;
        (_samples, _) = SelectionData.Factor(n, p, 42);
        DependenceEstimator estimator = parts[0] == "ksg" ? DependenceEstimator.Ksg : DependenceEstimator.PlugIn;
        if (estimator == DependenceEstimator.PlugIn)
        {
            _samples = SampleMatrix.FromRowMajor([.. _samples.Data.ToArray().Select(v => Math.Round(v * 2))], p);
        }

        _one = new DependenceMatrix { Estimator = estimator, MaxDegreeOfParallelism = 1 };
        _two = new DependenceMatrix { Estimator = estimator, MaxDegreeOfParallelism = 2 };
    }

    [Benchmark(Baseline = true)]
    public double OneThread() => _one.Compute(_samples)[0, 1];

    [Benchmark]
    public double TwoThreads() => _two.Compute(_samples)[0, 1];
}

/// <summary>
/// One KSG pair at n = 10⁴ (k = 3) on columns prepared once: the generic <see cref="KsgMutualInformation"/> (k-d tree
/// search in the plane and two sorted range counts, building its indexes on every call; the path the dependence matrix
/// used before) as the baseline, against the dependence matrix's pair path on the columns' stored sorted orders. Both
/// give the same bits. Independent columns and a pair at ρ = 0.9.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class KsgPairBenchmarks
{
    private SampleMatrix _x = null!;
    private SampleMatrix _y = null!;
    private InfoTheory.Selection.Internal.SortedColumn _sortedX = null!;
    private InfoTheory.Selection.Internal.SortedColumn _sortedY = null!;
    private readonly KsgMutualInformation _generic = new() { Scaling = SampleScaling.None, Ties = TieHandling.None, MaxDegreeOfParallelism = 1 };

    [Params("independent", "rho=0.9")]
    public string Case { get; set; } = "independent";

    [GlobalSetup]
    public void Setup()
    {
        // Column 9 of the one-factor data has correlation 0.9 with the factor; an independent draw is the other case.
        (SampleMatrix samples, double[] factor) = SelectionData.Factor(10_000, 10, 5);
        double[] other = Case == "independent" ? SelectionData.Factor(10_000, 1, 6).Samples.Column(0) : factor;
        SampleMatrix pair = SampleMatrix.FromRowMajor([.. Enumerable.Range(0, 10_000).SelectMany(i => new[] { other[i], samples[i, 9] })], 2);
        PreparedColumns prepared = new DependenceMatrix { Estimator = DependenceEstimator.Ksg }.Prepare(pair);
        _x = prepared.Standardized[0];
        _y = prepared.Standardized[1];
        _sortedX = prepared.Sorted[0];
        _sortedY = prepared.Sorted[1];
    }

    [Benchmark(Baseline = true)]
    public double Generic() => _generic.Estimate(_x, _y).Nats;

    [Benchmark]
    public double SortedPairPath() => InfoTheory.Selection.Internal.KsgPairs.Estimate(_sortedX, _sortedY, 3, new InfoTheory.Continuous.Internal.DigammaTable(10_000));
}

/// <summary>
/// Feature scores of p = 100 continuous columns against a target at n = 10⁴: continuous target (KSG per column) and a
/// two-class target (Ross per column). One thread is the baseline.
/// </summary>
[MemoryDiagnoser]
public class FeatureScoresBenchmarks
{
    private SampleMatrix _features = null!;
    private double[] _target = null!;
    private int[] _labels = null!;

    [Params("regression", "classification")]
    public string Case { get; set; } = "regression";

    [GlobalSetup]
    public void Setup()
    {
        (_features, _target) = SelectionData.Factor(10_000, 100, 7);
        _labels = [.. _target.Select(v => v > 0 ? 1 : 0)];
    }

    [Benchmark(Baseline = true)]
    public double OneThread() => Run(new FeatureScores { MaxDegreeOfParallelism = 1 });

    [Benchmark]
    public double TwoThreads() => Run(new FeatureScores { MaxDegreeOfParallelism = 2 });

    private double Run(FeatureScores scores) => Case == "regression"
        ? scores.Score(_features, _target)[0].Information.Nats
        : scores.Score(_features, _labels)[0].Information.Nats;
}

/// <summary>Greedy mRMR and JMI: 10 of p = 100 features binned into 8 equal-frequency bins, n = 10⁴, two classes. MIM (relevance only) is the baseline.</summary>
[MemoryDiagnoser]
public class FeatureSelectionBenchmarks
{
    private int[][] _features = null!;
    private int[] _labels = null!;

    [GlobalSetup]
    public void Setup()
    {
        (SampleMatrix features, double[] target) = SelectionData.Factor(10_000, 100, 3);
        _features = new EqualFrequencyBinning(8) { Scope = BinningScope.PerColumn }.DiscretizeColumns(features);
        _labels = [.. target.Select(v => v > 0 ? 1 : 0)];
    }

    [Benchmark(Baseline = true)]
    public int Mim() => new FeatureSelection { Criterion = SelectionCriterion.Mim, MaxDegreeOfParallelism = 2 }.Select(_features, _labels, 10).Order[^1];

    [Benchmark]
    public int Mrmr() => new FeatureSelection { Criterion = SelectionCriterion.Mrmr, MaxDegreeOfParallelism = 2 }.Select(_features, _labels, 10).Order[^1];

    [Benchmark]
    public int Jmi() => new FeatureSelection { Criterion = SelectionCriterion.Jmi, MaxDegreeOfParallelism = 2 }.Select(_features, _labels, 10).Order[^1];
}
