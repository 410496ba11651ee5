using InfoTheory.Coupling;
using InfoTheory.Measures;

namespace InfoTheory.Tests.Coupling;

public sealed class EntropyBoundedInformationTests
{
    private static double BinaryEntropyBits(double q) =>
        q is <= 0 or >= 1 ? 0 : (-q * Math.Log2(q)) - ((1 - q) * Math.Log2(1 - q));

    [Fact]
    public void Greedy_RateAtLeastSourceEntropy_IsTheIdentity()
    {
        double[] p = [0.1, 0.4, 0.2, 0.3];
        Information h = Entropy.Shannon(p);
        foreach (Information rate in new[] { h, h + Information.FromBits(0.5) })
        {
            EntropyBoundedEncoding result = EntropyBoundedInformation.Greedy(p, rate);
            Assert.Equal(4, result.Codes);
            Assert.Equal(h.Nats, result.MutualInformation.Nats, 1e-14);
            Assert.Equal(4, result.Assignment.ToArray().Distinct().Count());
            Assert.Equal(rate, result.Rate);
        }
    }

    [Fact]
    public void Greedy_ZeroRate_IsConstantWithNoInformation()
    {
        EntropyBoundedEncoding result = EntropyBoundedInformation.Greedy([0.5, 0.0, 0.25, 0.25], Information.Zero);
        Assert.Equal(1, result.Codes);
        Assert.Equal(0, result.MutualInformation.Nats);
        Assert.Equal(0, result.CodeEntropy.Nats);
        Assert.All(result.Assignment.ToArray(), t => Assert.Equal(0, t));
        Assert.Equal([1.0], result.CodeMarginal.ToArray());
    }

    [Fact]
    public void Greedy_FortyThirtyThirty_AbsorbingChainKeepsTheGuarantee()
    {
        // p = (0.4, 0.3, 0.3), R = 0.95 bits. Pairing the two smallest gives (0.4, 0.6) with h(0.4) = 0.971 > R and then the
        // constant (0 bits); absorbing 0.3 into 0.4 gives (0.7, 0.3) with h(0.3) = 0.881 ≤ R, the best partition here.
        EntropyBoundedEncoding result = EntropyBoundedInformation.Greedy([0.4, 0.3, 0.3], Information.FromBits(0.95));
        Assert.Equal(BinaryEntropyBits(0.3), result.MutualInformation.Bits, 1e-12);
        Assert.Equal([0.7, 0.3], result.CodeMarginal.ToArray());
        // Of the tied 0.3s the later symbol is the least probable position, so it is absorbed: codes {x0, x2}, {x1}.
        Assert.Equal([0, 1, 0], result.Assignment.ToArray());
        Assert.Equal(BinaryEntropyBits(0.3), result.GapBound.Bits, 1e-12);
    }

    [Fact]
    public void Greedy_UniformFourAtOneBit_PairingChainReachesTheRate()
    {
        // Absorbing stops at (3/4, 1/4) = 0.811 bits; pairing reaches (1/2, 1/2) = 1 bit = R, the optimum.
        EntropyBoundedEncoding result = EntropyBoundedInformation.Greedy([0.25, 0.25, 0.25, 0.25], Information.FromBits(1));
        Assert.Equal(1.0, result.MutualInformation.Bits, 1e-12);
        Assert.Equal([0.5, 0.5], result.CodeMarginal.ToArray());
        Assert.Equal(1.0, result.UpperBound.Bits, 1e-15);
    }

    [Fact]
    public void Greedy_RandomSources_EncoderIsStochasticAndInformationRecomputesFromIt()
    {
        var random = new Random(2024);
        for (int trial = 0; trial < 50; trial++)
        {
            int n = 1 + random.Next(20);
            double[] p = TestData.Pmf(random, n);
            Information rate = Entropy.Shannon(p) * random.NextDouble();
            EntropyBoundedEncoding result = EntropyBoundedInformation.Greedy(p, rate);

            int codes = result.Codes;
            double[] encoder = result.Encoder.ToArray();
            Assert.Equal(n * codes, encoder.Length);
            double[] joint = new double[n * codes];
            for (int x = 0; x < n; x++)
            {
                double rowSum = 0;
                for (int t = 0; t < codes; t++)
                {
                    double value = encoder[(x * codes) + t];
                    Assert.True(value is 0 or 1);
                    rowSum += value;
                    joint[(x * codes) + t] = p[x] * value;
                }

                Assert.Equal(1.0, rowSum);
                Assert.Equal(1.0, encoder[(x * codes) + result.Assignment.Span[x]]);
            }

            var table = new JointDistribution(joint, [n, codes]);
            Assert.Equal(result.MutualInformation.Nats, MutualInformation.Of(table).Nats, 1e-12);
            Assert.Equal(result.CodeEntropy.Nats, Entropy.Shannon(result.CodeMarginal.Span).Nats, 1e-12);
            double[] marginal = table.Marginal(1);
            for (int t = 0; t < codes; t++)
            {
                Assert.Equal(marginal[t], result.CodeMarginal.Span[t], 1e-15);
                Assert.True(marginal[t] > 0);
            }

            Assert.True(result.CodeEntropy.Nats <= rate.Nats * (1 + 1e-12), $"trial {trial}: H(T) = {result.CodeEntropy.Nats} > R = {rate.Nats}");
        }
    }

    [Fact]
    public void Greedy_SmallAlphabets_WithinGapOfTheBoundAndNeverAboveTheBestPartition()
    {
        // Exhaustive check for |X| ≤ 8: the best deterministic encoder (over all set partitions) is the reference the greedy
        // cannot beat, and min(R, H(X)) bounds every encoder, stochastic ones included; the guarantee is stated against that.
        var random = new Random(530);
        for (int trial = 0; trial < 300; trial++)
        {
            int n = 1 + random.Next(8);
            double[] p = trial % 3 == 0 ? TestData.Pmf(random, n) : TestData.PositivePmf(random, n);
            double sourceBits = Entropy.Shannon(p).Bits;
            Information rate = Information.FromBits(random.NextDouble() * (sourceBits + 0.3));
            EntropyBoundedEncoding result = EntropyBoundedInformation.Greedy(p, rate);

            double best = BestPartitionBits(p, rate.Bits);
            double[] sorted = [.. p.OrderByDescending(v => v)];
            double gap = BinaryEntropyBits(n > 1 ? sorted[1] : 0);
            double bound = Math.Min(rate.Bits, sourceBits);
            string at = $"trial {trial}: p = [{string.Join(", ", p)}], R = {rate.Bits} bits";

            Assert.Equal(gap, result.GapBound.Bits, 1e-12);
            Assert.Equal(bound, result.UpperBound.Bits, 1e-12);
            Assert.True(result.MutualInformation.Bits <= best + 1e-12, at);
            Assert.True(result.MutualInformation.Bits >= bound - gap - 1e-12, at);
            Assert.True(best <= bound + 1e-12, at);
        }
    }

    [Fact]
    public void Greedy_IncreasingRate_NeverLosesInformation()
    {
        var random = new Random(7);
        for (int trial = 0; trial < 20; trial++)
        {
            double[] p = TestData.PositivePmf(random, 2 + random.Next(30));
            double sourceBits = Entropy.Shannon(p).Bits;
            double previous = -1;
            for (int step = 0; step <= 60; step++)
            {
                double bits = Math.Round(EntropyBoundedInformation.Greedy(p, Information.FromBits(sourceBits * step / 55.0)).MutualInformation.Bits, 12);
                Assert.True(bits >= previous, $"trial {trial}, step {step}: {bits} < {previous}");
                previous = bits;
            }

            Assert.Equal(sourceBits, previous, 1e-12);
        }
    }

    [Fact]
    public void Greedy_BadInput_Throws()
    {
        Information one = Information.FromBits(1);
        Assert.Equal("p", Assert.Throws<ArgumentException>(() => EntropyBoundedInformation.Greedy([], one)).ParamName);
        Assert.Equal("p", Assert.Throws<ArgumentException>(() => EntropyBoundedInformation.Greedy([0.5, 0.6], one)).ParamName);
        Assert.Equal("p", Assert.Throws<ArgumentException>(() => EntropyBoundedInformation.Greedy([1.5, -0.5], one)).ParamName);
        Assert.Equal("p", Assert.Throws<ArgumentException>(() => EntropyBoundedInformation.Greedy([double.NaN, 1], one)).ParamName);
        foreach (double bad in new[] { -1e-9, double.NaN, double.PositiveInfinity, double.NegativeInfinity })
        {
            Assert.Equal("rate", Assert.Throws<ArgumentOutOfRangeException>(() => EntropyBoundedInformation.Greedy([0.5, 0.5], Information.FromNats(bad))).ParamName);
        }
    }

    /// <summary>The largest entropy (bits) of a partition of p's symbols that is at most <paramref name="rateBits"/>, by enumerating all set partitions.</summary>
    private static double BestPartitionBits(double[] p, double rateBits)
    {
        int n = p.Length;
        int[] block = new int[n];
        double best = double.NegativeInfinity;
        Enumerate(0, 0);
        return best;

        void Enumerate(int position, int blocks)
        {
            if (position == n)
            {
                double[] mass = new double[blocks];
                for (int i = 0; i < n; i++)
                {
                    mass[block[i]] += p[i];
                }

                double bits = Entropy.Shannon(mass).Bits;
                if (bits <= rateBits * (1 + 1e-12) && bits > best)
                {
                    best = bits;
                }

                return;
            }

            for (int b = 0; b <= blocks; b++)
            {
                block[position] = b;
                Enumerate(position + 1, Math.Max(blocks, b + 1));
            }
        }
    }
}
