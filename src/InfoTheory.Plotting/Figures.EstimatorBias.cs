using System.Globalization;
using InfoTheory.Plotting.Internal;
using ScottPlot;

namespace InfoTheory.Plotting;

public static partial class Figures
{
    /// <summary>
    /// Estimator bias against sample size: one line per estimator through its bias at each n, n on a logarithmic axis
    /// (ticks at the sizes given), with a dashed line at zero bias. Fed by validation runs on distributions with known
    /// answers (e.g. the suite of InfoTheory.Testing, or the <c>validate</c> command's CSV).
    /// </summary>
    /// <param name="points">The points: an estimator's name, a sample size and its bias there.</param>
    /// <param name="unit">The unit of the bias axis (default nats, as the validation report).</param>
    /// <returns>A new figure.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="points"/> or an estimator name is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="points"/> is empty or has a point with n &lt; 1 or a bias that is not finite.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="unit"/> is not a defined <see cref="LogBase"/>.</exception>
    public static Plot EstimatorBias(IReadOnlyList<EstimatorBiasPoint> points, LogBase unit = LogBase.E)
    {
        PlotChecks.NotEmpty(points, nameof(points));
        string unitName = PlotChecks.UnitName(unit);
        for (int i = 0; i < points.Count; i++)
        {
            ArgumentNullException.ThrowIfNull(points[i].Estimator, nameof(points));
            if (points[i].N < 1)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"points[{i}] has n = {points[i].N}; sample sizes are at least 1."), nameof(points));
            }

            PlotChecks.Finite(points[i].Bias.Nats, nameof(points), i, "bias");
        }

        // The sizes, and a dashed zero line under the data over their range (an axis-wide line would be drawn over the
        // markers, and a bias near 0 is the common case).
        int[] sizes = [.. points.Select(p => p.N).Distinct().Order()];
        double left = Math.Log10(sizes[0]) - (sizes.Length == 1 ? 0.5 : 0), right = Math.Log10(sizes[^1]) + (sizes.Length == 1 ? 0.5 : 0);
        var plot = new Plot();
        ScottPlot.Plottables.LinePlot zero = plot.Add.Line(left, 0, right, 0);
        zero.LineColor = Colors.Gray;
        zero.LineWidth = 1;
        zero.LinePattern = LinePattern.Dashed;
        int index = 0;
        foreach (IGrouping<string, EstimatorBiasPoint> estimator in points.GroupBy(p => p.Estimator, StringComparer.Ordinal))
        {
            EstimatorBiasPoint[] ordered = [.. estimator.OrderBy(p => p.N)];
            ScottPlot.Plottables.Scatter line = plot.Add.Scatter(
                ordered.Select(p => Math.Log10(p.N)).ToArray(), ordered.Select(p => p.Bias.In(unit)).ToArray(), LineColor(index++));
            line.MarkerSize = 7;
            line.LineWidth = 2;
            line.LegendText = estimator.Key;
        }

        // A log axis by hand: the data are drawn at log10 n and the ticks name n itself.
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            sizes.Select(n => Math.Log10(n)).ToArray(), sizes.Select(n => n.ToString(CultureInfo.InvariantCulture)).ToArray());
        plot.XLabel("sample size n (log scale)");
        plot.YLabel($"bias: estimate − true ({unitName})");
        plot.Title("Estimator bias");
        plot.ShowLegend(Edge.Right);
        return plot;
    }
}
