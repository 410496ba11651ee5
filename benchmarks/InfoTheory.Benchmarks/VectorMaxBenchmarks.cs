using System.Numerics.Tensors;
using BenchmarkDotNet.Attributes;
using InfoTheory.Primitives.Simd;

namespace InfoTheory.Benchmarks;

/// <summary>The row kernels' maximum against <see cref="TensorPrimitives.Max{T}(ReadOnlySpan{T})"/> on one row of token logits (steady state).</summary>
public class VectorMaxBenchmarks
{
    private float[] _row = [];

    [Params(4096, 32_000, 128_256)]
    public int Length { get; set; }

    [GlobalSetup]
    public void Setup() => _row = Data.Logits(Length, 11);

    [Benchmark(Baseline = true)]
    public float TensorPrimitivesMax() => TensorPrimitives.Max(_row);

    [Benchmark]
    public float VectorMaxMax() => VectorMax.Max<float>(_row);
}
