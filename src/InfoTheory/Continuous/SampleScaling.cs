namespace InfoTheory.Continuous;

/// <summary>
/// How the k-nearest-neighbour estimators rescale each column before the neighbour search. The caller's data are never
/// modified: the estimators work on a scaled copy.
/// </summary>
/// <remarks>
/// <para>
/// Mutual information, conditional MI and total correlation are invariant under any invertible map of each column, but
/// a k-NN estimate is not: it measures distances, so a column in larger units dominates the maximum norm and decides
/// which points are neighbours. Rescaling gives every column the same weight. Differential entropy is not invariant
/// (h(aX) = h(X) + ln|a|); the entropy estimator accepts <see cref="Standardize"/> only and adds Σ ln sⱼ back.
/// </para>
/// <para>
/// Peer libraries differ: JIDT standardises (centre, divide by the sample standard deviation) by default; scikit-learn's
/// <c>mutual_info_regression</c> divides by the standard deviation without centring. Centring does not move any
/// distance, but it keeps the values small relative to their spread, so that rounding (and the tie-breaking jitter of
/// <see cref="TieHandling.Jitter"/>) acts at the scale of the data rather than at the scale of its offset.
/// </para>
/// </remarks>
public enum SampleScaling
{
    /// <summary>The data are used as given.</summary>
    None,

    /// <summary>
    /// Each column is centred on its mean and divided by its sample standard deviation (divisor n − 1). A constant column
    /// (standard deviation 0) is centred only, so it becomes all zeros. Makes the estimate invariant (up to rounding)
    /// under x ↦ a·x + b per column, a ≠ 0.
    /// </summary>
    Standardize,

    /// <summary>
    /// Each column is replaced by its normal scores Φ⁻¹(rank / (n + 1)) (<see cref="Continuous.NormalScores"/>), the
    /// copula transform: the estimate then depends only on the ranks, so it is exactly invariant under any strictly
    /// increasing map of a column, and heavy tails or skewed margins no longer bias it. Ties keep equal scores.
    /// Not valid for entropy or divergence estimates, which the transform changes.
    /// </summary>
    NormalScores,
}
