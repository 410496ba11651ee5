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
    /// The kernel values of tile (rows i0…, columns j0…) of every variable's Gram matrix, variable m's in
    /// scratch[m·64², (m + 1)·64²), row-major with stride 64; on a diagonal block only the entries right of the diagonal.
    /// </summary>
    private static void KernelTiles(SampleMatrix[] variables, KernelParameters[] kernels, double[][] norms,
        int i0, int rowCount, int j0, int columnCount, bool diagonalBlock, double[] scratch)
    {
        const int TileLength = BlockSize * BlockSize;
        for (int m = 0; m < variables.Length; m++)
        {
            Span<double> tile = scratch.AsSpan(m * TileLength, TileLength);
            DotProducts.Tile(variables[m].Data.Span, variables[m].Columns, i0, rowCount, j0, columnCount, tile, BlockSize);
            for (int r = 0; r < rowCount; r++)
            {
                int start = diagonalBlock ? r + 1 : 0;
                kernels[m].Transform(norms[m][i0 + r], norms[m].AsSpan(j0 + start, columnCount - start),
                    tile.Slice((r * BlockSize) + start, columnCount - start));
            }
        }
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
        double[][] norms = [.. variables.Select(SquaredNorms)];

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
                    KernelTiles(variables, kernels, norms, i0, rowCount, j0, columnCount, diagonalBlock: bj == bi, scratch);

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

    /// <summary>Chunks of block rows with their own accumulators in <see cref="RowSums"/>: fixed, so results do not depend on the thread count.</summary>
    private const int MaxChunks = 16;

    /// <summary>
    /// Row sums of the Gram matrices of <paramref name="variables"/> (and, for two or more, of their Hadamard product),
    /// split at column <paramref name="split"/>, streamed tile by tile with nothing of size n² stored.
    /// </summary>
    /// <returns>
    /// One array per quantity q (variable m = q, then the product of all when there are two or more), of groups·n values:
    /// [g·n + i] = Σⱼ Kᵢⱼ over the columns j of group g (g = 0: j &lt; split; g = 1: j ≥ split, only when split &lt; n).
    /// </returns>
    /// <remarks>
    /// Each upper-triangle tile (I, J ≥ I) is built once and added both ways (its rows to rows I, its columns to rows J).
    /// Block rows are dealt to a fixed number of chunks (I mod chunks), each with its own accumulators, summed in chunk
    /// order, so the result is bit-identical for any degree of parallelism. O(n² Σ dₘ / 2) time; memory
    /// chunks · quantities · groups · n doubles (at most 16 of each row-sum vector), never n².
    /// </remarks>
    public static double[][] RowSums(SampleMatrix[] variables, KernelParameters[] kernels, int split, int maxDegreeOfParallelism)
    {
        int n = variables[0].Rows, count = variables.Length, quantities = count == 1 ? 1 : count + 1;
        int groups = split < n ? 2 : 1, width = groups * n;
        double[][] norms = [.. variables.Select(SquaredNorms)];

        int blocks = (n + BlockSize - 1) / BlockSize, chunks = Math.Min(MaxChunks, blocks);
        double[][] accumulators = new double[chunks][];
        Parallel.For(0, chunks, Options(maxDegreeOfParallelism), chunk =>
        {
            const int TileLength = BlockSize * BlockSize;
            double[] local = new double[quantities * width];
            double[] scratch = ArrayPool<double>.Shared.Rent(quantities * TileLength);
            try
            {
                for (int bi = chunk; bi < blocks; bi += chunks)
                {
                    int i0 = bi * BlockSize, rowCount = Math.Min(BlockSize, n - i0);
                    for (int bj = bi; bj < blocks; bj++)
                    {
                        int j0 = bj * BlockSize, columnCount = Math.Min(BlockSize, n - j0);
                        KernelTiles(variables, kernels, norms, i0, rowCount, j0, columnCount, diagonalBlock: bj == bi, scratch);

                        if (quantities > count)
                        {
                            Span<double> product = scratch.AsSpan(count * TileLength, TileLength);
                            scratch.AsSpan(0, TileLength).CopyTo(product);
                            for (int m = 1; m < count; m++)
                            {
                                TensorPrimitives.Multiply(product, scratch.AsSpan(m * TileLength, TileLength), product);
                            }
                        }

                        for (int q = 0; q < quantities; q++)
                        {
                            Span<double> sums = local.AsSpan(q * width, width);
                            for (int r = 0; r < rowCount; r++)
                            {
                                int i = i0 + r, start = bj == bi ? r + 1 : 0, length = columnCount - start;
                                if (length == 0)
                                {
                                    continue;
                                }

                                ReadOnlySpan<double> values = scratch.AsSpan((q * TileLength) + (r * BlockSize) + start, length);
                                int first = j0 + start, middle = Math.Clamp(split, first, first + length) - first;
                                if (middle > 0)
                                {
                                    sums[i] += TensorPrimitives.Sum(values[..middle]);
                                }

                                if (middle < length)
                                {
                                    sums[n + i] += TensorPrimitives.Sum(values[middle..]);
                                }

                                // The mirrored entries (j, i): row j gains Kᵢⱼ in the group of column i.
                                Span<double> target = sums.Slice((i < split ? 0 : n) + first, length);
                                TensorPrimitives.Add(target, values, target);
                            }
                        }
                    }
                }
            }
            finally
            {
                ArrayPool<double>.Shared.Return(scratch);
            }

            accumulators[chunk] = local;
        });

        double[][] result = new double[quantities][];
        for (int q = 0; q < quantities; q++)
        {
            double[] total = new double[width];
            for (int c = 0; c < chunks; c++)
            {
                TensorPrimitives.Add(total, accumulators[c].AsSpan(q * width, width), total);
            }

            for (int i = 0; i < n; i++)
            {
                double diagonal = 1;
                for (int m = 0; m < count; m++)
                {
                    if (q == m || q == count)
                    {
                        diagonal *= kernels[m].Diagonal(norms[m][i]);
                    }
                }

                total[(i < split ? 0 : n) + i] += diagonal;
            }

            result[q] = total;
        }

        return result;
    }
}
