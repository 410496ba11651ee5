using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using InfoTheory.Continuous.Internal;

namespace InfoTheory.Selection.Internal;

/// <summary>
/// One column sorted once for <see cref="KsgPairs"/>: its values in ascending order with <see cref="KsgPairs.Pad"/>
/// entries of −∞ before and +∞ after (<see cref="Sorted"/>), the row at each sorted position (<see cref="Order"/>), the
/// sorted position of each row (<see cref="Rank"/>), and a bucket index over the value range that tells the counts
/// where to start searching (<see cref="Guess"/>).
/// </summary>
internal sealed class SortedColumn
{
    private readonly double _min;
    private readonly double _scale;
    private readonly int[] _bucketStart;

    private SortedColumn(double[] sorted, int[] order, int[] rank)
    {
        Sorted = sorted;
        Order = order;
        Rank = rank;
        int n = order.Length;

        // n equal-width buckets over [min, max]; bucketStart[b] is the first position whose value's bucket is ≥ b.
        _min = sorted[KsgPairs.Pad];
        double scale = n / (sorted[KsgPairs.Pad + n - 1] - _min);
        _scale = double.IsFinite(scale) ? scale : 0;
        _bucketStart = new int[n + 2];
        int b = 0;
        for (int p = 0; p < n; p++)
        {
            int bucket = Bucket(sorted[KsgPairs.Pad + p]);
            while (b <= bucket)
            {
                _bucketStart[b++] = p;
            }
        }

        while (b < _bucketStart.Length)
        {
            _bucketStart[b++] = n;
        }
    }

    /// <summary>The values in ascending order, padded.</summary>
    public double[] Sorted { get; }

    /// <summary>The row at each sorted position.</summary>
    public int[] Order { get; }

    /// <summary>The sorted position of each row.</summary>
    public int[] Rank { get; }

    /// <summary>The number of values n.</summary>
    public int Count => Order.Length;

    /// <summary>Sorts <paramref name="values"/> (−0 and +0 as one value, which changes no distance).</summary>
    public static SortedColumn Create(ReadOnlySpan<double> values)
    {
        int n = values.Length;
        double[] keys = new double[n];
        int[] order = new int[n];
        for (int i = 0; i < n; i++)
        {
            keys[i] = values[i] + 0.0;
            order[i] = i;
        }

        Array.Sort(keys, order);
        double[] sorted = new double[n + (2 * KsgPairs.Pad)];
        sorted.AsSpan(0, KsgPairs.Pad).Fill(double.NegativeInfinity);
        keys.CopyTo(sorted, KsgPairs.Pad);
        sorted.AsSpan(KsgPairs.Pad + n).Fill(double.PositiveInfinity);
        int[] rank = new int[n];
        for (int p = 0; p < n; p++)
        {
            rank[order[p]] = p;
        }

        return new SortedColumn(sorted, order, rank);
    }

    /// <summary>
    /// Padded positions near the edges of the values below and above <paramref name="value"/>: the first position whose
    /// bucket is at least value's (<paramref name="first"/>) and the last whose bucket is at most value's
    /// (<paramref name="last"/>). Only a starting point: the callers search from it with the exact test.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Guess(double value, out int first, out int last)
    {
        int b = Bucket(value);
        first = KsgPairs.Pad + _bucketStart[b];
        last = KsgPairs.Pad + _bucketStart[b + 1] - 1;
    }

    /// <summary>The bucket of a value, clamped to [0, n].</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Bucket(double value) => (int)Math.Clamp((value - _min) * _scale, 0, Count);
}

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
/// The k-th distances: a two-level slab index built per pair in O(n) from the two sorted orders. X's sorted order is
/// cut into slabs of S consecutive points (S a power of two near √(k n)/2); walking Y's sorted order and dropping each
/// point into its slab leaves every slab sorted by Y (a counting sort). A query first scans its own slab outwards in Y
/// from its own place, then the slabs to either side in order of their X gap, each from Y's binary-searched place,
/// stopping a direction once |Δy| (within a slab) or the slab's X gap reaches the current k-th smallest distance, since
/// nothing beyond can be closer. Independent columns put about S·2ε·f_y points of a slab within reach, dependent ones
/// concentrate the scan near the query; either way a query reads a few dozen points rather than the √(k n) of an X strip.
/// </para>
/// <para>
/// The counts: the points strictly within ε(i) of xᵢ form one run around xᵢ's sorted position (|xᵢ − v| never
/// decreases as v moves away from xᵢ, because rounding is monotone), found by galloping and branch-free bisection; one
/// pass in X's sorted order and one in Y's, so consecutive queries read neighbouring values.
/// </para>
/// </remarks>
internal static class KsgPairs
{
    /// <summary>Entries of padding on each side of a column's sorted values (−∞ before, +∞ after), so searches need no bounds checks.</summary>
    public const int Pad = 8;

    /// <summary>
    /// log₂ of the slab size for n points and neighbour order k: S ≈ √(k n), at least 8. For independent columns a
    /// slab is then about as wide as the X strip a query needs (≈ √(k n) points), so a query reads its own slab and about
    /// one more (measured at n = 10⁴, k = 3: 1.3 slabs and 12 points per query, against 2.6 slabs and 15 points with
    /// S ≈ √(k n)/2).
    /// </summary>
    internal static int SlabShift(int n, int k) =>
        Math.Clamp((int)Math.Round(Math.Log2(Math.Max(Math.Sqrt((double)n * k), 1))), 3, 30);

    /// <summary>
    /// Î(X;Y) in nats for two sorted columns of n values. <paramref name="psi"/> (arguments up to n) is used by this
    /// thread only.
    /// </summary>
    public static double Estimate(SortedColumn x, SortedColumn y, int k, DigammaTable psi)
    {
        int n = x.Count;
        int shift = SlabShift(n, k);
        double[] slabX = ArrayPool<double>.Shared.Rent(n);
        double[] slabY = ArrayPool<double>.Shared.Rent(n);
        int[] slabAt = ArrayPool<int>.Shared.Rent(2 * n);
        double[] radiusByX = ArrayPool<double>.Shared.Rent(n);
        double[] radiusByY = ArrayPool<double>.Shared.Rent(n);
        int[] countsX = ArrayPool<int>.Shared.Rent(n);
        int[] countsY = ArrayPool<int>.Shared.Rent(n);
        double[] best = ArrayPool<double>.Shared.Rent(k);
        try
        {
            BuildSlabs(x, y, shift, slabX, slabY, slabAt);
            KthDistances(x.Sorted, slabX, slabY, slabAt, n, k, shift, best, radiusByX, radiusByY);
            Counts(x, radiusByX, countsX);
            Counts(y, radiusByY, countsY);

            // As KsgCore: each variable's ψ(count + 1) summed in row order, X's sum then Y's added.
            double counted = 0;
            counted += psi.Sum(countsX.AsSpan(0, n), 1);
            counted += psi.Sum(countsY.AsSpan(0, n), 1);
            return psi[k] + psi[n] - (counted / n);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(slabX);
            ArrayPool<double>.Shared.Return(slabY);
            ArrayPool<int>.Shared.Return(slabAt);
            ArrayPool<double>.Shared.Return(radiusByX);
            ArrayPool<double>.Shared.Return(radiusByY);
            ArrayPool<int>.Shared.Return(countsX);
            ArrayPool<int>.Shared.Return(countsY);
            ArrayPool<double>.Shared.Return(best);
        }
    }

    /// <summary>
    /// Fills the slabs: slab s holds X's sorted positions [s·S, (s + 1)·S) at the same places, in Y order. For place t,
    /// slabX/slabY are the point's values, slabAt[2t] its X position and slabAt[2t + 1] its Y position.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void BuildSlabs(SortedColumn x, SortedColumn y, int shift, double[] slabX, double[] slabY, int[] slabAt)
    {
        int n = x.Count;
        int slabs = ((n - 1) >> shift) + 1;
        int[] next = ArrayPool<int>.Shared.Rent(slabs);
        for (int s = 0; s < slabs; s++)
        {
            next[s] = s << shift;
        }

        int[] yOrder = y.Order, xRank = x.Rank;
        double[] xSorted = x.Sorted, ySorted = y.Sorted;
        for (int q = 0; q < n; q++)
        {
            int px = xRank[yOrder[q]];
            int t = next[px >> shift]++;
            slabX[t] = xSorted[Pad + px];
            slabY[t] = ySorted[Pad + q];
            slabAt[2 * t] = px;
            slabAt[(2 * t) + 1] = q;
        }

        ArrayPool<int>.Shared.Return(next);
    }

    /// <summary>ε for every point, written by X position to <paramref name="radiusByX"/> and by Y position to <paramref name="radiusByY"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void KthDistances(double[] xSorted, double[] slabX, double[] slabY, int[] slabAt, int n, int k, int shift, double[] best,
        double[] radiusByX, double[] radiusByY)
    {
        int size = 1 << shift;
        int slabs = ((n - 1) >> shift) + 1;
        ref double xs = ref MemoryMarshal.GetArrayDataReference(xSorted);
        ref double sx = ref MemoryMarshal.GetArrayDataReference(slabX);
        ref double sy = ref MemoryMarshal.GetArrayDataReference(slabY);
        ref double list = ref MemoryMarshal.GetArrayDataReference(best);
        for (int t = 0; t < n; t++)
        {
            int own = t >> shift;
            double x0 = Unsafe.Add(ref sx, t), y0 = Unsafe.Add(ref sy, t);

            // The k smallest distances so far, ascending, +∞ where none yet: the last entry is the current k-th distance.
            best.AsSpan(0, k).Fill(double.PositiveInfinity);
            double kth = double.PositiveInfinity;

            // The own slab, outwards in Y from the query's own place (which is skipped).
            int lo = own << shift, hi = Math.Min(lo + size, n);
            kth = ScanUp(ref sx, ref sy, t + 1, hi, x0, y0, ref list, k, kth);
            kth = ScanDown(ref sx, ref sy, lo, t - 1, x0, y0, ref list, k, kth);

            // Then the other slabs, nearest X gap first; a slab's gap bounds the X distance of all its points.
            int right = own + 1, left = own - 1;
            double toRight = right < slabs ? Unsafe.Add(ref xs, Pad + (right << shift)) - x0 : double.PositiveInfinity;
            double toLeft = left >= 0 ? x0 - Unsafe.Add(ref xs, Pad + (left << shift) + size - 1) : double.PositiveInfinity;
            while (toRight < kth || toLeft < kth)
            {
                int s;
                if (toRight <= toLeft)
                {
                    s = right++;
                    toRight = right < slabs ? Unsafe.Add(ref xs, Pad + (right << shift)) - x0 : double.PositiveInfinity;
                }
                else
                {
                    s = left--;
                    toLeft = left >= 0 ? x0 - Unsafe.Add(ref xs, Pad + (left << shift) + size - 1) : double.PositiveInfinity;
                }

                int start = s << shift, end = Math.Min(start + size, n);
                int place = LowerBound(ref sy, start, end, y0);
                kth = ScanUp(ref sx, ref sy, place, end, x0, y0, ref list, k, kth);
                kth = ScanDown(ref sx, ref sy, start, place - 1, x0, y0, ref list, k, kth);
            }

            radiusByX[slabAt[2 * t]] = kth;
            radiusByY[slabAt[(2 * t) + 1]] = kth;
        }
    }

    /// <summary>Offers places from <paramref name="from"/> up to <paramref name="end"/> (exclusive) until |Δy| reaches the k-th distance.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double ScanUp(ref double slabX, ref double slabY, int from, int end, double x0, double y0, ref double best, int k, double kth)
    {
        for (int t = from; t < end; t++)
        {
            double dy = Math.Abs(y0 - Unsafe.Add(ref slabY, t));
            if (!(dy < kth))
            {
                break;
            }

            double d = Math.Max(Math.Abs(x0 - Unsafe.Add(ref slabX, t)), dy);
            if (d < kth)
            {
                kth = Offer(d, ref best, k);
            }
        }

        return kth;
    }

    /// <summary>Offers places from <paramref name="from"/> down to <paramref name="start"/> until |Δy| reaches the k-th distance.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double ScanDown(ref double slabX, ref double slabY, int start, int from, double x0, double y0, ref double best, int k, double kth)
    {
        for (int t = from; t >= start; t--)
        {
            double dy = Math.Abs(y0 - Unsafe.Add(ref slabY, t));
            if (!(dy < kth))
            {
                break;
            }

            double d = Math.Max(Math.Abs(x0 - Unsafe.Add(ref slabX, t)), dy);
            if (d < kth)
            {
                kth = Offer(d, ref best, k);
            }
        }

        return kth;
    }

    /// <summary>
    /// Puts <paramref name="d"/>, below the current k-th distance, into the ascending list of the k smallest distances
    /// so far (+∞ for places not yet filled), dropping the last; returns the new last entry, the k-th distance.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Offer(double d, ref double best, int k)
    {
        int j = k - 1;
        while (j > 0 && Unsafe.Add(ref best, j - 1) > d)
        {
            Unsafe.Add(ref best, j) = Unsafe.Add(ref best, j - 1);
            j--;
        }

        Unsafe.Add(ref best, j) = d;
        return Unsafe.Add(ref best, k - 1);
    }

    /// <summary>1 for true, 0 for false, as a compare and a set rather than a branch.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Bit(bool value) => Unsafe.As<bool, byte>(ref value);

    /// <summary>The first place in [start, end) whose value is ≥ <paramref name="v"/> (end if none).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int LowerBound(ref double values, int start, int end, double v)
    {
        // Branch-free: the probes' outcomes are unpredictable.
        int at = start, width = end - start;
        while (width > 0)
        {
            int half = width >> 1;
            bool below = Unsafe.Add(ref values, at + half) < v;
            at = below ? at + half + 1 : at;
            width = below ? width - half - 1 : half;
        }

        return at;
    }

    /// <summary>For every sorted position of a column, the other points strictly within that position's radius, written at its row.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Counts(SortedColumn column, double[] radii, int[] counts)
    {
        int n = column.Count;
        int[] order = column.Order;
        double[] sorted = column.Sorted;
        for (int p = 0; p < n; p++)
        {
            int at = Pad + p;
            double v = sorted[at], radius = radii[p];
            column.Guess(v + radius, out _, out int highGuess);
            column.Guess(v - radius, out int lowGuess, out _);
            counts[order[p]] = RunEnd(sorted, at, Math.Clamp(highGuess, at, Pad + n - 1), radius, +1)
                - RunEnd(sorted, at, Math.Clamp(lowGuess, Pad, at), radius, -1);
        }
    }

    /// <summary>
    /// The farthest position h from <paramref name="at"/> in <paramref name="direction"/> (+1 or −1) such that every
    /// position from <paramref name="at"/> (exclusive) to h (inclusive) has |value(at) − value| &lt; <paramref name="radius"/>
    /// (h = at if none): gallops from <paramref name="guess"/> (a position on that side, or at itself) towards the edge
    /// of the run, then halves the bracket without branching on the probes. The padding (±∞) always fails the test, so
    /// no probe leaves the array.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int RunEnd(double[] sorted, int at, int guess, double radius, int direction)
    {
        ref double values = ref MemoryMarshal.GetArrayDataReference(sorted);
        double v = Unsafe.Add(ref values, at);

        // Offsets count from at in the direction: inside passes (or is 0, the query), inside + width fails.
        int inside, width;
        int offset = (guess - at) * direction;

        // The usual case: the edge lies within 8 of the guess, so two probes bracket it and three halvings find it.
        int below = offset - 4, above = offset + 4;
        int limitNear = direction > 0 ? sorted.Length - Pad - at : at - (Pad - 1);
        if (below > 0 && above < limitNear
            && Math.Abs(v - Unsafe.Add(ref values, at + (below * direction))) < radius
            && !(Math.Abs(v - Unsafe.Add(ref values, at + (above * direction))) < radius))
        {
            inside = below;
            width = 8;
        }
        else if (offset == 0 || Math.Abs(v - Unsafe.Add(ref values, guess)) < radius)
        {
            // The first padding entry, at offset limit, fails; passing offsets lie below it.
            int limit = direction > 0 ? sorted.Length - Pad - at : at - (Pad - 1);
            inside = offset;
            width = 1;
            while (Math.Abs(v - Unsafe.Add(ref values, at + ((inside + width) * direction))) < radius)
            {
                inside += width;
                width = Math.Min(width * 2, limit - inside);
            }
        }
        else
        {
            // The guess fails: gallop back towards the query until an offset passes or the query is reached.
            int outside = offset, step = 1;
            while (outside - step > 0 && !(Math.Abs(v - Unsafe.Add(ref values, at + ((outside - step) * direction))) < radius))
            {
                outside -= step;
                step = Math.Min(step * 2, outside);
            }

            inside = outside - step;
            width = step;
        }

        // The last passing offset is in [inside, inside + width).
        while (width > 1)
        {
            int half = width >> 1;
            inside += half & -Bit(Math.Abs(v - Unsafe.Add(ref values, at + ((inside + half) * direction))) < radius);
            width -= half;
        }

        return at + (inside * direction);
    }
}
