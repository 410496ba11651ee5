using InfoTheory.Discrete;
using InfoTheory.Measures;

namespace InfoTheory.Tests.Discrete;

/// <summary>Exact cases from the issue: the plug-in estimate on samples where one variable determines the other.</summary>
public sealed class DiscreteMutualInformationTests
{
    private static readonly PlugInEntropy PlugIn = new();

    private static double HGiven(int[] x, int[] y)
    {
        // H(X | Y) = H(X, Y) − H(Y), plug-in.
        (int[] xy, _) = JointSymbols.Dense(x, y);
        return PlugIn.Estimate(xy).Nats - PlugIn.Estimate(y).Nats;
    }

    [Fact]
    public void FunctionalDependence_ConditionalEntropyZero_AndMiEqualsEntropyOfFunction()
    {
        var random = new Random(51);
        int[] x = new int[2000];
        for (int i = 0; i < x.Length; i++)
        {
            x[i] = random.Next(12);
        }

        int[] f = Array.ConvertAll(x, v => v % 4);
        Assert.Equal(0.0, HGiven(f, x), 1e-12);
        Assert.Equal(PlugIn.Estimate(f).Nats, new DiscreteMutualInformation().Estimate(x, f).Nats, 1e-12);
    }

    [Fact]
    public void SignAndAbsoluteValue_RecoverTheValue()
    {
        var random = new Random(52);
        int[] values = new int[3000];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = random.Next(-7, 8);
        }

        int[] x = Array.ConvertAll(values, v => v + 7);
        int[] sign = Array.ConvertAll(values, v => Math.Sign(v) + 1);
        int[] abs = Array.ConvertAll(values, Math.Abs);
        (int[] signAbs, _) = JointSymbols.Dense(sign, abs);
        Assert.Equal(0.0, HGiven(x, signAbs), 1e-12);
        Assert.Equal(PlugIn.Estimate(x).Nats, new DiscreteMutualInformation().Estimate(x, signAbs).Nats, 1e-12);
    }

    [Fact]
    public void ChineseRemainderTheorem_ResiduesRecoverTheInteger()
    {
        // x in [0, 105) is determined by (x mod 3, x mod 5, x mod 7).
        var random = new Random(53);
        int[] x = new int[5000];
        for (int i = 0; i < x.Length; i++)
        {
            x[i] = random.Next(105);
        }

        (int[] residues, _) = JointSymbols.Dense(Array.ConvertAll(x, v => v % 3), Array.ConvertAll(x, v => v % 5), Array.ConvertAll(x, v => v % 7));
        Assert.Equal(0.0, HGiven(x, residues), 1e-12);
        Assert.Equal(PlugIn.Estimate(x).Nats, new DiscreteMutualInformation().Estimate(x, residues).Nats, 1e-12);
    }

    [Fact]
    public void SortingPermutation_RecoveredFromAllPairwiseComparisons()
    {
        // X: a random ordering of 5 items (one of 120); Y: the 10 pairwise comparisons as bits.
        var random = new Random(54);
        int n = 4000;
        int[] perm = new int[n], comparisons = new int[n];
        var encoder = new SymbolEncoder<string>();
        for (int s = 0; s < n; s++)
        {
            int[] items = [0, 1, 2, 3, 4];
            random.Shuffle(items);
            perm[s] = encoder.Encode(string.Join(",", items));
            int bits = 0, bit = 0;
            for (int i = 0; i < 5; i++)
            {
                for (int j = i + 1; j < 5; j++)
                {
                    bits |= (items[i] < items[j] ? 1 : 0) << bit++;
                }
            }

            comparisons[s] = bits;
        }

        Assert.Equal(0.0, HGiven(perm, comparisons), 1e-12);
        Assert.Equal(PlugIn.Estimate(perm).Nats, new DiscreteMutualInformation().Estimate(perm, comparisons).Nats, 1e-12);
    }

    [Fact]
    public void PlugIn_DenseTablePath_EqualsEntropyRouteAndExactMeasure()
    {
        // Cross-check (DESIGN §8.4): the dense contingency-table path, the generic entropy route
        // (forced through the sorted path by huge symbols) and the exact measure on the empirical table agree.
        var random = new Random(55);
        int n = 20000;
        int[] x = new int[n], y = new int[n];
        double[] table = new double[6 * 5];
        for (int i = 0; i < n; i++)
        {
            x[i] = random.Next(6);
            y[i] = (x[i] + random.Next(3)) % 5;
            table[(x[i] * 5) + y[i]]++;
        }

        double dense = new DiscreteMutualInformation().Estimate(x, y).Nats;
        double exact = MutualInformation.Of(new JointDistribution(table, [6, 5], normalize: true)).Nats;
        long[] xy = JointSymbols.Combine(x, y);
        double viaEntropies = PlugIn.Estimate(x).Nats + PlugIn.Estimate(y).Nats - PlugIn.Estimate(Histogram.FromSymbols(xy)).Nats;
        Assert.Equal(exact, dense, 1e-12);
        Assert.Equal(exact, viaEntropies, 1e-12);
    }

    [Fact]
    public void Symmetry_AndConstantZ_ConditionalEqualsMarginal()
    {
        var random = new Random(56);
        int n = 3000;
        int[] x = new int[n], y = new int[n], z = new int[n];
        for (int i = 0; i < n; i++)
        {
            x[i] = random.Next(4);
            y[i] = random.NextDouble() < 0.7 ? x[i] : random.Next(4);
        }

        var mi = new DiscreteMutualInformation();
        Assert.Equal(mi.Estimate(x, y).Nats, mi.Estimate(y, x).Nats, 1e-13);
        Assert.Equal(mi.Estimate(x, y).Nats, new DiscreteConditionalMutualInformation().Estimate(x, y, z).Nats, 1e-12);
    }

    // The conditional MI counts the triples in one contingency table when their codes fit it, and re-encodes each joint
    // variable densely otherwise; both must give Ĥ(X,Z) + Ĥ(Y,Z) − Ĥ(X,Y,Z) − Ĥ(Z) over the histograms of the dense
    // joint codes, to the bit, whatever the entropy estimator. The reference here builds those histograms directly.
    [Theory]
    [InlineData(20_000, 9, 5, 4)]
    [InlineData(3_000, 40, 40, 6)] // sparse cells: many singletons, which the bias corrections weigh
    [InlineData(5_000, int.MaxValue, int.MaxValue, int.MaxValue)] // codes beyond 2^62: the dense re-encoding
    public void ConditionalMi_EqualsEntropiesOfDenseJointCodes_ForEveryEstimator(int n, int ax, int ay, int az)
    {
        var random = new Random(23);
        int[] x = new int[n], y = new int[n], z = new int[n];
        for (int i = 0; i < n; i++)
        {
            x[i] = ax == int.MaxValue ? random.Next(6) * 300_000_000 : random.Next(ax);
            y[i] = ay == int.MaxValue ? (x[i] / 300_000_000 + random.Next(3)) * 200_000_000 : (x[i] + random.Next(3)) % ay;
            z[i] = az == int.MaxValue ? random.Next(4) * 500_000_000 : random.Next(az);
        }

        DiscreteEntropyEstimator[] estimators =
            [new PlugInEntropy(), new MillerMadowEntropy(), new GrassbergerEntropy(), new ChaoShenEntropy(), new JamesSteinEntropy(), new NsbEntropy()];
        foreach (DiscreteEntropyEstimator entropy in estimators)
        {
            double H(params int[][] variables) => entropy.Estimate(Histogram.FromSymbols(JointSymbols.Dense(variables).Codes)).Nats;
            double expected = H(x, z) + H(y, z) - H(x, y, z) - H(z);
            Assert.Equal(expected, new DiscreteConditionalMutualInformation(entropy).Estimate(x, y, z).Nats);
        }
    }

    [Fact]
    public void Xor_ConditionalMiIsOneBit()
    {
        // Y = X xor Z over all four equally frequent (x, z) pairs: I(X;Y) = 0, I(X;Y|Z) = 1 bit exactly in the plug-in.
        int[] x = [0, 0, 1, 1], z = [0, 1, 0, 1];
        int[] y = [0, 1, 1, 0];
        Assert.Equal(0.0, new DiscreteMutualInformation().Estimate(x, y).Bits, 1e-15);
        Assert.Equal(1.0, new DiscreteConditionalMutualInformation().Estimate(x, y, z).Bits, 1e-15);
    }

    [Fact]
    public void JointAndConditionalEntropy_FromSamples_SatisfyTheChainRule()
    {
        // H(X, Y) = H(Y) + H(X | Y) for every estimator (by construction); H(f(X) | X) = 0 for plug-in.
        var random = new Random(57);
        int[] x = new int[4000], y = new int[4000];
        for (int i = 0; i < x.Length; i++)
        {
            x[i] = random.Next(8);
            y[i] = random.NextDouble() < 0.6 ? x[i] % 3 : random.Next(3);
        }

        foreach (DiscreteEntropyEstimator entropy in new DiscreteEntropyEstimator[] { new PlugInEntropy(), new MillerMadowEntropy(), new NsbEntropy() })
        {
            Assert.Equal(entropy.EstimateJoint(x, y).Nats, entropy.Estimate(y).Nats + entropy.EstimateConditional(x, y).Nats, 1e-10);
        }

        Assert.Equal(0.0, PlugIn.EstimateConditional(Array.ConvertAll(x, v => v % 3), x).Nats, 1e-12);
        // Plug-in: H(X|Y) = H(X) − I(X;Y).
        Assert.Equal(PlugIn.Estimate(x).Nats - new DiscreteMutualInformation().Estimate(x, y).Nats, PlugIn.EstimateConditional(x, y).Nats, 1e-12);
        Assert.Equal("given", Assert.Throws<ArgumentException>(() => PlugIn.EstimateConditional([1, 2], [1])).ParamName);
    }

    [Fact]
    public void BadInput_NamesTheParameter()
    {
        var mi = new DiscreteMutualInformation();
        Assert.Equal("y", Assert.Throws<ArgumentException>(() => mi.Estimate([1, 2], [1])).ParamName);
        Assert.Equal("x", Assert.Throws<ArgumentException>(() => mi.Estimate([], [])).ParamName);
        Assert.Equal("y", Assert.Throws<ArgumentException>(() => mi.Estimate([1, 2], [0, -1])).ParamName);
        var bounded = new DiscreteMutualInformation { AlphabetSizeX = 2 };
        Assert.Equal("x", Assert.Throws<ArgumentException>(() => bounded.Estimate([0, 2], [0, 1])).ParamName);
        var cmi = new DiscreteConditionalMutualInformation();
        Assert.Equal("z", Assert.Throws<ArgumentException>(() => cmi.Estimate([0, 1], [0, 1], [0, -3])).ParamName);
        Assert.Equal("z", Assert.Throws<ArgumentException>(() => cmi.Estimate([0, 1], [0, 1], [0])).ParamName);
    }
}
