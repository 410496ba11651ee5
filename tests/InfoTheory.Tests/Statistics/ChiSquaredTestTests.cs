using InfoTheory.Discrete;
using InfoTheory.Statistics;
using MathNet.Numerics.Distributions;

namespace InfoTheory.Tests.Statistics;

public sealed class ChiSquaredTestTests
{
    [Fact]
    public void MutualInformation_DegreesOfFreedom_UseObservedAlphabets()
    {
        // X takes 3 distinct values (0, 5, 9), Y takes 4 (1, 2, 3, 7): df = (3 − 1)(4 − 1) = 6,
        // whatever the largest symbols are.
        int[] x = [0, 5, 9, 0, 5, 9, 0, 5];
        int[] y = [1, 2, 3, 7, 7, 3, 2, 1];
        Assert.Equal(6, ChiSquaredTest.MutualInformation(x, y).DegreesOfFreedom);
    }

    [Fact]
    public void MutualInformation_ConstantVariable_NoDegreesOfFreedom_PValueOne()
    {
        ChiSquaredTestResult result = ChiSquaredTest.MutualInformation([4, 4, 4, 4], [0, 1, 2, 1]);
        Assert.Equal(0, result.DegreesOfFreedom);
        Assert.Equal(1.0, result.PValue);
    }

    [Fact]
    public void MutualInformation_Statistic_EqualsGFromTheTable_AndPValueTheChiSquaredTail()
    {
        // G = 2 Σ O ln(O/E) with E = row·column/N (Woolf 1957) must equal 2N·Î; the p-value must equal
        // 1 − F_χ²(G) as MathNet computes it (moderate p, so the subtraction loses nothing at 1e-12).
        (int[] x, int[] y) = TestData.Pairs(new Random(201), 600, 3, 4, 0.1);
        double[,] observed = new double[3, 4];
        double[] rows = new double[3], columns = new double[4];
        for (int i = 0; i < x.Length; i++)
        {
            observed[x[i], y[i]]++;
            rows[x[i]]++;
            columns[y[i]]++;
        }

        double g = 0;
        for (int r = 0; r < 3; r++)
        {
            for (int c = 0; c < 4; c++)
            {
                double expected = rows[r] * columns[c] / x.Length;
                g += observed[r, c] == 0 ? 0 : 2 * observed[r, c] * Math.Log(observed[r, c] / expected);
            }
        }

        ChiSquaredTestResult result = ChiSquaredTest.MutualInformation(x, y);
        Assert.Equal(g, result.Statistic, 1e-9);
        Assert.Equal(2 * x.Length * new PlugInMutualInformation().Estimate(x, y).Nats, result.Statistic, 1e-12);
        Assert.Equal(1 - ChiSquared.CDF(6, result.Statistic), result.PValue, 1e-12);
        Assert.InRange(result.PValue, 1e-6, 0.999);
    }

    [Fact]
    public void MutualInformation_StrongDependence_TinyPValueStillResolved()
    {
        // Coupling 0.8 at N = 2000 gives G ≈ 2400 on 9 df: a tail near 10⁻⁵⁰⁰, which underflows to 0.
        // Coupling 0.15 gives G ≈ N·3c² ≈ 135 on 9 df: a tail near 10⁻²⁴, which 1 − CDF would return as 0;
        // computed as an upper tail it must come out as a positive number.
        (int[] x, int[] y) = TestData.Pairs(new Random(202), 2000, 4, 4, 0.8);
        Assert.InRange(ChiSquaredTest.MutualInformation(x, y).PValue, 0.0, 1e-100);
        (int[] a, int[] b) = TestData.Pairs(new Random(203), 2000, 4, 4, 0.15);
        Assert.InRange(ChiSquaredTest.MutualInformation(a, b).PValue, 1e-300, 1e-12);
    }

    [Fact]
    public void MutualInformation_AgreesWithPermutationPValue_OnAModerateCase()
    {
        // N = 500 over 3×3 (expected counts ≈ 55 per cell, well inside the χ² regime) with weak coupling
        // c = 0.06 (noncentrality ≈ 2N·c² = 3.6 on 4 df), so that the p-value is moderate. The permutation
        // p-value with B = 4000 has Monte Carlo standard error √(p(1 − p)/B) ≤ 0.008; the χ² approximation
        // at this N is off by a few percent of p. 0.03 allows about 3 standard errors plus that.
        (int[] x, int[] y) = TestData.Pairs(new Random(204), 500, 3, 3, 0.06);
        double analytic = ChiSquaredTest.MutualInformation(x, y).PValue;
        double permuted = PermutationTest.MutualInformation(new PlugInMutualInformation(), x, y, 4000, seed: 11).PValue;
        Assert.InRange(analytic, 0.005, 0.5);
        Assert.Equal(analytic, permuted, 0.03);
    }

    [Fact]
    public void MutualInformation_Independent_StatisticMeanIsDegreesOfFreedom_AndPValuesCalibrated()
    {
        // 300 independent data sets, N = 1000 over 4×5 (df = 12, expected counts ≥ 40). χ²₁₂ has mean 12 and
        // variance 24, so the mean of 300 statistics has standard error √(24/300) ≈ 0.28; the O(1/N) excess of
        // G over χ² (Williams 1976) is below 0.1 here. 1.2 ≈ 4 standard errors plus that.
        // The count of p ≤ 0.05 must lie in the central 99.9 % interval of Binomial(300, 0.05).
        var random = new Random(205);
        double[] statistics = new double[300];
        int below = 0;
        for (int d = 0; d < statistics.Length; d++)
        {
            (int[] x, int[] y) = TestData.Pairs(random, 1000, 4, 5, 0.0);
            ChiSquaredTestResult result = ChiSquaredTest.MutualInformation(x, y);
            Assert.Equal(12, result.DegreesOfFreedom);
            statistics[d] = result.Statistic;
            below += result.PValue <= 0.05 ? 1 : 0;
        }

        Assert.Equal(12.0, statistics.Average(), 1.2);
        (int low, int high) = PermutationTestTests.BinomialInterval(statistics.Length, 0.05, 0.999);
        Assert.InRange(below, low, high);
    }
}
