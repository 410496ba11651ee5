using InfoTheory.Continuous;
using InfoTheory.Testing;

namespace InfoTheory.Tests.Continuous;

/// <summary>The Gaussian-surrogate correction of KSG: accuracy where KSG fails, and its exact invariances.</summary>
public sealed class HybridMutualInformationTests
{
    private static readonly KsgMutualInformation Ksg = new() { Scaling = SampleScaling.None };
    private static readonly HybridMutualInformation Hybrid = new(Ksg);

    [Fact]
    [Trait("Category", "Slow")]
    public void Estimate_SparseTwentyDimensionalGaussian_RecoversWhatKsgMisses()
    {
        // Two interacting pairs (ρ = 0.8) among 10 + 10 dimensions: I = −ln(1 − 0.64) = 1.0217 nats (closed form).
        // KSG on n = 2000 recovers about a third of it (the high-dimensional bias, Czyż et al. 2023); the
        // surrogate measures that bias on N(0, R) and removes it. The remaining error is the sampling spread of
        // three KSG runs and of R at n = 2000, measured at about 0.03–0.05 nats; 0.1 leaves room for the seed.
        MultivariateNormalTask task = MultivariateNormalTask.SparseInteractions(10, 10, 2, 0.8);
        (SampleMatrix x, SampleMatrix y) = task.Sample(2000, 11);
        double truth = task.TrueMutualInformation.Nats;
        double ksg = Ksg.Estimate(x, y).Nats;
        double hybrid = Hybrid.Estimate(x, y).Nats;
        Assert.True(ksg < 0.6 * truth, $"KSG {ksg} was expected to be biased low against {truth}");
        Assert.InRange(hybrid, truth - 0.1, truth + 0.1);
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void Estimate_WholeTaskSuite_LowestMeanAbsoluteErrorAgainstKsg()
    {
        // The claim of the docs and of 'infotheory validate': over the 20 known-MI tasks at n = 1000 the hybrid's
        // mean absolute error is clearly below both KSG algorithms. Measured over seeds 0–4: hybrid 0.054–0.069 nats,
        // KSG-1 0.120–0.143, KSG-2 0.118–0.137; "clearly" is written as at most 0.7 of the better KSG.
        double hybrid = 0, ksg1 = 0, ksg2 = 0;
        var two = new KsgMutualInformation { Algorithm = KsgAlgorithm.Two };
        var one = new KsgMutualInformation();
        var corrected = new HybridMutualInformation(new KsgMutualInformation { Scaling = SampleScaling.None });
        foreach ((_, IMutualInformationTask task) in MutualInformationTaskSuite.Standard)
        {
            (SampleMatrix x, SampleMatrix y) = task.Sample(1000, 0);
            double truth = task.TrueMutualInformation.Nats;
            hybrid += Math.Abs(corrected.Estimate(x, y).Nats - truth);
            ksg1 += Math.Abs(one.Estimate(x, y).Nats - truth);
            ksg2 += Math.Abs(two.Estimate(x, y).Nats - truth);
        }

        Assert.True(hybrid < 0.7 * Math.Min(ksg1, ksg2), $"hybrid {hybrid / 20:F3}, KSG-1 {ksg1 / 20:F3}, KSG-2 {ksg2 / 20:F3} nats");
    }

    [Fact]
    public void Estimate_HeavyTailedMarginals_SameAsOnTheGaussianItCameFrom()
    {
        // Only ranks enter the estimate, so exp and cube of the columns (strictly increasing) change nothing:
        // the estimate is bit-identical, not merely close.
        (SampleMatrix x, SampleMatrix y) = MultivariateNormalTask.SparseInteractions(2, 2, 1, 0.7).Sample(600, 3);
        SampleMatrix ex = Map(x, Math.Exp);
        SampleMatrix cy = Map(y, v => v * v * v);
        Assert.Equal(Hybrid.Estimate(x, y).Nats, Hybrid.Estimate(ex, cy).Nats);
    }

    [Fact]
    public void Estimate_ConstantColumn_IsDropped()
    {
        (SampleMatrix x, SampleMatrix y) = MultivariateNormalTask.CorrelatedPair(0.6).Sample(500, 8);
        SampleMatrix withConstant = SampleMatrix.ConcatenateColumns(x, SampleMatrix.FromRowMajor(new double[500], 1));
        Assert.Equal(Hybrid.Estimate(x, y).Nats, Hybrid.Estimate(withConstant, y).Nats);
        Assert.Equal(0, Hybrid.Estimate(SampleMatrix.FromRowMajor(Enumerable.Repeat(2.5, 500).ToArray(), 1), y).Nats);
    }

    [Fact]
    public void Estimate_Independent_NearZero_AndSeedReproducible()
    {
        // Under independence R ≈ I, so the estimate is KSG(data) − KSG(surrogates), two estimates of 0 whose spread
        // at n = 2000, k = 3 is about 0.01 nats each (Kraskov et al. 2004, Fig. 4); 0.04 is four spreads.
        (SampleMatrix x, SampleMatrix y) = MultivariateNormalTask.CorrelatedPair(0.0000001).Sample(2000, 21);
        double estimate = Hybrid.Estimate(x, y).Nats;
        Assert.InRange(estimate, -0.04, 0.04);
        Assert.Equal(estimate, new HybridMutualInformation(Ksg).Estimate(x, y).Nats);
        Assert.NotEqual(estimate, new HybridMutualInformation(Ksg) { Seed = 1 }.Estimate(x, y).Nats);
    }

    [Fact]
    public void Estimate_SwappedArguments_AgreeWithinSurrogateNoise()
    {
        // KSG and the Gaussian term are symmetric exactly; the surrogates are drawn in a different coordinate
        // order, so the two estimates differ by surrogate noise only (spread ≈ 0.01 nats at n = 1000).
        (SampleMatrix x, SampleMatrix y) = MultivariateNormalTask.SparseInteractions(2, 1, 1, 0.6).Sample(1000, 2);
        Assert.Equal(Hybrid.Estimate(x, y).Nats, Hybrid.Estimate(y, x).Nats, 0.03);
    }

    [Fact]
    public void Estimate_BadInput_Throws()
    {
        SampleMatrix three = SampleMatrix.FromRowMajor([1.0, 2, 3], 1);
        SampleMatrix two = SampleMatrix.FromRowMajor([1.0, 2], 1);
        Assert.Throws<ArgumentNullException>("baseEstimator", () => new HybridMutualInformation(null!));
        Assert.Throws<ArgumentNullException>("x", () => Hybrid.Estimate(null!, three));
        Assert.Throws<ArgumentException>("y", () => Hybrid.Estimate(three, two));
        Assert.Throws<ArgumentOutOfRangeException>("Surrogates", () => new HybridMutualInformation(Ksg) { Surrogates = 0 });
    }

    private static SampleMatrix Map(SampleMatrix m, Func<double, double> f)
    {
        double[] data = m.Data.ToArray();
        for (int i = 0; i < data.Length; i++)
        {
            data[i] = f(data[i]);
        }

        return SampleMatrix.FromRowMajor(data, m.Columns);
    }
}
