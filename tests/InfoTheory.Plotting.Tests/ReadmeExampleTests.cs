using InfoTheory.RateDistortion;

namespace InfoTheory.Plotting.Tests;

/// <summary>The package README's example, compiled and run, so the documented calls keep working.</summary>
public sealed class ReadmeExampleTests
{
    [Fact]
    public void PackageReadme_RateDistortionFigure_IsSaved()
    {
        string path = Path.Combine(Directory.CreateTempSubdirectory("infotheory-readme-").FullName, "rd.png");
        try
        {
            var curve = new BlahutArimoto().Curve([0.7, 0.3], DistortionMatrix.Hamming(2), [0.5, 1, 2, 3, 4, 6]);
            using ScottPlot.Plot plot = Figures.RateDistortionCurve(curve, distortionLabel: "Hamming distortion D");
            plot.Title("R(D) of a Bernoulli(0.3) source");
            Figures.Save(plot, path, 800, 600);
            using SkiaSharp.SKBitmap bitmap = SkiaSharp.SKBitmap.Decode(path);
            Assert.Equal((800, 600), (bitmap.Width, bitmap.Height));
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
        }
    }
}
