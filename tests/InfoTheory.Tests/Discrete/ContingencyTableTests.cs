using InfoTheory.Discrete;

namespace InfoTheory.Tests.Discrete;

public sealed class ContingencyTableTests
{
    private static (int[] X, int[] Y, int[] Z) Sample(int n, int kx, int ky, int kz, int seed)
    {
        var random = new Random(seed);
        int[] x = new int[n], y = new int[n], z = new int[n];
        for (int i = 0; i < n; i++)
        {
            z[i] = random.Next(kz);
            x[i] = random.Next(kx);
            y[i] = random.NextDouble() < 0.5 ? (x[i] + z[i]) % ky : random.Next(ky);
        }

        return (x, y, z);
    }

    [Fact]
    public void FromSymbols_ParallelBuild_GivesExactlyTheSameCounts()
    {
        // 3·2^20 + 17 samples: several chunks of 2^20, the last one partial.
        (int[] x, int[] y, _) = Sample((3 << 20) + 17, 64, 64, 1, 61);
        var serial = ContingencyTable.FromSymbols(x, y);
        var parallel = ContingencyTable.FromSymbols(x, y, maxDegreeOfParallelism: -1);
        var two = ContingencyTable.FromSymbols(x, y, maxDegreeOfParallelism: 2);
        Assert.True(serial.IsDense);
        Assert.Equal(serial.Joint.Counts.ToArray(), parallel.Joint.Counts.ToArray());
        Assert.Equal(serial.Joint.Symbols.ToArray(), parallel.Joint.Symbols.ToArray());
        Assert.Equal(serial.Joint.Counts.ToArray(), two.Joint.Counts.ToArray());
        Assert.Equal(serial.PlugInMutualInformation().Nats, parallel.PlugInMutualInformation().Nats);
    }

    [Fact]
    public void FromSymbols_DenseAndSparse_AgreeOnCountsAndMi()
    {
        // Scaling the symbols spreads the same pairs over a huge product alphabet (sparse path).
        (int[] x, int[] y, _) = Sample(20000, 30, 20, 1, 62);
        int[] xs = Array.ConvertAll(x, v => v * 1_000_003), ys = Array.ConvertAll(y, v => v * 999_983);
        var dense = ContingencyTable.FromSymbols(x, y);
        var sparse = ContingencyTable.FromSymbols(xs, ys);
        Assert.True(dense.IsDense);
        Assert.False(sparse.IsDense);
        Assert.Equal(dense.Joint.Counts.ToArray(), sparse.Joint.Counts.ToArray());
        Assert.Equal(dense.PlugInMutualInformation().Nats, sparse.PlugInMutualInformation().Nats, 1e-13);
    }

    [Fact]
    public void Marginals_EqualTheHistogramsOfEachVariable_DenseAndSparse_TwoAndThreeWay()
    {
        // A dense table derives its marginals by summing its axes, a sparse one counts each variable: both must be
        // exactly the histogram of the variable alone (counts, symbols, alphabet size and N).
        (int[] x, int[] y, int[] z) = Sample((2 << 20) + 5, 9, 7, 4, 64);
        int[] ys = Array.ConvertAll(y, v => v * 999_983);
        foreach (ContingencyTable table in new[]
        {
            ContingencyTable.FromSymbols(x, y), ContingencyTable.FromSymbols(x, y, z),
            ContingencyTable.FromSymbols(x, ys), ContingencyTable.FromSymbols(x, ys, z),
        })
        {
            int[][] variables = table.Rank == 2 ? [x, table.Sizes[1] > 7 ? ys : y] : [x, table.Sizes[1] > 7 ? ys : y, z];
            for (int axis = 0; axis < table.Rank; axis++)
            {
                Histogram expected = Histogram.FromSymbols(variables[axis]), actual = table.Marginal(axis);
                Assert.Equal(expected.Counts.ToArray(), actual.Counts.ToArray());
                Assert.Equal(expected.Symbols.ToArray(), actual.Symbols.ToArray());
                Assert.Equal(expected.AlphabetSize, actual.AlphabetSize);
                Assert.Equal(expected.SampleCount, actual.SampleCount);
            }
        }

        Assert.True(ContingencyTable.FromSymbols(x, y, z).IsDense);
        Assert.False(ContingencyTable.FromSymbols(x, ys).IsDense);
    }

    [Fact]
    public void FromSymbols_DoesNotModifyTheCallersArrays()
    {
        (int[] x, int[] y, int[] z) = Sample((2 << 20) + 3, 5, 6, 3, 65);
        int[] x0 = (int[])x.Clone(), y0 = (int[])y.Clone(), z0 = (int[])z.Clone();
        _ = ContingencyTable.FromSymbols(x, y, z);
        _ = ContingencyTable.FromSymbols(x, y, maxDegreeOfParallelism: 2);
        Assert.Equal(x0, x);
        Assert.Equal(y0, y);
        Assert.Equal(z0, z);
    }

    [Fact]
    public void ThreeWay_PairMarginalsAndPlugInCmi_MatchTheSymbolRoute()
    {
        (int[] x, int[] y, int[] z) = Sample(30000, 5, 6, 3, 63);
        var table = ContingencyTable.FromSymbols(x, y, z);
        Assert.Equal(3, table.Rank);
        (int[] xz, _) = JointSymbols.Dense(x, z);
        Assert.Equal(Histogram.FromSymbols(xz).Counts.ToArray(), table.Marginal(0, 2).Counts.ToArray());
        double viaEntropies = new DiscreteConditionalMutualInformation().Estimate(x, y, z).Nats;
        Assert.Equal(viaEntropies, table.PlugInConditionalMutualInformation().Nats, 1e-12);
    }

    [Fact]
    public void PlugInMutualInformation_ProductTable_IsExactlyZero()
    {
        // Every (x, y) pair of 3 × 4 once: the table equals the product of its margins.
        int[] x = new int[12], y = new int[12];
        for (int i = 0; i < 12; i++)
        {
            x[i] = i / 4;
            y[i] = i % 4;
        }

        Assert.Equal(0.0, ContingencyTable.FromSymbols(x, y).PlugInMutualInformation().Nats);
    }

    [Fact]
    public void BadInput_Throws()
    {
        Assert.Equal("y", Assert.Throws<ArgumentException>(() => ContingencyTable.FromSymbols([1, 2], [1])).ParamName);
        Assert.Equal("x", Assert.Throws<ArgumentException>(() => ContingencyTable.FromSymbols([-1], [1])).ParamName);
        Assert.Equal("maxDegreeOfParallelism", Assert.Throws<ArgumentOutOfRangeException>(() => ContingencyTable.FromSymbols([1], [1], 0)).ParamName);
        int[] huge = [int.MaxValue, 0];
        var ex = Assert.Throws<ArgumentException>(() => ContingencyTable.FromSymbols(huge, huge, huge));
        Assert.Contains("re-encode", ex.Message, StringComparison.Ordinal);
        var two = ContingencyTable.FromSymbols([0, 1], [1, 0]);
        Assert.Throws<InvalidOperationException>(() => two.PlugInConditionalMutualInformation());
        Assert.Throws<InvalidOperationException>(() => two.Marginal(0, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => two.Marginal(2));
        Assert.Equal("table", Assert.Throws<ArgumentException>(() => new DiscreteMutualInformation().Estimate(ContingencyTable.FromSymbols([0], [0], [0]))).ParamName);
    }
}
