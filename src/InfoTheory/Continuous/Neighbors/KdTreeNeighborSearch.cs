using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace InfoTheory.Continuous.Neighbors;

/// <summary>
/// A k-d tree (Bentley 1975; Friedman, Bentley &amp; Finkel 1977) over a permuted copy of the points, stored row by row
/// in tree order so that every node owns one contiguous range of rows.
/// </summary>
/// <remarks>
/// <para>
/// Shape: a complete binary tree, stored implicitly (children of node v are 2v + 1 and 2v + 2), whose leaves all lie at
/// one depth and hold at most <see cref="DefaultLeafSize"/> points. Each node splits its range at the middle position
/// along the column of largest spread, found by quickselect, so the build is O(n log n) time and the tree O(n/leaf)
/// nodes. Each node stores the tight bounding box of its points; its point count is the length of its range.
/// </para>
/// <para>
/// Exactness: pruning uses the box bounds, final decisions use the canonical distance. The bounds are computed with
/// the canonical formula on per-column differences to the box faces; since rounding is monotone, the lower bound
/// never exceeds and the upper bound is never below the canonical distance of any point in the box, so a box is
/// pruned, or counted whole, only when every one of its points would have been.
/// </para>
/// </remarks>
internal sealed class KdTreeNeighborSearch : NeighborSearch
{
    /// <summary>The largest number of points in a leaf unless the constructor is told otherwise.</summary>
    public const int DefaultLeafSize = 16;

    private readonly int _dimension;
    private readonly int _depth;
    private readonly int _firstLeaf;
    private readonly double[] _points;
    private readonly int[] _index;
    private readonly int[] _start;
    private readonly int[] _end;
    private readonly double[] _boxes;

    /// <summary>Builds the tree.</summary>
    /// <param name="points">The points to index.</param>
    /// <param name="metric">The distance.</param>
    /// <param name="leafSize">The most points a leaf may hold, at least 2.</param>
    public KdTreeNeighborSearch(SampleMatrix points, NeighborMetric metric, int leafSize = DefaultLeafSize)
        : base(points, metric)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(leafSize, 2);
        int n = points.Rows;
        int d = points.Columns;
        _dimension = d;
        int depth = 0;

        // The smallest depth whose leaves, cut by halving, hold at most leafSize points: ⌈n / 2^depth⌉ ≤ leafSize.
        // As leafSize ≥ 2 no leaf is empty.
        while (((long)n + (1L << depth) - 1) >> depth > leafSize)
        {
            depth++;
        }

        _depth = depth;
        _firstLeaf = (1 << depth) - 1;
        int nodes = (2 << depth) - 1;
        _points = points.Data.ToArray();
        _index = new int[n];
        for (int i = 0; i < n; i++)
        {
            _index[i] = i;
        }

        _start = new int[nodes];
        _end = new int[nodes];
        _boxes = new double[(long)nodes * 2 * d];
        Build(0, 0, n, 0, new double[d]);
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

            // Queries run in tree order, so consecutive queries touch the same leaves.
            ForEachRange(Count, maxDegreeOfParallelism, (start, end) =>
            {
                Span<int> stack = stackalloc int[_depth + 2];
                Span<double> stackBound = stackalloc double[_depth + 2];
                for (int p = start; p < end; p++)
                {
                    int i = _index[p];
                    var bestIndex = new Span<int>(allNeighbors + ((long)i * k), k);
                    var bestDistance = new Span<double>(allDistances + ((long)i * k), k);
                    Search<TMetric>(ref _points[p * _dimension], p, bestDistance, bestIndex, stack, stackBound);
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
            ForEachRange(queries.Rows, maxDegreeOfParallelism, (start, end) =>
            {
                Span<int> stack = stackalloc int[_depth + 2];
                Span<double> stackBound = stackalloc double[_depth + 2];
                ReadOnlySpan<double> all = queryData.Span;
                for (int i = start; i < end; i++)
                {
                    var bestIndex = new Span<int>(allNeighbors + ((long)i * k), k);
                    var bestDistance = new Span<double>(allDistances + ((long)i * k), k);
                    Search<TMetric>(ref MemoryMarshal.GetReference(all.Slice(i * _dimension, _dimension)), -1, bestDistance, bestIndex, stack, stackBound);
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
            ForEachRange(Count, maxDegreeOfParallelism, (start, end) =>
            {
                Span<int> stack = stackalloc int[_depth + 2];
                for (int p = start; p < end; p++)
                {
                    int i = _index[p];
                    double r = allRadii[i];
                    int c = inclusive
                        ? CountBall<TMetric, Inclusive>(ref _points[p * _dimension], r, stack)
                        : CountBall<TMetric, Strict>(ref _points[p * _dimension], r, stack);
                    allCounts[i] = CountsSelf(r, inclusive) ? c - 1 : c;
                }
            });
        }
    }

    /// <summary>
    /// The k nearest points to <paramref name="query"/>, leaving out the point at position <paramref name="self"/>
    /// (−1: none), into the (distance, index)-ordered list.
    /// </summary>
    private void Search<TMetric>(ref double query, int self, Span<double> bestDistance, Span<int> bestIndex, Span<int> stack, Span<double> stackBound)
        where TMetric : struct, IDistanceKernel
    {
        int k = bestDistance.Length;
        int filled = 0;
        int ownLeaf = -1;
        if (self >= 0)
        {
            // The query's own leaf first: its points are the likeliest neighbours and give a tight bound at once.
            ownLeaf = LeafOf(self);
            ScanLeaf<TMetric>(ref query, ownLeaf, self, bestDistance, bestIndex, ref filled);
        }

        int top = 0;
        stack[0] = 0;
        stackBound[0] = 0;
        top++;
        while (top > 0)
        {
            top--;
            int node = stack[top];

            // The bound may have tightened since the node was pushed. A box at exactly the worst distance may still
            // hold a point of lower index at that distance, so only a strictly farther box is skipped.
            if (filled == k && stackBound[top] > bestDistance[k - 1])
            {
                continue;
            }

            if (node >= _firstLeaf)
            {
                if (node != ownLeaf)
                {
                    ScanLeaf<TMetric>(ref query, node, -1, bestDistance, bestIndex, ref filled);
                }

                continue;
            }

            int left = (2 * node) + 1;
            int right = left + 1;
            double leftBound = LowerBound<TMetric>(ref query, left);
            double rightBound = LowerBound<TMetric>(ref query, right);

            double worst = filled < k ? double.PositiveInfinity : bestDistance[k - 1];
            bool visitLeft = filled < k || leftBound <= worst;
            bool visitRight = filled < k || rightBound <= worst;

            // Push the farther child first so the nearer one is searched first and tightens the bound.
            if (leftBound <= rightBound)
            {
                if (visitRight)
                {
                    stack[top] = right;
                    stackBound[top++] = rightBound;
                }

                if (visitLeft)
                {
                    stack[top] = left;
                    stackBound[top++] = leftBound;
                }
            }
            else
            {
                if (visitLeft)
                {
                    stack[top] = left;
                    stackBound[top++] = leftBound;
                }

                if (visitRight)
                {
                    stack[top] = right;
                    stackBound[top++] = rightBound;
                }
            }
        }
    }

    /// <summary>Offers the points of one leaf, except position <paramref name="skip"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void ScanLeaf<TMetric>(ref double query, int leaf, int skip, Span<double> bestDistance, Span<int> bestIndex, ref int filled)
        where TMetric : struct, IDistanceKernel
    {
        int k = bestDistance.Length;
        int d = _dimension;
        int end = _end[leaf];
        ref double points = ref MemoryMarshal.GetArrayDataReference(_points);
        for (int p = _start[leaf]; p < end; p++)
        {
            if (p == skip)
            {
                continue;
            }

            double distance = TMetric.Distance(ref query, ref Unsafe.Add(ref points, p * d), d);
            if (filled < k || distance <= bestDistance[k - 1])
            {
                NeighborList.Offer(bestDistance, bestIndex, ref filled, distance, _index[p]);
            }
        }
    }

    /// <summary>The number of points p (the query's own point included) with distance(query, p) &lt; r, or ≤ r.</summary>
    private int CountBall<TMetric, TComparison>(ref double query, double r, Span<int> stack)
        where TMetric : struct, IDistanceKernel
        where TComparison : struct, IRangeComparison
    {
        // A negative or NaN radius admits no distance (all are ≥ 0); checking first keeps the descent bounded.
        if (!(r >= 0))
        {
            return 0;
        }

        int d = _dimension;
        ref double points = ref MemoryMarshal.GetArrayDataReference(_points);
        int total = 0;
        int top = 0;
        stack[top++] = 0;
        while (top > 0)
        {
            int node = stack[--top];
            Bounds<TMetric>(ref query, node, out double lower, out double upper);
            if (!TComparison.Within(lower, r))
            {
                continue;
            }

            if (TComparison.Within(upper, r))
            {
                total += _end[node] - _start[node];
                continue;
            }

            if (node >= _firstLeaf)
            {
                int end = _end[node];
                for (int p = _start[node]; p < end; p++)
                {
                    if (TComparison.Within(TMetric.Distance(ref query, ref Unsafe.Add(ref points, p * d), d), r))
                    {
                        total++;
                    }
                }

                continue;
            }

            stack[top++] = (2 * node) + 2;
            stack[top++] = (2 * node) + 1;
        }

        return total;
    }

    /// <summary>A lower bound on the canonical distance from <paramref name="query"/> to any point of the node.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private double LowerBound<TMetric>(ref double query, int node)
        where TMetric : struct, IDistanceKernel
    {
        int d = _dimension;
        ref double low = ref _boxes[(long)node * 2 * d];
        ref double high = ref Unsafe.Add(ref low, d);
        double accumulator = 0;
        for (int j = 0; j < d; j++)
        {
            double x = Unsafe.Add(ref query, j);
            double lo = Unsafe.Add(ref low, j);
            double hi = Unsafe.Add(ref high, j);
            double t = x < lo ? lo - x : x > hi ? x - hi : 0;
            accumulator = TMetric.Accumulate(accumulator, t);
        }

        return TMetric.Finish(accumulator);
    }

    /// <summary>Lower and upper bounds on the canonical distance from <paramref name="query"/> to the points of the node.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Bounds<TMetric>(ref double query, int node, out double lower, out double upper)
        where TMetric : struct, IDistanceKernel
    {
        int d = _dimension;
        ref double low = ref _boxes[(long)node * 2 * d];
        ref double high = ref Unsafe.Add(ref low, d);
        double near = 0, far = 0;
        for (int j = 0; j < d; j++)
        {
            double x = Unsafe.Add(ref query, j);
            double lo = Unsafe.Add(ref low, j);
            double hi = Unsafe.Add(ref high, j);
            double toLow = Math.Abs(x - lo);
            double toHigh = Math.Abs(x - hi);
            double t = x < lo ? toLow : x > hi ? toHigh : 0;
            near = TMetric.Accumulate(near, t);
            far = TMetric.Accumulate(far, Math.Max(toLow, toHigh));
        }

        lower = TMetric.Finish(near);
        upper = TMetric.Finish(far);
    }

    /// <summary>The leaf whose range holds position <paramref name="position"/>.</summary>
    private int LeafOf(int position)
    {
        int node = 0;
        while (node < _firstLeaf)
        {
            int left = (2 * node) + 1;
            node = position < _end[left] ? left : left + 1;
        }

        return node;
    }

    /// <summary>Records the range and box of a node and splits it, recursively.</summary>
    private void Build(int node, int start, int end, int level, double[] scratchRow)
    {
        _start[node] = start;
        _end[node] = end;
        int d = _dimension;
        Span<double> low = _boxes.AsSpan((int)((long)node * 2 * d), d);
        Span<double> high = _boxes.AsSpan((int)(((long)node * 2 * d) + d), d);
        _points.AsSpan(start * d, d).CopyTo(low);
        _points.AsSpan(start * d, d).CopyTo(high);
        for (int p = start + 1; p < end; p++)
        {
            ReadOnlySpan<double> row = _points.AsSpan(p * d, d);
            for (int j = 0; j < d; j++)
            {
                low[j] = Math.Min(low[j], row[j]);
                high[j] = Math.Max(high[j], row[j]);
            }
        }

        if (level == _depth)
        {
            return;
        }

        int column = 0;
        double spread = high[0] - low[0];
        for (int j = 1; j < d; j++)
        {
            if (high[j] - low[j] > spread)
            {
                spread = high[j] - low[j];
                column = j;
            }
        }

        int middle = start + ((end - start) / 2);
        if (spread > 0)
        {
            Select(start, end, middle, column, scratchRow);
        }

        Build((2 * node) + 1, start, middle, level + 1, scratchRow);
        Build((2 * node) + 2, middle, end, level + 1, scratchRow);
    }

    /// <summary>
    /// Reorders rows [start, end) so that the row at <paramref name="nth"/> has the value it would have if sorted by
    /// <paramref name="column"/>, no row before it is greater and no row after it is smaller (Hoare's quickselect with
    /// a median-of-three pivot, falling back to a full sort if the partitions keep coming out lopsided).
    /// </summary>
    private void Select(int start, int end, int nth, int column, double[] scratchRow)
    {
        int lo = start, hi = end - 1;
        int budget = (2 * BitOperations.Log2((uint)(end - start))) + 8;
        while (hi - lo > 16)
        {
            if (budget-- == 0)
            {
                SortRows(lo, hi + 1, column);
                return;
            }

            int mid = lo + ((hi - lo) / 2);
            double a = Key(lo, column), b = Key(mid, column), c = Key(hi, column);
            double pivot = Math.Max(Math.Min(a, b), Math.Min(Math.Max(a, b), c));
            int i = lo, j = hi;
            while (i <= j)
            {
                while (Key(i, column) < pivot)
                {
                    i++;
                }

                while (Key(j, column) > pivot)
                {
                    j--;
                }

                if (i <= j)
                {
                    SwapRows(i, j, scratchRow);
                    i++;
                    j--;
                }
            }

            // Now rows [lo, j] are ≤ pivot, rows [i, hi] ≥ pivot, and rows strictly between equal the pivot.
            if (nth <= j)
            {
                hi = j;
            }
            else if (nth >= i)
            {
                lo = i;
            }
            else
            {
                return;
            }
        }

        // Short ranges: insertion sort by the key.
        for (int p = lo + 1; p <= hi; p++)
        {
            for (int q = p; q > lo && Key(q - 1, column) > Key(q, column); q--)
            {
                SwapRows(q - 1, q, scratchRow);
            }
        }
    }

    /// <summary>Sorts rows [start, end) by one column (the quickselect's fallback, O(m log m)).</summary>
    private void SortRows(int start, int end, int column)
    {
        int d = _dimension;
        int m = end - start;
        double[] keys = new double[m];
        int[] order = new int[m];
        for (int p = 0; p < m; p++)
        {
            keys[p] = Key(start + p, column);
            order[p] = start + p;
        }

        Array.Sort(keys, order);
        double[] rows = new double[m * d];
        int[] indices = new int[m];
        for (int p = 0; p < m; p++)
        {
            _points.AsSpan(order[p] * d, d).CopyTo(rows.AsSpan(p * d, d));
            indices[p] = _index[order[p]];
        }

        rows.CopyTo(_points.AsSpan(start * d, m * d));
        indices.CopyTo(_index.AsSpan(start, m));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private double Key(int position, int column) => _points[(position * _dimension) + column];

    private void SwapRows(int a, int b, double[] scratchRow)
    {
        int d = _dimension;
        Span<double> x = _points.AsSpan(a * d, d);
        Span<double> y = _points.AsSpan(b * d, d);
        x.CopyTo(scratchRow);
        y.CopyTo(x);
        scratchRow.AsSpan(0, d).CopyTo(y);
        (_index[a], _index[b]) = (_index[b], _index[a]);
    }
}
