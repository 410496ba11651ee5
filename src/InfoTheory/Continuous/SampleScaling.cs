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
    /// <summary>
    /// The data are used as given. Only where their magnitudes lie outside [2⁻⁴⁰⁰, 2⁴⁰⁰] (so that squared distances could
    /// overflow or underflow) are all columns of an estimate multiplied by one power of two, which is exact and changes no
    /// neighbour relation or distance ratio; entropy estimates add the d·ln 2 terms back.
    /// </summary>
    None,

    /// <summary>
    /// Each column is centred on its mean and divided by its sample standard deviation (divisor n − 1). A constant column
    /// (standard deviation 0) is centred only, so it becomes all zeros. Makes the estimate invariant (up to rounding)
    /// under x ↦ a·x + b per column, a ≠ 0, over the whole double range: the mean and standard deviation of a column whose
    /// magnitudes lie outside [2⁻⁴⁰⁰, 2⁴⁰⁰] are computed on the column times a power of two (exact), so data of 1e300 or
    /// 1e-300 standardise to the same values, within rounding, as the data in ordinary units.
    /// </summary>
    Standardize,

    /// <summary>
    /// Each column is replaced by its normal scores Φ⁻¹(rank / (n + 1)) (<see cref="Continuous.NormalScores"/>), the
    /// copula transform: the estimate then depends only on the ranks, so it is exactly invariant under any strictly
    /// increasing map of a column, and heavy tails or skewed margins no longer bias it. Ties keep equal scores.
    /// Not valid for entropy or divergence estimates, which the transform changes. The scores lie on a fixed grid, so
    /// many distances between them tie exactly; with <see cref="TieHandling.Jitter"/> those ties are broken by the seeded
    /// jitter, which is keyed by each column's values in row order, so permuting the rows or reflecting a column can move
    /// the estimate by a few 10⁻⁴ nats (at n = 400); with <see cref="TieHandling.None"/> the ties are counted exactly and
    /// the estimate is invariant under both up to rounding.
    /// </summary>
    NormalScores,
}
