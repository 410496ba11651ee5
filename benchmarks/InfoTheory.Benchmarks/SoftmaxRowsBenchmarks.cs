using System.Numerics.Tensors;
using BenchmarkDotNet.Attributes;
using InfoTheory.Primitives;

namespace InfoTheory.Benchmarks;

/// <summary>
/// Row-wise entropy of softmax from float32 logits: attention maps [8192 × 4096] and
/// language-model token logits [64 × 128256].
/// </summary>
[MemoryDiagnoser]
public class SoftmaxEntropyRowsBenchmarks
{
    private float[] _logits = [];
    private float[] _destination = [];
    private float[] _buffer = [];
    private float[] _logs = [];

    [Params("8192x4096", "64x128256")]
    public string Shape { get; set; } = "8192x4096";

    private int Rows { get; set; }

    private int RowLength { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        Rows = int.Parse(Shape.Split('x')[0], System.Globalization.CultureInfo.InvariantCulture);
        RowLength = int.Parse(Shape.Split('x')[1], System.Globalization.CultureInfo.InvariantCulture);
        _logits = Data.Logits(Rows * RowLength, 7);
        _destination = new float[Rows];
        _buffer = new float[RowLength];
        _logs = new float[RowLength];
    }

    /// <summary>Per row: max, then Σe and Σe·t with MathF.Exp, accumulated in double.</summary>
    [Benchmark(Baseline = true)]
    public float ScalarPerRow()
    {
        int n = RowLength;
        for (int r = 0; r < Rows; r++)
        {
            ReadOnlySpan<float> row = _logits.AsSpan(r * n, n);
            float max = float.NegativeInfinity;
            foreach (float v in row)
            {
                max = MathF.Max(max, v);
            }

            double z = 0, weighted = 0;
            foreach (float v in row)
            {
                float t = v - max;
                float e = MathF.Exp(t);
                z += e;
                weighted += e * t;
            }

            _destination[r] = (float)(Math.Log(z) - (weighted / z));
        }

        return _destination[0];
    }

    /// <summary>Per row: TensorPrimitives.SoftMax into a buffer, Log into a second buffer, then −Dot (the obvious composition).</summary>
    [Benchmark]
    public float TensorPrimitivesSoftMaxLogDot()
    {
        int n = RowLength;
        for (int r = 0; r < Rows; r++)
        {
            TensorPrimitives.SoftMax(_logits.AsSpan(r * n, n), _buffer);
            TensorPrimitives.Log(_buffer, _logs);
            _destination[r] = -TensorPrimitives.Dot(_buffer, _logs);
        }

        return _destination[0];
    }

    [Benchmark]
    public float InformationPrimitivesSoftmaxEntropyRows()
    {
        InformationPrimitives.SoftmaxEntropyRows(_logits, RowLength, _destination);
        return _destination[0];
    }
}
