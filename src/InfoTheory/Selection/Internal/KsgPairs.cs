using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
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
/// <para>
/// Where 256-bit vectors are in hardware and k ≤ 4, the k-th distances take a windowed vector search (see
/// <see cref="KthDistancesVector"/>) and each run end is first read off an 8-value window around its bucket guess
/// (<see cref="CountsVector"/>): at n = 10⁴, k = 3 about 1 ms per pair against 2.4–2.9 ms for the scalar code.
/// </para>
/// </remarks>
internal static class KsgPairs
{
    /// <summary>Entries of padding on each side of a column's sorted values (−∞ before, +∞ after), so searches need no bounds checks.</summary>
    public const int Pad = 8;

    /// <summary>
    /// Entries before place 0 and after place n − 1 in the slab value arrays, so a 4-lane load starting up to 3 places
    /// outside the slabs stays inside the array (the lanes outside are masked off, never offered).
    /// </summary>
    private const int Lanes = 4;

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
    public static double Estimate(SortedColumn x, SortedColumn y, int k, DigammaTable psi) =>
        EstimateWith(x, y, k, psi, VectorSearch(k));

    /// <summary>Whether the k-th distances take the vector search: 256-bit vectors in hardware and k ≤ 4 (the list fits one vector).</summary>
    internal static bool VectorSearch(int k) => Vector256.IsHardwareAccelerated && k <= 4;

    /// <summary>
    /// As <see cref="Estimate(SortedColumn, SortedColumn, int, DigammaTable)"/>, with the k-th distance search chosen by
    /// <paramref name="vector"/> (true needs k ≤ 4); both searches give the same bits.
    /// </summary>
    internal static double EstimateWith(SortedColumn x, SortedColumn y, int k, DigammaTable psi, bool vector)
    {
        int n = x.Count;
        int shift = SlabShift(n, k);
        double[] slabX = ArrayPool<double>.Shared.Rent(n + (2 * Lanes));
        double[] slabY = ArrayPool<double>.Shared.Rent(n + (2 * Lanes));
        int[] slabAt = ArrayPool<int>.Shared.Rent(2 * n);
        double[] radiusByX = ArrayPool<double>.Shared.Rent(n);
        double[] radiusByY = ArrayPool<double>.Shared.Rent(n);
        int[] countsX = ArrayPool<int>.Shared.Rent(n);
        int[] countsY = ArrayPool<int>.Shared.Rent(n);
        double[] best = ArrayPool<double>.Shared.Rent(k);
        try
        {
            BuildSlabs(x, y, shift, slabX, slabY, slabAt);
            if (vector)
            {
                KthDistancesVector(x.Sorted, slabX, slabY, slabAt, n, k, shift, radiusByX, radiusByY);
            }
            else
            {
                KthDistances(x.Sorted, slabX, slabY, slabAt, n, k, shift, best, radiusByX, radiusByY);
            }

            if (vector)
            {
                CountsVector(x, radiusByX, countsX);
                CountsVector(y, radiusByY, countsY);
            }
            else
            {
                Counts(x, radiusByX, countsX);
                Counts(y, radiusByY, countsY);
            }

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
    /// slabX/slabY[<see cref="Lanes"/> + t] are the point's values, slabAt[2t] its X position and slabAt[2t + 1] its Y position.
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

        // The padding is read by masked lanes only; zeros keep NaN (from the pool's last user) out of the lane arithmetic.
        slabX.AsSpan(0, Lanes).Clear();
        slabY.AsSpan(0, Lanes).Clear();
        slabX.AsSpan(Lanes + n, Lanes).Clear();
        slabY.AsSpan(Lanes + n, Lanes).Clear();
        int[] yOrder = y.Order, xRank = x.Rank;
        double[] xSorted = x.Sorted, ySorted = y.Sorted;
        for (int q = 0; q < n; q++)
        {
            int px = xRank[yOrder[q]];
            int t = next[px >> shift]++;
            slabX[Lanes + t] = xSorted[Pad + px];
            slabY[Lanes + t] = ySorted[Pad + q];
            slabAt[2 * t] = px;
            slabAt[(2 * t) + 1] = q;
        }

        ArrayPool<int>.Shared.Return(next);
    }

    /// <summary>
    /// The next slab to search beyond those done, the one with the nearest X gap first (a slab's gap bounds the X
    /// distance of all its points), or −1 once both gaps are at least <paramref name="kth"/>; advances the side taken.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int NextSlab(ref double xs, double x0, double kth, int slabs, int shift, ref int right, ref int left, ref double toRight, ref double toLeft)
    {
        if (!(toRight < kth || toLeft < kth))
        {
            return -1;
        }

        if (toRight <= toLeft)
        {
            toRight = RightGap(ref xs, x0, right + 1, slabs, shift);
            return right++;
        }

        toLeft = LeftGap(ref xs, x0, left - 1, shift);
        return left--;
    }

    /// <summary>X gap from <paramref name="x0"/> up to slab <paramref name="slab"/> (+∞ past the last).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double RightGap(ref double xs, double x0, int slab, int slabs, int shift) =>
        slab < slabs ? Unsafe.Add(ref xs, Pad + (slab << shift)) - x0 : double.PositiveInfinity;

    /// <summary>X gap from slab <paramref name="slab"/> up to <paramref name="x0"/> (+∞ before the first).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double LeftGap(ref double xs, double x0, int slab, int shift) =>
        slab >= 0 ? x0 - Unsafe.Add(ref xs, Pad + (slab << shift) + (1 << shift) - 1) : double.PositiveInfinity;

    /// <summary>ε for every point, written by X position to <paramref name="radiusByX"/> and by Y position to <paramref name="radiusByY"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void KthDistances(double[] xSorted, double[] slabX, double[] slabY, int[] slabAt, int n, int k, int shift, double[] best,
        double[] radiusByX, double[] radiusByY)
    {
        int size = 1 << shift;
        int slabs = ((n - 1) >> shift) + 1;
        ref double xs = ref MemoryMarshal.GetArrayDataReference(xSorted);
        ref double sx = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(slabX), Lanes);
        ref double sy = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(slabY), Lanes);
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

            // Then the other slabs, nearest X gap first.
            int right = own + 1, left = own - 1;
            double toRight = RightGap(ref xs, x0, right, slabs, shift), toLeft = LeftGap(ref xs, x0, left, shift);
            for (int s; (s = NextSlab(ref xs, x0, kth, slabs, shift, ref right, ref left, ref toRight, ref toLeft)) >= 0;)
            {
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
    /// As <see cref="KthDistances"/> for k ≤ 4, with vectors of four distances. The list of the k smallest is one vector,
    /// ascending, with the 4 − k lanes below it −∞ (never displaced), so the k-th distance is always the top lane. For a
    /// query in a slab with slabs on both sides, a window is taken first: the four places above and below the query in
    /// its own slab and above and below its Y in each neighbouring slab (found from a cursor that only moves up, since a
    /// slab's queries come in Y order); the six blocks of four are reduced lane by lane to the four smallest, and the
    /// first k of those vectors are sorted by a network and merged into the list, all without branches. Only the runs whose window edge is still closer in Y than the k-th distance are then scanned on, four
    /// places a step, and the slabs beyond the neighbours as in the scalar search. A point is offered once whatever
    /// the order, and the k smallest of a set do not depend on the order they arrive in. The native minimum and maximum
    /// pick the same values as the IEEE ones here: the distances are finite or +∞ (the data are finite, the padding is
    /// zeroed), never NaN, and never −0 (|·| clears the sign).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void KthDistancesVector(double[] xSorted, double[] slabX, double[] slabY, int[] slabAt, int n, int k, int shift,
        double[] radiusByX, double[] radiusByY)
    {
        int size = 1 << shift;
        int slabs = ((n - 1) >> shift) + 1;
        ref double xs = ref MemoryMarshal.GetArrayDataReference(xSorted);
        ref double sx = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(slabX), Lanes);
        ref double sy = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(slabY), Lanes);
        ref int at = ref MemoryMarshal.GetArrayDataReference(slabAt);
        ref double byX = ref MemoryMarshal.GetArrayDataReference(radiusByX);
        ref double byY = ref MemoryMarshal.GetArrayDataReference(radiusByY);
        Vector256<double> empty = Vector256.Create(
            k >= 4 ? double.PositiveInfinity : double.NegativeInfinity,
            k >= 3 ? double.PositiveInfinity : double.NegativeInfinity,
            k >= 2 ? double.PositiveInfinity : double.NegativeInfinity,
            double.PositiveInfinity);
        for (int own = 0; own < slabs; own++)
        {
            int lo = own << shift, hi = Math.Min(lo + size, n);

            // The first place of the slab to the right (left) whose Y is not below the query's: a lower bound that only
            // moves up as the queries do.
            int rightEnd = Math.Min(hi + size, n), leftStart = lo - size;
            int cursorRight = hi, cursorLeft = leftStart;
            bool inner = own > 0 && own + 1 < slabs;
            for (int t = lo; t < hi; t++)
            {
                double x0 = Unsafe.Add(ref sx, t), y0 = Unsafe.Add(ref sy, t);
                Vector256<double> list = empty;
                double kth = double.PositiveInfinity;
                int right = own + 1, left = own - 1;
                if (inner)
                {
                    // Branch-free cursor steps (one place per query is usual), then a loop for longer moves.
                    cursorRight += Bit((cursorRight < rightEnd) & (Unsafe.Add(ref sy, cursorRight) < y0));
                    cursorLeft += Bit((cursorLeft < lo) & (Unsafe.Add(ref sy, cursorLeft) < y0));
                    while (cursorRight < rightEnd && Unsafe.Add(ref sy, cursorRight) < y0)
                    {
                        cursorRight++;
                    }

                    while (cursorLeft < lo && Unsafe.Add(ref sy, cursorLeft) < y0)
                    {
                        cursorLeft++;
                    }

                    // The window: four places on each side of the query in its own slab and of its Y in the two
                    // neighbouring slabs, all merged without branches; then only runs whose edge is still closer in
                    // Y than the k-th distance are scanned on, and the slabs beyond the neighbours as usual.
                    Vector256<double> vx0 = Vector256.Create(x0), vy0 = Vector256.Create(y0);
                    Vector256<double> w0 = BlockUp(ref sx, ref sy, t + 1, vx0, vy0, hi);
                    Vector256<double> w1 = BlockDown(ref sx, ref sy, t - 4, vx0, vy0, lo);
                    Vector256<double> w2 = BlockUp(ref sx, ref sy, cursorRight, vx0, vy0, rightEnd);
                    Vector256<double> w3 = BlockDown(ref sx, ref sy, cursorRight - 4, vx0, vy0, hi);
                    Vector256<double> e = BlockUp(ref sx, ref sy, cursorLeft, vx0, vy0, lo);
                    Vector256<double> f = BlockDown(ref sx, ref sy, cursorLeft - 4, vx0, vy0, leftStart);

                    // Lane by lane, the four smallest of the six blocks in ascending order (w0 ≤ w1 ≤ w2 ≤ w3 in every
                    // lane): a sorting network on four blocks, then the other two inserted. A lane gives at most k of
                    // the k smallest of all 24 distances, so they are all among w0 … w(k − 1).
                    Exchange(ref w0, ref w1);
                    Exchange(ref w2, ref w3);
                    Exchange(ref w0, ref w2);
                    Exchange(ref w1, ref w3);
                    Exchange(ref w1, ref w2);
                    Insert(ref w0, ref w1, ref w2, ref w3, e);
                    Insert(ref w0, ref w1, ref w2, ref w3, f);
                    list = Merge(empty, Sort4(w0));
                    if (k >= 2)
                    {
                        list = Merge(list, Sort4(w1));
                        if (k >= 3)
                        {
                            list = Merge(list, Sort4(w2));
                            if (k >= 4)
                            {
                                list = Merge(list, Sort4(w3));
                            }
                        }
                    }

                    kth = list.GetElement(3);

                    bool moreUp = (t + 5 < hi) & (Math.Abs(y0 - Unsafe.Add(ref sy, t + 4)) < kth);
                    bool moreDown = (t - 5 >= lo) & (Math.Abs(y0 - Unsafe.Add(ref sy, t - 4)) < kth);
                    bool moreRightUp = (cursorRight + 4 < rightEnd) & (Math.Abs(y0 - Unsafe.Add(ref sy, cursorRight + 3)) < kth);
                    bool moreRightDown = (cursorRight - 5 >= hi) & (Math.Abs(y0 - Unsafe.Add(ref sy, cursorRight - 4)) < kth);
                    bool moreLeftUp = (cursorLeft + 4 < lo) & (Math.Abs(y0 - Unsafe.Add(ref sy, cursorLeft + 3)) < kth);
                    bool moreLeftDown = (cursorLeft - 5 >= leftStart) & (Math.Abs(y0 - Unsafe.Add(ref sy, cursorLeft - 4)) < kth);
                    if (moreUp | moreDown | moreRightUp | moreRightDown | moreLeftUp | moreLeftDown)
                    {
                        if (moreUp)
                        {
                            ScanUp(ref sx, ref sy, t + 5, hi, x0, y0, ref list, ref kth);
                        }

                        if (moreDown)
                        {
                            ScanDown(ref sx, ref sy, lo, t - 5, x0, y0, ref list, ref kth);
                        }

                        if (moreRightUp)
                        {
                            ScanUp(ref sx, ref sy, cursorRight + 4, rightEnd, x0, y0, ref list, ref kth);
                        }

                        if (moreRightDown)
                        {
                            ScanDown(ref sx, ref sy, hi, cursorRight - 5, x0, y0, ref list, ref kth);
                        }

                        if (moreLeftUp)
                        {
                            ScanUp(ref sx, ref sy, cursorLeft + 4, lo, x0, y0, ref list, ref kth);
                        }

                        if (moreLeftDown)
                        {
                            ScanDown(ref sx, ref sy, leftStart, cursorLeft - 5, x0, y0, ref list, ref kth);
                        }
                    }

                    right = own + 2;
                    left = own - 2;
                }
                else
                {
                    ScanUp(ref sx, ref sy, t + 1, hi, x0, y0, ref list, ref kth);
                    ScanDown(ref sx, ref sy, lo, t - 1, x0, y0, ref list, ref kth);
                }

                double toRight = RightGap(ref xs, x0, right, slabs, shift), toLeft = LeftGap(ref xs, x0, left, shift);
                for (int s; (s = NextSlab(ref xs, x0, kth, slabs, shift, ref right, ref left, ref toRight, ref toLeft)) >= 0;)
                {
                    int start = s << shift, end = Math.Min(start + size, n);
                    int place = LowerBound(ref sy, start, end, y0);
                    ScanUp(ref sx, ref sy, place, end, x0, y0, ref list, ref kth);
                    ScanDown(ref sx, ref sy, start, place - 1, x0, y0, ref list, ref kth);
                }

                Unsafe.Add(ref byX, Unsafe.Add(ref at, 2 * t)) = kth;
                Unsafe.Add(ref byY, Unsafe.Add(ref at, (2 * t) + 1)) = kth;
            }
        }
    }

    /// <summary>
    /// For c = 0 … 4, four lanes with the first c zero and the rest +∞ (<see cref="BlockUp"/>), then four with the
    /// last c zero and the rest +∞ (<see cref="BlockDown"/>): the lane-wise maximum with a distance (≥ 0) keeps it where
    /// zero and makes it +∞ elsewhere.
    /// </summary>
    private static ReadOnlySpan<double> LaneMasks =>
    [
        double.PositiveInfinity, double.PositiveInfinity, double.PositiveInfinity, double.PositiveInfinity,
        0, double.PositiveInfinity, double.PositiveInfinity, double.PositiveInfinity,
        0, 0, double.PositiveInfinity, double.PositiveInfinity,
        0, 0, 0, double.PositiveInfinity,
        0, 0, 0, 0,
        double.PositiveInfinity, double.PositiveInfinity, double.PositiveInfinity, double.PositiveInfinity,
        double.PositiveInfinity, double.PositiveInfinity, double.PositiveInfinity, 0,
        double.PositiveInfinity, double.PositiveInfinity, 0, 0,
        double.PositiveInfinity, 0, 0, 0,
        0, 0, 0, 0,
    ];

    /// <summary>
    /// The distances from (x0, y0) to places <paramref name="first"/> … first + 3, +∞ in the lanes at or beyond
    /// <paramref name="end"/> (the loads stay inside the padded arrays; the caller's run starts at or before first).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> BlockUp(ref double slabX, ref double slabY, int first, Vector256<double> x0, Vector256<double> y0, int end)
    {
        int valid = Math.Clamp(end - first, 0, 4);
        Vector256<double> mask = Vector256.LoadUnsafe(ref Unsafe.Add(ref MemoryMarshal.GetReference(LaneMasks), 4 * valid));
        return Vector256.MaxNative(Distances(ref slabX, ref slabY, first, x0, y0), mask);
    }

    /// <summary>
    /// The distances from (x0, y0) to places <paramref name="first"/> … first + 3, +∞ in the lanes before
    /// <paramref name="start"/> (the caller's run ends after first + 3).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> BlockDown(ref double slabX, ref double slabY, int first, Vector256<double> x0, Vector256<double> y0, int start)
    {
        int valid = Math.Clamp(first + 4 - start, 0, 4);
        Vector256<double> mask = Vector256.LoadUnsafe(ref Unsafe.Add(ref MemoryMarshal.GetReference(LaneMasks), 20 + (4 * valid)));
        return Vector256.MaxNative(Distances(ref slabX, ref slabY, first, x0, y0), mask);
    }

    /// <summary>The max-norm distances from (x0, y0) to places <paramref name="first"/> … first + 3.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> Distances(ref double slabX, ref double slabY, int first, Vector256<double> x0, Vector256<double> y0) =>
        Vector256.MaxNative(
            Vector256.Abs(x0 - Vector256.LoadUnsafe(ref Unsafe.Add(ref slabX, first))),
            Vector256.Abs(y0 - Vector256.LoadUnsafe(ref Unsafe.Add(ref slabY, first))));

    /// <summary>Lane by lane, the smaller of the two into <paramref name="low"/> and the larger into <paramref name="high"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Exchange(ref Vector256<double> low, ref Vector256<double> high)
    {
        Vector256<double> min = Vector256.MinNative(low, high);
        high = Vector256.MaxNative(low, high);
        low = min;
    }

    /// <summary>
    /// Lane by lane, <paramref name="v"/> put into the ascending w0 ≤ w1 ≤ w2 ≤ w3, the largest dropped: wⱼ becomes
    /// min(wⱼ, max(wⱼ₋₁, v)) with w₋₁ = −∞.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Insert(ref Vector256<double> w0, ref Vector256<double> w1, ref Vector256<double> w2, ref Vector256<double> w3, Vector256<double> v)
    {
        w3 = Vector256.MinNative(w3, Vector256.MaxNative(w2, v));
        w2 = Vector256.MinNative(w2, Vector256.MaxNative(w1, v));
        w1 = Vector256.MinNative(w1, Vector256.MaxNative(w0, v));
        w0 = Vector256.MinNative(w0, v);
    }

    /// <summary>The four lanes in ascending order: the five-comparator network (0,1)(2,3), (0,2)(1,3), (1,2).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> Sort4(Vector256<double> v)
    {
        Vector256<double> lowLanes = Vector256.Create(-1L, 0, -1, 0).AsDouble();
        Vector256<double> p = Vector256.Shuffle(v, Vector256.Create(1L, 0, 3, 2));
        v = Vector256.ConditionalSelect(lowLanes, Vector256.MinNative(v, p), Vector256.MaxNative(v, p));
        p = Vector256.Shuffle(v, Vector256.Create(2L, 3, 0, 1));
        v = Vector256.ConditionalSelect(Vector256.Create(-1L, -1, 0, 0).AsDouble(), Vector256.MinNative(v, p), Vector256.MaxNative(v, p));
        p = Vector256.Shuffle(v, Vector256.Create(0L, 2, 1, 3));
        return Vector256.ConditionalSelect(Vector256.Create(0L, -1, 0, 0).AsDouble(), Vector256.MinNative(v, p),
            Vector256.ConditionalSelect(Vector256.Create(0L, 0, -1, 0).AsDouble(), Vector256.MaxNative(v, p), v));
    }

    /// <summary>
    /// The four smallest lanes of two ascending vectors, ascending: the lane-wise minimum of one and the other reversed
    /// holds them (as a bitonic sequence), and two half-cleaner stages sort it.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> Merge(Vector256<double> a, Vector256<double> b)
    {
        Vector256<double> v = Vector256.MinNative(a, Vector256.Shuffle(b, Vector256.Create(3L, 2, 1, 0)));
        Vector256<double> p = Vector256.Shuffle(v, Vector256.Create(2L, 3, 0, 1));
        v = Vector256.ConditionalSelect(Vector256.Create(-1L, -1, 0, 0).AsDouble(), Vector256.MinNative(v, p), Vector256.MaxNative(v, p));
        p = Vector256.Shuffle(v, Vector256.Create(1L, 0, 3, 2));
        return Vector256.ConditionalSelect(Vector256.Create(-1L, 0, -1, 0).AsDouble(), Vector256.MinNative(v, p), Vector256.MaxNative(v, p));
    }

    /// <summary>
    /// Offers places from <paramref name="from"/> up to <paramref name="end"/> (exclusive), four at a time, until a
    /// block's last |Δy| reaches the k-th distance (the run is in Y order, so |Δy| only grows).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void ScanUp(ref double slabX, ref double slabY, int from, int end, double x0, double y0, ref Vector256<double> list, ref double kth)
    {
        Vector256<double> vx0 = Vector256.Create(x0), vy0 = Vector256.Create(y0);
        for (int t = from; t < end; t += 4)
        {
            Vector256<double> dy = Vector256.Abs(vy0 - Vector256.LoadUnsafe(ref Unsafe.Add(ref slabY, t)));
            Vector256<double> d = Vector256.MaxNative(Vector256.Abs(vx0 - Vector256.LoadUnsafe(ref Unsafe.Add(ref slabX, t))), dy);
            uint closer = Vector256.LessThan(d, Vector256.Create(kth)).ExtractMostSignificantBits();
            int valid = end - t;
            if (valid < 4)
            {
                closer &= (1u << valid) - 1;
            }

            Offer(d, closer, ref list, ref kth);
            if (!(dy.GetElement(3) < kth))
            {
                break;
            }
        }
    }

    /// <summary>
    /// Offers places from <paramref name="from"/> down to <paramref name="start"/>, four at a time, until a block's
    /// first |Δy| reaches the k-th distance.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void ScanDown(ref double slabX, ref double slabY, int start, int from, double x0, double y0, ref Vector256<double> list, ref double kth)
    {
        Vector256<double> vx0 = Vector256.Create(x0), vy0 = Vector256.Create(y0);
        for (int t = from; t >= start; t -= 4)
        {
            // Lanes 0 … 3 are places t − 3 … t.
            Vector256<double> dy = Vector256.Abs(vy0 - Vector256.LoadUnsafe(ref Unsafe.Add(ref slabY, t - 3)));
            Vector256<double> d = Vector256.MaxNative(Vector256.Abs(vx0 - Vector256.LoadUnsafe(ref Unsafe.Add(ref slabX, t - 3))), dy);
            uint closer = Vector256.LessThan(d, Vector256.Create(kth)).ExtractMostSignificantBits();
            int valid = t - start + 1;
            if (valid < 4)
            {
                closer &= 0xFu << (4 - valid);
            }

            Offer(d, closer, ref list, ref kth);
            if (!(dy.GetElement(0) < kth))
            {
                break;
            }
        }
    }

    /// <summary>
    /// Puts the lanes of <paramref name="d"/> flagged in <paramref name="closer"/> (each below the k-th distance when
    /// flagged) into the vector list of the k smallest, one at a time, each checked again against the k-th distance.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Offer(Vector256<double> d, uint closer, ref Vector256<double> list, ref double kth)
    {
        while (closer != 0)
        {
            double distance = d.GetElement(BitOperations.TrailingZeroCount(closer));
            closer &= closer - 1;
            if (distance < kth)
            {
                // Insertion into the ascending list without branches: lane j becomes min(list[j], max(list[j − 1], d))
                // with list[−1] = −∞, which is list[j − 1] when d is below it, d when d falls between, list[j] above.
                Vector256<double> below = Vector256.ConditionalSelect(
                    Vector256.Create(-1L, 0, 0, 0).AsDouble(), Vector256.Create(double.NegativeInfinity), Vector256.Shuffle(list, Vector256.Create(0L, 0, 1, 2)));
                list = Vector256.MinNative(list, Vector256.MaxNative(below, Vector256.Create(distance)));
                kth = list.GetElement(3);
            }
        }
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
    /// As <see cref="Counts"/>, each run end first looked for in eight positions at its bucket guess: the
    /// positions there that pass the test form one interval, so when the first passes and the last fails (the high end),
    /// or the last passes and the first fails (the low end), the number passing places the edge exactly. Otherwise
    /// <see cref="RunEnd"/> searches as usual.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void CountsVector(SortedColumn column, double[] radii, int[] counts)
    {
        int n = column.Count;
        int[] order = column.Order;
        double[] sorted = column.Sorted;
        ref double values = ref MemoryMarshal.GetArrayDataReference(sorted);
        ref double radius0 = ref MemoryMarshal.GetArrayDataReference(radii);
        ref int order0 = ref MemoryMarshal.GetArrayDataReference(order);
        ref int counts0 = ref MemoryMarshal.GetArrayDataReference(counts);
        for (int p = 0; p < n; p++)
        {
            int at = Pad + p;
            double v = Unsafe.Add(ref values, at), radius = Unsafe.Add(ref radius0, p);
            column.Guess(v + radius, out _, out int highGuess);
            column.Guess(v - radius, out int lowGuess, out _);
            highGuess = Math.Clamp(highGuess, at, Pad + n - 1);
            lowGuess = Math.Clamp(lowGuess, Pad, at);

            // Positions highGuess − 6 … highGuess + 1 (the edge is at or before the guess, the end of v + ε's bucket): a
            // passing prefix of c lanes puts the high end at highGuess − 7 + c.
            uint high = Passing(ref values, highGuess - 6, v, radius);
            int highEnd = (high & 0x81u) == 0x01u
                ? highGuess - 7 + BitOperations.PopCount(high)
                : RunEnd(sorted, at, highGuess, radius, +1);

            // Positions lowGuess − 1 … lowGuess + 6 (the edge is at or after the start of v − ε's bucket): a passing
            // suffix of c lanes puts the low end at lowGuess + 7 − c.
            uint low = Passing(ref values, lowGuess - 1, v, radius);
            int lowEnd = (low & 0x81u) == 0x80u
                ? lowGuess + 7 - BitOperations.PopCount(low)
                : RunEnd(sorted, at, lowGuess, radius, -1);
            Unsafe.Add(ref counts0, Unsafe.Add(ref order0, p)) = highEnd - lowEnd;
        }
    }

    /// <summary>Bit j set where position <paramref name="first"/> + j (j &lt; 8) has |v − value| &lt; radius.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Passing(ref double values, int first, double v, double radius)
    {
        Vector256<double> center = Vector256.Create(v), reach = Vector256.Create(radius);
        uint lower = Vector256.LessThan(Vector256.Abs(center - Vector256.LoadUnsafe(ref Unsafe.Add(ref values, first))), reach).ExtractMostSignificantBits();
        uint upper = Vector256.LessThan(Vector256.Abs(center - Vector256.LoadUnsafe(ref Unsafe.Add(ref values, first + 4))), reach).ExtractMostSignificantBits();
        return lower | (upper << 4);
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
