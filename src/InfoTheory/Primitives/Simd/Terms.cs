using System.Runtime.CompilerServices;

namespace InfoTheory.Primitives.Simd;

// The element-wise terms the primitives sum. Each has a scalar form (the reference and the
// short-input path), an exact vector form, and (for reductions) a fast vector form for ordinary
// inputs that flags the lanes it cannot handle; all follow 0·log 0 = 0.

/// <summary>x·ln x, with 0·ln 0 = 0.</summary>
internal readonly struct XLogXTerm : ITerm
{
    public static bool UsesY => false;

    public static bool IsExpensive => false;

    public double Invoke(double x, double y) => x == 0 ? 0 : x * Math.Log(x);

    // Zero lanes take ln 1 = 0 instead, so 0·0 = 0 with no mask and no unusual lane.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public TV Invoke<TV>(TV x, TV y)
        where TV : struct, IVector<TV> =>
        x * VectorMath.Log(TV.Select(TV.Equal(x, TV.Zero), TV.Create(1.0), x));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public TV InvokeOrdinary<TV>(TV x, TV y, ref TV unusual)
        where TV : struct, IVector<TV> =>
        x * VectorMath.LogOrdinary(TV.Select(TV.Equal(x, TV.Zero), TV.Create(1.0), x), ref unusual);
}

/// <summary>x itself (sums of counts and of masses).</summary>
internal readonly struct IdentityTerm : ITerm
{
    public static bool UsesY => false;

    public static bool IsExpensive => false;

    public double Invoke(double x, double y) => x;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public TV Invoke<TV>(TV x, TV y)
        where TV : struct, IVector<TV> => x;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public TV InvokeOrdinary<TV>(TV x, TV y, ref TV unusual)
        where TV : struct, IVector<TV> => x;
}

/// <summary>1 where x &gt; 0, else 0 (the support size, for Rényi order 0).</summary>
internal readonly struct PositiveTerm : ITerm
{
    public static bool UsesY => false;

    public static bool IsExpensive => false;

    public double Invoke(double x, double y) => x > 0 ? 1 : 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public TV Invoke<TV>(TV x, TV y)
        where TV : struct, IVector<TV> =>
        TV.Select(TV.GreaterThan(x, TV.Zero), TV.Create(1.0), TV.Zero);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public TV InvokeOrdinary<TV>(TV x, TV y, ref TV unusual)
        where TV : struct, IVector<TV> => Invoke(x, y);
}

/// <summary>x² (Rényi order 2, collision probability).</summary>
internal readonly struct SquareTerm : ITerm
{
    public static bool UsesY => false;

    public static bool IsExpensive => false;

    public double Invoke(double x, double y) => x * x;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public TV Invoke<TV>(TV x, TV y)
        where TV : struct, IVector<TV> => x * x;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public TV InvokeOrdinary<TV>(TV x, TV y, ref TV unusual)
        where TV : struct, IVector<TV> => x * x;
}

/// <summary>(x·s)^α = e^(α ln(x·s)) for α &gt; 0, with 0^α = 0; s = 1/max x keeps the sum from underflowing at large α.</summary>
internal readonly struct PowerTerm(double alpha, double scale = 1.0) : ITerm
{
    public static bool UsesY => false;

    public static bool IsExpensive => true;

    public double Invoke(double x, double y) => x == 0 ? 0 : Math.Exp(alpha * Math.Log(x * scale));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public TV Invoke<TV>(TV x, TV y)
        where TV : struct, IVector<TV>
    {
        TV zero = TV.Equal(x, TV.Zero);
        return TV.Select(zero, TV.Zero, VectorMath.Exp(TV.Create(alpha) * VectorMath.Log(TV.Select(zero, TV.Create(1.0), x * TV.Create(scale)))));
    }

    // The caller scales by 1/max, so x·s ≤ 1 and α·ln(x·s) ≤ 0 up to one rounding, which is clamped.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public TV InvokeOrdinary<TV>(TV x, TV y, ref TV unusual)
        where TV : struct, IVector<TV>
    {
        TV zero = TV.Equal(x, TV.Zero);
        TV exponent = TV.Create(alpha) * VectorMath.LogOrdinary(TV.Select(zero, TV.Create(1.0), x * TV.Create(scale)), ref unusual);
        exponent = TV.Select(TV.GreaterThan(exponent, TV.Zero), TV.Zero, exponent);
        return TV.Select(zero, TV.Zero, VectorMath.ExpOfNonPositive(exponent));
    }
}

/// <summary>e^(x − m) where m is the maximum of the input (the sum inside log-sum-exp; x − m ≤ 0).</summary>
internal readonly struct ShiftedExpTerm(double max) : ITerm
{
    public static bool UsesY => false;

    public static bool IsExpensive => false;

    public double Invoke(double x, double y) => Math.Exp(x - max);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public TV Invoke<TV>(TV x, TV y)
        where TV : struct, IVector<TV> =>
        VectorMath.ExpOfNonPositive(x - TV.Create(max));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public TV InvokeOrdinary<TV>(TV x, TV y, ref TV unusual)
        where TV : struct, IVector<TV> => Invoke(x, y);
}

/// <summary>x·ln y, with 0·ln y = 0 for every y (cross-entropy).</summary>
internal readonly struct XLogYTerm : ITerm
{
    public static bool UsesY => true;

    public static bool IsExpensive => false;

    public double Invoke(double x, double y) => x == 0 ? 0 : x * Math.Log(y);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public TV Invoke<TV>(TV x, TV y)
        where TV : struct, IVector<TV> =>
        TV.Select(TV.Equal(x, TV.Zero), TV.Zero, x * VectorMath.Log(y));

    // Where x = 0 the log argument becomes 1, so a q of 0 there is not unusual.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public TV InvokeOrdinary<TV>(TV x, TV y, ref TV unusual)
        where TV : struct, IVector<TV> =>
        x * VectorMath.LogOrdinary(TV.Select(TV.Equal(x, TV.Zero), TV.Create(1.0), y), ref unusual);
}

/// <summary>
/// x·ln(x / y), with 0·ln(0 / y) = 0 and x·ln(x / 0) = +∞ for x &gt; 0 (Kullback-Leibler). Where x / y
/// overflows although y &gt; 0 (y subnormal), x·(ln x − ln y) is used instead.
/// </summary>
internal readonly struct RelativeEntropyTerm : ITerm
{
    public static bool UsesY => true;

    public static bool IsExpensive => false;

    public double Invoke(double x, double y)
    {
        if (x == 0)
        {
            return 0;
        }

        double ratio = x / y;
        return double.IsPositiveInfinity(ratio) && y > 0 ? x * (Math.Log(x) - Math.Log(y)) : x * Math.Log(ratio);
    }

    // Zero lanes of x take ln 1 = 0 (whatever y is).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public TV Invoke<TV>(TV x, TV y)
        where TV : struct, IVector<TV>
    {
        TV ratio = x / y;
        TV direct = x * VectorMath.Log(TV.Select(TV.Equal(x, TV.Zero), TV.Create(1.0), ratio));
        TV overflow = TV.Equal(ratio, TV.Create(double.PositiveInfinity));
        if (!TV.Any(overflow))
        {
            return direct;
        }

        TV split = x * (VectorMath.Log(x) - VectorMath.Log(y));
        return TV.Select(overflow, TV.Select(TV.GreaterThan(y, TV.Zero), split, direct), direct);
    }

    // An overflowing ratio is +∞, which LogOrdinary flags, so such blocks are redone with the exact form.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public TV InvokeOrdinary<TV>(TV x, TV y, ref TV unusual)
        where TV : struct, IVector<TV> =>
        x * VectorMath.LogOrdinary(TV.Select(TV.Equal(x, TV.Zero), TV.Create(1.0), x / y), ref unusual);
}

/// <summary>
/// The Jensen-Shannon summand x·ln(2x / (x + y)) + y·ln(2y / (x + y)), each part 0 where its weight is 0.
/// Written with the ratio 2x / (x + y) rather than with the mixture m = (x + y) / 2, which underflows to 0
/// for the smallest subnormals and would make the divergence infinite.
/// </summary>
internal readonly struct JensenShannonTerm : ITerm
{
    public static bool UsesY => true;

    public static bool IsExpensive => true;

    public double Invoke(double x, double y)
    {
        double sum = x + y;
        return (x == 0 ? 0 : x * Math.Log(2 * x / sum)) + (y == 0 ? 0 : y * Math.Log(2 * y / sum));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public TV Invoke<TV>(TV x, TV y)
        where TV : struct, IVector<TV>
    {
        TV one = TV.Create(1.0), two = TV.Create(2.0);
        TV sum = x + y;
        return (x * VectorMath.Log(TV.Select(TV.Equal(x, TV.Zero), one, two * x / sum)))
            + (y * VectorMath.Log(TV.Select(TV.Equal(y, TV.Zero), one, two * y / sum)));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public TV InvokeOrdinary<TV>(TV x, TV y, ref TV unusual)
        where TV : struct, IVector<TV>
    {
        TV one = TV.Create(1.0), two = TV.Create(2.0);
        TV sum = x + y;
        return (x * VectorMath.LogOrdinary(TV.Select(TV.Equal(x, TV.Zero), one, two * x / sum), ref unusual))
            + (y * VectorMath.LogOrdinary(TV.Select(TV.Equal(y, TV.Zero), one, two * y / sum), ref unusual));
    }
}

/// <summary>
/// For one row of logits x with maximum m and inverse temperature s: t = (x − m)·s ≤ 0, e = e^t,
/// terms (e, e·t, 0), with e·t = 0 where e = 0 (logits of −∞, masked attention).
/// Then Z = Σe and H = ln Z − Σe·t / Z.
/// </summary>
internal readonly struct SoftmaxEntropyTerms(double max, double inverseTemperature) : ITripleTerm
{
    public static bool UsesY => false;

    public void Invoke(double x, double y, out double t0, out double t1, out double t2)
    {
        double t = (x - max) * inverseTemperature;
        double e = Math.Exp(t);
        t0 = e;
        t1 = e == 0 ? 0 : e * t;
        t2 = 0;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Invoke<TV>(TV x, TV y, out TV t0, out TV t1, out TV t2)
        where TV : struct, IVector<TV>
    {
        TV t = (x - TV.Create(max)) * TV.Create(inverseTemperature);
        TV e = VectorMath.ExpOfNonPositive(t);
        t0 = e;
        t1 = TV.Select(TV.Equal(e, TV.Zero), TV.Zero, e * t);
        t2 = TV.Zero;
    }
}

/// <summary>
/// For logits x with maximum m and inverse temperature s: t = (x − m)·s ≤ 0 and the terms (eᵗ, eᵗ·t, eᵗ·t²), with 0 where
/// eᵗ = 0 (masked −∞ logits). With Z, A, B their sums: H = ln Z − A/Z and Var[−ln p] = B/Z − (A/Z)².
/// </summary>
internal readonly struct SoftmaxMomentTerms(double max, double inverseTemperature) : ITripleTerm
{
    public static bool UsesY => false;

    public void Invoke(double x, double y, out double t0, out double t1, out double t2)
    {
        double t = (x - max) * inverseTemperature;
        double e = Math.Exp(t);
        t0 = e;
        t1 = e == 0 ? 0 : e * t;
        t2 = e == 0 ? 0 : e * t * t;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Invoke<TV>(TV x, TV y, out TV t0, out TV t1, out TV t2)
        where TV : struct, IVector<TV>
    {
        TV t = (x - TV.Create(max)) * TV.Create(inverseTemperature);
        TV e = VectorMath.ExpOfNonPositive(t);
        TV zero = TV.Equal(e, TV.Zero);
        TV et = e * t;
        t0 = e;
        t1 = TV.Select(zero, TV.Zero, et);
        t2 = TV.Select(zero, TV.Zero, et * t);
    }
}

/// <summary>
/// For two rows of logits x, y (maxima mx, my; inverse temperature s): a = (x − mx)·s ≤ 0,
/// b = (y − my)·s ≤ 0, terms (eᵃ, eᵃ·(a − b) or eᵃ·b, eᵇ) with 0 where eᵃ = 0.
/// KL(p‖q) = Σeᵃ(a − b)/Zp − ln Zp + ln Zq; H(p, q) = ln Zq − Σeᵃ·b / Zp.
/// </summary>
internal readonly struct SoftmaxPairTerms(double maxX, double maxY, double inverseTemperature, bool difference) : ITripleTerm
{
    public static bool UsesY => true;

    public void Invoke(double x, double y, out double t0, out double t1, out double t2)
    {
        double a = (x - maxX) * inverseTemperature;
        double b = (y - maxY) * inverseTemperature;
        double ea = Math.Exp(a);
        t0 = ea;
        t1 = ea == 0 ? 0 : ea * (difference ? a - b : b);
        t2 = Math.Exp(b);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Invoke<TV>(TV x, TV y, out TV t0, out TV t1, out TV t2)
        where TV : struct, IVector<TV>
    {
        TV s = TV.Create(inverseTemperature);
        TV a = (x - TV.Create(maxX)) * s;
        TV b = (y - TV.Create(maxY)) * s;
        TV ea = VectorMath.ExpOfNonPositive(a);
        t0 = ea;
        t1 = TV.Select(TV.Equal(ea, TV.Zero), TV.Zero, ea * (difference ? a - b : b));
        t2 = VectorMath.ExpOfNonPositive(b);
    }
}
