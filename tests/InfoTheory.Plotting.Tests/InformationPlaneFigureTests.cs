using InfoTheory.Bottleneck;
using ScottPlot;

namespace InfoTheory.Plotting.Tests;

public sealed class InformationPlaneFigureTests
{
    // Two layers × three epochs at distinct places; epochs 0, 5, 10 take the colormap at 0, ½ and 1.
    private static readonly InformationPlanePoint[] s_points =
    [
        new("h1", 0, Information.FromBits(1.0), Information.FromBits(0.2)),
        new("h1", 5, Information.FromBits(2.0), Information.FromBits(0.5)),
        new("h1", 10, Information.FromBits(3.0), Information.FromBits(0.9)),
        new("h2", 0, Information.FromBits(0.5), Information.FromBits(0.1)),
        new("h2", 5, Information.FromBits(1.5), Information.FromBits(0.3)),
        new("h2", 10, Information.FromBits(2.5), Information.FromBits(0.6)),
    ];

    [Fact]
    public void InformationPlane_MarkersSitAtTheirPoints_ColouredByEpoch()
    {
        using Rendered image = Rendered.Of(Figures.InformationPlane(s_points));
        Assert.Equal(640, image.Bitmap.Width);
        Assert.Equal(480, image.Bitmap.Height);
        var viridis = new ScottPlot.Colormaps.Viridis();
        foreach (InformationPlanePoint p in s_points)
        {
            Color expected = viridis.GetColor(p.Epoch / 10.0);
            Assert.True(Rendered.IsNear(image.At(p.InputInformation.Bits, p.LabelInformation.Bits), expected),
                $"{p.Layer} at epoch {p.Epoch}: {image.At(p.InputInformation.Bits, p.LabelInformation.Bits)} is not {expected}");
        }

        // The colorbar shows colours between the epochs' (viridis at ¼ is on no marker): a strip of them.
        Assert.True(image.CountNear(viridis.GetColor(0.25), 3) > 50);

        // Two layer lines in the first two categorical colours (Category10: #1f77b4, #ff7f0e), named in the legend.
        ScottPlot.Plottables.Scatter[] lines = [.. image.Plot.GetPlottables<ScottPlot.Plottables.Scatter>()];
        Assert.Equal(["h1", "h2"], lines.Select(l => l.LegendText));
        Assert.True(image.CountNear(Color.FromHex("#1f77b4")) > 20);
        Assert.True(image.CountNear(Color.FromHex("#ff7f0e")) > 20);
        Assert.True(image.DistinctColours() > 20);
    }

    [Fact]
    public void InformationPlane_Nats_PlacesPointsInNats()
    {
        using Rendered image = Rendered.Of(Figures.InformationPlane(s_points, LogBase.E));
        InformationPlanePoint last = s_points[2];
        Assert.True(Rendered.IsNear(image.At(last.InputInformation.Nats, last.LabelInformation.Nats), new ScottPlot.Colormaps.Viridis().GetColor(1)));
        Assert.Contains("nats", image.Plot.Axes.Bottom.Label.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void InformationPlane_FromRecorder_DrawsItsPoints()
    {
        // A recorder with a plug-in estimator: T = X keeps all of X (H(X) = 2 bits for 4 equiprobable symbols) and all
        // of Y (Y = X mod 2, 1 bit): the single point sits at (2, 1) bits.
        var plane = new InformationPlane(new InfoTheory.Discrete.PlugInMutualInformation());
        int[] x = [0, 1, 2, 3, 0, 1, 2, 3];
        int[] y = [0, 1, 0, 1, 0, 1, 0, 1];
        plane.Record("t", 0, x, x, y);
        using Rendered image = Rendered.Of(Figures.InformationPlane(plane));
        Assert.True(Rendered.IsNear(image.At(2, 1), new ScottPlot.Colormaps.Viridis().GetColor(0)));
    }

    [Fact]
    public void InformationPlane_Restyled_AsDocsShow_KeepsItsPoints()
    {
        // The restyling of docs/plotting.md: another colormap, fixed axes, a font, an extra line.
        Plot plot = Figures.InformationPlane(s_points, colormap: new ScottPlot.Colormaps.Turbo());
        plot.Title("restyled");
        plot.Axes.SetLimits(0, 12, 0, 3.4);
        plot.Font.Set("DejaVu Sans");
        plot.Add.HorizontalLine(Math.Log2(10));
        using Rendered image = Rendered.Of(plot);
        InformationPlanePoint p = s_points[1];
        Assert.True(Rendered.IsNear(image.At(p.InputInformation.Bits, p.LabelInformation.Bits), new ScottPlot.Colormaps.Turbo().GetColor(0.5)));
        Assert.Equal(12, image.Plot.Axes.GetLimits().Right);
    }

    [Fact]
    public void InformationPlane_BadInput_Throws()
    {
        Assert.Equal("plane", Assert.Throws<ArgumentNullException>(() => Figures.InformationPlane((InformationPlane)null!)).ParamName);
        Assert.Equal("points", Assert.Throws<ArgumentNullException>(() => Figures.InformationPlane((IReadOnlyList<InformationPlanePoint>)null!)).ParamName);
        Assert.Equal("points", Assert.Throws<ArgumentException>(() => Figures.InformationPlane(Array.Empty<InformationPlanePoint>())).ParamName);
        InformationPlanePoint[] nan = [new("h", 0, Information.FromBits(double.NaN), Information.FromBits(0))];
        ArgumentException e = Assert.Throws<ArgumentException>(() => Figures.InformationPlane(nan));
        Assert.Equal("points", e.ParamName);
        Assert.Contains("points[0]", e.Message, StringComparison.Ordinal);
        Assert.Equal("unit", Assert.Throws<ArgumentOutOfRangeException>(() => Figures.InformationPlane(s_points, (LogBase)7)).ParamName);
    }
}
