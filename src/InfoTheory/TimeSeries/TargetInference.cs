namespace InfoTheory.TimeSeries;

/// <summary>The result of <see cref="NetworkInference.InferTarget(IReadOnlyList{Continuous.SampleMatrix}, int, NetworkInferenceSettings)"/> for one target process.</summary>
/// <param name="Target">The target's column index.</param>
/// <param name="TargetPast">The target's own past variables that were selected, in the order they were selected.</param>
/// <param name="Sources">
/// The significant source variables (other processes' past values), strongest first. Empty when none was selected,
/// when the omnibus test failed, or (in a network) when the target did not survive the false-discovery-rate correction.
/// </param>
/// <param name="TransferEntropy">
/// The collective (multivariate) transfer entropy I(Y_t ; all selected sources | selected target past) of the omnibus
/// test; zero when no source was selected.
/// </param>
/// <param name="OmnibusPValue">The p-value of the omnibus test; 1 when no source was selected.</param>
/// <param name="Significant">Whether the omnibus test (and, in a network, the FDR correction) accepted the sources.</param>
public sealed record TargetInference(int Target, IReadOnlyList<InferredSource> TargetPast, IReadOnlyList<InferredSource> Sources,
    Information TransferEntropy, double OmnibusPValue, bool Significant);
