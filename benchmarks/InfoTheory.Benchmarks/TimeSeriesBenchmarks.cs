using BenchmarkDotNet.Attributes;
using InfoTheory.Continuous;
using InfoTheory.TimeSeries;

namespace InfoTheory.Benchmarks;

/// <summary>
/// KSG (Frenzel-Pompe) transfer entropy at n = 10⁵, k = l = 1, on Y_t = 0.5 Y_{t−1} + 0.6 X_{t−1} + ε_t with X and
/// ε i.i.d. N(0, 1), against the plain KSG conditional mutual information on the same embedded matrices (the
/// baseline): the difference is the cost of embedding (one pooled buffer per block) and the conditioning join.
/// One thread each.
/// </summary>
[MemoryDiagnoser]
public class TimeSeriesBenchmarks
{
    private double[] _x = null!;
    private double[] _y = null!;
    private TransferEntropySample _sample = null!;
    private KsgConditionalMutualInformation _cmi = null!;
    private TransferEntropy _te = null!;

    [GlobalSetup]
    public void Setup()
    {
        const int n = 100_000;
        var random = new Random(42);
        _x = new double[n];
        _y = new double[n];
        for (int t = 0; t < n; t++)
        {
            _x[t] = Normal(random);
            _y[t] = (t > 0 ? (0.5 * _y[t - 1]) + (0.6 * _x[t - 1]) : 0) + Normal(random);
        }

        _cmi = new KsgConditionalMutualInformation { MaxDegreeOfParallelism = 1 };
        _te = new TransferEntropy(_cmi);
        _sample = _te.Embed([SampleMatrix.FromRowMajor(_x, 1)], [SampleMatrix.FromRowMajor(_y, 1)]);
    }

    [Benchmark(Baseline = true)]
    public double KsgConditionalMutualInformationOnEmbedded() => _cmi.Estimate(_sample.Present, _sample.SourcePast, _sample.TargetPast).Nats;

    [Benchmark]
    public double KsgTransferEntropy() => _te.Estimate(_x, _y).Nats;

    private static double Normal(Random random)
    {
        double u = 1 - random.NextDouble(), v = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u)) * Math.Cos(2 * Math.PI * v);
    }
}
