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
        Assert.Throws<ArgumentOutOfRangeException>("MaxSurrogates", () => new HybridMutualInformation(Ksg) { MaxSurrogates = 3 });
        Assert.Throws<ArgumentNullException>("y", () => Hybrid.EstimateWithError(three, null!));
        Assert.Throws<ArgumentException>("y", () => Hybrid.EstimateWithError(three, two));
    }

    [Fact]
    public void EstimateWithError_ValueIsTheEstimate_AndThePartsAddUp()
    {
        (SampleMatrix x, SampleMatrix y) = MultivariateNormalTask.SparseInteractions(2, 2, 1, 0.7).Sample(800, 4);
        HybridEstimate result = Hybrid.EstimateWithError(x, y);
        Assert.Equal(Hybrid.Estimate(x, y).Nats, result.Value.Nats);
        Assert.Equal(result.Value.Nats, result.BaseEstimate.Nats + result.Correction.Nats, 1e-12);
        Assert.Equal(Ksg.Estimate(NormalScores.Transform(x), NormalScores.Transform(y)).Nats, result.BaseEstimate.Nats);
        Assert.InRange(result.Surrogates, HybridMutualInformation.MinimumAdaptiveSurrogates, 12);
        Assert.True(result.StandardError.Nats > result.CorrectionStandardError.Nats && result.CorrectionStandardError.Nats > 0);

        HybridEstimate fixedCount = new HybridMutualInformation(Ksg) { Surrogates = 5 }.EstimateWithError(x, y);
        Assert.Equal(5, fixedCount.Surrogates);
        HybridEstimate capped = new HybridMutualInformation(Ksg) { MaxSurrogates = 4 }.EstimateWithError(x, y);
        Assert.Equal(4, capped.Surrogates);
        HybridEstimate single = new HybridMutualInformation(Ksg) { Surrogates = 1 }.EstimateWithError(x, y);
        Assert.True(double.IsFinite(single.StandardError.Nats) && single.StandardError.Nats > 0);
    }

    [Fact]
    public void EstimateWithError_ZeroAndInfinite_HaveNoErrorBar()
    {
        (SampleMatrix x, _) = MultivariateNormalTask.CorrelatedPair(0.5).Sample(300, 1);
        SampleMatrix constant = SampleMatrix.FromRowMajor(Enumerable.Repeat(1.0, 300).ToArray(), 1);
        HybridEstimate zero = Hybrid.EstimateWithError(x, constant);
        Assert.Equal(0, zero.Value.Nats);
        Assert.Equal(0, zero.StandardError.Nats);
        HybridEstimate infinite = Hybrid.EstimateWithError(x, Map(x, Math.Exp));
        Assert.True(double.IsPositiveInfinity(infinite.Value.Nats));
        Assert.Equal(0, infinite.StandardError.Nats);
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void Estimate_GaussianPairOverDataSets_NoRepeatedSurrogateError()
    {
        // With surrogates seeded by the seed alone, every data set with ρ ≈ 0.6 drew nearly the same surrogates and their
        // error came back as a bias: +0.034 nats over data seeds 0–9 at n = 1000 (measured). Seeded from the data, the
        // surrogate errors average out over data sets. The mean of 10 estimates has a standard error of about
        // 0.028 / √10 = 0.009 nats (the estimate's spread at this n, measured); 0.025 is under three of those.
        MultivariateNormalTask task = MultivariateNormalTask.CorrelatedPair(0.6);
        double sum = 0;
        for (int r = 0; r < 10; r++)
        {
            (SampleMatrix x, SampleMatrix y) = task.Sample(1000, r);
            sum += Hybrid.Estimate(x, y).Nats - task.TrueMutualInformation.Nats;
        }

        Assert.InRange(sum / 10, -0.025, 0.025);
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void EstimateWithError_GaussianCopulaTasks_ErrorBarCoversTheError()
    {
        // On data whose copula is Gaussian the hybrid is unbiased, so error / SE over independent data sets should be
        // standard normal. 24 data sets of three Gaussian-copula tasks at n = 600: the RMS of error / SE has a sampling
        // spread of about 1/√(2·24) ≈ 0.14 if calibrated; [0.6, 1.5] allows that, the SE's own noise (a 5-group
        // jackknife) and the jackknife's known tendency to err wide, and fails an error bar off by a factor of 1.5 or more.
        IMutualInformationTask[] tasks =
        [
            MultivariateNormalTask.CorrelatedPair(0.6),
            MultivariateNormalTask.Equicorrelated(2, 2, 0.4),
            TransformedTask.HalfCube(MultivariateNormalTask.SparseInteractions(2, 2, 2, 0.6)),
        ];
        double sumSquares = 0;
        int count = 0;
        foreach (IMutualInformationTask task in tasks)
        {
            for (int r = 0; r < 8; r++)
            {
                (SampleMatrix x, SampleMatrix y) = task.Sample(600, 100 + r);
                HybridEstimate result = Hybrid.EstimateWithError(x, y);
                double z = (result.Value.Nats - task.TrueMutualInformation.Nats) / result.StandardError.Nats;
                sumSquares += z * z;
                count++;
            }
        }

        Assert.InRange(Math.Sqrt(sumSquares / count), 0.6, 1.5);
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
