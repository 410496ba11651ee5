using System.Runtime.CompilerServices;

namespace InfoTheory.Primitives.Simd;

/// <summary>
/// A vector of doubles or floats of one hardware width. The kernels are written once against
/// this interface and the JIT specialises them for <see cref="V128"/>, <see cref="V256"/>,
/// <see cref="V512"/> (double lanes) and <see cref="V128F"/>, <see cref="V256F"/>, <see cref="V512F"/>
/// (float lanes); the driver picks the widest width the machine accelerates. The wrappers are
/// separate small structs, not one generic one, because the JIT must inline every operation of
/// a whole log or exp into the reduction loop and type tests inside generic wrappers exhaust its
/// inlining budget (measured: 1M-element entropy went from 0.95 ms to 8 ms).
/// Double lanes serve double, int and long input (widened on load); float lanes serve float
/// input, evaluating log and exp in single precision. Either way sums are carried into double
/// (<see cref="Sum"/>) in short blocks, so every reduction accumulates in double (DESIGN §5).
/// </summary>
internal interface IVector<TSelf>
    where TSelf : struct, IVector<TSelf>
{
    /// <summary>Number of double lanes.</summary>
    static abstract int Count { get; }

    /// <summary>Whether the lanes are floats (single precision) rather than doubles.</summary>
    static abstract bool IsSingle { get; }

    /// <summary>Whether this width is accelerated on the current machine (honours DOTNET_EnableAVX512 and friends).</summary>
    static abstract bool IsSupported { get; }

    static abstract TSelf Zero { get; }

    /// <summary>Lane indices 0, 1, …, Count − 1 as doubles (used to mask tails).</summary>
    static abstract TSelf Indices { get; }

    static abstract TSelf Create(double value);

    /// <summary>Loads <see cref="Count"/> consecutive elements starting at <paramref name="source"/>, converted to double.</summary>
    static abstract TSelf Load<TIn>(ref TIn source) where TIn : unmanaged;

    static abstract TSelf operator +(TSelf left, TSelf right);

    static abstract TSelf operator -(TSelf left, TSelf right);

    static abstract TSelf operator *(TSelf left, TSelf right);

    static abstract TSelf operator /(TSelf left, TSelf right);

    /// <summary>a·b + c with one rounding.</summary>
    static abstract TSelf MultiplyAdd(TSelf a, TSelf b, TSelf c);

    static abstract TSelf Max(TSelf left, TSelf right);

    // Comparisons return all-ones lanes where true, all-zeros where false.
    static abstract TSelf Equal(TSelf left, TSelf right);

    static abstract TSelf LessThan(TSelf left, TSelf right);

    static abstract TSelf GreaterThan(TSelf left, TSelf right);

    static abstract TSelf IsNaN(TSelf x);

    /// <summary>Mask of the lanes that are not in [lower, upper) (NaN lanes included).</summary>
    static abstract TSelf NotWithin(TSelf x, double lowerInclusive, double upperExclusive);

    /// <summary>Bitwise or (of masks).</summary>
    static abstract TSelf Or(TSelf left, TSelf right);

    /// <summary>Whether any lane of the mask is set.</summary>
    static abstract bool Any(TSelf mask);

    /// <summary>Where <paramref name="mask"/> is set, <paramref name="whenTrue"/>; elsewhere <paramref name="whenFalse"/>.</summary>
    static abstract TSelf Select(TSelf mask, TSelf whenTrue, TSelf whenFalse);

    /// <summary>
    /// Splits positive normal x into x = 2^k · m with m in [√½, √2): k as an integral value.
    /// Results for zero, negative, subnormal, infinite or NaN x are unspecified; callers mask them.
    /// </summary>
    static abstract void Decompose(TSelf x, out TSelf k, out TSelf m);

    /// <summary>r · 2^n for integral n with the result normal (−1022 ≤ n + exponent(r) ≤ 1023).</summary>
    static abstract TSelf ScaleByPowerOfTwo(TSelf r, TSelf n);

    /// <summary>Round to the nearest integer, ties to even.</summary>
    static abstract TSelf Round(TSelf x);

    /// <summary>Sum of all lanes in double, in a fixed order.</summary>
    static abstract double Sum(TSelf x);
}

/// <summary>Helpers shared by the vector kernels.</summary>
internal static class VectorHelpers
{
    /// <summary>Mask of the lanes at index ≥ <c>Count − remaining</c>: the new lanes of an overlapping last load.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV TailMask<TV>(int remaining)
        where TV : struct, IVector<TV> =>
        TV.GreaterThan(TV.Indices, TV.Create(TV.Count - remaining - 0.5));
}
