using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using InfoTheory.Primitives.Simd;

namespace InfoTheory.Kernel.Internal;

/// <summary>
/// Blocked dot products between rows of a row-major matrix: the inner loop of every Gram matrix.
/// </summary>
/// <remarks>
/// Every pair (i, j) is accumulated the same way whichever path computes it (one vector accumulator over whole
/// vectors, a fixed-order lane sum, then a scalar fused multiply-add tail), so dot(xᵢ, xⱼ) has the same bits in the
/// 4 × 4 register tile and in the single-pair fallback, in any block and on any thread: dot products are
/// symmetric, independent of the thread count and of where the rows sit.
/// The 4 × 4 tile reads 8 vectors per 16 fused multiply-adds, so it runs near the FMA throughput when the rows are
/// in L1/L2 (the caller blocks rows by 64).
/// </remarks>
internal static class DotProducts
{
    private enum Width
    {
        Scalar,
        V128,
        V256,
        V512,
    }

    private static Width Choose(int length) =>
        V512.IsSupported && length >= V512.Count ? Width.V512
        : V256.IsSupported && length >= V256.Count ? Width.V256
        : V128.IsSupported && length >= V128.Count ? Width.V128
        : Width.Scalar;

    /// <summary>Σₖ xₖ yₖ for two rows of length d (the same bits as the tile path).</summary>
    public static double Dot(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        ref double xs = ref MemoryMarshal.GetReference(x);
        ref double ys = ref MemoryMarshal.GetReference(y);
        int d = x.Length;
        Width width = Choose(d);
        double sum = 0;
        for (int k0 = 0; k0 < d; k0 += Chunk)
        {
            int k1 = Math.Min(d, k0 + Chunk);
            double part = width switch
            {
                Width.V512 => Pair<V512>(ref xs, ref ys, k0, k1),
                Width.V256 => Pair<V256>(ref xs, ref ys, k0, k1),
                Width.V128 => Pair<V128>(ref xs, ref ys, k0, k1),
                _ => Tail(ref xs, ref ys, k0, k1, 0.0),
            };
            sum = k0 == 0 ? part : sum + part;
        }

        return sum;
    }

    /// <summary>
    /// The reduction dimension is cut into chunks of this many elements (2 KB of doubles per row), so the 8 rows of a
    /// 4 × 4 tile stay in L1 while the tile is accumulated; each pair's dot product is the sum of its chunk sums in
    /// chunk order, the same on every path.
    /// </summary>
    private const int Chunk = 256;

    /// <summary>
    /// destination[(i − i0)·stride + (j − j0)] = xᵢ · xⱼ for i in [i0, i0 + rowCount), j in [j0, j0 + columnCount),
    /// rows of <paramref name="data"/> of length <paramref name="d"/>.
    /// </summary>
    public static void Tile(ReadOnlySpan<double> data, int d, int i0, int rowCount, int j0, int columnCount, Span<double> destination, int stride)
    {
        switch (Choose(d))
        {
            case Width.V512:
                Tile<V512>(data, d, i0, rowCount, j0, columnCount, destination, stride);
                break;
            case Width.V256:
                Tile<V256>(data, d, i0, rowCount, j0, columnCount, destination, stride);
                break;
            case Width.V128:
                Tile<V128>(data, d, i0, rowCount, j0, columnCount, destination, stride);
                break;
            default:
                for (int i = 0; i < rowCount; i++)
                {
                    for (int j = 0; j < columnCount; j++)
                    {
                        destination[(i * stride) + j] = Dot(data.Slice((i0 + i) * d, d), data.Slice((j0 + j) * d, d));
                    }
                }

                break;
        }
    }

    private static void Tile<TV>(ReadOnlySpan<double> data, int d, int i0, int rowCount, int j0, int columnCount, Span<double> destination, int stride)
        where TV : struct, IVector<TV>
    {
        ref double xs = ref MemoryMarshal.GetReference(data);
        ref double dest = ref MemoryMarshal.GetReference(destination);
        for (int k0 = 0; k0 < d; k0 += Chunk)
        {
            int k1 = Math.Min(d, k0 + Chunk);
            bool first = k0 == 0;
            int i = 0;
            for (; i + 4 <= rowCount; i += 4)
            {
                int j = 0;
                for (; j + 4 <= columnCount; j += 4)
                {
                    Four<TV>(ref Unsafe.Add(ref xs, (i0 + i) * d), ref Unsafe.Add(ref xs, (j0 + j) * d), d, k0, k1, first,
                        ref Unsafe.Add(ref dest, (i * stride) + j), stride);
                }

                for (; j < columnCount; j++)
                {
                    for (int r = 0; r < 4; r++)
                    {
                        Accumulate(ref Unsafe.Add(ref dest, ((i + r) * stride) + j), first,
                            Pair<TV>(ref Unsafe.Add(ref xs, (i0 + i + r) * d), ref Unsafe.Add(ref xs, (j0 + j) * d), k0, k1));
                    }
                }
            }

            for (; i < rowCount; i++)
            {
                for (int j = 0; j < columnCount; j++)
                {
                    Accumulate(ref Unsafe.Add(ref dest, (i * stride) + j), first,
                        Pair<TV>(ref Unsafe.Add(ref xs, (i0 + i) * d), ref Unsafe.Add(ref xs, (j0 + j) * d), k0, k1));
                }
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Accumulate(ref double target, bool first, double part) => target = first ? part : target + part;

    /// <summary>Σₖ xₖ yₖ over [k0, k1): one vector accumulator, fixed-order lane sum, scalar fused tail.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Pair<TV>(ref double x, ref double y, int k0, int k1)
        where TV : struct, IVector<TV>
    {
        TV acc = TV.Zero;
        int k = k0;
        for (; k + TV.Count <= k1; k += TV.Count)
        {
            acc = TV.MultiplyAdd(TV.Load(ref Unsafe.Add(ref x, k)), TV.Load(ref Unsafe.Add(ref y, k)), acc);
        }

        return Tail(ref x, ref y, k, k1, TV.Sum(acc));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Tail(ref double x, ref double y, int k, int end, double sum)
    {
        for (; k < end; k++)
        {
            sum = Math.FusedMultiplyAdd(Unsafe.Add(ref x, k), Unsafe.Add(ref y, k), sum);
        }

        return sum;
    }

    /// <summary>The 4 × 4 register tile: rows x, x + d, x + 2d, x + 3d against y, y + d, y + 2d, y + 3d.</summary>
    private static void Four<TV>(ref double x, ref double y, int d, int k0, int k1, bool first, ref double dest, int stride)
        where TV : struct, IVector<TV>
    {
        ref double x1 = ref Unsafe.Add(ref x, d), x2 = ref Unsafe.Add(ref x, 2 * d), x3 = ref Unsafe.Add(ref x, 3 * d);
        ref double y1 = ref Unsafe.Add(ref y, d), y2 = ref Unsafe.Add(ref y, 2 * d), y3 = ref Unsafe.Add(ref y, 3 * d);
        TV c00 = TV.Zero, c01 = TV.Zero, c02 = TV.Zero, c03 = TV.Zero;
        TV c10 = TV.Zero, c11 = TV.Zero, c12 = TV.Zero, c13 = TV.Zero;
        TV c20 = TV.Zero, c21 = TV.Zero, c22 = TV.Zero, c23 = TV.Zero;
        TV c30 = TV.Zero, c31 = TV.Zero, c32 = TV.Zero, c33 = TV.Zero;
        int k = k0;
        for (; k + TV.Count <= k1; k += TV.Count)
        {
            TV b0 = TV.Load(ref Unsafe.Add(ref y, k)), b1 = TV.Load(ref Unsafe.Add(ref y1, k));
            TV b2 = TV.Load(ref Unsafe.Add(ref y2, k)), b3 = TV.Load(ref Unsafe.Add(ref y3, k));
            TV a = TV.Load(ref Unsafe.Add(ref x, k));
            c00 = TV.MultiplyAdd(a, b0, c00);
            c01 = TV.MultiplyAdd(a, b1, c01);
            c02 = TV.MultiplyAdd(a, b2, c02);
            c03 = TV.MultiplyAdd(a, b3, c03);
            a = TV.Load(ref Unsafe.Add(ref x1, k));
            c10 = TV.MultiplyAdd(a, b0, c10);
            c11 = TV.MultiplyAdd(a, b1, c11);
            c12 = TV.MultiplyAdd(a, b2, c12);
            c13 = TV.MultiplyAdd(a, b3, c13);
            a = TV.Load(ref Unsafe.Add(ref x2, k));
            c20 = TV.MultiplyAdd(a, b0, c20);
            c21 = TV.MultiplyAdd(a, b1, c21);
            c22 = TV.MultiplyAdd(a, b2, c22);
            c23 = TV.MultiplyAdd(a, b3, c23);
            a = TV.Load(ref Unsafe.Add(ref x3, k));
            c30 = TV.MultiplyAdd(a, b0, c30);
            c31 = TV.MultiplyAdd(a, b1, c31);
            c32 = TV.MultiplyAdd(a, b2, c32);
            c33 = TV.MultiplyAdd(a, b3, c33);
        }

        Store(ref dest, 0, first, Tail(ref x, ref y, k, k1, TV.Sum(c00)), Tail(ref x, ref y1, k, k1, TV.Sum(c01)), Tail(ref x, ref y2, k, k1, TV.Sum(c02)), Tail(ref x, ref y3, k, k1, TV.Sum(c03)));
        Store(ref dest, stride, first, Tail(ref x1, ref y, k, k1, TV.Sum(c10)), Tail(ref x1, ref y1, k, k1, TV.Sum(c11)), Tail(ref x1, ref y2, k, k1, TV.Sum(c12)), Tail(ref x1, ref y3, k, k1, TV.Sum(c13)));
        Store(ref dest, 2 * stride, first, Tail(ref x2, ref y, k, k1, TV.Sum(c20)), Tail(ref x2, ref y1, k, k1, TV.Sum(c21)), Tail(ref x2, ref y2, k, k1, TV.Sum(c22)), Tail(ref x2, ref y3, k, k1, TV.Sum(c23)));
        Store(ref dest, 3 * stride, first, Tail(ref x3, ref y, k, k1, TV.Sum(c30)), Tail(ref x3, ref y1, k, k1, TV.Sum(c31)), Tail(ref x3, ref y2, k, k1, TV.Sum(c32)), Tail(ref x3, ref y3, k, k1, TV.Sum(c33)));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(ref double dest, int offset, bool first, double v0, double v1, double v2, double v3)
    {
        ref double row = ref Unsafe.Add(ref dest, offset);
        Accumulate(ref row, first, v0);
        Accumulate(ref Unsafe.Add(ref row, 1), first, v1);
        Accumulate(ref Unsafe.Add(ref row, 2), first, v2);
        Accumulate(ref Unsafe.Add(ref row, 3), first, v3);
    }
}
