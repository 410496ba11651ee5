namespace InfoTheory.TimeSeries;

/// <summary>How the surrogates of a transfer-entropy significance test destroy the source-target coupling.</summary>
public enum TransferEntropySurrogates
{
    /// <summary>
    /// Shuffle the source's embedded past vectors among the time steps of their own trial (JIDT's default): keeps the
    /// distribution of the source past and everything about the target, breaks every temporal relation between them.
    /// </summary>
    PermuteSource,

    /// <summary>
    /// Shift the source's embedded past vectors cyclically within their trial by a random offset between a tenth and
    /// nine tenths of the trial's rows: also keeps the source's own autocorrelation (except at the one wrap), a more
    /// conservative null for strongly autocorrelated sources.
    /// </summary>
    CircularShift,
}
