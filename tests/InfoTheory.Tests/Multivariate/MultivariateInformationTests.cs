using InfoTheory.Discrete;
using InfoTheory.Multivariate;

namespace InfoTheory.Tests.Multivariate;

public sealed class MultivariateInformationTests
{
    private static DiscreteDistribution Xor => DiscreteDistribution.Uniform(["000", "011", "101", "110"]);

    private static DiscreteDistribution GiantBit(int n) => DiscreteDistribution.Uniform([new string('0', n), new string('1', n)]);

    /// <summary>n − 1 independent fair bits and their parity: every n − 1 of the n variables are independent and uniform.</summary>
    private static DiscreteDistribution Parity(int n)
    {
        var outcomes = new List<string>();
        for (int m = 0; m < 1 << (n - 1); m++)
        {
            char[] bits = Enumerable.Range(0, n - 1).Select(i => (m >> i & 1) == 1 ? '1' : '0').ToArray();
            outcomes.Add(new string(bits) + (bits.Count(b => b == '1') % 2 == 1 ? '1' : '0'));
        }

        return DiscreteDistribution.Uniform(outcomes);
    }

    private static DiscreteDistribution Random(Random random, int variables, int alphabet, int outcomes)
    {
        var list = new List<int[]>();
        var p = new double[outcomes];
        for (int i = 0; i < outcomes; i++)
        {
            list.Add(Enumerable.Range(0, variables).Select(_ => random.Next(alphabet)).ToArray());
            p[i] = random.NextDouble() + 0.01;
        }

        return DiscreteDistribution.Create(list, p, normalize: true);
    }

    [Fact]
    public void Profile_Xor_MatchesTheClosedForm()
    {
        // XOR (Rosas et al. 2019, Table 1): TC = 1, DTC = 2, Ω = −1, Σ = 3 bits.
        MultivariateProfile x = MultivariateInformation.Profile(Xor);
        Assert.Equal(2.0, x.Entropy.Bits, 12);
        Assert.Equal(1.0, x.TotalCorrelation.Bits, 12);
        Assert.Equal(2.0, x.DualTotalCorrelation.Bits, 12);
        Assert.Equal(-1.0, x.OInformation.Bits, 12);
        Assert.Equal(3.0, x.SInformation.Bits, 12);
        Assert.Equal(-1.0, MultivariateInformation.CoInformation(Xor).Bits, 12);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(5)]
    [InlineData(12)]
    public void Profile_GiantBitAndParity_MatchTheClosedForms(int n)
    {
        // Giant bit (n copies of one fair bit): H = Hᵢ = H₋ᵢ = 1 bit, so TC = n − 1, DTC = 1, Ω = n − 2, co-information 1.
        MultivariateProfile g = MultivariateInformation.Profile(GiantBit(n));
        Assert.Equal(n - 1, g.TotalCorrelation.Bits, 10);
        Assert.Equal(1, g.DualTotalCorrelation.Bits, 10);
        Assert.Equal(n - 2, g.OInformation.Bits, 10);
        Assert.Equal(1, MultivariateInformation.CoInformation(GiantBit(n)).Bits, 10);

        // Parity of n bits: H = n − 1, Hᵢ = 1, H₋ᵢ = n − 1, so TC = 1, DTC = n − 1, Ω = 2 − n; co-information (−1)ⁿ
        // (the alternating sum Σₖ (−1)^{k+1} C(n,k)·k vanishes for n ≥ 2 and only the full set falls one bit short).
        MultivariateProfile p = MultivariateInformation.Profile(Parity(n));
        Assert.Equal(1, p.TotalCorrelation.Bits, 10);
        Assert.Equal(n - 1, p.DualTotalCorrelation.Bits, 10);
        Assert.Equal(2 - n, p.OInformation.Bits, 10);
        Assert.Equal(n % 2 == 0 ? 1 : -1, MultivariateInformation.CoInformation(Parity(n)).Bits, 10);
    }

    [Fact]
    public void Profile_TwoVariables_IsTheMutualInformation()
    {
        var d = DiscreteDistribution.Create([[0, 0], [0, 1], [1, 1]], [0.5, 0.25, 0.25]);
        double mi = d.MutualInformation([0], [1]).Nats;
        MultivariateProfile p = MultivariateInformation.Profile(d);
        Assert.Equal(mi, p.TotalCorrelation.Nats, 14);
        Assert.Equal(mi, p.DualTotalCorrelation.Nats, 14);
        Assert.Equal(0, p.OInformation.Nats, 14);
        Assert.Equal(mi, MultivariateInformation.CoInformation(d).Nats, 14);
    }

    [Fact]
    public void OInformationGradient_XorAndGiantBit()
    {
        // Ω of any two variables is 0 (TC = DTC = MI), so every gradient of XOR is Ω(XOR) = −1 bit; for four copies
        // of a bit Ω = 2 and Ω of three copies = 1, so every gradient is +1 bit.
        Assert.All(MultivariateInformation.OInformationGradient(Xor), g => Assert.Equal(-1, g.Bits, 12));
        Assert.All(MultivariateInformation.OInformationGradient(GiantBit(4)), g => Assert.Equal(1, g.Bits, 12));
        Assert.Throws<ArgumentException>(() => MultivariateInformation.OInformationGradient(GiantBit(2)));
    }

    [Fact]
    public void Measures_OfIndependentBlocks_Add()
    {
        // XOR on variables 0-2 and a 3-copy giant bit on 3-5, independent: every measure is the sum of the blocks'.
        var outcomes = new List<string>();
        foreach (string a in new[] { "000", "011", "101", "110" })
        {
            foreach (string b in new[] { "000", "111" })
            {
                outcomes.Add(a + b);
            }
        }

        MultivariateProfile both = MultivariateInformation.Profile(DiscreteDistribution.Uniform(outcomes));
        MultivariateProfile x = MultivariateInformation.Profile(Xor), g = MultivariateInformation.Profile(GiantBit(3));
        Assert.Equal(x.TotalCorrelation.Nats + g.TotalCorrelation.Nats, both.TotalCorrelation.Nats, 12);
        Assert.Equal(x.DualTotalCorrelation.Nats + g.DualTotalCorrelation.Nats, both.DualTotalCorrelation.Nats, 12);
        Assert.Equal(x.OInformation.Nats + g.OInformation.Nats, both.OInformation.Nats, 12);
    }

    [Fact]
    public void Measures_AreInvariantUnderRelabellingAndVariableOrder_AndNonNegative()
    {
        var random = new Random(3);
        for (int trial = 0; trial < 40; trial++)
        {
            int n = random.Next(2, 6);
            DiscreteDistribution d = Random(random, n, random.Next(2, 5), random.Next(1, 30));
            MultivariateProfile p = MultivariateInformation.Profile(d);
            Assert.True(p.TotalCorrelation.Nats >= -1e-12 && p.DualTotalCorrelation.Nats >= -1e-12);

            // Permute the variables and relabel every symbol s ↦ (s · 7 + 3) mod 11 (a bijection on 0..10).
            int[] order = Enumerable.Range(0, n).OrderBy(_ => random.Next()).ToArray();
            var outcomes = new List<int[]>();
            for (int i = 0; i < d.OutcomeCount; i++)
            {
                int[] o = d.Outcome(i).ToArray();
                outcomes.Add(order.Select(v => (o[v] * 7 + 3) % 11).ToArray());
            }

            MultivariateProfile q = MultivariateInformation.Profile(DiscreteDistribution.Create(outcomes, d.Probabilities));
            Assert.Equal(p.TotalCorrelation.Nats, q.TotalCorrelation.Nats, 12);
            Assert.Equal(p.DualTotalCorrelation.Nats, q.DualTotalCorrelation.Nats, 12);
            Assert.Equal(p.OInformation.Nats, q.OInformation.Nats, 12);
        }
    }

    [Fact]
    public void Local_AveragesToTheGlobalMeasures()
    {
        var random = new Random(5);
        for (int trial = 0; trial < 20; trial++)
        {
            DiscreteDistribution d = Random(random, random.Next(2, 6), 3, 25);
            LocalMultivariateInformation local = MultivariateInformation.Local(d);
            MultivariateProfile p = MultivariateInformation.Profile(d);
            double Mean(double[] values) => values.Select((v, i) => v * d.Probabilities[i]).Sum();
            Assert.Equal(p.TotalCorrelation.Nats, Mean(local.TotalCorrelation), 12);
            Assert.Equal(p.DualTotalCorrelation.Nats, Mean(local.DualTotalCorrelation), 12);
            Assert.Equal(p.OInformation.Nats, Mean(local.OInformation), 12);
            Assert.Equal(p.SInformation.Nats, Mean(local.SInformation), 12);
        }
    }

    [Fact]
    public void DiscreteJointEntropy_PlugIn_EqualsTheExactMeasuresOfTheEmpiricalDistribution()
    {
        // Two routes to one number: plug-in entropies of the samples, and the exact measures of their empirical pmf.
        var random = new Random(9);
        int[][] samples = Enumerable.Range(0, 4).Select(_ => new int[500]).ToArray();
        for (int i = 0; i < 500; i++)
        {
            samples[0][i] = random.Next(2);
            samples[1][i] = random.Next(3);
            samples[2][i] = (samples[0][i] + samples[1][i]) % 3;
            samples[3][i] = random.Next(2) == 0 ? samples[2][i] : random.Next(3);
        }

        MultivariateProfile plugIn = MultivariateInformation.Profile(new DiscreteJointEntropy(samples));
        MultivariateProfile exact = MultivariateInformation.Profile(DiscreteDistribution.FromSamples(samples));
        Assert.Equal(exact.TotalCorrelation.Nats, plugIn.TotalCorrelation.Nats, 12);
        Assert.Equal(exact.OInformation.Nats, plugIn.OInformation.Nats, 12);

        // A bias-corrected estimator moves every subset entropy up, and the measures with it.
        MultivariateProfile mm = MultivariateInformation.Profile(new DiscreteJointEntropy(samples, new MillerMadowEntropy()));
        Assert.True(mm.Entropy.Nats > plugIn.Entropy.Nats);
    }

    [Fact]
    public void DiscreteJointEntropy_SampledXor_ConvergesToTheExactValues()
    {
        // XOR sampled N = 20 000 times: plug-in TC and DTC are biased by O(cells / N) ≈ 1e-4 nats; 0.01 bits is generous.
        var random = new Random(21);
        int[] a = new int[20_000], b = new int[20_000], t = new int[20_000];
        for (int i = 0; i < a.Length; i++)
        {
            a[i] = random.Next(2);
            b[i] = random.Next(2);
            t[i] = a[i] ^ b[i];
        }

        MultivariateProfile p = MultivariateInformation.Profile(new DiscreteJointEntropy([a, b, t]));
        Assert.Equal(1.0, p.TotalCorrelation.Bits, 0.01);
        Assert.Equal(2.0, p.DualTotalCorrelation.Bits, 0.01);
        Assert.Equal(-1.0, p.OInformation.Bits, 0.01);
    }

    [Fact]
    public void BadInput_IsRejectedBeforeWork()
    {
        Assert.Throws<ArgumentNullException>(() => MultivariateInformation.Profile(null!));
        Assert.Equal("source", Assert.Throws<ArgumentException>(() => MultivariateInformation.Profile(DiscreteDistribution.Uniform(["0", "1"]))).ParamName);
        Assert.Equal("variables", Assert.Throws<ArgumentException>(() => MultivariateInformation.Profile(Xor, [0, 0])).ParamName);
        Assert.Equal("variables", Assert.Throws<ArgumentException>(() => new DiscreteJointEntropy([[0, 1], [0, -1]])).ParamName);
        Assert.Equal("variables", Assert.Throws<ArgumentException>(() => new DiscreteJointEntropy([[0, 1], [0]])).ParamName);
        Assert.Equal("alphabetSizes", Assert.Throws<ArgumentException>(() => new DiscreteJointEntropy([[0, 1]], null, [2, 2])).ParamName);
    }
}
