using InfoTheory.Internal;

namespace InfoTheory.Continuous.Neighbors;

/// <summary>
/// Nearest-neighbour and range-count queries over a fixed set of points (the rows of a <see cref="SampleMatrix"/>):
/// the sufficient statistic of every k-NN estimator (DESIGN §2).
/// </summary>
/// <remarks>
/// <para>
/// The contract every implementation keeps, so that all of them give the same answers bit for bit:
/// </para>
/// <list type="bullet">
/// <item>Distances are those of <see cref="Distance(ReadOnlySpan{double}, ReadOnlySpan{double}, NeighborMetric)"/>:
/// the maximum norm is exact in any order; the Euclidean distance is the square root of the squared differences
/// summed over the columns in order 0, 1, …, d − 1. A reported distance is always that value.</item>
/// <item>Neighbours are ordered by (distance, index): of two points at the same distance the one with the lower row
/// index comes first. Self-queries never return the query point itself; other points at distance 0 (duplicates)
/// are returned like any other.</item>
/// <item>Range counts compare that same distance with the radius: strictly (d &lt; r) or inclusively (d ≤ r).</item>
/// <item>Queries run in parallel over query points, each writing only its own outputs, so the results do not depend
/// on the degree of parallelism.</item>
/// </list>
/// <para>
/// The query and build loops of the implementations are compiled with
/// <see cref="System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization"/>: an estimator runs them
/// a handful of times, so with tiered compilation they would spend their first ~100 ms as unoptimised code that
/// inlines none of the generic distance kernels (measured: a 1 024-point, 2-d search took 25 ms instead of 1 ms on
/// its first calls).
/// </para>
/// </remarks>
internal abstract class NeighborSearch
{
    protected NeighborSearch(SampleMatrix points, NeighborMetric metric)
    {
        Points = points;
        Metric = metric;
    }

    /// <summary>The indexed points.</summary>
    public SampleMatrix Points { get; }

    /// <summary>The distance.</summary>
    public NeighborMetric Metric { get; }

    /// <summary>The number of indexed points.</summary>
    public int Count => Points.Rows;

    /// <summary>Builds the search structure chosen by <paramref name="method"/>.</summary>
    /// <remarks>
    /// <see cref="NeighborSearchMethod.Automatic"/> picks by the number of points n and the dimension d
    /// (see <see cref="Choose"/>); every method gives the same answers, so the choice only affects speed.
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="points"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="metric"/> or <paramref name="method"/> is not a defined value.</exception>
    /// <exception cref="ArgumentException"><see cref="NeighborSearchMethod.Sorted"/> was asked for points of more than one column.</exception>
    public static NeighborSearch Create(SampleMatrix points, NeighborMetric metric, NeighborSearchMethod method = NeighborSearchMethod.Automatic)
    {
        ArgumentNullException.ThrowIfNull(points);
        if (metric is not (NeighborMetric.Maximum or NeighborMetric.Euclidean))
        {
            ThrowHelper.ArgumentOutOfRange(nameof(metric), metric, "The metric must be Maximum or Euclidean.");
        }

        if (method == NeighborSearchMethod.Automatic)
        {
            method = Choose(points.Rows, points.Columns);
        }

        switch (method)
        {
            case NeighborSearchMethod.BruteForce:
                return new BruteForceNeighborSearch(points, metric);
            case NeighborSearchMethod.KdTree:
                return new KdTreeNeighborSearch(points, metric);
            case NeighborSearchMethod.VectorizedBruteForce:
                return new VectorizedBruteForceNeighborSearch(points, metric);
            case NeighborSearchMethod.Sorted:
                if (points.Columns != 1)
                {
                    ThrowHelper.ArgumentException(nameof(method), string.Create(System.Globalization.CultureInfo.InvariantCulture,
                        $"The sorted search needs one-dimensional points, got {points.Columns} columns."));
                }

                return new SortedNeighborSearch(points, metric);
            default:
                ThrowHelper.ArgumentOutOfRange(nameof(method), method, "This search method is not available.");
                return null;
        }
    }

    /// <summary>The method <see cref="NeighborSearchMethod.Automatic"/> stands for, given n points of dimension d.</summary>
    /// <remarks>
    /// <para>
    /// One column: <see cref="NeighborSearchMethod.Sorted"/> (O(log n) per count, O(k + log n) per neighbour
    /// query), two to four times faster than the tree in one dimension at n = 10³ … 10⁵ (see the benchmarks) and
    /// far ahead of any scan. Otherwise the vectorised scan up to
    /// <see cref="BruteForceMaxCount"/>(d) points and the k-d tree beyond.
    /// </para>
    /// <para>
    /// Measured: build + all k-NN (k = 3) + all strict counts at the k-th distance, maximum norm, one thread, standard
    /// normal points (the tree's hard case: no low-dimensional structure to exploit), .NET 10 on an AMD EPYC with
    /// AVX-512 shared with other jobs (noisy, ±30 %), leaves of at most 64 points. Times in ms as tree / scan:
    /// </para>
    /// <code>
    ///  d      n = 512        2 048          8 192          32 768         scan wins up to about
    ///  2      0.15 / 0.25    0.95 / 2.4     3.9 / 27       16 / 370       n = 350
    ///  3      0.24 / 0.30    1.2 / 2.7      6.0 / 33       23 / 472       300
    ///  4      0.26 / 0.28    1.7 / 3.2      8.5 / 37       40 / 641       450
    ///  6      0.45 / 0.35    3.3 / 4.1      19 / 48        129 / 1 023    1 000
    ///  8      0.53 / 0.38    5.1 / 4.6      35 / 76        304 / 1 333    3 000
    ///  10     0.91 / 0.59    6.5 / 5.3      69 / 95        656 / 1 258    4 500
    ///  12     0.78 / 0.45    8.9 / 6.8      83 / 84        989 / 1 496    8 000
    ///  14     0.97 / 0.50    11 / 6.7       129 / 104      1 431 / 1 662  20 000
    ///  16     1.1 / 0.58     14 / 8.2       173 / 108      2 188 / 1 868  ~60 000 (extrapolated)
    ///  20     1.4 / 0.67     19 / 8.8       301 / 143      4 161 / 2 364  beyond the range measured
    /// </code>
    /// <para>
    /// The least-squares line through log₂ of the crossovers for d = 2 … 16 is log₂ n* = 6.9 + 0.54·d; it misses every
    /// measured crossover by less than a factor 1.3, well inside the noise (near the crossover the two differ little
    /// anyway). The rule below is that line.
    /// </para>
    /// </remarks>
    internal static NeighborSearchMethod Choose(int n, int d)
    {
        if (d == 1)
        {
            return NeighborSearchMethod.Sorted;
        }

        return n <= BruteForceMaxCount(d) ? NeighborSearchMethod.VectorizedBruteForce : NeighborSearchMethod.KdTree;
    }

    /// <summary>The largest n for which the vectorised scan beats the k-d tree in dimension d: 2^(6.9 + 0.54·d) (see <see cref="Choose"/>).</summary>
    internal static int BruteForceMaxCount(int d) => (int)Math.Min(int.MaxValue, Math.Round(Math.Pow(2, 6.9 + (0.54 * d))));

    /// <summary>The canonical distance between two points (see the remarks on the class).</summary>
    public static double Distance(ReadOnlySpan<double> a, ReadOnlySpan<double> b, NeighborMetric metric)
    {
        if (metric == NeighborMetric.Maximum)
        {
            double max = 0;
            for (int j = 0; j < a.Length; j++)
            {
                max = Math.Max(max, Math.Abs(a[j] - b[j]));
            }

            return max;
        }

        double sum = 0;
        for (int j = 0; j < a.Length; j++)
        {
            double t = a[j] - b[j];
            sum += t * t;
        }

        return Math.Sqrt(sum);
    }

    /// <summary>
    /// For every indexed point i, its <paramref name="k"/> nearest other points in (distance, index) order:
    /// indices to <paramref name="neighbors"/>[i·k .. i·k + k) and distances to <paramref name="distances"/> likewise.
    /// </summary>
    /// <param name="k">The number of neighbours, 1 ≤ k &lt; <see cref="Count"/>.</param>
    /// <param name="neighbors">Receives n·k indices.</param>
    /// <param name="distances">Receives n·k distances, non-decreasing within each row.</param>
    /// <param name="maxDegreeOfParallelism">As in <see cref="ParallelOptions.MaxDegreeOfParallelism"/> (−1: no limit).</param>
    public abstract void KNearest(int k, Span<int> neighbors, Span<double> distances, int maxDegreeOfParallelism);

    /// <summary>
    /// For every row q of <paramref name="queries"/> (points that are not in the index, same dimension), its
    /// <paramref name="k"/> nearest indexed points in (distance, index) order, written as in
    /// <see cref="KNearest(int, Span{int}, Span{double}, int)"/>.
    /// </summary>
    /// <param name="queries">The query points.</param>
    /// <param name="k">The number of neighbours, 1 ≤ k ≤ <see cref="Count"/>.</param>
    /// <param name="neighbors">Receives m·k indices.</param>
    /// <param name="distances">Receives m·k distances.</param>
    /// <param name="maxDegreeOfParallelism">As in <see cref="ParallelOptions.MaxDegreeOfParallelism"/>.</param>
    public abstract void KNearest(SampleMatrix queries, int k, Span<int> neighbors, Span<double> distances, int maxDegreeOfParallelism);

    /// <summary>
    /// For every indexed point i, the number of other indexed points j ≠ i with distance(i, j) &lt; radii[i]
    /// (or ≤ when <paramref name="inclusive"/>).
    /// </summary>
    /// <param name="radii">One radius per indexed point (≥ 0).</param>
    /// <param name="inclusive">Count points at exactly the radius too.</param>
    /// <param name="counts">Receives n counts.</param>
    /// <param name="maxDegreeOfParallelism">As in <see cref="ParallelOptions.MaxDegreeOfParallelism"/>.</param>
    public abstract void CountWithin(ReadOnlySpan<double> radii, bool inclusive, Span<int> counts, int maxDegreeOfParallelism);

    private protected static ParallelOptions Options(int maxDegreeOfParallelism) => Settings.Parallel(maxDegreeOfParallelism);

    /// <summary>
    /// Runs <paramref name="body"/> over [0, <paramref name="count"/>) cut into ranges of at most
    /// <see cref="RangeLength"/>, in parallel unless <paramref name="maxDegreeOfParallelism"/> is 1. Each query writes
    /// only its own outputs, so how the ranges are cut or scheduled never changes a result.
    /// </summary>
    private protected static void ForEachRange(int count, int maxDegreeOfParallelism, Action<int, int> body)
    {
        Settings.MaxDegreeOfParallelism(maxDegreeOfParallelism, nameof(maxDegreeOfParallelism));
        int ranges = (count + RangeLength - 1) / RangeLength;
        if (maxDegreeOfParallelism == 1 || ranges <= 1)
        {
            for (int r = 0; r < ranges; r++)
            {
                body(r * RangeLength, Math.Min(count, (r + 1) * RangeLength));
            }

            return;
        }

        ForkJoin.For(ranges, maxDegreeOfParallelism, r => body(r * RangeLength, Math.Min(count, (r + 1) * RangeLength)));
    }

    /// <summary>
    /// Queries per range of <see cref="ForEachRange"/>: enough to amortise per-range scratch and scheduling, few enough
    /// that per-range buffers stay in cache and a thousand queries already spread over the cores.
    /// </summary>
    private protected const int RangeLength = 256;

    /// <summary>Checks the output spans of a neighbour query for m queries.</summary>
    private protected static void CheckKNearestOutputs(int m, int k, Span<int> neighbors, Span<double> distances)
    {
        long needed = (long)m * k;
        if (needed > Array.MaxLength)
        {
            ThrowHelper.ArgumentOutOfRange(nameof(k), k, "m·k neighbours do not fit in one span.");
        }

        if (neighbors.Length < needed)
        {
            ThrowHelper.ArgumentException_DestinationTooShort(nameof(neighbors), (int)needed, neighbors.Length);
        }

        if (distances.Length < needed)
        {
            ThrowHelper.ArgumentException_DestinationTooShort(nameof(distances), (int)needed, distances.Length);
        }
    }

    /// <summary>Checks that external query points have the dimension of the indexed points.</summary>
    private protected void CheckQueries(SampleMatrix queries)
    {
        ArgumentNullException.ThrowIfNull(queries);
        if (queries.Columns != Points.Columns)
        {
            ThrowHelper.ArgumentException(nameof(queries), string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"queries has {queries.Columns} columns but the indexed points have {Points.Columns}; they must have the same dimension."));
        }
    }

    /// <summary>Checks the radii and the output of a range count.</summary>
    private protected void CheckCountArguments(ReadOnlySpan<double> radii, Span<int> counts)
    {
        if (radii.Length < Count)
        {
            ThrowHelper.ArgumentException(nameof(radii), string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"radii has {radii.Length} elements but the index has {Count} points; one radius per point is needed."));
        }

        if (counts.Length < Count)
        {
            ThrowHelper.ArgumentException_DestinationTooShort(nameof(counts), Count, counts.Length);
        }
    }

    /// <summary>Whether a point at distance 0 (the query itself) passes the range test, so a count must leave it out.</summary>
    private protected static bool CountsSelf(double radius, bool inclusive) => inclusive ? radius >= 0 : radius > 0;

    private protected void CheckK(int k, bool self)
    {
        int limit = self ? Count - 1 : Count;
        if (k < 1 || k > limit)
        {
            ThrowHelper.ArgumentOutOfRange(nameof(k), k, string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"k = {k} needs at least {(self ? k + 1 : k)} points, the index has {Count}."));
        }
    }
}
