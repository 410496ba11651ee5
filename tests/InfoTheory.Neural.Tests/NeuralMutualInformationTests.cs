using InfoTheory.Continuous;

namespace InfoTheory.Neural.Tests;

public sealed class NeuralMutualInformationTests
{
    /// <summary>
    /// How far below the closed form the held-out bound may fall, in one dimension. A trained critic gives a lower
    /// bound on I(X;Y): the held-out value falls short by the critic's approximation and estimation error (2500 training
    /// pairs, a (16, 8) network, 500 steps) plus sampling error (a standard error of ≈ 0.02 nats on 2500 held-out
    /// pairs at I ≈ 0.7–0.8). On the suite's 1-D Gaussian with ρ = 0.9 (another draw) the gap measured 0.04–0.07 nats for every objective; 0.1
    /// nats (≈ 5 standard errors) admits it and still catches a wrong objective, gradient or reading, which miss by
    /// far more (an untrained critic reads ≈ 0).
    /// </summary>
    private const double ShortfallD1 = 0.1;

    /// <summary>
    /// The same in five dimensions, where the same 2500 pairs must teach the network five interacting pairs: on the
    /// suite's two 5 × 5 Gaussians (other draws) the gap measured 0.01–0.10 nats for the four objectives, and up to 0.16
    /// on some draws (the bound peaks early and the critic then overfits its training half). 0.2 nats (≈ 28% of I, ≈ 9 standard errors).
    /// </summary>
    private const double ShortfallD5 = 0.2;

    [Trait("Category", "Slow")]
    [Theory]
    [InlineData(CriticObjective.InfoNce, CriticArchitecture.Joint)]
    [InlineData(CriticObjective.Smile, CriticArchitecture.Joint)]
    [InlineData(CriticObjective.InfoNce, CriticArchitecture.Separable)]
    public void Estimate_CorrelatedGaussian_d1_WithinToleranceOfClosedForm(CriticObjective objective, CriticArchitecture critic)
    {
        const double rho = 0.9;
        (SampleMatrix x, SampleMatrix y) = GaussianData.Sample(5000, 1, rho, seed: 11);
        double truth = GaussianData.TrueMutualInformation(1, rho); // −½ ln(1 − 0.81) = 0.830 nats
        var estimator = new NeuralMutualInformation { Objective = objective, Critic = critic, MaxSteps = 500 };
        NeuralEstimate result = estimator.EstimateWithDetails(x, y);
        AssertNearBelow(truth, result, ShortfallD1);
    }

    [Trait("Category", "Slow")]
    [Theory]
    [InlineData(CriticObjective.Mine, CriticArchitecture.Joint)]
    [InlineData(CriticObjective.NguyenWainwrightJordan, CriticArchitecture.Joint)]
    [InlineData(CriticObjective.InfoNce, CriticArchitecture.Separable)]
    public void Estimate_CorrelatedGaussian_d5_WithinToleranceOfClosedForm(CriticObjective objective, CriticArchitecture critic)
    {
        const double rho = 0.5;
        (SampleMatrix x, SampleMatrix y) = GaussianData.Sample(5000, 5, rho, seed: 12);
        double truth = GaussianData.TrueMutualInformation(5, rho); // −(5/2) ln(0.75) = 0.719 nats
        var estimator = new NeuralMutualInformation { Objective = objective, Critic = critic, MaxSteps = 500 };
        NeuralEstimate result = estimator.EstimateWithDetails(x, y);
        AssertNearBelow(truth, result, ShortfallD5);
    }

    [Fact]
    public void Estimate_ThroughTheInterface_IsTheDetailedValue()
    {
        (SampleMatrix x, SampleMatrix y) = GaussianData.Sample(600, 2, 0.6, seed: 13);
        var estimator = new NeuralMutualInformation { MaxSteps = 40, EvaluateEvery = 20, BatchSize = 64 };
        // As a consumer of the library's interface holds it (validate, selection, the information plane).
        IMultivariateMutualInformationEstimator[] consumers = [estimator, new KsgMutualInformation()];
        Assert.Equal(estimator.EstimateWithDetails(x, y).Value.Nats, consumers[0].Estimate(x, y).Nats);
    }

    [Fact]
    public void InfoNce_StrongDependence_StaysBelowLogK()
    {
        // I = −½ ln(1 − 0.999²) = 3.11 nats, far above ln 8 = 2.08: with batches of K = 8 InfoNCE cannot exceed ln K
        // on any batch (each row's log-softmax of its diagonal is ≤ 0), so the mean over held-out batches cannot either.
        (SampleMatrix x, SampleMatrix y) = GaussianData.Sample(2000, 1, 0.999, seed: 14);
        var estimator = new NeuralMutualInformation { BatchSize = 8, MaxSteps = 300, EvaluateEvery = 100 };
        NeuralEstimate result = estimator.EstimateWithDetails(x, y);
        Assert.Equal(Math.Log(8), result.Ceiling.Nats, 1e-12);
        Assert.Equal(8, result.HeldOutBatchSize);
        Assert.True(result.Value.Nats <= Math.Log(8), $"InfoNCE {result.Value.Nats} above ln 8");
        foreach (NeuralCheckpoint checkpoint in result.Curve)
        {
            Assert.True(checkpoint.Bound.Nats <= Math.Log(8));
        }

        // Near-deterministic pairs are told apart in almost every batch of 8, so the bound saturates close to ln K:
        // within 0.5 nats (a batch where one pair of the 8 is confused costs about 0.09 nats).
        Assert.True(result.Value.Nats > Math.Log(8) - 0.5, $"InfoNCE {result.Value.Nats} far below ln 8");
    }

    [Fact]
    public void NonInfoNce_CeilingIsInfinite()
    {
        (SampleMatrix x, SampleMatrix y) = GaussianData.Sample(400, 1, 0.5, seed: 15);
        var estimator = new NeuralMutualInformation { Objective = CriticObjective.NguyenWainwrightJordan, MaxSteps = 20, EvaluateEvery = 10, BatchSize = 32 };
        Assert.Equal(double.PositiveInfinity, estimator.EstimateWithDetails(x, y).Ceiling.Nats);
    }

    [Trait("Category", "Slow")]
    [Theory]
    [InlineData(CriticObjective.InfoNce, CriticArchitecture.Joint)]
    [InlineData(CriticObjective.Mine, CriticArchitecture.Separable)]
    public void Estimate_Independent_NearZero(CriticObjective objective, CriticArchitecture critic)
    {
        // ρ = 0: I = 0. Every bound is ≤ 0 in expectation for any critic (InfoNCE, NWJ) or ≤ O(1/K) (DV), and the
        // held-out standard error at 2500 pairs is ≈ 0.005 nats for a near-constant critic; picking the best of ≤ 8
        // checkpoints adds at most ~2 SE. |Î| < 0.05 nats allows 10 SE.
        (SampleMatrix x, SampleMatrix y) = GaussianData.Sample(5000, 1, 0.0, seed: 16);
        var estimator = new NeuralMutualInformation { Objective = objective, Critic = critic, MaxSteps = 300, EvaluateEvery = 100 };
        NeuralEstimate result = estimator.EstimateWithDetails(x, y);
        Assert.True(Math.Abs(result.Value.Nats) < 0.05, $"{objective}/{critic}: {result.Value.Nats} on independent data");
    }

    [Theory]
    [InlineData(CriticArchitecture.Joint)]
    [InlineData(CriticArchitecture.Separable)]
    public void Estimate_SameSeed_SameBits(CriticArchitecture critic)
    {
        (SampleMatrix x, SampleMatrix y) = GaussianData.Sample(1000, 3, 0.6, seed: 17);
        var estimator = new NeuralMutualInformation { Critic = critic, MaxSteps = 60, EvaluateEvery = 20, BatchSize = 64, Seed = 5 };
        NeuralEstimate first = estimator.EstimateWithDetails(x, y);
        NeuralEstimate second = estimator.EstimateWithDetails(x, y);
        Assert.Equal(first.Value.Nats, second.Value.Nats);
        Assert.Equal(first.StandardError.Nats, second.StandardError.Nats);
        Assert.Equal(first.Curve, second.Curve);

        NeuralEstimate other = new NeuralMutualInformation { Critic = critic, MaxSteps = 60, EvaluateEvery = 20, BatchSize = 64, Seed = 5 }.EstimateWithDetails(x, y);
        Assert.Equal(first.Value.Nats, other.Value.Nats);
    }

    [Fact]
    public void Estimate_ColumnsScaledByPowersOfTwo_SameBits()
    {
        // Inputs are standardised with the training rows' mean and standard deviation, so rescaling a column changes
        // nothing the critic sees; by powers of two the standardised values are even bit-identical (exact in binary).
        (SampleMatrix x, SampleMatrix y) = GaussianData.Sample(600, 2, 0.6, seed: 22);
        double[] scaledX = x.Data.ToArray();
        double[] scaledY = y.Data.ToArray();
        for (int i = 0; i < scaledX.Length; i++)
        {
            scaledX[i] *= i % 2 == 0 ? 1024.0 : 0.125;
            scaledY[i] *= i % 2 == 0 ? 0.0625 : 4096.0;
        }

        var estimator = new NeuralMutualInformation { MaxSteps = 30, EvaluateEvery = 10, BatchSize = 64 };
        NeuralEstimate original = estimator.EstimateWithDetails(x, y);
        NeuralEstimate scaled = estimator.EstimateWithDetails(SampleMatrix.FromRowMajor(scaledX, 2), SampleMatrix.FromRowMajor(scaledY, 2));
        Assert.Equal(original.Curve, scaled.Curve);
    }

    [Fact]
    public void Estimate_DifferentSeed_DifferentSplitAndWeights()
    {
        (SampleMatrix x, SampleMatrix y) = GaussianData.Sample(1000, 2, 0.6, seed: 18);
        var a = new NeuralMutualInformation { MaxSteps = 40, EvaluateEvery = 20, BatchSize = 64, Seed = 1 };
        var b = new NeuralMutualInformation { MaxSteps = 40, EvaluateEvery = 20, BatchSize = 64, Seed = 2 };
        Assert.NotEqual(a.Estimate(x, y).Nats, b.Estimate(x, y).Nats);
    }

    [Fact]
    public void Estimate_AnyDegreeOfParallelism_SameBits()
    {
        // The joint critic's rows run in a fixed number of chunks whose partial gradients are summed in order, so one
        // thread, two, or no limit give the same bits; calls on several threads at once (the estimator is immutable)
        // do too.
        (SampleMatrix x, SampleMatrix y) = GaussianData.Sample(1200, 2, 0.7, seed: 19);
        NeuralMutualInformation Make(int threads) => new() { MaxSteps = 30, EvaluateEvery = 10, BatchSize = 200, MaxDegreeOfParallelism = threads };
        NeuralEstimate one = Make(1).EstimateWithDetails(x, y);
        Assert.Equal(one.Curve, Make(2).EstimateWithDetails(x, y).Curve);
        Assert.Equal(one.Curve, Make(-1).EstimateWithDetails(x, y).Curve);
        double[] concurrent = new double[3];
        Parallel.For(0, concurrent.Length, i => concurrent[i] = Make(-1).Estimate(x, y).Nats);
        Assert.All(concurrent, v => Assert.Equal(one.Value.Nats, v));
    }

    [Fact]
    public void Estimate_EarlyStopping_StopsAfterPatienceCheckpointsWithoutImprovement()
    {
        (SampleMatrix x, SampleMatrix y) = GaussianData.Sample(1000, 1, 0.0, seed: 20);
        var estimator = new NeuralMutualInformation { MaxSteps = 2000, EvaluateEvery = 10, BatchSize = 32, Patience = 2 };
        NeuralEstimate result = estimator.EstimateWithDetails(x, y);
        int best = result.Curve.ToList().FindIndex(c => c.Step == result.BestStep);
        if (result.StoppedEarly)
        {
            // Stopped at the second checkpoint after the best.
            Assert.Equal(best + 3, result.Curve.Count);
            Assert.Equal(result.Curve[^1].Step, result.Steps);
        }

        Assert.Equal(result.Curve.Max(c => c.Bound.Nats), result.Value.Nats);
        Assert.Equal(result.Curve[best].StandardError, result.StandardError);

        NeuralEstimate full = new NeuralMutualInformation { MaxSteps = 55, EvaluateEvery = 10, BatchSize = 32, Patience = null }.EstimateWithDetails(x, y);
        Assert.False(full.StoppedEarly);
        Assert.Equal(55, full.Steps);
        Assert.Equal([10, 20, 30, 40, 50, 55], full.Curve.Select(c => c.Step));
    }

    [Fact]
    public void Estimate_SplitSizes_AsTrainFraction()
    {
        (SampleMatrix x, SampleMatrix y) = GaussianData.Sample(1001, 1, 0.5, seed: 21);
        var estimator = new NeuralMutualInformation { MaxSteps = 5, EvaluateEvery = 5, BatchSize = 100, TrainFraction = 0.7 };
        NeuralEstimate result = estimator.EstimateWithDetails(x, y);
        Assert.Equal(701, result.TrainingRows); // round(700.7)
        Assert.Equal(300, result.HeldOutRows);  // 300 held out: three whole batches of 100
        Assert.Equal(100, result.HeldOutBatchSize);
    }

    private static void AssertNearBelow(double truth, NeuralEstimate result, double shortfall)
    {
        double value = result.Value.Nats;
        double se = result.StandardError.Nats;
        Assert.True(se is > 0 and < 0.05, $"standard error {se}");
        // A lower bound: above the truth by no more than sampling error (3 SE, plus the small upward bias of the best
        // checkpoint, which the 3 SE cover) ...
        Assert.True(value <= truth + (3 * se), $"estimate {value} above I = {truth} + 3 SE ({se})");
        // ... and below it by no more than the bound's gap.
        Assert.True(value >= truth - shortfall, $"estimate {value} more than {shortfall} below I = {truth}");
    }
}
