using InfoTheory.Bottleneck;
using InfoTheory.Continuous;

namespace InfoTheory.Neural.Tests;

/// <summary>The information plane recorder with a trained critic as its estimator (it takes any multivariate estimator).</summary>
public sealed class InformationPlaneTests
{
    [Trait("Category", "Slow")]
    [Fact]
    public void Record_WithTrainedCritic_NearTheClosedForms()
    {
        // X ~ N(0, I₂), T = 0.9 X + √0.19 ε (two pairs with ρ = 0.9): I(X;T) = −ln(1 − 0.81) = 1.661 nats. Y = X₁, which
        // T reaches only through T₁: I(T;Y) = −½ ln(0.19) = 0.830 nats. Both are lower bounds read on held-out pairs: at
        // most 3 standard errors above the truth, and (as for the Gaussian estimator tests of this package) at most
        // 0.2 nats below it.
        (SampleMatrix x, SampleMatrix t) = GaussianData.Sample(4000, 2, 0.9, seed: 40);
        double[] first = new double[x.Rows];
        x.CopyColumn(0, first);
        SampleMatrix y = SampleMatrix.FromRowMajor(first, 1);
        var estimator = new NeuralMutualInformation { Critic = CriticArchitecture.Separable, MaxSteps = 1000 };
        var plane = new ContinuousInformationPlane(estimator);
        InformationPlanePoint point = plane.Record("layer", 3, x, t, y);

        NeuralEstimate xt = estimator.EstimateWithDetails(x, t), ty = estimator.EstimateWithDetails(t, y);
        // The recorder adds nothing of its own: the same bits as the estimator called directly.
        Assert.Equal(xt.Value.Nats, point.InputInformation.Nats);
        Assert.Equal(ty.Value.Nats, point.LabelInformation.Nats);
        double trueXt = -Math.Log(1 - 0.81), trueTy = -0.5 * Math.Log(0.19);
        Assert.InRange(point.InputInformation.Nats, trueXt - 0.2, trueXt + (3 * xt.StandardError.Nats));
        Assert.InRange(point.LabelInformation.Nats, trueTy - 0.2, trueTy + (3 * ty.StandardError.Nats));
    }
}
