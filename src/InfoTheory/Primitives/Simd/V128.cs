using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace InfoTheory.Primitives.Simd;

/// <summary>Two doubles in a <see cref="Vector128{T}"/>.</summary>
internal readonly struct V128 : IVector<V128>
{
    private readonly Vector128<double> _value;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public V128(Vector128<double> value) => _value = value;

    public static int Count => Vector128<double>.Count;

    public static bool IsSingle => false;

    public static bool IsSupported => Vector128.IsHardwareAccelerated;

    public static V128 Zero => new(Vector128<double>.Zero);

    public static V128 Indices => new(Vector128<double>.Indices);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 Create(double value) => new(Vector128.Create(value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 Load<TIn>(ref TIn source)
        where TIn : unmanaged
    {
        if (typeof(TIn) == typeof(double))
        {
            return new(Vector128.LoadUnsafe(ref Unsafe.As<TIn, double>(ref source)));
        }

        if (typeof(TIn) == typeof(float))
        {
            return new(Vector128.Create((double)Unsafe.As<TIn, float>(ref source), Unsafe.Add(ref Unsafe.As<TIn, float>(ref source), 1)));
        }

        if (typeof(TIn) == typeof(int))
        {
            return new(Vector128.Create((double)Unsafe.As<TIn, int>(ref source), Unsafe.Add(ref Unsafe.As<TIn, int>(ref source), 1)));
        }

        if (typeof(TIn) == typeof(long))
        {
            return new(Vector128.ConvertToDouble(Vector128.LoadUnsafe(ref Unsafe.As<TIn, long>(ref source))));
        }

        throw new NotSupportedException($"No vector load from {typeof(TIn)} to double.");
    }

    public static V128 operator +(V128 left, V128 right) => new(left._value + right._value);

    public static V128 operator -(V128 left, V128 right) => new(left._value - right._value);

    public static V128 operator *(V128 left, V128 right) => new(left._value * right._value);

    public static V128 operator /(V128 left, V128 right) => new(left._value / right._value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 MultiplyAdd(V128 a, V128 b, V128 c) => new(Vector128.FusedMultiplyAdd(a._value, b._value, c._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 Max(V128 left, V128 right) => new(Vector128.Max(left._value, right._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 Equal(V128 left, V128 right) => new(Vector128.Equals(left._value, right._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 LessThan(V128 left, V128 right) => new(Vector128.LessThan(left._value, right._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 GreaterThan(V128 left, V128 right) => new(Vector128.GreaterThan(left._value, right._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 IsNaN(V128 x) => new(~Vector128.Equals(x._value, x._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 Select(V128 mask, V128 whenTrue, V128 whenFalse) => new(Vector128.ConditionalSelect(mask._value, whenTrue._value, whenFalse._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 Round(V128 x) => new(Vector128.Round(x._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 NotWithin(V128 x, double lowerInclusive, double upperExclusive) => new(~(Vector128.GreaterThanOrEqual(x._value, Vector128.Create(lowerInclusive)) & Vector128.LessThan(x._value, Vector128.Create(upperExclusive))));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 Or(V128 left, V128 right) => new(left._value | right._value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Any(V128 mask) => Vector128.ExtractMostSignificantBits(mask._value) != 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Decompose(V128 x, out V128 k, out V128 m)
    {
        Vector128<ulong> u = x._value.AsUInt64() - Vector128.Create(FloatBits.SqrtHalfBits);
        Vector128<long> exponent = Vector128.ShiftRightArithmetic(u.AsInt64(), FloatBits.MantissaBits);
        k = new((Vector128.Create(FloatBits.IntegerMagicBits) + exponent).AsDouble() - Vector128.Create(FloatBits.IntegerMagic));
        m = new(((u & Vector128.Create(FloatBits.MantissaMask)) + Vector128.Create(FloatBits.SqrtHalfBits)).AsDouble());
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 ScaleByPowerOfTwo(V128 r, V128 n)
    {
        Vector128<long> bits = (n._value + Vector128.Create(FloatBits.IntegerMagic)).AsInt64() - Vector128.Create(FloatBits.IntegerMagicBits);
        return new((r._value.AsInt64() + Vector128.ShiftLeft(bits, FloatBits.MantissaBits)).AsDouble());
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Sum(V128 x) => Vector128.Sum(x._value);
}
