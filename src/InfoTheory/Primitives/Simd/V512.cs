using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace InfoTheory.Primitives.Simd;

/// <summary>Eight doubles in a <see cref="Vector512{T}"/>.</summary>
internal readonly struct V512 : IVector<V512>
{
    private readonly Vector512<double> _value;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public V512(Vector512<double> value) => _value = value;

    public static int Count => Vector512<double>.Count;

    public static bool IsSingle => false;

    public static bool IsSupported => Vector512.IsHardwareAccelerated && Avx512F.IsSupported;

    public static V512 Zero => new(Vector512<double>.Zero);

    public static V512 Indices => new(Vector512<double>.Indices);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V512 Create(double value) => new(Vector512.Create(value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V512 Load<TIn>(ref TIn source)
        where TIn : unmanaged
    {
        if (typeof(TIn) == typeof(double))
        {
            return new(Vector512.LoadUnsafe(ref Unsafe.As<TIn, double>(ref source)));
        }

        if (typeof(TIn) == typeof(float))
        {
            return new(Avx512F.ConvertToVector512Double(Vector256.LoadUnsafe(ref Unsafe.As<TIn, float>(ref source))));
        }

        if (typeof(TIn) == typeof(int))
        {
            return new(Avx512F.ConvertToVector512Double(Vector256.LoadUnsafe(ref Unsafe.As<TIn, int>(ref source))));
        }

        if (typeof(TIn) == typeof(long))
        {
            return new(Vector512.ConvertToDouble(Vector512.LoadUnsafe(ref Unsafe.As<TIn, long>(ref source))));
        }

        throw new NotSupportedException($"No vector load from {typeof(TIn)} to double.");
    }

    public static V512 operator +(V512 left, V512 right) => new(left._value + right._value);

    public static V512 operator -(V512 left, V512 right) => new(left._value - right._value);

    public static V512 operator *(V512 left, V512 right) => new(left._value * right._value);

    public static V512 operator /(V512 left, V512 right) => new(left._value / right._value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V512 MultiplyAdd(V512 a, V512 b, V512 c) => new(Vector512.FusedMultiplyAdd(a._value, b._value, c._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V512 Max(V512 left, V512 right) => new(Vector512.Max(left._value, right._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V512 Equal(V512 left, V512 right) => new(Vector512.Equals(left._value, right._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V512 LessThan(V512 left, V512 right) => new(Vector512.LessThan(left._value, right._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V512 GreaterThan(V512 left, V512 right) => new(Vector512.GreaterThan(left._value, right._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V512 IsNaN(V512 x) => new(~Vector512.Equals(x._value, x._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V512 Select(V512 mask, V512 whenTrue, V512 whenFalse) => new(Vector512.ConditionalSelect(mask._value, whenTrue._value, whenFalse._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V512 Round(V512 x) => new(Vector512.Round(x._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V512 NotWithin(V512 x, double lowerInclusive, double upperExclusive) => new(~(Vector512.GreaterThanOrEqual(x._value, Vector512.Create(lowerInclusive)) & Vector512.LessThan(x._value, Vector512.Create(upperExclusive))));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V512 Or(V512 left, V512 right) => new(left._value | right._value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Any(V512 mask) => Vector512.ExtractMostSignificantBits(mask._value) != 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Decompose(V512 x, out V512 k, out V512 m)
    {
        Vector512<ulong> u = x._value.AsUInt64() - Vector512.Create(FloatBits.SqrtHalfBits);
        Vector512<long> exponent = Vector512.ShiftRightArithmetic(u.AsInt64(), FloatBits.MantissaBits);
        k = new((Vector512.Create(FloatBits.IntegerMagicBits) + exponent).AsDouble() - Vector512.Create(FloatBits.IntegerMagic));
        m = new(((u & Vector512.Create(FloatBits.MantissaMask)) + Vector512.Create(FloatBits.SqrtHalfBits)).AsDouble());
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V512 ScaleByPowerOfTwo(V512 r, V512 n)
    {
        Vector512<long> bits = (n._value + Vector512.Create(FloatBits.IntegerMagic)).AsInt64() - Vector512.Create(FloatBits.IntegerMagicBits);
        return new((r._value.AsInt64() + Vector512.ShiftLeft(bits, FloatBits.MantissaBits)).AsDouble());
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Sum(V512 x) => Vector512.Sum(x._value);
}
