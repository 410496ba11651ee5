using ScottPlot;
using SkiaSharp;

namespace InfoTheory.Plotting.Tests;

/// <summary>
/// A figure rendered to PNG bytes and decoded again, with the plot kept so that data coordinates can be turned into
/// pixels with the layout of that render.
/// </summary>
internal sealed class Rendered : IDisposable
{
    private Rendered(Plot plot, byte[] png, SKBitmap bitmap)
    {
        Plot = plot;
        Png = png;
        Bitmap = bitmap;
    }

    public Plot Plot { get; }

    public byte[] Png { get; }

    public SKBitmap Bitmap { get; }

    public static Rendered Of(Plot plot, int width = 640, int height = 480)
    {
        byte[] png = plot.GetImageBytes(width, height, ImageFormat.Png);
        SKBitmap bitmap = SKBitmap.Decode(png) ?? throw new InvalidOperationException("the PNG bytes did not decode");
        return new Rendered(plot, png, bitmap);
    }

    /// <summary>The colour of the pixel under a data coordinate (the layout of the last render).</summary>
    public SKColor At(double x, double y)
    {
        Pixel pixel = Plot.GetPixel(new Coordinates(x, y));
        return Bitmap.GetPixel((int)Math.Floor(pixel.X), (int)Math.Floor(pixel.Y));
    }

    /// <summary>How many distinct colours the image has (a blank image has one).</summary>
    public int DistinctColours()
    {
        var colours = new HashSet<uint>();
        for (int y = 0; y < Bitmap.Height; y++)
        {
            for (int x = 0; x < Bitmap.Width; x++)
            {
                colours.Add((uint)Bitmap.GetPixel(x, y));
            }
        }

        return colours.Count;
    }

    /// <summary>The number of pixels within <paramref name="tolerance"/> per channel of <paramref name="colour"/>.</summary>
    public int CountNear(Color colour, int tolerance = 8)
    {
        int count = 0;
        for (int y = 0; y < Bitmap.Height; y++)
        {
            for (int x = 0; x < Bitmap.Width; x++)
            {
                count += IsNear(Bitmap.GetPixel(x, y), colour, tolerance) ? 1 : 0;
            }
        }

        return count;
    }

    /// <summary>
    /// Whether a pixel shows <paramref name="expected"/>: the centre of a filled marker or cell is painted with the full
    /// colour, so only rounding of the colour's channels (a few units) separates them.
    /// </summary>
    public static bool IsNear(SKColor actual, Color expected, int tolerance = 8) =>
        Math.Abs(actual.Red - expected.R) <= tolerance
        && Math.Abs(actual.Green - expected.G) <= tolerance
        && Math.Abs(actual.Blue - expected.B) <= tolerance;

    public void Dispose()
    {
        Bitmap.Dispose();
        Plot.Dispose();
    }
}
