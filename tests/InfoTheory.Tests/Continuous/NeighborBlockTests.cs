using InfoTheory.Continuous;
using InfoTheory.Continuous.Internal;
using InfoTheory.Continuous.Neighbors;

namespace InfoTheory.Tests.Continuous;

/// <summary>
/// Neighbour lists read block by block (k + 1 external queries with the query itself dropped) must equal the one-pass
/// self-query bit for bit, so that n·k beyond an array's size changes memory, never results.
/// </summary>
public sealed class NeighborBlockTests
{
    /// <summary>Integer-valued data: many exact duplicates and tied distances, where dropping "self" is delicate.</summary>
    private static SampleMatrix Tied(int n, int d, int seed)
    {
        var random = new Random(seed);
        double[] values = new double[n * d];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = random.Next(0, 4);
        }

        return SampleMatrix.FromRowMajor(values, d);
    }

    [Theory]
    [InlineData(NeighborMetric.Maximum, 1, 1)]
    [InlineData(NeighborMetric.Maximum, 2, 5)]
    [InlineData(NeighborMetric.Euclidean, 3, 4)]
    [InlineData(NeighborMetric.Euclidean, 1, 7)]
    public void KthDistances_InBlocks_EqualOnePass(NeighborMetric metric, int d, int k)
    {
        foreach (SampleMatrix points in new[] { Tied(300, d, 1), KnnTestData.Independent(300, d, 2) })
        {
            foreach (NeighborSearchMethod method in new[] { NeighborSearchMethod.BruteForce, NeighborSearchMethod.Automatic })
            {
                double[] whole = NeighborStatistics.KthDistances(points, metric, k, method, -1);
                // Blocks of 1, 7 and 64 rows (entries / (k + 1)), including a last block shorter than the others.
                foreach (long entries in new long[] { 1, 7L * (k + 1), 64L * (k + 1) })
                {
                    double[] blocks = NeighborStatistics.KthDistances(points, metric, k, method, -1, entries);
                    Assert.Equal(whole, blocks);
                }
            }
        }
    }

    [Theory]
    [InlineData(KsgAlgorithm.One)]
    [InlineData(KsgAlgorithm.Two)]
    public void KsgCore_InBlocks_EqualsOnePassBitForBit(KsgAlgorithm algorithm)
    {
        // Algorithm 2 reads the neighbour indices themselves (marginal radii), so the order of tied neighbours matters too.
        SampleMatrix[] variables = [Tied(250, 1, 3), Tied(250, 2, 4)];
        double whole = KsgCore.TotalCorrelation(variables, 4, algorithm, NeighborSearchMethod.Automatic, -1);
        foreach (long entries in new long[] { 1, 5 * 13, 5 * 64 })
        {
            double blocks = KsgCore.TotalCorrelation(variables, 4, algorithm, NeighborSearchMethod.Automatic, 1, entries);
            Assert.Equal(BitConverter.DoubleToInt64Bits(whole), BitConverter.DoubleToInt64Bits(blocks));
        }
    }

    [Fact(Explicit = true)]
    [Trait("Category", "Slow")]
    public void KozachenkoLeonenko_TenMillionRowsK250_NeighbourEntriesBeyondInt32_Works()
    {
        // n·k = 2.5·10⁹ entries exceed int.MaxValue: the one-pass lists could not even be indexed. Uniform on [0, 1) has
        // h = 0; with n = 10⁷ the k-NN estimate's bias and spread are far below 0.01 nats. Explicit because it is long:
        // a Release build took 310 s on two shared cores (h = 2.6e-5, peak working set 1.1 GiB; one pass would need 30 GB).
        const int n = 10_000_000;
        var random = new Random(5);
        double[] values = new double[n];
        for (int i = 0; i < n; i++)
        {
            values[i] = random.NextDouble();
        }

        double h = new KozachenkoLeonenkoEntropy { K = 250 }.Estimate(values).Nats;
        Assert.Equal(0.0, h, 0.01);
    }
}
