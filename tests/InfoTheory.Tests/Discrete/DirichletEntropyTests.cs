using InfoTheory.Discrete;
using InfoTheory.Internal;
using MathNet.Numerics;
using MathNet.Numerics.Distributions;

namespace InfoTheory.Tests.Discrete;

/// <summary>The Dirichlet posterior moments of the entropy (Wolpert &amp; Wolf 1995; Hutter 2002).</summary>
public sealed class DirichletEntropyTests
{
    [Theory]
    [InlineData(0.01, 2)]
    [InlineData(0.5, 10)]
    [InlineData(1.0, 1000)]
    [InlineData(3.0, 7)]
    public void Estimate_OneSample_EqualsPriorMean(double a, int k)
    {
        // With one sample in bin 1: A = 1 + Ka, α₁ = 1 + a, the rest a. Using ψ(a + 2) = ψ(a + 1) + 1/(a + 1),
        // ψ(A + 1) − (1 + a)/A·ψ(a + 2) − (K − 1)a/A·ψ(a + 1) = ψ(Ka + 2) − ψ(a + 1) − 1/(Ka + 1) = ψ(Ka + 1) − ψ(a + 1),
        // the prior mean of H: one symbol says nothing about H under a symmetric prior.
        long[] counts = new long[k];
        counts[1 % k] = 1;
        double expected = SpecialFunctions.DiGamma((k * a) + 1) - SpecialFunctions.DiGamma(a + 1);
        Assert.Equal(expected, new DirichletEntropy(a).Estimate(Histogram.FromCounts(counts)).Nats, 1e-13);
    }

    [Fact]
    public void Posterior_TwoSingletonsUniformPrior_MatchesBetaTwoTwo()
    {
        // Counts (1, 1) with a = 1: the posterior of p₁ is Beta(2, 2), E[H] = ψ(5) − ψ(3) = 1/3 + 1/4 = 7/12.
        // E[H²] by Simpson's rule on ∫ 6p(1 − p)·H(p)² dp with 20000 panels (error ≪ 1e-9: the integrand
        // is smooth apart from p² ln p terms at the ends).
        var posterior = new DirichletEntropy(1.0).Posterior(Histogram.FromCounts([1, 1]));
        Assert.Equal(7.0 / 12, posterior.Mean.Nats, 1e-14);

        static double Binary(double p) => p <= 0 || p >= 1 ? 0 : -(p * Math.Log(p)) - ((1 - p) * Math.Log(1 - p));
        int panels = 20000;
        double step = 1.0 / panels, first = 0, second = 0;
        for (int i = 0; i <= panels; i++)
        {
            double p = i * step;
            double weight = i == 0 || i == panels ? 1 : i % 2 == 1 ? 4 : 2;
            double density = 6 * p * (1 - p);
            double h = Binary(p);
            first += weight * density * h;
            second += weight * density * h * h;
        }

        first *= step / 3;
        second *= step / 3;
        Assert.Equal(first, posterior.Mean.Nats, 1e-9);
        Assert.Equal(Math.Sqrt(second - (first * first)), posterior.StandardDeviation.Nats, 1e-8);
    }

    [Fact]
    public void Estimate_ConcentrationToZero_ApproachesObservedSupportFormula()
    {
        // a → 0: E[H] → ψ(N + 1) − Σ over observed bins (nᵢ/N)·ψ(nᵢ + 1). The derivative in a is O(K), so
        // a = 1e-12 moves the value by ~1e-10.
        var h = Histogram.FromCounts([5, 0, 1, 1, 3, 0, 0, 2]);
        double n = h.SampleCount;
        double expected = SpecialFunctions.DiGamma(n + 1);
        foreach (long c in h.Counts)
        {
            expected -= c / n * SpecialFunctions.DiGamma(c + 1);
        }

        Assert.Equal(expected, new DirichletEntropy(0.0).Estimate(h).Nats, 1e-14);
        Assert.Equal(expected, new DirichletEntropy(1e-12).Estimate(h).Nats, 1e-9);

        // Two singletons: ψ(3) − ψ(2) = 1/2.
        Assert.Equal(0.5, new DirichletEntropy(0.0).Estimate(Histogram.FromCounts([1, 1])).Nats, 1e-14);
    }

    [Fact]
    public void Estimate_LargeConcentration_ApproachesLogK()
    {
        // a → ∞ pulls the posterior to the uniform distribution; E[H] = ln K − O(K/(Ka)) = ln K − O(1e-8) here.
        var h = Histogram.FromCounts([9, 0, 1, 0, 0, 0, 0, 0, 0, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2]);
        var posterior = new DirichletEntropy(1e8).Posterior(h);
        Assert.Equal(Math.Log(20), posterior.Mean.Nats, 1e-6);
        Assert.InRange(posterior.StandardDeviation.Nats, 0, 1e-6);
    }

    [Fact]
    public void Priors_GiveTheirConcentrations()
    {
        // Jeffreys ½, Laplace 1, Perks 1/K, minimax √N/K (the values of Hausser & Strimmer 2009, Table 1).
        var h = Histogram.FromSymbols([0, 0, 1, 2, 2, 2, 2, 3, 3], alphabetSize: 36);
        Assert.Equal(0.5, new DirichletEntropy().ConcentrationFor(h));
        Assert.Equal(0.5, new DirichletEntropy(DirichletPrior.Jeffreys).ConcentrationFor(h));
        Assert.Equal(1.0, new DirichletEntropy(DirichletPrior.Laplace).ConcentrationFor(h));
        Assert.Equal(1.0 / 36, new DirichletEntropy(DirichletPrior.Perks).ConcentrationFor(h));
        Assert.Equal(3.0 / 36, new DirichletEntropy(DirichletPrior.Minimax).ConcentrationFor(h));
        Assert.Equal(0.25, new DirichletEntropy(0.25).ConcentrationFor(h));
        Assert.Equal(new DirichletEntropy(1.0).Estimate(h), new DirichletEntropy(DirichletPrior.Laplace).Estimate(h));
        Assert.Equal(DirichletPrior.Perks, new DirichletEntropy(DirichletPrior.Perks).Prior);
        Assert.Null(new DirichletEntropy(0.25).Prior);
        Assert.Null(new DirichletEntropy().Concentration);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.05)]
    [InlineData(0.5)]
    [InlineData(4.0)]
    public void Posterior_EqualsDirectDoubleSumOverAllBins(double a)
    {
        // The closed-form second moment summed literally over every pair of the K bins (Wolpert & Wolf 1995;
        // Hutter 2002, with αᵢ = nᵢ + a, A = Σ αᵢ):
        // E[H²] = Σ_{i≠j} αᵢαⱼ/(A(A+1))·[(ψ(αᵢ+1) − ψ(A+2))(ψ(αⱼ+1) − ψ(A+2)) − ψ₁(A+2)]
        //       + Σᵢ αᵢ(αᵢ+1)/(A(A+1))·[(ψ(αᵢ+2) − ψ(A+2))² + ψ₁(αᵢ+2) − ψ₁(A+2)].
        // The direct form cancels E[H]² against E[H²] (≈ 10), so agreement to ~1e-12 in the variance is the bar.
        var random = new Random(21);
        for (int trial = 0; trial < 5; trial++)
        {
            long[] counts = TestData.Counts(random, 25, max: 8);
            counts[0] += 1;
            var h = Histogram.FromCounts(counts);
            double[] alpha = Array.ConvertAll(counts, c => c + a);
            double total = alpha.Sum();
            double mean = 0;
            for (int i = 0; i < alpha.Length; i++)
            {
                mean += alpha[i] / total * (SpecialFunctions.DiGamma(total + 1) - SpecialFunctions.DiGamma(alpha[i] + 1));
            }

            double psiA2 = SpecialFunctions.DiGamma(total + 2), psi1A2 = GammaFunctions.Trigamma(total + 2);
            double norm = total * (total + 1), second = 0;
            for (int i = 0; i < alpha.Length; i++)
            {
                for (int j = 0; j < alpha.Length; j++)
                {
                    if (i != j)
                    {
                        second += alpha[i] * alpha[j] / norm
                            * (((SpecialFunctions.DiGamma(alpha[i] + 1) - psiA2) * (SpecialFunctions.DiGamma(alpha[j] + 1) - psiA2)) - psi1A2);
                    }
                }

                if (alpha[i] > 0)
                {
                    double d = SpecialFunctions.DiGamma(alpha[i] + 2) - psiA2;
                    second += alpha[i] * (alpha[i] + 1) / norm * ((d * d) + GammaFunctions.Trigamma(alpha[i] + 2) - psi1A2);
                }
            }

            var posterior = new DirichletEntropy(a).Posterior(h);
            Assert.Equal(mean, posterior.Mean.Nats, 1e-13);
            Assert.Equal(second - (mean * mean), posterior.StandardDeviation.Nats * posterior.StandardDeviation.Nats, 1e-12);
        }
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(0.02)]
    public void Posterior_MatchesMonteCarloOverPosteriorDraws(double a)
    {
        // Draw p ~ Dirichlet(n + a) (normalised Gamma(nᵢ + a, 1) draws) M = 40000 times and average H(p).
        // The sample mean has standard error σ/√M = 0.5% of σ; the sample standard deviation has standard
        // error ≈ σ·√((κ − 1)/(4M)), about 0.4% of σ for the near-Gaussian H (kurtosis κ ≈ 3). We allow
        // 5 standard errors for the mean and 3% (≈ 7 standard errors) for σ.
        var random = new Random(22);
        long[] counts = [7, 0, 3, 1, 1, 0, 0, 12, 2, 0, 1, 0, 0, 0, 4, 1, 0, 0, 0, 0, 0, 0, 5, 0, 1, 0, 0, 0, 0, 1];
        var posterior = new DirichletEntropy(a).Posterior(Histogram.FromCounts(counts));
        int draws = 40000;
        double[] p = new double[counts.Length];
        double sum = 0, sumSquares = 0;
        for (int m = 0; m < draws; m++)
        {
            double total = 0;
            for (int i = 0; i < p.Length; i++)
            {
                p[i] = Gamma.Sample(random, counts[i] + a, 1);
                total += p[i];
            }

            double h = 0;
            for (int i = 0; i < p.Length; i++)
            {
                double q = p[i] / total;
                h -= q > 0 ? q * Math.Log(q) : 0;
            }

            sum += h;
            sumSquares += h * h;
        }

        double mean = sum / draws;
        double sd = Math.Sqrt((sumSquares - (draws * mean * mean)) / (draws - 1));
        double sigma = posterior.StandardDeviation.Nats;
        Assert.Equal(mean, posterior.Mean.Nats, 5 * sigma / Math.Sqrt(draws));
        Assert.Equal(sd, sigma, 0.03 * sigma);
    }

    [Fact]
    public void Estimate_HugeAlphabet_UsesZeroBinsAsOneTerm()
    {
        // K = 2⁵⁰ cannot be looped over. With Perks (a = 1/K, total pseudo-count 1) the estimate stays near the
        // observed-support value; with Jeffreys the ~10¹⁴ pseudo-counts swamp 7 samples, leaving the prior
        // mean ψ(K/2 + 1) − ψ(3/2) up to O(N/(Ka)·ln K) ≈ 1e-12.
        var h = Histogram.FromSymbols([1L, 1, 2, 3, 3, 3, 1L << 40], alphabetSize: 1L << 50);
        double perks = new DirichletEntropy(DirichletPrior.Perks).Estimate(h).Nats;
        double jeffreys = new DirichletEntropy(DirichletPrior.Jeffreys).Estimate(h).Nats;
        double observed = new DirichletEntropy(0.0).Estimate(h).Nats;
        Assert.InRange(perks, observed, observed + 1);
        double k = Math.Pow(2, 50);
        Assert.Equal(SpecialFunctions.DiGamma((k / 2) + 1) - SpecialFunctions.DiGamma(1.5), jeffreys, 1e-9);
    }
}
