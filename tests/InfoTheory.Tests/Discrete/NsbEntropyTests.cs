using InfoTheory.Discrete;
using MathNet.Numerics;

namespace InfoTheory.Tests.Discrete;

/// <summary>The NSB estimator (Nemenman, Shafee &amp; Bialek 2002).</summary>
public sealed class NsbEntropyTests
{
    private static readonly NsbEntropy Nsb = new();

    [Theory]
    [InlineData(2L)]
    [InlineData(10L)]
    [InlineData(1000L)]
    [InlineData(1L << 40)]
    public void Posterior_OneSample_MeanIsHalfLogK(long k)
    {
        // With one sample in bin j, p(n | p) = pⱼ and p(n) = 1/K by symmetry, so E[H | n] = K·E[H·pⱼ]; averaging
        // over j (all equal by symmetry) gives E[H·Σⱼ pⱼ] = E[H], the prior mean. Under the NSB prior
        // E[H | β] = ξ(β) is uniform on [0, ln K], so E[H] = ln K / 2 exactly. The quadrature must reproduce it.
        var h = Histogram.FromSymbols([0], alphabetSize: k);
        var posterior = Nsb.Posterior(h);
        Assert.Equal(Math.Log(k) / 2, posterior.Mean.Nats, 1e-8 * Math.Log(k));

        // The prior spread of ξ alone is ln K/√12; the within-β spread only adds to it.
        Assert.InRange(posterior.StandardDeviation.Nats, Math.Log(k) / Math.Sqrt(12), Math.Log(k) / 2);
    }

    [Fact]
    public void Posterior_AlphabetOfOne_IsZero()
    {
        var posterior = Nsb.Posterior(Histogram.FromCounts([42]));
        Assert.Equal(0, posterior.Mean.Nats);
        Assert.Equal(0, posterior.StandardDeviation.Nats);
    }

    public static TheoryData<long[]> CrossCheckCounts => new()
    {
        new long[] { 5, 3, 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 },
        new long[] { 10, 0, 0, 4, 1 },
        new long[] { 1, 1, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0 },
        new long[] { 0, 0, 1, 0, 0, 0, 0, 0 },
        new long[] { 30, 25, 20, 12, 7, 3, 2, 1 },
    };

    [Theory]
    [MemberData(nameof(CrossCheckCounts))]
    public void Posterior_EqualsIntegralOverUniformPriorEntropy(long[] counts)
    {
        // A second route to the same integral, sharing no code with the estimator's quadrature: the NSB prior
        // makes ξ(β) = ψ(Kβ + 1) − ψ(β + 1) uniform, so E[H | n] = ∫ E[H | n, β(ξ)]·p(n | β(ξ)) dξ / ∫ p(n | β(ξ)) dξ.
        // Here dξ is taken as differences of ξ on a fine grid of ln β (no trigamma, no asymptotic series), the
        // evidence ln Γ(Kβ) − ln Γ(N + Kβ) + Σᵢ [ln Γ(nᵢ + β) − ln Γ(β)] by plain log-gamma differences over all
        // K bins, and the fixed-β moments from DirichletEntropy (tested against the direct double sum). The
        // midpoint Stieltjes sum with Δ ln β = 1e-3 has error O(Δ²); the range ln β ∈ [−30, 30] leaves out
        // ξ-mass below ~1e-12. The two routes were measured to agree within 5e-9; 1e-7 is the bar.
        var h = Histogram.FromCounts(counts);
        int k = counts.Length;
        double n = h.SampleCount;
        double Xi(double beta) => SpecialFunctions.DiGamma((k * beta) + 1) - SpecialFunctions.DiGamma(beta + 1);
        double LogEvidence(double beta)
        {
            double sum = SpecialFunctions.GammaLn(k * beta) - SpecialFunctions.GammaLn(n + (k * beta));
            foreach (long c in counts)
            {
                sum += SpecialFunctions.GammaLn(c + beta) - SpecialFunctions.GammaLn(beta);
            }

            return sum;
        }

        double step = 1e-3;
        var logWeights = new List<double>();
        var means = new List<double>();
        var variances = new List<double>();
        double previous = Xi(Math.Exp(-30));
        for (double x = -30 + step; x <= 30; x += step)
        {
            double next = Xi(Math.Exp(x));
            double beta = Math.Exp(x - (step / 2));
            var fixedBeta = new DirichletEntropy(beta).Posterior(h);
            logWeights.Add(LogEvidence(beta) + Math.Log(Math.Max(next - previous, 1e-300)));
            means.Add(fixedBeta.Mean.Nats);
            variances.Add(fixedBeta.StandardDeviation.Nats * fixedBeta.StandardDeviation.Nats);
            previous = next;
        }

        double max = logWeights.Max();
        double total = 0, first = 0;
        for (int i = 0; i < means.Count; i++)
        {
            double w = Math.Exp(logWeights[i] - max);
            total += w;
            first += w * means[i];
        }

        double mean = first / total;
        double second = 0;
        for (int i = 0; i < means.Count; i++)
        {
            double d = means[i] - mean;
            second += Math.Exp(logWeights[i] - max) * (variances[i] + (d * d));
        }

        double sd = Math.Sqrt(second / total);
        var posterior = Nsb.Posterior(h);
        Assert.Equal(mean, posterior.Mean.Nats, 1e-7);
        Assert.Equal(sd, posterior.StandardDeviation.Nats, 1e-7);
        Assert.Equal(posterior.Mean, Nsb.Estimate(h));
    }

    [Fact]
    public void Estimate_NoCoincidences_BelowLogK_AndGrowsWithK()
    {
        // Ten distinct symbols: the evidence only bounds β from below, so the estimate is set by the prior and
        // K, and keeps growing with K; it stays below ln K as every posterior mean of H must.
        long[] symbols = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
        double previous = 0;
        foreach (long k in new long[] { 10, 100, 1000, 100_000 })
        {
            var posterior = Nsb.Posterior(Histogram.FromSymbols(symbols, alphabetSize: k));
            Assert.InRange(posterior.Mean.Nats, previous, Math.Log(k));
            if (k >= 100)
            {
                // K ≫ N: the data leave the entropy uncertain by a sizeable fraction of a nat.
                Assert.True(posterior.StandardDeviation.Nats > 0.1, $"K = {k}: sd {posterior.StandardDeviation.Nats}");
            }

            previous = posterior.Mean.Nats;
        }
    }

    [Theory]
    [InlineData(0.05)]
    [InlineData(0.5)]
    [InlineData(2.0)]
    public void MostProbableConcentration_DataFromDirichlet_RecoversItsConcentration(double a)
    {
        // 10⁵ samples from a pmf drawn from Dirichlet(a) over K = 1000: the evidence p(n | β) is then close to
        // the likelihood of 1000 draws of the Dirichlet, whose maximiser has a relative spread of a few percent.
        // 15% leaves room for that and for the prior factor.
        var random = new Random(31);
        double[] p = Sampling.DirichletPmf(random, 1000, a);
        var h = Histogram.FromCounts(Sampling.Counts(random, p, 100_000));
        Assert.Equal(a, Nsb.MostProbableConcentration(h), 0.15 * a);
    }

    [Fact]
    public void Estimate_HugeAlphabet_IsFiniteAndBounded()
    {
        var random = new Random(32);
        long[] symbols = new long[2000];
        for (int i = 0; i < symbols.Length; i++)
        {
            symbols[i] = random.Next(700);
        }

        long k = 1L << 50;
        var posterior = Nsb.Posterior(Histogram.FromSymbols(symbols, alphabetSize: k));
        Assert.InRange(posterior.Mean.Nats, new PlugInEntropy().Estimate(Histogram.FromSymbols(symbols)).Nats, Math.Log(k));
        Assert.True(double.IsFinite(posterior.StandardDeviation.Nats) && posterior.StandardDeviation.Nats > 0);
    }
}
