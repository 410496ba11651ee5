namespace InfoTheory.Continuous.Neighbors;

/// <summary>
/// The reference search: every query is compared with every point, in index order. O(n) time per query,
/// O(k) scratch per query, no index.
/// </summary>
internal sealed class BruteForceNeighborSearch : NeighborSearch
{
    public BruteForceNeighborSearch(SampleMatrix points, NeighborMetric metric)
        : base(points, metric)
    {
    }

    public override void KNearest(int k, Span<int> neighbors, Span<double> distances, int maxDegreeOfParallelism)
    {
        CheckK(k, self: true);
        CheckKNearestOutputs(Count, k, neighbors, distances);
        RunKNearest(Points, self: true, k, neighbors, distances, maxDegreeOfParallelism);
    }

    public override void KNearest(SampleMatrix queries, int k, Span<int> neighbors, Span<double> distances, int maxDegreeOfParallelism)
    {
        CheckQueries(queries);
        CheckK(k, self: false);
        CheckKNearestOutputs(queries.Rows, k, neighbors, distances);
        RunKNearest(queries, self: false, k, neighbors, distances, maxDegreeOfParallelism);
    }

    public override void CountWithin(ReadOnlySpan<double> radii, bool inclusive, Span<int> counts, int maxDegreeOfParallelism)
    {
        CheckCountArguments(radii, counts);
        int n = Count;
        int d = Points.Columns;
        double[] r = radii[..n].ToArray();
        int[] result = new int[n];
        ReadOnlyMemory<double> data = Points.Data;
        NeighborMetric metric = Metric;
        Parallel.For(0, n, Options(maxDegreeOfParallelism), i =>
        {
            ReadOnlySpan<double> all = data.Span;
            ReadOnlySpan<double> q = all.Slice(i * d, d);
            int c = 0;
            for (int j = 0; j < n; j++)
            {
                if (j == i)
                {
                    continue;
                }

                double dist = Distance(q, all.Slice(j * d, d), metric);
                if (dist < r[i] || (inclusive && dist == r[i]))
                {
                    c++;
                }
            }

            result[i] = c;
        });
        result.CopyTo(counts);
    }

    private void RunKNearest(SampleMatrix queries, bool self, int k, Span<int> neighbors, Span<double> distances, int maxDegreeOfParallelism)
    {
        int m = queries.Rows;
        int n = Count;
        int d = Points.Columns;
        int[] idx = new int[m * k];
        double[] dst = new double[m * k];
        ReadOnlyMemory<double> data = Points.Data;
        ReadOnlyMemory<double> query = queries.Data;
        NeighborMetric metric = Metric;
        Parallel.For(0, m, Options(maxDegreeOfParallelism), i =>
        {
            ReadOnlySpan<double> all = data.Span;
            ReadOnlySpan<double> q = query.Span.Slice(i * d, d);
            Span<int> bestIndex = idx.AsSpan(i * k, k);
            Span<double> bestDistance = dst.AsSpan(i * k, k);
            int filled = 0;
            for (int j = 0; j < n; j++)
            {
                if (self && j == i)
                {
                    continue;
                }

                double dist = Distance(q, all.Slice(j * d, d), metric);

                // Points arrive in index order, so a point at the same distance as a kept one goes after it.
                if (filled == k && dist >= bestDistance[k - 1])
                {
                    continue;
                }

                int at = filled < k ? filled++ : k - 1;
                while (at > 0 && bestDistance[at - 1] > dist)
                {
                    bestDistance[at] = bestDistance[at - 1];
                    bestIndex[at] = bestIndex[at - 1];
                    at--;
                }

                bestDistance[at] = dist;
                bestIndex[at] = j;
            }
        });
        idx.CopyTo(neighbors);
        dst.CopyTo(distances);
    }
}
