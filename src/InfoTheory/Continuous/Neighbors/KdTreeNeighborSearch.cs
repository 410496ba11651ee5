using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace InfoTheory.Continuous.Neighbors;

/// <summary>
/// A k-d tree (Bentley 1975; Friedman, Bentley &amp; Finkel 1977) over a copy of the points in tree order, so that
/// every node owns one contiguous range of positions, stored leaf by leaf and column by column within a leaf so that
/// a leaf is scanned a vector of points at a time.
/// </summary>
/// <remarks>
/// <para>
/// Shape: a complete binary tree, stored implicitly (children of node v are 2v + 1 and 2v + 2), whose leaves all lie at
/// one depth and hold at most <see cref="DefaultLeafSize"/> points. Each node splits its range at the middle position
/// along the column of largest spread, found by quickselect, so the build is O(n log n) time and the tree O(n/leaf)
/// nodes. Each node stores the tight bounding box of its points, its cell (the region its ancestors' splits assign
/// to it) and, as the length of its range, its point count.
/// </para>
/// <para>
/// Queries start at a leaf (the query's own leaf for self-queries, otherwise the leaf its coordinates descend to)
/// and climb: at each ancestor the sibling subtree is searched unless its box is out of reach, and the climb stops as
/// soon as the ball around the query lies inside the current node's cell, since no point outside it can then be
/// reached. A range count adds a whole node's count when its box lies inside the ball and skips it when the box lies
/// outside. Self-queries run in tree order, so consecutive queries touch the same leaves; answers are scattered to
/// the original row order per block of queries.
/// </para>
/// <para>
/// Exactness: pruning uses bounds, final decisions use the canonical distance. Bounds are computed with the canonical
/// formula on per-column differences to the box or cell faces; since rounding is monotone, the lower bound never
/// exceeds and the upper bound is never below the canonical distance of any point concerned, so a node is pruned,
/// counted whole or left behind only when every one of its points would have been.
/// </para>
/// </remarks>
internal sealed class KdTreeNeighborSearch : NeighborSearch
{
    /// <summary>The largest number of points in a leaf unless the constructor is told otherwise.</summary>
    /// <remarks>
    /// Leaves then hold 32 to 64 points. With leaves scanned a vector at a time, large leaves cost little and save
    /// levels to climb and boxes to test. Measured at n = 10⁵ (n = 3·10⁴ for d ≥ 8), build + k-NN + counts, ms for
    /// leaf sizes 16 / 32 / 64 / 128: d = 2: 47 / 51 / 47 / 53; d = 3: 86 / 81 / 78 / –; d = 5: 302 / 258 / 236 / –;
    /// d = 8: 302 / 248 / 225 / 222; d = 10: 586 / 486 / 476 / 505.
    /// </remarks>
    public const int DefaultLeafSize = 64;

    private readonly int _dimension;
    private readonly int _depth;
    private readonly int _firstLeaf;

    /// <summary>Slots per leaf: the leaf size rounded up to whole vectors of the widest width.</summary>
    private readonly int _leafCapacity;

    /// <summary>The lanes per vector of the distance kernels.</summary>
    private readonly int _width;

    /// <summary>
    /// The points in tree order, leaf by leaf, each leaf column by column: coordinate j of the t-th point of leaf l
    /// is at ((l·d + j)·capacity + t). A vector load then reads one coordinate of consecutive points of a leaf.
    /// </summary>
    private readonly double[] _leaves;

    /// <summary>The original row of the point at each position.</summary>
    private readonly int[] _index;

    /// <summary>Per node: its range of positions is [_start, _end).</summary>
    private readonly int[] _start;
    private readonly int[] _end;

    /// <summary>Per node: the tight box of its points, d lower then d upper bounds.</summary>
    private readonly double[] _boxes;

    /// <summary>Per node: its cell, d lower then d upper bounds (±∞ where no ancestor split that column).</summary>
    private readonly double[] _cells;

    /// <summary>Per internal node: the split column and value (left rows ≤ value ≤ right rows in that column).</summary>
    private readonly int[] _splitColumn;
    private readonly double[] _splitValue;

    /// <summary>Builds the tree.</summary>
    /// <param name="points">The points to index.</param>
    /// <param name="metric">The distance.</param>
    /// <param name="leafSize">The most points a leaf may hold, at least 2.</param>
    /// <param name="laneCount">Lanes per vector for the leaf scans: 8, 4 or 2; 0 picks the widest accelerated width.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public KdTreeNeighborSearch(SampleMatrix points, NeighborMetric metric, int leafSize = DefaultLeafSize, int laneCount = 0)
        : base(points, metric)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(leafSize, 2);
        _width = VectorizedBruteForceNeighborSearch.LaneCount(laneCount);
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
        _start = new int[nodes];
        _end = new int[nodes];
        _boxes = new double[(long)nodes * 2 * d];
        _cells = new double[(long)nodes * 2 * d];
        _splitColumn = new int[_firstLeaf];
        _splitValue = new double[_firstLeaf];
        _index = new int[n];
        for (int i = 0; i < n; i++)
        {
            _index[i] = i;
        }

        // Build on a column-major copy: a split then selects within one contiguous column and box bounds are
        // vectorised reductions; the leaf-blocked copy is written once at the end. Build scratch comes from the
        // shared pool (DESIGN §4) and goes back at the end.
        double[] columns = ArrayPool<double>.Shared.Rent(n * d);
        ReadOnlySpan<double> data = points.Data.Span;
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < d; j++)
            {
                columns[(j * n) + i] = data[(i * d) + j];
            }
        }

        _cells.AsSpan(0, d).Fill(double.NegativeInfinity);
        _cells.AsSpan(d, d).Fill(double.PositiveInfinity);
        var buffers = new BuildBuffers(columns, n);
        Build(buffers, 0, 0, n, 0);

        _leafCapacity = (leafSize + 7) & ~7;
        int leaves = nodes - _firstLeaf;
        _leaves = new double[(long)leaves * d * _leafCapacity];
        for (int leaf = 0; leaf < leaves; leaf++)
        {
            int start = _start[_firstLeaf + leaf], length = _end[_firstLeaf + leaf] - start;
            for (int j = 0; j < d; j++)
            {
                columns.AsSpan((j * n) + start, length).CopyTo(_leaves.AsSpan(((leaf * d) + j) * _leafCapacity, length));
            }
        }

        buffers.Return();
    }

    /// <inheritdoc/>
    public override void KNearest(int k, Span<int> neighbors, Span<double> distances, int maxDegreeOfParallelism)
    {
        CheckK(k, self: true);
        CheckKNearestOutputs(Count, k, neighbors, distances);
        switch ((Metric, _width))
        {
            case (NeighborMetric.Maximum, 8): SelfKNearest<MaximumDistance, Lanes512>(k, neighbors, distances, maxDegreeOfParallelism); break;
            case (NeighborMetric.Maximum, 4): SelfKNearest<MaximumDistance, Lanes256>(k, neighbors, distances, maxDegreeOfParallelism); break;
            case (NeighborMetric.Maximum, _): SelfKNearest<MaximumDistance, Lanes128>(k, neighbors, distances, maxDegreeOfParallelism); break;
            case (_, 8): SelfKNearest<EuclideanDistance, Lanes512>(k, neighbors, distances, maxDegreeOfParallelism); break;
            case (_, 4): SelfKNearest<EuclideanDistance, Lanes256>(k, neighbors, distances, maxDegreeOfParallelism); break;
            default: SelfKNearest<EuclideanDistance, Lanes128>(k, neighbors, distances, maxDegreeOfParallelism); break;
        }
    }

    /// <inheritdoc/>
    public override void KNearest(SampleMatrix queries, int k, Span<int> neighbors, Span<double> distances, int maxDegreeOfParallelism)
    {
        CheckQueries(queries);
        CheckK(k, self: false);
        CheckKNearestOutputs(queries.Rows, k, neighbors, distances);
        switch ((Metric, _width))
        {
            case (NeighborMetric.Maximum, 8): ExternalKNearest<MaximumDistance, Lanes512>(queries, k, neighbors, distances, maxDegreeOfParallelism); break;
            case (NeighborMetric.Maximum, 4): ExternalKNearest<MaximumDistance, Lanes256>(queries, k, neighbors, distances, maxDegreeOfParallelism); break;
            case (NeighborMetric.Maximum, _): ExternalKNearest<MaximumDistance, Lanes128>(queries, k, neighbors, distances, maxDegreeOfParallelism); break;
            case (_, 8): ExternalKNearest<EuclideanDistance, Lanes512>(queries, k, neighbors, distances, maxDegreeOfParallelism); break;
            case (_, 4): ExternalKNearest<EuclideanDistance, Lanes256>(queries, k, neighbors, distances, maxDegreeOfParallelism); break;
            default: ExternalKNearest<EuclideanDistance, Lanes128>(queries, k, neighbors, distances, maxDegreeOfParallelism); break;
        }
    }

    /// <inheritdoc/>
    public override void CountWithin(ReadOnlySpan<double> radii, bool inclusive, Span<int> counts, int maxDegreeOfParallelism)
    {
        CheckCountArguments(radii, counts);
        switch ((Metric, inclusive, _width))
        {
            case (NeighborMetric.Maximum, false, 8): CountAll<MaximumDistance, Strict, Lanes512>(radii, counts, maxDegreeOfParallelism); break;
            case (NeighborMetric.Maximum, false, 4): CountAll<MaximumDistance, Strict, Lanes256>(radii, counts, maxDegreeOfParallelism); break;
            case (NeighborMetric.Maximum, false, _): CountAll<MaximumDistance, Strict, Lanes128>(radii, counts, maxDegreeOfParallelism); break;
            case (NeighborMetric.Maximum, true, 8): CountAll<MaximumDistance, Inclusive, Lanes512>(radii, counts, maxDegreeOfParallelism); break;
            case (NeighborMetric.Maximum, true, 4): CountAll<MaximumDistance, Inclusive, Lanes256>(radii, counts, maxDegreeOfParallelism); break;
            case (NeighborMetric.Maximum, true, _): CountAll<MaximumDistance, Inclusive, Lanes128>(radii, counts, maxDegreeOfParallelism); break;
            case (_, false, 8): CountAll<EuclideanDistance, Strict, Lanes512>(radii, counts, maxDegreeOfParallelism); break;
            case (_, false, 4): CountAll<EuclideanDistance, Strict, Lanes256>(radii, counts, maxDegreeOfParallelism); break;
            case (_, false, _): CountAll<EuclideanDistance, Strict, Lanes128>(radii, counts, maxDegreeOfParallelism); break;
            case (_, true, 8): CountAll<EuclideanDistance, Inclusive, Lanes512>(radii, counts, maxDegreeOfParallelism); break;
            case (_, true, 4): CountAll<EuclideanDistance, Inclusive, Lanes256>(radii, counts, maxDegreeOfParallelism); break;
            default: CountAll<EuclideanDistance, Inclusive, Lanes128>(radii, counts, maxDegreeOfParallelism); break;
        }
    }

    private unsafe void SelfKNearest<TMetric, TLanes>(int k, Span<int> neighbors, Span<double> distances, int maxDegreeOfParallelism)
        where TMetric : struct, IDistanceKernel
        where TLanes : struct, IDistanceLanes<TLanes>
    {
        fixed (int* neighborsPointer = neighbors)
        fixed (double* distancesPointer = distances)
        {
            int* allNeighbors = neighborsPointer;
            double* allDistances = distancesPointer;
            ForEachRange(Count, maxDegreeOfParallelism, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (start, end) =>
            {
                var scratch = new Scratch(_depth, _dimension, TLanes.Count);
                int length = (end - start) * k;
                int[] localIndex = ArrayPool<int>.Shared.Rent(length);
                double[] localDistance = ArrayPool<double>.Shared.Rent(length);
                int leaf = LeafOfPosition(start);
                for (int p = start; p < end; p++)
                {
                    while (p >= _end[leaf])
                    {
                        leaf++;
                    }

                    LoadPoint(leaf, p, scratch.Query);
                    int at = (p - start) * k;
                    SearchFrom<TMetric, TLanes>(ref scratch.Query[0], leaf, p, localDistance.AsSpan(at, k), localIndex.AsSpan(at, k), scratch);
                }

                // Answers were found in tree order; scatter them to the rows they belong to.
                for (int p = start; p < end; p++)
                {
                    long to = (long)_index[p] * k;
                    int from = (p - start) * k;
                    for (int t = 0; t < k; t++)
                    {
                        allNeighbors[to + t] = localIndex[from + t];
                        allDistances[to + t] = localDistance[from + t];
                    }
                }

                ArrayPool<int>.Shared.Return(localIndex);
                ArrayPool<double>.Shared.Return(localDistance);
            });
        }
    }

    private unsafe void ExternalKNearest<TMetric, TLanes>(SampleMatrix queries, int k, Span<int> neighbors, Span<double> distances, int maxDegreeOfParallelism)
        where TMetric : struct, IDistanceKernel
        where TLanes : struct, IDistanceLanes<TLanes>
    {
        ReadOnlyMemory<double> queryData = queries.Data;
        fixed (int* neighborsPointer = neighbors)
        fixed (double* distancesPointer = distances)
        {
            int* allNeighbors = neighborsPointer;
            double* allDistances = distancesPointer;
            ForEachRange(queries.Rows, maxDegreeOfParallelism, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (start, end) =>
            {
                var scratch = new Scratch(_depth, _dimension, TLanes.Count);
                ReadOnlySpan<double> all = queryData.Span;
                for (int i = start; i < end; i++)
                {
                    ref double query = ref MemoryMarshal.GetReference(all.Slice(i * _dimension, _dimension));
                    SearchFrom<TMetric, TLanes>(ref query, LeafOfPoint(ref query), -1,
                        new Span<double>(allDistances + ((long)i * k), k), new Span<int>(allNeighbors + ((long)i * k), k), scratch);
                }
            });
        }
    }

    private unsafe void CountAll<TMetric, TComparison, TLanes>(ReadOnlySpan<double> radii, Span<int> counts, int maxDegreeOfParallelism)
        where TMetric : struct, IDistanceKernel
        where TComparison : struct, IRangeComparison
        where TLanes : struct, IDistanceLanes<TLanes>
    {
        bool inclusive = typeof(TComparison) == typeof(Inclusive);
        fixed (double* radiiPointer = radii)
        fixed (int* countsPointer = counts)
        {
            double* allRadii = radiiPointer;
            int* allCounts = countsPointer;
            ForEachRange(Count, maxDegreeOfParallelism, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (start, end) =>
            {
                var scratch = new Scratch(_depth, _dimension, TLanes.Count);
                int length = end - start;
                double[] localRadii = ArrayPool<double>.Shared.Rent(length);
                int[] localCounts = ArrayPool<int>.Shared.Rent(length);

                // Radii in tree order first: independent loads overlap, where reading each inside the query would stall it.
                for (int p = start; p < end; p++)
                {
                    localRadii[p - start] = allRadii[_index[p]];
                }

                int leaf = LeafOfPosition(start);
                for (int p = start; p < end; p++)
                {
                    while (p >= _end[leaf])
                    {
                        leaf++;
                    }

                    LoadPoint(leaf, p, scratch.Query);
                    double r = localRadii[p - start];
                    int c = CountFrom<TMetric, TComparison, TLanes>(ref scratch.Query[0], leaf, r, scratch.Stack);
                    localCounts[p - start] = CountsSelf(r, inclusive) ? c - 1 : c;
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

    /// <summary>Copies the coordinates of the point at <paramref name="position"/> (in <paramref name="leaf"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void LoadPoint(int leaf, int position, double[] destination)
    {
        int d = _dimension;
        int at = ((leaf - _firstLeaf) * d * _leafCapacity) + (position - _start[leaf]);
        for (int j = 0; j < d; j++)
        {
            destination[j] = _leaves[at + (j * _leafCapacity)];
        }
    }

    /// <summary>
    /// The k nearest points to <paramref name="query"/>, leaving out the point at position <paramref name="self"/>
    /// (−1: none), into the (distance, index)-ordered list: <paramref name="leaf"/> first, then up the tree.
    /// </summary>
    // Kept out of the query loops: inlined there, it leaves the register allocator too little room.
    // AggressiveOptimization here and on the other query and build loops: see the remarks on NeighborSearch.
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private void SearchFrom<TMetric, TLanes>(ref double query, int leaf, int self, Span<double> bestDistance, Span<int> bestIndex, Scratch scratch)
        where TMetric : struct, IDistanceKernel
        where TLanes : struct, IDistanceLanes<TLanes>
    {
        int k = bestDistance.Length;
        int filled = 0;
        ScanLeaf<TMetric, TLanes>(ref query, leaf, self, bestDistance, bestIndex, ref filled, scratch.Lanes);
        int node = leaf;
        while (node > 0)
        {
            if (filled == k && BallInsideCell<TMetric>(ref query, node, bestDistance[k - 1]))
            {
                break;
            }

            int sibling = (node & 1) == 1 ? node + 1 : node - 1;
            double bound = LowerBound<TMetric>(ref query, sibling);

            // A box at exactly the k-th distance may still hold a point of lower index at that distance.
            if (filled < k || bound <= bestDistance[k - 1])
            {
                SearchSubtree<TMetric, TLanes>(ref query, sibling, bound, bestDistance, bestIndex, ref filled, scratch);
            }

            node = (node - 1) >> 1;
        }
    }

    /// <summary>Offers the points of the subtree at <paramref name="root"/>, nearer child first, pruning by box.</summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private void SearchSubtree<TMetric, TLanes>(ref double query, int root, double rootBound, Span<double> bestDistance, Span<int> bestIndex, ref int filled, Scratch scratch)
        where TMetric : struct, IDistanceKernel
        where TLanes : struct, IDistanceLanes<TLanes>
    {
        int k = bestDistance.Length;
        int[] stack = scratch.Stack;
        double[] stackBound = scratch.StackBound;
        int top = 0;
        stack[0] = root;
        stackBound[0] = rootBound;
        top++;
        while (top > 0)
        {
            top--;
            int node = stack[top];

            // The k-th distance may have shrunk since the node was pushed.
            if (filled == k && stackBound[top] > bestDistance[k - 1])
            {
                continue;
            }

            if (node >= _firstLeaf)
            {
                ScanLeaf<TMetric, TLanes>(ref query, node, -1, bestDistance, bestIndex, ref filled, scratch.Lanes);
                continue;
            }

            int left = (2 * node) + 1;
            int right = left + 1;
            double leftBound = LowerBound<TMetric>(ref query, left);
            double rightBound = LowerBound<TMetric>(ref query, right);
            double worst = filled < k ? double.PositiveInfinity : bestDistance[k - 1];

            // Push the farther child first so that the nearer one is searched first and tightens the bound.
            (int far, double farBound, int near, double nearBound) = leftBound <= rightBound
                ? (right, rightBound, left, leftBound)
                : (left, leftBound, right, rightBound);
            if (farBound <= worst)
            {
                stack[top] = far;
                stackBound[top++] = farBound;
            }

            if (nearBound <= worst)
            {
                stack[top] = near;
                stackBound[top++] = nearBound;
            }
        }
    }

    /// <summary>
    /// Offers the points of one leaf, except position <paramref name="skip"/>: distances a vector of points at a
    /// time, then only the lanes that can enter the list go through it.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void ScanLeaf<TMetric, TLanes>(ref double query, int leaf, int skip, Span<double> bestDistance, Span<int> bestIndex, ref int filled, double[] lanes)
        where TMetric : struct, IDistanceKernel
        where TLanes : struct, IDistanceLanes<TLanes>
    {
        int width = TLanes.Count;
        int k = bestDistance.Length;
        int d = _dimension;
        int capacity = _leafCapacity;
        int start = _start[leaf];
        int length = _end[leaf] - start;
        ref double block = ref _leaves[(leaf - _firstLeaf) * d * capacity];
        ref int index = ref _index[start];
        ref double lane = ref MemoryMarshal.GetArrayDataReference(lanes);
        int skipped = skip - start;
        for (int b = 0; b < length; b += width)
        {
            TLanes accumulator = TLanes.Zero;
            for (int j = 0; j < d; j++)
            {
                accumulator = TMetric.Accumulate(accumulator, TLanes.Load(ref Unsafe.Add(ref block, (j * capacity) + b)), TLanes.Create(Unsafe.Add(ref query, j)));
            }

            TLanes distance = TMetric.Finish(accumulator);

            // Points do not come in index order here, so one at exactly the k-th distance may still enter.
            uint mask = filled < k ? uint.MaxValue : TLanes.LessThanOrEqual(distance, TLanes.Create(bestDistance[k - 1]));
            mask &= length - b >= width ? (1u << width) - 1 : (1u << (length - b)) - 1;
            if ((uint)(skipped - b) < (uint)width)
            {
                mask &= ~(1u << (skipped - b));
            }

            if (mask == 0)
            {
                continue;
            }

            TLanes.Store(distance, ref lane);
            do
            {
                int l = BitOperations.TrailingZeroCount(mask);
                NeighborList.Offer(bestDistance, bestIndex, ref filled, Unsafe.Add(ref lane, l), Unsafe.Add(ref index, b + l));
                mask &= mask - 1;
            }
            while (mask != 0);
        }
    }

    /// <summary>The number of points p (the query's own point included) with distance(query, p) &lt; r, or ≤ r.</summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private int CountFrom<TMetric, TComparison, TLanes>(ref double query, int leaf, double r, int[] stack)
        where TMetric : struct, IDistanceKernel
        where TComparison : struct, IRangeComparison
        where TLanes : struct, IDistanceLanes<TLanes>
    {
        // A negative or NaN radius admits no distance (all are ≥ 0).
        if (!(r >= 0))
        {
            return 0;
        }

        int total = CountSubtree<TMetric, TComparison, TLanes>(ref query, leaf, r, stack);
        int node = leaf;
        while (node > 0 && !BallInsideCell<TMetric>(ref query, node, r))
        {
            int sibling = (node & 1) == 1 ? node + 1 : node - 1;
            total += CountSubtree<TMetric, TComparison, TLanes>(ref query, sibling, r, stack);
            node = (node - 1) >> 1;
        }

        return total;
    }

    /// <summary>The number of points of the subtree at <paramref name="root"/> within <paramref name="r"/> of the query.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int CountSubtree<TMetric, TComparison, TLanes>(ref double query, int root, double r, int[] stack)
        where TMetric : struct, IDistanceKernel
        where TComparison : struct, IRangeComparison
        where TLanes : struct, IDistanceLanes<TLanes>
    {
        int total = 0;
        int top = 0;
        stack[top++] = root;
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
                total += CountLeaf<TMetric, TComparison, TLanes>(ref query, node, r);
                continue;
            }

            stack[top++] = (2 * node) + 2;
            stack[top++] = (2 * node) + 1;
        }

        return total;
    }

    /// <summary>The number of points of one leaf within <paramref name="r"/> of the query, a vector at a time.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int CountLeaf<TMetric, TComparison, TLanes>(ref double query, int leaf, double r)
        where TMetric : struct, IDistanceKernel
        where TComparison : struct, IRangeComparison
        where TLanes : struct, IDistanceLanes<TLanes>
    {
        int width = TLanes.Count;
        int d = _dimension;
        int capacity = _leafCapacity;
        int length = _end[leaf] - _start[leaf];
        ref double block = ref _leaves[(leaf - _firstLeaf) * d * capacity];
        TLanes radius = TLanes.Create(r);
        int total = 0;
        for (int b = 0; b < length; b += width)
        {
            TLanes accumulator = TLanes.Zero;
            for (int j = 0; j < d; j++)
            {
                accumulator = TMetric.Accumulate(accumulator, TLanes.Load(ref Unsafe.Add(ref block, (j * capacity) + b)), TLanes.Create(Unsafe.Add(ref query, j)));
            }

            uint mask = TComparison.Within(TMetric.Finish(accumulator), radius);
            mask &= length - b >= width ? (1u << width) - 1 : (1u << (length - b)) - 1;
            total += BitOperations.PopCount(mask);
        }

        return total;
    }

    /// <summary>
    /// Whether every point outside the node's cell is farther than <paramref name="radius"/> from the query: in some
    /// column it lies beyond a face of the cell, so its distance is at least the one-column distance to that face.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool BallInsideCell<TMetric>(ref double query, int node, double radius)
        where TMetric : struct, IDistanceKernel
    {
        int d = _dimension;
        ref double low = ref _cells[(long)node * 2 * d];
        ref double high = ref Unsafe.Add(ref low, d);
        for (int j = 0; j < d; j++)
        {
            double x = Unsafe.Add(ref query, j);
            double t = double.MinNative(x - Unsafe.Add(ref low, j), Unsafe.Add(ref high, j) - x);

            // t ≤ 0: the query is on or outside a face (an external query), so nothing can be concluded.
            if (!(t > 0 && TMetric.Finish(TMetric.Accumulate(0, t)) > radius))
            {
                return false;
            }
        }

        return true;
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

            // Outside the box in this column, one of the two differences is positive; inside, both are ≤ 0.
            double t = double.MaxNative(double.MaxNative(Unsafe.Add(ref low, j) - x, x - Unsafe.Add(ref high, j)), 0);
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
            double belowLow = Unsafe.Add(ref low, j) - x;
            double aboveHigh = x - Unsafe.Add(ref high, j);
            near = TMetric.Accumulate(near, double.MaxNative(double.MaxNative(belowLow, aboveHigh), 0));

            // The farthest face: |x − lo| or |x − hi|, whichever is larger.
            far = TMetric.Accumulate(far, double.MaxNative(Math.Abs(belowLow), Math.Abs(aboveHigh)));
        }

        lower = TMetric.Finish(near);
        upper = TMetric.Finish(far);
    }

    /// <summary>The leaf whose range holds position <paramref name="position"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int LeafOfPosition(int position)
    {
        int node = 0;
        while (node < _firstLeaf)
        {
            int left = (2 * node) + 1;
            node = position < _end[left] ? left : left + 1;
        }

        return node;
    }

    /// <summary>The leaf whose cell holds <paramref name="query"/> (a side chosen when it lies on a split).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int LeafOfPoint(ref double query)
    {
        int node = 0;
        while (node < _firstLeaf)
        {
            int left = (2 * node) + 1;
            node = Unsafe.Add(ref query, _splitColumn[node]) <= _splitValue[node] ? left : left + 1;
        }

        return node;
    }

    /// <summary>Records the range and box of a node, splits it, and recurses with the children's cells.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Build(BuildBuffers buffers, int node, int start, int end, int level)
    {
        _start[node] = start;
        _end[node] = end;
        int n = Count;
        int d = _dimension;
        double[] columns = buffers.Columns;
        long box = (long)node * 2 * d;
        int column = 0;
        double spread = -1;
        for (int j = 0; j < d; j++)
        {
            MinMax(columns.AsSpan((j * n) + start, end - start), out double lo, out double hi);
            _boxes[box + j] = lo;
            _boxes[box + d + j] = hi;
            if (hi - lo > spread)
            {
                spread = hi - lo;
                column = j;
            }
        }

        if (level == _depth)
        {
            return;
        }

        int middle = start + ((end - start) / 2);
        if (spread > 0)
        {
            Split(buffers, start, end, middle, column);
        }

        double split = columns[(column * n) + middle];
        _splitColumn[node] = column;
        _splitValue[node] = split;
        int left = (2 * node) + 1, right = left + 1;
        _cells.AsSpan((int)box, 2 * d).CopyTo(_cells.AsSpan((int)((long)left * 2 * d), 2 * d));
        _cells.AsSpan((int)box, 2 * d).CopyTo(_cells.AsSpan((int)((long)right * 2 * d), 2 * d));
        _cells[((long)left * 2 * d) + d + column] = split;
        _cells[((long)right * 2 * d) + column] = split;
        Build(buffers, left, start, middle, level + 1);
        Build(buffers, right, middle, end, level + 1);
    }

    /// <summary>The smallest and largest of <paramref name="values"/> (not empty, no NaN), a vector at a time.</summary>
    // Written out rather than calling TensorPrimitives: a library routine called a few thousand times during one
    // build runs unoptimised for the whole of it under tiered compilation.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void MinMax(ReadOnlySpan<double> values, out double min, out double max)
    {
        int i = 0;
        min = values[0];
        max = values[0];
        if (values.Length >= 2 * Vector256<double>.Count)
        {
            ref double start = ref MemoryMarshal.GetReference(values);
            Vector256<double> low = Vector256.LoadUnsafe(ref start), high = low;
            for (i = Vector256<double>.Count; i <= values.Length - Vector256<double>.Count; i += Vector256<double>.Count)
            {
                Vector256<double> x = Vector256.LoadUnsafe(ref Unsafe.Add(ref start, i));
                low = Vector256.MinNative(low, x);
                high = Vector256.MaxNative(high, x);
            }

            for (int l = 0; l < Vector256<double>.Count; l++)
            {
                min = double.MinNative(min, low[l]);
                max = double.MaxNative(max, high[l]);
            }
        }

        for (; i < values.Length; i++)
        {
            min = double.MinNative(min, values[i]);
            max = double.MaxNative(max, values[i]);
        }
    }

    /// <summary>
    /// Reorders positions [start, end) so that position <paramref name="nth"/> holds the value it would hold if sorted
    /// by <paramref name="column"/>, none before it a greater one and none after it a smaller one: the keys are
    /// selected together with their positions, then every column and the row indices follow that permutation.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Split(BuildBuffers buffers, int start, int end, int nth, int column)
    {
        int n = Count;
        int length = end - start;
        Span<double> keys = buffers.Keys.AsSpan(0, length);
        Span<int> order = buffers.Order.AsSpan(0, length);
        buffers.Columns.AsSpan((column * n) + start, length).CopyTo(keys);
        for (int t = 0; t < length; t++)
        {
            order[t] = start + t;
        }

        Select(keys, order, nth - start);

        Span<double> moved = buffers.Moved.AsSpan(0, length);
        for (int j = 0; j < _dimension; j++)
        {
            Span<double> values = buffers.Columns.AsSpan(j * n, n);
            for (int t = 0; t < length; t++)
            {
                moved[t] = values[order[t]];
            }

            moved.CopyTo(values.Slice(start, length));
        }

        Span<int> rows = buffers.Rows.AsSpan(0, length);
        for (int t = 0; t < length; t++)
        {
            rows[t] = _index[order[t]];
        }

        rows.CopyTo(_index.AsSpan(start, length));
    }

    /// <summary>
    /// Quickselect (Hoare 1961) of the <paramref name="nth"/> smallest key, moving <paramref name="order"/> along:
    /// afterwards no key before it is greater and none after it smaller. Median-of-three pivots; each round splits
    /// off the keys below the pivot and, when needed, those equal to it, with branch-free partitions (the outcome of
    /// each comparison is a coin toss that a branch would mispredict). A full sort takes over if the rounds keep
    /// coming out lopsided, so the worst case stays O(m log m).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Select(Span<double> keys, Span<int> order, int nth)
    {
        int lo = 0, hi = keys.Length - 1;
        int budget = (2 * BitOperations.Log2((uint)keys.Length)) + 8;
        while (hi - lo > 16)
        {
            if (budget-- == 0)
            {
                keys[lo..(hi + 1)].Sort(order[lo..(hi + 1)]);
                return;
            }

            int mid = lo + ((hi - lo) / 2);
            double a = keys[lo], b = keys[mid], c = keys[hi];
            double pivot = double.MaxNative(double.MinNative(a, b), double.MinNative(double.MaxNative(a, b), c));
            int below = Partition<Strict>(keys, order, lo, hi, pivot);
            if (nth < below)
            {
                hi = below - 1;
                continue;
            }

            int notAbove = Partition<Inclusive>(keys, order, below, hi, pivot);
            if (nth < notAbove)
            {
                return;
            }

            lo = notAbove;
        }

        // Short ranges: insertion sort.
        for (int p = lo + 1; p <= hi; p++)
        {
            double key = keys[p];
            int value = order[p];
            int q = p;
            for (; q > lo && keys[q - 1] > key; q--)
            {
                keys[q] = keys[q - 1];
                order[q] = order[q - 1];
            }

            keys[q] = key;
            order[q] = value;
        }
    }

    /// <summary>
    /// Moves the keys in [lo, hi] that pass the test against <paramref name="pivot"/> (key &lt; pivot, or ≤) to the
    /// front, without branches (Lomuto's scheme with an unconditional swap); returns the first position after them.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Partition<TComparison>(Span<double> keys, Span<int> order, int lo, int hi, double pivot)
        where TComparison : struct, IRangeComparison
    {
        ref double key0 = ref MemoryMarshal.GetReference(keys);
        ref int order0 = ref MemoryMarshal.GetReference(order);
        int store = lo;
        for (int i = lo; i <= hi; i++)
        {
            double key = Unsafe.Add(ref key0, i);
            int value = Unsafe.Add(ref order0, i);
            Unsafe.Add(ref key0, i) = Unsafe.Add(ref key0, store);
            Unsafe.Add(ref order0, i) = Unsafe.Add(ref order0, store);
            Unsafe.Add(ref key0, store) = key;
            Unsafe.Add(ref order0, store) = value;
            bool passes = TComparison.Within(key, pivot);
            store += Unsafe.As<bool, byte>(ref passes);
        }

        return store;
    }

    /// <summary>
    /// Working arrays of the build, rented from the shared pool: the points column by column (n·d), and scratch for
    /// the splits (n each). Only the first n (or n·d) elements are used.
    /// </summary>
    private sealed class BuildBuffers(double[] columns, int n)
    {
        public double[] Columns { get; } = columns;

        public double[] Keys { get; } = ArrayPool<double>.Shared.Rent(n);

        public int[] Order { get; } = ArrayPool<int>.Shared.Rent(n);

        public double[] Moved { get; } = ArrayPool<double>.Shared.Rent(n);

        public int[] Rows { get; } = ArrayPool<int>.Shared.Rent(n);

        /// <summary>Gives every array back to the pool.</summary>
        public void Return()
        {
            ArrayPool<double>.Shared.Return(Columns);
            ArrayPool<double>.Shared.Return(Keys);
            ArrayPool<int>.Shared.Return(Order);
            ArrayPool<double>.Shared.Return(Moved);
            ArrayPool<int>.Shared.Return(Rows);
        }
    }

    /// <summary>Per-range working memory of the queries, so that a query allocates nothing.</summary>
    private sealed class Scratch(int depth, int dimension, int width)
    {
        /// <summary>Node stack of a subtree walk (a depth-first walk holds at most depth + 1 nodes).</summary>
        public int[] Stack { get; } = new int[depth + 2];

        /// <summary>The lower bound of each stacked node.</summary>
        public double[] StackBound { get; } = new double[depth + 2];

        /// <summary>The coordinates of the current self-query.</summary>
        public double[] Query { get; } = new double[dimension];

        /// <summary>One vector of distances.</summary>
        public double[] Lanes { get; } = new double[width];
    }
}
