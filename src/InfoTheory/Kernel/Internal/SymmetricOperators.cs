using System.Buffers;
using System.Numerics.Tensors;
using InfoTheory.Continuous;

namespace InfoTheory.Kernel.Internal;

/// <summary>y_c = A x_c for m vectors stored one after another (m × n, each vector contiguous).</summary>
internal interface ISymmetricOperator
{
    int Size { get; }

    /// <summary>A's diagonal sum.</summary>
    double Trace { get; }

    void Multiply(double[] input, double[] output, int count);
}

/// <summary>An explicit n × n row-major symmetric matrix: each output entry is one SIMD dot product of a row.</summary>
internal sealed class DenseOperator(double[] matrix, int size, int maxDegreeOfParallelism) : ISymmetricOperator
{
    public int Size => size;

    public double Trace
    {
        get
        {
            double trace = 0;
            for (int i = 0; i < size; i++)
            {
                trace += matrix[(i * size) + i];
            }

            return trace;
        }
    }

    public void Multiply(double[] input, double[] output, int count) =>
        Parallel.For(0, size, GramBuilder.Options(maxDegreeOfParallelism), i =>
        {
            ReadOnlySpan<double> row = matrix.AsSpan(i * size, size);
            for (int c = 0; c < count; c++)
            {
                output[(c * size) + i] = TensorPrimitives.Dot(row, input.AsSpan(c * size, size));
            }
        });
}

/// <summary>
/// A Gram matrix applied without being stored: each 64 × 64 tile is rebuilt from the samples (blocked dot products and
/// the kernel transform) and applied to every vector. O(n² (d + m)) per product, O(threads · 64²) memory. Each block
/// row of the output is owned by one task and summed in block order, so results do not depend on the thread count.
/// </summary>
internal sealed class GramOperator : ISymmetricOperator
{
    private readonly SampleMatrix _samples;
    private readonly KernelParameters _kernel;
    private readonly double[] _norms;
    private readonly int _maxDegreeOfParallelism;

    public GramOperator(SampleMatrix samples, KernelParameters kernel, int maxDegreeOfParallelism)
    {
        _samples = samples;
        _kernel = kernel;
        _norms = GramBuilder.SquaredNorms(samples);
        _maxDegreeOfParallelism = maxDegreeOfParallelism;
    }

    public int Size => _samples.Rows;

    public double Trace
    {
        get
        {
            double trace = 0;
            foreach (double norm in _norms)
            {
                trace += _kernel.Diagonal(norm);
            }

            return trace;
        }
    }

    public void Multiply(double[] input, double[] output, int count)
    {
        int n = Size, d = _samples.Columns, block = GramBuilder.BlockSize;
        int blocks = (n + block - 1) / block;
        Parallel.For(0, blocks, GramBuilder.Options(_maxDegreeOfParallelism), bi =>
        {
            double[] tile = ArrayPool<double>.Shared.Rent(block * block);
            try
            {
                int i0 = bi * block, rowCount = Math.Min(block, n - i0);
                for (int c = 0; c < count; c++)
                {
                    output.AsSpan((c * n) + i0, rowCount).Clear();
                }

                for (int bj = 0; bj < blocks; bj++)
                {
                    int j0 = bj * block, columnCount = Math.Min(block, n - j0);
                    DotProducts.Tile(_samples.Data.Span, d, i0, rowCount, j0, columnCount, tile, block);
                    for (int r = 0; r < rowCount; r++)
                    {
                        Span<double> values = tile.AsSpan(r * block, columnCount);
                        _kernel.Transform(_norms[i0 + r], _norms.AsSpan(j0, columnCount), values);
                        if (bi == bj)
                        {
                            values[r] = _kernel.Diagonal(_norms[i0 + r]);
                        }

                        for (int c = 0; c < count; c++)
                        {
                            output[(c * n) + i0 + r] += TensorPrimitives.Dot(values, input.AsSpan((c * n) + j0, columnCount));
                        }
                    }
                }
            }
            finally
            {
                ArrayPool<double>.Shared.Return(tile);
            }
        });
    }
}
