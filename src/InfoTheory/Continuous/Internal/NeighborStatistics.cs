using System.Runtime.CompilerServices;
using InfoTheory.Continuous.Neighbors;
using MathNet.Numerics;

namespace InfoTheory.Continuous.Internal;

/// <summary>
/// The sufficient statistics of the k-NN estimators (DESIGN §2): neighbour distances and neighbour counts, read from a
/// <see cref="NeighborSearch"/>. Nothing here takes a logarithm; the estimators turn these into information.
/// </summary>
internal static class NeighborStatistics
{
    /// <summary>
    /// The most neighbour entries (query rows × neighbours) one pass of the search holds: 2²⁴, 192 MiB of indices and
    /// distances. Larger requests (n = 10⁷ with k = 250 is 2.5·10⁹ entries, more than an array can index) run as
    /// consecutive blocks of query rows, so memory stays O(n + block) whatever n·k is.
    /// </summary>
    public const long DefaultBlockEntries = 1L << 24;

    /// <summary>
    /// For every point, its k nearest other points, handed to <paramref name="consume"/> block by block:
    /// consume(start, count, neighbours, distances) with the rows [start, start + count) at [t·k, t·k + k) for
    /// t = i − start. Small problems are one self-query (one block); larger ones query each block of rows as external
    /// points for k + 1 neighbours and drop the query itself, which gives exactly the self-query's answer because
    /// neighbours are ordered by (distance, index) and a point is at distance 0 from itself.
    /// </summary>
    public static void ForEachNeighborBlock(SampleMatrix points, NeighborMetric metric, int k, NeighborSearchMethod method, int maxDegreeOfParallelism,
        Action<int, int, int[], double[]> consume, long blockEntries = DefaultBlockEntries)
    {
        int n = points.Rows;
        NeighborSearch search = NeighborSearch.Create(points, metric, method);
        if ((long)n * k <= blockEntries)
        {
            int[] neighbors = new int[n * k];
            double[] distances = new double[n * k];
            search.KNearest(k, neighbors, distances, maxDegreeOfParallelism);
            consume(0, n, neighbors, distances);
            return;
        }

        int wide = k + 1;
        int rows = (int)Math.Clamp(blockEntries / wide, 1, n);
        int[] blockNeighbors = new int[rows * wide];
        double[] blockDistances = new double[rows * wide];
        int[] ownNeighbors = new int[rows * k];
        double[] ownDistances = new double[rows * k];
        for (int start = 0; start < n; start += rows)
        {
            int count = Math.Min(rows, n - start);
            search.KNearest(points.RowRange(start, count), wide, blockNeighbors, blockDistances, maxDegreeOfParallelism);
            for (int t = 0; t < count; t++)
            {
                int self = start + t;
                int to = t * k;
                for (int from = t * wide, end = from + wide; from < end && to < (t + 1) * k; from++)
                {
                    if (blockNeighbors[from] != self)
                    {
                        ownNeighbors[to] = blockNeighbors[from];
                        ownDistances[to] = blockDistances[from];
                        to++;
                    }
                }
            }

            consume(start, count, ownNeighbors, ownDistances);
        }
    }

    /// <summary>The distance from every point to its k-th nearest other point.</summary>
    public static double[] KthDistances(SampleMatrix points, NeighborMetric metric, int k, NeighborSearchMethod method, int maxDegreeOfParallelism,
        long blockEntries = DefaultBlockEntries)
    {
        double[] kth = new double[points.Rows];
        ForEachNeighborBlock(points, metric, k, method, maxDegreeOfParallelism, (start, count, _, distances) =>
        {
            for (int t = 0; t < count; t++)
            {
                kth[start + t] = distances[(t * k) + k - 1];
            }
        }, blockEntries);
        return kth;
    }

    /// <summary>The distance from every row of <paramref name="queries"/> to its k-th nearest point of <paramref name="points"/>, in blocks of queries as above.</summary>
    public static double[] KthDistances(SampleMatrix points, SampleMatrix queries, NeighborMetric metric, int k, NeighborSearchMethod method, int maxDegreeOfParallelism,
        long blockEntries = DefaultBlockEntries)
    {
        int m = queries.Rows;
        int rows = (int)Math.Clamp(blockEntries / k, 1, m);
        int[] neighbors = new int[rows * k];
        double[] distances = new double[rows * k];
        double[] kth = new double[m];
        NeighborSearch search = NeighborSearch.Create(points, metric, method);
        for (int start = 0; start < m; start += rows)
        {
            int count = Math.Min(rows, m - start);
            search.KNearest(count == m ? queries : queries.RowRange(start, count), k, neighbors, distances, maxDegreeOfParallelism);
            for (int t = 0; t < count; t++)
            {
                kth[start + t] = distances[(t * k) + k - 1];
            }
        }

        return kth;
    }

    /// <summary>For every point i, the number of other points j with distance &lt; radii[i] (≤ when <paramref name="inclusive"/>).</summary>
    public static int[] CountWithin(SampleMatrix points, NeighborMetric metric, double[] radii, bool inclusive, NeighborSearchMethod method, int maxDegreeOfParallelism)
    {
        int[] counts = new int[points.Rows];
        NeighborSearch.Create(points, metric, method).CountWithin(radii, inclusive, counts, maxDegreeOfParallelism);
        return counts;
    }

    /// <summary>
    /// For the rows [start, start + count) of <paramref name="marginal"/>, the largest distance in that space from row i
    /// to any of its joint neighbours (KSG algorithm 2's εₓ(i)): the half-width of the smallest box around xᵢ that holds
    /// the projected neighbours. <paramref name="neighbors"/> holds the block's k joint neighbours per row.
    /// </summary>
    public static void MarginalRadii(SampleMatrix marginal, NeighborMetric metric, int start, int count, int[] neighbors, int k, double[] radii, int maxDegreeOfParallelism)
    {
        int d = marginal.Columns;
        ReadOnlyMemory<double> data = marginal.Data;
        Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism }, t =>
        {
            ReadOnlySpan<double> all = data.Span;
            int i = start + t;
            ReadOnlySpan<double> row = all.Slice(i * d, d);
            double radius = 0;
            for (int s = 0; s < k; s++)
            {
                int j = neighbors[(t * k) + s];
                radius = Math.Max(radius, NeighborSearch.Distance(row, all.Slice(j * d, d), metric));
            }

            radii[i] = radius;
        });
    }

    /// <summary>
    /// ln c_d, c_d the volume of the unit-radius ball of the metric in d dimensions: 2^d for the maximum norm (a cube of
    /// side 2), π^{d/2} / Γ(d/2 + 1) for the Euclidean norm.
    /// </summary>
    public static double LogUnitBallVolume(int d, NeighborMetric metric) => metric == NeighborMetric.Maximum
        ? d * Math.Log(2)
        : (0.5 * d * Math.Log(Math.PI)) - SpecialFunctions.GammaLn((0.5 * d) + 1);

    /// <summary>Σᵢ ln values[i] in index order (−∞ when a value is 0).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double SumOfLogs(ReadOnlySpan<double> values)
    {
        double sum = 0;
        foreach (double v in values)
        {
            sum += Math.Log(v);
        }

        return sum;
    }
}
