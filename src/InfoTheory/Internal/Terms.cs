using System.Runtime.CompilerServices;

namespace InfoTheory.Internal;

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

/// <summary>x^α = e^(α ln x) for α &gt; 0, with 0^α = 0.</summary>
internal readonly struct PowerTerm(double alpha) : ITerm
{
    public static bool UsesY => false;

    public static bool IsExpensive => true;

    public double Invoke(double x, double y) => x == 0 ? 0 : Math.Exp(alpha * Math.Log(x));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public TV Invoke<TV>(TV x, TV y)
        where TV : struct, IVector<TV>
    {
        TV zero = TV.Equal(x, TV.Zero);
        return TV.Select(zero, TV.Zero, VectorMath.Exp(TV.Create(alpha) * VectorMath.Log(TV.Select(zero, TV.Create(1.0), x))));
    }

    // For probabilities α·ln x ≤ 0; a positive exponent (x > 1, invalid input) is flagged.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public TV InvokeOrdinary<TV>(TV x, TV y, ref TV unusual)
        where TV : struct, IVector<TV>
    {
        TV zero = TV.Equal(x, TV.Zero);
        TV exponent = TV.Create(alpha) * VectorMath.LogOrdinary(TV.Select(zero, TV.Create(1.0), x), ref unusual);
        unusual = TV.Or(unusual, TV.GreaterThan(exponent, TV.Zero));
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

/// <summary>x·ln(x / y), with 0·ln(0 / y) = 0 and x·ln(x / 0) = +∞ for x &gt; 0 (Kullback-Leibler).</summary>
internal readonly struct RelativeEntropyTerm : ITerm
{
    public static bool UsesY => true;

    public static bool IsExpensive => false;

    public double Invoke(double x, double y) => x == 0 ? 0 : x * Math.Log(x / y);

    // Zero lanes of x take ln 1 = 0 (whatever y is).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public TV Invoke<TV>(TV x, TV y)
        where TV : struct, IVector<TV> =>
        x * VectorMath.Log(TV.Select(TV.Equal(x, TV.Zero), TV.Create(1.0), x / y));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public TV InvokeOrdinary<TV>(TV x, TV y, ref TV unusual)
        where TV : struct, IVector<TV> =>
        x * VectorMath.LogOrdinary(TV.Select(TV.Equal(x, TV.Zero), TV.Create(1.0), x / y), ref unusual);
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
