namespace InfoTheory.Statistics;

/// <summary>
/// The outcome of a likelihood-ratio test whose statistic is 2N·Î: the estimate, the statistic, its χ² degrees of
/// freedom and the asymptotic p-value.
/// </summary>
/// <remarks>
/// Produced by <see cref="ChiSquaredTest"/> (the G-test of a plug-in mutual information, df = (|X| − 1)(|Y| − 1)) and by
/// <see cref="TimeSeries.TransferEntropy.AnalyticTest(IReadOnlyList{Continuous.SampleMatrix}, IReadOnlyList{Continuous.SampleMatrix}, IReadOnlyList{Continuous.SampleMatrix})"/>
/// (the Gaussian transfer entropy, df = dim source past · dim target) and by
/// <see cref="TimeSeries.DiscreteTransferEntropy.AnalyticTest(ReadOnlySpan{int}, ReadOnlySpan{int}, ReadOnlySpan{int})"/>
/// (the plug-in discrete transfer entropy, df = (|Y| − 1)(|X⁻| − 1)|Y⁻|). Immutable.
/// </remarks>
public sealed record ChiSquaredTestResult
{
    internal ChiSquaredTestResult(Information estimate, double statistic, long degreesOfFreedom, double pValue)
    {
        Estimate = estimate;
        Statistic = statistic;
        DegreesOfFreedom = degreesOfFreedom;
        PValue = pValue;
    }

    /// <summary>The estimate Î (the plug-in mutual information, the Gaussian or the plug-in discrete transfer entropy), as estimated (not clipped).</summary>
    public Information Estimate { get; }

    /// <summary>
    /// The G statistic 2N·Î with Î in nats (dimensionless), which equals 2 Σ O ln(O/E) over the contingency table
    /// (observed counts O, expected counts E under independence). Taken as 0 when rounding leaves Î a few ulps below 0.
    /// </summary>
    public double Statistic { get; }

    /// <summary>The degrees of freedom: (|X| − 1)(|Y| − 1) with the observed alphabet sizes for the G-test; dim source past · dim target for a Gaussian transfer entropy; (|Y| − 1)(|X⁻| − 1)|Y⁻| with observed sizes for a discrete one.</summary>
    public long DegreesOfFreedom { get; }

    /// <summary>
    /// The asymptotic p-value P(χ²_df ≥ G), in [0, 1]; 1 when there are no degrees of freedom (one variable is constant).
    /// Small p-values are computed as an upper tail (no cancellation), so values far below 10⁻¹⁶ are resolved.
    /// </summary>
    public double PValue { get; }
}
