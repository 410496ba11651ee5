using System.Buffers;
using System.Numerics.Tensors;
using InfoTheory.Continuous;

namespace InfoTheory.Kernel.Internal;

/// <summary>
/// Builds Gram matrices, or reduces them without storing them, block by block over the upper triangle.
/// </summary>
/// <remarks>
/// Rows are cut into blocks of <see cref="BlockSize"/>; block row I owns the tiles (I, J ≥ I). Parallel.For runs over
/// block rows; each tile and each partial sum is computed the same way whatever the thread count, and partial sums
/// are combined in block order, so results are bit-identical for any degree of parallelism.
/// </remarks>
internal static class GramBuilder
{
    public const int BlockSize = 64;

    /// <summary>‖xᵢ‖² for every row, by the same dot product as the tiles (so dᵢᵢ² = 0 exactly).</summary>
    public static double[] SquaredNorms(SampleMatrix samples)
    {
        int n = samples.Rows, d = samples.Columns;
        ReadOnlySpan<double> data = samples.Data.Span;
        double[] norms = new double[n];
        for (int i = 0; i < n; i++)
        {
            ReadOnlySpan<double> row = data.Slice(i * d, d);
            norms[i] = DotProducts.Dot(row, row);
        }

        return norms;
    }

    public static ParallelOptions Options(int maxDegreeOfParallelism) => new() { MaxDegreeOfParallelism = maxDegreeOfParallelism };

    /// <summary>Writes the full symmetric n × n Gram matrix, row-major, into <paramref name="destination"/>.</summary>
    public static void Fill(SampleMatrix samples, KernelParameters kernel, double[] destination, int maxDegreeOfParallelism)
    {
        int n = samples.Rows, d = samples.Columns;
        double[] norms = SquaredNorms(samples);
        int blocks = (n + BlockSize - 1) / BlockSize;
        Parallel.For(0, blocks, Options(maxDegreeOfParallelism), bi =>
        {
            int i0 = bi * BlockSize, rowCount = Math.Min(BlockSize, n - i0);
            ReadOnlySpan<double> data = samples.Data.Span;
            for (int bj = bi; bj < blocks; bj++)
            {
                int j0 = bj * BlockSize, columnCount = Math.Min(BlockSize, n - j0);
                DotProducts.Tile(data, d, i0, rowCount, j0, columnCount, destination.AsSpan((i0 * n) + j0), n);
                for (int r = 0; r < rowCount; r++)
                {
                    int i = i0 + r;
                    int start = bj == bi ? r + 1 : 0;
                    kernel.Transform(norms[i], norms.AsSpan(j0 + start, columnCount - start), destination.AsSpan((i * n) + j0 + start, columnCount - start));
                }
            }

            for (int r = 0; r < rowCount; r++)
            {
                int i = i0 + r;
                destination[(i * n) + i] = kernel.Diagonal(norms[i]);
            }
        });

        // Mirror the upper triangle, tile by tile so reads and writes both stay in cache.
        Parallel.For(0, blocks, Options(maxDegreeOfParallelism), bi =>
        {
            int i0 = bi * BlockSize, rowCount = Math.Min(BlockSize, n - i0);
            for (int bj = 0; bj <= bi; bj++)
            {
                int j0 = bj * BlockSize;
                for (int r = 0; r < rowCount; r++)
                {
                    int i = i0 + r;
                    int end = Math.Min(j0 + BlockSize, i);
                    for (int j = j0; j < end; j++)
                    {
                        destination[(i * n) + j] = destination[(j * n) + i];
                    }
                }
            }
        });
    }

    /// <summary>
    /// For each subset S of the variables (a bit mask over <paramref name="variables"/>), the squared Frobenius norm
    /// Σᵢⱼ (Πₘ∈S Kₘ,ᵢⱼ)² and the trace Σᵢ Πₘ∈S Kₘ,ᵢᵢ of the Hadamard product of their Gram matrices, streamed tile by
    /// tile: O(n² Σ dₘ) time, O(threads · |variables| · 64²) memory, nothing of size n².
    /// </summary>
    public static (double[] Frobenius, double[] Trace) HadamardSums(
        SampleMatrix[] variables, KernelParameters[] kernels, int[] subsets, int maxDegreeOfParallelism)
    {
        int n = variables[0].Rows, count = variables.Length, subsetCount = subsets.Length;
        double[][] norms = new double[count][];
        for (int m = 0; m < count; m++)
        {
            norms[m] = SquaredNorms(variables[m]);
        }

        int blocks = (n + BlockSize - 1) / BlockSize;
        double[] partial = new double[blocks * subsetCount];
        Parallel.For(0, blocks, Options(maxDegreeOfParallelism), bi =>
        {
            const int TileLength = BlockSize * BlockSize;
            double[] scratch = ArrayPool<double>.Shared.Rent((count * TileLength) + BlockSize);
            try
            {
                int i0 = bi * BlockSize, rowCount = Math.Min(BlockSize, n - i0);
                Span<double> sums = partial.AsSpan(bi * subsetCount, subsetCount);
                for (int bj = bi; bj < blocks; bj++)
                {
                    int j0 = bj * BlockSize, columnCount = Math.Min(BlockSize, n - j0);
                    for (int m = 0; m < count; m++)
                    {
                        Span<double> tile = scratch.AsSpan(m * TileLength, TileLength);
                        DotProducts.Tile(variables[m].Data.Span, variables[m].Columns, i0, rowCount, j0, columnCount, tile, BlockSize);
                        for (int r = 0; r < rowCount; r++)
                        {
                            int start = bj == bi ? r + 1 : 0;
                            kernels[m].Transform(norms[m][i0 + r], norms[m].AsSpan(j0 + start, columnCount - start),
                                tile.Slice((r * BlockSize) + start, columnCount - start));
                        }
                    }

                    Span<double> product = scratch.AsSpan(count * TileLength, BlockSize);
                    for (int s = 0; s < subsetCount; s++)
                    {
                        int mask = subsets[s];
                        double sum = 0;
                        for (int r = 0; r < rowCount; r++)
                        {
                            int start = bj == bi ? r + 1 : 0, length = columnCount - start;
                            if (length == 0)
                            {
                                continue;
                            }

                            Span<double> values = product[..length];
                            bool first = true;
                            for (int m = 0; m < count; m++)
                            {
                                if ((mask & (1 << m)) == 0)
                                {
                                    continue;
                                }

                                ReadOnlySpan<double> row = scratch.AsSpan((m * TileLength) + (r * BlockSize) + start, length);
                                if (first)
                                {
                                    row.CopyTo(values);
                                    first = false;
                                }
                                else
                                {
                                    TensorPrimitives.Multiply(values, row, values);
                                }
                            }

                            sum += TensorPrimitives.SumOfSquares<double>(values);
                        }

                        // Off-diagonal entries appear twice in the symmetric matrix.
                        sums[s] += 2 * sum;
                    }
                }
            }
            finally
            {
                ArrayPool<double>.Shared.Return(scratch);
            }
        });

        double[] frobenius = new double[subsetCount], trace = new double[subsetCount];
        for (int s = 0; s < subsetCount; s++)
        {
            double offDiagonal = 0;
            for (int bi = 0; bi < blocks; bi++)
            {
                offDiagonal += partial[(bi * subsetCount) + s];
            }

            double diagonalSquares = 0, diagonal = 0;
            for (int i = 0; i < n; i++)
            {
                double value = 1;
                for (int m = 0; m < count; m++)
                {
                    if ((subsets[s] & (1 << m)) != 0)
                    {
                        value *= kernels[m].Diagonal(norms[m][i]);
                    }
                }

                diagonal += value;
                diagonalSquares += value * value;
            }

            frobenius[s] = offDiagonal + diagonalSquares;
            trace[s] = diagonal;
        }

        return (frobenius, trace);
    }
}
