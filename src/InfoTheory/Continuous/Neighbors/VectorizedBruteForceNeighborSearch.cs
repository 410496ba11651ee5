using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace InfoTheory.Continuous.Neighbors;

/// <summary>
/// Every query against every point, like <see cref="BruteForceNeighborSearch"/>, but a vector of distances at a time:
/// the points are stored in blocks of one vector width, column by column, so lane ℓ of a vector holds point ℓ of the
/// block and the distance accumulates over the columns in the canonical order, one lane per point.
/// </summary>
/// <remarks>
/// The lanes compute exactly the scalar canonical distance, so comparisons with the radius or with the current k-th
/// distance are exact and answers match the reference bit for bit. Points are visited in index order, so a
/// candidate at the k-th distance can never displace the kept one (its index is higher). O(n·d) per query and no
/// index beyond the n·d copy, which is what wins at small n or at a dimension where a tree prunes little.
/// </remarks>
internal sealed class VectorizedBruteForceNeighborSearch : NeighborSearch
{
    private readonly int _width;
    private readonly int _blocks;
    private readonly double[] _data;

    /// <summary>Copies the points into blocks of one vector width.</summary>
    /// <param name="points">The points to index.</param>
    /// <param name="metric">The distance.</param>
    /// <param name="laneCount">
    /// Lanes per vector: 8, 4 or 2; 0 picks the widest the machine accelerates. Any width gives the same answers
    /// (a width the machine lacks runs in software), which is how the tests reach every code path.
    /// </param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public VectorizedBruteForceNeighborSearch(SampleMatrix points, NeighborMetric metric, int laneCount = 0)
        : base(points, metric)
    {
        _width = LaneCount(laneCount);
        int n = points.Rows;
        int d = points.Columns;
        _blocks = (n + _width - 1) / _width;
        _data = new double[(long)_blocks * _width * d];
        ReadOnlySpan<double> source = points.Data.Span;
        for (int i = 0; i < n; i++)
        {
            int block = i / _width, lane = i % _width;
            for (int j = 0; j < d; j++)
            {
                _data[(((block * d) + j) * _width) + lane] = source[(i * d) + j];
            }
        }
    }

    /// <summary>
    /// The lanes per vector to use: <paramref name="requested"/> if it is 8, 4 or 2 (a width the machine lacks runs in
    /// software, still exactly), or for 0 the widest width the machine accelerates.
    /// </summary>
    internal static int LaneCount(int requested)
    {
        if (requested is not (0 or 2 or 4 or 8))
        {
            throw new ArgumentOutOfRangeException(nameof(requested), requested, "The lane count must be 0 (automatic), 2, 4 or 8.");
        }

        return requested != 0 ? requested
            : Vector512.IsHardwareAccelerated ? Lanes512.Count
            : Vector256.IsHardwareAccelerated ? Lanes256.Count
            : Lanes128.Count;
    }

    /// <inheritdoc/>
    public override void KNearest(int k, Span<int> neighbors, Span<double> distances, int maxDegreeOfParallelism)
    {
        CheckK(k, self: true);
        CheckKNearestOutputs(Count, k, neighbors, distances);
        DispatchKNearest(Points, self: true, k, neighbors, distances, maxDegreeOfParallelism);
    }

    /// <inheritdoc/>
    public override void KNearest(SampleMatrix queries, int k, Span<int> neighbors, Span<double> distances, int maxDegreeOfParallelism)
    {
        CheckQueries(queries);
        CheckK(k, self: false);
        CheckKNearestOutputs(queries.Rows, k, neighbors, distances);
        DispatchKNearest(queries, self: false, k, neighbors, distances, maxDegreeOfParallelism);
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
            case (_, true, _): CountAll<EuclideanDistance, Inclusive, Lanes128>(radii, counts, maxDegreeOfParallelism); break;
        }
    }

    private void DispatchKNearest(SampleMatrix queries, bool self, int k, Span<int> neighbors, Span<double> distances, int maxDegreeOfParallelism)
    {
        switch ((Metric, _width))
        {
            case (NeighborMetric.Maximum, 8): KNearestAll<MaximumDistance, Lanes512>(queries, self, k, neighbors, distances, maxDegreeOfParallelism); break;
            case (NeighborMetric.Maximum, 4): KNearestAll<MaximumDistance, Lanes256>(queries, self, k, neighbors, distances, maxDegreeOfParallelism); break;
            case (NeighborMetric.Maximum, _): KNearestAll<MaximumDistance, Lanes128>(queries, self, k, neighbors, distances, maxDegreeOfParallelism); break;
            case (_, 8): KNearestAll<EuclideanDistance, Lanes512>(queries, self, k, neighbors, distances, maxDegreeOfParallelism); break;
            case (_, 4): KNearestAll<EuclideanDistance, Lanes256>(queries, self, k, neighbors, distances, maxDegreeOfParallelism); break;
            default: KNearestAll<EuclideanDistance, Lanes128>(queries, self, k, neighbors, distances, maxDegreeOfParallelism); break;
        }
    }

    private unsafe void KNearestAll<TMetric, TLanes>(SampleMatrix queries, bool self, int k, Span<int> neighbors, Span<double> distances, int maxDegreeOfParallelism)
        where TMetric : struct, IDistanceKernel
        where TLanes : struct, IDistanceLanes<TLanes>
    {
        ReadOnlyMemory<double> queryData = queries.Data;
        int d = Points.Columns;
        fixed (int* neighborsPointer = neighbors)
        fixed (double* distancesPointer = distances)
        {
            int* allNeighbors = neighborsPointer;
            double* allDistances = distancesPointer;
            ForEachRange(queries.Rows, maxDegreeOfParallelism, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (start, end) =>
            {
                double[] lanes = new double[TLanes.Count];
                double[] spareDistance = new double[3 * k];
                int[] spareIndex = new int[3 * k];
                ReadOnlySpan<double> all = queryData.Span;
                for (int i = start; i < end; i += Group)
                {
                    // The last group of a range may be short: its missing queries repeat the last one but write
                    // to spare lists, since each list must be filled by one scan only.
                    int i1 = Math.Min(i + 1, end - 1), i2 = Math.Min(i + 2, end - 1), i3 = Math.Min(i + 3, end - 1);
                    var group = new QueryGroup(
                        ref MemoryMarshal.GetReference(all.Slice(i * d, d)),
                        ref MemoryMarshal.GetReference(all.Slice(i1 * d, d)),
                        ref MemoryMarshal.GetReference(all.Slice(i2 * d, d)),
                        ref MemoryMarshal.GetReference(all.Slice(i3 * d, d)));
                    Nearest<TMetric, TLanes>(
                        ref group,
                        self ? i : -1,
                        self ? i1 : -1,
                        self ? i2 : -1,
                        self ? i3 : -1,
                        new Span<double>(allDistances + ((long)i * k), k),
                        new Span<int>(allNeighbors + ((long)i * k), k),
                        i + 1 < end ? new Span<double>(allDistances + ((long)i1 * k), k) : spareDistance.AsSpan(0, k),
                        i + 1 < end ? new Span<int>(allNeighbors + ((long)i1 * k), k) : spareIndex.AsSpan(0, k),
                        i + 2 < end ? new Span<double>(allDistances + ((long)i2 * k), k) : spareDistance.AsSpan(k, k),
                        i + 2 < end ? new Span<int>(allNeighbors + ((long)i2 * k), k) : spareIndex.AsSpan(k, k),
                        i + 3 < end ? new Span<double>(allDistances + ((long)i3 * k), k) : spareDistance.AsSpan(2 * k, k),
                        i + 3 < end ? new Span<int>(allNeighbors + ((long)i3 * k), k) : spareIndex.AsSpan(2 * k, k),
                        lanes);
                }
            });
        }
    }

    private unsafe void CountAll<TMetric, TComparison, TLanes>(ReadOnlySpan<double> radii, Span<int> counts, int maxDegreeOfParallelism)
        where TMetric : struct, IDistanceKernel
        where TComparison : struct, IRangeComparison
        where TLanes : struct, IDistanceLanes<TLanes>
    {
        ReadOnlyMemory<double> pointData = Points.Data;
        int d = Points.Columns;
        bool inclusive = typeof(TComparison) == typeof(Inclusive);
        fixed (double* radiiPointer = radii)
        fixed (int* countsPointer = counts)
        {
            double* allRadii = radiiPointer;
            int* allCounts = countsPointer;
            ForEachRange(Count, maxDegreeOfParallelism, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (start, end) =>
            {
                ReadOnlySpan<double> all = pointData.Span;
                for (int i = start; i < end; i += Group)
                {
                    // A short last group repeats its last query; the repeats count independently and write the same value.
                    int i1 = Math.Min(i + 1, end - 1), i2 = Math.Min(i + 2, end - 1), i3 = Math.Min(i + 3, end - 1);
                    var group = new QueryGroup(
                        ref MemoryMarshal.GetReference(all.Slice(i * d, d)),
                        ref MemoryMarshal.GetReference(all.Slice(i1 * d, d)),
                        ref MemoryMarshal.GetReference(all.Slice(i2 * d, d)),
                        ref MemoryMarshal.GetReference(all.Slice(i3 * d, d)));
                    double r0 = allRadii[i], r1 = allRadii[i1], r2 = allRadii[i2], r3 = allRadii[i3];
                    CountBalls<TMetric, TComparison, TLanes>(ref group, r0, r1, r2, r3, out int c0, out int c1, out int c2, out int c3);
                    allCounts[i] = CountsSelf(r0, inclusive) ? c0 - 1 : c0;
                    allCounts[i1] = CountsSelf(r1, inclusive) ? c1 - 1 : c1;
                    allCounts[i2] = CountsSelf(r2, inclusive) ? c2 - 1 : c2;
                    allCounts[i3] = CountsSelf(r3, inclusive) ? c3 - 1 : c3;
                }
            });
        }
    }

    /// <summary>
    /// The k nearest points to each query of a group, leaving out the indices <paramref name="self0"/> … (−1: none).
    /// One pass over the points serves four queries: each block is loaded once, and the four independent
    /// accumulators overlap the latency of every max or add.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Nearest<TMetric, TLanes>(
        scoped ref QueryGroup group,
        int self0,
        int self1,
        int self2,
        int self3,
        Span<double> bestDistance0,
        Span<int> bestIndex0,
        Span<double> bestDistance1,
        Span<int> bestIndex1,
        Span<double> bestDistance2,
        Span<int> bestIndex2,
        Span<double> bestDistance3,
        Span<int> bestIndex3,
        Span<double> lanes)
        where TMetric : struct, IDistanceKernel
        where TLanes : struct, IDistanceLanes<TLanes>
    {
        int width = TLanes.Count;
        int d = Points.Columns;
        var state0 = new ScanState(self0, width, _blocks, Count);
        var state1 = new ScanState(self1, width, _blocks, Count);
        var state2 = new ScanState(self2, width, _blocks, Count);
        var state3 = new ScanState(self3, width, _blocks, Count);
        ref double data = ref MemoryMarshal.GetArrayDataReference(_data);
        ref double lane = ref MemoryMarshal.GetReference(lanes);
        for (int b = 0; b < _blocks; b++)
        {
            BlockDistances<TMetric, TLanes>(ref Unsafe.Add(ref data, b * d * width), ref group, d, out TLanes d0, out TLanes d1, out TLanes d2, out TLanes d3);
            Consider(d0, b, ref state0, bestDistance0, bestIndex0, ref lane);
            Consider(d1, b, ref state1, bestDistance1, bestIndex1, ref lane);
            Consider(d2, b, ref state2, bestDistance2, bestIndex2, ref lane);
            Consider(d3, b, ref state3, bestDistance3, bestIndex3, ref lane);
        }
    }

    /// <summary>Offers the lanes of block <paramref name="block"/> that can enter the list.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Consider<TLanes>(TLanes distance, int block, ref ScanState state, Span<double> bestDistance, Span<int> bestIndex, ref double lane)
        where TLanes : struct, IDistanceLanes<TLanes>
    {
        int width = TLanes.Count;
        int k = bestDistance.Length;

        // Points come in index order, so one at exactly the k-th distance has a higher index than the kept one and
        // cannot enter: only strictly closer lanes are candidates once the list is full.
        uint mask = state.Filled < k ? state.All : TLanes.LessThan(distance, TLanes.Create(bestDistance[k - 1]));
        if (block == state.LastBlock)
        {
            mask &= state.LastValid;
        }

        if (block == state.SelfBlock)
        {
            mask &= ~state.SelfBit;
        }

        if (mask == 0)
        {
            return;
        }

        TLanes.Store(distance, ref lane);
        do
        {
            int l = BitOperations.TrailingZeroCount(mask);
            NeighborList.Offer(bestDistance, bestIndex, ref state.Filled, Unsafe.Add(ref lane, l), (block * width) + l);
            mask &= mask - 1;
        }
        while (mask != 0);
    }

    /// <summary>For each query of a group, the number of points (its own included) within its radius.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void CountBalls<TMetric, TComparison, TLanes>(scoped ref QueryGroup group, double r0, double r1, double r2, double r3, out int c0, out int c1, out int c2, out int c3)
        where TMetric : struct, IDistanceKernel
        where TComparison : struct, IRangeComparison
        where TLanes : struct, IDistanceLanes<TLanes>
    {
        int width = TLanes.Count;
        int d = Points.Columns;
        TLanes radius0 = TLanes.Create(r0), radius1 = TLanes.Create(r1), radius2 = TLanes.Create(r2), radius3 = TLanes.Create(r3);
        ref double data = ref MemoryMarshal.GetArrayDataReference(_data);
        c0 = c1 = c2 = c3 = 0;
        int last = _blocks - 1;
        for (int b = 0; b < last; b++)
        {
            BlockDistances<TMetric, TLanes>(ref Unsafe.Add(ref data, b * d * width), ref group, d, out TLanes d0, out TLanes d1, out TLanes d2, out TLanes d3);
            c0 += BitOperations.PopCount(TComparison.Within(d0, radius0));
            c1 += BitOperations.PopCount(TComparison.Within(d1, radius1));
            c2 += BitOperations.PopCount(TComparison.Within(d2, radius2));
            c3 += BitOperations.PopCount(TComparison.Within(d3, radius3));
        }

        uint valid = ((1u << width) - 1) >> ((_blocks * width) - Count);
        BlockDistances<TMetric, TLanes>(ref Unsafe.Add(ref data, last * d * width), ref group, d, out TLanes e0, out TLanes e1, out TLanes e2, out TLanes e3);
        c0 += BitOperations.PopCount(TComparison.Within(e0, radius0) & valid);
        c1 += BitOperations.PopCount(TComparison.Within(e1, radius1) & valid);
        c2 += BitOperations.PopCount(TComparison.Within(e2, radius2) & valid);
        c3 += BitOperations.PopCount(TComparison.Within(e3, radius3) & valid);
    }

    /// <summary>Distances from each query of a group to the points of one block, in four independent accumulators.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void BlockDistances<TMetric, TLanes>(ref double block, scoped ref QueryGroup group, int d, out TLanes d0, out TLanes d1, out TLanes d2, out TLanes d3)
        where TMetric : struct, IDistanceKernel
        where TLanes : struct, IDistanceLanes<TLanes>
    {
        int width = TLanes.Count;
        TLanes a0 = TLanes.Zero, a1 = TLanes.Zero, a2 = TLanes.Zero, a3 = TLanes.Zero;
        for (int j = 0; j < d; j++)
        {
            TLanes x = TLanes.Load(ref Unsafe.Add(ref block, j * width));
            a0 = TMetric.Accumulate(a0, x, TLanes.Create(Unsafe.Add(ref group.Query0, j)));
            a1 = TMetric.Accumulate(a1, x, TLanes.Create(Unsafe.Add(ref group.Query1, j)));
            a2 = TMetric.Accumulate(a2, x, TLanes.Create(Unsafe.Add(ref group.Query2, j)));
            a3 = TMetric.Accumulate(a3, x, TLanes.Create(Unsafe.Add(ref group.Query3, j)));
        }

        d0 = TMetric.Finish(a0);
        d1 = TMetric.Finish(a1);
        d2 = TMetric.Finish(a2);
        d3 = TMetric.Finish(a3);
    }

    /// <summary>Queries answered together by one pass over the points.</summary>
    private const int Group = 4;

    /// <summary>The coordinates of the <see cref="Group"/> queries of one pass.</summary>
    private ref struct QueryGroup(ref double query0, ref double query1, ref double query2, ref double query3)
    {
        public ref double Query0 = ref query0;
        public ref double Query1 = ref query1;
        public ref double Query2 = ref query2;
        public ref double Query3 = ref query3;
    }

    /// <summary>The state of one neighbour scan: how full the list is, and which lanes are never candidates.</summary>
    private struct ScanState(int self, int width, int blocks, int count)
    {
        /// <summary>Entries in use in the neighbour list.</summary>
        public int Filled;

        /// <summary>Every lane of a block.</summary>
        public readonly uint All = (1u << width) - 1;

        /// <summary>The last block, whose lanes past the last point are padding.</summary>
        public readonly int LastBlock = blocks - 1;

        /// <summary>The lanes of the last block that hold points.</summary>
        public readonly uint LastValid = ((1u << width) - 1) >> ((blocks * width) - count);

        /// <summary>The block holding the query itself (−1: none).</summary>
        public readonly int SelfBlock = self >= 0 ? self / width : -1;

        /// <summary>The query's own lane in that block.</summary>
        public readonly uint SelfBit = self >= 0 ? 1u << (self % width) : 0;
    }
}
