using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace InfoTheory.Primitives.Simd;

/// <summary>Four floats in a <see cref="Vector128{T}"/>.</summary>
internal readonly struct V128F : IVector<V128F>
{
    private readonly Vector128<float> _value;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public V128F(Vector128<float> value) => _value = value;

    public static int Count => Vector128<float>.Count;

    public static bool IsSingle => true;

    public static bool IsSupported => Vector128.IsHardwareAccelerated;

    public static V128F Zero => new(Vector128<float>.Zero);

    public static V128F Indices => new(Vector128<float>.Indices);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128F Create(double value) => new(Vector128.Create((float)value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128F Load<TIn>(ref TIn source)
        where TIn : unmanaged
    {
        if (typeof(TIn) == typeof(float))
        {
            return new(Vector128.LoadUnsafe(ref Unsafe.As<TIn, float>(ref source)));
        }

        throw new NotSupportedException($"No vector load from {typeof(TIn)} to float.");
    }

    public static V128F operator +(V128F left, V128F right) => new(left._value + right._value);

    public static V128F operator -(V128F left, V128F right) => new(left._value - right._value);

    public static V128F operator *(V128F left, V128F right) => new(left._value * right._value);

    public static V128F operator /(V128F left, V128F right) => new(left._value / right._value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128F MultiplyAdd(V128F a, V128F b, V128F c) => new(Vector128.FusedMultiplyAdd(a._value, b._value, c._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128F Max(V128F left, V128F right) => new(Vector128.Max(left._value, right._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128F Equal(V128F left, V128F right) => new(Vector128.Equals(left._value, right._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128F LessThan(V128F left, V128F right) => new(Vector128.LessThan(left._value, right._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128F GreaterThan(V128F left, V128F right) => new(Vector128.GreaterThan(left._value, right._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128F IsNaN(V128F x) => new(~Vector128.Equals(x._value, x._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128F Select(V128F mask, V128F whenTrue, V128F whenFalse) => new(Vector128.ConditionalSelect(mask._value, whenTrue._value, whenFalse._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128F Round(V128F x) => new(Vector128.Round(x._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128F NotWithin(V128F x, double lowerInclusive, double upperExclusive) => new(~(Vector128.GreaterThanOrEqual(x._value, Vector128.Create((float)lowerInclusive)) & Vector128.LessThan(x._value, Vector128.Create((float)upperExclusive))));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128F Or(V128F left, V128F right) => new(left._value | right._value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Any(V128F mask) => Vector128.ExtractMostSignificantBits(mask._value) != 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Decompose(V128F x, out V128F k, out V128F m)
    {
        Vector128<uint> u = x._value.AsUInt32() - Vector128.Create(FloatBits.SingleSqrtHalfBits);
        Vector128<int> exponent = Vector128.ShiftRightArithmetic(u.AsInt32(), FloatBits.SingleMantissaBits);
        k = new((Vector128.Create(FloatBits.SingleIntegerMagicBits) + exponent).AsSingle() - Vector128.Create(FloatBits.SingleIntegerMagic));
        m = new(((u & Vector128.Create(FloatBits.SingleMantissaMask)) + Vector128.Create(FloatBits.SingleSqrtHalfBits)).AsSingle());
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128F ScaleByPowerOfTwo(V128F r, V128F n)
    {
        Vector128<int> bits = (n._value + Vector128.Create(FloatBits.SingleIntegerMagic)).AsInt32() - Vector128.Create(FloatBits.SingleIntegerMagicBits);
        return new((r._value.AsInt32() + Vector128.ShiftLeft(bits, FloatBits.SingleMantissaBits)).AsSingle());
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Sum(V128F x) => Vector128.Sum(Vector128.WidenLower(x._value) + Vector128.WidenUpper(x._value));
}
