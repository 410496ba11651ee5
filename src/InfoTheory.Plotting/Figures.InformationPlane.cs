using InfoTheory.Bottleneck;
using InfoTheory.Plotting.Internal;
using ScottPlot;

namespace InfoTheory.Plotting;

public static partial class Figures
{
    /// <summary>
    /// The information plane of a network during training (Shwartz-Ziv &amp; Tishby 2017): I(X;T) across, I(T;Y) up,
    /// one point per layer and epoch coloured by epoch (with a colorbar), and one line per layer joining its epochs.
    /// </summary>
    /// <param name="plane">The recorder whose <see cref="InformationPlane.Points"/> are drawn.</param>
    /// <param name="unit">The unit of both axes (default bits).</param>
    /// <param name="colormap">The colormap of the epochs (default viridis: the first epoch dark, the last yellow).</param>
    /// <returns>A new figure.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="plane"/> is null.</exception>
    /// <exception cref="ArgumentException">The recorder has no points, or a point is not finite.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="unit"/> is not a defined <see cref="LogBase"/>.</exception>
    public static Plot InformationPlane(InformationPlane plane, LogBase unit = LogBase.Two, IColormap? colormap = null)
    {
        ArgumentNullException.ThrowIfNull(plane);
        return InformationPlane(plane.Points, unit, colormap);
    }

    /// <summary>
    /// The information plane from a list of points (layers × epochs, in any order): I(X;T) across, I(T;Y) up, each point
    /// coloured by its epoch (with a colorbar), and one line per layer joining its points in order of epoch, in a
    /// categorical colour named in the legend.
    /// </summary>
    /// <param name="points">The points, e.g. <see cref="InformationPlane.Points"/>.</param>
    /// <param name="unit">The unit of both axes (default bits).</param>
    /// <param name="colormap">The colormap of the epochs (default viridis: the first epoch dark, the last yellow).</param>
    /// <returns>A new figure.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="points"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="points"/> is empty or has a point whose informations are not finite.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="unit"/> is not a defined <see cref="LogBase"/>.</exception>
    public static Plot InformationPlane(IReadOnlyList<InformationPlanePoint> points, LogBase unit = LogBase.Two, IColormap? colormap = null)
    {
        PlotChecks.NotEmpty(points, nameof(points));
        string unitName = PlotChecks.UnitName(unit);
        for (int i = 0; i < points.Count; i++)
        {
            PlotChecks.Finite(points[i].InputInformation.Nats, nameof(points), i, "I(X;T)");
            PlotChecks.Finite(points[i].LabelInformation.Nats, nameof(points), i, "I(T;Y)");
        }

        colormap ??= DefaultColormap;
        int first = points.Min(p => p.Epoch), last = points.Max(p => p.Epoch);
        double span = Math.Max(1, (double)last - first);

        var plot = new Plot();
        int layerIndex = 0;
        foreach (IGrouping<string, InformationPlanePoint> layer in points.GroupBy(p => p.Layer, StringComparer.Ordinal))
        {
            InformationPlanePoint[] ordered = [.. layer.OrderBy(p => p.Epoch)];
            ScottPlot.Plottables.Scatter line = plot.Add.ScatterLine(
                ordered.Select(p => p.InputInformation.In(unit)).ToArray(),
                ordered.Select(p => p.LabelInformation.In(unit)).ToArray(),
                LineColor(layerIndex++));
            line.LineWidth = 1.5f;
            line.LegendText = layer.Key;
        }

        // One marker group per epoch, drawn over the lines, later epochs on top.
        foreach (IGrouping<int, InformationPlanePoint> epoch in points.GroupBy(p => p.Epoch).OrderBy(g => g.Key))
        {
            plot.Add.Markers(
                epoch.Select(p => p.InputInformation.In(unit)).ToArray(),
                epoch.Select(p => p.LabelInformation.In(unit)).ToArray(),
                MarkerShape.FilledCircle,
                7,
                colormap.GetColor((epoch.Key - first) / span));
        }

        ScottPlot.Panels.ColorBar colorBar = plot.Add.ColorBar(new FixedColorAxis(colormap, first, first + span), Edge.Right);
        colorBar.Label = "epoch";
        plot.XLabel($"I(X;T) ({unitName})");
        plot.YLabel($"I(T;Y) ({unitName})");
        plot.Title("Information plane");
        plot.ShowLegend(Edge.Right);
        return plot;
    }
}
