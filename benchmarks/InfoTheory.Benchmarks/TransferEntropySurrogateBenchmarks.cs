using BenchmarkDotNet.Attributes;
using InfoTheory.Continuous;
using InfoTheory.TimeSeries;

namespace InfoTheory.Benchmarks;

/// <summary>
/// The cost of one surrogate of a KSG (Frenzel-Pompe, K = 3) transfer-entropy significance test against one estimate, at
/// n = 10⁴, k = l = 1, on Y_t = 0.5 Y_{t−1} + 0.6 X_{t−1} + ε_t with X and ε i.i.d. N(0, 1); one thread throughout.
/// <see cref="Estimate"/> (the baseline) is one transfer entropy from the series. <see cref="PerSurrogate"/> is a
/// 100-surrogate test (source permutation) divided by 100: the target side's neighbour searches are built once per test
/// and shared by the surrogates, and the observed estimate adds 1/100 of an estimate. <see cref="PerSurrogateFresh"/> is
/// the same test with every surrogate a fresh estimate (the estimator wrapped so the test cannot keep anything), the
/// cost before the target side was kept; both tests give the same bits.
/// </summary>
[MemoryDiagnoser]
public class TransferEntropySurrogateBenchmarks
{
    private const int Surrogates = 100;

    private SampleMatrix _x = null!;
    private SampleMatrix _y = null!;
    private TransferEntropy _te = null!;
    private TransferEntropy _fresh = null!;

    [GlobalSetup]
    public void Setup()
    {
        const int n = 10_000;
        var random = new Random(42);
        double[] x = new double[n], y = new double[n];
        for (int t = 0; t < n; t++)
        {
            x[t] = Normal(random);
            y[t] = (t > 0 ? (0.5 * y[t - 1]) + (0.6 * x[t - 1]) : 0) + Normal(random);
        }

        _x = SampleMatrix.FromRowMajor(x, 1);
        _y = SampleMatrix.FromRowMajor(y, 1);
        var ksg = new KsgConditionalMutualInformation { MaxDegreeOfParallelism = 1 };
        _te = new TransferEntropy(ksg);
        _fresh = new TransferEntropy(new Fresh(ksg));
    }

    [Benchmark(Baseline = true)]
    public double Estimate() => _te.Estimate([_x], [_y]).Nats;

    [Benchmark(OperationsPerInvoke = Surrogates)]
    public double PerSurrogate() => _te.Test([_x], [_y], null, Surrogates, TransferEntropySurrogates.PermuteSource, seed: 1, maxDegreeOfParallelism: 1).PValue;

    [Benchmark(OperationsPerInvoke = Surrogates)]
    public double PerSurrogateFresh() => _fresh.Test([_x], [_y], null, Surrogates, TransferEntropySurrogates.PermuteSource, seed: 1, maxDegreeOfParallelism: 1).PValue;

    private static double Normal(Random random)
    {
        double u = 1 - random.NextDouble(), v = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u)) * Math.Cos(2 * Math.PI * v);
    }

    /// <summary>Hands every call to the KSG estimator; a transfer entropy over it sees no KSG estimator to keep parts of.</summary>
    private sealed class Fresh(KsgConditionalMutualInformation ksg) : IMultivariateConditionalMutualInformationEstimator
    {
        public Information Estimate(SampleMatrix x, SampleMatrix y, SampleMatrix z) => ksg.Estimate(x, y, z);
    }
}
