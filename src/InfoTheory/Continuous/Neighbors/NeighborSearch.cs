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
    public static NeighborSearch Create(SampleMatrix points, NeighborMetric metric, NeighborSearchMethod method = NeighborSearchMethod.Automatic)
    {
        ArgumentNullException.ThrowIfNull(points);
        return method switch
        {
            NeighborSearchMethod.BruteForce or NeighborSearchMethod.Automatic => new BruteForceNeighborSearch(points, metric),
            _ => throw new ArgumentOutOfRangeException(nameof(method), method, "This search method is not available."),
        };
    }

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

    private protected static ParallelOptions Options(int maxDegreeOfParallelism) => new() { MaxDegreeOfParallelism = maxDegreeOfParallelism };

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
