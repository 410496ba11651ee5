using System.Numerics.Tensors;
using BenchmarkDotNet.Attributes;
using InfoTheory.Primitives;

namespace InfoTheory.Benchmarks;

/// <summary>KL(p‖q) over doubles.</summary>
[MemoryDiagnoser]
public class KullbackLeiblerBenchmarks
{
    private double[] _p = [];
    private double[] _q = [];
    private double[] _buffer = [];

    [Params(16, 1024, 65536, 1 << 20, 1 << 24)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _p = Data.Pmf(N, 1);
        _q = Data.Pmf(N, 2);
        _buffer = new double[N];
    }

    [Benchmark(Baseline = true)]
    public double ScalarLoop()
    {
        double sum = 0;
        for (int i = 0; i < _p.Length; i++)
        {
            if (_p[i] > 0)
            {
                sum += _p[i] * Math.Log(_p[i] / _q[i]);
            }
        }

        return sum;
    }

    [Benchmark]
    public double TensorPrimitivesDivideLogDot()
    {
        TensorPrimitives.Divide(_p, _q, _buffer);
        TensorPrimitives.Log(_buffer, _buffer);
        return TensorPrimitives.Dot(_p, _buffer);
    }

    [Benchmark]
    public double InformationPrimitivesKullbackLeibler() => InformationPrimitives.KullbackLeibler(_p, _q).Nats;
}

/// <summary>Log-sum-exp over doubles.</summary>
[MemoryDiagnoser]
public class LogSumExpBenchmarks
{
    private double[] _x = [];
    private double[] _buffer = [];

    [Params(16, 1024, 65536, 1 << 20)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _x = Array.ConvertAll(Data.Logits(N, 3), v => (double)v);
        _buffer = new double[N];
    }

    [Benchmark(Baseline = true)]
    public double ScalarLoop()
    {
        double max = double.NegativeInfinity;
        foreach (double v in _x)
        {
            max = Math.Max(max, v);
        }

        double sum = 0;
        foreach (double v in _x)
        {
            sum += Math.Exp(v - max);
        }

        return max + Math.Log(sum);
    }

    [Benchmark]
    public double TensorPrimitivesMaxSubtractExpSum()
    {
        double max = TensorPrimitives.Max(_x);
        TensorPrimitives.Subtract(_x, max, _buffer);
        TensorPrimitives.Exp(_buffer, _buffer);
        return max + Math.Log(TensorPrimitives.Sum(_buffer));
    }

    [Benchmark]
    public double InformationPrimitivesLogSumExp() => InformationPrimitives.LogSumExp(_x);
}
