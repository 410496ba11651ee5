using BenchmarkDotNet.Attributes;
using InfoTheory.Language;
using InfoTheory.Primitives;

namespace InfoTheory.Benchmarks;

/// <summary>Entropy and varentropy of softmax rows from float32 token logits [8192 × 4096] (128 MB), and from the same logits in Half (64 MB).</summary>
[MemoryDiagnoser]
[MedianColumn]
public class VarentropyRowsBenchmarks
{
    private const int Rows = 8192;
    private const int RowLength = 4096;
    private float[] _logits = [];
    private Half[] _half = [];
    private float[] _entropy = [];
    private float[] _varentropy = [];

    [GlobalSetup]
    public void Setup()
    {
        _logits = Data.Logits(Rows * RowLength, 13);
        _half = [.. _logits.Select(v => (Half)v)];
        _entropy = new float[Rows];
        _varentropy = new float[Rows];
    }

    /// <summary>Per row: max, then Σe, Σe·t and Σe·t² with MathF.Exp, accumulated in double.</summary>
    [Benchmark(Baseline = true)]
    public float ScalarPerRow()
    {
        for (int r = 0; r < Rows; r++)
        {
            ReadOnlySpan<float> row = _logits.AsSpan(r * RowLength, RowLength);
            float max = float.NegativeInfinity;
            foreach (float v in row)
            {
                max = MathF.Max(max, v);
            }

            double z = 0, a = 0, b = 0;
            foreach (float v in row)
            {
                float t = v - max;
                float e = MathF.Exp(t);
                z += e;
                a += e * t;
                b += e * t * t;
            }

            double mean = a / z;
            _entropy[r] = (float)(Math.Log(z) - mean);
            _varentropy[r] = (float)((b / z) - (mean * mean));
        }

        return _varentropy[0];
    }

    /// <summary>Both in one pass after each row's maximum.</summary>
    [Benchmark]
    public float EntropyAndVarentropyRows()
    {
        TokenEntropy.EntropyAndVarentropyRows(_logits, RowLength, _entropy, _varentropy);
        return _varentropy[0];
    }

    /// <summary>Entropy alone, for comparison: what the second moment costs on top.</summary>
    [Benchmark]
    public float SoftmaxEntropyRowsOnly()
    {
        InformationPrimitives.SoftmaxEntropyRows(_logits, RowLength, _entropy);
        return _entropy[0];
    }

    /// <summary>Both from Half logits: each row widened to float (vectorised), then the float pass.</summary>
    [Benchmark]
    public float EntropyAndVarentropyRowsHalf()
    {
        TokenEntropy.EntropyAndVarentropyRows(_half, RowLength, _entropy, _varentropy);
        return _varentropy[0];
    }
}
