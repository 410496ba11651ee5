using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using InfoTheory.Continuous.Internal;
using InfoTheory.Continuous.Neighbors;

namespace InfoTheory.Selection.Internal;

/// <summary>
/// KSG algorithm 1 (Kraskov, Stögbauer &amp; Grassberger 2004, eq. 8) for one-dimensional X and Y whose sorted orders
/// were computed once per column: Î = ψ(k) + ψ(n) − ⟨ψ(nₓ + 1) + ψ(n_y + 1)⟩, ε(i) the maximum-norm distance from
/// point i to its k-th nearest other point in the plane, nₓ(i) and n_y(i) the other points strictly closer than ε(i)
/// in X and in Y. The value is the same bits as <see cref="Continuous.KsgMutualInformation"/> with scaling and ties
/// off on the same two columns: ε(i) is a value of the canonical distance max(|xᵢ − xⱼ|, |yᵢ − yⱼ|) (which neighbour
/// attains it does not matter), the counts are integers, and the digamma sums run in row order as there.
/// </summary>
/// <remarks>
/// <para>
/// The k-th distance: a sweep over X's sorted order. From the query's position the points are visited outwards on
/// both sides, a vector of points at a time, always on the side whose next point is nearer in X; a side ends once its
/// next point's X distance alone reaches the current k-th smallest distance, since every point beyond it is at least
/// that far. Each point scanned costs a subtraction, an absolute value and a max per lane, and a compare; those below
/// the current k-th distance enter a sorted list of k. For independent columns about √(k n) points lie in the strip,
/// fewer for dependent ones.
/// </para>
/// <para>
/// The counts: the points strictly within ε(i) of xᵢ form one run around xᵢ's position in X's sorted values
/// (|xᵢ − v| never decreases as v moves away from xᵢ, because rounding is monotone), found by galloping and
/// bisection; likewise in Y's sorted values around yᵢ's rank.
/// </para>
/// </remarks>
internal static class KsgPairs
{
    /// <summary>
    /// Entries of padding on each side of a column's sorted values: −∞ before, +∞ after, as many as the widest vector
    /// has lanes, so a vector load anywhere in the scan stays inside the array and a padded entry is never a candidate.
    /// </summary>
    public const int Pad = 8;

    /// <summary>The lanes per vector of the sweep on this machine (8, 4 or 2).</summary>
    private static readonly int s_lanes = Vector512.IsHardwareAccelerated ? Lanes512.Count
        : Vector256.IsHardwareAccelerated ? Lanes256.Count
        : Lanes128.Count;

    /// <summary>
    /// One column's sorted values (with <see cref="Pad"/> entries of −∞ before and +∞ after), the row at each sorted
    /// position, and the sorted position of each row.
    /// </summary>
    public static (double[] Sorted, int[] Order, int[] Rank) Sort(ReadOnlySpan<double> values)
    {
        int n = values.Length;
        double[] keys = new double[n];
        int[] order = new int[n];
        for (int i = 0; i < n; i++)
        {
            keys[i] = values[i] + 0.0; // −0 and +0 are one value; no distance changes
            order[i] = i;
        }

        Array.Sort(keys, order);
        double[] sorted = new double[n + (2 * Pad)];
        sorted.AsSpan(0, Pad).Fill(double.NegativeInfinity);
        keys.CopyTo(sorted, Pad);
        sorted.AsSpan(Pad + n).Fill(double.PositiveInfinity);
        int[] rank = new int[n];
        for (int p = 0; p < n; p++)
        {
            rank[order[p]] = p;
        }

        return (sorted, order, rank);
    }

    /// <summary>
    /// Î(X;Y) in nats for two prepared columns: <paramref name="y"/> Y's values by row, <paramref name="xSorted"/> and
    /// <paramref name="xOrder"/> X's, <paramref name="ySorted"/> and <paramref name="yRank"/> Y's from <see cref="Sort"/>.
    /// <paramref name="psi"/> (arguments up to n) is used by this thread only.
    /// </summary>
    public static double Estimate(ReadOnlySpan<double> y, double[] xSorted, int[] xOrder, double[] ySorted, int[] yRank, int k, DigammaTable psi)
    {
        int n = y.Length;
        double[] yByX = ArrayPool<double>.Shared.Rent(n + (2 * Pad));
        int[] countsX = ArrayPool<int>.Shared.Rent(n);
        int[] countsY = ArrayPool<int>.Shared.Rent(n);
        double[] best = ArrayPool<double>.Shared.Rent(k);
        try
        {
            // Y in X's sorted order, padded like the sorted values (the padding's X distance is +∞, so its Y is never read as a candidate's).
            yByX.AsSpan(0, Pad).Clear();
            for (int p = 0; p < n; p++)
            {
                yByX[Pad + p] = y[xOrder[p]];
            }

            yByX.AsSpan(Pad + n, Pad).Clear();
            switch (s_lanes)
            {
                case 8:
                    Sweep<Lanes512>(xSorted, yByX, xOrder, ySorted, yRank, n, k, best, countsX, countsY);
                    break;
                case 4:
                    Sweep<Lanes256>(xSorted, yByX, xOrder, ySorted, yRank, n, k, best, countsX, countsY);
                    break;
                default:
                    Sweep<Lanes128>(xSorted, yByX, xOrder, ySorted, yRank, n, k, best, countsX, countsY);
                    break;
            }

            // As KsgCore: each variable's ψ(count + 1) summed in row order, X's sum then Y's added.
            double counted = 0;
            counted += psi.Sum(countsX.AsSpan(0, n), 1);
            counted += psi.Sum(countsY.AsSpan(0, n), 1);
            return psi[k] + psi[n] - (counted / n);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(yByX);
            ArrayPool<int>.Shared.Return(countsX);
            ArrayPool<int>.Shared.Return(countsY);
            ArrayPool<double>.Shared.Return(best);
        }
    }

    /// <summary>For every sorted position of X: ε, then nₓ and n_y written at the position's row.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Sweep<TLanes>(double[] xSorted, double[] yByX, int[] xOrder, double[] ySorted, int[] yRank, int n, int k, double[] best, int[] countsX, int[] countsY)
        where TLanes : struct, IDistanceLanes<TLanes>
    {
        ref double xs = ref MemoryMarshal.GetArrayDataReference(xSorted);
        ref double ys = ref MemoryMarshal.GetArrayDataReference(yByX);
        int w = TLanes.Count;
        for (int p = 0; p < n; p++)
        {
            int at = Pad + p;
            double x0 = Unsafe.Add(ref xs, at), y0 = Unsafe.Add(ref ys, at);
            TLanes qx = TLanes.Create(x0), qy = TLanes.Create(y0);
            int filled = 0;
            double kth = double.PositiveInfinity;

            // right: the next block starts at r (lanes r … r + w − 1); left: it ends at l (lanes l − w + 1 … l).
            int r = at + 1, l = at - 1;
            double toRight = Unsafe.Add(ref xs, r) - x0, toLeft = x0 - Unsafe.Add(ref xs, l);
            while (true)
            {
                bool right = toRight < kth, left = toLeft < kth;
                if (right && (!left || toRight <= toLeft))
                {
                    TLanes d = TLanes.MaxAbsDifference(TLanes.MaxAbsDifference(TLanes.Zero, TLanes.Load(ref Unsafe.Add(ref xs, r)), qx), TLanes.Load(ref Unsafe.Add(ref ys, r)), qy);
                    uint mask = TLanes.LessThan(d, TLanes.Create(kth));
                    if (mask != 0)
                    {
                        kth = Offer(d, mask, best, k, ref filled, kth);
                    }

                    r += w;
                    toRight = Unsafe.Add(ref xs, r) - x0;
                }
                else if (left)
                {
                    int start = l - w + 1;
                    TLanes d = TLanes.MaxAbsDifference(TLanes.MaxAbsDifference(TLanes.Zero, TLanes.Load(ref Unsafe.Add(ref xs, start)), qx), TLanes.Load(ref Unsafe.Add(ref ys, start)), qy);
                    uint mask = TLanes.LessThan(d, TLanes.Create(kth));
                    if (mask != 0)
                    {
                        kth = Offer(d, mask, best, k, ref filled, kth);
                    }

                    l -= w;
                    toLeft = x0 - Unsafe.Add(ref xs, l);
                }
                else
                {
                    break;
                }
            }

            // The query itself lies outside both scans; padding lies at X distance +∞, never below kth.
            int row = xOrder[p];
            countsX[row] = CountStrict(xSorted, at, n, kth);
            countsY[row] = CountStrict(ySorted, Pad + yRank[row], n, kth);
        }
    }

    /// <summary>
    /// Puts the lanes of <paramref name="d"/> flagged in <paramref name="mask"/> into the ascending list of the k
    /// smallest distances so far; returns its k-th entry (+∞ while fewer than k have been seen).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double Offer<TLanes>(TLanes d, uint mask, double[] best, int k, ref int filled, double kth)
        where TLanes : struct, IDistanceLanes<TLanes>
    {
        Span<double> lanes = stackalloc double[8];
        TLanes.Store(d, ref MemoryMarshal.GetReference(lanes));
        while (mask != 0)
        {
            int lane = System.Numerics.BitOperations.TrailingZeroCount(mask);
            mask &= mask - 1;
            double v = lanes[lane];
            if (!(v < kth))
            {
                continue; // kth fell since the mask was taken
            }

            int j = filled < k ? filled++ : k - 1;
            while (j > 0 && best[j - 1] > v)
            {
                best[j] = best[j - 1];
                j--;
            }

            best[j] = v;
            if (filled == k)
            {
                kth = best[k - 1];
            }
        }

        return kth;
    }

    /// <summary>
    /// The number of positions other than <paramref name="at"/> in a padded sorted array of n values whose value v has
    /// |value(at) − v| &lt; <paramref name="radius"/>: the two runs next to <paramref name="at"/>, by galloping then bisection.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int CountStrict(double[] sorted, int at, int n, double radius)
    {
        ref double values = ref MemoryMarshal.GetArrayDataReference(sorted);
        double v = Unsafe.Add(ref values, at);

        // Right: the last inside position. The padding (+∞) is never inside, so the gallop stops by Pad + n.
        int inside = at, step = 1;
        while (Math.Abs(v - Unsafe.Add(ref values, inside + step)) < radius)
        {
            inside += step;
            step = Math.Min(step * 2, Pad + n - inside);
        }

        // inside is in the run, inside + step is not: bisect the gap.
        int outside = inside + step;
        while (outside - inside > 1)
        {
            int middle = inside + ((outside - inside) >> 1);
            if (Math.Abs(v - Unsafe.Add(ref values, middle)) < radius)
            {
                inside = middle;
            }
            else
            {
                outside = middle;
            }
        }

        int high = inside;

        // Left, mirrored; the padding (−∞) ends it by position Pad − 1.
        inside = at;
        step = 1;
        while (Math.Abs(v - Unsafe.Add(ref values, inside - step)) < radius)
        {
            inside -= step;
            step = Math.Min(step * 2, inside - (Pad - 1));
        }

        outside = inside - step;
        while (inside - outside > 1)
        {
            int middle = outside + ((inside - outside) >> 1);
            if (Math.Abs(v - Unsafe.Add(ref values, middle)) < radius)
            {
                inside = middle;
            }
            else
            {
                outside = middle;
            }
        }

        return high - inside;
    }
}
