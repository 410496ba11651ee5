using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace InfoTheory.Primitives.Simd;

/// <summary>Eight floats in a <see cref="Vector256{T}"/>.</summary>
internal readonly struct V256F : IVector<V256F>
{
    private readonly Vector256<float> _value;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public V256F(Vector256<float> value) => _value = value;

    public static int Count => Vector256<float>.Count;

    public static bool IsSingle => true;

    public static bool IsSupported => Vector256.IsHardwareAccelerated && Avx2.IsSupported;

    public static V256F Zero => new(Vector256<float>.Zero);

    public static V256F Indices => new(Vector256<float>.Indices);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V256F Create(double value) => new(Vector256.Create((float)value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V256F Load<TIn>(ref TIn source)
        where TIn : unmanaged
    {
        if (typeof(TIn) == typeof(float))
        {
            return new(Vector256.LoadUnsafe(ref Unsafe.As<TIn, float>(ref source)));
        }

        throw new NotSupportedException($"No vector load from {typeof(TIn)} to float.");
    }

    public static V256F operator +(V256F left, V256F right) => new(left._value + right._value);

    public static V256F operator -(V256F left, V256F right) => new(left._value - right._value);

    public static V256F operator *(V256F left, V256F right) => new(left._value * right._value);

    public static V256F operator /(V256F left, V256F right) => new(left._value / right._value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V256F MultiplyAdd(V256F a, V256F b, V256F c) => new(Vector256.FusedMultiplyAdd(a._value, b._value, c._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V256F Max(V256F left, V256F right) => new(Vector256.Max(left._value, right._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V256F Equal(V256F left, V256F right) => new(Vector256.Equals(left._value, right._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V256F LessThan(V256F left, V256F right) => new(Vector256.LessThan(left._value, right._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V256F GreaterThan(V256F left, V256F right) => new(Vector256.GreaterThan(left._value, right._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V256F IsNaN(V256F x) => new(~Vector256.Equals(x._value, x._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V256F Select(V256F mask, V256F whenTrue, V256F whenFalse) => new(Vector256.ConditionalSelect(mask._value, whenTrue._value, whenFalse._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V256F Round(V256F x) => new(Vector256.Round(x._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V256F NotWithin(V256F x, double lowerInclusive, double upperExclusive) => new(~(Vector256.GreaterThanOrEqual(x._value, Vector256.Create((float)lowerInclusive)) & Vector256.LessThan(x._value, Vector256.Create((float)upperExclusive))));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V256F Or(V256F left, V256F right) => new(left._value | right._value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Any(V256F mask) => Vector256.ExtractMostSignificantBits(mask._value) != 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Decompose(V256F x, out V256F k, out V256F m)
    {
        Vector256<uint> u = x._value.AsUInt32() - Vector256.Create(FloatBits.SingleSqrtHalfBits);
        Vector256<int> exponent = Vector256.ShiftRightArithmetic(u.AsInt32(), FloatBits.SingleMantissaBits);
        k = new((Vector256.Create(FloatBits.SingleIntegerMagicBits) + exponent).AsSingle() - Vector256.Create(FloatBits.SingleIntegerMagic));
        m = new(((u & Vector256.Create(FloatBits.SingleMantissaMask)) + Vector256.Create(FloatBits.SingleSqrtHalfBits)).AsSingle());
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V256F ScaleByPowerOfTwo(V256F r, V256F n)
    {
        Vector256<int> bits = (n._value + Vector256.Create(FloatBits.SingleIntegerMagic)).AsInt32() - Vector256.Create(FloatBits.SingleIntegerMagicBits);
        return new((r._value.AsInt32() + Vector256.ShiftLeft(bits, FloatBits.SingleMantissaBits)).AsSingle());
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Sum(V256F x) => Vector256.Sum(Vector256.WidenLower(x._value) + Vector256.WidenUpper(x._value));
}
