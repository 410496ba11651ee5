using InfoTheory.Continuous;

namespace InfoTheory.Neural.Tests;

public sealed class ArgumentTests
{
    [Fact]
    public void Estimate_Null_Throws()
    {
        (SampleMatrix x, SampleMatrix y) = GaussianData.Sample(20, 1, 0.5, seed: 1);
        var estimator = new NeuralMutualInformation();
        Assert.Equal("x", Assert.Throws<ArgumentNullException>(() => estimator.Estimate(null!, y)).ParamName);
        Assert.Equal("y", Assert.Throws<ArgumentNullException>(() => estimator.EstimateWithDetails(x, null!)).ParamName);
    }

    [Fact]
    public void Estimate_MismatchedRows_ThrowsNamingY()
    {
        (SampleMatrix x, _) = GaussianData.Sample(20, 1, 0.5, seed: 1);
        (_, SampleMatrix y) = GaussianData.Sample(21, 1, 0.5, seed: 1);
        ArgumentException e = Assert.Throws<ArgumentException>(() => new NeuralMutualInformation().Estimate(x, y));
        Assert.Equal("y", e.ParamName);
        Assert.Contains("20", e.Message, StringComparison.Ordinal);
        Assert.Contains("21", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(3, 0.5)]  // 2 train, 1 held out
    [InlineData(10, 0.9)] // 9 train, 1 held out
    [InlineData(10, 0.1)] // 1 train, 9 held out
    public void Estimate_TooFewRows_ThrowsNamingX(int rows, double fraction)
    {
        (SampleMatrix x, SampleMatrix y) = GaussianData.Sample(rows, 1, 0.5, seed: 1);
        ArgumentException e = Assert.Throws<ArgumentException>(() => new NeuralMutualInformation { TrainFraction = fraction }.Estimate(x, y));
        Assert.Equal("x", e.ParamName);
    }

    [Fact]
    public void Estimate_FourRows_Runs()
    {
        // The smallest split that works: two pairs to train on, two held out (K = 2).
        (SampleMatrix x, SampleMatrix y) = GaussianData.Sample(4, 1, 0.5, seed: 1);
        NeuralEstimate result = new NeuralMutualInformation { MaxSteps = 3 }.EstimateWithDetails(x, y);
        Assert.Equal(2, result.HeldOutBatchSize);
        Assert.True(double.IsFinite(result.Value.Nats));
    }

    [Fact]
    public void Estimate_HugeLearningRate_ThrowsDivergedInsteadOfNaN()
    {
        // Adam moves each weight by about the learning rate per step: at 10³⁰ the first step takes the weights to
        // ~10³⁰ and the next scores overflow single precision.
        (SampleMatrix x, SampleMatrix y) = GaussianData.Sample(200, 2, 0.5, seed: 1);
        var estimator = new NeuralMutualInformation { LearningRate = 1e30, MaxSteps = 10, BatchSize = 32 };
        InvalidOperationException e = Assert.Throws<InvalidOperationException>(() => estimator.Estimate(x, y));
        Assert.Contains("LearningRate", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Settings_OutOfRange_ThrowNamingTheSetting()
    {
        Assert.Equal("BatchSize", Assert.Throws<ArgumentOutOfRangeException>(() => new NeuralMutualInformation { BatchSize = 1 }).ParamName);
        Assert.Equal("MaxSteps", Assert.Throws<ArgumentOutOfRangeException>(() => new NeuralMutualInformation { MaxSteps = 0 }).ParamName);
        Assert.Equal("EvaluateEvery", Assert.Throws<ArgumentOutOfRangeException>(() => new NeuralMutualInformation { EvaluateEvery = 0 }).ParamName);
        Assert.Equal("Patience", Assert.Throws<ArgumentOutOfRangeException>(() => new NeuralMutualInformation { Patience = 0 }).ParamName);
        Assert.Equal("EmbeddingDimension", Assert.Throws<ArgumentOutOfRangeException>(() => new NeuralMutualInformation { EmbeddingDimension = 0 }).ParamName);
        Assert.Equal("LearningRate", Assert.Throws<ArgumentOutOfRangeException>(() => new NeuralMutualInformation { LearningRate = 0 }).ParamName);
        Assert.Equal("LearningRate", Assert.Throws<ArgumentOutOfRangeException>(() => new NeuralMutualInformation { LearningRate = double.NaN }).ParamName);
        Assert.Equal("LearningRate", Assert.Throws<ArgumentOutOfRangeException>(() => new NeuralMutualInformation { LearningRate = double.PositiveInfinity }).ParamName);
        Assert.Equal("TrainFraction", Assert.Throws<ArgumentOutOfRangeException>(() => new NeuralMutualInformation { TrainFraction = 0 }).ParamName);
        Assert.Equal("TrainFraction", Assert.Throws<ArgumentOutOfRangeException>(() => new NeuralMutualInformation { TrainFraction = 1 }).ParamName);
        Assert.Equal("TrainFraction", Assert.Throws<ArgumentOutOfRangeException>(() => new NeuralMutualInformation { TrainFraction = double.NaN }).ParamName);
        Assert.Equal("Clip", Assert.Throws<ArgumentOutOfRangeException>(() => new NeuralMutualInformation { Clip = 0 }).ParamName);
        Assert.Equal("Clip", Assert.Throws<ArgumentOutOfRangeException>(() => new NeuralMutualInformation { Clip = double.NaN }).ParamName);
        Assert.Equal("MovingAverageRate", Assert.Throws<ArgumentOutOfRangeException>(() => new NeuralMutualInformation { MovingAverageRate = 0 }).ParamName);
        Assert.Equal("MovingAverageRate", Assert.Throws<ArgumentOutOfRangeException>(() => new NeuralMutualInformation { MovingAverageRate = 1.5 }).ParamName);
        Assert.Equal("MaxDegreeOfParallelism", Assert.Throws<ArgumentOutOfRangeException>(() => new NeuralMutualInformation { MaxDegreeOfParallelism = 0 }).ParamName);
        Assert.Equal("MaxDegreeOfParallelism", Assert.Throws<ArgumentOutOfRangeException>(() => new NeuralMutualInformation { MaxDegreeOfParallelism = -2 }).ParamName);
        Assert.Equal("Objective", Assert.Throws<ArgumentOutOfRangeException>(() => new NeuralMutualInformation { Objective = (CriticObjective)99 }).ParamName);
        Assert.Equal("Critic", Assert.Throws<ArgumentOutOfRangeException>(() => new NeuralMutualInformation { Critic = (CriticArchitecture)(-1) }).ParamName);
    }

    [Fact]
    public void HiddenLayers_Invalid_ThrowNamingTheSetting()
    {
        Assert.Equal("HiddenLayers", Assert.Throws<ArgumentNullException>(() => new NeuralMutualInformation { HiddenLayers = null! }).ParamName);
        Assert.Equal("HiddenLayers", Assert.Throws<ArgumentException>(() => new NeuralMutualInformation { HiddenLayers = [] }).ParamName);
        Assert.Equal("HiddenLayers", Assert.Throws<ArgumentException>(() => new NeuralMutualInformation { HiddenLayers = [16, 0] }).ParamName);
    }

    [Fact]
    public void HiddenLayers_CallerArrayChangedLater_SettingUnchanged()
    {
        int[] widths = [12, 6];
        var estimator = new NeuralMutualInformation { HiddenLayers = widths };
        widths[0] = 99;
        Assert.Equal([12, 6], estimator.HiddenLayers);
    }

    [Fact]
    public void Defaults_AreBmiDefaults()
    {
        // Czyż et al. (2023), bmi/estimators/neural/_estimators.py: batch 256, 2000 steps, test every 250, hidden
        // (16, 8), learning rate 0.1, half the data for training.
        var estimator = new NeuralMutualInformation();
        Assert.Equal(256, estimator.BatchSize);
        Assert.Equal(2000, estimator.MaxSteps);
        Assert.Equal(250, estimator.EvaluateEvery);
        Assert.Equal([16, 8], estimator.HiddenLayers);
        Assert.Equal(0.1, estimator.LearningRate);
        Assert.Equal(0.5, estimator.TrainFraction);
        Assert.Equal(CriticArchitecture.Joint, estimator.Critic);
        Assert.Equal(0.01, new NeuralMutualInformation { Critic = CriticArchitecture.Separable }.LearningRate);
        Assert.Equal(0.05, new NeuralMutualInformation { Critic = CriticArchitecture.Separable, LearningRate = 0.05 }.LearningRate);
        Assert.Equal(EstimatorDefaults.Seed, estimator.Seed);
    }
}
