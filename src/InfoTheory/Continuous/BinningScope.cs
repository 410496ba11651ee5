namespace InfoTheory.Continuous;

/// <summary>Which values of a <see cref="SampleMatrix"/> a <see cref="Binning"/> fits one set of bin edges to.</summary>
public enum BinningScope
{
    /// <summary>
    /// One set of edges fitted to all values of the matrix, shared by every column: the layer-wide bins of the
    /// information-plane papers, where all units of a layer are binned alike (Shwartz-Ziv &amp; Tishby 2017;
    /// Chelombiev, Houghton &amp; O'Donnell 2019). Suits columns on a common scale.
    /// </summary>
    Pooled,

    /// <summary>Edges fitted to each column on its own: suits columns on different scales (features in different units).</summary>
    PerColumn,
}
