using System.Runtime.CompilerServices;

namespace InfoTheory.Primitives.Simd;

/// <summary>
/// Natural log and exp on vectors of doubles or floats, written once for every width.
/// </summary>
/// <remarks>
/// <para>
/// Log follows the classic fdlibm reduction (<c>e_log.c</c> / <c>e_logf.c</c>, Sun Microsystems 1993; also musl):
/// x = 2^k·m with m in [√½, √2), f = m − 1, s = f / (2 + f), and
/// log(1 + f) = f − f²/2 + s·(f²/2 + R(s²)) with the published even minimax polynomial R
/// (degree 14 for double, degree 8 for float). Error below 1 ulp; subnormals are rescaled first.
/// </para>
/// <para>
/// Exp reduces x = n·ln2 + r with |r| ≤ ln2/2 (ln 2 split in two parts for exactness),
/// evaluates the Taylor series of e^r (degree 12 for double, 7 for float: truncation below
/// 2·10⁻¹⁶ and 6·10⁻⁹ relative) and scales by 2^n. Results below the normal range
/// (x &lt; −707.7 for double, x &lt; −86.5 for float) flush to 0: such terms cannot change a sum
/// of probabilities.
/// </para>
/// </remarks>
internal static class VectorMath
{
    // fdlibm e_log.c coefficients (double).
    private const double Lg1 = 6.666666666666735130e-01;
    private const double Lg2 = 3.999999999940941908e-01;
    private const double Lg3 = 2.857142874366239149e-01;
    private const double Lg4 = 2.222219843214978396e-01;
    private const double Lg5 = 1.818357216161805012e-01;
    private const double Lg6 = 1.531383769920937332e-01;
    private const double Lg7 = 1.479819860511658591e-01;
    private const double Ln2Hi = 6.93147180369123816490e-01;
    private const double Ln2Lo = 1.90821492927058770002e-10;

    // fdlibm e_logf.c coefficients (float), written as exact fractions.
    private const double SingleLg1 = 11184810.0 / 16777216;
    private const double SingleLg2 = 13422099.0 / 33554432;
    private const double SingleLg3 = 9562606.0 / 33554432;
    private const double SingleLg4 = 16293414.0 / 67108864;
    private const double SingleLn2Hi = 0.693138122558593750;       // 0x3f317180
    private const double SingleLn2Lo = 9.05800061445916e-06;       // 0x3717f7d1
    private const double SingleExpLn2Hi = 0.693145751953125;       // 0x3f317200
    private const double SingleExpLn2Lo = 1.428606765330187e-06;   // 0x35bfbe8e

    private const double SmallestNormal = 2.2250738585072014e-308;
    private const double SingleSmallestNormal = 1.1754943508222875e-38;

    private const double Log2E = 1.4426950408889634;
    private const double ExpOverflow = 709.782712893384;
    private const double ExpFlushToZero = -707.7;
    private const double SingleExpOverflow = 88.72283905206835;
    private const double SingleExpFlushToZero = -86.5;

    /// <summary>
    /// Log for lanes expected to be positive, normal and finite, with no special-value masks:
    /// lanes outside that range get unspecified values and are flagged in <paramref name="unusual"/>,
    /// so the caller can redo the block with <see cref="Log{TV}(TV)"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV LogOrdinary<TV>(TV x, ref TV unusual)
        where TV : struct, IVector<TV>
    {
        unusual = TV.Or(unusual, TV.NotWithin(x, TV.IsSingle ? SingleSmallestNormal : SmallestNormal, double.PositiveInfinity));
        TV.Decompose(x, out TV k, out TV m);
        return LogReduced(k, m);
    }

    /// <summary>
    /// e^x for x ≤ 0 or x = −∞ (never NaN), as in softmax and log-sum-exp after subtracting the maximum:
    /// only the flush to 0 below the normal range needs a mask.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV ExpOfNonPositive<TV>(TV x)
        where TV : struct, IVector<TV>
    {
        TV low = TV.Create(TV.IsSingle ? SingleExpFlushToZero : ExpFlushToZero);
        return TV.Select(TV.LessThan(x, low), TV.Zero, ExpCore(TV.Max(x, low)));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV LogReduced<TV>(TV k, TV m)
        where TV : struct, IVector<TV>
    {
        TV f = m - TV.Create(1.0);
        TV s = f / (f + TV.Create(2.0));
        TV z = s * s;
        TV w = z * z;
        TV r;
        if (TV.IsSingle)
        {
            TV t1 = w * TV.MultiplyAdd(w, TV.Create(SingleLg4), TV.Create(SingleLg2));
            TV t2 = z * TV.MultiplyAdd(w, TV.Create(SingleLg3), TV.Create(SingleLg1));
            r = t1 + t2;
        }
        else
        {
            TV t1 = w * TV.MultiplyAdd(w, TV.MultiplyAdd(w, TV.Create(Lg6), TV.Create(Lg4)), TV.Create(Lg2));
            TV t2 = z * TV.MultiplyAdd(w, TV.MultiplyAdd(w, TV.MultiplyAdd(w, TV.Create(Lg7), TV.Create(Lg5)), TV.Create(Lg3)), TV.Create(Lg1));
            r = t1 + t2;
        }

        TV hfsq = TV.Create(0.5) * f * f;
        TV ln2Hi = TV.Create(TV.IsSingle ? SingleLn2Hi : Ln2Hi);
        TV ln2Lo = TV.Create(TV.IsSingle ? SingleLn2Lo : Ln2Lo);
        return TV.MultiplyAdd(k, ln2Hi, f - (hfsq - TV.MultiplyAdd(s, hfsq + r, k * ln2Lo)));
    }

    /// <summary>Natural logarithm: log(0) = −∞, log(x &lt; 0) = NaN, log(+∞) = +∞, log(NaN) = NaN.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV Log<TV>(TV x)
        where TV : struct, IVector<TV>
    {
        TV zero = TV.Zero;
        TV subnormal = TV.LessThan(x, TV.Create(TV.IsSingle ? SingleSmallestNormal : SmallestNormal));
        TV scaled = TV.Select(subnormal, x * TV.Create(TV.IsSingle ? 8388608.0 : 4503599627370496.0), x);
        TV.Decompose(scaled, out TV k, out TV m);
        k -= TV.Select(subnormal, TV.Create(TV.IsSingle ? 23.0 : 52.0), zero);
        TV result = LogReduced(k, m);

        // Special values, in an order that lets the later masks win.
        result = TV.Select(TV.Equal(x, TV.Create(double.PositiveInfinity)), x, result);
        result = TV.Select(TV.LessThan(x, zero), TV.Create(double.NaN), result);
        result = TV.Select(TV.Equal(x, zero), TV.Create(double.NegativeInfinity), result);
        return TV.Select(TV.IsNaN(x), x, result);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV ExpCore<TV>(TV x)
        where TV : struct, IVector<TV>
    {
        TV n = TV.Round(x * TV.Create(Log2E));
        TV r = TV.MultiplyAdd(n, TV.Create(-(TV.IsSingle ? SingleExpLn2Hi : Ln2Hi)), x);
        r = TV.MultiplyAdd(n, TV.Create(-(TV.IsSingle ? SingleExpLn2Lo : Ln2Lo)), r);

        // Taylor series of e^r in Horner form; coefficients 1/k!.
        TV p;
        if (TV.IsSingle)
        {
            p = TV.Create(1.0 / 5040.0);
        }
        else
        {
            p = TV.Create(1.0 / 479001600.0);
            p = TV.MultiplyAdd(p, r, TV.Create(1.0 / 39916800.0));
            p = TV.MultiplyAdd(p, r, TV.Create(1.0 / 3628800.0));
            p = TV.MultiplyAdd(p, r, TV.Create(1.0 / 362880.0));
            p = TV.MultiplyAdd(p, r, TV.Create(1.0 / 40320.0));
            p = TV.MultiplyAdd(p, r, TV.Create(1.0 / 5040.0));
        }

        p = TV.MultiplyAdd(p, r, TV.Create(1.0 / 720.0));
        p = TV.MultiplyAdd(p, r, TV.Create(1.0 / 120.0));
        p = TV.MultiplyAdd(p, r, TV.Create(1.0 / 24.0));
        p = TV.MultiplyAdd(p, r, TV.Create(1.0 / 6.0));
        p = TV.MultiplyAdd(p, r, TV.Create(0.5));
        p = TV.MultiplyAdd(p, r, TV.Create(1.0));
        p = TV.MultiplyAdd(p, r, TV.Create(1.0));
        return TV.ScaleByPowerOfTwo(p, n);
    }

    /// <summary>e^x: exp(−∞) = 0, exp(+∞) = +∞, exp(NaN) = NaN; results below the normal range flush to 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV Exp<TV>(TV x)
        where TV : struct, IVector<TV>
    {
        // ExpCore on out-of-range lanes gives garbage bits but no exception; the masks replace them.
        TV result = TV.Select(TV.LessThan(x, TV.Create(TV.IsSingle ? SingleExpFlushToZero : ExpFlushToZero)), TV.Zero, ExpCore(x));
        result = TV.Select(TV.GreaterThan(x, TV.Create(TV.IsSingle ? SingleExpOverflow : ExpOverflow)), TV.Create(double.PositiveInfinity), result);
        return TV.Select(TV.IsNaN(x), x, result);
    }
}
