using InfoTheory.Continuous;

namespace InfoTheory.Neural.Tests;

/// <summary>The package README's example, compiled and run, so the documented calls keep working.</summary>
public sealed class ReadmeExampleTests
{
    [Fact]
    public void PackageReadme_UniformWithNoise_BelowTheKnownValue()
    {
        var random = new Random(1);
        double[] x = new double[2000 * 3], y = new double[2000 * 3];
        for (int i = 0; i < x.Length; i++)
        {
            x[i] = random.NextDouble() - 0.5;
            y[i] = x[i] + (0.3 * (random.NextDouble() - 0.5));
        }

        var estimator = new NeuralMutualInformation { Objective = CriticObjective.InfoNce, MaxSteps = 300 };
        NeuralEstimate result = estimator.EstimateWithDetails(SampleMatrix.FromRowMajor(x, 3), SampleMatrix.FromRowMajor(y, 3));

        // Per coordinate Y = X + Z with X ~ U(0, 1), Z ~ U(0, 0.3): h(Z) = ln 0.3 and Y has a trapezoid density whose
        // two ramps contribute 2 · (0.3/4) nats, so h(Y) = 0.15 and I = 0.15 − ln 0.3; three independent coordinates.
        double truth = 3 * (0.15 - Math.Log(0.3));
        Assert.Equal(Math.Log(256), result.Ceiling.Nats, 1e-12);
        Assert.True(result.Value <= result.Ceiling);
        Assert.True(result.Value.Nats <= truth + (3 * result.StandardError.Nats), $"{result.Value.Nats} above I = {truth}");
        // A lower bound far from its ceiling here, but a trained critic must recover most of it (an untrained one reads ≈ 0).
        Assert.True(result.Value.Nats > truth / 2, $"{result.Value.Nats} below half of I = {truth}");
    }
}
