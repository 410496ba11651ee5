using System.Xml.Linq;
using InfoTheory.RateDistortion;
using ScottPlot;
using SkiaSharp;

namespace InfoTheory.Plotting.Tests;

public sealed class SaveTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("infotheory-plot-").FullName;

    private static Plot Figure() =>
        Figures.RateDistortionCurve(new BlahutArimoto().Curve([0.7, 0.3], DistortionMatrix.Hamming(2), [1, 2, 4]));

    [Fact]
    public void Save_Png_WritesADecodableImageOfTheGivenSize()
    {
        string path = Path.Combine(_folder, "rd.PNG");
        Figures.Save(Figure(), path, 300, 200);
        byte[] bytes = File.ReadAllBytes(path);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes[..4]);
        using SKBitmap bitmap = SKBitmap.Decode(bytes);
        Assert.Equal(300, bitmap.Width);
        Assert.Equal(200, bitmap.Height);
    }

    [Fact]
    public void Save_Svg_WritesXmlWithTheFigure()
    {
        string path = Path.Combine(_folder, "rd.svg");
        Figures.Save(Figure(), path, 300, 200);
        XDocument svg = XDocument.Load(path);
        XNamespace ns = "http://www.w3.org/2000/svg";
        Assert.Equal(ns + "svg", svg.Root!.Name);
        Assert.Equal("300", svg.Root.Attribute("width")!.Value);
        Assert.Equal("200", svg.Root.Attribute("height")!.Value);

        // The curve, axes and markers are drawn as paths.
        Assert.True(svg.Descendants(ns + "path").Count() > 5);
    }

    [Fact]
    public void Save_BadArguments_Throw()
    {
        Plot plot = Figure();
        ArgumentException e = Assert.Throws<ArgumentException>(() => Figures.Save(plot, Path.Combine(_folder, "rd.jpg")));
        Assert.Equal("path", e.ParamName);
        Assert.Contains(".png or .svg", e.Message, StringComparison.Ordinal);
        Assert.Equal("path", Assert.Throws<ArgumentException>(() => Figures.Save(plot, Path.Combine(_folder, "rd"))).ParamName);
        Assert.Equal("path", Assert.Throws<ArgumentException>(() => Figures.Save(plot, " ")).ParamName);
        Assert.Equal("plot", Assert.Throws<ArgumentNullException>(() => Figures.Save(null!, "x.png")).ParamName);
        Assert.Equal("width", Assert.Throws<ArgumentOutOfRangeException>(() => Figures.Save(plot, "x.png", 0, 10)).ParamName);
        Assert.Equal("height", Assert.Throws<ArgumentOutOfRangeException>(() => Figures.Save(plot, "x.png", 10, -1)).ParamName);
        Assert.Throws<DirectoryNotFoundException>(() => Figures.Save(plot, Path.Combine(_folder, "missing", "rd.png")));
        Assert.False(File.Exists("x.png"));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
