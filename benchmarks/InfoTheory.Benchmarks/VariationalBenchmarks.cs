using BenchmarkDotNet.Attributes;
using InfoTheory.Variational;

namespace InfoTheory.Benchmarks;

/// <summary>
/// Variational MI bounds on a K × K float critic score matrix (K = 4096 is 64 MB of scores): InfoNCE and
/// Donsker-Varadhan against a scalar InfoNCE loop (no standard error).
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class VariationalBenchmarks
{
    private float[] _scores = [];

    [Params(1024, 4096)]
    public int K { get; set; } = 4096;

    [GlobalSetup]
    public void Setup() => _scores = Data.Logits(K * K, 11);

    /// <summary>Per row: max, Σ MathF.Exp(s − max) in double, then the diagonal's log-softmax; the bound only.</summary>
    [Benchmark(Baseline = true)]
    public double ScalarInfoNce()
    {
        int k = K;
        double total = 0;
        for (int i = 0; i < k; i++)
        {
            ReadOnlySpan<float> row = _scores.AsSpan(i * k, k);
            float max = float.NegativeInfinity;
            foreach (float v in row)
            {
                max = MathF.Max(max, v);
            }

            double z = 0;
            foreach (float v in row)
            {
                z += MathF.Exp(v - max);
            }

            total += row[i] - max - Math.Log(z);
        }

        return Math.Log(k) + (total / k);
    }

    /// <summary>InfoNCE with its standard error (row log-sum-exp plus the softmax column weights).</summary>
    [Benchmark]
    public double InfoNce() => VariationalBounds.InfoNce(_scores, K).Bound.Nats;

    /// <summary>Donsker-Varadhan with its standard error (off-diagonal row and column exponential sums).</summary>
    [Benchmark]
    public double DonskerVaradhan() => VariationalBounds.DonskerVaradhan(_scores, K).Bound.Nats;
}
