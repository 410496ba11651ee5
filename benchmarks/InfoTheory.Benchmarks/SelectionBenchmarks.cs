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
/// The KSG dependence matrix at p = 200 with n = 10³ and at p = 50 with n = 10⁴ (one KSG estimate per pair), and the
/// plug-in matrix at p = 200, n = 10⁴ on data rounded to a few levels. One thread is the baseline, two threads the
/// comparison; each run includes the per-column preparation (standardising and jitter, or encoding).
/// </summary>
[MemoryDiagnoser]
public class DependenceMatrixBenchmarks
{
    private SampleMatrix _samples = null!;
    private DependenceMatrix _one = null!;
    private DependenceMatrix _two = null!;

    [Params("ksg p=200 n=1e3", "ksg p=50 n=1e4", "plugin p=200 n=1e4")]
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
