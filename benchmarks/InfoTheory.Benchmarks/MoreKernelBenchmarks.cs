using System.Numerics.Tensors;
using BenchmarkDotNet.Attributes;
using InfoTheory.Primitives;

namespace InfoTheory.Benchmarks;

/// <summary>Cross-entropy −Σ p ln q over doubles.</summary>
[MemoryDiagnoser]
public class CrossEntropyBenchmarks
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
                sum -= _p[i] * Math.Log(_q[i]);
            }
        }

        return sum;
    }

    [Benchmark]
    public double TensorPrimitivesLogDot()
    {
        TensorPrimitives.Log(_q, _buffer);
        return -TensorPrimitives.Dot(_p, _buffer);
    }

    [Benchmark]
    public double InformationPrimitivesCrossEntropy() => InformationPrimitives.CrossEntropy(_p, _q).Nats;
}

/// <summary>Entropy of an int count vector, ln N − Σ c ln c / N.</summary>
[MemoryDiagnoser]
public class EntropyOfCountsBenchmarks
{
    private int[] _counts = [];
    private float[] _buffer = [];
    private float[] _asFloat = [];

    [Params(16, 1024, 65536, 1 << 20, 1 << 24)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(5);
        _counts = new int[N];
        for (int i = 0; i < N; i++)
        {
            _counts[i] = random.Next(1000);
        }

        _buffer = new float[N];
        _asFloat = new float[N];
    }

    [Benchmark(Baseline = true)]
    public double ScalarLoop()
    {
        long total = 0;
        double sum = 0;
        foreach (int c in _counts)
        {
            total += c;
            if (c > 0)
            {
                sum += c * Math.Log(c);
            }
        }

        return total == 0 ? 0 : Math.Log(total) - (sum / total);
    }

    /// <summary>Convert to float, Log, Dot and Sum: four passes, float precision.</summary>
    [Benchmark]
    public double TensorPrimitivesConvertLogDot()
    {
        TensorPrimitives.ConvertChecked<int, float>(_counts, _asFloat);
        TensorPrimitives.Max(_asFloat, 1f, _buffer);
        TensorPrimitives.Log(_buffer, _buffer);
        double total = TensorPrimitives.Sum(_asFloat);
        return Math.Log(total) - (TensorPrimitives.Dot(_asFloat, _buffer) / total);
    }

    [Benchmark]
    public double InformationPrimitivesEntropyOfCounts() => InformationPrimitives.EntropyOfCounts(_counts).Nats;
}

/// <summary>Rényi entropy of order 2.5 over doubles (Σ p^α through exp(α ln p)).</summary>
[MemoryDiagnoser]
public class RenyiEntropyBenchmarks
{
    private double[] _p = [];
    private double[] _buffer = [];

    [Params(16, 1024, 65536, 1 << 20)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _p = Data.Pmf(N, 9);
        _buffer = new double[N];
    }

    [Benchmark(Baseline = true)]
    public double ScalarLoop()
    {
        double sum = 0;
        foreach (double x in _p)
        {
            sum += Math.Pow(x, 2.5);
        }

        return Math.Log(sum) / (1 - 2.5);
    }

    [Benchmark]
    public double TensorPrimitivesPowSum()
    {
        TensorPrimitives.Pow(_p, 2.5, _buffer);
        return Math.Log(TensorPrimitives.Sum(_buffer)) / (1 - 2.5);
    }

    [Benchmark]
    public double InformationPrimitivesRenyiEntropy() => InformationPrimitives.RenyiEntropy(_p, 2.5).Nats;
}

/// <summary>Row-wise KL between two softmax distributions from float logits (distillation) on [8192 × 4096].</summary>
[MemoryDiagnoser]
public class SoftmaxKullbackLeiblerRowsBenchmarks
{
    private const int Rows = 8192;
    private const int RowLength = 4096;
    private float[] _a = [];
    private float[] _b = [];
    private float[] _destination = [];
    private float[] _p = [];
    private float[] _q = [];

    [GlobalSetup]
    public void Setup()
    {
        _a = Data.Logits(Rows * RowLength, 11);
        _b = Data.Logits(Rows * RowLength, 12);
        _destination = new float[Rows];
        _p = new float[RowLength];
        _q = new float[RowLength];
    }

    [Benchmark(Baseline = true)]
    public float ScalarPerRow()
    {
        for (int r = 0; r < Rows; r++)
        {
            ReadOnlySpan<float> a = _a.AsSpan(r * RowLength, RowLength), b = _b.AsSpan(r * RowLength, RowLength);
            float ma = float.NegativeInfinity, mb = float.NegativeInfinity;
            for (int i = 0; i < RowLength; i++)
            {
                ma = MathF.Max(ma, a[i]);
                mb = MathF.Max(mb, b[i]);
            }

            double za = 0, zb = 0, weighted = 0;
            for (int i = 0; i < RowLength; i++)
            {
                float ea = MathF.Exp(a[i] - ma);
                za += ea;
                zb += MathF.Exp(b[i] - mb);
                weighted += ea * ((a[i] - ma) - (b[i] - mb));
            }

            _destination[r] = (float)((weighted / za) - Math.Log(za) + Math.Log(zb));
        }

        return _destination[0];
    }

    /// <summary>Per row: two SoftMax into buffers, then Σ p ln(p/q) by Divide, Log and Dot.</summary>
    [Benchmark]
    public float TensorPrimitivesSoftMaxDivideLogDot()
    {
        for (int r = 0; r < Rows; r++)
        {
            TensorPrimitives.SoftMax(_a.AsSpan(r * RowLength, RowLength), _p);
            TensorPrimitives.SoftMax(_b.AsSpan(r * RowLength, RowLength), _q);
            TensorPrimitives.Divide(_p, _q, _q);
            TensorPrimitives.Log(_q, _q);
            _destination[r] = TensorPrimitives.Dot(_p, _q);
        }

        return _destination[0];
    }

    [Benchmark]
    public float InformationPrimitivesSoftmaxKullbackLeiblerRows()
    {
        InformationPrimitives.SoftmaxKullbackLeiblerRows(_a, _b, RowLength, _destination);
        return _destination[0];
    }
}
