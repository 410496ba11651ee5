using System.Globalization;
using InfoTheory.Plotting.Internal;
using InfoTheory.TimeSeries;
using ScottPlot;

namespace InfoTheory.Plotting;

public static partial class Figures
{
    /// <summary>
    /// The complexity-entropy plane (Rosso et al. 2007): the Jensen-Shannon statistical complexity against the normalised
    /// permutation entropy of each series, between the minimum and maximum complexity curves for the embedding dimension
    /// (<see cref="ComplexityEntropyBounds"/>). Chaotic series sit near the upper curve at middling entropy, noise near
    /// (1, 0), regular series near (0, 0).
    /// </summary>
    /// <param name="points">The points, from <see cref="OrdinalPatterns.StatisticalComplexity"/> with embedding dimension <paramref name="d"/>.</param>
    /// <param name="d">The embedding dimension the points were computed with, 2 ≤ d ≤ <see cref="ComplexityEntropyBounds.MaxMaximumDimension"/>.</param>
    /// <param name="labels">A name for each point, written beside it (optional; as many as points).</param>
    /// <returns>A new figure.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="points"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="points"/> is empty or has a point outside [0, 1]², or <paramref name="labels"/> has another length.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="d"/> is out of range.</exception>
    public static Plot ComplexityEntropyPlane(IReadOnlyList<OrdinalComplexity> points, int d, IReadOnlyList<string>? labels = null)
    {
        PlotChecks.NotEmpty(points, nameof(points));
        if (d < 2 || d > ComplexityEntropyBounds.MaxMaximumDimension)
        {
            throw new ArgumentOutOfRangeException(nameof(d), d, string.Create(CultureInfo.InvariantCulture,
                $"d must be between 2 and {ComplexityEntropyBounds.MaxMaximumDimension} (the maximum complexity curve is traced over d! − 1 segments), got {d}."));
        }

        for (int i = 0; i < points.Count; i++)
        {
            OrdinalComplexity p = points[i];
            if (!(p.NormalizedEntropy is >= 0 and <= 1) || !(p.Complexity is >= 0 and <= 1))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"points[{i}] = (H = {p.NormalizedEntropy}, C = {p.Complexity}) is outside [0, 1]²; pass points of OrdinalPatterns.StatisticalComplexity."), nameof(points));
            }
        }

        if (labels is not null && labels.Count != points.Count)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"labels has {labels.Count} names but points has {points.Count}; give one name per point."), nameof(labels));
        }

        OrdinalComplexity[] min = ComplexityEntropyBounds.Minimum(d);
        OrdinalComplexity[] max = ComplexityEntropyBounds.Maximum(d);
        var plot = new Plot();
        foreach ((OrdinalComplexity[] curve, string name, LinePattern pattern) in new[]
            { (max, "maximum complexity", LinePattern.Dashed), (min, "minimum complexity", LinePattern.Dotted) })
        {
            ScottPlot.Plottables.Scatter line = plot.Add.ScatterLine(
                curve.Select(c => c.NormalizedEntropy).ToArray(), curve.Select(c => c.Complexity).ToArray(), Colors.Gray);
            line.LinePattern = pattern;
            line.LineWidth = 1.5f;
            line.LegendText = name;
        }

        double[] h = points.Select(p => p.NormalizedEntropy).ToArray();
        double[] c = points.Select(p => p.Complexity).ToArray();
        ScottPlot.Plottables.Markers markers = plot.Add.Markers(h, c, MarkerShape.FilledCircle, 8, LineColor(0));
        markers.LegendText = "series";
        if (labels is not null)
        {
            for (int i = 0; i < labels.Count; i++)
            {
                ScottPlot.Plottables.Text label = plot.Add.Text(labels[i] ?? string.Empty, h[i], c[i]);
                label.LabelFontSize = 11;
                label.LabelAlignment = Alignment.LowerLeft;
                label.OffsetX = 6;
                label.OffsetY = -4;
            }
        }

        // Room on the right for the names of points near H = 1 (white noise).
        plot.Axes.SetLimits(0, labels is null ? 1.02 : 1.12, 0, Math.Max(max.Max(p => p.Complexity), c.Max()) * 1.1);
        plot.XLabel(string.Create(CultureInfo.InvariantCulture, $"normalised permutation entropy H (d = {d})"));
        plot.YLabel("statistical complexity C");
        plot.Title("Complexity-entropy plane");
        // The upper left is empty: both curves start at (0, 0) and the maximum rises to its peak only at middling entropy.
        plot.ShowLegend(Alignment.UpperLeft);
        return plot;
    }
}
