using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace InfoTheory.Primitives.Simd;

/// <summary>Sixteen floats in a <see cref="Vector512{T}"/>.</summary>
internal readonly struct V512F : IVector<V512F>
{
    private readonly Vector512<float> _value;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public V512F(Vector512<float> value) => _value = value;

    public static int Count => Vector512<float>.Count;

    public static bool IsSingle => true;

    public static bool IsSupported => Vector512.IsHardwareAccelerated && Avx512F.IsSupported;

    public static V512F Zero => new(Vector512<float>.Zero);

    public static V512F Indices => new(Vector512<float>.Indices);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V512F Create(double value) => new(Vector512.Create((float)value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V512F Load<TIn>(ref TIn source)
        where TIn : unmanaged
    {
        if (typeof(TIn) == typeof(float))
        {
            return new(Vector512.LoadUnsafe(ref Unsafe.As<TIn, float>(ref source)));
        }

        throw new NotSupportedException($"No vector load from {typeof(TIn)} to float.");
    }

    public static V512F operator +(V512F left, V512F right) => new(left._value + right._value);

    public static V512F operator -(V512F left, V512F right) => new(left._value - right._value);

    public static V512F operator *(V512F left, V512F right) => new(left._value * right._value);

    public static V512F operator /(V512F left, V512F right) => new(left._value / right._value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V512F MultiplyAdd(V512F a, V512F b, V512F c) => new(Vector512.FusedMultiplyAdd(a._value, b._value, c._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V512F Max(V512F left, V512F right) => new(Vector512.Max(left._value, right._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V512F Equal(V512F left, V512F right) => new(Vector512.Equals(left._value, right._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V512F LessThan(V512F left, V512F right) => new(Vector512.LessThan(left._value, right._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V512F GreaterThan(V512F left, V512F right) => new(Vector512.GreaterThan(left._value, right._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V512F IsNaN(V512F x) => new(~Vector512.Equals(x._value, x._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V512F Select(V512F mask, V512F whenTrue, V512F whenFalse) => new(Vector512.ConditionalSelect(mask._value, whenTrue._value, whenFalse._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V512F Round(V512F x) => new(Vector512.Round(x._value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V512F NotWithin(V512F x, double lowerInclusive, double upperExclusive) => new(~(Vector512.GreaterThanOrEqual(x._value, Vector512.Create((float)lowerInclusive)) & Vector512.LessThan(x._value, Vector512.Create((float)upperExclusive))));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V512F Or(V512F left, V512F right) => new(left._value | right._value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Any(V512F mask) => Vector512.ExtractMostSignificantBits(mask._value) != 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Decompose(V512F x, out V512F k, out V512F m)
    {
        Vector512<uint> u = x._value.AsUInt32() - Vector512.Create(FloatBits.SingleSqrtHalfBits);
        Vector512<int> exponent = Vector512.ShiftRightArithmetic(u.AsInt32(), FloatBits.SingleMantissaBits);
        k = new((Vector512.Create(FloatBits.SingleIntegerMagicBits) + exponent).AsSingle() - Vector512.Create(FloatBits.SingleIntegerMagic));
        m = new(((u & Vector512.Create(FloatBits.SingleMantissaMask)) + Vector512.Create(FloatBits.SingleSqrtHalfBits)).AsSingle());
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V512F ScaleByPowerOfTwo(V512F r, V512F n)
    {
        Vector512<int> bits = (n._value + Vector512.Create(FloatBits.SingleIntegerMagic)).AsInt32() - Vector512.Create(FloatBits.SingleIntegerMagicBits);
        return new((r._value.AsInt32() + Vector512.ShiftLeft(bits, FloatBits.SingleMantissaBits)).AsSingle());
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Sum(V512F x) => Vector512.Sum(Vector512.WidenLower(x._value) + Vector512.WidenUpper(x._value));
}
