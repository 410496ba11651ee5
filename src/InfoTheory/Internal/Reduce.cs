using System.Diagnostics;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace InfoTheory.Internal;

/// <summary>An element-wise term f(x) whose sum a reduction computes.</summary>
internal interface IUnaryTerm
{
    /// <summary>
    /// Whether a vector evaluation is large (both a log and an exp): the block loop then unrolls
    /// two-way instead of four-way, because four inlined copies exceed what the JIT will inline
    /// into one method and it falls back to calling every vector operation.
    /// </summary>
    static abstract bool IsExpensive { get; }

    double Invoke(double x);

    /// <summary>Exact for every input, special values included.</summary>
    TV Invoke<TV>(TV x)
        where TV : struct, IVector<TV>;

    /// <summary>
    /// The fast form for ordinary inputs (no zero-mass special cases beyond the term's own, no subnormal,
    /// infinite or NaN lanes): flags lanes it cannot handle in <paramref name="unusual"/> instead of masking them.
    /// </summary>
    TV InvokeOrdinary<TV>(TV x, ref TV unusual)
        where TV : struct, IVector<TV>;
}

/// <summary>An element-wise term f(x, y) whose sum a reduction computes.</summary>
internal interface IBinaryTerm
{
    double Invoke(double x, double y);

    /// <summary>Exact for every input, special values included.</summary>
    TV Invoke<TV>(TV x, TV y)
        where TV : struct, IVector<TV>;

    /// <summary>The fast form for ordinary inputs; flags lanes it cannot handle in <paramref name="unusual"/>.</summary>
    TV InvokeOrdinary<TV>(TV x, TV y, ref TV unusual)
        where TV : struct, IVector<TV>;
}

/// <summary>
/// Up to three element-wise terms of one or two inputs, summed together in one pass
/// (the softmax kernels need Σe, Σe·t and Σe' from the same exponentials).
/// </summary>
internal interface ITripleTerm
{
    /// <summary>Whether the second input is read; when false the driver passes x again.</summary>
    static abstract bool UsesY { get; }

    void Invoke(double x, double y, out double t0, out double t1, out double t2);

    void Invoke<TV>(TV x, TV y, out TV t0, out TV t1, out TV t2)
        where TV : struct, IVector<TV>;
}

/// <summary>
/// Sum drivers: pick the widest accelerated width (float lanes for float input, double lanes
/// otherwise), run independent vector accumulators, finish with one overlapping masked load, and
/// carry the lane sums into a double every <see cref="Block"/> iterations. The order of additions
/// is fixed, so the same input on the same machine and settings always gives the same bits.
/// </summary>
internal static class Reduce
{
    /// <summary>
    /// Unrolled iterations per block before the vector accumulators are added into the double total:
    /// each float lane then sums at most 32 terms in single precision (≤ 32 ulps, ~2e-6 relative worst case).
    /// </summary>
    private const int Block = 32;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double ToDouble<TIn>(TIn value)
        where TIn : unmanaged, INumberBase<TIn> =>
        double.CreateTruncating(value);

    public static double Sum<TOp, TIn>(TOp op, ReadOnlySpan<TIn> x)
        where TOp : struct, IUnaryTerm
        where TIn : unmanaged, INumberBase<TIn>
    {
        if (typeof(TIn) == typeof(float))
        {
            if (V512F.IsSupported && x.Length >= V512F.Count)
            {
                return Sum<TOp, TIn, V512F>(op, x);
            }

            if (V256F.IsSupported && x.Length >= V256F.Count)
            {
                return Sum<TOp, TIn, V256F>(op, x);
            }

            if (V128F.IsSupported && x.Length >= V128F.Count)
            {
                return Sum<TOp, TIn, V128F>(op, x);
            }
        }
        else
        {
            if (V512.IsSupported && x.Length >= V512.Count)
            {
                return Sum<TOp, TIn, V512>(op, x);
            }

            if (V256.IsSupported && x.Length >= V256.Count)
            {
                return Sum<TOp, TIn, V256>(op, x);
            }

            if (V128.IsSupported && x.Length >= V128.Count)
            {
                return Sum<TOp, TIn, V128>(op, x);
            }
        }

        double sum = 0;
        foreach (TIn value in x)
        {
            sum += op.Invoke(ToDouble(value));
        }

        return sum;
    }

    private static double Sum<TOp, TIn, TV>(TOp op, ReadOnlySpan<TIn> x)
        where TOp : struct, IUnaryTerm
        where TIn : unmanaged, INumberBase<TIn>
        where TV : struct, IVector<TV>
    {
        ref TIn start = ref MemoryMarshal.GetReference(x);
        int step = (TOp.IsExpensive ? 2 : 4) * TV.Count;
        double total = 0;
        int i = 0;
        while (x.Length - i >= step)
        {
            int iterations = Math.Min(Block, (x.Length - i) / step);
            total += TOp.IsExpensive
                ? SumBlockTwoWay<TOp, TIn, TV>(op, ref Unsafe.Add(ref start, i), iterations)
                : SumBlock<TOp, TIn, TV>(op, ref Unsafe.Add(ref start, i), iterations);
            i += iterations * step;
        }

        return total + SumRemainder<TOp, TIn, TV>(op, x, i);
    }

    // The unrolled loop and the remainder are separate methods on purpose: each inlines whole
    // copies of the term's log/exp, and the JIT stops inlining once a method has too many locals.
    /// <summary>
    /// One block on the fast path; if any lane was unusual (a zero q, a subnormal, a NaN, …) the
    /// block, still in cache, is summed again with the exact form. Both give the same bits on ordinary data.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static double SumBlock<TOp, TIn, TV>(TOp op, ref TIn start, int iterations)
        where TOp : struct, IUnaryTerm
        where TIn : unmanaged, INumberBase<TIn>
        where TV : struct, IVector<TV>
    {
        int c = TV.Count;
        TV a0 = TV.Zero, a1 = TV.Zero, a2 = TV.Zero, a3 = TV.Zero;
        TV unusual = TV.Zero;
        for (int k = 0, i = 0; k < iterations; k++, i += 4 * c)
        {
            a0 += op.InvokeOrdinary(TV.Load(ref Unsafe.Add(ref start, i)), ref unusual);
            a1 += op.InvokeOrdinary(TV.Load(ref Unsafe.Add(ref start, i + c)), ref unusual);
            a2 += op.InvokeOrdinary(TV.Load(ref Unsafe.Add(ref start, i + (2 * c))), ref unusual);
            a3 += op.InvokeOrdinary(TV.Load(ref Unsafe.Add(ref start, i + (3 * c))), ref unusual);
        }

        return TV.Any(unusual) ? SumBlockExact<TOp, TIn, TV>(op, ref start, iterations) : TV.Sum((a0 + a1) + (a2 + a3));
    }

    /// <summary>As <see cref="SumBlock{TOp, TIn, TV}(TOp, ref TIn, int)"/> with two accumulators, for expensive terms.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static double SumBlockTwoWay<TOp, TIn, TV>(TOp op, ref TIn start, int iterations)
        where TOp : struct, IUnaryTerm
        where TIn : unmanaged, INumberBase<TIn>
        where TV : struct, IVector<TV>
    {
        int c = TV.Count;
        TV a0 = TV.Zero, a1 = TV.Zero;
        TV unusual = TV.Zero;
        for (int k = 0, i = 0; k < iterations; k++, i += 2 * c)
        {
            a0 += op.InvokeOrdinary(TV.Load(ref Unsafe.Add(ref start, i)), ref unusual);
            a1 += op.InvokeOrdinary(TV.Load(ref Unsafe.Add(ref start, i + c)), ref unusual);
        }

        if (!TV.Any(unusual))
        {
            return TV.Sum(a0 + a1);
        }

        // Redo exactly, one vector at a time.
        TV exact = TV.Zero;
        for (int k = 0; k < 2 * iterations; k++)
        {
            exact += op.Invoke(TV.Load(ref Unsafe.Add(ref start, k * c)));
        }

        return TV.Sum(exact);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static double SumBlockExact<TOp, TIn, TV>(TOp op, ref TIn start, int iterations)
        where TOp : struct, IUnaryTerm
        where TIn : unmanaged, INumberBase<TIn>
        where TV : struct, IVector<TV>
    {
        int c = TV.Count;
        TV a0 = TV.Zero, a1 = TV.Zero, a2 = TV.Zero, a3 = TV.Zero;
        for (int k = 0, i = 0; k < iterations; k++, i += 4 * c)
        {
            a0 += op.Invoke(TV.Load(ref Unsafe.Add(ref start, i)));
            a1 += op.Invoke(TV.Load(ref Unsafe.Add(ref start, i + c)));
            a2 += op.Invoke(TV.Load(ref Unsafe.Add(ref start, i + (2 * c))));
            a3 += op.Invoke(TV.Load(ref Unsafe.Add(ref start, i + (3 * c))));
        }

        return TV.Sum((a0 + a1) + (a2 + a3));
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static double SumRemainder<TOp, TIn, TV>(TOp op, ReadOnlySpan<TIn> x, int i)
        where TOp : struct, IUnaryTerm
        where TIn : unmanaged, INumberBase<TIn>
        where TV : struct, IVector<TV>
    {
        ref TIn start = ref MemoryMarshal.GetReference(x);
        int n = x.Length;
        int c = TV.Count;
        TV rest = TV.Zero;
        for (; i <= n - c; i += c)
        {
            rest += op.Invoke(TV.Load(ref Unsafe.Add(ref start, i)));
        }

        if (i < n)
        {
            TV tail = op.Invoke(TV.Load(ref Unsafe.Add(ref start, n - c)));
            rest += TV.Select(VectorHelpers.TailMask<TV>(n - i), tail, TV.Zero);
        }

        return TV.Sum(rest);
    }

    public static double Sum<TOp, TIn>(TOp op, ReadOnlySpan<TIn> x, ReadOnlySpan<TIn> y)
        where TOp : struct, IBinaryTerm
        where TIn : unmanaged, INumberBase<TIn>
    {
        Debug.Assert(x.Length == y.Length);
        if (typeof(TIn) == typeof(float))
        {
            if (V512F.IsSupported && x.Length >= V512F.Count)
            {
                return Sum<TOp, TIn, V512F>(op, x, y);
            }

            if (V256F.IsSupported && x.Length >= V256F.Count)
            {
                return Sum<TOp, TIn, V256F>(op, x, y);
            }

            if (V128F.IsSupported && x.Length >= V128F.Count)
            {
                return Sum<TOp, TIn, V128F>(op, x, y);
            }
        }
        else
        {
            if (V512.IsSupported && x.Length >= V512.Count)
            {
                return Sum<TOp, TIn, V512>(op, x, y);
            }

            if (V256.IsSupported && x.Length >= V256.Count)
            {
                return Sum<TOp, TIn, V256>(op, x, y);
            }

            if (V128.IsSupported && x.Length >= V128.Count)
            {
                return Sum<TOp, TIn, V128>(op, x, y);
            }
        }

        double sum = 0;
        for (int i = 0; i < x.Length; i++)
        {
            sum += op.Invoke(ToDouble(x[i]), ToDouble(y[i]));
        }

        return sum;
    }

    private static double Sum<TOp, TIn, TV>(TOp op, ReadOnlySpan<TIn> x, ReadOnlySpan<TIn> y)
        where TOp : struct, IBinaryTerm
        where TIn : unmanaged, INumberBase<TIn>
        where TV : struct, IVector<TV>
    {
        ref TIn xs = ref MemoryMarshal.GetReference(x);
        ref TIn ys = ref MemoryMarshal.GetReference(y);
        int step = 4 * TV.Count;
        double total = 0;
        int i = 0;
        while (x.Length - i >= step)
        {
            int iterations = Math.Min(Block, (x.Length - i) / step);
            total += SumBlock<TOp, TIn, TV>(op, ref Unsafe.Add(ref xs, i), ref Unsafe.Add(ref ys, i), iterations);
            i += iterations * step;
        }

        return total + SumRemainder<TOp, TIn, TV>(op, x, y, i);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static double SumBlock<TOp, TIn, TV>(TOp op, ref TIn xs, ref TIn ys, int iterations)
        where TOp : struct, IBinaryTerm
        where TIn : unmanaged, INumberBase<TIn>
        where TV : struct, IVector<TV>
    {
        int c = TV.Count;
        TV a0 = TV.Zero, a1 = TV.Zero, a2 = TV.Zero, a3 = TV.Zero;
        TV unusual = TV.Zero;
        for (int k = 0, i = 0; k < iterations; k++, i += 4 * c)
        {
            a0 += op.InvokeOrdinary(TV.Load(ref Unsafe.Add(ref xs, i)), TV.Load(ref Unsafe.Add(ref ys, i)), ref unusual);
            a1 += op.InvokeOrdinary(TV.Load(ref Unsafe.Add(ref xs, i + c)), TV.Load(ref Unsafe.Add(ref ys, i + c)), ref unusual);
            a2 += op.InvokeOrdinary(TV.Load(ref Unsafe.Add(ref xs, i + (2 * c))), TV.Load(ref Unsafe.Add(ref ys, i + (2 * c))), ref unusual);
            a3 += op.InvokeOrdinary(TV.Load(ref Unsafe.Add(ref xs, i + (3 * c))), TV.Load(ref Unsafe.Add(ref ys, i + (3 * c))), ref unusual);
        }

        return TV.Any(unusual) ? SumBlockExact<TOp, TIn, TV>(op, ref xs, ref ys, iterations) : TV.Sum((a0 + a1) + (a2 + a3));
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static double SumBlockExact<TOp, TIn, TV>(TOp op, ref TIn xs, ref TIn ys, int iterations)
        where TOp : struct, IBinaryTerm
        where TIn : unmanaged, INumberBase<TIn>
        where TV : struct, IVector<TV>
    {
        int c = TV.Count;
        TV a0 = TV.Zero, a1 = TV.Zero, a2 = TV.Zero, a3 = TV.Zero;
        for (int k = 0, i = 0; k < iterations; k++, i += 4 * c)
        {
            a0 += op.Invoke(TV.Load(ref Unsafe.Add(ref xs, i)), TV.Load(ref Unsafe.Add(ref ys, i)));
            a1 += op.Invoke(TV.Load(ref Unsafe.Add(ref xs, i + c)), TV.Load(ref Unsafe.Add(ref ys, i + c)));
            a2 += op.Invoke(TV.Load(ref Unsafe.Add(ref xs, i + (2 * c))), TV.Load(ref Unsafe.Add(ref ys, i + (2 * c))));
            a3 += op.Invoke(TV.Load(ref Unsafe.Add(ref xs, i + (3 * c))), TV.Load(ref Unsafe.Add(ref ys, i + (3 * c))));
        }

        return TV.Sum((a0 + a1) + (a2 + a3));
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static double SumRemainder<TOp, TIn, TV>(TOp op, ReadOnlySpan<TIn> x, ReadOnlySpan<TIn> y, int i)
        where TOp : struct, IBinaryTerm
        where TIn : unmanaged, INumberBase<TIn>
        where TV : struct, IVector<TV>
    {
        ref TIn xs = ref MemoryMarshal.GetReference(x);
        ref TIn ys = ref MemoryMarshal.GetReference(y);
        int n = x.Length;
        int c = TV.Count;
        TV rest = TV.Zero;
        for (; i <= n - c; i += c)
        {
            rest += op.Invoke(TV.Load(ref Unsafe.Add(ref xs, i)), TV.Load(ref Unsafe.Add(ref ys, i)));
        }

        if (i < n)
        {
            TV tail = op.Invoke(TV.Load(ref Unsafe.Add(ref xs, n - c)), TV.Load(ref Unsafe.Add(ref ys, n - c)));
            rest += TV.Select(VectorHelpers.TailMask<TV>(n - i), tail, TV.Zero);
        }

        return TV.Sum(rest);
    }

    public static (double S0, double S1, double S2) Sum3<TOp, TIn>(TOp op, ReadOnlySpan<TIn> x, ReadOnlySpan<TIn> y)
        where TOp : struct, ITripleTerm
        where TIn : unmanaged, INumberBase<TIn>
    {
        Debug.Assert(x.Length == y.Length);
        if (typeof(TIn) == typeof(float))
        {
            if (V512F.IsSupported && x.Length >= V512F.Count)
            {
                return Sum3<TOp, TIn, V512F>(op, x, y);
            }

            if (V256F.IsSupported && x.Length >= V256F.Count)
            {
                return Sum3<TOp, TIn, V256F>(op, x, y);
            }

            if (V128F.IsSupported && x.Length >= V128F.Count)
            {
                return Sum3<TOp, TIn, V128F>(op, x, y);
            }
        }
        else
        {
            if (V512.IsSupported && x.Length >= V512.Count)
            {
                return Sum3<TOp, TIn, V512>(op, x, y);
            }

            if (V256.IsSupported && x.Length >= V256.Count)
            {
                return Sum3<TOp, TIn, V256>(op, x, y);
            }

            if (V128.IsSupported && x.Length >= V128.Count)
            {
                return Sum3<TOp, TIn, V128>(op, x, y);
            }
        }

        double s0 = 0, s1 = 0, s2 = 0;
        for (int i = 0; i < x.Length; i++)
        {
            op.Invoke(ToDouble(x[i]), ToDouble(y[i]), out double t0, out double t1, out double t2);
            s0 += t0;
            s1 += t1;
            s2 += t2;
        }

        return (s0, s1, s2);
    }

    private static (double S0, double S1, double S2) Sum3<TOp, TIn, TV>(TOp op, ReadOnlySpan<TIn> x, ReadOnlySpan<TIn> y)
        where TOp : struct, ITripleTerm
        where TIn : unmanaged, INumberBase<TIn>
        where TV : struct, IVector<TV>
    {
        ref TIn xs = ref MemoryMarshal.GetReference(x);
        ref TIn ys = ref MemoryMarshal.GetReference(y);
        int step = 2 * TV.Count;
        (double S0, double S1, double S2) total = (0, 0, 0);
        int i = 0;
        while (x.Length - i >= step)
        {
            int iterations = Math.Min(Block, (x.Length - i) / step);
            (double b0, double b1, double b2) = Sum3Block<TOp, TIn, TV>(op, ref Unsafe.Add(ref xs, i), ref Unsafe.Add(ref ys, i), iterations);
            total = (total.S0 + b0, total.S1 + b1, total.S2 + b2);
            i += iterations * step;
        }

        (double r0, double r1, double r2) = Sum3Remainder<TOp, TIn, TV>(op, x, y, i);
        return (total.S0 + r0, total.S1 + r1, total.S2 + r2);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static (double S0, double S1, double S2) Sum3Block<TOp, TIn, TV>(TOp op, ref TIn xs, ref TIn ys, int iterations)
        where TOp : struct, ITripleTerm
        where TIn : unmanaged, INumberBase<TIn>
        where TV : struct, IVector<TV>
    {
        int c = TV.Count;
        TV a0 = TV.Zero, a1 = TV.Zero, a2 = TV.Zero;
        TV b0 = TV.Zero, b1 = TV.Zero, b2 = TV.Zero;
        for (int k = 0, i = 0; k < iterations; k++, i += 2 * c)
        {
            TV x0 = TV.Load(ref Unsafe.Add(ref xs, i));
            TV x1 = TV.Load(ref Unsafe.Add(ref xs, i + c));
            TV y0 = TOp.UsesY ? TV.Load(ref Unsafe.Add(ref ys, i)) : x0;
            TV y1 = TOp.UsesY ? TV.Load(ref Unsafe.Add(ref ys, i + c)) : x1;
            op.Invoke(x0, y0, out TV t0, out TV t1, out TV t2);
            op.Invoke(x1, y1, out TV u0, out TV u1, out TV u2);
            a0 += t0;
            a1 += t1;
            a2 += t2;
            b0 += u0;
            b1 += u1;
            b2 += u2;
        }

        return (TV.Sum(a0 + b0), TV.Sum(a1 + b1), TV.Sum(a2 + b2));
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static (double S0, double S1, double S2) Sum3Remainder<TOp, TIn, TV>(TOp op, ReadOnlySpan<TIn> x, ReadOnlySpan<TIn> y, int i)
        where TOp : struct, ITripleTerm
        where TIn : unmanaged, INumberBase<TIn>
        where TV : struct, IVector<TV>
    {
        ref TIn xs = ref MemoryMarshal.GetReference(x);
        ref TIn ys = ref MemoryMarshal.GetReference(y);
        int n = x.Length;
        int c = TV.Count;
        TV r0 = TV.Zero, r1 = TV.Zero, r2 = TV.Zero;
        for (; i <= n - c; i += c)
        {
            TV x0 = TV.Load(ref Unsafe.Add(ref xs, i));
            TV y0 = TOp.UsesY ? TV.Load(ref Unsafe.Add(ref ys, i)) : x0;
            op.Invoke(x0, y0, out TV t0, out TV t1, out TV t2);
            r0 += t0;
            r1 += t1;
            r2 += t2;
        }

        if (i < n)
        {
            TV x0 = TV.Load(ref Unsafe.Add(ref xs, n - c));
            TV y0 = TOp.UsesY ? TV.Load(ref Unsafe.Add(ref ys, n - c)) : x0;
            op.Invoke(x0, y0, out TV t0, out TV t1, out TV t2);
            TV mask = VectorHelpers.TailMask<TV>(n - i);
            r0 += TV.Select(mask, t0, TV.Zero);
            r1 += TV.Select(mask, t1, TV.Zero);
            r2 += TV.Select(mask, t2, TV.Zero);
        }

        return (TV.Sum(r0), TV.Sum(r1), TV.Sum(r2));
    }
}
