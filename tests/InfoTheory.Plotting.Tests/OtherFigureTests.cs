using InfoTheory.TimeSeries;
using ScottPlot;

namespace InfoTheory.Plotting.Tests;

public sealed class OtherFigureTests
{
    [Fact]
    public void ComplexityEntropyPlane_PointsAndBothBounds()
    {
        // The logistic map at r = 4 (chaotic), a monotone ramp (0, 0) and i.i.d. noise (≈ (1, 0)).
        double[] logistic = new double[5000];
        logistic[0] = 0.4;
        for (int t = 1; t < logistic.Length; t++)
        {
            logistic[t] = 4 * logistic[t - 1] * (1 - logistic[t - 1]);
        }

        var random = new Random(3);
        double[] noise = Enumerable.Range(0, 5000).Select(_ => random.NextDouble()).ToArray();
        OrdinalComplexity[] points =
        [
            OrdinalPatterns.StatisticalComplexity(logistic, 4),
            OrdinalPatterns.StatisticalComplexity(noise, 4),
        ];
        using Rendered image = Rendered.Of(Figures.ComplexityEntropyPlane(points, 4, ["logistic", "noise"]));
        foreach (OrdinalComplexity p in points)
        {
            Assert.True(Rendered.IsNear(image.At(p.NormalizedEntropy, p.Complexity), Color.FromHex("#1f77b4")), $"{p}");
        }

        ScottPlot.Plottables.Scatter[] bounds = [.. image.Plot.GetPlottables<ScottPlot.Plottables.Scatter>()];
        Assert.Equal(["maximum complexity", "minimum complexity"], bounds.Select(b => b.LegendText));
        Assert.Equal(2, image.Plot.GetPlottables<ScottPlot.Plottables.Text>().Count());
        Assert.True(image.DistinctColours() > 10);
    }

    [Fact]
    public void ComplexityEntropyPlane_BadInput_Throws()
    {
        OrdinalComplexity[] one = [new(0.5, 0.2, 0.1)];
        Assert.Equal("points", Assert.Throws<ArgumentException>(() => Figures.ComplexityEntropyPlane([], 3)).ParamName);
        Assert.Equal("d", Assert.Throws<ArgumentOutOfRangeException>(() => Figures.ComplexityEntropyPlane(one, 9)).ParamName);
        Assert.Equal("d", Assert.Throws<ArgumentOutOfRangeException>(() => Figures.ComplexityEntropyPlane(one, 1)).ParamName);
        Assert.Equal("points", Assert.Throws<ArgumentException>(() => Figures.ComplexityEntropyPlane([new(1.5, 0, 0)], 3)).ParamName);
        Assert.Equal("labels", Assert.Throws<ArgumentException>(() => Figures.ComplexityEntropyPlane(one, 3, ["a", "b"])).ParamName);
    }

    [Fact]
    public void EstimatorBias_OneLinePerEstimator_AtLogN()
    {
        EstimatorBiasPoint[] points =
        [
            new("ksg", 100, Information.FromNats(-0.20)),
            new("ksg", 1000, Information.FromNats(-0.08)),
            new("ksg", 10000, Information.FromNats(-0.02)),
            new("gaussian", 100, Information.FromNats(0.15)),
            new("gaussian", 1000, Information.FromNats(0.05)),
            new("gaussian", 10000, Information.FromNats(0)), // on the zero line: the marker must be drawn over it
        ];
        using Rendered image = Rendered.Of(Figures.EstimatorBias(points));
        Color[] colours = [Color.FromHex("#1f77b4"), Color.FromHex("#ff7f0e")];
        foreach (EstimatorBiasPoint p in points)
        {
            Color expected = colours[p.Estimator == "ksg" ? 0 : 1];
            Assert.True(Rendered.IsNear(image.At(Math.Log10(p.N), p.Bias.Nats), expected), $"{p}");
        }

        // The ticks name n itself at log10 n.
        Tick[] ticks = image.Plot.Axes.Bottom.TickGenerator.Ticks;
        Assert.Equal(["100", "1000", "10000"], ticks.Select(t => t.Label));
        Assert.Equal([2.0, 3.0, 4.0], ticks.Select(t => t.Position));
        Assert.Equal("bias: estimate − true (nats)", image.Plot.Axes.Left.Label.Text);
    }

    [Fact]
    public void EstimatorBias_BadInput_Throws()
    {
        Assert.Equal("points", Assert.Throws<ArgumentNullException>(() => Figures.EstimatorBias(null!)).ParamName);
        Assert.Equal("points", Assert.Throws<ArgumentException>(() => Figures.EstimatorBias([])).ParamName);
        Assert.Equal("points", Assert.Throws<ArgumentException>(() => Figures.EstimatorBias([new("a", 0, Information.FromNats(0))])).ParamName);
        Assert.Equal("points", Assert.Throws<ArgumentException>(() => Figures.EstimatorBias([new("a", 10, Information.FromNats(double.NaN))])).ParamName);
        Assert.Equal("points", Assert.Throws<ArgumentNullException>(() => Figures.EstimatorBias([new(null!, 10, Information.FromNats(0))])).ParamName);
    }

    [Fact]
    public void DependenceHeatmap_CellsWhereTheMatrixPutsThem()
    {
        // Row 0 is drawn at the top: the cell [0, 2] (the largest value) at the top right, [2, 0] (the smallest) at the
        // bottom left; [1, 1] is NaN and left to the background.
        double[,] values = { { 0.5, 0.5, 1.0 }, { 0.5, double.NaN, 0.5 }, { 0.0, 0.5, 0.5 } };
        double[,] copy = (double[,])values.Clone();
        using Rendered image = Rendered.Of(Figures.DependenceHeatmap(["a", "b", "c"], values, "MI (nats)"));
        var viridis = new ScottPlot.Colormaps.Viridis();
        Assert.True(Rendered.IsNear(image.At(2, 2), viridis.GetColor(1)), $"{image.At(2, 2)}");
        Assert.True(Rendered.IsNear(image.At(0, 0), viridis.GetColor(0)), $"{image.At(0, 0)}");
        Assert.True(Rendered.IsNear(image.At(0, 2), viridis.GetColor(0.5)), $"{image.At(0, 2)}");
        Assert.True(Rendered.IsNear(image.At(1, 1), Colors.White), $"{image.At(1, 1)}");
        Assert.Equal(copy, values);

        Assert.Equal(["a", "b", "c"], image.Plot.Axes.Bottom.TickGenerator.Ticks.OrderBy(t => t.Position).Select(t => t.Label));
        Assert.Equal(["c", "b", "a"], image.Plot.Axes.Left.TickGenerator.Ticks.OrderBy(t => t.Position).Select(t => t.Label));
    }

    [Fact]
    public void DependenceHeatmap_LongNames_SlantedAndCellsInPlace()
    {
        double[,] values = { { 0.0, 2.0 }, { 1.0, 0.0 } };
        using Rendered image = Rendered.Of(Figures.DependenceHeatmap(["temperature", "pressure"], values));
        var viridis = new ScottPlot.Colormaps.Viridis();
        Assert.Equal(45, image.Plot.Axes.Bottom.TickLabelStyle.Rotation);
        Assert.True(Rendered.IsNear(image.At(1, 1), viridis.GetColor(1)));   // [0, 1], top right
        Assert.True(Rendered.IsNear(image.At(0, 0), viridis.GetColor(0.5))); // [1, 0], bottom left
    }

    [Fact]
    public void DependenceHeatmap_BadInput_Throws()
    {
        Assert.Equal("names", Assert.Throws<ArgumentNullException>(() => Figures.DependenceHeatmap(null!, new double[1, 1])).ParamName);
        Assert.Equal("values", Assert.Throws<ArgumentNullException>(() => Figures.DependenceHeatmap(["a"], null!)).ParamName);
        Assert.Equal("values", Assert.Throws<ArgumentException>(() => Figures.DependenceHeatmap(["a", "b"], new double[2, 3])).ParamName);
        Assert.Equal("names", Assert.Throws<ArgumentException>(() => Figures.DependenceHeatmap(["a"], new double[2, 2])).ParamName);
        Assert.Equal("values", Assert.Throws<ArgumentException>(() => Figures.DependenceHeatmap([], new double[0, 0])).ParamName);
        Assert.Equal("values", Assert.Throws<ArgumentException>(() => Figures.DependenceHeatmap(["a"], new[,] { { double.PositiveInfinity } })).ParamName);
        Assert.Equal("values", Assert.Throws<ArgumentException>(() => Figures.DependenceHeatmap(["a"], new[,] { { double.NaN } })).ParamName);
        Assert.Equal("names", Assert.Throws<ArgumentNullException>(() => Figures.DependenceHeatmap([null!], new double[1, 1])).ParamName);
    }
}
