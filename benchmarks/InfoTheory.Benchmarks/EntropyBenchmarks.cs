using System.Numerics.Tensors;
using BenchmarkDotNet.Attributes;
using InfoTheory.Primitives;

namespace InfoTheory.Benchmarks;

/// <summary>H(p) = −Σ p ln p over doubles: scalar loop vs TensorPrimitives composition vs the fused SIMD kernel.</summary>
[MemoryDiagnoser]
public class EntropyDoubleBenchmarks
{
    private double[] _p = [];
    private double[] _buffer = [];

    [Params(16, 1024, 65536, 1 << 20, 1 << 24)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _p = Data.Pmf(N, 42);
        _buffer = new double[N];
    }

    [Benchmark(Baseline = true)]
    public double ScalarLoop()
    {
        double sum = 0;
        foreach (double x in _p)
        {
            if (x > 0)
            {
                sum -= x * Math.Log(x);
            }
        }

        return sum;
    }

    /// <summary>Log into a buffer, then Dot (two passes; only valid here because p has no zeros).</summary>
    [Benchmark]
    public double TensorPrimitivesLogDot()
    {
        TensorPrimitives.Log(_p, _buffer);
        return -TensorPrimitives.Dot(_p, _buffer);
    }

    [Benchmark]
    public double InformationPrimitivesEntropy() => InformationPrimitives.Entropy(_p).Nats;
}

/// <summary>H(p) over floats (accumulated in double by our kernel).</summary>
[MemoryDiagnoser]
public class EntropyFloatBenchmarks
{
    private float[] _p = [];
    private float[] _buffer = [];

    [Params(16, 1024, 65536, 1 << 20, 1 << 24)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _p = Array.ConvertAll(Data.Pmf(N, 42), x => (float)x);
        _buffer = new float[N];
    }

    [Benchmark(Baseline = true)]
    public double ScalarLoop()
    {
        double sum = 0;
        foreach (float x in _p)
        {
            if (x > 0)
            {
                sum -= x * MathF.Log(x);
            }
        }

        return sum;
    }

    [Benchmark]
    public double TensorPrimitivesLogDot()
    {
        TensorPrimitives.Log(_p, _buffer);
        return -TensorPrimitives.Dot(_p, _buffer);
    }

    [Benchmark]
    public double InformationPrimitivesEntropy() => InformationPrimitives.Entropy(_p).Nats;
}
