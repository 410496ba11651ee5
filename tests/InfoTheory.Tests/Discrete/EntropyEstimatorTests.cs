using InfoTheory.Discrete;

namespace InfoTheory.Tests.Discrete;

/// <summary>
/// Known values worked out by hand from each estimator's defining formula, limits, and the
/// agreement of every estimator with the truth at large N.
/// </summary>
public sealed class EntropyEstimatorTests
{
    // Euler-Mascheroni constant γ = −ψ(1), to 20 digits.
    private const double EulerGamma = 0.57721566490153286061;
    private static readonly double Ln2 = Math.Log(2);

    // Closed forms below are sums of a handful of logs: exact to a few ulps.
    private const double Exact = 1e-14;

    public static TheoryData<string> EstimatorNames => ["PlugIn", "MillerMadow", "Grassberger", "ChaoShen", "JamesStein", "NSB", "Dirichlet", "Jackknife"];

    internal static DiscreteEntropyEstimator Create(string name) => name switch
    {
        "PlugIn" => new PlugInEntropy(),
        "MillerMadow" => new MillerMadowEntropy(),
        "Grassberger" => new GrassbergerEntropy(),
        "ChaoShen" => new ChaoShenEntropy(),
        "JamesStein" => new JamesSteinEntropy(),
        "NSB" => new NsbEntropy(),
        "Dirichlet" => new DirichletEntropy(),
        "Jackknife" => new JackknifeEntropy(),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    [Fact]
    public void MillerMadow_HandComputed()
    {
        // Counts {2, 1, 1}: Ĥ_ML = ln 4 − (2 ln 2)/4 = 1.5 ln 2; m = 3, N = 4 → + (3 − 1)/(2·4) (Miller 1955).
        var h = Histogram.FromCounts([2, 1, 1]);
        Assert.Equal((1.5 * Ln2) + 0.25, new MillerMadowEntropy().Estimate(h).Nats, Exact);
    }

    [Fact]
    public void MillerMadow_IsPlugInPlusSupportCorrection_Exactly()
    {
        var random = new Random(7);
        for (int trial = 0; trial < 50; trial++)
        {
            long[] counts = TestData.Counts(random, 1 + random.Next(60), max: 30);
            counts[0]++;
            var h = Histogram.FromCounts(counts);
            double expected = new PlugInEntropy().Estimate(h).Nats + ((h.Support - 1) / (2.0 * h.SampleCount));
            Assert.Equal(expected, new MillerMadowEntropy().Estimate(h).Nats);
        }
    }

    [Fact]
    public void Grassberger_HandComputed()
    {
        // G(1) = ψ(1) − ½(ψ(1) − ψ(½)) = −γ − ln 2 and G(2) = G(3) = 2 − γ − ln 2 (ψ(½) = −γ − 2 ln 2,
        // ψ(3/2) = 2 − γ − 2 ln 2, ψ(2) = 1 − γ, ψ(3) = 3/2 − γ); Ĥ = ln N − Σ nᵢ G(nᵢ)/N (Grassberger 2003).
        var g = new GrassbergerEntropy();
        Assert.Equal((2 * Ln2) + EulerGamma, g.Estimate(Histogram.FromCounts([1, 1])).Nats, Exact);
        Assert.Equal((2 * Ln2) - 2 + EulerGamma, g.Estimate(Histogram.FromCounts([2])).Nats, Exact);

        // {3, 1}: ln 4 − (3·G(3) + G(1))/4 = 3 ln 2 − 3/2 + γ.
        Assert.Equal((3 * Ln2) - 1.5 + EulerGamma, g.Estimate(Histogram.FromCounts([3, 1])).Nats, Exact);
        Assert.Equal(EulerGamma + Ln2, g.Estimate(Histogram.FromCounts([1])).Nats, Exact);
    }

    [Fact]
    public void Grassberger_G_FollowsItsRecurrence()
    {
        // Grassberger (2003): G(2k + 1) = G(2k) and G(2k + 2) = G(2k + 1) + 2/(2k + 1), from G(1) = −γ − ln 2.
        // ψ at arguments up to 200 is good to ~1e-15; 150 recurrence steps accumulate ≲ 1e-13.
        double expected = -EulerGamma - Ln2;
        for (long n = 1; n <= 300; n++)
        {
            Assert.Equal(expected, GrassbergerEntropy.G(n), 1e-12);
            expected += n % 2 == 1 ? 2.0 / n : 0;
        }
    }

    [Fact]
    public void ChaoShen_HandComputed()
    {
        var cs = new ChaoShenEntropy();

        // {2, 1}: N = 3, f₁ = 1, C = 2/3, p = (4/9, 2/9); Ĥ = −Σ p ln p / (1 − (1 − p)³) (Chao & Shen 2003).
        double expected = (-(4.0 / 9) * Math.Log(4.0 / 9) / (1 - Math.Pow(5.0 / 9, 3)))
                        - ((2.0 / 9) * Math.Log(2.0 / 9) / (1 - Math.Pow(7.0 / 9, 3)));
        Assert.Equal(expected, cs.Estimate(Histogram.FromCounts([2, 1])).Nats, Exact);
        Assert.Equal(2.0 / 3, ChaoShenEntropy.Coverage(Histogram.FromCounts([2, 1])), Exact);

        // All singletons {1, 1, 1}: f₁ = N is replaced by N − 1 = 2, so C = 1/3 and p = 1/9:
        // Ĥ = 3·(1/9)·ln 9 / (1 − (8/9)³) = 243 ln 9 / 217.
        Assert.Equal(243 * Math.Log(9) / 217, cs.Estimate(Histogram.FromCounts([1, 1, 1])).Nats, Exact);

        // No singletons {2, 2}: C = 1, p = ½: Ĥ = ln 2 / (1 − 1/16) = 16 ln 2 / 15.
        Assert.Equal(16 * Ln2 / 15, cs.Estimate(Histogram.FromCounts([2, 2])).Nats, Exact);

        // N = 1: C = 1 (f₁ = N − 1 = 0), p = 1: 0.
        Assert.Equal(0, cs.Estimate(Histogram.FromCounts([0, 1, 0])).Nats);
    }

    [Fact]
    public void JamesStein_HandComputed()
    {
        // Counts (6, 2, 0), K = 3, N = 8: u = (3/4, 1/4, 0), t = 1/3.
        // 1 − Σu² = 3/8; Σ(t − u)² = (25 + 1 + 16)/144 = 7/24; λ* = (3/8)/(7·7/24) = 9/49 (Hausser & Strimmer 2009, eq. 8).
        // Shrunk: λ/3 + (1 − λ)u = (33, 13, 3)/49.
        var h = Histogram.FromCounts([6, 2, 0]);
        var js = new JamesSteinEntropy();
        Assert.Equal(9.0 / 49, js.ShrinkageIntensity(h), Exact);
        double expected = -((33.0 / 49 * Math.Log(33.0 / 49)) + (13.0 / 49 * Math.Log(13.0 / 49)) + (3.0 / 49 * Math.Log(3.0 / 49)));
        Assert.Equal(expected, js.Estimate(h).Nats, Exact);
    }

    [Fact]
    public void JamesStein_LambdaZeroIsPlugIn_LambdaOneIsLogK()
    {
        var random = new Random(8);
        long[] counts = TestData.Counts(random, 40, max: 20);
        counts[0] = 3;
        var h = Histogram.FromCounts(counts);
        var large = Histogram.FromSymbols([1, 1, 5, 9, 9, 9], alphabetSize: 1_000_000_000_000);
        Assert.Equal(new PlugInEntropy().Estimate(h).Nats, new JamesSteinEntropy { Lambda = 0 }.Estimate(h).Nats, Exact);
        Assert.Equal(Math.Log(40), new JamesSteinEntropy { Lambda = 1 }.Estimate(h).Nats, Exact);
        Assert.Equal(Math.Log(1e12), new JamesSteinEntropy { Lambda = 1 }.Estimate(large).Nats, 1e-12);
        Assert.Equal(0.25, new JamesSteinEntropy { Lambda = 0.25 }.ShrinkageIntensity(h));
    }

    [Fact]
    public void JamesStein_FixedLambda_IsEntropyOfPseudoCountFrequencies()
    {
        // λ/K + (1 − λ)·nᵢ/N = (nᵢ + a)/(N + K·a) for λ = K·a/(N + K·a): the pseudo-count ("Dirichlet")
        // frequency estimate of Hausser & Strimmer (2009), eq. (4), followed by plug-in.
        long[] counts = [7, 0, 3, 1, 0, 0, 12, 2];
        double a = 0.5, k = counts.Length, n = counts.Sum();
        double[] frequencies = Array.ConvertAll(counts, c => (c + a) / (n + (k * a)));
        var js = new JamesSteinEntropy { Lambda = k * a / (n + (k * a)) };
        Assert.Equal(InfoTheory.Measures.Entropy.Shannon(frequencies).Nats, js.Estimate(Histogram.FromCounts(counts)).Nats, Exact);
    }

    [Fact]
    public void JamesStein_EdgeCases()
    {
        // Counts equal to the target: nothing to shrink (λ = 1, estimate ln K). N = 1: λ = 1 by definition.
        var js = new JamesSteinEntropy();
        Assert.Equal(1, js.ShrinkageIntensity(Histogram.FromCounts([2, 2, 2])));
        Assert.Equal(Math.Log(3), js.Estimate(Histogram.FromCounts([2, 2, 2])).Nats, Exact);
        Assert.Equal(1, js.ShrinkageIntensity(Histogram.FromCounts([0, 1, 0, 0])));
        Assert.Equal(Math.Log(4), js.Estimate(Histogram.FromCounts([0, 1, 0, 0])).Nats, Exact);
        Assert.Equal(0, js.Estimate(Histogram.FromCounts([5])).Nats);
    }

    [Fact]
    public void Jackknife_HandComputed()
    {
        // Ĥ_JK = N Ĥ − ((N − 1)/N) Σⱼ Ĥ₋ⱼ with the plug-in base (Zahl 1977).
        var jk = new JackknifeEntropy();

        // {1, 1}: Ĥ = ln 2; each leave-one-out histogram is {1}, entropy 0 → 2 ln 2.
        Assert.Equal(2 * Ln2, jk.Estimate(Histogram.FromCounts([1, 1])).Nats, Exact);

        // {2, 1}: Ĥ = ln 3 − (2/3) ln 2; two samples leave {1, 1} (ln 2), one leaves {2} (0):
        // 3 ln 3 − 2 ln 2 − (2/3)·2 ln 2 = 3 ln 3 − (10/3) ln 2.
        Assert.Equal((3 * Math.Log(3)) - (10.0 / 3 * Ln2), jk.Estimate(Histogram.FromCounts([2, 1])).Nats, Exact);

        // A single distinct symbol: every estimate is 0.
        Assert.Equal(0, jk.Estimate(Histogram.FromCounts([0, 17])).Nats, Exact);

        // N = 1: the leave-one-out term has weight 0, so the base estimate comes back.
        var mm = new JackknifeEntropy(new GrassbergerEntropy());
        var one = Histogram.FromCounts([1]);
        Assert.Equal(new GrassbergerEntropy().Estimate(one).Nats, mm.Estimate(one).Nats);
    }

    [Theory]
    [InlineData("PlugIn")]
    [InlineData("MillerMadow")]
    [InlineData("Grassberger")]
    [InlineData("ChaoShen")]
    [InlineData("Dirichlet")]
    public void Jackknife_PerDistinctCount_EqualsLeaveOneOutOverEverySample(string baseName)
    {
        // The direct definition: remove each of the N samples in turn.
        var random = new Random(9);
        var baseEstimator = Create(baseName);
        var jk = new JackknifeEntropy(baseEstimator);
        for (int trial = 0; trial < 10; trial++)
        {
            long[] counts = TestData.Counts(random, 12, max: 6);
            counts[trial] += 2;
            var h = Histogram.FromCounts(counts);
            long n = h.SampleCount;
            double sum = 0;
            for (int bin = 0; bin < counts.Length; bin++)
            {
                for (long sample = 0; sample < counts[bin]; sample++)
                {
                    counts[bin]--;
                    sum += baseEstimator.Estimate(Histogram.FromCounts(counts)).Nats;
                    counts[bin]++;
                }
            }

            double expected = (n * baseEstimator.Estimate(h).Nats) - ((n - 1.0) / n * sum);

            // N·Ĥ and the sum are ~N·ln K ≤ 100; their difference loses ~2 digits of 1e-16.
            Assert.Equal(expected, jk.Estimate(h).Nats, 1e-12);
        }
    }

    [Fact]
    public void Jackknife_PlugInClosedForm_EqualsGenericLeaveOneOutRoute()
    {
        // James-Stein with λ = 0 is the plug-in estimate computed by other code, so its jackknife takes the
        // general per-distinct-count route while the plug-in base takes the closed form.
        var random = new Random(11);
        var closed = new JackknifeEntropy();
        var generic = new JackknifeEntropy(new JamesSteinEntropy { Lambda = 0 });
        for (int trial = 0; trial < 20; trial++)
        {
            long[] counts = TestData.Counts(random, 1 + random.Next(200), max: 1 + random.Next(500));
            counts[0]++;
            var h = Histogram.FromCounts(counts);

            // The generic route forms N·(Ĥ − Ĥ₋ⱼ) sums: relative rounding ~N·1e-16 ≤ 1e-10 here.
            Assert.Equal(closed.Estimate(h).Nats, generic.Estimate(h).Nats, 1e-9);
        }
    }

    [Theory]
    [MemberData(nameof(EstimatorNames))]
    public void Estimate_MillionSamplesOfKnownPmf_ApproachesTrueEntropy(string name)
    {
        // p ∝ (1, 2, …, 10). N = 10⁶: the plug-in estimate has standard deviation √(Var ln p / N) ≈ 4e-4
        // nats and bias −(K − 1)/(2N) ≈ −5e-6; 3e-3 is about 7 standard deviations. The corrections
        // differ from the plug-in estimate by O(K/N) = 1e-5, so all must agree with it to 1e-4.
        double[] p = Enumerable.Range(1, 10).Select(i => i / 55.0).ToArray();
        var h = Histogram.FromCounts(Sampling.Counts(new Random(10), p, 1_000_000));
        double estimate = Create(name).Estimate(h).Nats;
        Assert.Equal(Sampling.Entropy(p), estimate, 3e-3);
        Assert.Equal(new PlugInEntropy().Estimate(h).Nats, estimate, 1e-4);
    }

    [Theory]
    [MemberData(nameof(EstimatorNames))]
    public void Estimate_FromSymbols_EqualsEstimateFromHistogram(string name)
    {
        int[] symbols = [3, 1, 3, 3, 7, 1, 9, 0, 0, 3];
        var estimator = Create(name);
        Assert.Equal(estimator.Estimate(Histogram.FromSymbols(symbols)).Nats, estimator.Estimate(symbols).Nats);
    }

    [Theory]
    [MemberData(nameof(EstimatorNames))]
    public void Estimate_SingleSymbolSeenManyTimes_IsNearZero(string name)
    {
        // 500 copies of one symbol out of K = 2: every estimator should report (almost) no uncertainty.
        // Grassberger gives ln 500 − G(500) = O(1/N²); the Bayesian ones ≈ a/N·ln N ≤ 0.01; James-Stein's
        // λ* = 0 because Σu² = 1. The bound 0.02 nats covers them all.
        var h = Histogram.FromCounts([500, 0]);
        Assert.InRange(Create(name).Estimate(h).Nats, -1e-3, 0.02);
    }
}
