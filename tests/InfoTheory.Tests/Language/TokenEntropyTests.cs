using InfoTheory.Language;
using InfoTheory.Primitives;

namespace InfoTheory.Tests.Language;

public sealed class TokenEntropyTests
{
    /// <summary>Straightforward reference: materialise p = softmax(x/T), then H = −Σ p ln p and V = Σ p (ln p)² − H².</summary>
    private static (double H, double V) Reference(ReadOnlySpan<double> logits, double temperature = 1)
    {
        if (logits.IsEmpty)
        {
            return (0, 0);
        }

        double max = double.NegativeInfinity;
        foreach (double x in logits)
        {
            max = Math.Max(max, x);
        }

        double z = 0;
        foreach (double x in logits)
        {
            z += Math.Exp((x - max) / temperature);
        }

        double h = 0, second = 0;
        foreach (double x in logits)
        {
            double logP = ((x - max) / temperature) - Math.Log(z);
            double p = Math.Exp(logP);
            if (p > 0)
            {
                h -= p * logP;
                second += p * logP * logP;
            }
        }

        return (h, second - (h * h));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(1000)]
    [InlineData(32000)]
    public void UniformLogits_EntropyLogV_VarentropyZero(int vocabulary)
    {
        // Every token has surprisal ln V, so H = ln V and the variance of the surprisal is 0.
        double[] logits = Enumerable.Repeat(3.7, vocabulary).ToArray();
        Assert.Equal(0, TokenEntropy.Varentropy(logits), 12);
        Assert.Equal(0, TokenEntropy.Varentropy(logits.Select(v => (float)v).ToArray()), 12);
        double[] h = new double[1], v = new double[1];
        TokenEntropy.EntropyAndVarentropyRows(logits, vocabulary, h, v);
        Assert.Equal(Math.Log(vocabulary), h[0], 12);
        Assert.Equal(0, v[0], 12);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(0.2)]
    [InlineData(0.01)]
    public void TwoPoint_MatchesClosedForm(double p)
    {
        // Surprisal −ln p with probability p and −ln q with probability q: variance p·q·(ln p − ln q)².
        double q = 1 - p;
        double expected = p * q * Math.Pow(Math.Log(p / q), 2);
        Assert.Equal(expected, TokenEntropy.Varentropy([Math.Log(p), Math.Log(q)]), 13);
        // Logits are defined up to a constant, and −∞ entries are masked tokens that carry no mass.
        Assert.Equal(expected, TokenEntropy.Varentropy([Math.Log(p) + 40, double.NegativeInfinity, Math.Log(q) + 40]), 12);
        Assert.Equal(expected, TokenEntropy.Varentropy([(float)Math.Log(p), (float)Math.Log(q)]), 5);
    }

    [Fact]
    public void OneHotAndEmpty_AreZero_AndNoFiniteLogitIsNaN()
    {
        Assert.Equal(0, TokenEntropy.Varentropy([2.0, double.NegativeInfinity, double.NegativeInfinity]));
        Assert.Equal(0, TokenEntropy.Varentropy(ReadOnlySpan<double>.Empty));
        Assert.True(double.IsNaN(TokenEntropy.Varentropy([double.NegativeInfinity, double.NegativeInfinity])));
        Assert.True(double.IsNaN(TokenEntropy.Varentropy([0.0, double.NaN])));
    }

    [Fact]
    public void Rows_EveryLength0To256_AgreeWithReference()
    {
        // Double: the kernel and the reference differ in summation order and the vector exp (a few ulps), so agreement
        // to 1e-11 (relative to max(1, V)) over values up to ~30 nats² is ample. Float logits: each term is formed in
        // single precision (relative 1e-7 per term), so 1e-4 relative is a wide but still discriminating margin.
        var random = new Random(12);
        for (int n = 0; n <= 256; n++)
        {
            int rows = 3;
            double[] logits = new double[rows * n];
            for (int i = 0; i < logits.Length; i++)
            {
                logits[i] = random.NextDouble() < 0.1 ? double.NegativeInfinity : 6 * TestNormal(random);
            }

            for (int r = 0; r < rows && n > 0; r++)
            {
                logits[(r * n) + random.Next(n)] = 1; // at least one finite logit per row
            }

            float[] single = logits.Select(v => (float)v).ToArray();
            double[] h = new double[rows], v = new double[rows], vOnly = new double[rows];
            float[] hf = new float[rows], vf = new float[rows];
            if (n == 0)
            {
                continue;
            }

            TokenEntropy.EntropyAndVarentropyRows(logits, n, h, v);
            TokenEntropy.VarentropyRows(logits, n, vOnly);
            TokenEntropy.EntropyAndVarentropyRows(single, n, hf, vf);
            for (int r = 0; r < rows; r++)
            {
                (double refH, double refV) = Reference(logits.AsSpan(r * n, n));
                (double refHf, double refVf) = Reference(single.Select(x => (double)x).ToArray().AsSpan(r * n, n));
                Assert.Equal(refH, h[r], 1e-11 * Math.Max(1, refH));
                Assert.Equal(refV, v[r], 1e-11 * Math.Max(1, refV));
                Assert.Equal(v[r], vOnly[r]);
                Assert.Equal(refHf, hf[r], 1e-4 * Math.Max(1, refHf));
                Assert.Equal(refVf, vf[r], 1e-4 * Math.Max(1, refVf));
            }
        }
    }

    [Fact]
    public void Rows_UnitAndTemperature_FollowTheirDefinitions()
    {
        double[] logits = [1, 2, 0.5, -1, 3, 3, 0, -2];
        double[] nats = new double[2], bits = new double[2], hot = new double[2], entropy = new double[2];
        TokenEntropy.VarentropyRows(logits, 4, nats);
        TokenEntropy.VarentropyRows(logits, 4, bits, logBase: LogBase.Two);
        TokenEntropy.VarentropyRows(logits, 4, hot, temperature: 2);
        double[] softmaxEntropy = new double[2];
        InformationPrimitives.SoftmaxEntropyRows(logits, 4, softmaxEntropy, logBase: LogBase.Two);
        TokenEntropy.EntropyAndVarentropyRows(logits, 4, entropy, new double[2], logBase: LogBase.Two);
        for (int r = 0; r < 2; r++)
        {
            // Varentropy is a variance of nats: in bits it scales by 1/(ln 2)².
            Assert.Equal(nats[r] / (Math.Log(2) * Math.Log(2)), bits[r], 12);
            Assert.Equal(Reference(logits.AsSpan(r * 4, 4), 2).V, hot[r], 12);
            Assert.Equal(softmaxEntropy[r], entropy[r], 12);
        }
    }

    [Fact]
    public void Summarize_HandComputed()
    {
        // Entropies 0..9, q = 0.8: h = 9·0.8 = 7.2, threshold 7 + 0.2·(8 − 7) = 7.2; tokens 8 and 9 are above it.
        double[] e = Enumerable.Range(0, 10).Select(i => (double)i).ToArray();
        TokenEntropySummary s = TokenEntropy.Summarize(e);
        Assert.Equal(10, s.Tokens);
        Assert.Equal(4.5, s.Mean, 14);
        Assert.Equal(9, s.Max);
        Assert.Equal(7.2, s.Threshold, 14);
        Assert.Equal(2, s.ForkingTokens);
        Assert.Equal(0.2, s.ForkingShare, 14);

        // Ties never all fork: five equal entropies have threshold equal to them and no token above it.
        Assert.Equal(0, TokenEntropy.Summarize([1.5, 1.5, 1.5, 1.5, 1.5]).ForkingTokens);
        TokenEntropySummary empty = TokenEntropy.Summarize([]);
        Assert.True(double.IsNaN(empty.Mean));
        Assert.Equal(0, empty.ForkingShare);
    }

    [Fact]
    public void SummarizeSequences_OneBatchThreshold()
    {
        // All 7 tokens [0, 1, 2 | 3, 4, 5, 6], q = 0.5: threshold = median = 3; forks: 4, 5, 6, all in sequence 2.
        TokenEntropySummary[] s = TokenEntropy.SummarizeSequences([0, 1, 2, 3, 4, 5, 6], [3, 4], 0.5);
        Assert.Equal(2, s.Length);
        Assert.Equal(3, s[0].Threshold);
        Assert.Equal(3, s[1].Threshold);
        Assert.Equal(0, s[0].ForkingTokens);
        Assert.Equal(3, s[1].ForkingTokens);
        Assert.Equal(1, s[0].Mean, 14);
        Assert.Equal(4.5, s[1].Mean, 14);

        bool[] mask = new bool[7];
        Assert.Equal(3, TokenEntropy.HighEntropyMask([0, 1, 2, 3, 4, 5, 6], mask, 0.5));
        Assert.Equal([false, false, false, false, true, true, true], mask);
    }

    [Fact]
    public void BadInput_Throws()
    {
        Assert.Equal("quantile", Assert.Throws<ArgumentOutOfRangeException>(() => TokenEntropy.Summarize([1.0], 1.0)).ParamName);
        Assert.Equal("entropies", Assert.Throws<ArgumentException>(() => TokenEntropy.Summarize([1.0, double.NaN])).ParamName);
        Assert.Equal("entropies", Assert.Throws<ArgumentException>(() => TokenEntropy.Summarize([1.0, -0.5])).ParamName);
        Assert.Equal("sequenceLengths", Assert.Throws<ArgumentException>(() => TokenEntropy.SummarizeSequences([1.0, 2.0], [1, 2])).ParamName);
        Assert.Equal("sequenceLengths", Assert.Throws<ArgumentException>(() => TokenEntropy.SummarizeSequences([1.0, 2.0], [3, -1])).ParamName);
        Assert.Equal("mask", Assert.Throws<ArgumentException>(() => TokenEntropy.HighEntropyMask([1.0, 2.0], new bool[1])).ParamName);
        Assert.Equal("temperature", Assert.Throws<ArgumentOutOfRangeException>(() => TokenEntropy.Varentropy([1.0], 0)).ParamName);
        Assert.Equal("logits", Assert.Throws<ArgumentException>(() => TokenEntropy.VarentropyRows(new double[5], 2, new double[3])).ParamName);
        Assert.Equal("destination", Assert.Throws<ArgumentException>(() => TokenEntropy.VarentropyRows(new double[6], 2, new double[2])).ParamName);
        Assert.Equal("destination", Assert.Throws<ArgumentException>(() => TokenEntropy.EntropyAndVarentropyRows(new float[6], 2, new float[3], new float[2])).ParamName);
    }

    private static double TestNormal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
