using FsCheck;
using FsCheck.Xunit;
using InfoTheory.Continuous;
using InfoTheory.Continuous.Neighbors;

namespace InfoTheory.Tests.Continuous.Neighbors;

/// <summary>Properties of the neighbour searches over arbitrary small point sets.</summary>
public sealed class NeighborSearchProperties
{
    /// <summary>2..61 points of dimension 1..6, a kind, a metric and 1 ≤ k &lt; n, all from <paramref name="shape"/>.</summary>
    private static (SampleMatrix Points, NeighborMetric Metric, int K, PointKind Kind) Draw(int seed, PositiveInt shape)
    {
        int s = shape.Get;
        int n = 2 + (s % 60);
        int d = 1 + ((s / 60) % 6);
        var kind = (PointKind)((s / 360) % 4);
        NeighborMetric metric = (s / 1440) % 2 == 0 ? NeighborMetric.Maximum : NeighborMetric.Euclidean;
        int k = 1 + (Math.Abs(seed) % Math.Min(n - 1, 8));
        return (NeighborData.Points(kind, n, d, seed), metric, k, kind);
    }

    [Property(MaxTest = 200)]
    public void AllMethods_ArbitrarySets_AgreeWithReference(int seed, PositiveInt shape)
    {
        var (points, metric, k, kind) = Draw(seed, shape);
        SampleMatrix queries = NeighborData.Queries(kind, points, 5, seed);
        var reference = new ReferenceAnswers(points, metric, k, queries, seed);
        foreach (string method in points.Columns == 1 ? NeighborData.OneDimensionalMethods : NeighborData.Methods)
        {
            reference.Check(method);
        }
    }

    [Property]
    public void CountWithin_AtKthNeighborDistance_StrictBelowKAndInclusiveAtLeastK(int seed, PositiveInt shape)
    {
        // By definition of the k-th distance D: fewer than k other points lie strictly inside D, at least k within it.
        var (points, metric, k, _) = Draw(seed, shape);
        NeighborSearch search = NeighborSearch.Create(points, metric);
        var (_, distances) = NeighborAssert.KNearest(search, k);
        double[] kth = Enumerable.Range(0, points.Rows).Select(i => distances[(i * k) + k - 1]).ToArray();
        int[] strict = NeighborAssert.CountWithin(search, kth, inclusive: false);
        int[] inclusive = NeighborAssert.CountWithin(search, kth, inclusive: true);
        for (int i = 0; i < points.Rows; i++)
        {
            Assert.True(strict[i] < k, $"point {i}: {strict[i]} points strictly inside the {k}-th distance");
            Assert.True(inclusive[i] >= k, $"point {i}: only {inclusive[i]} points within the {k}-th distance");
        }
    }

    [Property]
    public void KNearest_RowsPermuted_SameDistancesPerPoint(int seed, PositiveInt shape)
    {
        // Renumbering the points renumbers the answers: every point keeps its neighbour distances.
        var (points, metric, k, _) = Draw(seed, shape);
        int n = points.Rows, d = points.Columns;
        int[] order = Enumerable.Range(0, n).ToArray();
        new Random(seed).Shuffle(order);
        double[] permuted = new double[n * d];
        for (int i = 0; i < n; i++)
        {
            points.Row(order[i]).CopyTo(permuted.AsSpan(i * d, d));
        }

        var (_, original) = NeighborAssert.KNearest(NeighborSearch.Create(points, metric), k);
        var (_, shuffled) = NeighborAssert.KNearest(NeighborSearch.Create(SampleMatrix.FromRowMajor(permuted, d), metric), k);
        for (int i = 0; i < n; i++)
        {
            Assert.Equal(original.AsSpan(order[i] * k, k).ToArray(), shuffled.AsSpan(i * k, k).ToArray());
        }
    }
}
