using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace InfoTheory.Primitives.Simd;

/// <summary>
/// The largest element of a row, NaN if any element is NaN: the shift of the softmax and log-sum-exp kernels.
/// </summary>
/// <remarks>
/// <see cref="TensorPrimitives.Max{T}(ReadOnlySpan{T})"/> gives the same value, but it is compiled by tiers: a row batch
/// calls it once per row, so the first batch of a process runs it unoptimised for every row until the runtime has
/// promoted it (measured: the first 256 × 32 000 softmax entropy batch after <see cref="Warmup"/> took 1.9× its steady
/// time, with the unoptimised maximum as the difference). This one is compiled fully optimised on first use, like the
/// rest of the row kernels. The maximum is an exact selection, so the value is the same; only the sign of a zero
/// maximum may differ, which changes no shifted value and no result.
/// </remarks>
internal static class VectorMax
{
    /// <summary>max(x), NaN if x contains NaN. <paramref name="x"/> must not be empty.</summary>
    /// <remarks>
    /// The three widths are written out: one <see cref="Vector{T}"/> loop (256 bits wide on this AVX-512 machine) took
    /// 1.85× the time of the 512-bit loop (<c>VectorMaxBenchmarks</c>), and the runtime's own vector interface that
    /// would let one generic loop serve all three widths is not public.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static T Max<T>(ReadOnlySpan<T> x)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if ((typeof(T) != typeof(float) && typeof(T) != typeof(double)) || x.IsEmpty)
        {
            return TensorPrimitives.Max(x);
        }

        ref T start = ref MemoryMarshal.GetReference(x);
        int n = x.Length;
        if (Vector512.IsHardwareAccelerated && n >= Vector512<T>.Count)
        {
            int count = Vector512<T>.Count;
            Vector512<T> max = Vector512.LoadUnsafe(ref start), nan = Vector512<T>.Zero;
            for (int i = count; i < n; i += count)
            {
                // The last vector overlaps the one before it: re-reading elements changes no maximum.
                Vector512<T> v = Vector512.LoadUnsafe(ref start, (nuint)Math.Min(i, n - count));
                max = Vector512.Max(max, v);
                nan |= ~Vector512.Equals(v, v);
            }

            nan |= ~Vector512.Equals(max, max);
            return nan != Vector512<T>.Zero ? T.NaN : Horizontal(max);
        }

        if (Vector256.IsHardwareAccelerated && n >= Vector256<T>.Count)
        {
            int count = Vector256<T>.Count;
            Vector256<T> max = Vector256.LoadUnsafe(ref start), nan = Vector256<T>.Zero;
            for (int i = count; i < n; i += count)
            {
                Vector256<T> v = Vector256.LoadUnsafe(ref start, (nuint)Math.Min(i, n - count));
                max = Vector256.Max(max, v);
                nan |= ~Vector256.Equals(v, v);
            }

            nan |= ~Vector256.Equals(max, max);
            return nan != Vector256<T>.Zero ? T.NaN : Horizontal(max);
        }

        if (Vector128.IsHardwareAccelerated && n >= Vector128<T>.Count)
        {
            int count = Vector128<T>.Count;
            Vector128<T> max = Vector128.LoadUnsafe(ref start), nan = Vector128<T>.Zero;
            for (int i = count; i < n; i += count)
            {
                Vector128<T> v = Vector128.LoadUnsafe(ref start, (nuint)Math.Min(i, n - count));
                max = Vector128.Max(max, v);
                nan |= ~Vector128.Equals(v, v);
            }

            nan |= ~Vector128.Equals(max, max);
            return nan != Vector128<T>.Zero ? T.NaN : Horizontal(max);
        }

        T result = x[0];
        foreach (T v in x)
        {
            if (T.IsNaN(v))
            {
                return v;
            }

            result = v > result ? v : result;
        }

        return result;
    }

    private static T Horizontal<T>(Vector512<T> v)
        where T : unmanaged, IFloatingPointIeee754<T> => Horizontal(Vector256.Max(v.GetLower(), v.GetUpper()));

    private static T Horizontal<T>(Vector256<T> v)
        where T : unmanaged, IFloatingPointIeee754<T> => Horizontal(Vector128.Max(v.GetLower(), v.GetUpper()));

    private static T Horizontal<T>(Vector128<T> v)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        T result = v.GetElement(0);
        for (int i = 1; i < Vector128<T>.Count; i++)
        {
            T e = v.GetElement(i);
            result = e > result ? e : result;
        }

        return result;
    }
}
