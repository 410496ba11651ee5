using InfoTheory.Continuous;
using InfoTheory.Continuous.Neighbors;

namespace InfoTheory.Tests.Continuous.Neighbors;

/// <summary>Runs a search and the scalar reference on the same input and demands identical answers, bit for bit.</summary>
internal static class NeighborAssert
{
    public static (int[] Neighbors, double[] Distances) KNearest(NeighborSearch search, int k, int maxDegreeOfParallelism = -1)
    {
        int[] neighbors = new int[search.Count * k];
        double[] distances = new double[search.Count * k];
        search.KNearest(k, neighbors, distances, maxDegreeOfParallelism);
        return (neighbors, distances);
    }

    public static (int[] Neighbors, double[] Distances) KNearest(NeighborSearch search, SampleMatrix queries, int k, int maxDegreeOfParallelism = -1)
    {
        int[] neighbors = new int[queries.Rows * k];
        double[] distances = new double[queries.Rows * k];
        search.KNearest(queries, k, neighbors, distances, maxDegreeOfParallelism);
        return (neighbors, distances);
    }

    public static int[] CountWithin(NeighborSearch search, double[] radii, bool inclusive, int maxDegreeOfParallelism = -1)
    {
        int[] counts = new int[search.Count];
        search.CountWithin(radii, inclusive, counts, maxDegreeOfParallelism);
        return counts;
    }

    /// <summary>
    /// Self k-NN, external k-NN and strict and inclusive counts of <paramref name="method"/> equal the reference's.
    /// </summary>
    public static void MatchesReference(string method, SampleMatrix points, NeighborMetric metric, int k, SampleMatrix queries, int seed, int maxDegreeOfParallelism = -1) =>
        new ReferenceAnswers(points, metric, k, queries, seed).Check(method, maxDegreeOfParallelism);

    public static void SameNeighbors((int[] Neighbors, double[] Distances) expected, (int[] Neighbors, double[] Distances) actual, int k, string context)
    {
        for (int t = 0; t < expected.Neighbors.Length; t++)
        {
            if (expected.Neighbors[t] != actual.Neighbors[t]
                || BitConverter.DoubleToInt64Bits(expected.Distances[t]) != BitConverter.DoubleToInt64Bits(actual.Distances[t]))
            {
                int i = t / k;
                string row(int[] idx, double[] dst) => string.Join(", ", Enumerable.Range(i * k, k).Select(s => $"{idx[s]}@{dst[s]:R}"));
                Assert.Fail($"query {i}: expected [{row(expected.Neighbors, expected.Distances)}], got [{row(actual.Neighbors, actual.Distances)}] ({context}).");
            }
        }
    }
}

/// <summary>The reference's answers for one input, computed once and compared with any number of methods.</summary>
internal sealed class ReferenceAnswers
{
    private readonly SampleMatrix _points;
    private readonly NeighborMetric _metric;
    private readonly int _k;
    private readonly SampleMatrix _queries;
    private readonly int _seed;
    private readonly (int[] Neighbors, double[] Distances)? _self;
    private readonly (int[] Neighbors, double[] Distances)? _external;
    private readonly double[] _radii;
    private readonly int[] _strict;
    private readonly int[] _inclusive;

    public ReferenceAnswers(SampleMatrix points, NeighborMetric metric, int k, SampleMatrix queries, int seed)
    {
        _points = points;
        _metric = metric;
        _k = k;
        _queries = queries;
        _seed = seed;
        NeighborSearch reference = NeighborData.Create("Reference", points, metric);
        if (k < points.Rows)
        {
            _self = NeighborAssert.KNearest(reference, k);
        }

        if (k <= points.Rows)
        {
            _external = NeighborAssert.KNearest(reference, queries, k);
        }

        double[] kth = new double[points.Rows];
        if (points.Rows > 1)
        {
            int kk = Math.Min(k, points.Rows - 1);
            double[] distances = kk == k && _self is { } self ? self.Distances : NeighborAssert.KNearest(reference, kk).Distances;
            for (int i = 0; i < kth.Length; i++)
            {
                kth[i] = distances[(i * kk) + kk - 1];
            }
        }

        _radii = NeighborData.Radii(points, metric, kth, seed);
        _strict = NeighborAssert.CountWithin(reference, _radii, inclusive: false);
        _inclusive = NeighborAssert.CountWithin(reference, _radii, inclusive: true);
    }

    /// <summary>Every query of <paramref name="method"/> gives the reference's answer.</summary>
    public void Check(string method, int maxDegreeOfParallelism = -1)
    {
        string context = $"{method}, {_metric}, n = {_points.Rows}, d = {_points.Columns}, k = {_k}, seed = {_seed}, parallelism {maxDegreeOfParallelism}";
        NeighborSearch search = NeighborData.Create(method, _points, _metric);
        if (_self is { } self)
        {
            NeighborAssert.SameNeighbors(self, NeighborAssert.KNearest(search, _k, maxDegreeOfParallelism), _k, "self k-NN, " + context);
        }

        if (_external is { } external)
        {
            NeighborAssert.SameNeighbors(external, NeighborAssert.KNearest(search, _queries, _k, maxDegreeOfParallelism), _k, "external k-NN, " + context);
        }

        foreach (bool inclusive in new[] { false, true })
        {
            int[] expected = inclusive ? _inclusive : _strict;
            int[] actual = NeighborAssert.CountWithin(search, _radii, inclusive, maxDegreeOfParallelism);
            for (int i = 0; i < expected.Length; i++)
            {
                if (expected[i] != actual[i])
                {
                    Assert.Fail($"{(inclusive ? "inclusive" : "strict")} count of point {i} at radius {_radii[i]:R}: expected {expected[i]}, got {actual[i]} ({context}).");
                }
            }
        }
    }
}
