using System.Diagnostics;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace InfoTheory.Primitives.Simd;

/// <summary>
/// An element-wise term f(x) or f(x, y) whose sum a reduction computes. Terms of one input
/// say so with <see cref="UsesY"/> = false; the driver then never reads y and passes x again.
/// </summary>
internal interface ITerm
{
    /// <summary>Whether the term reads its second input.</summary>
    static abstract bool UsesY { get; }

    /// <summary>
    /// Whether a vector evaluation is large (both a log and an exp): the block loop then unrolls
    /// two-way instead of four-way, because four inlined copies exceed what the JIT will inline
    /// into one method and it falls back to calling every vector operation.
    /// </summary>
    static abstract bool IsExpensive { get; }

    double Invoke(double x, double y);

    /// <summary>Exact for every input, special values included.</summary>
    TV Invoke<TV>(TV x, TV y)
        where TV : struct, IVector<TV>;

    /// <summary>
    /// The fast form for ordinary inputs (no subnormal, infinite or NaN lanes, no zero where the
    /// term takes a log): flags the lanes it cannot handle in <paramref name="unusual"/> instead of masking them.
    /// </summary>
    TV InvokeOrdinary<TV>(TV x, TV y, ref TV unusual)
        where TV : struct, IVector<TV>;
}

/// <summary>
/// Three element-wise terms of one or two inputs, summed together in one pass
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
/// <remarks>
/// The unrolled block, its exact redo and the remainder are separate non-inlined methods on
/// purpose: each inlines whole copies of the term's log or exp, and the JIT stops inlining once a
/// method has too many locals (measured: everything in one method made 1M-element entropy 8×
/// slower).
/// </remarks>
internal static class Reduce
{
    /// <summary>
    /// Unrolled iterations per block before the vector accumulators are added into the double total:
    /// each float lane then sums at most 32 terms in single precision (≤ 32 ulps, ~2e-6 relative worst case).
    /// </summary>
    private const int Block = 32;

    private enum Width
    {
        Scalar,
        V128,
        V256,
        V512,
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double ToDouble<TIn>(TIn value)
        where TIn : unmanaged, INumberBase<TIn> =>
        double.CreateTruncating(value);

    /// <summary>Σ f(xᵢ) for a term of one input.</summary>
    public static double Sum<TOp, TIn>(TOp op, ReadOnlySpan<TIn> x)
        where TOp : struct, ITerm
        where TIn : unmanaged, INumberBase<TIn>
    {
        Debug.Assert(!TOp.UsesY);
        return Sum(op, x, x);
    }

    /// <summary>Σ f(xᵢ, yᵢ); y is not read when the term does not use it.</summary>
    public static double Sum<TOp, TIn>(TOp op, ReadOnlySpan<TIn> x, ReadOnlySpan<TIn> y)
        where TOp : struct, ITerm
        where TIn : unmanaged, INumberBase<TIn>
    {
        Debug.Assert(x.Length == y.Length);
        bool single = typeof(TIn) == typeof(float);
        switch (Choose(x.Length, single))
        {
            case Width.V512:
                return single ? Sum<TOp, TIn, V512F>(op, x, y) : Sum<TOp, TIn, V512>(op, x, y);
            case Width.V256:
                return single ? Sum<TOp, TIn, V256F>(op, x, y) : Sum<TOp, TIn, V256>(op, x, y);
            case Width.V128:
                return single ? Sum<TOp, TIn, V128F>(op, x, y) : Sum<TOp, TIn, V128>(op, x, y);
            default:
                double sum = 0;
                for (int i = 0; i < x.Length; i++)
                {
                    sum += op.Invoke(ToDouble(x[i]), ToDouble(y[i]));
                }

                return sum;
        }
    }

    /// <summary>(Σ t₀, Σ t₁, Σ t₂) of a triple term.</summary>
    public static (double S0, double S1, double S2) Sum3<TOp, TIn>(TOp op, ReadOnlySpan<TIn> x, ReadOnlySpan<TIn> y)
        where TOp : struct, ITripleTerm
        where TIn : unmanaged, INumberBase<TIn>
    {
        Debug.Assert(x.Length == y.Length);
        bool single = typeof(TIn) == typeof(float);
        switch (Choose(x.Length, single))
        {
            case Width.V512:
                return single ? Sum3<TOp, TIn, V512F>(op, x, y) : Sum3<TOp, TIn, V512>(op, x, y);
            case Width.V256:
                return single ? Sum3<TOp, TIn, V256F>(op, x, y) : Sum3<TOp, TIn, V256>(op, x, y);
            case Width.V128:
                return single ? Sum3<TOp, TIn, V128F>(op, x, y) : Sum3<TOp, TIn, V128>(op, x, y);
            default:
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
    }

    /// <summary>The widest accelerated width with at least one whole vector of input.</summary>
    private static Width Choose(int length, bool single)
    {
        if (single)
        {
            return V512F.IsSupported && length >= V512F.Count ? Width.V512
                : V256F.IsSupported && length >= V256F.Count ? Width.V256
                : V128F.IsSupported && length >= V128F.Count ? Width.V128
                : Width.Scalar;
        }

        return V512.IsSupported && length >= V512.Count ? Width.V512
            : V256.IsSupported && length >= V256.Count ? Width.V256
            : V128.IsSupported && length >= V128.Count ? Width.V128
            : Width.Scalar;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV LoadY<TOp, TIn, TV>(ref TIn ys, int i, TV x)
        where TOp : struct, ITerm
        where TIn : unmanaged
        where TV : struct, IVector<TV> =>
        TOp.UsesY ? TV.Load(ref Unsafe.Add(ref ys, i)) : x;

    private static double Sum<TOp, TIn, TV>(TOp op, ReadOnlySpan<TIn> x, ReadOnlySpan<TIn> y)
        where TOp : struct, ITerm
        where TIn : unmanaged, INumberBase<TIn>
        where TV : struct, IVector<TV>
    {
        ref TIn xs = ref MemoryMarshal.GetReference(x);
        ref TIn ys = ref MemoryMarshal.GetReference(y);
        int step = (TOp.IsExpensive ? 2 : 4) * TV.Count;
        double total = 0;
        int i = 0;
        while (x.Length - i >= step)
        {
            int iterations = Math.Min(Block, (x.Length - i) / step);
            total += TOp.IsExpensive
                ? SumBlockTwoWay<TOp, TIn, TV>(op, ref Unsafe.Add(ref xs, i), ref Unsafe.Add(ref ys, i), iterations)
                : SumBlock<TOp, TIn, TV>(op, ref Unsafe.Add(ref xs, i), ref Unsafe.Add(ref ys, i), iterations);
            i += iterations * step;
        }

        return total + SumRemainder<TOp, TIn, TV>(op, x, y, i);
    }

    /// <summary>
    /// One block on the fast path; if any lane was unusual (a zero q, a subnormal, a NaN, …) the
    /// block, still in cache, is summed again with the exact form.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static double SumBlock<TOp, TIn, TV>(TOp op, ref TIn xs, ref TIn ys, int iterations)
        where TOp : struct, ITerm
        where TIn : unmanaged, INumberBase<TIn>
        where TV : struct, IVector<TV>
    {
        int c = TV.Count;
        TV a0 = TV.Zero, a1 = TV.Zero, a2 = TV.Zero, a3 = TV.Zero;
        TV unusual = TV.Zero;
        for (int k = 0, i = 0; k < iterations; k++, i += 4 * c)
        {
            TV x0 = TV.Load(ref Unsafe.Add(ref xs, i));
            TV x1 = TV.Load(ref Unsafe.Add(ref xs, i + c));
            TV x2 = TV.Load(ref Unsafe.Add(ref xs, i + (2 * c)));
            TV x3 = TV.Load(ref Unsafe.Add(ref xs, i + (3 * c)));
            a0 += op.InvokeOrdinary(x0, LoadY<TOp, TIn, TV>(ref ys, i, x0), ref unusual);
            a1 += op.InvokeOrdinary(x1, LoadY<TOp, TIn, TV>(ref ys, i + c, x1), ref unusual);
            a2 += op.InvokeOrdinary(x2, LoadY<TOp, TIn, TV>(ref ys, i + (2 * c), x2), ref unusual);
            a3 += op.InvokeOrdinary(x3, LoadY<TOp, TIn, TV>(ref ys, i + (3 * c), x3), ref unusual);
        }

        return TV.Any(unusual) ? SumExact<TOp, TIn, TV>(op, ref xs, ref ys, 4 * iterations) : TV.Sum((a0 + a1) + (a2 + a3));
    }

    /// <summary>As <see cref="SumBlock{TOp, TIn, TV}(TOp, ref TIn, ref TIn, int)"/> with two accumulators, for expensive terms.</summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static double SumBlockTwoWay<TOp, TIn, TV>(TOp op, ref TIn xs, ref TIn ys, int iterations)
        where TOp : struct, ITerm
        where TIn : unmanaged, INumberBase<TIn>
        where TV : struct, IVector<TV>
    {
        int c = TV.Count;
        TV a0 = TV.Zero, a1 = TV.Zero;
        TV unusual = TV.Zero;
        for (int k = 0, i = 0; k < iterations; k++, i += 2 * c)
        {
            TV x0 = TV.Load(ref Unsafe.Add(ref xs, i));
            TV x1 = TV.Load(ref Unsafe.Add(ref xs, i + c));
            a0 += op.InvokeOrdinary(x0, LoadY<TOp, TIn, TV>(ref ys, i, x0), ref unusual);
            a1 += op.InvokeOrdinary(x1, LoadY<TOp, TIn, TV>(ref ys, i + c, x1), ref unusual);
        }

        return TV.Any(unusual) ? SumExact<TOp, TIn, TV>(op, ref xs, ref ys, 2 * iterations) : TV.Sum(a0 + a1);
    }

    /// <summary>The exact form over <paramref name="vectors"/> whole vectors, one at a time.</summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static double SumExact<TOp, TIn, TV>(TOp op, ref TIn xs, ref TIn ys, int vectors)
        where TOp : struct, ITerm
        where TIn : unmanaged, INumberBase<TIn>
        where TV : struct, IVector<TV>
    {
        int c = TV.Count;
        TV sum = TV.Zero;
        for (int k = 0, i = 0; k < vectors; k++, i += c)
        {
            TV x0 = TV.Load(ref Unsafe.Add(ref xs, i));
            sum += op.Invoke(x0, LoadY<TOp, TIn, TV>(ref ys, i, x0));
        }

        return TV.Sum(sum);
    }

    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static double SumRemainder<TOp, TIn, TV>(TOp op, ReadOnlySpan<TIn> x, ReadOnlySpan<TIn> y, int i)
        where TOp : struct, ITerm
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
            TV x0 = TV.Load(ref Unsafe.Add(ref xs, i));
            rest += op.Invoke(x0, LoadY<TOp, TIn, TV>(ref ys, i, x0));
        }

        if (i < n)
        {
            TV x0 = TV.Load(ref Unsafe.Add(ref xs, n - c));
            TV tail = op.Invoke(x0, LoadY<TOp, TIn, TV>(ref ys, n - c, x0));
            rest += TV.Select(VectorHelpers.TailMask<TV>(n - i), tail, TV.Zero);
        }

        return TV.Sum(rest);
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

    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
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

    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
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
