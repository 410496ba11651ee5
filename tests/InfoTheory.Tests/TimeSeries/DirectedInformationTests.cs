using InfoTheory.Continuous;
using InfoTheory.TimeSeries;

namespace InfoTheory.Tests.TimeSeries;

/// <summary>
/// The directed information rate (Massey 1990) against closed forms. For a memoryless channel used with i.i.d.
/// inputs, (X_t, Y_t) is independent of the past, so I(Y_t ; X_t⁽ˡ⁾ | Y_{t−1}⁽ᵏ⁾) = I(X_t ; Y_t), the channel's mutual
/// information per use, for every k, l ≥ 1, while the transfer entropy (source past only) is 0.
/// Gaussian channel Y_t = X_t + σ ε_t, X, ε i.i.d. N(0, 1): I = ½ ln(1 + 1/σ²) (Shannon 1948).
/// Binary symmetric channel Y_t = X_t ⊕ N_t, X fair, N_t ~ Bernoulli(p): I = ln 2 − H_b(p) nats.
/// </summary>
public sealed class DirectedInformationTests
{
    private static (double[] X, double[] Y) GaussianChannel(int n, double sigma, int seed)
    {
        var random = new Random(seed);
        double[] x = new double[n], y = new double[n];
        for (int t = 0; t < n; t++)
        {
            x[t] = TimeSeriesData.Normal(random);
            y[t] = x[t] + (sigma * TimeSeriesData.Normal(random));
        }

        return (x, y);
    }

    private static (int[] X, int[] Y) BinarySymmetricChannel(int n, double p, int seed)
    {
        var random = new Random(seed);
        int[] x = new int[n], y = new int[n];
        for (int t = 0; t < n; t++)
        {
            x[t] = random.Next(2);
            y[t] = random.NextDouble() < p ? 1 - x[t] : x[t];
        }

        return (x, y);
    }

    [Fact]
    public void Gaussian_MemorylessChannel_MatchesCapacityFormulaOverSeeds()
    {
        const double sigma = 1.0;
        const int n = 5_000, seeds = 20;
        double truth = 0.5 * Math.Log(1 + (1 / (sigma * sigma)));
        var di = new DirectedInformation(new GaussianConditionalMutualInformation());
        double[] estimates = new double[seeds];
        for (int s = 0; s < seeds; s++)
        {
            (double[] x, double[] y) = GaussianChannel(n, sigma, seed: 100 + s);
            estimates[s] = di.Estimate(x, y).Nats;
        }

        // Î = −½ ln(1 − r̂²) with r̂ the sample (partial) correlation: by the delta method sd(Î) ≈ ρ/√n, here
        // ρ² = 1/(1 + σ²) = ½, so sd ≈ 0.0100 at n = 5000, and the bias from 2 conditioned/added dimensions is
        // O(1/n) ≈ 2e-4. Each estimate within 0.04 (4 sd); the mean of 20 within 0.01 (> 4 sd of the mean, 0.0022).
        double mean = estimates.Average();
        double sd = Math.Sqrt(estimates.Sum(e => (e - mean) * (e - mean)) / (seeds - 1));
        Assert.All(estimates, e => Assert.Equal(truth, e, 0.04));
        Assert.Equal(truth, mean, 0.01);

        // The measured spread agrees with the delta-method sd of 0.0100 (a sample sd of 20 lies within ±50 % of it
        // with probability > 0.999).
        Assert.InRange(sd, 0.005, 0.015);
    }

    [Fact]
    public void Gaussian_MemorylessChannel_LongerWindowsChangeNothing()
    {
        (double[] x, double[] y) = GaussianChannel(5_000, 0.5, seed: 7);
        double truth = 0.5 * Math.Log(1 + (1 / 0.25));
        var di = new DirectedInformation(new GaussianConditionalMutualInformation()) { TargetHistory = 3, SourceMemory = 3 };

        // ρ² = 0.8, sd ≈ 0.9/√5000 ≈ 0.013, bias O(6/n) ≈ 1e-3; 0.05 is about 4 sd.
        Assert.Equal(truth, di.Estimate(x, y).Nats, 0.05);
        Assert.Equal(3, di.FirstTime);
    }

    [Fact]
    public void Gaussian_MemorylessChannel_ExceedsLagOneTransferEntropy()
    {
        (double[] x, double[] y) = GaussianChannel(5_000, 1.0, seed: 11);
        var estimator = new GaussianConditionalMutualInformation();
        double rate = new DirectedInformation(estimator).Estimate(x, y).Nats;
        double te = new TransferEntropy(estimator).Estimate(x, y).Nats;

        // The channel has no memory: TE = 0 (2n·T̂ ~ χ²₁, so T̂ < 2e-3 far beyond its 99.9 % quantile) while the
        // rate is ½ ln 2 ≈ 0.347 (sd 0.01).
        Assert.Equal(0, te, 2e-3);
        Assert.True(rate > te + 0.3, $"DI rate = {rate}, TE = {te}");
    }

    [Fact]
    public void Gaussian_IndependentSeries_RateNearZero()
    {
        var random = new Random(21);
        double[] x = new double[5_000], y = new double[5_000];
        for (int t = 0; t < x.Length; t++)
        {
            x[t] = TimeSeriesData.Normal(random);
            y[t] = TimeSeriesData.Normal(random);
        }

        // Under independence 2n·Î ~ χ²₁ (mean 1/(2n) = 1e-4); 2e-3 is beyond its 99.9 % quantile (10.8/(2n) ≈ 1.1e-3).
        double rate = new DirectedInformation(new GaussianConditionalMutualInformation()).Estimate(x, y).Nats;
        Assert.Equal(0, rate, 2e-3);
    }

    [Fact]
    public void Gaussian_LinearProcess_RateEqualsTransferEntropyWhenCouplingIsLagged()
    {
        // Y_t = a Y_{t−1} + b X_{t−1} + ε_t: X_t is independent of (Y_t, Y_{t−1}, X_{t−1}), so with l = 2 the rate
        // I(Y_t ; X_t, X_{t−1} | Y_{t−1}) equals T(X → Y) = ½ ln(1 + b²) (see TransferEntropyTests).
        (double[] x, double[] y) = TimeSeriesData.LinearCoupled(20_000, 0.5, 0.6, seed: 31);
        double truth = 0.5 * Math.Log(1 + 0.36);
        var di = new DirectedInformation(new GaussianConditionalMutualInformation()) { SourceMemory = 2 };

        // As in TransferEntropyTests at n = 2·10⁴: s.e. ≈ 0.004; 0.015 is > 3 s.e.
        Assert.Equal(truth, di.Estimate(x, y).Nats, 0.015);
    }

    [Fact]
    public void Gaussian_Trials_PoolLikeOneSeriesWithoutCrossingTrials()
    {
        (double[] x, double[] y) = GaussianChannel(6_000, 1.0, seed: 41);
        SampleMatrix[] sources = [SampleMatrix.FromRowMajor(x.AsSpan(0, 3_000), 1), SampleMatrix.FromRowMajor(x.AsSpan(3_000), 1)];
        SampleMatrix[] targets = [SampleMatrix.FromRowMajor(y.AsSpan(0, 3_000), 1), SampleMatrix.FromRowMajor(y.AsSpan(3_000), 1)];
        var di = new DirectedInformation(new GaussianConditionalMutualInformation());

        // 2 × 2999 rows pooled: sd ≈ 0.7/√6000 ≈ 0.009; 0.04 is over 4 sd.
        Assert.Equal(0.5 * Math.Log(2), di.Estimate(sources, targets).Nats, 0.04);
        Assert.Equal(di.Estimate(x, y).Nats, di.Estimate(SampleMatrix.FromRowMajor(x, 1), SampleMatrix.FromRowMajor(y, 1)).Nats, 12);
    }

    [Fact]
    public void Gaussian_ChannelWithFeedback_RateExcludesTheFeedbackWhileMutualInformationDoesNot()
    {
        // Y_t = X_t + σ ε_t with the input fed back, X_t = c Y_{t−1} + η_t (ε, η i.i.d. N(0, 1)). Given Y_{t−1},
        // X_t has variance 1 and Y_t variance 1 + σ²; given also X_t, Y_t has variance σ²; so the rate is
        // ½ ln((1 + σ²)/σ²) whatever c (Massey 1990: directed information counts only the forward use of the
        // channel). The stationary Var(Y) = (1 + σ²)/(1 − c²), so I(X_t ; Y_t) = ½ ln((1 + σ²)/((1 − c²)σ²)) is larger.
        const double c = 0.8, sigma = 1.0;
        const int n = 5_000, burnIn = 200;
        var random = new Random(61);
        double[] x = new double[n + burnIn], y = new double[n + burnIn];
        for (int t = 1; t < x.Length; t++)
        {
            x[t] = (c * y[t - 1]) + TimeSeriesData.Normal(random);
            y[t] = x[t] + (sigma * TimeSeriesData.Normal(random));
        }

        x = x[burnIn..];
        y = y[burnIn..];
        double rate = 0.5 * Math.Log((1 + (sigma * sigma)) / (sigma * sigma));
        double mutual = 0.5 * Math.Log((1 + (sigma * sigma)) / ((1 - (c * c)) * sigma * sigma));

        // Partial correlation² = 1/(1 + σ²) = ½ as in the memoryless case: sd ≈ 0.01, 0.04 is 4 sd. The plain
        // correlation² is 1 − (1 − c²)σ²/(1 + σ²) = 0.82: sd ≈ 0.9/√n ≈ 0.013 (serial dependence inflates it
        // somewhat); 0.06 allows that.
        Assert.Equal(rate, new DirectedInformation(new GaussianConditionalMutualInformation()).Estimate(x, y).Nats, 0.04);
        Assert.Equal(mutual, new GaussianMutualInformation().Estimate(x, y).Nats, 0.06);
    }

    [Fact]
    public void Ksg_MemorylessChannel_MatchesCapacityFormula()
    {
        (double[] x, double[] y) = GaussianChannel(4_000, 1.0, seed: 71);
        var di = new DirectedInformation(new KsgConditionalMutualInformation { K = 4 });

        // KSG at n = 4000 in 3 dimensions: spread ≈ 0.01 nats and bias of the same order (as for the TE in
        // TransferEntropyTests); 0.04 allows both.
        Assert.Equal(0.5 * Math.Log(2), di.Estimate(x, y).Nats, 0.04);
    }

    [Fact]
    public void PlugIn_BinarySymmetricChannel_MatchesLn2MinusBinaryEntropy()
    {
        const double p = 0.1;
        (int[] x, int[] y) = BinarySymmetricChannel(100_000, p, seed: 51);
        double truth = Math.Log(2) + (p * Math.Log(p)) + ((1 - p) * Math.Log(1 - p));
        var di = new DiscreteDirectedInformation();

        // Plug-in over 8 cells at n = 10⁵: bias ≈ 2/(2n) = 1e-5; sd of the MI estimate ≈ sd(ln p(y|x)/p(y))/√n
        // = |ln(0.9/0.5) − ln(0.1/0.5)|·√(p(1−p))/√n ≈ 2.2·0.3/316 ≈ 0.002; 0.01 is 5 sd.
        double rate = di.Estimate(x, y).Nats;
        Assert.Equal(truth, rate, 0.01);

        // Memoryless: the lag-1 transfer entropy is 0 (2n·T̂ ~ χ²₂; 1e-3 far beyond its 99.9 % quantile).
        Assert.Equal(0, new DiscreteTransferEntropy().Estimate(x, y).Nats, 1e-3);

        // Longer windows add nothing for a memoryless channel (16 × 4 cells: bias ≈ 1.5e-4).
        var longer = new DiscreteDirectedInformation { TargetHistory = 2, SourceMemory = 2 };
        Assert.Equal(truth, longer.Estimate(x, y).Nats, 0.01);
    }

    [Fact]
    public void PlugIn_NoiselessCopy_IsEmpiricalConditionalEntropyOfTarget()
    {
        // Y_t = X_t: H(Y_t | Y_{t−1}, X_t) = 0, so the plug-in I(Y_t ; X_t | Y_{t−1}) is the empirical H(Y_t | Y_{t−1}),
        // computed here by hand from the counts.
        int[] x = [0, 1, 1, 0, 0, 1, 0, 1, 1];
        int[] y = (int[])x.Clone();
        var di = new DiscreteDirectedInformation();

        // Rows t = 1..8: (y_{t−1}, y_t) = (0,1),(1,1),(1,0),(0,0),(0,1),(1,0),(0,1),(1,1); H(Y_t | Y_{t−1}) from the
        // counts: y_{t−1} = 0 → {1,0,1,1}, y_{t−1} = 1 → {1,0,0,1}.
        double h0 = -((0.75 * Math.Log(0.75)) + (0.25 * Math.Log(0.25)));
        double h1 = Math.Log(2);
        double expected = (0.5 * h0) + (0.5 * h1);
        Assert.Equal(expected, di.Estimate(x, y).Nats, 12);
    }

    [Fact]
    public void Arguments_AreCheckedAndNamed()
    {
        Assert.Throws<ArgumentNullException>("estimator", () => new DirectedInformation(null!));
        Assert.Throws<ArgumentOutOfRangeException>("TargetHistory", () => new DirectedInformation(new GaussianConditionalMutualInformation()) { TargetHistory = 0 });
        Assert.Throws<ArgumentOutOfRangeException>("SourceMemory", () => new DiscreteDirectedInformation { SourceMemory = 0 });

        var di = new DirectedInformation(new GaussianConditionalMutualInformation()) { TargetHistory = 4 };
        Assert.Throws<ArgumentException>("target", () => di.Estimate([1.0, 2, 3], [1.0, 2, 3]));
        Assert.Throws<ArgumentException>("target", () => di.Estimate([1.0, 2, 3, 4, 5, 6], [1.0, 2, 3, 4, 5]));
        Assert.Throws<ArgumentException>("source", () => di.Estimate([1.0, double.NaN, 3, 4, 5, 6], [1.0, 2, 3, 4, 5, 6]));
        Assert.Throws<ArgumentException>("sources", () => di.Estimate(Array.Empty<SampleMatrix>(), Array.Empty<SampleMatrix>()));
        Assert.Throws<ArgumentException>("source", () => new DiscreteDirectedInformation().Estimate([0, -1, 1], [0, 1, 1]));
    }
}
