namespace InfoTheory.Statistics;

/// <summary>
/// A bootstrap percentile confidence interval: the estimate on the data, the interval bounds, and the
/// bootstrap replicates they were read from.
/// </summary>
/// <remarks>Produced by <see cref="Bootstrap"/>; immutable.</remarks>
public sealed record BootstrapInterval
{
    internal BootstrapInterval(Information estimate, Information lower, Information upper, double confidence, Information standardError, double[] replicates)
    {
        Estimate = estimate;
        Lower = lower;
        Upper = upper;
        Confidence = confidence;
        StandardError = standardError;
        Replicates = replicates;
    }

    /// <summary>The estimate on the data as given.</summary>
    public Information Estimate { get; }

    /// <summary>The lower bound: the (1 − <see cref="Confidence"/>)/2 quantile of the replicates. NaN if any replicate is NaN.</summary>
    public Information Lower { get; }

    /// <summary>The upper bound: the (1 + <see cref="Confidence"/>)/2 quantile of the replicates. NaN if any replicate is NaN.</summary>
    public Information Upper { get; }

    /// <summary>The nominal coverage of the interval, in (0, 1), e.g. 0.95.</summary>
    public double Confidence { get; }

    /// <summary>
    /// The bootstrap standard error: the standard deviation of the replicates, √(Σ (θ*_b − θ̄*)² / (B − 1))
    /// (Efron &amp; Tibshirani 1993, §6.2). NaN when B = 1.
    /// </summary>
    public Information StandardError { get; }

    /// <summary>The number of bootstrap resamples B.</summary>
    public int Resamples => Replicates.Length;

    /// <summary>
    /// The estimate on each resample, <b>in nats</b>, indexed by resample number (not sorted); one value per resample.
    /// </summary>
    public ReadOnlyMemory<double> Replicates { get; }
}
