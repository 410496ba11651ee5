using System.Runtime.CompilerServices;

namespace InfoTheory.Internal;

/// <summary>
/// Natural log and exp on vectors of doubles, written once for every width.
/// </summary>
/// <remarks>
/// <para>
/// Log follows the classic fdlibm <c>e_log.c</c> reduction (Sun Microsystems, 1993; also musl):
/// x = 2^k·m with m in [√½, √2), f = m − 1, s = f / (2 + f), and
/// log(1 + f) = f − f²/2 + s·(f²/2 + R(s²)) with the published degree-14 even minimax polynomial R.
/// Error below 1 ulp over the normal range; subnormals are rescaled by 2^52 first.
/// </para>
/// <para>
/// Exp reduces x = n·ln2 + r with |r| ≤ ln2/2 (ln 2 split in two parts for exactness),
/// evaluates the Taylor series of e^r to degree 12 (truncation error below 2·10⁻¹⁶ relative)
/// and scales by 2^n. Results below 2^−1021 (x &lt; −707.7) are flushed to 0: such terms are
/// below 10⁻³⁰⁷ and never change a sum of probabilities.
/// </para>
/// </remarks>
internal static class VectorMath
{
    // fdlibm e_log.c coefficients.
    private const double Lg1 = 6.666666666666735130e-01;
    private const double Lg2 = 3.999999999940941908e-01;
    private const double Lg3 = 2.857142874366239149e-01;
    private const double Lg4 = 2.222219843214978396e-01;
    private const double Lg5 = 1.818357216161805012e-01;
    private const double Lg6 = 1.531383769920937332e-01;
    private const double Lg7 = 1.479819860511658591e-01;
    private const double Ln2Hi = 6.93147180369123816490e-01;
    private const double Ln2Lo = 1.90821492927058770002e-10;
    private const double SmallestNormal = 2.2250738585072014e-308;
    private const double TwoPow52 = 4503599627370496.0;

    private const double Log2E = 1.4426950408889634;
    private const double ExpOverflow = 709.782712893384;
    private const double ExpFlushToZero = -707.7;

    /// <summary>Natural logarithm: log(0) = −∞, log(x &lt; 0) = NaN, log(+∞) = +∞, log(NaN) = NaN.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV Log<TV>(TV x)
        where TV : struct, IVector<TV>
    {
        TV zero = TV.Zero;
        TV subnormal = TV.LessThan(x, TV.Create(SmallestNormal));
        TV scaled = TV.Select(subnormal, x * TV.Create(TwoPow52), x);
        TV.Decompose(scaled, out TV k, out TV m);
        k -= TV.Select(subnormal, TV.Create(52.0), zero);

        TV f = m - TV.Create(1.0);
        TV s = f / (f + TV.Create(2.0));
        TV z = s * s;
        TV w = z * z;
        TV t1 = w * TV.MultiplyAdd(w, TV.MultiplyAdd(w, TV.Create(Lg6), TV.Create(Lg4)), TV.Create(Lg2));
        TV t2 = z * TV.MultiplyAdd(w, TV.MultiplyAdd(w, TV.MultiplyAdd(w, TV.Create(Lg7), TV.Create(Lg5)), TV.Create(Lg3)), TV.Create(Lg1));
        TV r = t1 + t2;
        TV hfsq = TV.Create(0.5) * f * f;
        TV result = TV.MultiplyAdd(k, TV.Create(Ln2Hi), f - (hfsq - TV.MultiplyAdd(s, hfsq + r, k * TV.Create(Ln2Lo))));

        // Special values, in an order that lets the later masks win.
        result = TV.Select(TV.Equal(x, TV.Create(double.PositiveInfinity)), x, result);
        result = TV.Select(TV.LessThan(x, zero), TV.Create(double.NaN), result);
        result = TV.Select(TV.Equal(x, zero), TV.Create(double.NegativeInfinity), result);
        return TV.Select(TV.IsNaN(x), x, result);
    }

    /// <summary>e^x: exp(−∞) = 0, exp(+∞) = +∞, exp(NaN) = NaN; results below 2^−1021 flush to 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV Exp<TV>(TV x)
        where TV : struct, IVector<TV>
    {
        TV n = TV.Round(x * TV.Create(Log2E));
        TV r = TV.MultiplyAdd(n, TV.Create(-Ln2Hi), x);
        r = TV.MultiplyAdd(n, TV.Create(-Ln2Lo), r);

        // Taylor series of e^r to degree 12 in Horner form; coefficients 1/k!.
        TV p = TV.Create(1.0 / 479001600.0);
        p = TV.MultiplyAdd(p, r, TV.Create(1.0 / 39916800.0));
        p = TV.MultiplyAdd(p, r, TV.Create(1.0 / 3628800.0));
        p = TV.MultiplyAdd(p, r, TV.Create(1.0 / 362880.0));
        p = TV.MultiplyAdd(p, r, TV.Create(1.0 / 40320.0));
        p = TV.MultiplyAdd(p, r, TV.Create(1.0 / 5040.0));
        p = TV.MultiplyAdd(p, r, TV.Create(1.0 / 720.0));
        p = TV.MultiplyAdd(p, r, TV.Create(1.0 / 120.0));
        p = TV.MultiplyAdd(p, r, TV.Create(1.0 / 24.0));
        p = TV.MultiplyAdd(p, r, TV.Create(1.0 / 6.0));
        p = TV.MultiplyAdd(p, r, TV.Create(0.5));
        p = TV.MultiplyAdd(p, r, TV.Create(1.0));
        p = TV.MultiplyAdd(p, r, TV.Create(1.0));

        TV result = TV.Select(TV.LessThan(x, TV.Create(ExpFlushToZero)), TV.Zero, TV.ScaleByPowerOfTwo(p, n));
        result = TV.Select(TV.GreaterThan(x, TV.Create(ExpOverflow)), TV.Create(double.PositiveInfinity), result);
        return TV.Select(TV.IsNaN(x), x, result);
    }
}
