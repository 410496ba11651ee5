using InfoTheory.TimeSeries;

namespace InfoTheory.Tests.TimeSeries;

/// <summary>
/// Weighted (Fadlallah et al. 2013), multiscale (Costa et al. 2002; Aziz &amp; Arif 2005; refined composite,
/// Humeau-Heurtier et al. 2015) and Rényi / Tsallis (Zunino et al. 2008; Ribeiro et al. 2017; Jauregui et al. 2018)
/// permutation entropies and complexities, against hand-computed small cases, closed-form limits and the Shannon
/// versions they reduce to.
/// </summary>
public sealed class OrdinalVariantsTests
{
    // Bandt & Pompe (2002): patterns at d = 3 are codes 0, 0, 4, 2, 4.
    private static readonly double[] s_bandtPompe = [4, 7, 9, 10, 6, 11, 3];

    private static double[] Uniform(int n, int seed)
    {
        var random = new Random(seed);
        double[] x = new double[n];
        for (int t = 0; t < n; t++)
        {
            x[t] = random.NextDouble();
        }

        return x;
    }

    private static double Shannon(params double[] p) => -p.Where(v => v > 0).Sum(v => v * Math.Log(v));

    [Fact]
    public void WeightedPermutationEntropy_BandtPompeExample_HandComputed()
    {
        // Window variances (1/3)Σ(x − x̄)², in ninths: (4,7,9) 38, (7,9,10) 14, (9,10,6) 26, (10,6,11) 42, (6,11,3) 98;
        // total 218. Pattern 0 has windows 1 and 2 (52), pattern 4 windows 3 and 5 (124), pattern 2 window 4 (42).
        double expected = Shannon(52.0 / 218, 124.0 / 218, 42.0 / 218);
        Assert.Equal(expected, OrdinalPatterns.WeightedPermutationEntropy(s_bandtPompe, 3).Nats, 1e-14);

        // The complexity of the weighted distribution is the Shannon complexity of these three frequencies over 6
        // patterns: H_S = H / ln 6, and the JS divergence from the uniform summed over the 6 patterns by hand.
        double[] p = [52.0 / 218, 124.0 / 218, 42.0 / 218, 0, 0, 0];
        double js = Shannon([.. p.Select(v => (v + (1.0 / 6)) / 2)]) - (expected / 2) - (Math.Log(6) / 2);
        double jsMax = Shannon([(1 + (1.0 / 6)) / 2, 1.0 / 12, 1.0 / 12, 1.0 / 12, 1.0 / 12, 1.0 / 12]) - (Math.Log(6) / 2);
        OrdinalComplexity c = OrdinalPatterns.WeightedStatisticalComplexity(s_bandtPompe, 3);
        Assert.Equal(expected / Math.Log(6), c.NormalizedEntropy, 1e-14);
        Assert.Equal(js / jsMax, c.Disequilibrium, 1e-12);
        Assert.Equal(js / jsMax * expected / Math.Log(6), c.Complexity, 1e-12);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(20)]
    public void WeightedPermutationEntropy_Monotone_IsZero(int d)
    {
        double[] x = [.. Enumerable.Range(0, 500).Select(t => Math.Sqrt(t))];
        Assert.Equal(0, OrdinalPatterns.WeightedPermutationEntropy(x, d).Nats);
        OrdinalComplexity c = OrdinalPatterns.WeightedStatisticalComplexity(x, d);
        Assert.Equal(0, c.NormalizedEntropy);
        Assert.Equal(1, c.Disequilibrium, 1e-12);
        Assert.Equal(0, c.Complexity);
    }

    [Fact]
    public void WeightedPermutationEntropy_ConstantSeries_IsZero()
    {
        // Every window has variance 0: no pattern has weight, and the series has the one identity pattern.
        Assert.Equal(0, OrdinalPatterns.WeightedPermutationEntropy([2.0, 2, 2, 2, 2], 3).Nats);
    }

    [Theory]
    [InlineData(3, 6)]
    [InlineData(4, 24)]
    public void WeightedPermutationEntropy_IidUniform_ApproachesLnFactorial(int d, int factorial)
    {
        // For i.i.d. values the window's variance is a symmetric function of its values and so independent of its
        // pattern: every pattern keeps weight 1/d!. The weights' spread lowers the effective sample size to
        // (Σw)²/Σw², above n/2 for uniform windows, so the plug-in bias is below (d! − 1)/n ≤ 2.3e-4 nats and the
        // spread of the same order at n = 10⁵: 3e-3 nats.
        double[] x = Uniform(100_000, d);
        Assert.Equal(Math.Log(factorial), OrdinalPatterns.WeightedPermutationEntropy(x, d).Nats, 3e-3);
        Assert.InRange(OrdinalPatterns.WeightedStatisticalComplexity(x, d).Complexity, 0, 3e-3);
    }

    [Fact]
    public void WeightedPermutationEntropy_IsInvariantUnderAffineMaps_AndDiffersFromPlain()
    {
        // x → a x + b (a > 0) keeps every pattern and scales every weight by a²: the same distribution.
        double[] x = [.. Enumerable.Range(0, 2000).Select(t => Math.Sin(0.3 * t) + (0.2 * Math.Sin(2.1 * t * t)))];
        double[] y = [.. x.Select(v => (3.5 * v) - 7)];
        double wx = OrdinalPatterns.WeightedPermutationEntropy(x, 4).Nats;
        Assert.Equal(wx, OrdinalPatterns.WeightedPermutationEntropy(y, 4).Nats, 1e-12);

        // A slow sine with small fast ripples: the ripples make many patterns in flat windows, which weigh little.
        Assert.True(wx < OrdinalPatterns.PermutationEntropy(x, 4).Nats, $"weighted {wx}");
    }

    [Theory]
    [InlineData(3, 1)]
    [InlineData(5, 2)]
    [InlineData(8, 1)]
    [InlineData(9, 1)]
    [InlineData(12, 2)]
    public void WeightedAndRefinedComposite_DenseAndSparsePaths_MatchAReferenceFromEncode(int d, int tau)
    {
        // d ≤ 8 totals the weights in a dense table, larger d sorts the codes; both must equal the distribution
        // grouped here from Encode's codes. Small integers make ties and zero-variance windows.
        var random = new Random((d * 10) + tau);
        double[] x = [.. Enumerable.Range(0, 1500).Select(_ => (double)random.Next(6))];
        long[] codes = OrdinalPatterns.Encode(x, d, tau);
        double[] w = [.. Enumerable.Range(0, codes.Length).Select(t =>
        {
            double[] window = [.. Enumerable.Range(0, d).Select(i => x[t + (i * tau)])];
            double mean = window.Average();
            return window.Sum(v => (v - mean) * (v - mean)) / d;
        })];
        double total = w.Sum();
        double weighted = Shannon([.. codes.Select((c, t) => (c, t)).GroupBy(e => e.c).Select(g => g.Sum(e => w[e.t]) / total)]);
        Assert.Equal(weighted, OrdinalPatterns.WeightedPermutationEntropy(x, d, tau).Nats, 1e-12);

        // Refined composite at scale 3: the mean of the three offsets' pattern frequencies.
        const int scale = 3;
        var mean = new Dictionary<long, double>();
        for (int k = 0; k < scale; k++)
        {
            double[] y = [.. Enumerable.Range(0, (x.Length - k) / scale).Select(j => (x[k + (j * scale)] + x[k + (j * scale) + 1] + x[k + (j * scale) + 2]) / scale)];
            long[] yc = OrdinalPatterns.Encode(y, d, tau);
            foreach (var g in yc.GroupBy(c => c))
            {
                mean[g.Key] = mean.GetValueOrDefault(g.Key) + (g.Count() / (double)yc.Length / scale);
            }
        }

        Assert.Equal(Shannon([.. mean.Values]), OrdinalPatterns.RefinedCompositeMultiscalePermutationEntropy(x, d, scale, tau)[scale - 1].Nats, 1e-12);
    }

    [Fact]
    public void CoarseGrain_HandChecked()
    {
        double[] x = [1, 2, 3, 4, 5, 6, 7];
        Assert.Equal(x, OrdinalPatterns.CoarseGrain(x, 1));
        Assert.Equal([1.5, 3.5, 5.5], OrdinalPatterns.CoarseGrain(x, 2));
        Assert.Equal([2.0, 5.0], OrdinalPatterns.CoarseGrain(x, 3));
        Assert.Equal([4.0], OrdinalPatterns.CoarseGrain(x, 7));
    }

    [Fact]
    public void MultiscalePermutationEntropy_ScaleOne_IsPlainPermutationEntropy_AndScaleTwoUsesTheBlockMeans()
    {
        double[] x = Uniform(5000, 11);
        Information[] mpe = OrdinalPatterns.MultiscalePermutationEntropy(x, 4, 3);
        Assert.Equal(3, mpe.Length);
        Assert.Equal(OrdinalPatterns.PermutationEntropy(x, 4).Nats, mpe[0].Nats); // bit for bit

        // Scale 2 by hand: means of (x₀, x₁), (x₂, x₃), …
        double[] halves = [.. Enumerable.Range(0, 2500).Select(j => (x[2 * j] + x[(2 * j) + 1]) / 2)];
        Assert.Equal(OrdinalPatterns.PermutationEntropy(halves, 4).Nats, mpe[1].Nats);
    }

    [Fact]
    public void MultiscalePermutationEntropy_IidUniform_NearLnFactorialAtEveryScale()
    {
        // Means of disjoint blocks of i.i.d. values are i.i.d. and continuous, so every scale has uniform patterns.
        // n = 2·10⁵, d = 3: at scale 8 there are 2.5·10⁴ windows, bias (d! − 1)/(2·2.5·10⁴) = 1e-4 nats and spread of
        // the same order: 2e-3 nats at every scale.
        double[] x = Uniform(200_000, 5);
        Information[] mpe = OrdinalPatterns.MultiscalePermutationEntropy(x, 3, 8);
        Information[] rc = OrdinalPatterns.RefinedCompositeMultiscalePermutationEntropy(x, 3, 8);
        for (int s = 0; s < 8; s++)
        {
            Assert.Equal(Math.Log(6), mpe[s].Nats, 2e-3);
            Assert.Equal(Math.Log(6), rc[s].Nats, 2e-3);
        }
    }

    [Fact]
    public void RefinedComposite_HandChecked_AndScaleOneIsPlain()
    {
        // Scale 2, d = 2. Offset 0: means 2, 3.5, 2, 3.5 → up, down, up: p₀ = (2/3, 1/3). Offset 1: means
        // 2.5, 4.5, 3, 1.5 → up, down, down: p₁ = (1/3, 2/3). Mean (1/2, 1/2): ln 2. Plain MPE uses offset 0 only.
        double[] x = [1, 3, 2, 5, 4, 0, 6, 1, 2];
        Information[] rc = OrdinalPatterns.RefinedCompositeMultiscalePermutationEntropy(x, 2, 2);
        Assert.Equal(Math.Log(2), rc[1].Nats, 1e-15);
        Assert.Equal(Shannon(2.0 / 3, 1.0 / 3), OrdinalPatterns.MultiscalePermutationEntropy(x, 2, 2)[1].Nats, 1e-15);

        // Scale 1 has one offset: each window's weight 1/n sums to the plain frequencies up to rounding.
        double[] y = Uniform(3000, 2);
        Assert.Equal(OrdinalPatterns.PermutationEntropy(y, 5).Nats, OrdinalPatterns.RefinedCompositeMultiscalePermutationEntropy(y, 5, 1)[0].Nats, 1e-13);
    }

    [Fact]
    public void Multiscale_BadArguments_NameTheParameter()
    {
        double[] x = Uniform(100, 1);
        Assert.Equal("maxScale", Assert.Throws<ArgumentOutOfRangeException>(() => OrdinalPatterns.MultiscalePermutationEntropy(x, 3, 0)).ParamName);
        Assert.Equal("series", Assert.Throws<ArgumentException>(() => OrdinalPatterns.MultiscalePermutationEntropy(x, 3, 40)).ParamName);
        Assert.Equal("series", Assert.Throws<ArgumentException>(() => OrdinalPatterns.RefinedCompositeMultiscalePermutationEntropy(x, 3, 34)).ParamName);
        Assert.Equal("d", Assert.Throws<ArgumentOutOfRangeException>(() => OrdinalPatterns.RefinedCompositeMultiscalePermutationEntropy(x, 1, 2)).ParamName);
        Assert.Equal("scale", Assert.Throws<ArgumentOutOfRangeException>(() => OrdinalPatterns.CoarseGrain(x, 0)).ParamName);
        Assert.Equal("series", Assert.Throws<ArgumentException>(() => OrdinalPatterns.CoarseGrain(x, 101)).ParamName);
        Assert.Equal("series", Assert.Throws<ArgumentException>(() => OrdinalPatterns.CoarseGrain([1, double.NaN], 1)).ParamName);
    }

    [Fact]
    public void RenyiAndTsallis_AtQOne_AreTheShannonVersions()
    {
        double[] x = Uniform(3000, 3);
        double pe = OrdinalPatterns.PermutationEntropy(x, 4).Nats;
        Assert.Equal(pe, OrdinalPatterns.RenyiPermutationEntropy(x, 4, 1).Nats);
        Assert.Equal(pe, OrdinalPatterns.TsallisPermutationEntropy(x, 4, 1));
        OrdinalComplexity shannon = OrdinalPatterns.StatisticalComplexity(x, 4);
        Assert.Equal(shannon, OrdinalPatterns.RenyiStatisticalComplexity(x, 4, 1));
        Assert.Equal(shannon, OrdinalPatterns.TsallisStatisticalComplexity(x, 4, 1));
    }

    [Theory]
    [InlineData(1 - 1e-6)]
    [InlineData(1 + 1e-6)]
    public void RenyiAndTsallis_NearQOne_ApproachTheShannonVersions(double q)
    {
        // The q-families are smooth in q with O(1) derivatives on these data, so at |q − 1| = 1e-6 they differ from
        // the Shannon values by ~1e-6; rounding in the ratios near 1 adds ~ε/|q − 1| ≈ 2e-10. Tolerance 1e-5.
        double[] x = [.. Enumerable.Range(0, 3000).Select(t => Math.Sin(0.7 * t) + Math.Sin(0.13 * t * t))];
        double pe = OrdinalPatterns.PermutationEntropy(x, 4).Nats;
        Assert.Equal(pe, OrdinalPatterns.RenyiPermutationEntropy(x, 4, q).Nats, 1e-5);
        Assert.Equal(pe, OrdinalPatterns.TsallisPermutationEntropy(x, 4, q), 1e-5);
        OrdinalComplexity shannon = OrdinalPatterns.StatisticalComplexity(x, 4);
        foreach (OrdinalComplexity c in new[] { OrdinalPatterns.RenyiStatisticalComplexity(x, 4, q), OrdinalPatterns.TsallisStatisticalComplexity(x, 4, q) })
        {
            Assert.Equal(shannon.NormalizedEntropy, c.NormalizedEntropy, 1e-5);
            Assert.Equal(shannon.Disequilibrium, c.Disequilibrium, 1e-5);
            Assert.Equal(shannon.Complexity, c.Complexity, 1e-5);
        }
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(2)]
    [InlineData(3.5)]
    public void RenyiAndTsallis_BandtPompeExample_MatchDenseTextbookFormulas(double q)
    {
        // P = (0.4, 0.4, 0.2, 0, 0, 0) over N = 6 patterns, written out densely with the papers' definitions.
        double[] p = [0.4, 0.4, 0.2, 0, 0, 0];
        const double n = 6;
        double powerSum = p.Where(v => v > 0).Sum(v => Math.Pow(v, q));
        double renyi = Math.Log(powerSum) / (1 - q);
        double tsallis = (1 - powerSum) / (q - 1);
        Assert.Equal(renyi, OrdinalPatterns.RenyiPermutationEntropy(s_bandtPompe, 3, q).Nats, 1e-13);
        Assert.Equal(tsallis, OrdinalPatterns.TsallisPermutationEntropy(s_bandtPompe, 3, q), 1e-13);

        double[] m = [.. p.Select(v => (v + (1 / n)) / 2)];
        double LnQ(double v) => (Math.Pow(v, 1 - q) - 1) / (1 - q);

        // Jensen-Rényi: ½[R_q(P‖M) + R_q(U‖M)]; maximum for a single pattern, derived by hand:
        // ½[ln(2N/(N + 1)) + ln(2^{q−1}((N + 1)^{1−q} + N − 1)/N)/(q − 1)].
        double renyiPm = Math.Log(Enumerable.Range(0, 6).Where(i => p[i] > 0).Sum(i => Math.Pow(p[i], q) * Math.Pow(m[i], 1 - q))) / (q - 1);
        double renyiUm = Math.Log(Enumerable.Range(0, 6).Sum(i => Math.Pow(1 / n, q) * Math.Pow(m[i], 1 - q))) / (q - 1);
        double renyiMax = 0.5 * (Math.Log(2 * n / (n + 1)) + (Math.Log(Math.Pow(2, q - 1) * (Math.Pow(n + 1, 1 - q) + n - 1) / n) / (q - 1)));
        double renyiQ = 0.5 * (renyiPm + renyiUm) / renyiMax;
        OrdinalComplexity r = OrdinalPatterns.RenyiStatisticalComplexity(s_bandtPompe, 3, q);
        Assert.Equal(renyi / Math.Log(n), r.NormalizedEntropy, 1e-13);
        Assert.Equal(renyiQ, r.Disequilibrium, 1e-12);
        Assert.Equal(renyiQ * renyi / Math.Log(n), r.Complexity, 1e-12);

        // Jensen-Tsallis: ½[K_q(P‖M) + K_q(U‖M)], K_q(P‖M) = −Σ pᵢ ln_q(mᵢ/pᵢ); maximum in Ribeiro et al.'s closed form.
        double tsallisPm = -Enumerable.Range(0, 6).Where(i => p[i] > 0).Sum(i => p[i] * LnQ(m[i] / p[i]));
        double tsallisUm = -Enumerable.Range(0, 6).Sum(i => (1 / n) * LnQ(m[i] * n));
        double tsallisMax = ((Math.Pow(2, 2 - q) * n) - Math.Pow(1 + n, 1 - q) - (n * Math.Pow(1 + (1 / n), 1 - q)) - n + 1) / ((1 - q) * Math.Pow(2, 2 - q) * n);
        double tsallisQ = 0.5 * (tsallisPm + tsallisUm) / tsallisMax;
        OrdinalComplexity t = OrdinalPatterns.TsallisStatisticalComplexity(s_bandtPompe, 3, q);
        Assert.Equal(tsallis / LnQ(n), t.NormalizedEntropy, 1e-13);
        Assert.Equal(tsallisQ, t.Disequilibrium, 1e-12);
        Assert.Equal(tsallisQ * tsallis / LnQ(n), t.Complexity, 1e-12);
    }

    [Theory]
    [InlineData(3, 0.5)]
    [InlineData(3, 2)]
    [InlineData(20, 0.5)]
    [InlineData(20, 3)]
    public void RenyiAndTsallis_SinglePattern_AreZeroWithFullDisequilibrium(int d, double q)
    {
        double[] x = [.. Enumerable.Range(0, 300).Select(t => (double)t)];
        Assert.Equal(0, OrdinalPatterns.RenyiPermutationEntropy(x, d, q).Nats, 1e-15);
        Assert.Equal(0, OrdinalPatterns.TsallisPermutationEntropy(x, d, q), 1e-15);
        foreach (OrdinalComplexity c in new[] { OrdinalPatterns.RenyiStatisticalComplexity(x, d, q), OrdinalPatterns.TsallisStatisticalComplexity(x, d, q) })
        {
            Assert.Equal(0, c.NormalizedEntropy, 1e-15);
            Assert.Equal(1, c.Disequilibrium, 1e-12);
            Assert.Equal(0, c.Complexity, 1e-15);
        }
    }

    [Theory]
    [InlineData(0.3)]
    [InlineData(2)]
    [InlineData(5)]
    public void RenyiAndTsallis_UniformPatterns_GiveLnFactorial_AndZeroComplexity(double q)
    {
        // d = 2 on an alternating series: rises and falls exactly half each, so R_q = ln 2 and S_q = ln_q 2 for every q.
        double[] x = [.. Enumerable.Range(0, 101).Select(t => (double)(t % 2))];
        Assert.Equal(Math.Log(2), OrdinalPatterns.RenyiPermutationEntropy(x, 2, q).Nats, 1e-14);
        Assert.Equal((Math.Pow(2, 1 - q) - 1) / (1 - q), OrdinalPatterns.TsallisPermutationEntropy(x, 2, q), 1e-14);
        foreach (OrdinalComplexity c in new[] { OrdinalPatterns.RenyiStatisticalComplexity(x, 2, q), OrdinalPatterns.TsallisStatisticalComplexity(x, 2, q) })
        {
            Assert.Equal(1, c.NormalizedEntropy, 1e-14);
            Assert.Equal(0, c.Disequilibrium, 1e-14);
            Assert.Equal(0, c.Complexity, 1e-14);
        }

        // i.i.d. noise at d = 4 approaches ln 24 for every q; plug-in error ~ (d! − 1)/n-scale at n = 10⁵: 3e-3.
        double[] noise = Uniform(100_000, 9);
        Assert.Equal(Math.Log(24), OrdinalPatterns.RenyiPermutationEntropy(noise, 4, q).Nats, 3e-3);
        Assert.Equal(1, OrdinalPatterns.TsallisStatisticalComplexity(noise, 4, q).NormalizedEntropy, 3e-3);
    }

    [Theory]
    [InlineData(0.3)]
    [InlineData(0.8)]
    [InlineData(2)]
    [InlineData(6)]
    public void RenyiAndTsallis_Disequilibrium_StaysWithinZeroAndOne(double q)
    {
        // A single pattern maximises both divergences from the uniform, so the normalised disequilibrium of any
        // distribution lies in [0, 1]: checked on series from noisy to nearly periodic, d = 3 and 4.
        var random = new Random(17);
        for (int trial = 0; trial < 20; trial++)
        {
            double mix = trial / 19.0;
            double[] x = [.. Enumerable.Range(0, 400).Select(t => (mix * Math.Sin(0.4 * t)) + ((1 - mix) * random.NextDouble()))];
            foreach (int d in new[] { 3, 4 })
            {
                foreach (OrdinalComplexity c in new[] { OrdinalPatterns.RenyiStatisticalComplexity(x, d, q), OrdinalPatterns.TsallisStatisticalComplexity(x, d, q) })
                {
                    Assert.InRange(c.Disequilibrium, 0, 1 + 1e-12);
                    Assert.InRange(c.NormalizedEntropy, 0, 1);
                }
            }
        }
    }

    [Fact]
    public void RenyiAndTsallis_BadOrder_NamesQ()
    {
        foreach (double q in new[] { 0, -1, double.NaN, double.PositiveInfinity })
        {
            Assert.Equal("q", Assert.Throws<ArgumentOutOfRangeException>(() => OrdinalPatterns.RenyiPermutationEntropy(s_bandtPompe, 3, q)).ParamName);
            Assert.Equal("q", Assert.Throws<ArgumentOutOfRangeException>(() => OrdinalPatterns.TsallisStatisticalComplexity(s_bandtPompe, 3, q)).ParamName);
        }

        Assert.Equal("d", Assert.Throws<ArgumentOutOfRangeException>(() => OrdinalPatterns.WeightedPermutationEntropy(s_bandtPompe, 1)).ParamName);
        Assert.Equal("tau", Assert.Throws<ArgumentOutOfRangeException>(() => OrdinalPatterns.RenyiStatisticalComplexity(s_bandtPompe, 3, 2, 0)).ParamName);
    }
}
