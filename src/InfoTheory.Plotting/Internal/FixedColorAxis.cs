using ScottPlot;

namespace InfoTheory.Plotting.Internal;

/// <summary>A colour axis over a fixed range, for a colorbar that explains colours drawn by hand (e.g. one per epoch).</summary>
internal sealed class FixedColorAxis(IColormap colormap, double min, double max) : IHasColorAxis
{
    public IColormap Colormap { get; } = colormap;

    public ScottPlot.Range GetRange() => new(min, max);
}
