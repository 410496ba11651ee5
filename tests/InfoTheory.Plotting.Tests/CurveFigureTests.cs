using InfoTheory.Bottleneck;
using InfoTheory.Measures;
using InfoTheory.RateDistortion;
using ScottPlot;

namespace InfoTheory.Plotting.Tests;

public sealed class CurveFigureTests
{
    private static readonly Color s_first = Color.FromHex("#1f77b4");

    [Fact]
    public void RateDistortionCurve_BernoulliSource_PointsOnTheClosedForm()
    {
        // R(D) of a Bernoulli(0.3) source with Hamming distortion: H_b(0.3) − H_b(D) (Cover & Thomas, Thm 10.3.1).
        IReadOnlyList<RateDistortionResult> curve = new BlahutArimoto().Curve([0.7, 0.3], DistortionMatrix.Hamming(2), [6, 0.5, 2, 1, 3]);
        using Rendered image = Rendered.Of(Figures.RateDistortionCurve(curve, distortionLabel: "Hamming distortion D"));
        foreach (RateDistortionResult point in curve)
        {
            double exact = Math.Max(0, Hb(0.3) - Hb(point.Distortion));

            // Marker centre at the closed-form rate (the solver is within 1e-8 bits: far below a pixel).
            Assert.True(Rendered.IsNear(image.At(point.Distortion, exact), s_first), $"D = {point.Distortion}");
        }

        // Joined in order of distortion whatever the order given.
        double[] xs = image.Plot.GetPlottables<ScottPlot.Plottables.Scatter>().Single().Data.GetScatterPoints().Select(c => c.X).ToArray();
        Assert.Equal(xs.Order(), xs);
        Assert.Equal("R(D) (bits)", image.Plot.Axes.Left.Label.Text);
        Assert.Equal("Hamming distortion D", image.Plot.Axes.Bottom.Label.Text);
        Assert.True(image.DistinctColours() > 10);
    }

    [Fact]
    public void InformationBottleneckCurve_PointsAtCompressionAndRelevance_WithBetaAndCeiling()
    {
        // Doubly symmetric binary source, ε = 0.1: I(X;Y) = 1 − H_b(0.1) bits.
        const double Eps = 0.1;
        var joint = JointDistribution.FromTable(new double[,] { { (1 - Eps) / 2, Eps / 2 }, { Eps / 2, (1 - Eps) / 2 } });
        IReadOnlyList<InformationBottleneckResult> ib = new IterativeInformationBottleneck { Seed = 1 }.Curve(joint, 2, [2, 5, 13, 50]);
        Information mi = MutualInformation.Of(joint);
        using Rendered image = Rendered.Of(Figures.InformationBottleneckCurve(ib, annotateBeta: true, mutualInformation: mi));
        foreach (InformationBottleneckResult r in ib)
        {
            Assert.True(Rendered.IsNear(image.At(r.Compression.Bits, r.Relevance.Bits), s_first), $"β = {r.Beta}");
        }

        ScottPlot.Plottables.LinePlot ceiling = image.Plot.GetPlottables<ScottPlot.Plottables.LinePlot>().Single();
        Assert.Equal(1 - Hb(Eps), ceiling.Start.Y, 1e-12);
        Assert.Equal(1 - Hb(Eps), ceiling.End.Y, 1e-12);
        Assert.Equal(["β = 2", "β = 5", "β = 13", "β = 50"],
            image.Plot.GetPlottables<ScottPlot.Plottables.Text>().Select(t => t.LabelText));
    }

    [Fact]
    public void InformationBottleneckCurve_WithoutOptions_HasNoAnnotations()
    {
        var joint = JointDistribution.FromTable(new double[,] { { 0.4, 0.1 }, { 0.1, 0.4 } });
        IReadOnlyList<InformationBottleneckResult> ib = new IterativeInformationBottleneck { Seed = 1 }.Curve(joint, 2, [3, 10]);
        Plot plot = Figures.InformationBottleneckCurve(ib, LogBase.E);
        Assert.Empty(plot.GetPlottables<ScottPlot.Plottables.Text>());
        Assert.Empty(plot.GetPlottables<ScottPlot.Plottables.LinePlot>());
        Assert.Equal("I(T;Y) (nats)", plot.Axes.Left.Label.Text);
    }

    [Fact]
    public void Curves_BadInput_Throws()
    {
        Assert.Equal("results", Assert.Throws<ArgumentNullException>(() => Figures.RateDistortionCurve(null!)).ParamName);
        Assert.Equal("results", Assert.Throws<ArgumentException>(() => Figures.RateDistortionCurve([])).ParamName);
        Assert.Equal("results", Assert.Throws<ArgumentNullException>(() => Figures.RateDistortionCurve([null!])).ParamName);
        Assert.Equal("results", Assert.Throws<ArgumentNullException>(() => Figures.InformationBottleneckCurve(null!)).ParamName);
        Assert.Equal("results", Assert.Throws<ArgumentException>(() => Figures.InformationBottleneckCurve([])).ParamName);
        var joint = JointDistribution.FromTable(new double[,] { { 0.4, 0.1 }, { 0.1, 0.4 } });
        IReadOnlyList<InformationBottleneckResult> ib = new IterativeInformationBottleneck { Seed = 1 }.Curve(joint, 2, [3]);
        Assert.Equal("mutualInformation", Assert.Throws<ArgumentException>(
            () => Figures.InformationBottleneckCurve(ib, mutualInformation: Information.FromNats(double.PositiveInfinity))).ParamName);
        IReadOnlyList<RateDistortionResult> rd = new BlahutArimoto().Curve([0.5, 0.5], DistortionMatrix.Hamming(2), [1]);
        Assert.Equal("distortionLabel", Assert.Throws<ArgumentNullException>(() => Figures.RateDistortionCurve(rd, distortionLabel: null!)).ParamName);
    }

    private static double Hb(double p) => p <= 0 || p >= 1 ? 0 : (-p * Math.Log2(p)) - ((1 - p) * Math.Log2(1 - p));
}
