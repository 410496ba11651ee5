using System.Globalization;
using InfoTheory.Bottleneck;
using InfoTheory.Plotting.Internal;
using InfoTheory.RateDistortion;
using ScottPlot;

namespace InfoTheory.Plotting;

public static partial class Figures
{
    /// <summary>
    /// The information-bottleneck curve (Tishby, Pereira &amp; Bialek 1999): the relevant information I(T;Y) against the
    /// compression I(X;T) of each solution, joined in the order given (e.g. increasing β from a solver's <c>Curve</c>).
    /// </summary>
    /// <param name="results">The solutions, e.g. from <see cref="IterativeInformationBottleneck"/>.</param>
    /// <param name="unit">The unit of both axes (default bits).</param>
    /// <param name="annotateBeta">Whether to write β beside each point (∞ for the agglomerative solutions).</param>
    /// <param name="mutualInformation">
    /// I(X;Y) of the joint, if given: drawn as a dashed horizontal line, the ceiling of I(T;Y) (data processing).
    /// </param>
    /// <returns>A new figure.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="results"/> or one of its elements is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="results"/> is empty, or an information is not finite.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="unit"/> is not a defined <see cref="LogBase"/>.</exception>
    public static Plot InformationBottleneckCurve(IReadOnlyList<InformationBottleneckResult> results, LogBase unit = LogBase.Two,
        bool annotateBeta = false, Information? mutualInformation = null)
    {
        PlotChecks.NotEmpty(results, nameof(results));
        string unitName = PlotChecks.UnitName(unit);
        for (int i = 0; i < results.Count; i++)
        {
            ArgumentNullException.ThrowIfNull(results[i], nameof(results));
            PlotChecks.Finite(results[i].Compression.Nats, nameof(results), i, "I(X;T)");
            PlotChecks.Finite(results[i].Relevance.Nats, nameof(results), i, "I(T;Y)");
        }

        if (mutualInformation is { } mi)
        {
            PlotChecks.Finite(mi.Nats, nameof(mutualInformation), 0, "I(X;Y)");
        }

        double[] x = results.Select(r => r.Compression.In(unit)).ToArray();
        double[] y = results.Select(r => r.Relevance.In(unit)).ToArray();
        var plot = new Plot();
        if (mutualInformation is { } ceiling)
        {
            // A segment over the data's range rather than an axis-wide line, which ScottPlot draws over the markers
            // (the points of large β lie on it).
            double top = ceiling.In(unit);
            ScottPlot.Plottables.LinePlot line = plot.Add.Line(0, top, Math.Max(x.Max(), top), top);
            line.LineColor = Colors.Gray;
            line.LineWidth = 1.5f;
            line.LinePattern = LinePattern.Dashed;
            line.LegendText = "I(X;Y)";
        }

        ScottPlot.Plottables.Scatter curve = plot.Add.Scatter(x, y, LineColor(0));
        curve.MarkerSize = 7;
        curve.LineWidth = 2;
        curve.LegendText = "IB solutions";

        if (annotateBeta)
        {
            // Room on the right and at the top for the labels of the last points.
            plot.Axes.Margins(0.12, 0.1);
            for (int i = 0; i < results.Count; i++)
            {
                double beta = results[i].Beta;
                string text = double.IsPositiveInfinity(beta) ? "β = ∞" : string.Create(CultureInfo.InvariantCulture, $"β = {beta:G4}");
                ScottPlot.Plottables.Text label = plot.Add.Text(text, x[i], y[i]);
                label.LabelFontSize = 11;
                label.LabelAlignment = Alignment.UpperLeft;
                label.OffsetX = 6;
                label.OffsetY = 4;
            }
        }

        plot.XLabel($"I(X;T) ({unitName})");
        plot.YLabel($"I(T;Y) ({unitName})");
        plot.Title("Information bottleneck");
        plot.ShowLegend(Alignment.LowerRight);
        return plot;
    }

    /// <summary>
    /// The rate-distortion curve: the rate R = I(X;X̂) of each solution against its expected distortion D, in order of
    /// distortion, from <see cref="BlahutArimoto"/> or another <see cref="IRateDistortionSolver"/>.
    /// </summary>
    /// <param name="results">The solutions (any order; they are joined in order of distortion).</param>
    /// <param name="unit">The unit of the rate (default bits).</param>
    /// <param name="distortionLabel">The label of the distortion axis (default "expected distortion D"): name the measure, e.g. "Hamming distortion D".</param>
    /// <returns>A new figure.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="results"/>, one of its elements or <paramref name="distortionLabel"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="results"/> is empty, or a rate or distortion is not finite.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="unit"/> is not a defined <see cref="LogBase"/>.</exception>
    public static Plot RateDistortionCurve(IReadOnlyList<RateDistortionResult> results, LogBase unit = LogBase.Two,
        string distortionLabel = "expected distortion D")
    {
        PlotChecks.NotEmpty(results, nameof(results));
        ArgumentNullException.ThrowIfNull(distortionLabel);
        string unitName = PlotChecks.UnitName(unit);
        for (int i = 0; i < results.Count; i++)
        {
            ArgumentNullException.ThrowIfNull(results[i], nameof(results));
            PlotChecks.Finite(results[i].Distortion, nameof(results), i, "D");
            PlotChecks.Finite(results[i].Rate.Nats, nameof(results), i, "R");
        }

        RateDistortionResult[] ordered = [.. results.OrderBy(r => r.Distortion)];
        var plot = new Plot();
        ScottPlot.Plottables.Scatter curve = plot.Add.Scatter(
            ordered.Select(r => r.Distortion).ToArray(), ordered.Select(r => r.Rate.In(unit)).ToArray(), LineColor(0));
        curve.MarkerSize = 7;
        curve.LineWidth = 2;
        plot.XLabel(distortionLabel);
        plot.YLabel($"R(D) ({unitName})");
        plot.Title("Rate-distortion function");
        return plot;
    }
}
