using InfoTheory.Discrete;
using InfoTheory.Statistics;
using MathNet.Numerics.Distributions;

namespace InfoTheory.Tests.Statistics;

public sealed class PermutationTestTests
{
    private static readonly PlugInMutualInformation Mi = new();
    private static readonly PlugInConditionalMutualInformation Cmi = new();

    /// <summary>Z uniform on 3 symbols; X and Y each follow Z with probability 0.7 and are otherwise uniform on 4, independently given Z.</summary>
    private static (int[] X, int[] Y, int[] Z) ConditionallyIndependent(Random random, int n)
    {
        int[] x = new int[n], y = new int[n], z = new int[n];
        for (int i = 0; i < n; i++)
        {
            z[i] = random.Next(3);
            x[i] = random.NextDouble() < 0.7 ? z[i] : random.Next(4);
            y[i] = random.NextDouble() < 0.7 ? z[i] : random.Next(4);
        }

        return (x, y, z);
    }

    [Fact]
    public void MutualInformation_AnyDegreeOfParallelism_BitIdentical()
    {
        (int[] x, int[] y) = TestData.Pairs(new Random(101), 300, 5, 4, 0.2);
        PermutationTestResult serial = PermutationTest.MutualInformation(Mi, x, y, 257, seed: 7, maxDegreeOfParallelism: 1);
        PermutationTestResult two = PermutationTest.MutualInformation(Mi, x, y, 257, seed: 7, maxDegreeOfParallelism: 2);
        PermutationTestResult unlimited = PermutationTest.MutualInformation(Mi, x, y, 257, seed: 7);
        Assert.Equal(serial.NullDistribution.ToArray(), two.NullDistribution.ToArray());
        Assert.Equal(serial.NullDistribution.ToArray(), unlimited.NullDistribution.ToArray());
        Assert.Equal(serial.PValue, two.PValue);
        Assert.Equal(serial.PValue, unlimited.PValue);
        Assert.Equal(serial.Observed, unlimited.Observed);
        Assert.Equal(257, serial.Permutations);
    }

    [Fact]
    public void ConditionalMutualInformation_AnyDegreeOfParallelism_BitIdentical()
    {
        (int[] x, int[] y, int[] z) = ConditionallyIndependent(new Random(102), 300);
        PermutationTestResult serial = PermutationTest.ConditionalMutualInformation(Cmi, x, y, z, 129, seed: 8, maxDegreeOfParallelism: 1);
        PermutationTestResult two = PermutationTest.ConditionalMutualInformation(Cmi, x, y, z, 129, seed: 8, maxDegreeOfParallelism: 2);
        PermutationTestResult unlimited = PermutationTest.ConditionalMutualInformation(Cmi, x, y, z, 129, seed: 8);
        Assert.Equal(serial.NullDistribution.ToArray(), two.NullDistribution.ToArray());
        Assert.Equal(serial.NullDistribution.ToArray(), unlimited.NullDistribution.ToArray());
        Assert.Equal(serial.PValue, unlimited.PValue);
    }

    [Fact]
    public void MutualInformation_OtherSeed_OtherNullDistribution_AndInputsUntouched()
    {
        (int[] x, int[] y) = TestData.Pairs(new Random(103), 200, 4, 4, 0.1);
        int[] xCopy = (int[])x.Clone(), yCopy = (int[])y.Clone();
        double[] a = PermutationTest.MutualInformation(Mi, x, y, 50, seed: 1).NullDistribution.ToArray();
        double[] b = PermutationTest.MutualInformation(Mi, x, y, 50, seed: 2).NullDistribution.ToArray();
        Assert.NotEqual(a, b);
        Assert.Equal(xCopy, x);
        Assert.Equal(yCopy, y);
    }

    [Fact]
    public void MutualInformation_StronglyDependent_SmallestPossiblePValue()
    {
        // y copies x 80 % of the time: I ≈ 0.6 nats, while permuted estimates at N = 200 stay near the
        // bias (|X| − 1)(|Y| − 1)/(2N) ≈ 0.02 nats with spread ≈ 0.01, so none of 199 can reach it.
        (int[] x, int[] y) = TestData.Pairs(new Random(104), 200, 4, 4, 0.8);
        PermutationTestResult result = PermutationTest.MutualInformation(Mi, x, y, 199, seed: 3);
        Assert.Equal(1.0 / 200, result.PValue);
        Assert.True(result.PValue < 0.01);
    }

    [Fact]
    public void MutualInformation_ConstantVariable_PValueIsOne()
    {
        // Every permutation gives the observed 0 exactly: all are ties, so p = (1 + B)/(1 + B).
        int[] x = new int[50];
        int[] y = new int[50];
        for (int i = 0; i < y.Length; i++)
        {
            y[i] = i % 3;
        }

        Assert.Equal(1.0, PermutationTest.MutualInformation(Mi, x, y, 30, seed: 4).PValue);
    }

    [Fact]
    public void MutualInformation_NullMean_MatchesTheMillerBias()
    {
        // Under a permutation the plug-in MI of a 4×4 table has mean ≈ (|X| − 1)(|Y| − 1)/(2N) = 9/800
        // (Miller 1955; 2N·I is asymptotically χ² with 9 degrees of freedom). With B = 2000 the standard
        // error of the mean is √(2·9)/(2N)/√2000 ≈ 1 % of it, and the O(1/N) correction to the χ² mean
        // (Williams 1976) is about 1 % at N = 400; 8 % is a loose bound on both.
        (int[] x, int[] y) = TestData.Pairs(new Random(105), 400, 4, 4, 0.0);
        double[] nulls = PermutationTest.MutualInformation(Mi, x, y, 2000, seed: 5).NullDistribution.ToArray();
        double expected = 9.0 / 800;
        Assert.Equal(expected, nulls.Average(), expected * 0.08);
        Assert.All(nulls, v => Assert.True(v >= -1e-15));
    }

    [Fact]
    public void MutualInformation_UnderIndependence_PValuesAreUniform()
    {
        // 200 independent data sets (N = 200, 4×4, X non-uniform), 99 permutations each. Under H₀ the
        // permutation p-value is uniform on {1/100, …, 1} (exactly, without ties; ties only make it larger),
        // so P(p ≤ 0.05) = 0.05 and the count below 0.05 is Binomial(200, 0.05), mean 10: it must lie in
        // the central 99.9 % interval of that binomial. The empirical CDF must stay within the Kolmogorov
        // bound 1.95/√200 ≈ 0.138 of the uniform one (α = 0.001; conservative for a discrete null,
        // Conover 1972).
        const int datasets = 200;
        var random = new Random(106);
        double[] pValues = new double[datasets];
        for (int d = 0; d < datasets; d++)
        {
            int[] x = new int[200], y = new int[200];
            for (int i = 0; i < x.Length; i++)
            {
                double u = random.NextDouble();
                x[i] = u < 0.4 ? 0 : u < 0.7 ? 1 : u < 0.9 ? 2 : 3;
                y[i] = random.Next(4);
            }

            pValues[d] = PermutationTest.MutualInformation(Mi, x, y, 99, seed: 1000 + d).PValue;
        }

        int below = pValues.Count(p => p <= 0.05);
        (int low, int high) = BinomialInterval(datasets, 0.05, 0.999);
        Assert.InRange(below, low, high);

        double maxDeviation = 0;
        for (int k = 1; k <= 100; k++)
        {
            double empirical = pValues.Count(p => p <= (k / 100.0) + 1e-12) / (double)datasets;
            maxDeviation = Math.Max(maxDeviation, Math.Abs(empirical - (k / 100.0)));
        }

        Assert.True(maxDeviation <= 1.95 / Math.Sqrt(datasets), $"max |F̂ − F| = {maxDeviation}");
    }

    [Fact]
    public void ConditionalMutualInformation_PermutesOnlyWithinStrata()
    {
        // Every data set the estimator sees must keep y and z as given and the (x, z) pairs as a multiset:
        // the shuffle moves x only among samples with the same z. Negative z values are fine as strata.
        var random = new Random(107);
        int n = 120;
        int[] x = new int[n], y = new int[n], z = new int[n];
        for (int i = 0; i < n; i++)
        {
            z[i] = random.Next(5) - 2;
            x[i] = random.Next(6);
            y[i] = random.Next(3);
        }

        var recorder = new StrataRecorder(x, y, z);
        PermutationTestResult result = PermutationTest.ConditionalMutualInformation(recorder, x, y, z, 200, seed: 9, maxDegreeOfParallelism: 2);
        Assert.Equal(201, recorder.Calls);
        Assert.Equal(0, recorder.Violations);
        Assert.True(recorder.Moved >= 195, $"only {recorder.Moved} of 200 permutations moved x");
        Assert.Equal(200, result.Permutations);
    }

    [Fact]
    public void ConditionalMutualInformation_IndependentGivenZ_NotSignificant_WhileMarginalMiIs()
    {
        // X and Y both follow Z, so I(X;Y) is large (every marginal test rejects), but I(X;Y|Z) = 0.
        // Over 20 data sets the stratified p-values are uniform under H₀: at most 5 may fall below 0.05
        // (P(Binomial(20, 0.05) ≥ 6) < 0.0003) and their median must exceed 0.2
        // (P(at least 10 of 20 uniforms below 0.2) ≈ 0.003).
        var random = new Random(108);
        double[] conditional = new double[20];
        for (int d = 0; d < conditional.Length; d++)
        {
            (int[] x, int[] y, int[] z) = ConditionallyIndependent(random, 300);
            Assert.True(PermutationTest.MutualInformation(Mi, x, y, 99, seed: d).PValue <= 0.01);
            conditional[d] = PermutationTest.ConditionalMutualInformation(Cmi, x, y, z, 99, seed: d).PValue;
        }

        Assert.True(conditional.Count(p => p <= 0.05) <= 5);
        Array.Sort(conditional);
        Assert.True((conditional[9] + conditional[10]) / 2 > 0.2, $"median p = {(conditional[9] + conditional[10]) / 2}");
    }

    [Fact]
    public void ConditionalMutualInformation_DependentGivenZ_SmallPValue()
    {
        // Y copies X within every stratum: I(X;Y|Z) ≈ 0.7 nats, far above the permuted estimates.
        var random = new Random(109);
        int n = 300;
        int[] x = new int[n], y = new int[n], z = new int[n];
        for (int i = 0; i < n; i++)
        {
            z[i] = random.Next(3);
            x[i] = random.Next(4);
            y[i] = random.NextDouble() < 0.8 ? x[i] : random.Next(4);
        }

        Assert.True(PermutationTest.ConditionalMutualInformation(Cmi, x, y, z, 199, seed: 10).PValue < 0.01);
    }

    /// <summary>The shortest interval [low, high] with P(low ≤ Binomial(n, p) ≤ high) ≥ level, split evenly between the tails.</summary>
    internal static (int Low, int High) BinomialInterval(int n, double p, double level)
    {
        double tail = (1 - level) / 2;
        int low = 0;
        while (Binomial.CDF(p, n, low) < tail)
        {
            low++;
        }

        int high = n;
        while (high > 0 && 1 - Binomial.CDF(p, n, high - 1) < tail)
        {
            high--;
        }

        return (low, high);
    }

    /// <summary>A stand-in estimator that checks what it is given and returns 0.</summary>
    private sealed class StrataRecorder(int[] x, int[] y, int[] z) : IConditionalMutualInformationEstimator<int, int, int>
    {
        private readonly Dictionary<(int, int), int> _xzCounts = Count(x, z);
        private int _calls;
        private int _violations;
        private int _moved;

        public int Calls => _calls;

        public int Violations => _violations;

        public int Moved => _moved;

        public Information Estimate(ReadOnlySpan<int> x1, ReadOnlySpan<int> y1, ReadOnlySpan<int> z1)
        {
            Interlocked.Increment(ref _calls);
            bool same = y1.SequenceEqual(y) && z1.SequenceEqual(z);
            Dictionary<(int, int), int> counts = Count(x1.ToArray(), z1.ToArray());
            same &= counts.Count == _xzCounts.Count && counts.All(kv => _xzCounts.TryGetValue(kv.Key, out int c) && c == kv.Value);
            if (!same)
            {
                Interlocked.Increment(ref _violations);
            }

            if (!x1.SequenceEqual(x))
            {
                Interlocked.Increment(ref _moved);
            }

            return Information.Zero;
        }

        private static Dictionary<(int, int), int> Count(int[] a, int[] b)
        {
            var counts = new Dictionary<(int, int), int>();
            for (int i = 0; i < a.Length; i++)
            {
                counts[(a[i], b[i])] = counts.GetValueOrDefault((a[i], b[i])) + 1;
            }

            return counts;
        }
    }
}
