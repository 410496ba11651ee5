using InfoTheory.Continuous;

namespace InfoTheory.Tests.Continuous.Neighbors;

/// <summary>
/// Every search method gives exactly the answers of the scalar reference (<c>BruteForce</c>): the same neighbour
/// indices in the same (distance, index) order, the same distance bits, the same strict and inclusive counts.
/// </summary>
public sealed class NeighborSearchEquivalenceTests
{
    private static readonly NeighborMetric[] s_metrics = [NeighborMetric.Maximum, NeighborMetric.Euclidean];
    private static readonly PointKind[] s_kinds = Enum.GetValues<PointKind>();

    public static TheoryData<NeighborMetric, PointKind> MetricsAndKinds()
    {
        var data = new TheoryData<NeighborMetric, PointKind>();
        foreach (NeighborMetric metric in s_metrics)
        {
            foreach (PointKind kind in s_kinds)
            {
                data.Add(metric, kind);
            }
        }

        return data;
    }

    /// <summary>The reference's answers, then every method in <paramref name="methods"/> against them.</summary>
    private static void CheckAll(string[] methods, SampleMatrix points, NeighborMetric metric, int k, SampleMatrix queries, int seed)
    {
        var reference = new ReferenceAnswers(points, metric, k, queries, seed);
        foreach (string method in methods)
        {
            reference.Check(method);
        }
    }

    [Theory]
    [MemberData(nameof(MetricsAndKinds))]
    public void AllQueries_TinySets_MatchReference(NeighborMetric metric, PointKind kind)
    {
        int seed = 100 * (int)kind;
        for (int n = 2; n <= 40; n++)
        {
            foreach (int d in new[] { 1, 2, 3, 7, 12 })
            {
                foreach (int k in new[] { 1, 3, 10 })
                {
                    if (k > n)
                    {
                        continue;
                    }

                    seed++;
                    SampleMatrix points = NeighborData.Points(kind, n, d, seed);
                    SampleMatrix queries = NeighborData.Queries(kind, points, 7, seed);
                    CheckAll(d == 1 ? NeighborData.OneDimensionalMethods : NeighborData.Methods, points, metric, k, queries, seed);
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(MetricsAndKinds))]
    public void AllQueries_LargerSets_MatchReference(NeighborMetric metric, PointKind kind)
    {
        (int N, int D, int K)[] shapes =
        [
            (100, 2, 1), (100, 3, 10), (257, 1, 3), (257, 5, 4), (600, 1, 3), (600, 2, 3), (600, 3, 5), (600, 9, 2), (1500, 2, 3),
        ];
        int seed = 1000 * (1 + (int)kind);
        foreach (var (n, d, k) in shapes)
        {
            seed++;
            SampleMatrix points = NeighborData.Points(kind, n, d, seed);
            SampleMatrix queries = NeighborData.Queries(kind, points, 50, seed);
            CheckAll(d == 1 ? NeighborData.OneDimensionalMethods : NeighborData.Methods, points, metric, k, queries, seed);
        }
    }

    [Theory]
    [MemberData(nameof(MetricsAndKinds))]
    public void Sorted_OneDimensionalSets_MatchReference(NeighborMetric metric, PointKind kind)
    {
        int seed = 5000 * (1 + (int)kind);
        foreach (int n in Enumerable.Range(2, 39).Concat([100, 1023, 1024, 2500]))
        {
            foreach (int k in n < 100 ? new[] { 1, 2, 3, 6, 10 } : [1, 4, 10])
            {
                if (k > n)
                {
                    continue;
                }

                seed++;
                SampleMatrix points = NeighborData.Points(kind, n, 1, seed);
                SampleMatrix queries = NeighborData.Queries(kind, points, 25, seed);
                NeighborAssert.MatchesReference("Sorted", points, metric, k, queries, seed);
            }
        }
    }

    [Theory]
    [InlineData(NeighborMetric.Maximum)]
    [InlineData(NeighborMetric.Euclidean)]
    public void Sorted_ThousandsOfEqualValues_PicksLowestIndices(NeighborMetric metric)
    {
        // Three values shared by thousands of points: the k nearest of any point are the lowest-index copies of its
        // own value, and a count at radius 0 inclusive is the size of its group less one.
        int n = 3000;
        double[] data = new double[n];
        for (int i = 0; i < n; i++)
        {
            data[i] = (i * 7) % 3;
        }

        SampleMatrix points = SampleMatrix.FromRowMajor(data, 1);
        SampleMatrix queries = SampleMatrix.FromRowMajor([0.0, 1, 2, 0.5, 1.5, -1, 3], 1);
        CheckAll(["Sorted", "KdTree", "Vectorized8"], points, metric, 5, queries, seed: 1);
    }

    [Theory]
    [InlineData(NeighborMetric.Maximum, 1)]
    [InlineData(NeighborMetric.Maximum, 3)]
    [InlineData(NeighborMetric.Euclidean, 1)]
    [InlineData(NeighborMetric.Euclidean, 3)]
    public void AllQueries_OneThreadOrAll_SameAnswers(NeighborMetric metric, int d)
    {
        // Large enough to be cut into many ranges; both runs must equal the reference, hence each other.
        foreach (PointKind kind in new[] { PointKind.Gaussian, PointKind.SmallIntegers })
        {
            SampleMatrix points = NeighborData.Points(kind, 2500, d, seed: 77);
            SampleMatrix queries = NeighborData.Queries(kind, points, 300, seed: 77);
            var reference = new ReferenceAnswers(points, metric, 4, queries, seed: 77);
            foreach (string method in d == 1 ? NeighborData.OneDimensionalMethods : NeighborData.Methods)
            {
                reference.Check(method, maxDegreeOfParallelism: 1);
                reference.Check(method, maxDegreeOfParallelism: -1);
            }
        }
    }
}
