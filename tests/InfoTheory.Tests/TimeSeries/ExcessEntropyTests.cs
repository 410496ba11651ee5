using InfoTheory.TimeSeries;

namespace InfoTheory.Tests.TimeSeries;

/// <summary>
/// Excess entropy against closed forms: a first-order Markov chain has H(L) = H(π) + (L − 1)h, so E = H(π) − h
/// = I(X_t; X_{t+1}) (Crutchfield &amp; Feldman 2003); the symmetric binary chain with flip probability a has
/// E = ln 2 − H_b(a), an i.i.d. chain E = 0 and a period-2 cycle E = ln 2.
/// </summary>
public sealed class ExcessEntropyTests
{
    private static double BinaryEntropy(double p) => -(p * Math.Log(p)) - ((1 - p) * Math.Log(1 - p));

    private static readonly double[,] s_threeState = { { 0.7, 0.2, 0.1 }, { 0.1, 0.6, 0.3 }, { 0.4, 0.1, 0.5 } };

    [Theory]
    [InlineData(0.05)]
    [InlineData(0.3)]
    [InlineData(0.5)]
    public void MarkovChain_SymmetricBinary_IsLn2MinusBinaryEntropy(double a)
    {
        double[,] p = { { 1 - a, a }, { a, 1 - a } };
        Assert.Equal(Math.Log(2) - BinaryEntropy(a), ExcessEntropy.MarkovChain(p).Nats, 1e-14);
    }

    [Fact]
    public void MarkovChain_IidAndPeriodic_HaveKnownValues()
    {
        double[,] iid = { { 0.2, 0.5, 0.3 }, { 0.2, 0.5, 0.3 }, { 0.2, 0.5, 0.3 } };
        Assert.Equal(0, ExcessEntropy.MarkovChain(iid).Nats, 1e-14);
        double[,] cycle = { { 0, 1 }, { 1, 0 } };
        Assert.Equal(Math.Log(2), ExcessEntropy.MarkovChain(cycle).Nats, 1e-14);
    }

    [Fact]
    public void MarkovChain_EqualsMutualInformationOfConsecutiveStates()
    {
        // An independent route: I(X_t; X_{t+1}) = Σᵢⱼ πᵢ Pᵢⱼ ln(Pᵢⱼ / πⱼ), with π from the 3 × 3 system solved by hand
        // (π P = π): π = (17, 11, 10)/38.
        double[] pi = [17.0 / 38, 11.0 / 38, 10.0 / 38];
        double mi = 0;
        for (int i = 0; i < 3; i++)
        {
            for (int j = 0; j < 3; j++)
            {
                mi += pi[i] * s_threeState[i, j] * Math.Log(s_threeState[i, j] / pi[j]);
            }
        }

        Assert.Equal(mi, ExcessEntropy.MarkovChain(s_threeState).Nats, 1e-13);
    }

    [Fact]
    public void BlockEstimates_SampledThreeStateChain_ApproachTheExactValue()
    {
        var random = new Random(5);
        int[] x = new int[200_000];
        for (int t = 1; t < x.Length; t++)
        {
            double u = random.NextDouble();
            int previous = x[t - 1];
            x[t] = u < s_threeState[previous, 0] ? 0 : u < s_threeState[previous, 0] + s_threeState[previous, 1] ? 1 : 2;
        }

        double exact = ExcessEntropy.MarkovChain(s_threeState).Nats;

        // First order: E_L = E for L ≥ 2 and the predictive information equals E for L ≥ 1. Plug-in bias at L = 3 is
        // about [(L − 1)(3^L − 1) − L(3^{L−1} − 1)]/(2n) ≈ 7e-5 nats, and the spread of block entropies at n = 2·10⁵
        // (correlated samples) a few 1e-3: 0.01 nats.
        Assert.Equal(0, ExcessEntropy.BlockEstimate(x, 1).Nats);
        Assert.Equal(exact, ExcessEntropy.BlockEstimate(x, 2).Nats, 0.01);
        Assert.Equal(exact, ExcessEntropy.BlockEstimate(x, 3).Nats, 0.01);
        Assert.Equal(exact, ExcessEntropy.PredictiveInformation(x, 1).Nats, 0.01);
        Assert.Equal(exact, ExcessEntropy.PredictiveInformation(x, 2).Nats, 0.01);
    }

    [Fact]
    public void BlockEstimates_PeriodicSeries_GiveLn2()
    {
        // 0, 1, 0, 1, …: every block length has two equally frequent blocks (up to one block in the odd counts), so
        // Ĥ(L) = ln 2 within 1/n-sized terms and both estimates are ln 2.
        int[] x = [.. Enumerable.Range(0, 10_001).Select(t => t % 2)];
        Assert.Equal(Math.Log(2), ExcessEntropy.BlockEstimate(x, 4).Nats, 1e-6);
        Assert.Equal(Math.Log(2), ExcessEntropy.PredictiveInformation(x, 3).Nats, 1e-6);
    }

    [Fact]
    public void BadArguments_NameTheParameter()
    {
        Assert.Equal("blockLength", Assert.Throws<ArgumentOutOfRangeException>(() => ExcessEntropy.BlockEstimate([0, 1, 0], 0)).ParamName);
        Assert.Equal("blockLength", Assert.Throws<ArgumentOutOfRangeException>(() => ExcessEntropy.PredictiveInformation([0, 1, 0], 0)).ParamName);
        Assert.Equal("series", Assert.Throws<ArgumentException>(() => ExcessEntropy.PredictiveInformation([0, 1, 0], 2)).ParamName);
        Assert.Equal("series", Assert.Throws<ArgumentException>(() => ExcessEntropy.BlockEstimate([0, -1, 0], 2)).ParamName);
        Assert.Equal("transition", Assert.Throws<ArgumentException>(() => ExcessEntropy.MarkovChain(new double[,] { { 0.5, 0.4 }, { 0.5, 0.5 } })).ParamName);
    }
}
