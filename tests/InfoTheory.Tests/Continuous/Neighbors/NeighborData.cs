using InfoTheory.Continuous;
using InfoTheory.Continuous.Neighbors;

namespace InfoTheory.Tests.Continuous.Neighbors;

/// <summary>The kinds of point sets the searches are checked on.</summary>
public enum PointKind
{
    /// <summary>Standard normal coordinates: no ties.</summary>
    Gaussian,

    /// <summary>Integers 0..3 in every column: many equal coordinates and equal distances.</summary>
    SmallIntegers,

    /// <summary>About n/3 distinct normal rows, each repeated: distance-0 neighbours.</summary>
    RepeatedRows,

    /// <summary>
    /// Values mixing ±0, halves, ±1e16 (where distinct values can round to equal distances), 1e-170 (whose squares
    /// underflow to 0) and ±1e200, ±1e308 (whose differences or squares overflow to +∞).
    /// </summary>
    Awkward,
}

/// <summary>Seeded point sets, radii and a search factory per method under test.</summary>
internal static class NeighborData
{
    private static readonly double[] s_awkward =
    [
        0, -0.0, 0.5, 1, 1.5, -3, 1e16, -1e16, 1e16 + 2, 1e16 + 4, 3e-170, -3e-170, 1e-300, 1e200, -1e200, 1e308, -1e308,
    ];

    /// <summary>
    /// The searches under test, by name (names keep theory data serialisable): the tree with the default leaves and
    /// with tiny ones (deep trees even for a few points), every vector width, and the automatic choice.
    /// </summary>
    public static readonly string[] Methods = ["KdTree", "KdTreeLeaf2", "KdTreeLeaf5", "Vectorized8", "Vectorized4", "Vectorized2", "Automatic"];

    /// <summary>The searches under test that apply to one-dimensional points.</summary>
    public static readonly string[] OneDimensionalMethods = [.. Methods, "Sorted"];

    public static NeighborSearch Create(string method, SampleMatrix points, NeighborMetric metric) => method switch
    {
        "Reference" => NeighborSearch.Create(points, metric, NeighborSearchMethod.BruteForce),
        "KdTree" => NeighborSearch.Create(points, metric, NeighborSearchMethod.KdTree),
        "KdTreeLeaf2" => new KdTreeNeighborSearch(points, metric, leafSize: 2, laneCount: 4),
        "KdTreeLeaf5" => new KdTreeNeighborSearch(points, metric, leafSize: 5, laneCount: 2),
        "Vectorized8" => new VectorizedBruteForceNeighborSearch(points, metric, laneCount: 8),
        "Vectorized4" => new VectorizedBruteForceNeighborSearch(points, metric, laneCount: 4),
        "Vectorized2" => new VectorizedBruteForceNeighborSearch(points, metric, laneCount: 2),
        "Sorted" => NeighborSearch.Create(points, metric, NeighborSearchMethod.Sorted),
        "Automatic" => NeighborSearch.Create(points, metric),
        _ => throw new ArgumentOutOfRangeException(nameof(method), method, "Unknown search."),
    };

    public static SampleMatrix Points(PointKind kind, int n, int d, int seed)
    {
        var random = new Random(seed);
        double[] data = new double[n * d];
        switch (kind)
        {
            case PointKind.Gaussian:
                for (int i = 0; i < data.Length; i++)
                {
                    data[i] = Normal(random);
                }

                break;
            case PointKind.SmallIntegers:
                for (int i = 0; i < data.Length; i++)
                {
                    data[i] = random.Next(4);
                }

                break;
            case PointKind.RepeatedRows:
                int distinct = (n / 3) + 1;
                double[] rows = new double[distinct * d];
                for (int i = 0; i < rows.Length; i++)
                {
                    rows[i] = Normal(random);
                }

                for (int i = 0; i < n; i++)
                {
                    rows.AsSpan(random.Next(distinct) * d, d).CopyTo(data.AsSpan(i * d, d));
                }

                break;
            default:
                for (int i = 0; i < data.Length; i++)
                {
                    data[i] = s_awkward[random.Next(s_awkward.Length)];
                }

                break;
        }

        return SampleMatrix.FromRowMajor(data, d);
    }

    /// <summary>
    /// Query points not in the index: fresh points of the same kind, and exact copies of indexed rows (which sit at
    /// distance 0 from them).
    /// </summary>
    public static SampleMatrix Queries(PointKind kind, SampleMatrix points, int m, int seed)
    {
        int d = points.Columns;
        SampleMatrix fresh = Points(kind, m, d, seed + 7919);
        double[] data = fresh.Data.ToArray();
        var random = new Random(seed);
        for (int i = 0; i < m; i += 3)
        {
            points.Row(random.Next(points.Rows)).CopyTo(data.AsSpan(i * d, d));
        }

        return SampleMatrix.FromRowMajor(data, d);
    }

    /// <summary>
    /// Radii that hit the awkward cases: exactly the distance to some other point (so strict and inclusive differ),
    /// exactly the k-th neighbour distance, 0, +∞, random values, and a few negative or NaN ones (which admit nothing).
    /// </summary>
    public static double[] Radii(SampleMatrix points, NeighborMetric metric, double[] kthDistance, int seed)
    {
        var random = new Random(seed);
        int n = points.Rows;
        double[] radii = new double[n];
        for (int i = 0; i < n; i++)
        {
            radii[i] = random.Next(12) switch
            {
                0 => 0,
                1 => double.PositiveInfinity,
                2 => random.NextDouble() * 3,
                3 => -1,
                4 when i % 5 == 0 => double.NaN,
                5 or 6 or 7 => kthDistance[i],
                _ => NeighborSearch.Distance(points.Row(i), points.Row(random.Next(n)), metric),
            };
        }

        return radii;
    }

    public static double Normal(Random random)
    {
        double u = 1 - random.NextDouble(), v = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u)) * Math.Cos(2 * Math.PI * v);
    }
}
