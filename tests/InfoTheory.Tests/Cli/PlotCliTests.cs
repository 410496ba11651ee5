using System.Buffers.Binary;

namespace InfoTheory.Tests.Cli;

/// <summary>The --plot option of the command line: a figure file written after the report, its path checked first.</summary>
public sealed class PlotCliTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("infotheory-plot-cli-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Validate_Plot_WritesTheBiasFigureAsPng()
    {
        string path = Path.Combine(_directory, "bias.png");
        (int code, string output, string error) = CliProcess.Run(
            "validate", "--n", "200", "400", "--tasks", "normal-1x1-rho0.6", "--estimators", "gaussian,ksg", "--format", "csv", "--plot", path);
        Assert.True(code == 0, error);
        Assert.Equal(5, output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length); // the report is unchanged
        Assert.Contains($"plot written to {path}", error, StringComparison.Ordinal);

        // A PNG: its signature, then the IHDR chunk with the width and height (big-endian) at bytes 16 and 20.
        byte[] png = File.ReadAllBytes(path);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A], png[..8]);
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(png, 12, 4));
        Assert.Equal(800, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)));
        Assert.Equal(600, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));
    }

    [Fact]
    public void Validate_Plot_Svg_WritesXml()
    {
        string path = Path.Combine(_directory, "bias.svg");
        (int code, _, string error) = CliProcess.Run("validate", "--n", "200", "--tasks", "normal-1x1-rho0.6", "--estimators", "gaussian", "--plot", path);
        Assert.True(code == 0, error);
        Assert.Equal("svg", System.Xml.Linq.XDocument.Load(path).Root!.Name.LocalName);
    }

    [Fact]
    public void Validate_Plot_BadPath_FailsBeforeTheRun()
    {
        (int code, string output, string error) = CliProcess.Run("validate", "--n", "200", "--plot", Path.Combine(_directory, "bias.jpg"));
        Assert.Equal(2, code);
        Assert.Contains("written as .png or .svg", error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, output);

        (code, _, error) = CliProcess.Run("validate", "--n", "200", "--plot", Path.Combine(_directory, "no", "such", "bias.png"));
        Assert.Equal(2, code);
        Assert.Contains("does not exist", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Matrix_Plot_WritesTheHeatmap_AndABadPathFailsBeforeReading()
    {
        string csv = Path.Combine(_directory, "data.csv");
        File.WriteAllText(csv, "a,b,c\n" + string.Concat(Enumerable.Range(0, 40).Select(i => $"{i % 4},{i % 4},{i % 3}\n")));
        string path = Path.Combine(_directory, "matrix.svg");
        (int code, string output, string error) = CliProcess.Run("matrix", csv, "--plot", path);
        Assert.True(code == 0, error);
        Assert.Contains("estimator plugin", output, StringComparison.Ordinal);
        Assert.Contains($"plot written to {path}", error, StringComparison.Ordinal);
        var svg = System.Xml.Linq.XDocument.Load(path);
        Assert.Equal("svg", svg.Root!.Name.LocalName);

        // A column and a monotone function of it: the copula MI of the pair is +∞, a cell the heatmap leaves blank.
        File.WriteAllText(csv, "u,twice,v\n" + string.Concat(Enumerable.Range(0, 40).Select(i => System.FormattableString.Invariant($"{i * 0.37 % 1:R},{2 * (i * 0.37 % 1):R},{i * 0.61 % 1:R}\n"))));
        string png = Path.Combine(_directory, "matrix.png");
        (code, output, error) = CliProcess.Run("matrix", csv, "--plot", png, "--format", "csv");
        Assert.True(code == 0, error);
        Assert.Contains("estimator copula", error, StringComparison.Ordinal);
        Assert.Contains("inf", output, StringComparison.Ordinal);
        Assert.True(new FileInfo(png).Length > 0);

        // The path is checked before the file is read: a missing data file is not what the error is about.
        (code, output, error) = CliProcess.Run("matrix", Path.Combine(_directory, "missing.csv"), "--plot", Path.Combine(_directory, "m.gif"));
        Assert.Equal(2, code);
        Assert.Contains("written as .png or .svg", error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, output);
    }
}
