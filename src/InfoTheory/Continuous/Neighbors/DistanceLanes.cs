using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace InfoTheory.Continuous.Neighbors;

/// <summary>
/// One hardware vector of doubles in which lane ℓ accumulates the distance from one query to point ℓ of a block, so
/// that each lane repeats the scalar canonical computation exactly: the same differences, the same max or the same
/// left-to-right sum of squares (a multiply and an add, never fused), and a correctly rounded square root.
/// </summary>
internal interface IDistanceLanes<TSelf>
    where TSelf : struct, IDistanceLanes<TSelf>
{
    /// <summary>Lanes per vector.</summary>
    static abstract int Count { get; }

    /// <summary>All lanes 0.</summary>
    static abstract TSelf Zero { get; }

    /// <summary><see cref="Count"/> consecutive doubles from <paramref name="source"/>.</summary>
    static abstract TSelf Load(ref double source);

    /// <summary>Every lane <paramref name="value"/>.</summary>
    static abstract TSelf Create(double value);

    /// <summary>max(acc, |x − q|) per lane (all values are non-negative and not NaN, so max needs no special cases).</summary>
    static abstract TSelf MaxAbsDifference(TSelf accumulator, TSelf x, TSelf q);

    /// <summary>acc + (x − q)·(x − q) per lane, rounded after the product and after the sum.</summary>
    static abstract TSelf AddSquaredDifference(TSelf accumulator, TSelf x, TSelf q);

    /// <summary>Correctly rounded square root per lane.</summary>
    static abstract TSelf Sqrt(TSelf x);

    /// <summary>Bit ℓ set where lane ℓ of <paramref name="x"/> is below <paramref name="y"/>.</summary>
    static abstract uint LessThan(TSelf x, TSelf y);

    /// <summary>Bit ℓ set where lane ℓ of <paramref name="x"/> is at most <paramref name="y"/>.</summary>
    static abstract uint LessThanOrEqual(TSelf x, TSelf y);

    /// <summary>Writes the lanes to <paramref name="destination"/>.</summary>
    static abstract void Store(TSelf x, ref double destination);
}

/// <summary>Eight lanes (AVX-512).</summary>
internal readonly struct Lanes512 : IDistanceLanes<Lanes512>
{
    private readonly Vector512<double> _v;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private Lanes512(Vector512<double> v) => _v = v;

    public static int Count => Vector512<double>.Count;

    public static Lanes512 Zero => new(Vector512<double>.Zero);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512 Load(ref double source) => new(Vector512.LoadUnsafe(ref source));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512 Create(double value) => new(Vector512.Create(value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512 MaxAbsDifference(Lanes512 accumulator, Lanes512 x, Lanes512 q) =>
        new(Vector512.MaxNative(accumulator._v, Vector512.Abs(x._v - q._v)));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512 AddSquaredDifference(Lanes512 accumulator, Lanes512 x, Lanes512 q)
    {
        Vector512<double> t = x._v - q._v;
        return new(accumulator._v + (t * t));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512 Sqrt(Lanes512 x) => new(Vector512.Sqrt(x._v));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint LessThan(Lanes512 x, Lanes512 y) => (uint)Vector512.LessThan(x._v, y._v).ExtractMostSignificantBits();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint LessThanOrEqual(Lanes512 x, Lanes512 y) => (uint)Vector512.LessThanOrEqual(x._v, y._v).ExtractMostSignificantBits();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Lanes512 x, ref double destination) => x._v.StoreUnsafe(ref destination);
}

/// <summary>Four lanes (AVX).</summary>
internal readonly struct Lanes256 : IDistanceLanes<Lanes256>
{
    private readonly Vector256<double> _v;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private Lanes256(Vector256<double> v) => _v = v;

    public static int Count => Vector256<double>.Count;

    public static Lanes256 Zero => new(Vector256<double>.Zero);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256 Load(ref double source) => new(Vector256.LoadUnsafe(ref source));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256 Create(double value) => new(Vector256.Create(value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256 MaxAbsDifference(Lanes256 accumulator, Lanes256 x, Lanes256 q) =>
        new(Vector256.MaxNative(accumulator._v, Vector256.Abs(x._v - q._v)));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256 AddSquaredDifference(Lanes256 accumulator, Lanes256 x, Lanes256 q)
    {
        Vector256<double> t = x._v - q._v;
        return new(accumulator._v + (t * t));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256 Sqrt(Lanes256 x) => new(Vector256.Sqrt(x._v));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint LessThan(Lanes256 x, Lanes256 y) => Vector256.LessThan(x._v, y._v).ExtractMostSignificantBits();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint LessThanOrEqual(Lanes256 x, Lanes256 y) => Vector256.LessThanOrEqual(x._v, y._v).ExtractMostSignificantBits();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Lanes256 x, ref double destination) => x._v.StoreUnsafe(ref destination);
}

/// <summary>Two lanes (SSE2, AdvSimd, or the software fallback where neither is accelerated).</summary>
internal readonly struct Lanes128 : IDistanceLanes<Lanes128>
{
    private readonly Vector128<double> _v;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private Lanes128(Vector128<double> v) => _v = v;

    public static int Count => Vector128<double>.Count;

    public static Lanes128 Zero => new(Vector128<double>.Zero);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes128 Load(ref double source) => new(Vector128.LoadUnsafe(ref source));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes128 Create(double value) => new(Vector128.Create(value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes128 MaxAbsDifference(Lanes128 accumulator, Lanes128 x, Lanes128 q) =>
        new(Vector128.MaxNative(accumulator._v, Vector128.Abs(x._v - q._v)));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes128 AddSquaredDifference(Lanes128 accumulator, Lanes128 x, Lanes128 q)
    {
        Vector128<double> t = x._v - q._v;
        return new(accumulator._v + (t * t));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes128 Sqrt(Lanes128 x) => new(Vector128.Sqrt(x._v));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint LessThan(Lanes128 x, Lanes128 y) => Vector128.LessThan(x._v, y._v).ExtractMostSignificantBits();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint LessThanOrEqual(Lanes128 x, Lanes128 y) => Vector128.LessThanOrEqual(x._v, y._v).ExtractMostSignificantBits();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Lanes128 x, ref double destination) => x._v.StoreUnsafe(ref destination);
}
