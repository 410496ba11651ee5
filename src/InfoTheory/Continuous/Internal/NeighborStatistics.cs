using InfoTheory.Continuous.Neighbors;
using MathNet.Numerics;

namespace InfoTheory.Continuous.Internal;

/// <summary>
/// The sufficient statistics of the k-NN estimators (DESIGN §2): neighbour distances and neighbour counts, read from a
/// <see cref="NeighborSearch"/>. Nothing here takes a logarithm; the estimators turn these into information.
/// </summary>
internal static class NeighborStatistics
{
    /// <summary>For every point, its k nearest other points: indices and distances, n·k each, row i at [i·k, i·k + k).</summary>
    public static (int[] Neighbors, double[] Distances) KNearest(SampleMatrix points, NeighborMetric metric, int k, NeighborSearchMethod method, int maxDegreeOfParallelism)
    {
        int[] neighbors = new int[points.Rows * k];
        double[] distances = new double[points.Rows * k];
        NeighborSearch.Create(points, metric, method).KNearest(k, neighbors, distances, maxDegreeOfParallelism);
        return (neighbors, distances);
    }

    /// <summary>The distance from every point to its k-th nearest other point.</summary>
    public static double[] KthDistances(SampleMatrix points, NeighborMetric metric, int k, NeighborSearchMethod method, int maxDegreeOfParallelism)
    {
        (_, double[] distances) = KNearest(points, metric, k, method, maxDegreeOfParallelism);
        return KthColumn(distances, points.Rows, k);
    }

    /// <summary>The distance from every row of <paramref name="queries"/> to its k-th nearest point of <paramref name="points"/>.</summary>
    public static double[] KthDistances(SampleMatrix points, SampleMatrix queries, NeighborMetric metric, int k, NeighborSearchMethod method, int maxDegreeOfParallelism)
    {
        int[] neighbors = new int[queries.Rows * k];
        double[] distances = new double[queries.Rows * k];
        NeighborSearch.Create(points, metric, method).KNearest(queries, k, neighbors, distances, maxDegreeOfParallelism);
        return KthColumn(distances, queries.Rows, k);
    }

    /// <summary>For every point i, the number of other points j with distance &lt; radii[i] (≤ when <paramref name="inclusive"/>).</summary>
    public static int[] CountWithin(SampleMatrix points, NeighborMetric metric, double[] radii, bool inclusive, NeighborSearchMethod method, int maxDegreeOfParallelism)
    {
        int[] counts = new int[points.Rows];
        NeighborSearch.Create(points, metric, method).CountWithin(radii, inclusive, counts, maxDegreeOfParallelism);
        return counts;
    }

    /// <summary>
    /// For every point i, the largest distance in <paramref name="marginal"/> from i to any of its joint neighbours
    /// (KSG algorithm 2's εₓ(i)): the half-width of the smallest box around xᵢ that holds the projected neighbours.
    /// </summary>
    public static double[] MarginalRadii(SampleMatrix marginal, NeighborMetric metric, int[] neighbors, int k, int maxDegreeOfParallelism)
    {
        int n = marginal.Rows, d = marginal.Columns;
        double[] radii = new double[n];
        ReadOnlyMemory<double> data = marginal.Data;
        Parallel.For(0, n, new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism }, i =>
        {
            ReadOnlySpan<double> all = data.Span;
            ReadOnlySpan<double> row = all.Slice(i * d, d);
            double radius = 0;
            for (int t = 0; t < k; t++)
            {
                int j = neighbors[(i * k) + t];
                radius = Math.Max(radius, NeighborSearch.Distance(row, all.Slice(j * d, d), metric));
            }

            radii[i] = radius;
        });
        return radii;
    }

    /// <summary>
    /// ln c_d, c_d the volume of the unit-radius ball of the metric in d dimensions: 2^d for the maximum norm (a cube of
    /// side 2), π^{d/2} / Γ(d/2 + 1) for the Euclidean norm.
    /// </summary>
    public static double LogUnitBallVolume(int d, NeighborMetric metric) => metric == NeighborMetric.Maximum
        ? d * Math.Log(2)
        : (0.5 * d * Math.Log(Math.PI)) - SpecialFunctions.GammaLn((0.5 * d) + 1);

    /// <summary>Σᵢ ln values[i] in index order (−∞ when a value is 0).</summary>
    public static double SumOfLogs(ReadOnlySpan<double> values)
    {
        double sum = 0;
        foreach (double v in values)
        {
            sum += Math.Log(v);
        }

        return sum;
    }

    private static double[] KthColumn(double[] distances, int rows, int k)
    {
        double[] kth = new double[rows];
        for (int i = 0; i < rows; i++)
        {
            kth[i] = distances[(i * k) + k - 1];
        }

        return kth;
    }
}
