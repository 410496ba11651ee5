using System.Runtime.CompilerServices;

namespace InfoTheory.Continuous.Neighbors;

/// <summary>
/// A metric as a type argument, so the searches are compiled once per metric with the distance inlined. The
/// distances reproduce <see cref="NeighborSearch.Distance"/> bit for bit: the maximum of |aⱼ − bⱼ|, or the square
/// root of (aⱼ − bⱼ)² summed in column order without fused multiply-adds. The accumulators also serve for bounds:
/// folded over per-column distances to box faces they give bounds on the canonical distance, because every step
/// (difference, square, sum, max, square root) rounds monotonically.
/// </summary>
internal interface IDistanceKernel
{
    /// <summary>The canonical distance between two one-dimensional points.</summary>
    static abstract double Distance(double a, double b);

    /// <summary>Folds one coordinate difference magnitude t ≥ 0 into an accumulator (max, or sum of squares).</summary>
    static abstract double Accumulate(double accumulator, double t);

    /// <summary>Turns an accumulator into a distance (identity, or square root).</summary>
    static abstract double Finish(double accumulator);

    /// <summary>Folds column values <paramref name="x"/> of a block of points, against the query's <paramref name="q"/>, into per-point accumulators.</summary>
    static abstract TLanes Accumulate<TLanes>(TLanes accumulator, TLanes x, TLanes q)
        where TLanes : struct, IDistanceLanes<TLanes>;

    /// <summary>Turns per-point accumulators into distances.</summary>
    static abstract TLanes Finish<TLanes>(TLanes accumulator)
        where TLanes : struct, IDistanceLanes<TLanes>;
}

/// <summary>The maximum norm: max over the columns of |aⱼ − bⱼ|.</summary>
internal readonly struct MaximumDistance : IDistanceKernel
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Distance(double a, double b) => Math.Abs(a - b);

    // The hardware max: its answers differ from Math.Max only for NaN or zeros of opposite sign, and accumulators
    // here start at +0 and only meet non-negative numbers.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Accumulate(double accumulator, double t) => double.MaxNative(accumulator, t);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Finish(double accumulator) => accumulator;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TLanes Accumulate<TLanes>(TLanes accumulator, TLanes x, TLanes q)
        where TLanes : struct, IDistanceLanes<TLanes> => TLanes.MaxAbsDifference(accumulator, x, q);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TLanes Finish<TLanes>(TLanes accumulator)
        where TLanes : struct, IDistanceLanes<TLanes> => accumulator;
}

/// <summary>The Euclidean norm: √Σⱼ (aⱼ − bⱼ)², summed for j = 0, 1, …, d − 1.</summary>
internal readonly struct EuclideanDistance : IDistanceKernel
{
    // √(t²) is not always |t|: t² can underflow to 0 or overflow to +∞, so the one-dimensional distance keeps the square.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Distance(double a, double b)
    {
        double t = a - b;
        return Math.Sqrt(t * t);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Accumulate(double accumulator, double t) => accumulator + (t * t);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Finish(double accumulator) => Math.Sqrt(accumulator);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TLanes Accumulate<TLanes>(TLanes accumulator, TLanes x, TLanes q)
        where TLanes : struct, IDistanceLanes<TLanes> => TLanes.AddSquaredDifference(accumulator, x, q);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TLanes Finish<TLanes>(TLanes accumulator)
        where TLanes : struct, IDistanceLanes<TLanes> => TLanes.Sqrt(accumulator);
}

/// <summary>A range test as a type argument: strict (distance &lt; r) or inclusive (distance ≤ r).</summary>
internal interface IRangeComparison
{
    /// <summary>Whether <paramref name="distance"/> passes the test against <paramref name="radius"/>.</summary>
    static abstract bool Within(double distance, double radius);

    /// <summary>Bit ℓ set where lane ℓ of <paramref name="distance"/> passes the test against <paramref name="radius"/>.</summary>
    static abstract uint Within<TLanes>(TLanes distance, TLanes radius)
        where TLanes : struct, IDistanceLanes<TLanes>;
}

/// <summary>distance &lt; r.</summary>
internal readonly struct Strict : IRangeComparison
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Within(double distance, double radius) => distance < radius;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Within<TLanes>(TLanes distance, TLanes radius)
        where TLanes : struct, IDistanceLanes<TLanes> => TLanes.LessThan(distance, radius);
}

/// <summary>distance ≤ r.</summary>
internal readonly struct Inclusive : IRangeComparison
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Within(double distance, double radius) => distance <= radius;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Within<TLanes>(TLanes distance, TLanes radius)
        where TLanes : struct, IDistanceLanes<TLanes> => TLanes.LessThanOrEqual(distance, radius);
}
