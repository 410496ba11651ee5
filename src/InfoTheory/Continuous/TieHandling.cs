namespace InfoTheory.Continuous;

/// <summary>How the k-nearest-neighbour estimators treat repeated values (duplicate points, discrete-valued columns).</summary>
/// <remarks>
/// <para>
/// The k-NN estimators assume continuous data, where two samples coincide with probability 0. Real data repeat values
/// (rounding, counts, categories, a constant column), and then neighbour distances tie or vanish: counts with a strict
/// "&lt; ε" and an inclusive "≤ ε" disagree, a k-th neighbour distance of 0 puts ln 0 into an entropy, and the result
/// depends on arbitrary choices. scikit-learn issue 30772 shows the failure: a constant feature was reported to carry
/// 0.21 nats about a label, more with more data, because its tie-breaking noise was below the resolution of its values.
/// </para>
/// <para>
/// <see cref="Jitter"/> breaks ties on purpose and reproducibly; <see cref="None"/> keeps the data exact, for continuous
/// data and for estimators that treat ties themselves (<see cref="MixedKsgMutualInformation"/> does by design).
/// </para>
/// </remarks>
public enum TieHandling
{
    /// <summary>
    /// No change: ties are counted exactly as the formulas say (points at exactly the radius are in or out according to
    /// each estimator's strict or inclusive count, and a zero distance enters the logarithms as 0).
    /// </summary>
    None,

    /// <summary>
    /// After scaling, each column is centred on its mean and gets independent uniform noise on [−a, a] with
    /// a = 10⁻¹⁰ × the column's standard deviation (10⁻¹⁰ for a constant column). The noise is seeded: it depends on the
    /// estimator's seed and on the column's values only, so the same data and seed give the same bits, whatever the
    /// order in which the variables are passed or the degree of parallelism. Centring first keeps the noise far above
    /// the rounding resolution of the values. The noise is far below any real distance, so continuous data are
    /// unaffected except where they tie, and a discrete column behaves like a label: for mutual information the
    /// estimate tends to the mixed discrete-continuous estimate of <see cref="RossMutualInformation"/>.
    /// </summary>
    Jitter,
}
