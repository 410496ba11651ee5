using InfoTheory.Discrete;
using InfoTheory.TimeSeries;

namespace InfoTheory.Tests.TimeSeries;

/// <summary>
/// Entropy rates against closed forms: the two-state chain P = [[1 − a, a], [b, 1 − b]] has π = (b, a)/(a + b) and
/// h = π₀ H(a) + π₁ H(b) (Cover &amp; Thomas 2006, Example 4.2.1); Lempel-Ziv complexities of the strings parsed by
/// hand in Lempel &amp; Ziv (1976) and Kaspar &amp; Schuster (1987).
/// </summary>
public sealed class EntropyRateTests
{
    private static double BinaryEntropy(double p) => -(p * Math.Log(p)) - ((1 - p) * Math.Log(1 - p));

    [Theory]
    [InlineData(0.1, 0.3)]
    [InlineData(0.5, 0.5)]
    [InlineData(0.9, 0.02)]
    public void MarkovChain_TwoStates_MatchesClosedForm(double a, double b)
    {
        double[,] p = { { 1 - a, a }, { b, 1 - b } };
        double[] pi = EntropyRate.StationaryDistribution(p);

        // A 2 × 2 solve: exact to a few ulps.
        Assert.Equal(b / (a + b), pi[0], 1e-14);
        Assert.Equal(a / (a + b), pi[1], 1e-14);
        Assert.Equal((b / (a + b) * BinaryEntropy(a)) + (a / (a + b) * BinaryEntropy(b)), EntropyRate.MarkovChain(p).Nats, 1e-14);
    }

    [Fact]
    public void MarkovChain_PeriodicAndUniform_HaveKnownRates()
    {
        // The deterministic cycle has π uniform and h = 0; the i.i.d. uniform chain on m states has h = ln m.
        double[,] cycle = { { 0, 1, 0 }, { 0, 0, 1 }, { 1, 0, 0 } };
        Assert.Equal([1.0 / 3, 1.0 / 3, 1.0 / 3], EntropyRate.StationaryDistribution(cycle), (x, y) => Math.Abs(x - y) < 1e-14);
        Assert.Equal(0, EntropyRate.MarkovChain(cycle).Nats);
        double[,] uniform = { { 0.25, 0.25, 0.25, 0.25 }, { 0.25, 0.25, 0.25, 0.25 }, { 0.25, 0.25, 0.25, 0.25 }, { 0.25, 0.25, 0.25, 0.25 } };
        Assert.Equal(Math.Log(4), EntropyRate.MarkovChain(uniform).Nats, 1e-14);

        // A transient state gets probability 0 and does not change the rate.
        double[,] transient = { { 0.5, 0.5, 0 }, { 0, 0.5, 0.5 }, { 0, 0.5, 0.5 } };
        Assert.Equal(0, EntropyRate.StationaryDistribution(transient)[0]);
        Assert.Equal(Math.Log(2), EntropyRate.MarkovChain(transient).Nats, 1e-14);
    }

    [Fact]
    public void BlockEntropyDifference_SampledChain_ApproachesTheRate()
    {
        const double a = 0.1, b = 0.3;
        var random = new Random(1);
        int[] x = new int[100_000];
        for (int t = 1; t < x.Length; t++)
        {
            double flip = x[t - 1] == 0 ? a : b;
            x[t] = random.NextDouble() < flip ? 1 - x[t - 1] : x[t - 1];
        }

        double h = EntropyRate.MarkovChain(new[,] { { 1 - a, a }, { b, 1 - b } }).Nats;

        // First order: ĥ_L = h for every L ≥ 2; plug-in over ≤ 2^L cells at n = 10⁵ has spread ≈ 0.002 nats, so 0.01.
        Assert.Equal(h, EntropyRate.BlockEntropyDifference(x, 2).Nats, 0.01);
        Assert.Equal(h, EntropyRate.BlockEntropyDifference(x, 5, new MillerMadowEntropy()).Nats, 0.01);

        // L = 1 is the marginal entropy H(π) (> h).
        Assert.Equal(BinaryEntropy(a / (a + b)), EntropyRate.BlockEntropyDifference(x, 1).Nats, 0.01);

        // The Lempel-Ziv estimate converges slowly (relative error of order log log n / log n ≈ 0.2 at n = 2·10⁴).
        Assert.Equal(h, LempelZiv.EntropyRate(x.AsSpan(0, 20_000)).Nats, 0.2 * h);
    }

    [Theory]
    [InlineData("0001101001000101", 6)] // 0·001·10·100·1000·101 (Lempel & Ziv 1976; Kaspar & Schuster 1987)
    [InlineData("0", 1)]
    [InlineData("01", 2)]
    [InlineData("0000000000", 2)] // 0·000000000
    [InlineData("0101010101", 3)] // 0·1·01010101
    [InlineData("0010", 3)] // 0·01·0
    [InlineData("abcabcabc", 4)] // a·b·c·abcabc
    [InlineData("aababcabcd", 4)] // a·ab·abc·abcd
    public void Complexity_KnownStrings(string text, int expected)
    {
        int[] symbols = text.Select(ch => (int)ch).ToArray();
        Assert.Equal(expected, LempelZiv.Complexity(symbols));
    }

    [Fact]
    public void NormalizedComplexity_FairCoin_IsNearOne()
    {
        var random = new Random(2);
        int[] x = new int[20_000];
        for (int t = 0; t < x.Length; t++)
        {
            x[t] = random.Next(2);
        }

        // c(n) log₂ n / n → 1 for a fair coin; the finite-n error at n = 2·10⁴ is several per cent, so ±0.1.
        Assert.Equal(1, LempelZiv.NormalizedComplexity(x, 2), 0.1);
    }

    [Fact]
    public void BadArguments_NameTheParameter()
    {
        Assert.Equal("transition", Assert.Throws<ArgumentException>(() => EntropyRate.MarkovChain(new double[2, 3])).ParamName);
        ArgumentException rowSum = Assert.Throws<ArgumentException>(() => EntropyRate.MarkovChain(new[,] { { 0.5, 0.5 }, { 0.5, 0.6 } }));
        Assert.Equal("transition", rowSum.ParamName);
        Assert.Contains("Row 1", rowSum.Message, StringComparison.Ordinal);
        Assert.Equal("transition", Assert.Throws<ArgumentException>(() => EntropyRate.MarkovChain(new[,] { { 1.5, -0.5 }, { 0.5, 0.5 } })).ParamName);
        Assert.Equal("transition", Assert.Throws<ArgumentException>(() => EntropyRate.MarkovChain(new[,] { { double.NaN, 1 }, { 0.5, 0.5 } })).ParamName);
        Assert.Equal("transition", Assert.Throws<ArgumentException>(() => EntropyRate.MarkovChain(new[,] { { 1.0, 0 }, { 0, 1.0 } })).ParamName);
        Assert.Equal("transition", Assert.Throws<ArgumentNullException>(() => EntropyRate.MarkovChain(null!)).ParamName);
        Assert.Equal("blockLength", Assert.Throws<ArgumentOutOfRangeException>(() => EntropyRate.BlockEntropyDifference([0, 1], 0)).ParamName);
        Assert.Equal("series", Assert.Throws<ArgumentException>(() => EntropyRate.BlockEntropyDifference([0, 1], 3)).ParamName);
        Assert.Equal("series", Assert.Throws<ArgumentException>(() => EntropyRate.BlockEntropyDifference([0, -1], 1)).ParamName);
        Assert.Equal("symbols", Assert.Throws<ArgumentException>(() => LempelZiv.Complexity([])).ParamName);
        Assert.Equal("symbols", Assert.Throws<ArgumentException>(() => LempelZiv.Complexity([0, -2])).ParamName);
        Assert.Equal("symbols", Assert.Throws<ArgumentException>(() => LempelZiv.EntropyRate([1])).ParamName);
        Assert.Equal("symbols", Assert.Throws<ArgumentException>(() => LempelZiv.NormalizedComplexity([0, 2], 2)).ParamName);
        Assert.Equal("alphabetSize", Assert.Throws<ArgumentOutOfRangeException>(() => LempelZiv.NormalizedComplexity([0, 0], 1)).ParamName);
    }
}
