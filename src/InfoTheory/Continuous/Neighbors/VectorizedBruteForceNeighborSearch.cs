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
            ForEachRange(queries.Rows, maxDegreeOfParallelism, (start, end) =>
            {
                Span<double> lanes = stackalloc double[TLanes.Count];
                ReadOnlySpan<double> all = queryData.Span;
                for (int i = start; i < end; i++)
                {
                    Nearest<TMetric, TLanes>(
                        ref MemoryMarshal.GetReference(all.Slice(i * d, d)),
                        self ? i : -1,
                        new Span<double>(allDistances + ((long)i * k), k),
                        new Span<int>(allNeighbors + ((long)i * k), k),
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
            ForEachRange(Count, maxDegreeOfParallelism, (start, end) =>
            {
                ReadOnlySpan<double> all = pointData.Span;
                for (int i = start; i < end; i++)
                {
                    double r = allRadii[i];
                    int c = CountBall<TMetric, TComparison, TLanes>(ref MemoryMarshal.GetReference(all.Slice(i * d, d)), r);
                    allCounts[i] = CountsSelf(r, inclusive) ? c - 1 : c;
                }
            });
        }
    }

    /// <summary>The k nearest points to <paramref name="query"/>, leaving out index <paramref name="self"/> (−1: none).</summary>
    private void Nearest<TMetric, TLanes>(ref double query, int self, Span<double> bestDistance, Span<int> bestIndex, Span<double> lanes)
        where TMetric : struct, IDistanceKernel
        where TLanes : struct, IDistanceLanes<TLanes>
    {
        int width = TLanes.Count;
        int d = Points.Columns;
        int k = bestDistance.Length;
        uint all = (1u << width) - 1;
        uint lastValid = all >> ((_blocks * width) - Count);
        int lastBlock = _blocks - 1;
        int selfBlock = self >= 0 ? self / width : -1;
        uint selfBit = self >= 0 ? 1u << (self % width) : 0;
        ref double data = ref MemoryMarshal.GetArrayDataReference(_data);
        ref double lane = ref MemoryMarshal.GetReference(lanes);
        int filled = 0;
        for (int b = 0; b < _blocks; b++)
        {
            TLanes distance = BlockDistance<TMetric, TLanes>(ref Unsafe.Add(ref data, b * d * width), ref query, d);

            // Points come in index order, so one at exactly the k-th distance has a higher index than the kept
            // one and cannot enter: only strictly closer lanes are candidates once the list is full.
            uint mask = filled < k ? all : TLanes.LessThan(distance, TLanes.Create(bestDistance[k - 1]));
            if (b == lastBlock)
            {
                mask &= lastValid;
            }

            if (b == selfBlock)
            {
                mask &= ~selfBit;
            }

            if (mask == 0)
            {
                continue;
            }

            TLanes.Store(distance, ref lane);
            do
            {
                int l = BitOperations.TrailingZeroCount(mask);
                NeighborList.Offer(bestDistance, bestIndex, ref filled, Unsafe.Add(ref lane, l), (b * width) + l);
                mask &= mask - 1;
            }
            while (mask != 0);
        }
    }

    /// <summary>The number of points (the query's own included) within <paramref name="r"/> of <paramref name="query"/>.</summary>
    private int CountBall<TMetric, TComparison, TLanes>(ref double query, double r)
        where TMetric : struct, IDistanceKernel
        where TComparison : struct, IRangeComparison
        where TLanes : struct, IDistanceLanes<TLanes>
    {
        int width = TLanes.Count;
        int d = Points.Columns;
        uint lastValid = ((1u << width) - 1) >> ((_blocks * width) - Count);
        TLanes radius = TLanes.Create(r);
        ref double data = ref MemoryMarshal.GetArrayDataReference(_data);
        int total = 0;
        int b = 0;
        for (; b < _blocks - 1; b++)
        {
            total += BitOperations.PopCount(TComparison.Within(BlockDistance<TMetric, TLanes>(ref Unsafe.Add(ref data, b * d * width), ref query, d), radius));
        }

        total += BitOperations.PopCount(TComparison.Within(BlockDistance<TMetric, TLanes>(ref Unsafe.Add(ref data, b * d * width), ref query, d), radius) & lastValid);
        return total;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TLanes BlockDistance<TMetric, TLanes>(ref double block, ref double query, int d)
        where TMetric : struct, IDistanceKernel
        where TLanes : struct, IDistanceLanes<TLanes>
    {
        int width = TLanes.Count;
        TLanes accumulator = TLanes.Zero;
        for (int j = 0; j < d; j++)
        {
            accumulator = TMetric.Accumulate(accumulator, TLanes.Load(ref Unsafe.Add(ref block, j * width)), TLanes.Create(Unsafe.Add(ref query, j)));
        }

        return TMetric.Finish(accumulator);
    }
}
