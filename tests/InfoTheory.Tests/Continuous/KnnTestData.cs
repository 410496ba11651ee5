using InfoTheory.Continuous;
using InfoTheory.Continuous.Neighbors;
using MathNet.Numerics.Distributions;

namespace InfoTheory.Tests.Continuous;

/// <summary>Seeded samples and helpers shared by the k-NN estimator tests.</summary>
internal static class KnnTestData
{
    /// <summary>n standard normal draws, seeded.</summary>
    public static double[] Normals(int n, int seed)
    {
        double[] values = new double[n];
        Normal.Samples(new Random(seed), values, 0, 1);
        return values;
    }

    /// <summary>An n × d matrix of independent standard normals.</summary>
    public static SampleMatrix Independent(int n, int d, int seed) => SampleMatrix.FromRowMajor(Normals(n * d, seed), d);

    /// <summary>An n × d matrix whose columns are independent normals plus (0.6 + 0.3 j)·shared, so every pair is dependent.</summary>
    public static SampleMatrix Dependent(int n, int d, int seed, double[] shared)
    {
        double[] z = Normals(n * d, seed);
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < d; j++)
            {
                z[(i * d) + j] += (0.6 + (0.3 * j)) * shared[i];
            }
        }

        return SampleMatrix.FromRowMajor(z, d);
    }

    /// <summary>Applies f to every value.</summary>
    public static SampleMatrix Map(SampleMatrix m, Func<double, double> f) =>
        SampleMatrix.FromRowMajor(m.Data.ToArray().Select(f).ToArray(), m.Columns);

    /// <summary>
    /// Runs <paramref name="estimate"/> with every neighbour-search method the engine offers, skipping those it reports as
    /// unavailable (an argument exception about the method), and returns the results by method. Brute force always runs.
    /// </summary>
    public static IReadOnlyList<(NeighborSearchMethod Method, double Value)> ForEachMethod(Func<NeighborSearchMethod, double> estimate)
    {
        var results = new List<(NeighborSearchMethod, double)>();
        foreach (NeighborSearchMethod method in Enum.GetValues<NeighborSearchMethod>())
        {
            try
            {
                results.Add((method, estimate(method)));
            }
            catch (ArgumentException e) when (e.ParamName == "method" && method is not (NeighborSearchMethod.BruteForce or NeighborSearchMethod.Automatic))
            {
                // Not available in this engine (or not for this data shape).
            }
        }

        Assert.Contains(results, r => r.Item1 == NeighborSearchMethod.BruteForce);
        return results;
    }

    /// <summary>Asserts that every method's result equals <paramref name="expected"/> to 1e-12 (absolute, or relative for large values).</summary>
    public static void AllMatch(double expected, IReadOnlyList<(NeighborSearchMethod Method, double Value)> results)
    {
        Assert.True(double.IsFinite(expected), $"reference {expected}");
        foreach ((NeighborSearchMethod method, double value) in results)
        {
            double tolerance = 1e-12 * Math.Max(1, Math.Abs(expected));
            Assert.True(Math.Abs(value - expected) <= tolerance, $"{method}: {value:R} vs reference {expected:R}");
        }
    }
}
