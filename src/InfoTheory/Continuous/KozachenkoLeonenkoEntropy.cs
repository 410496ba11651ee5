using InfoTheory.Continuous.Internal;

namespace InfoTheory.Continuous;

/// <summary>
/// The Kozachenko-Leonenko k-nearest-neighbour estimate of differential entropy:
/// ĥ = ψ(n) − ψ(k) + ln c_d + (d/n) Σᵢ ln εᵢ, with εᵢ the distance from sample i to its k-th nearest other sample and
/// c_d the volume of the unit-radius ball of the metric in d dimensions.
/// </summary>
/// <remarks>
/// <para>
/// Conventions: εᵢ is the distance (the radius of the ball around sample i that reaches its k-th neighbour), not twice
/// it, and c_d is the volume of the ball of radius 1: 2^d for <see cref="NeighborMetric.Maximum"/> (the cube [−1, 1]^d),
/// π^{d/2} / Γ(d/2 + 1) for <see cref="NeighborMetric.Euclidean"/>. Kraskov, Stögbauer &amp; Grassberger (2004, eq. 20)
/// write the same estimate with twice the distance and the ball of unit diameter. References: Kozachenko &amp; Leonenko
/// (1987), "Sample estimate of the entropy of a random vector", Probl. Inf. Transm. 23; k &gt; 1 and the digamma form as
/// in Kraskov et al. (2004), "Estimating mutual information", Phys. Rev. E 69, 066138.
/// </para>
/// <para>
/// Accuracy: consistent for any fixed k; the bias comes from the density varying across each neighbourhood and grows
/// quickly with d (boundaries and tails matter most), the standard deviation is about σ/√n with σ² the variance of
/// ln p(X). Measured on standard normals with k = 3 at n = 5000–10⁴: errors between −0.03 (d = 3) and +0.02 (d = 1)
/// nats. The estimate is in nats and can be negative (differential entropy is).
/// </para>
/// <para>
/// Data: the entropy is not invariant under rescaling (h(aX) = h(X) + ln|a|), so the data are used as given by
/// default. <see cref="NearestNeighborEstimator.Scaling"/> = <see cref="SampleScaling.Standardize"/> runs the search on standardised columns and adds
/// Σⱼ ln sⱼ back, which still estimates h of the original data but weighs the columns equally in the distance.
/// Ties: with <see cref="TieHandling.None"/> (the default) a sample with k or more exact duplicates has εᵢ = 0 and the
/// estimate is −∞, which is the differential entropy of a distribution with atoms; <see cref="TieHandling.Jitter"/> makes
/// it finite but then it reflects the jitter amplitude, not the data. Nothing the caller passes is modified.
/// </para>
/// <para>
/// Needs n ≥ k + 1 samples. Cost: one k-nearest-neighbour query per sample (a k-d tree gives about O(n log n) in low
/// dimension, brute force O(n² d)), O(n d + min(n k, 2²⁴)) memory (neighbour lists are read in blocks, so n k may exceed an array). Immutable and thread-safe; the result does not depend on
/// <see cref="NearestNeighborEstimator.MaxDegreeOfParallelism"/>.
/// </para>
/// </remarks>
public sealed class KozachenkoLeonenkoEntropy() : NearestNeighborEstimator(SampleScaling.None, TieHandling.None, normalScoresAllowed: false), IMultivariateEntropyEstimator, IEntropyEstimator<double>
{
    /// <summary>The distance (default <see cref="NeighborMetric.Euclidean"/>, the norm of Kozachenko &amp; Leonenko).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined metric.</exception>
    public NeighborMetric Metric { get; init => field = KnnChecks.Metric(value); } = NeighborMetric.Euclidean;

    /// <inheritdoc />
    /// <returns>The estimate in nats; −∞ when some εᵢ is 0 (see the remarks on ties).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="samples"/> is null.</exception>
    /// <exception cref="ArgumentException">Fewer than <see cref="NearestNeighborEstimator.K"/> + 1 rows.</exception>
    public Information Estimate(SampleMatrix samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        KnnChecks.EnoughSamples(samples.Rows, K, nameof(samples));
        int n = samples.Rows, d = samples.Columns;
        SampleMatrix prepared = KnnSamples.Prepare(samples, Scaling, Ties, Seed, out double logScale);
        double[] radii = NeighborStatistics.KthDistances(prepared, Metric, K, SearchMethod, MaxDegreeOfParallelism);
        var psi = new DigammaTable(n);
        double h = psi[n] - psi[K] + NeighborStatistics.LogUnitBallVolume(d, Metric) + (d * NeighborStatistics.SumOfLogs(radii) / n);
        return Information.FromNats(h + logScale);
    }

    /// <summary>Estimates the differential entropy of a one-dimensional variable (both metrics are |x − y| there).</summary>
    /// <param name="samples">At least <see cref="NearestNeighborEstimator.K"/> + 1 finite values.</param>
    /// <returns>The estimate in nats.</returns>
    /// <exception cref="ArgumentException">Too few samples, or a NaN or ±∞.</exception>
    public Information Estimate(ReadOnlySpan<double> samples) => Estimate(SampleMatrix.FromRowMajor(samples, 1, nameof(samples)));
}
