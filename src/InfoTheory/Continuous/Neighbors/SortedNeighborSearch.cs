using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace InfoTheory.Continuous.Neighbors;

/// <summary>
/// One-dimensional points sorted once by (value, index). Both metrics reduce to a function of |x − y| that never
/// decreases as one walks away from a position in either direction, so the points within a radius form one run
/// around the query (found by galloping binary search, O(log count)) and the k nearest are the first k of a merge
/// of the two directions (O(k), plus a binary search for runs of tied distances).
/// </summary>
/// <remarks>
/// Ties are exact: the distance to the k-th neighbour is found first; every point strictly closer is taken, and of
/// the points at exactly that distance (a run on each side, each made of runs of equal values whose indices
/// increase) those of lowest index, so the answer is the (distance, index) order of the contract even when
/// thousands of points share one value.
/// </remarks>
internal sealed class SortedNeighborSearch : NeighborSearch
{
    private readonly double[] _values;
    private readonly int[] _index;

    /// <summary>Sorts the points.</summary>
    /// <param name="points">One column of points.</param>
    /// <param name="metric">The distance.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public SortedNeighborSearch(SampleMatrix points, NeighborMetric metric)
        : base(points, metric)
    {
        if (points.Columns != 1)
        {
            throw new ArgumentException("The sorted search needs one-dimensional points.", nameof(points));
        }

        int n = points.Rows;
        ReadOnlySpan<double> data = points.Data.Span;

        // Sort scratch from the shared pool (DESIGN §4): keys as doubles' bits, so that the pool's double arrays,
        // which a k-d tree built just before has returned, serve again.
        double[] keyStore = ArrayPool<double>.Shared.Rent(n);
        double[] keyBufferStore = ArrayPool<double>.Shared.Rent(n);
        int[] indexBuffer = ArrayPool<int>.Shared.Rent(n);
        Span<ulong> keys = MemoryMarshal.Cast<double, ulong>(keyStore.AsSpan(0, n));
        _index = new int[n];
        for (int i = 0; i < n; i++)
        {
            keys[i] = SortKey(data[i]);
            _index[i] = i;
        }

        RadixSort(keys, _index, MemoryMarshal.Cast<double, ulong>(keyBufferStore.AsSpan(0, n)), indexBuffer.AsSpan(0, n));

        // The values back from the sorted keys (a sequential pass, where reading data[_index[p]] would jump
        // around). −0 comes back as +0, which changes no distance: |q − 0| is the same for either zero.
        _values = new double[n];
        for (int p = 0; p < n; p++)
        {
            ulong key = keys[p];
            _values[p] = BitConverter.UInt64BitsToDouble((key & SignBit) != 0 ? key & ~SignBit : ~key);
        }

        ArrayPool<double>.Shared.Return(keyStore);
        ArrayPool<double>.Shared.Return(keyBufferStore);
        ArrayPool<int>.Shared.Return(indexBuffer);
    }

    /// <inheritdoc/>
    public override void KNearest(int k, Span<int> neighbors, Span<double> distances, int maxDegreeOfParallelism)
    {
        CheckK(k, self: true);
        CheckKNearestOutputs(Count, k, neighbors, distances);
        if (Metric == NeighborMetric.Maximum)
        {
            SelfKNearest<MaximumDistance>(k, neighbors, distances, maxDegreeOfParallelism);
        }
        else
        {
            SelfKNearest<EuclideanDistance>(k, neighbors, distances, maxDegreeOfParallelism);
        }
    }

    /// <inheritdoc/>
    public override void KNearest(SampleMatrix queries, int k, Span<int> neighbors, Span<double> distances, int maxDegreeOfParallelism)
    {
        CheckQueries(queries);
        CheckK(k, self: false);
        CheckKNearestOutputs(queries.Rows, k, neighbors, distances);
        if (Metric == NeighborMetric.Maximum)
        {
            ExternalKNearest<MaximumDistance>(queries, k, neighbors, distances, maxDegreeOfParallelism);
        }
        else
        {
            ExternalKNearest<EuclideanDistance>(queries, k, neighbors, distances, maxDegreeOfParallelism);
        }
    }

    /// <inheritdoc/>
    public override void CountWithin(ReadOnlySpan<double> radii, bool inclusive, Span<int> counts, int maxDegreeOfParallelism)
    {
        CheckCountArguments(radii, counts);
        if (Metric == NeighborMetric.Maximum)
        {
            CountAll<MaximumDistance>(radii, inclusive, counts, maxDegreeOfParallelism);
        }
        else
        {
            CountAll<EuclideanDistance>(radii, inclusive, counts, maxDegreeOfParallelism);
        }
    }

    private unsafe void SelfKNearest<TMetric>(int k, Span<int> neighbors, Span<double> distances, int maxDegreeOfParallelism)
        where TMetric : struct, IDistanceKernel
    {
        fixed (int* neighborsPointer = neighbors)
        fixed (double* distancesPointer = distances)
        {
            int* allNeighbors = neighborsPointer;
            double* allDistances = distancesPointer;

            // Queries run in sorted order, so consecutive queries read neighbouring memory.
            ForEachRange(Count, maxDegreeOfParallelism, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (start, end) =>
            {
                for (int p = start; p < end; p++)
                {
                    int i = _index[p];
                    Nearest<TMetric>(_values[p], p - 1, p + 1,
                        new Span<double>(allDistances + ((long)i * k), k), new Span<int>(allNeighbors + ((long)i * k), k));
                }
            });
        }
    }

    private unsafe void ExternalKNearest<TMetric>(SampleMatrix queries, int k, Span<int> neighbors, Span<double> distances, int maxDegreeOfParallelism)
        where TMetric : struct, IDistanceKernel
    {
        ReadOnlyMemory<double> queryData = queries.Data;
        fixed (int* neighborsPointer = neighbors)
        fixed (double* distancesPointer = distances)
        {
            int* allNeighbors = neighborsPointer;
            double* allDistances = distancesPointer;
            ForEachRange(queries.Rows, maxDegreeOfParallelism, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (start, end) =>
            {
                ReadOnlySpan<double> all = queryData.Span;
                for (int i = start; i < end; i++)
                {
                    // Points before the first value ≥ q lie on the left, the rest on the right; the distance
                    // grows (weakly) away from that gap in both directions.
                    double q = all[i];
                    int right = LowerBound(q);
                    Nearest<TMetric>(q, right - 1, right,
                        new Span<double>(allDistances + ((long)i * k), k), new Span<int>(allNeighbors + ((long)i * k), k));
                }
            });
        }
    }

    private unsafe void CountAll<TMetric>(ReadOnlySpan<double> radii, bool inclusive, Span<int> counts, int maxDegreeOfParallelism)
        where TMetric : struct, IDistanceKernel
    {
        fixed (double* radiiPointer = radii)
        fixed (int* countsPointer = counts)
        {
            double* allRadii = radiiPointer;
            int* allCounts = countsPointer;
            ForEachRange(Count, maxDegreeOfParallelism, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (start, end) =>
            {
                int length = end - start;
                double[] localRadii = ArrayPool<double>.Shared.Rent(length);
                int[] localCounts = ArrayPool<int>.Shared.Rent(length);

                // Queries run in sorted order, so consecutive ones read neighbouring values. Their radii are
                // gathered first and the counts scattered last: independent loads and stores overlap, where
                // reaching each one inside the search would stall it.
                for (int p = start; p < end; p++)
                {
                    localRadii[p - start] = allRadii[_index[p]];
                }

                if (inclusive)
                {
                    for (int p = start; p < end; p++)
                    {
                        localCounts[p - start] = CountAround<TMetric, Inclusive>(p, localRadii[p - start]);
                    }
                }
                else
                {
                    for (int p = start; p < end; p++)
                    {
                        localCounts[p - start] = CountAround<TMetric, Strict>(p, localRadii[p - start]);
                    }
                }

                for (int p = start; p < end; p++)
                {
                    allCounts[_index[p]] = localCounts[p - start];
                }

                ArrayPool<double>.Shared.Return(localRadii);
                ArrayPool<int>.Shared.Return(localCounts);
            });
        }
    }

    /// <summary>The number of points other than position <paramref name="p"/> within <paramref name="r"/> of it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int CountAround<TMetric, TComparison>(int p, double r)
        where TMetric : struct, IDistanceKernel
        where TComparison : struct, IRangeComparison
    {
        double v = _values[p];
        ref double values = ref MemoryMarshal.GetArrayDataReference(_values);
        int last = _values.Length - 1;

        // On each side the test holds on a run next to p and fails beyond it: gallop out to bracket the end of the
        // run, then bisect without branches (the outcome of each probe is unpredictable).
        int low = p;
        if (p > 0 && TComparison.Within(TMetric.Distance(v, Unsafe.Add(ref values, p - 1)), r))
        {
            int inside = p - 1, step = 1;
            while (step <= inside && TComparison.Within(TMetric.Distance(v, Unsafe.Add(ref values, inside - step)), r))
            {
                inside -= step;
                step = Doubled(step);
            }

            // The run starts in [inside − width + 1, inside].
            int width = step <= inside ? step : inside + 1;
            while (width > 1)
            {
                int half = width >> 1;
                inside -= half & -Bit(TComparison.Within(TMetric.Distance(v, Unsafe.Add(ref values, inside - half)), r));
                width -= half;
            }

            low = inside;
        }

        int high = p;
        if (p < last && TComparison.Within(TMetric.Distance(v, Unsafe.Add(ref values, p + 1)), r))
        {
            int inside = p + 1, step = 1;
            while (step <= last - inside && TComparison.Within(TMetric.Distance(v, Unsafe.Add(ref values, inside + step)), r))
            {
                inside += step;
                step = Doubled(step);
            }

            // The run ends in [inside, inside + width − 1].
            int width = step <= last - inside ? step : last - inside + 1;
            while (width > 1)
            {
                int half = width >> 1;
                inside += half & -Bit(TComparison.Within(TMetric.Distance(v, Unsafe.Add(ref values, inside + half)), r));
                width -= half;
            }

            high = inside;
        }

        // Positions [low, high] pass the test, p itself aside.
        return high - low;
    }

    /// <summary>
    /// The k nearest points to the value <paramref name="v"/> among positions ≤ <paramref name="left"/> and
    /// ≥ <paramref name="right"/>, in (distance, index) order.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Nearest<TMetric>(double v, int left, int right, Span<double> bestDistance, Span<int> bestIndex)
        where TMetric : struct, IDistanceKernel
    {
        int k = bestDistance.Length;
        int n = _values.Length;
        ReadOnlySpan<double> values = _values;

        // 1. The k-th smallest distance D, by merging the two non-decreasing sequences of distances.
        //    Afterwards positions (l, left] and [right, r) are taken, and every other point is at least D away.
        int l = left, r = right;
        bool hasLeft = l >= 0, hasRight = r < n;
        double toLeft = hasLeft ? TMetric.Distance(v, values[l]) : 0;
        double toRight = hasRight ? TMetric.Distance(v, values[r]) : 0;
        double kth = 0;
        for (int t = 0; t < k; t++)
        {
            if (hasLeft && (!hasRight || toLeft <= toRight))
            {
                kth = toLeft;
                hasLeft = --l >= 0;
                if (hasLeft)
                {
                    toLeft = TMetric.Distance(v, values[l]);
                }
            }
            else
            {
                kth = toRight;
                hasRight = ++r < n;
                if (hasRight)
                {
                    toRight = TMetric.Distance(v, values[r]);
                }
            }
        }

        // 2. Of the taken points, those at exactly D are the outermost ones: positions (l, innerLeft] and
        //    [innerRight, r). The rest, strictly closer than D, are neighbours whatever their index.
        int innerLeft = l;
        while (innerLeft < left && TMetric.Distance(v, values[innerLeft + 1]) == kth)
        {
            innerLeft++;
        }

        int innerRight = r;
        while (innerRight > right && TMetric.Distance(v, values[innerRight - 1]) == kth)
        {
            innerRight--;
        }

        int filled = 0;
        for (int p = left; p > innerLeft; p--)
        {
            NeighborList.Offer(bestDistance, bestIndex, ref filled, TMetric.Distance(v, values[p]), _index[p]);
        }

        for (int p = right; p < innerRight; p++)
        {
            NeighborList.Offer(bestDistance, bestIndex, ref filled, TMetric.Distance(v, values[p]), _index[p]);
        }

        // 3. The remaining places go to the lowest indices among all points at exactly D: positions
        //    [outerLeft, innerLeft] and [innerRight, outerRight], which may reach past where the merge stopped.
        int outerLeft = hasLeft && toLeft == kth ? RunStart<TMetric>(v, kth, l) : l + 1;
        int outerRight = hasRight && toRight == kth ? RunEnd<TMetric>(v, kth, r) : r - 1;
        Span<double> tiedDistance = bestDistance[filled..];
        Span<int> tiedIndex = bestIndex[filled..];
        int taken = 0;
        OfferTied(outerLeft, innerLeft, tiedDistance, tiedIndex, ref taken);
        OfferTied(innerRight, outerRight, tiedDistance, tiedIndex, ref taken);
        tiedDistance.Fill(kth);
    }

    /// <summary>
    /// Offers, by index alone, the points at positions [from, to] (all at one distance) to a list with
    /// <c>indices.Length</c> places, using <paramref name="scratch"/> as its distances. Within a run of equal values
    /// the indices increase, so only the first places' worth of each run can enter.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void OfferTied(int from, int to, Span<double> scratch, Span<int> indices, ref int taken)
    {
        int need = indices.Length;
        int p = from;
        while (p <= to)
        {
            int runEnd = EqualRunEnd(p, to);
            int last = Math.Min(runEnd, p + need - 1);
            for (int q = p; q <= last; q++)
            {
                NeighborList.Offer(scratch, indices, ref taken, 0, _index[q]);
            }

            p = runEnd + 1;
        }
    }

    /// <summary>The last position in [from, to] holding the value at <paramref name="from"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int EqualRunEnd(int from, int to)
    {
        double value = _values[from];
        int inside = from, step = 1;
        while (step <= to - inside && _values[inside + step] == value)
        {
            inside += step;
            step = Doubled(step);
        }

        int outside = step <= to - inside ? inside + step : to + 1;
        while (outside - inside > 1)
        {
            int middle = inside + ((outside - inside) / 2);
            if (_values[middle] == value)
            {
                inside = middle;
            }
            else
            {
                outside = middle;
            }
        }

        return inside;
    }

    /// <summary>The smallest position p ≤ <paramref name="from"/> with every point in [p, from] at distance <paramref name="d"/> from <paramref name="v"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int RunStart<TMetric>(double v, double d, int from)
        where TMetric : struct, IDistanceKernel
    {
        int inside = from, step = 1;
        while (step <= inside && TMetric.Distance(v, _values[inside - step]) == d)
        {
            inside -= step;
            step = Doubled(step);
        }

        int outside = step <= inside ? inside - step : -1;
        while (inside - outside > 1)
        {
            int middle = outside + ((inside - outside) / 2);
            if (TMetric.Distance(v, _values[middle]) == d)
            {
                inside = middle;
            }
            else
            {
                outside = middle;
            }
        }

        return inside;
    }

    /// <summary>The largest position p ≥ <paramref name="from"/> with every point in [from, p] at distance <paramref name="d"/> from <paramref name="v"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int RunEnd<TMetric>(double v, double d, int from)
        where TMetric : struct, IDistanceKernel
    {
        int last = _values.Length - 1;
        int inside = from, step = 1;
        while (step <= last - inside && TMetric.Distance(v, _values[inside + step]) == d)
        {
            inside += step;
            step = Doubled(step);
        }

        int outside = step <= last - inside ? inside + step : last + 1;
        while (outside - inside > 1)
        {
            int middle = inside + ((outside - inside) / 2);
            if (TMetric.Distance(v, _values[middle]) == d)
            {
                inside = middle;
            }
            else
            {
                outside = middle;
            }
        }

        return inside;
    }

    /// <summary>1 for true, 0 for false, without a branch (a compare and a set), for bisections whose probes are unpredictable.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Bit(bool value) => Unsafe.As<bool, byte>(ref value);

    /// <summary>The next galloping step, saturating rather than overflowing.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Doubled(int step) => step <= int.MaxValue / 2 ? step * 2 : int.MaxValue;

    /// <summary>The first position whose value is ≥ <paramref name="q"/> (n if none).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int LowerBound(double q)
    {
        int lo = 0, hi = _values.Length;
        while (lo < hi)
        {
            int middle = lo + ((hi - lo) / 2);
            if (_values[middle] < q)
            {
                lo = middle + 1;
            }
            else
            {
                hi = middle;
            }
        }

        return lo;
    }

    /// <summary>
    /// An unsigned key whose order is the numeric order of finite doubles, with −0 and +0 mapped to one key so that
    /// equal values stay in index order (the sorts are stable).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong SortKey(double value)
    {
        ulong bits = BitConverter.DoubleToUInt64Bits(value + 0.0);
        return (bits & SignBit) != 0 ? ~bits : bits | SignBit;
    }

    private const ulong SignBit = 0x8000_0000_0000_0000UL;

    /// <summary>
    /// Stable least-significant-digit radix sort on bytes (eight passes, all histograms in one read, passes on a
    /// byte every key shares skipped), carrying the indices along, with buffers of the same lengths; since the indices start in order, equal keys end
    /// in index order. Bytes rather than wider digits: 256 buckets keep the scatter's write streams few (measured
    /// faster at a million keys).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void RadixSort(Span<ulong> keys, Span<int> index, Span<ulong> keyBuffer, Span<int> indexBuffer)
    {
        const int Bits = 8;
        const int Buckets = 1 << Bits;
        const int Passes = (64 + Bits - 1) / Bits;
        int n = keys.Length;
        int[] histogram = new int[Passes * Buckets];
        foreach (ulong key in keys)
        {
            for (int pass = 0; pass < Passes; pass++)
            {
                histogram[(pass * Buckets) + (int)((key >> (pass * Bits)) & (Buckets - 1))]++;
            }
        }

        Span<ulong> sourceKeys = keys, targetKeys = keyBuffer;
        Span<int> sourceIndex = index, targetIndex = indexBuffer;
        bool inBuffers = false;
        for (int pass = 0; pass < Passes; pass++)
        {
            Span<int> counts = histogram.AsSpan(pass * Buckets, Buckets);

            // A digit that every key shares leaves the order as it is.
            if (counts[(int)((sourceKeys[0] >> (pass * Bits)) & (Buckets - 1))] == n)
            {
                continue;
            }

            int sum = 0;
            for (int b = 0; b < Buckets; b++)
            {
                int c = counts[b];
                counts[b] = sum;
                sum += c;
            }

            ref int offsets = ref MemoryMarshal.GetReference(counts);
            ref ulong from = ref MemoryMarshal.GetReference(sourceKeys);
            ref int fromIndex = ref MemoryMarshal.GetReference(sourceIndex);
            ref ulong to = ref MemoryMarshal.GetReference(targetKeys);
            ref int toIndex = ref MemoryMarshal.GetReference(targetIndex);
            for (int i = 0; i < n; i++)
            {
                ulong key = Unsafe.Add(ref from, i);
                int at = Unsafe.Add(ref offsets, (int)((key >> (pass * Bits)) & (Buckets - 1)))++;
                Unsafe.Add(ref to, at) = key;
                Unsafe.Add(ref toIndex, at) = Unsafe.Add(ref fromIndex, i);
            }

            Span<ulong> swapKeys = sourceKeys;
            sourceKeys = targetKeys;
            targetKeys = swapKeys;
            Span<int> swapIndex = sourceIndex;
            sourceIndex = targetIndex;
            targetIndex = swapIndex;
            inBuffers = !inBuffers;
        }

        if (inBuffers)
        {
            sourceKeys.CopyTo(keys);
            sourceIndex.CopyTo(index);
        }
    }
}
