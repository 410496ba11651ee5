namespace InfoTheory.Statistics;

/// <summary>
/// The outcome of the likelihood-ratio (G) test of independence: the plug-in mutual information,
/// the statistic G = 2N·Î, its χ² degrees of freedom and the asymptotic p-value.
/// </summary>
/// <remarks>Produced by <see cref="ChiSquaredTest"/>; immutable.</remarks>
public sealed record ChiSquaredTestResult
{
    internal ChiSquaredTestResult(Information estimate, double statistic, long degreesOfFreedom, double pValue)
    {
        Estimate = estimate;
        Statistic = statistic;
        DegreesOfFreedom = degreesOfFreedom;
        PValue = pValue;
    }

    /// <summary>The plug-in mutual information Î(X;Y) of the samples, as estimated (not clipped).</summary>
    public Information Estimate { get; }

    /// <summary>
    /// The G statistic 2N·Î with Î in nats (dimensionless), which equals 2 Σ O ln(O/E) over the contingency table
    /// (observed counts O, expected counts E under independence). Taken as 0 when rounding leaves Î a few ulps below 0.
    /// </summary>
    public double Statistic { get; }

    /// <summary>The degrees of freedom (|X| − 1)(|Y| − 1), with the observed alphabet sizes.</summary>
    public long DegreesOfFreedom { get; }

    /// <summary>
    /// The asymptotic p-value P(χ²_df ≥ G), in [0, 1]; 1 when there are no degrees of freedom (one variable is constant).
    /// Small p-values are computed as an upper tail (no cancellation), so values far below 10⁻¹⁶ are resolved.
    /// </summary>
    public double PValue { get; }
}
