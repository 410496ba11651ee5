using InfoTheory.TimeSeries;

namespace InfoTheory.Tests.TimeSeries;

/// <summary>
/// Ordinal patterns against the worked example of Bandt &amp; Pompe (2002), x = (4, 7, 9, 10, 6, 11, 3), whose
/// patterns at d = 3 are 012, 012, 201, 102, 201 (H = −2·(2/5) ln(2/5) − (1/5) ln(1/5)), and the limits: a monotone
/// series has one pattern (H = 0, disequilibrium 1, complexity 0), i.i.d. noise has all d! patterns equally likely
/// (H → ln d!, complexity → 0).
/// </summary>
public sealed class OrdinalPatternsTests
{
    private static readonly double[] s_bandtPompe = [4, 7, 9, 10, 6, 11, 3];

    [Fact]
    public void Encode_BandtPompeExample_GivesLehmerCodes()
    {
        // Sorting permutations 012, 012, 201, 102, 201; Lehmer codes 0, 0, 2·2! = 4, 1·2! = 2, 4.
        Assert.Equal([0L, 0, 4, 2, 4], OrdinalPatterns.Encode(s_bandtPompe, 3));

        // d = 2: four rises (code 0) and two falls (code 1).
        Assert.Equal([0L, 0, 0, 1, 0, 1], OrdinalPatterns.Encode(s_bandtPompe, 2));
    }

    [Fact]
    public void Encode_AllPermutations_AreABijectionOntoZeroToFactorial()
    {
        // Every arrangement of 4 distinct values gets its own code in [0, 24); increasing → 0, decreasing → 23.
        var seen = new HashSet<long>();
        foreach (int[] perm in Permutations([0, 1, 2, 3]))
        {
            long code = OrdinalPatterns.Encode(Array.ConvertAll(perm, v => (double)v), 4).Single();
            Assert.InRange(code, 0, 23);
            Assert.True(seen.Add(code));
        }

        Assert.Equal(24, seen.Count);
        Assert.Equal(0, OrdinalPatterns.Encode([1.0, 2, 3, 4], 4).Single());
        Assert.Equal(23, OrdinalPatterns.Encode([4.0, 3, 2, 1], 4).Single());
    }

    [Fact]
    public void Encode_Ties_EarlierValueRanksLower()
    {
        // (5, 5, 5) sorts as the identity; (2, 1, 2) sorts as 1, 0, 2 (the first 2 before the second): code 2.
        Assert.Equal(0, OrdinalPatterns.Encode([5.0, 5, 5], 3).Single());
        Assert.Equal(2, OrdinalPatterns.Encode([2.0, 1, 2], 3).Single());
        Assert.Equal(0, OrdinalPatterns.PermutationEntropy([3.0, 3, 3, 3, 3, 3], 3).Nats);
    }

    [Fact]
    public void Encode_Delay_SpacesTheWindow()
    {
        // τ = 2 on (0, 9, 1, 8, 2, 7): windows (0, 1, 2), (9, 8, 7) → codes 0 and 5.
        Assert.Equal([0L, 5], OrdinalPatterns.Encode([0.0, 9, 1, 8, 2, 7], 3, tau: 2));
    }

    [Fact]
    public void PermutationEntropy_BandtPompeExample()
    {
        double expected = -(2 * 0.4 * Math.Log(0.4)) - (0.2 * Math.Log(0.2));
        Assert.Equal(expected, OrdinalPatterns.PermutationEntropy(s_bandtPompe, 3).Nats, 1e-14);
        Assert.Equal(expected / Math.Log(6), OrdinalPatterns.NormalizedPermutationEntropy(s_bandtPompe, 3), 1e-14);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(20)]
    public void Monotone_HasZeroEntropyAndComplexity_AndFullDisequilibrium(int d)
    {
        double[] x = Enumerable.Range(0, 500).Select(t => Math.Sqrt(t)).ToArray();
        Assert.Equal(0, OrdinalPatterns.PermutationEntropy(x, d).Nats);
        OrdinalComplexity c = OrdinalPatterns.StatisticalComplexity(x, d);
        Assert.Equal(0, c.NormalizedEntropy);

        // Q₀ is defined so that a single pattern has Q_J = 1: this checks the normalisation constant (rounding only).
        Assert.Equal(1, c.Disequilibrium, 1e-12);
        Assert.Equal(0, c.Complexity);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(4)]
    public void IidNoise_ApproachesLnFactorial_AndZeroComplexity(int d)
    {
        var random = new Random(d);
        double[] x = new double[100_000];
        for (int t = 0; t < x.Length; t++)
        {
            x[t] = random.NextDouble();
        }

        double lnFactorial = Math.Log(d == 3 ? 6 : 24);

        // Plug-in bias −(d! − 1)/(2n) ≤ 1.2e-4 and spread of the same order at n = 10⁵: 2e-3 nats.
        Assert.Equal(lnFactorial, OrdinalPatterns.PermutationEntropy(x, d).Nats, 2e-3);
        OrdinalComplexity c = OrdinalPatterns.StatisticalComplexity(x, d);
        Assert.Equal(1, c.NormalizedEntropy, 2e-3);

        // JS(P̂, U) ≈ χ²/(8n) ~ (d! − 1)/(8n) ≤ 3e-5 nats; Q₀ < 1.5 / ln 2 scales it to ≲ 1e-4.
        Assert.InRange(c.Complexity, 0, 2e-3);
    }

    [Theory]
    [InlineData(2, 1)]
    [InlineData(3, 2)]
    [InlineData(5, 1)]
    [InlineData(5, 3)]
    [InlineData(7, 1)]
    [InlineData(10, 1)]
    public void PermutationEntropy_DenseCount_EqualsTheEntropyOfEncodesCodes(int d, int tau)
    {
        // Small integers make many ties, and 1003 + (d − 1)τ values leave windows beyond any vector width. The dense
        // counting path codes ranks, Encode codes the order; both must split the windows into the same classes.
        var random = new Random(d * 10 + tau);
        double[] series = [.. Enumerable.Range(0, 1003 + ((d - 1) * tau)).Select(_ => (double)random.Next(4))];
        long[] codes = OrdinalPatterns.Encode(series, d, tau);
        double expected = 0;
        foreach (var group in codes.GroupBy(c => c))
        {
            double p = group.Count() / (double)codes.Length;
            expected -= p * Math.Log(p);
        }

        Assert.Equal(expected, OrdinalPatterns.PermutationEntropy(series, d, tau).Nats, 12);
        double[] continuous = [.. Enumerable.Range(0, 5000).Select(_ => random.NextDouble())];
        long[] continuousCodes = OrdinalPatterns.Encode(continuous, d, tau);
        double expectedContinuous = -continuousCodes.GroupBy(c => c).Sum(g => g.Count() / (double)continuousCodes.Length * Math.Log(g.Count() / (double)continuousCodes.Length));
        Assert.Equal(expectedContinuous, OrdinalPatterns.PermutationEntropy(continuous, d, tau).Nats, 12);
    }

    [Fact]
    public void LargeDimension_CountsSparsely()
    {
        // d = 20 would need a 20! ≈ 2.4e18 table if counted densely; 2000 windows of i.i.d. noise are almost surely all
        // distinct patterns, so H = ln(#windows) exactly.
        var random = new Random(7);
        double[] x = new double[2019];
        for (int t = 0; t < x.Length; t++)
        {
            x[t] = random.NextDouble();
        }

        Assert.Equal(Math.Log(2000), OrdinalPatterns.PermutationEntropy(x, 20).Nats, 1e-12);
    }

    [Fact]
    public void BadArguments_NameTheParameter()
    {
        Assert.Equal("d", Assert.Throws<ArgumentOutOfRangeException>(() => OrdinalPatterns.Encode(s_bandtPompe, 1)).ParamName);
        Assert.Equal("d", Assert.Throws<ArgumentOutOfRangeException>(() => OrdinalPatterns.PermutationEntropy(s_bandtPompe, 21)).ParamName);
        Assert.Equal("tau", Assert.Throws<ArgumentOutOfRangeException>(() => OrdinalPatterns.StatisticalComplexity(s_bandtPompe, 3, 0)).ParamName);
        Assert.Equal("series", Assert.Throws<ArgumentException>(() => OrdinalPatterns.Encode(s_bandtPompe, 4, 3)).ParamName);
        Assert.Equal("series", Assert.Throws<ArgumentException>(() => OrdinalPatterns.Encode([1, double.NaN, 3], 2)).ParamName);
    }

    private static IEnumerable<int[]> Permutations(int[] items)
    {
        if (items.Length <= 1)
        {
            yield return items;
            yield break;
        }

        for (int i = 0; i < items.Length; i++)
        {
            int[] rest = [.. items[..i], .. items[(i + 1)..]];
            foreach (int[] tail in Permutations(rest))
            {
                yield return [items[i], .. tail];
            }
        }
    }
}
