namespace InfoTheory.Primitives.Simd;

/// <summary>Bit patterns used by the vector log and exp, for double and single precision.</summary>
internal static class FloatBits
{
    public const int MantissaBits = 52;

    /// <summary>Bits of √½ rounded: subtracting them centres the mantissa range on 1 (as in fdlibm/musl log).</summary>
    public const ulong SqrtHalfBits = 0x3FE6A09E667F3BCD;

    public const ulong MantissaMask = 0x000FFFFFFFFFFFFF;

    /// <summary>1.5·2^52: adding it to a small integral double leaves the integer in the low mantissa bits.</summary>
    public const double IntegerMagic = 6755399441055744.0;

    /// <summary>The bits of <see cref="IntegerMagic"/>.</summary>
    public const long IntegerMagicBits = 0x4338000000000000;

    public const int SingleMantissaBits = 23;

    /// <summary>Bits of √½ as a float.</summary>
    public const uint SingleSqrtHalfBits = 0x3F3504F3;

    public const uint SingleMantissaMask = 0x007FFFFF;

    /// <summary>1.5·2^23 for floats.</summary>
    public const float SingleIntegerMagic = 12582912.0f;

    /// <summary>The bits of <see cref="SingleIntegerMagic"/>.</summary>
    public const int SingleIntegerMagicBits = 0x4B400000;
}
