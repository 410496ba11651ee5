using System.Globalization;
using ScottPlot;

namespace InfoTheory.Plotting;

public static partial class Figures
{
    /// <summary>
    /// A dependence-matrix heatmap: cell (i, j) coloured by <paramref name="values"/>[i, j], row 0 at the top and column 0
    /// at the left, each axis labelled with the variables' names, with a colorbar. NaN cells (e.g. an unused diagonal)
    /// are drawn transparent and left out of the colour range.
    /// </summary>
    /// <param name="names">The p variable names, in the order of the rows and columns.</param>
    /// <param name="values">The p × p matrix (e.g. pairwise mutual information); finite or NaN.</param>
    /// <param name="valueLabel">The colorbar's label, with the unit (default "mutual information").</param>
    /// <param name="colormap">The colormap (default viridis).</param>
    /// <returns>A new figure.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="names"/>, a name, <paramref name="values"/> or <paramref name="valueLabel"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="values"/> is not square, its size is not the number of names, it is empty, it has ±∞, or every cell is NaN.
    /// </exception>
    public static Plot DependenceHeatmap(IReadOnlyList<string> names, double[,] values, string valueLabel = "mutual information", IColormap? colormap = null)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(valueLabel);
        int rows = values.GetLength(0), columns = values.GetLength(1);
        if (rows != columns)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"values is {rows} × {columns}; a dependence matrix is square (p × p)."), nameof(values));
        }

        if (names.Count != rows)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"names has {names.Count} names but values is {rows} × {columns}; give one name per row."), nameof(names));
        }

        if (rows == 0)
        {
            throw new ArgumentException("values is empty; the heatmap needs at least one variable.", nameof(values));
        }

        for (int i = 0; i < names.Count; i++)
        {
            ArgumentNullException.ThrowIfNull(names[i], nameof(names));
        }

        bool any = false;
        for (int i = 0; i < rows; i++)
        {
            for (int j = 0; j < columns; j++)
            {
                double v = values[i, j];
                if (double.IsInfinity(v))
                {
                    throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                        $"values[{i}, {j}] = {v}; the heatmap takes finite values (NaN for a cell to leave empty)."), nameof(values));
                }

                any |= !double.IsNaN(v);
            }
        }

        if (!any)
        {
            throw new ArgumentException("every cell of values is NaN; there is nothing to colour.", nameof(values));
        }

        int p = rows;
        var plot = new Plot();

        // A copy: the plottable keeps the array it is given, and the caller's must stay theirs.
        ScottPlot.Plottables.Heatmap heatmap = plot.Add.Heatmap((double[,])values.Clone());
        heatmap.Colormap = colormap ?? DefaultColormap;
        heatmap.NaNCellColor = Colors.Transparent;

        // Cell (i, j) centred on x = j, y = p − 1 − i: row 0 at the top, as the matrix is written.
        heatmap.Extent = new CoordinateRect(-0.5, p - 0.5, -0.5, p - 0.5);
        ScottPlot.Panels.ColorBar colorBar = plot.Add.ColorBar(heatmap, Edge.Right);
        colorBar.Label = valueLabel;

        double[] positions = Enumerable.Range(0, p).Select(j => (double)j).ToArray();
        string[] labels = [.. names];
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(positions, labels);
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            positions.Select(y => p - 1 - y).ToArray(), labels);
        if (names.Any(n => n.Length > 3))
        {
            // Long names slanted; the axis panel is sized for the longest one, which ScottPlot does not do for rotated
            // labels by itself (with no font on the machine the measure is 0 and nothing changes).
            plot.Axes.Bottom.TickLabelStyle.Rotation = 45;
            plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleLeft;
            using Paint paint = Paint.NewDisposablePaint();
            float widest = names.Max(n => plot.Axes.Bottom.TickLabelStyle.Measure(n, paint).Size.Width);
            plot.Axes.Bottom.MinimumSize = (widest * 0.75f) + 20;
        }
        plot.Axes.SetLimits(-0.5, p - 0.5, -0.5, p - 0.5);
        plot.Grid.IsVisible = false;
        plot.Title("Dependence matrix");
        return plot;
    }
}
