using InfoTheory.TimeSeries.Internal;

namespace InfoTheory.TimeSeries;

/// <summary>
/// The embedding settings every directed-information estimator shares (<see cref="DirectedInformation"/>,
/// <see cref="DiscreteDirectedInformation"/>): the target's past Y_{t−1}⁽ᵏ⁾ = (Y_{t−1}, …, Y_{t−k}) and the source's
/// memory X_t⁽ˡ⁾ = (X_t, X_{t−1}, …, X_{t−l+1}), which includes the source's present. Both defaults are 1:
/// I(Y_t ; X_t | Y_{t−1}).
/// </summary>
public abstract class DirectedInformationEmbedding
{
    private protected DirectedInformationEmbedding()
    {
    }

    /// <summary>k, the number of past target values conditioned on (Y_{t−1}, …, Y_{t−k}); at least 1, default 1.</summary>
    public int TargetHistory { get; init => field = TimeSeriesChecks.History(value, nameof(TargetHistory)); } = 1;

    /// <summary>
    /// l, the number of source values used, the present included (X_t, X_{t−1}, …, X_{t−l+1}); at least 1, default 1.
    /// </summary>
    public int SourceMemory { get; init => field = TimeSeriesChecks.History(value, nameof(SourceMemory)); } = 1;

    /// <summary>
    /// The first time index t with a complete embedding, max(k, l − 1): a series of n steps yields n − <see cref="FirstTime"/> rows.
    /// </summary>
    public int FirstTime => Layout.Start;

    private protected DirectedLayout Layout => new(TargetHistory, SourceMemory);
}
