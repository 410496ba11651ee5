using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using InfoTheory.Continuous;

namespace InfoTheory.Kernel.Internal;

/// <summary>
/// Y = A X for a symmetric n × n matrix A and a block X of w vectors stored interleaved: row i of the n × w row-major
/// array holds the i-th entry of every vector, so one matrix entry meets all w vectors in one SIMD stream.
/// </summary>
internal interface ISymmetricOperator
{
    int Size { get; }

    /// <summary>A's diagonal sum.</summary>
    double Trace { get; }

    /// <summary>output (n × width) = A · input (n × width), both row-major.</summary>
    void Multiply(double[] input, double[] output, int width);
}

/// <summary>An explicit n × n row-major symmetric matrix, in double precision.</summary>
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

    public void Multiply(double[] input, double[] output, int width) =>
        Parallel.For(0, size, GramBuilder.Options(maxDegreeOfParallelism), i =>
        {
            Span<double> y = output.AsSpan(i * width, width);
            y.Clear();
            ReadOnlySpan<double> row = matrix.AsSpan(i * size, size);
            for (int j = 0; j < size; j++)
            {
                System.Numerics.Tensors.TensorPrimitives.MultiplyAdd(input.AsSpan(j * width, width), row[j], y, y);
            }
        });
}

/// <summary>
/// The Gram matrix of samples under a kernel, applied as 64 × 64 tiles of the upper triangle in single precision: tile
/// (I, J ≥ I) is read or built once per product and applied both ways (to block J of the vectors for block row I, and
/// transposed to block I for block row J). The tiles are either rebuilt from the samples in every product (O(n² d) per
/// product) or built once and kept (n(n + 64)/2 floats; a product is then O(n² w)). Both give identical results.
/// </summary>
/// <remarks>
/// Gaussian entries come from single-precision distances of the centred samples when their error bound allows (see
/// <see cref="SingleDistanceTolerance"/>), other entries from double distances or dot products; either way they are
/// rounded to single precision. Each tile's product is accumulated in single precision (64 terms per output) and added
/// into double accumulators. Block rows are dealt to a fixed number of chunks (<see cref="MaxChunks"/>), each with its
/// own accumulator, summed in chunk order, so results do not depend on the thread count.
/// </remarks>
internal sealed class GramOperator : ISymmetricOperator
{
    private const int Block = GramBuilder.BlockSize;
    private const int TileLength = Block * Block;
    private readonly SampleMatrix _samples;
    private readonly KernelParameters _kernel;
    private readonly double[] _norms;
    private readonly int _maxDegreeOfParallelism;
    private readonly int _blocks;

    /// <summary>Chunks of block rows with their own accumulators: the most that can run at once, fixed so results do not depend on the thread count.</summary>
    private const int MaxChunks = 16;

    /// <summary>One accumulator (padded rows × stride) per chunk, kept between products.</summary>
    private double[][]? _accumulators;

    /// <summary>Kept tiles: _stored[I] holds tiles (I, J ≥ I) one after another, each 64 × 64 row-major, zero-padded.</summary>
    private readonly float[][]? _stored;

    /// <summary>
    /// Single-precision distances: the largest allowed bound (d + 2)·2⁻²⁴·max‖xᵢ − x̄‖² / σ² on the relative error of a
    /// Gaussian kernel entry (the rounding of the entry itself is 2⁻²⁴ ≈ 6e-8).
    /// </summary>
    internal const double SingleDistanceTolerance = 1e-5;

    /// <summary>Centred samples in single precision, 64 · blocks rows × d (zero rows pad the last block); null: double distances.</summary>
    private readonly float[]? _centred;

    /// <summary>Block J of <see cref="_centred"/> transposed (d × 64), one after another.</summary>
    private readonly float[]? _transposed;

    /// <summary>‖xᵢ − x̄‖² in single precision, padded like <see cref="_centred"/>.</summary>
    private readonly float[]? _centredNorms;

    public GramOperator(SampleMatrix samples, KernelParameters kernel, int maxDegreeOfParallelism, bool keepTiles)
    {
        _samples = samples;
        _kernel = kernel;
        _norms = GramBuilder.SquaredNorms(samples);
        _maxDegreeOfParallelism = maxDegreeOfParallelism;
        _blocks = (samples.Rows + Block - 1) / Block;
        if (kernel.Type == KernelType.Gaussian)
        {
            (_centred, _transposed, _centredNorms) = SinglePrecisionDistances(samples, kernel.Bandwidth, _blocks);
        }

        if (keepTiles)
        {
            float[][] stored = new float[_blocks][];
            Parallel.For(0, _blocks, GramBuilder.Options(maxDegreeOfParallelism), bi =>
            {
                double[] scratch = ArrayPool<double>.Shared.Rent(TileLength);
                try
                {
                    float[] row = new float[(_blocks - bi) * TileLength];
                    for (int bj = bi; bj < _blocks; bj++)
                    {
                        BuildTile(bi, bj, scratch, row.AsSpan((bj - bi) * TileLength, TileLength));
                    }

                    stored[bi] = row;
                }
                finally
                {
                    ArrayPool<double>.Shared.Return(scratch);
                }
            });
            _stored = stored;
        }
    }

    /// <summary>The bytes the kept tiles of an n-row Gram matrix take.</summary>
    public static long KeptBytes(int n)
    {
        long blocks = (n + Block - 1) / Block;
        return blocks * (blocks + 1) / 2 * TileLength * sizeof(float);
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

    /// <summary>
    /// For a Gaussian kernel, the centred samples in single precision (with their transposed blocks and squared norms)
    /// when the distances computed from them are accurate enough (see <see cref="SingleDistanceTolerance"/>): in
    /// single precision ‖xᵢ − xⱼ‖² = ‖x̃ᵢ‖² + ‖x̃ⱼ‖² − 2 x̃ᵢ·x̃ⱼ errs by about (d + 2)·2⁻²⁴·max‖x̃‖², and the kernel entry
    /// by that over 2σ². Centring (in double) removes the offset that would otherwise dominate max‖x̃‖².
    /// </summary>
    private static (float[]?, float[]?, float[]?) SinglePrecisionDistances(SampleMatrix samples, double bandwidth, int blocks)
    {
        int n = samples.Rows, d = samples.Columns;
        ReadOnlySpan<double> data = samples.Data.Span;
        double[] mean = new double[d];
        for (int i = 0; i < n; i++)
        {
            System.Numerics.Tensors.TensorPrimitives.Add(mean, data.Slice(i * d, d), mean);
        }

        System.Numerics.Tensors.TensorPrimitives.Divide(mean, n, mean);
        float[] centred = new float[blocks * Block * d];
        float[] norms = new float[blocks * Block];
        double[] row = new double[d];
        double largest = 0;
        for (int i = 0; i < n; i++)
        {
            System.Numerics.Tensors.TensorPrimitives.Subtract(data.Slice(i * d, d), mean, row);
            double norm = System.Numerics.Tensors.TensorPrimitives.Dot(row, row);
            largest = Math.Max(largest, norm);
            norms[i] = (float)norm;
            System.Numerics.Tensors.TensorPrimitives.ConvertTruncating<double, float>(row, centred.AsSpan(i * d, d));
        }

        if ((d + 2) * Math.ScaleB(1, -24) * largest / (bandwidth * bandwidth) > SingleDistanceTolerance)
        {
            return (null, null, null);
        }

        float[] transposed = new float[blocks * Block * d];
        for (int b = 0; b < blocks; b++)
        {
            Span<float> block = transposed.AsSpan(b * Block * d, Block * d);
            for (int r = 0; r < Block; r++)
            {
                ReadOnlySpan<float> source = centred.AsSpan(((b * Block) + r) * d, d);
                for (int k = 0; k < d; k++)
                {
                    block[(k * Block) + r] = source[k];
                }
            }
        }

        return (centred, transposed, norms);
    }

    /// <summary>Tile (I, J), I ≤ J, as single-precision values, 64 × 64 row-major, zero outside the matrix.</summary>
    private void BuildTile(int bi, int bj, double[] scratch, Span<float> tile)
    {
        if (_centred is not null)
        {
            BuildGaussianTileSingle(bi, bj, tile);
            return;
        }

        int n = _samples.Rows, d = _samples.Columns;
        int i0 = bi * Block, j0 = bj * Block;
        int rowCount = Math.Min(Block, n - i0), columnCount = Math.Min(Block, n - j0);
        DotProducts.Tile(_samples.Data.Span, d, i0, rowCount, j0, columnCount, scratch, Block);
        tile.Clear();
        for (int r = 0; r < rowCount; r++)
        {
            Span<double> values = scratch.AsSpan(r * Block, columnCount);
            _kernel.Transform(_norms[i0 + r], _norms.AsSpan(j0, columnCount), values);
            if (bi == bj)
            {
                values[r] = _kernel.Diagonal(_norms[i0 + r]);
            }

            System.Numerics.Tensors.TensorPrimitives.ConvertTruncating<double, float>(values, tile.Slice(r * Block, columnCount));
        }
    }

    /// <summary>
    /// A Gaussian tile from single-precision distances: the 64 × 64 block of x̃ᵢ·x̃ⱼ by the same register-tiled product
    /// as the vectors (<see cref="TileProducts.Apply(ReadOnlySpan{float}, int, int, int, ReadOnlySpan{float}, Span{float}, int)"/>),
    /// then exp(−(‖x̃ᵢ‖² + ‖x̃ⱼ‖² − 2 x̃ᵢ·x̃ⱼ)/2σ²) over the whole tile. Each entry's operations do not depend on where it
    /// sits, so (i, j) and (j, i) get the same bits.
    /// </summary>
    private void BuildGaussianTileSingle(int bi, int bj, Span<float> tile)
    {
        int n = _samples.Rows, d = _samples.Columns;
        int rowCount = Math.Min(Block, n - (bi * Block)), columnCount = Math.Min(Block, n - (bj * Block));
        tile.Clear();
        TileProducts.Apply(_centred.AsSpan(bi * Block * d, Block * d), d, 1, d, _transposed.AsSpan(bj * Block * d, Block * d), tile, Block);
        ReadOnlySpan<float> normsJ = _centredNorms.AsSpan(bj * Block, Block);
        Span<float> sums = stackalloc float[Block];
        float scale = (float)(-1.0 / (2 * _kernel.Bandwidth * _kernel.Bandwidth));
        for (int r = 0; r < rowCount; r++)
        {
            Span<float> values = tile.Slice(r * Block, Block);
            System.Numerics.Tensors.TensorPrimitives.Add(normsJ, _centredNorms![(bi * Block) + r], sums);
            System.Numerics.Tensors.TensorPrimitives.MultiplyAdd(values, -2f, sums, values);
        }

        Span<float> used = tile[..(rowCount * Block)];
        System.Numerics.Tensors.TensorPrimitives.Max(used, 0f, used);
        System.Numerics.Tensors.TensorPrimitives.Multiply(used, scale, used);
        System.Numerics.Tensors.TensorPrimitives.Exp(used, used);
        for (int r = 0; r < rowCount; r++)
        {
            tile.Slice((r * Block) + columnCount, Block - columnCount).Clear();
            if (bi == bj)
            {
                tile[(r * Block) + r] = 1f;
            }
        }

        tile[(rowCount * Block)..].Clear();
    }

    public void Multiply(double[] input, double[] output, int width)
    {
        int n = Size, stride = TileProducts.PaddedWidth(width), length = _blocks * Block * stride;

        // The vectors in single precision, padded to whole SIMD vectors and to whole blocks of rows (zeros).
        float[] x = new float[length];
        for (int i = 0; i < n; i++)
        {
            System.Numerics.Tensors.TensorPrimitives.ConvertTruncating<double, float>(input.AsSpan(i * width, width), x.AsSpan(i * stride, width));
        }

        // Each tile (I, J ≥ I) is read or built once and applied both ways: to block J of x for block row I and, transposed,
        // to block I of x for block row J. Block rows are dealt to a fixed number of chunks (I mod chunks), each with
        // its own accumulator, summed in chunk order below: the result does not depend on the thread count.
        int chunks = Math.Min(MaxChunks, _blocks);
        if (_accumulators is null || _accumulators.Length != chunks || _accumulators[0].Length < length)
        {
            _accumulators = new double[chunks][];
            for (int c = 0; c < chunks; c++)
            {
                _accumulators[c] = new double[length];
            }
        }

        double[][] accumulators = _accumulators;
        ParallelOptions options = GramBuilder.Options(_maxDegreeOfParallelism);
        Parallel.For(0, chunks, options, chunk =>
        {
            int blockLength = Block * stride;
            float[] partial = ArrayPool<float>.Shared.Rent(blockLength);
            float[]? built = _stored is null ? ArrayPool<float>.Shared.Rent(TileLength) : null;
            double[]? scratch = _stored is null ? ArrayPool<double>.Shared.Rent(TileLength) : null;
            try
            {
                Span<double> total = accumulators[chunk].AsSpan(0, length);
                total.Clear();
                Span<float> part = partial.AsSpan(0, blockLength);
                // Kept tiles are read row by row (one sequential stream per block row I). Rebuilt tiles have no
                // stream to keep, so the column block J goes outermost: its samples, vectors and accumulator stay in
                // cache while the chunk's rows I ≤ J (about blocks / 16 of them, small enough for cache) pass by.
                if (_stored is not null)
                {
                    for (int bi = chunk; bi < _blocks; bi += chunks)
                    {
                        for (int bj = bi; bj < _blocks; bj++)
                        {
                            ApplyTile(_stored[bi].AsSpan((bj - bi) * TileLength, TileLength), bi, bj, x, total, part, stride);
                        }
                    }
                }
                else
                {
                    for (int bj = chunk; bj < _blocks; bj++)
                    {
                        for (int bi = chunk; bi <= bj; bi += chunks)
                        {
                            BuildTile(bi, bj, scratch!, built);
                            ApplyTile(built.AsSpan(0, TileLength), bi, bj, x, total, part, stride);
                        }
                    }
                }
            }
            finally
            {
                ArrayPool<float>.Shared.Return(partial);
                if (built is not null)
                {
                    ArrayPool<float>.Shared.Return(built);
                    ArrayPool<double>.Shared.Return(scratch!);
                }
            }
        });

        Parallel.For(0, _blocks, options, bi =>
        {
            int i0 = bi * Block, rows = Math.Min(Block, n - i0);
            for (int r = 0; r < rows; r++)
            {
                int i = i0 + r;
                Span<double> y = output.AsSpan(i * width, width);
                accumulators[0].AsSpan(i * stride, width).CopyTo(y);
                for (int c = 1; c < chunks; c++)
                {
                    System.Numerics.Tensors.TensorPrimitives.Add(y, accumulators[c].AsSpan(i * stride, width), y);
                }
            }
        });
    }

    /// <summary>Tile (I, J) applied both ways: block I of the total += T x_J, and for J &gt; I block J += Tᵀ x_I.</summary>
    private static void ApplyTile(ReadOnlySpan<float> tile, int bi, int bj, float[] x, Span<double> total, Span<float> part, int stride)
    {
        int blockLength = part.Length;
        part.Clear();
        TileProducts.Apply(tile, Block, 1, x.AsSpan(bj * blockLength, blockLength), part, stride);
        TileProducts.AddInto(part, total.Slice(bi * blockLength, blockLength));
        if (bj > bi)
        {
            part.Clear();
            TileProducts.Apply(tile, 1, Block, x.AsSpan(bi * blockLength, blockLength), part, stride);
            TileProducts.AddInto(part, total.Slice(bj * blockLength, blockLength));
        }
    }
}

/// <summary>
/// out[q, :] += Σₖ T(q, k) x[k, :] for a 64 × 64 single-precision tile T read with strides (direct or transposed) and
/// 64 rows of interleaved vectors: four output rows by two SIMD vectors of columns held in registers over k.
/// </summary>
internal static class TileProducts
{
    private const int Block = GramBuilder.BlockSize;

    /// <summary>The row stride for <paramref name="width"/> vectors: a whole number of SIMD vectors.</summary>
    public static int PaddedWidth(int width)
    {
        int lanes = Vector<float>.Count;
        return (width + lanes - 1) / lanes * lanes;
    }

    /// <summary>T(q, k) = tile[q·<paramref name="rowStep"/> + k·<paramref name="columnStep"/>], k over the 64 rows of x.</summary>
    public static void Apply(ReadOnlySpan<float> tile, int rowStep, int columnStep, ReadOnlySpan<float> x, Span<float> output, int stride) =>
        Apply(tile, rowStep, columnStep, Block, x, output, stride);

    /// <summary>The same with k over the first <paramref name="depth"/> rows of x (a 64 × depth by depth × stride product).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void Apply(ReadOnlySpan<float> tile, int rowStep, int columnStep, int depth, ReadOnlySpan<float> x, Span<float> output, int stride)
    {
        int lanes = Vector<float>.Count;
        ref float t = ref MemoryMarshal.GetReference(tile);
        ref float xs = ref MemoryMarshal.GetReference(x);
        ref float os = ref MemoryMarshal.GetReference(output);
        for (int q = 0; q < Block; q += 4)
        {
            ref float tq = ref Unsafe.Add(ref t, q * rowStep);
            ref float oq = ref Unsafe.Add(ref os, q * stride);
            int c = 0;
            for (; c + (4 * lanes) <= stride; c += 4 * lanes)
            {
                FourByFour(ref tq, rowStep, columnStep, depth, ref Unsafe.Add(ref xs, c), ref Unsafe.Add(ref oq, c), stride);
            }

            for (; c + (2 * lanes) <= stride; c += 2 * lanes)
            {
                FourByTwo(ref tq, rowStep, columnStep, depth, ref Unsafe.Add(ref xs, c), ref Unsafe.Add(ref oq, c), stride);
            }

            for (; c < stride; c += lanes)
            {
                FourByOne(ref tq, rowStep, columnStep, depth, ref Unsafe.Add(ref xs, c), ref Unsafe.Add(ref oq, c), stride);
            }
        }
    }

    /// <summary>Four output rows × four SIMD vectors of columns, accumulated in registers over the 64 k.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void FourByFour(ref float t0, int rowStep, int columnStep, int depth, ref float x, ref float o0, int stride)
    {
        nuint l1 = (nuint)Vector<float>.Count, l2 = 2 * l1, l3 = 3 * l1;
        ref float t1 = ref Unsafe.Add(ref t0, rowStep);
        ref float t2 = ref Unsafe.Add(ref t1, rowStep);
        ref float t3 = ref Unsafe.Add(ref t2, rowStep);
        ref float o1 = ref Unsafe.Add(ref o0, stride);
        ref float o2 = ref Unsafe.Add(ref o1, stride);
        ref float o3 = ref Unsafe.Add(ref o2, stride);
        Vector<float> a0 = Vector.LoadUnsafe(ref o0), b0 = Vector.LoadUnsafe(ref o0, l1), c0 = Vector.LoadUnsafe(ref o0, l2), d0 = Vector.LoadUnsafe(ref o0, l3);
        Vector<float> a1 = Vector.LoadUnsafe(ref o1), b1 = Vector.LoadUnsafe(ref o1, l1), c1 = Vector.LoadUnsafe(ref o1, l2), d1 = Vector.LoadUnsafe(ref o1, l3);
        Vector<float> a2 = Vector.LoadUnsafe(ref o2), b2 = Vector.LoadUnsafe(ref o2, l1), c2 = Vector.LoadUnsafe(ref o2, l2), d2 = Vector.LoadUnsafe(ref o2, l3);
        Vector<float> a3 = Vector.LoadUnsafe(ref o3), b3 = Vector.LoadUnsafe(ref o3, l1), c3 = Vector.LoadUnsafe(ref o3, l2), d3 = Vector.LoadUnsafe(ref o3, l3);
        for (int k = 0; k < depth; k++)
        {
            ref float xk = ref Unsafe.Add(ref x, k * stride);
            Vector<float> xa = Vector.LoadUnsafe(ref xk), xb = Vector.LoadUnsafe(ref xk, l1), xc = Vector.LoadUnsafe(ref xk, l2), xd = Vector.LoadUnsafe(ref xk, l3);
            int offset = k * columnStep;
            var v = new Vector<float>(Unsafe.Add(ref t0, offset));
            a0 = Vector.FusedMultiplyAdd(v, xa, a0);
            b0 = Vector.FusedMultiplyAdd(v, xb, b0);
            c0 = Vector.FusedMultiplyAdd(v, xc, c0);
            d0 = Vector.FusedMultiplyAdd(v, xd, d0);
            v = new Vector<float>(Unsafe.Add(ref t1, offset));
            a1 = Vector.FusedMultiplyAdd(v, xa, a1);
            b1 = Vector.FusedMultiplyAdd(v, xb, b1);
            c1 = Vector.FusedMultiplyAdd(v, xc, c1);
            d1 = Vector.FusedMultiplyAdd(v, xd, d1);
            v = new Vector<float>(Unsafe.Add(ref t2, offset));
            a2 = Vector.FusedMultiplyAdd(v, xa, a2);
            b2 = Vector.FusedMultiplyAdd(v, xb, b2);
            c2 = Vector.FusedMultiplyAdd(v, xc, c2);
            d2 = Vector.FusedMultiplyAdd(v, xd, d2);
            v = new Vector<float>(Unsafe.Add(ref t3, offset));
            a3 = Vector.FusedMultiplyAdd(v, xa, a3);
            b3 = Vector.FusedMultiplyAdd(v, xb, b3);
            c3 = Vector.FusedMultiplyAdd(v, xc, c3);
            d3 = Vector.FusedMultiplyAdd(v, xd, d3);
        }

        a0.StoreUnsafe(ref o0);
        b0.StoreUnsafe(ref o0, l1);
        c0.StoreUnsafe(ref o0, l2);
        d0.StoreUnsafe(ref o0, l3);
        a1.StoreUnsafe(ref o1);
        b1.StoreUnsafe(ref o1, l1);
        c1.StoreUnsafe(ref o1, l2);
        d1.StoreUnsafe(ref o1, l3);
        a2.StoreUnsafe(ref o2);
        b2.StoreUnsafe(ref o2, l1);
        c2.StoreUnsafe(ref o2, l2);
        d2.StoreUnsafe(ref o2, l3);
        a3.StoreUnsafe(ref o3);
        b3.StoreUnsafe(ref o3, l1);
        c3.StoreUnsafe(ref o3, l2);
        d3.StoreUnsafe(ref o3, l3);
    }

    /// <summary>Four output rows × two SIMD vectors of columns.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void FourByTwo(ref float t0, int rowStep, int columnStep, int depth, ref float x, ref float o0, int stride)
    {
        nuint l1 = (nuint)Vector<float>.Count;
        ref float t1 = ref Unsafe.Add(ref t0, rowStep);
        ref float t2 = ref Unsafe.Add(ref t1, rowStep);
        ref float t3 = ref Unsafe.Add(ref t2, rowStep);
        ref float o1 = ref Unsafe.Add(ref o0, stride);
        ref float o2 = ref Unsafe.Add(ref o1, stride);
        ref float o3 = ref Unsafe.Add(ref o2, stride);
        Vector<float> a0 = Vector.LoadUnsafe(ref o0), b0 = Vector.LoadUnsafe(ref o0, l1);
        Vector<float> a1 = Vector.LoadUnsafe(ref o1), b1 = Vector.LoadUnsafe(ref o1, l1);
        Vector<float> a2 = Vector.LoadUnsafe(ref o2), b2 = Vector.LoadUnsafe(ref o2, l1);
        Vector<float> a3 = Vector.LoadUnsafe(ref o3), b3 = Vector.LoadUnsafe(ref o3, l1);
        for (int k = 0; k < depth; k++)
        {
            ref float xk = ref Unsafe.Add(ref x, k * stride);
            Vector<float> xa = Vector.LoadUnsafe(ref xk), xb = Vector.LoadUnsafe(ref xk, l1);
            int offset = k * columnStep;
            var v = new Vector<float>(Unsafe.Add(ref t0, offset));
            a0 = Vector.FusedMultiplyAdd(v, xa, a0);
            b0 = Vector.FusedMultiplyAdd(v, xb, b0);
            v = new Vector<float>(Unsafe.Add(ref t1, offset));
            a1 = Vector.FusedMultiplyAdd(v, xa, a1);
            b1 = Vector.FusedMultiplyAdd(v, xb, b1);
            v = new Vector<float>(Unsafe.Add(ref t2, offset));
            a2 = Vector.FusedMultiplyAdd(v, xa, a2);
            b2 = Vector.FusedMultiplyAdd(v, xb, b2);
            v = new Vector<float>(Unsafe.Add(ref t3, offset));
            a3 = Vector.FusedMultiplyAdd(v, xa, a3);
            b3 = Vector.FusedMultiplyAdd(v, xb, b3);
        }

        a0.StoreUnsafe(ref o0);
        b0.StoreUnsafe(ref o0, l1);
        a1.StoreUnsafe(ref o1);
        b1.StoreUnsafe(ref o1, l1);
        a2.StoreUnsafe(ref o2);
        b2.StoreUnsafe(ref o2, l1);
        a3.StoreUnsafe(ref o3);
        b3.StoreUnsafe(ref o3, l1);
    }

    /// <summary>Four output rows × one SIMD vector of columns (the columns left after the four-vector groups).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void FourByOne(ref float t0, int rowStep, int columnStep, int depth, ref float x, ref float o0, int stride)
    {
        ref float t1 = ref Unsafe.Add(ref t0, rowStep);
        ref float t2 = ref Unsafe.Add(ref t1, rowStep);
        ref float t3 = ref Unsafe.Add(ref t2, rowStep);
        ref float o1 = ref Unsafe.Add(ref o0, stride);
        ref float o2 = ref Unsafe.Add(ref o1, stride);
        ref float o3 = ref Unsafe.Add(ref o2, stride);
        Vector<float> a0 = Vector.LoadUnsafe(ref o0), a1 = Vector.LoadUnsafe(ref o1), a2 = Vector.LoadUnsafe(ref o2), a3 = Vector.LoadUnsafe(ref o3);
        for (int k = 0; k < depth; k++)
        {
            Vector<float> xk = Vector.LoadUnsafe(ref Unsafe.Add(ref x, k * stride));
            int offset = k * columnStep;
            a0 = Vector.FusedMultiplyAdd(new Vector<float>(Unsafe.Add(ref t0, offset)), xk, a0);
            a1 = Vector.FusedMultiplyAdd(new Vector<float>(Unsafe.Add(ref t1, offset)), xk, a1);
            a2 = Vector.FusedMultiplyAdd(new Vector<float>(Unsafe.Add(ref t2, offset)), xk, a2);
            a3 = Vector.FusedMultiplyAdd(new Vector<float>(Unsafe.Add(ref t3, offset)), xk, a3);
        }

        a0.StoreUnsafe(ref o0);
        a1.StoreUnsafe(ref o1);
        a2.StoreUnsafe(ref o2);
        a3.StoreUnsafe(ref o3);
    }

    /// <summary>total += part (single to double).</summary>
    public static void AddInto(ReadOnlySpan<float> part, Span<double> total)
    {
        ref float ps = ref MemoryMarshal.GetReference(part);
        ref double ts = ref MemoryMarshal.GetReference(total);
        int i = 0, lanes = Vector<float>.Count;
        if (Vector.IsHardwareAccelerated)
        {
            for (; i + lanes <= total.Length; i += lanes)
            {
                Vector<float> value = Vector.LoadUnsafe(ref ps, (nuint)i);
                Vector<double> low = Vector.WidenLower(value), high = Vector.WidenUpper(value);
                (Vector.LoadUnsafe(ref ts, (nuint)i) + low).StoreUnsafe(ref ts, (nuint)i);
                (Vector.LoadUnsafe(ref ts, (nuint)(i + Vector<double>.Count)) + high).StoreUnsafe(ref ts, (nuint)(i + Vector<double>.Count));
            }
        }

        for (; i < total.Length; i++)
        {
            Unsafe.Add(ref ts, i) += Unsafe.Add(ref ps, i);
        }
    }
}
