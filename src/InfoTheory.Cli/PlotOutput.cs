using System.CommandLine;
using InfoTheory.Plotting;
using ScottPlot;

namespace InfoTheory.Cli;

/// <summary>
/// The --plot option shared by the commands that draw a figure: the path is checked before any work (extension .png or
/// .svg, an existing folder), the figure is written after it, and where it went is said on standard error.
/// </summary>
internal static class PlotOutput
{
    public static Option<string?> Create(string figure) => new("--plot")
    {
        Description = $"Also draw {figure} to this file (.png or .svg, {Figures.DefaultWidth}×{Figures.DefaultHeight} pixels).",
    };

    /// <summary>Rejects a path the figure could not be saved to, so that a long run does not end in an error.</summary>
    public static void Check(string? path)
    {
        if (path is null)
        {
            return;
        }

        string extension = Path.GetExtension(path);
        if (!extension.Equals(".png", StringComparison.OrdinalIgnoreCase) && !extension.Equals(".svg", StringComparison.OrdinalIgnoreCase))
        {
            throw new CliException($"--plot '{path}': the figure is written as .png or .svg, chosen by the extension");
        }

        string? folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null && !Directory.Exists(folder))
        {
            throw new CliException($"--plot '{path}': the folder '{folder}' does not exist");
        }
    }

    public static void Write(Plot plot, string path)
    {
        Figures.Save(plot, path);
        Console.Error.WriteLine($"plot written to {path}");
    }
}
