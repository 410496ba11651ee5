using System.Globalization;
using InfoTheory.Plotting.Internal;
using ScottPlot;

namespace InfoTheory.Plotting;

/// <summary>
/// Figures of information-theoretic results on ScottPlot 5: the information plane, information-bottleneck and
/// rate-distortion curves, the complexity-entropy plane, estimator bias against sample size and dependence-matrix
/// heatmaps. Each method returns a new <see cref="Plot"/> that the caller may restyle (titles, axis limits, fonts,
/// colours, more plottables) before saving it with <see cref="Save"/> or any of ScottPlot's own methods.
/// </summary>
/// <remarks>
/// <para>
/// Rendering is headless (SkiaSharp, no window or display needed). Text is drawn with the machine's TrueType fonts; on a
/// machine with none (a bare container), the figure still renders, without its text: install a font package (for
/// example fonts-dejavu-core on Debian and Ubuntu) for labels.
/// </para>
/// <para>
/// Every argument is checked before anything is drawn; nothing passed in is modified. A returned <see cref="Plot"/>
/// holds native drawing resources and is <see cref="IDisposable"/>: dispose it once it has been saved.
/// </para>
/// </remarks>
public static partial class Figures
{
    /// <summary>The default width of a saved figure, in pixels.</summary>
    public const int DefaultWidth = 800;

    /// <summary>The default height of a saved figure, in pixels.</summary>
    public const int DefaultHeight = 600;

    /// <summary>Renders <paramref name="plot"/> and writes it as PNG or SVG, the format chosen by the file's extension.</summary>
    /// <param name="plot">The figure.</param>
    /// <param name="path">The file to write: ending in .png or .svg (any case). An existing file is replaced.</param>
    /// <param name="width">The width in pixels, at least 1.</param>
    /// <param name="height">The height in pixels, at least 1.</param>
    /// <exception cref="ArgumentNullException"><paramref name="plot"/> or <paramref name="path"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty or ends in neither .png nor .svg.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="width"/> or <paramref name="height"/> is below 1.</exception>
    /// <exception cref="IOException">The file cannot be written (for example, its folder does not exist).</exception>
    public static void Save(Plot plot, string path, int width = DefaultWidth, int height = DefaultHeight)
    {
        ArgumentNullException.ThrowIfNull(plot);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        PlotChecks.Size(width, height);
        string extension = Path.GetExtension(path);
        bool svg = extension.Equals(".svg", StringComparison.OrdinalIgnoreCase);
        if (!svg && !extension.Equals(".png", StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"path '{path}' ends in '{extension}'; a figure is saved as .png or .svg."), nameof(path));
        }

        string? folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null && !Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"cannot save the figure to '{path}': the folder '{folder}' does not exist.");
        }

        if (svg)
        {
            File.WriteAllText(path, plot.GetSvgXml(width, height));
        }
        else
        {
            File.WriteAllBytes(path, plot.GetImageBytes(width, height, ImageFormat.Png));
        }
    }

    /// <summary>The default colormap of the figures that colour by a value: viridis (perceptually uniform, colour-blind safe).</summary>
    private static IColormap DefaultColormap => new ScottPlot.Colormaps.Viridis();

    /// <summary>A categorical colour for the i-th line (layer, estimator).</summary>
    private static Color LineColor(int i) => new ScottPlot.Palettes.Category10().GetColor(i);
}
