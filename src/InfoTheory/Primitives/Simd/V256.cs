using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace InfoTheory.Primitives.Simd;

/// <summary>Four doubles in a <see cref="Vector256{T}"/>.</summary>
internal readonly struct V256 : IVector<V256>
{
    private readonly Vector256<double> _value;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public V256(Vector256<double> value) => _value = value;

    public static int Count => Vector256<double>.Count;

    public static bool IsSingle => false;

    public static bool IsSupported => Vector256.IsHardwareAccelerated && Avx2.IsSupported;

    public static V256 Zero => new(Vector256<double>.Zero);

    public static V256 Indices => new(Vector256<double>.Indices);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V256 Create(double value) => new(Vector256.Create(value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V256 Load<TIn>(ref TIn source)
        where TIn : unmanaged
    {
        if (typeof(TIn) == typeof(double))
        {
            return new(Vector256.LoadUnsafe(ref Unsafe.As<TIn, double>(ref source)));
        }

        if (typeof(TIn) == typeof(float))
        {
            return new(Avx.ConvertToVector256Double(Vector128.LoadUnsafe(ref Unsafe.As<TIn, float>(ref source))));
        }

        if (typeof(TIn) == typeof(int))
        {
            return new(Avx.ConvertToVector256Double(Vector128.LoadUnsafe(ref Unsafe.As<TIn, int>(ref source))));
        }

        if (typeof(TIn) == typeof(long))
        {
            return new(Vector256.ConvertToDouble(Vector256.LoadUnsafe(ref Unsafe.As<TIn, long>(ref source))));
        }

        throw new NotSupportedException($"No vector load from {typeof(TIn)} to double.");
    }

    public static V256 operator +(V256 left, V256 right) => new(left._value + right._value);

    public static V256 operator -(V256 left, V256 right) => new(left._value - right._value);

    public static V256 operator *(V256 left, V256 right) => new(left._value * right._value);

    public static V256 operator /(V256 left, V256 right) => new(left._value / right._value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V256 MultiplyAdd(V256 a, V256 b, V256 c) => new(Vector256.FusedMultiplyAdd(a._value, b._value, c._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V256 Max(V256 left, V256 right) => new(Vector256.Max(left._value, right._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V256 Equal(V256 left, V256 right) => new(Vector256.Equals(left._value, right._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V256 LessThan(V256 left, V256 right) => new(Vector256.LessThan(left._value, right._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V256 GreaterThan(V256 left, V256 right) => new(Vector256.GreaterThan(left._value, right._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V256 IsNaN(V256 x) => new(~Vector256.Equals(x._value, x._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V256 Select(V256 mask, V256 whenTrue, V256 whenFalse) => new(Vector256.ConditionalSelect(mask._value, whenTrue._value, whenFalse._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V256 Round(V256 x) => new(Vector256.Round(x._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V256 NotWithin(V256 x, double lowerInclusive, double upperExclusive) => new(~(Vector256.GreaterThanOrEqual(x._value, Vector256.Create(lowerInclusive)) & Vector256.LessThan(x._value, Vector256.Create(upperExclusive))));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V256 Or(V256 left, V256 right) => new(left._value | right._value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Any(V256 mask) => Vector256.ExtractMostSignificantBits(mask._value) != 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Decompose(V256 x, out V256 k, out V256 m)
    {
        Vector256<ulong> u = x._value.AsUInt64() - Vector256.Create(FloatBits.SqrtHalfBits);
        Vector256<long> exponent = Vector256.ShiftRightArithmetic(u.AsInt64(), FloatBits.MantissaBits);
        k = new((Vector256.Create(FloatBits.IntegerMagicBits) + exponent).AsDouble() - Vector256.Create(FloatBits.IntegerMagic));
        m = new(((u & Vector256.Create(FloatBits.MantissaMask)) + Vector256.Create(FloatBits.SqrtHalfBits)).AsDouble());
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V256 ScaleByPowerOfTwo(V256 r, V256 n)
    {
        Vector256<long> bits = (n._value + Vector256.Create(FloatBits.IntegerMagic)).AsInt64() - Vector256.Create(FloatBits.IntegerMagicBits);
        return new((r._value.AsInt64() + Vector256.ShiftLeft(bits, FloatBits.MantissaBits)).AsDouble());
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Sum(V256 x) => Vector256.Sum(x._value);
}
