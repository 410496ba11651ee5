using InfoTheory.Continuous;

namespace InfoTheory.TimeSeries;

/// <summary>
/// The embedded variables of a transfer entropy, paired by row (one row per usable time step t of every trial):
/// the target's present Y_t, its past Y_{t−1}⁽ᵏ⁾, the source's past X_{t−u}⁽ˡ⁾ and, for a conditional transfer
/// entropy, the conditional variable's past Z_{t−u}⁽ˡ⁾.
/// </summary>
/// <param name="Present">Y_t: one row per time step, the target's columns.</param>
/// <param name="TargetPast">(Y_{t−1}, Y_{t−1−τ_Y}, …): k blocks of the target's columns.</param>
/// <param name="SourcePast">(X_{t−u}, X_{t−u−τ_X}, …): l blocks of the source's columns.</param>
/// <param name="ConditionalPast">The conditional variable embedded like the source, or null.</param>
/// <remarks>
/// T(X → Y | Z) = I(<paramref name="Present"/> ; <paramref name="SourcePast"/> | <paramref name="TargetPast"/>,
/// <paramref name="ConditionalPast"/>), so any conditional mutual information estimator can be applied to these
/// matrices directly, e.g. to compare it with <see cref="TransferEntropy"/> or to build surrogate tests.
/// </remarks>
public sealed record TransferEntropySample(SampleMatrix Present, SampleMatrix TargetPast, SampleMatrix SourcePast, SampleMatrix? ConditionalPast)
{
    /// <summary>The conditioning variable of the transfer entropy: the target's past, joined by the conditional past if any.</summary>
    public SampleMatrix Condition => ConditionalPast is null ? TargetPast : SampleMatrix.ConcatenateColumns(TargetPast, ConditionalPast);
}
