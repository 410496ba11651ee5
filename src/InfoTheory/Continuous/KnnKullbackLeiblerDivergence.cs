using System.Globalization;
using InfoTheory.Continuous.Internal;
using InfoTheory.Internal;

namespace InfoTheory.Continuous;

/// <summary>
/// The Wang-Kulkarni-Verdú k-nearest-neighbour estimate of the Kullback-Leibler divergence between two continuous
/// distributions from a sample of each: D̂(P‖Q) = (d/n) Σᵢ ln(νₖ(i) / ρₖ(i)) + ln(m / (n − 1)), with n samples xᵢ of P,
/// m samples of Q, ρₖ(i) the distance from xᵢ to its k-th nearest other sample of P and νₖ(i) the distance from xᵢ to its
/// k-th nearest sample of Q. Also the matching cross-entropy estimate (<see cref="CrossEntropy"/>).
/// </summary>
/// <remarks>
/// <para>
/// Reference: Wang, Kulkarni &amp; Verdú (2009), "Divergence estimation for multidimensional densities via k-nearest-neighbor
/// distances", IEEE Trans. Inf. Theory 55(5), the estimator with the same k in both samples; consistent for any fixed k. The divergence is the
/// difference of two Kozachenko-Leonenko-type terms in which the ball volume and ψ(k) cancel, so any norm gives a
/// consistent estimate; the default is Euclidean as in the paper.
/// </para>
/// <para>
/// Edge cases: the estimate is in nats and can be slightly negative when P = Q; it is not clipped. Where Q has no mass
/// near the P sample, νₖ is large and the estimate grows (the true divergence may be +∞). With
/// <see cref="TieHandling.None"/> (the default) duplicates are exact: a P sample with k duplicates in P gives ρₖ = 0 and
/// +∞; one with k copies in Q gives νₖ = 0 and −∞; both at once give NaN. <see cref="TieHandling.Jitter"/> makes every
/// distance positive, but then those terms reflect the jitter amplitude, not the data.
/// </para>
/// <para>
/// Scaling: KL divergence is invariant under any invertible map applied to both samples, so
/// <see cref="SampleScaling.Standardize"/> (centre and scale of each column fitted on the P sample and applied to both)
/// changes only which points are neighbours, never what is estimated. <see cref="SampleScaling.NormalScores"/> is not
/// allowed (it is not one map for two samples). The default is <see cref="SampleScaling.None"/>.
/// </para>
/// <para>
/// Needs n ≥ k + 1 samples of P and m ≥ k of Q, of the same dimension. Cost: one k-nearest-neighbour query per P
/// sample into each of P and Q; O((n + m) d + min(n k, 2²⁴)) memory. Immutable and thread-safe; the result does not depend on
/// <see cref="NearestNeighborEstimator.MaxDegreeOfParallelism"/>. Nothing the caller passes is modified.
/// </para>
/// </remarks>
public sealed class KnnKullbackLeiblerDivergence() : NearestNeighborEstimator(SampleScaling.None, TieHandling.None, normalScoresAllowed: false), IMultivariateDivergenceEstimator, IDivergenceEstimator<double>
{
    /// <summary>The distance (default <see cref="NeighborMetric.Euclidean"/>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined metric.</exception>
    public NeighborMetric Metric { get; init => field = KnnChecks.Metric(value); } = NeighborMetric.Euclidean;

    /// <inheritdoc />
    /// <returns>The estimate in nats; ±∞ or NaN only with exact duplicates (see the remarks).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="p"/> or <paramref name="q"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// The column counts differ, <paramref name="p"/> has fewer than <see cref="NearestNeighborEstimator.K"/> + 1 rows, or <paramref name="q"/> fewer than <see cref="NearestNeighborEstimator.K"/>.
    /// </exception>
    public Information Estimate(SampleMatrix p, SampleMatrix q)
    {
        Validate(p, q);
        int n = p.Rows, m = q.Rows, d = p.Columns;
        (SampleMatrix pp, SampleMatrix pq) = KnnSamples.PrepareCommon(p, q, Scaling, Ties, Seed, out _);
        double[] rho = NeighborStatistics.KthDistances(pp, Metric, K, SearchMethod, MaxDegreeOfParallelism);
        double[] nu = NeighborStatistics.KthDistances(pq, pp, Metric, K, SearchMethod, MaxDegreeOfParallelism);
        double logRatio = NeighborStatistics.SumOfLogs(nu) - NeighborStatistics.SumOfLogs(rho);
        return Information.FromNats((d * logRatio / n) + Math.Log((double)m / (n - 1)));
    }

    /// <summary>Estimates D(P‖Q) for one-dimensional P and Q.</summary>
    /// <param name="p">The samples of P, at least <see cref="NearestNeighborEstimator.K"/> + 1.</param>
    /// <param name="q">The samples of Q, at least <see cref="NearestNeighborEstimator.K"/>.</param>
    /// <returns>The estimate in nats.</returns>
    /// <exception cref="ArgumentException">Too few samples, or a NaN or ±∞.</exception>
    public Information Estimate(ReadOnlySpan<double> p, ReadOnlySpan<double> q) =>
        Estimate(SampleMatrix.FromRowMajor(p, 1, nameof(p)), SampleMatrix.FromRowMajor(q, 1, nameof(q)));

    /// <summary>
    /// The k-nearest-neighbour estimate of the cross-entropy H(P, Q) = −E_P[ln q(X)]:
    /// Ĥ = ln m − ψ(k) + ln c_d + (d/n) Σᵢ ln νₖ(i), with c_d the volume of the unit-radius ball of <see cref="Metric"/>
    /// (2^d for the maximum norm, π^{d/2}/Γ(d/2 + 1) for the Euclidean norm).
    /// </summary>
    /// <param name="p">The samples of P (at least one row).</param>
    /// <param name="q">The samples of Q, at least <see cref="NearestNeighborEstimator.K"/> rows, as many columns as <paramref name="p"/>.</param>
    /// <returns>The estimate in nats (−∞ when some νₖ(i) = 0, with <see cref="TieHandling.None"/>).</returns>
    /// <remarks>
    /// Leonenko, Pronzato &amp; Savani (2008), "A class of Rényi information estimators for multidimensional densities",
    /// Ann. Statist. 36(5), the Shannon case: the k-NN density estimate of q at each P sample, with the ψ(k) correction.
    /// Its difference from the same-form entropy estimate of P (ln(n − 1) in place of ln m, ρ in place of ν) is
    /// <see cref="Estimate(SampleMatrix, SampleMatrix)"/>. Unlike the divergence, the cross-entropy depends on the units;
    /// with <see cref="SampleScaling.Standardize"/> the log scale factors are added back.
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="p"/> or <paramref name="q"/> is null.</exception>
    /// <exception cref="ArgumentException">The column counts differ, or <paramref name="q"/> has fewer than <see cref="NearestNeighborEstimator.K"/> rows.</exception>
    public Information CrossEntropy(SampleMatrix p, SampleMatrix q)
    {
        ValidateQ(p, q);
        int n = p.Rows, m = q.Rows, d = p.Columns;
        (SampleMatrix pp, SampleMatrix pq) = KnnSamples.PrepareCommon(p, q, Scaling, Ties, Seed, out double logScale);
        double[] nu = NeighborStatistics.KthDistances(pq, pp, Metric, K, SearchMethod, MaxDegreeOfParallelism);
        var psi = new DigammaTable(K);
        double h = Math.Log(m) - psi[K] + NeighborStatistics.LogUnitBallVolume(d, Metric) + (d * NeighborStatistics.SumOfLogs(nu) / n);
        return Information.FromNats(h + logScale);
    }

    private void Validate(SampleMatrix p, SampleMatrix q)
    {
        // p first: its n ≥ k + 1 is the binding requirement, and reporting it names the sample that is short.
        ArgumentNullException.ThrowIfNull(p);
        KnnChecks.EnoughSamples(p.Rows, K, nameof(p));
        ValidateQ(p, q);
    }

    private void ValidateQ(SampleMatrix p, SampleMatrix q)
    {
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(q);
        if (p.Columns != q.Columns)
        {
            ThrowHelper.ArgumentException(nameof(q), string.Create(CultureInfo.InvariantCulture,
                $"p has {p.Columns} columns but q has {q.Columns}; both samples must have the same dimension."));
        }

        if (q.Rows < K)
        {
            ThrowHelper.ArgumentException(nameof(q), string.Create(CultureInfo.InvariantCulture,
                $"k = {K} needs at least {K} samples of q, got {q.Rows}."));
        }
    }
}
