using InfoTheory.Statistics;
using InfoTheory.TimeSeries;

namespace InfoTheory.Tests.TimeSeries;

/// <summary>Surrogate tests of the discrete transfer entropy and storage (the continuous machinery on the symbols).</summary>
public sealed class DiscreteSurrogateTests
{
    /// <summary>Fair bits; Y_t copies X_{t−1} with probability <paramref name="copy"/>, else a fresh fair bit.</summary>
    private static (int[] X, int[] Y) Coupled(int n, double copy, int seed)
    {
        var random = new Random(seed);
        int[] x = new int[n], y = new int[n];
        for (int t = 0; t < n; t++)
        {
            x[t] = random.Next(2);
            y[t] = t > 0 && random.NextDouble() < copy ? x[t - 1] : random.Next(2);
        }

        return (x, y);
    }

    [Fact]
    public void Test_ObservedEqualsEstimate_AndIsDeterministic()
    {
        (int[] x, int[] y) = Coupled(800, 0.3, seed: 1);
        (int[] z, _) = Coupled(800, 0, seed: 2);
        var te = new DiscreteTransferEntropy { TargetHistory = 2, SourceHistory = 2 };
        PermutationTestResult result = te.Test([x], [y], [z], 49, seed: 5);
        Assert.Equal(te.Estimate([x], [y], [z]).Nats, result.Observed.Nats, 1e-12);
        Assert.Equal(49, result.Permutations);
        PermutationTestResult oneThread = te.Test([x], [y], [z], 49, seed: 5, maxDegreeOfParallelism: 1);
        Assert.Equal(result.NullDistribution.ToArray(), oneThread.NullDistribution.ToArray());
        Assert.Equal(result.PValue, oneThread.PValue);
    }

    [Fact]
    public void Test_Coupled_SmallestP_Independent_Calibrated()
    {
        // Power: with Y copying X_{t−1} 60 % of the time, T ≈ 0.2 nats at n = 500 against a null of ≈ 0.002.
        (int[] x, int[] y) = Coupled(500, 0.6, seed: 3);
        Assert.Equal(1.0 / 50, new DiscreteTransferEntropy().Test(x, y, 49, seed: 1).PValue);

        // Calibration: 200 independent pairs, B = 19. Under H₀ P(p ≤ 0.1) = 2/20 = 0.1 exactly (p takes the values k/20);
        // the share over 200 pairs has standard deviation 0.021, so [0.025, 0.175] is ±3.5 of them.
        int small = 0;
        for (int r = 0; r < 200; r++)
        {
            (int[] a, int[] b) = Coupled(300, 0, seed: 100 + r);
            small += new DiscreteTransferEntropy().Test(a, b, 19, seed: r).PValue <= 0.1 ? 1 : 0;
        }

        Assert.InRange(small / 200.0, 0.025, 0.175);
    }

    [Fact]
    public void Test_AgreesWithTheChiSquaredNull()
    {
        // A weak coupling at n = 3000, binary, k = l = 1: the χ² law (2 degrees of freedom here) is accurate with ≥ 700
        // rows per cell, so the surrogate p-value (B = 999, its Monte Carlo standard error ≤ 0.016) is within 0.06.
        (int[] x, int[] y) = Coupled(3000, 0.04, seed: 9);
        var te = new DiscreteTransferEntropy();
        double analytic = te.AnalyticTest(x, y).PValue;
        double surrogate = te.Test(x, y, 999, seed: 2).PValue;
        Assert.InRange(surrogate, analytic - 0.06, analytic + 0.06);
    }

    [Fact]
    public void StorageTest_PersistentChain_SmallestP_IidBits_NotRejected()
    {
        // A chain that keeps its bit with probability 0.9 has A = ln 2 − H_b(0.1) ≈ 0.37 nats; i.i.d. bits have A = 0.
        var random = new Random(4);
        int[] chain = new int[600], bits = new int[600];
        for (int t = 0; t < chain.Length; t++)
        {
            chain[t] = t == 0 ? 0 : random.NextDouble() < 0.9 ? chain[t - 1] : 1 - chain[t - 1];
            bits[t] = random.Next(2);
        }

        var ais = new DiscreteActiveInformationStorage();
        PermutationTestResult persistent = ais.Test([chain], 49, seed: 1);
        Assert.Equal(ais.Estimate(chain).Nats, persistent.Observed.Nats, 1e-12);
        Assert.Equal(1.0 / 50, persistent.PValue);

        int small = 0;
        for (int r = 0; r < 100; r++)
        {
            int[] iid = new int[300];
            var rr = new Random(500 + r);
            for (int t = 0; t < iid.Length; t++)
            {
                iid[t] = rr.Next(3);
            }

            small += ais.Test([iid], 19, seed: r).PValue <= 0.1 ? 1 : 0;
        }

        // P(p ≤ 0.1) = 0.1 under H₀; over 100 series the share has standard deviation 0.03: [0, 0.205] is 3.5 of them above.
        Assert.InRange(small / 100.0, 0, 0.205);
    }

    [Fact]
    public void Tests_NegativeSymbol_NamesTheParameter()
    {
        Assert.Equal("sources", Assert.Throws<ArgumentException>(() => new DiscreteTransferEntropy().Test([[0, 1, -1, 0]], [[0, 1, 1, 0]], null, 9)).ParamName);
        Assert.Equal("trials", Assert.Throws<ArgumentException>(() => new DiscreteActiveInformationStorage().Test([[0, 1, -2, 0]], 9)).ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => new DiscreteTransferEntropy().Test([0, 1, 1, 0, 1], [0, 1, 1, 0, 0], 0));
    }
}
