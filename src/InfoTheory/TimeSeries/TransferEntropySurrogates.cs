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

    /// <summary>
    /// Local permutation (Runge 2018, "Conditional independence testing based on a nearest-neighbor estimator of
    /// conditional mutual information", AISTATS): each row's source past is replaced by that of a row whose condition
    /// (the target's past and any conditional variable) is among its <see cref="TransferEntropy.LocalPermutationNeighbors"/>
    /// nearest (maximum norm, the row itself included), drawing without repeats where the neighbourhood allows. It keeps
    /// the dependence of the source on the condition and breaks only what the source adds beyond it — the null of
    /// conditional independence itself. Permuting the whole source instead also destroys its relation to the target's
    /// past, which biases k-NN estimators differently on the data and on the surrogates and can reject a true null.
    /// Neighbours are searched over the rows of all trials together.
    /// </summary>
    LocalPermutation,

    /// <summary>
    /// Trial shuffling (IDTxl's permutation of replications; Wollstadt et al. 2019, JOSS 4(34), 1081): with R ≥ 2 trials
    /// of equal length, the source's past of trial r is paired with the target (and any conditional variable) of trial
    /// π(r), π a random derangement of the trials (no trial keeps its own source). Every trial's source and target stay
    /// intact in time, so both autocorrelations are kept exactly; only the pairing across the trials is broken, which is
    /// the null of no coupling for independent replications. A test draws B distinct derangements, so B may not exceed
    /// the number of derangements of R trials (1 for 2 trials, 2 for 3, 9 for 4, 44 for 5, 265 for 6, …).
    /// </summary>
    TrialShuffle,
}
