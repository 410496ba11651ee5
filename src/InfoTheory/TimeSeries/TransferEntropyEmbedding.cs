using InfoTheory.TimeSeries.Internal;

namespace InfoTheory.TimeSeries;

/// <summary>
/// The embedding settings every transfer-entropy estimator shares (<see cref="TransferEntropy"/>,
/// <see cref="DiscreteTransferEntropy"/>): the target's past Y_{t−1}⁽ᵏ⁾ = (Y_{t−1}, Y_{t−1−τ_Y}, …) and the source's
/// past X_{t−u}⁽ˡ⁾ = (X_{t−u}, X_{t−u−τ_X}, …), all defaults 1 (T = I(Y_t ; X_{t−1} | Y_{t−1})).
/// </summary>
public abstract class TransferEntropyEmbedding
{
    private protected TransferEntropyEmbedding()
    {
    }

    /// <summary>k, the number of past target values conditioned on; at least 1, default 1.</summary>
    public int TargetHistory { get; init => field = TimeSeriesChecks.History(value, nameof(TargetHistory)); } = 1;

    /// <summary>τ_Y, the spacing of the target's past values in time steps; at least 1, default 1.</summary>
    public int TargetDelay { get; init => field = TimeSeriesChecks.Delay(value, nameof(TargetDelay)); } = 1;

    /// <summary>l, the number of past source (and conditional) values; at least 1, default 1.</summary>
    public int SourceHistory { get; init => field = TimeSeriesChecks.History(value, nameof(SourceHistory)); } = 1;

    /// <summary>τ_X, the spacing of the source's past values in time steps; at least 1, default 1.</summary>
    public int SourceDelay { get; init => field = TimeSeriesChecks.Delay(value, nameof(SourceDelay)); } = 1;

    /// <summary>u, the source-target delay (Wibral et al. 2013): the newest source value used is X_{t−u}; at least 1, default 1.</summary>
    public int Lag { get; init => field = TimeSeriesChecks.Delay(value, nameof(Lag)); } = 1;

    /// <summary>
    /// The first time index t with a complete embedding: a series of n steps yields n − <see cref="FirstTime"/> rows,
    /// and local value i belongs to time <see cref="FirstTime"/> + i.
    /// </summary>
    public int FirstTime => Layout.Start;

    private protected TransferLayout Layout => new(TargetHistory, TargetDelay, SourceHistory, SourceDelay, Lag);
}
