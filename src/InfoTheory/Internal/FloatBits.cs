namespace InfoTheory.Internal;

/// <summary>Bit patterns used by the vector log and exp.</summary>
internal static class FloatBits
{
    /// <summary>Bits of √½ rounded: subtracting them centres the mantissa range on 1 (as in fdlibm/musl log).</summary>
    public const ulong SqrtHalfBits = 0x3FE6A09E667F3BCD;

    public const ulong MantissaMask = 0x000FFFFFFFFFFFFF;

    /// <summary>1.5·2^52: adding it to a small integral double leaves the integer in the low mantissa bits.</summary>
    public const double IntegerMagic = 6755399441055744.0;

    /// <summary>The bits of <see cref="IntegerMagic"/>.</summary>
    public const long IntegerMagicBits = 0x4338000000000000;
}
