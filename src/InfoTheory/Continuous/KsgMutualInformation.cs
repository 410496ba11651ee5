using InfoTheory.Continuous.Internal;
using InfoTheory.Internal;

namespace InfoTheory.Continuous;

/// <summary>
/// The Kraskov-Stögbauer-Grassberger (KSG) k-nearest-neighbour estimate of the mutual information I(X;Y) between
/// continuous variables of any dimension. Algorithm 1: Î = ψ(k) + ψ(n) − ⟨ψ(nₓ + 1) + ψ(n_y + 1)⟩; algorithm 2:
/// Î = ψ(k) − 1/k + ψ(n) − ⟨ψ(nₓ) + ψ(n_y)⟩ (see <see cref="KsgAlgorithm"/> for the counts).
/// </summary>
/// <remarks>
/// <para>
/// Reference: Kraskov, Stögbauer &amp; Grassberger (2004), "Estimating mutual information", Phys. Rev. E 69, 066138,
/// eqs. 8 and 9. Distances are maximum-norm (L∞) in X, in Y and in the joint space, where the joint distance is the
/// larger of the two marginal ones; this is what lets the marginal counts share the joint radius, so the estimator has
/// no metric option. ⟨·⟩ is the mean over the n samples.
/// </para>
/// <para>
/// Accuracy: nearly unbiased under independence for any margins; for a bivariate normal with ρ = 0.6 (I = 0.223 nats)
/// and k = 3 the bias is within ±0.005 nats and the standard deviation about 1.05/√n (0.015 nats at n = 5000). The
/// bias is negative and grows with the MI and the dimension: for 5 + 5 dimensions with five pairs at ρ = 0.3
/// (I = 0.236) it is about −0.04 nats at n = 2000. Estimates near independence scatter around 0 and can be negative; they are
/// returned as they are, not clipped, because clipping would bias the mean of repeated estimates upward and hide the
/// noise level that a permutation test needs.
/// </para>
/// <para>
/// Data preparation, on a copy: <see cref="NearestNeighborEstimator.Scaling"/> (default <see cref="SampleScaling.Standardize"/>, as JIDT: the
/// max norm compares columns directly, so each gets unit spread) then <see cref="NearestNeighborEstimator.Ties"/> (default
/// <see cref="TieHandling.Jitter"/>, so repeated values, discrete columns and constant columns give sane estimates; a
/// constant column gives ≈ 0). Estimate(x, y) and Estimate(y, x) return the same bits.
/// </para>
/// <para>
/// Needs n ≥ k + 1 paired rows. Cost: one joint k-nearest-neighbour query and one range count per margin for each
/// sample (about O(n log n) with a k-d tree in low dimension, O(n² d) by brute force), O(n d + min(n k, 2²⁴)) memory (neighbour lists are read in blocks, so n k may exceed an array). Immutable and
/// thread-safe; the result does not depend on <see cref="NearestNeighborEstimator.MaxDegreeOfParallelism"/>.
/// </para>
/// </remarks>
public sealed class KsgMutualInformation() : NearestNeighborEstimator(SampleScaling.Standardize, TieHandling.Jitter, normalScoresAllowed: true), ILocalMultivariateMutualInformation, IMutualInformationEstimator<double, double>
{
    /// <summary>The estimator variant (default <see cref="KsgAlgorithm.One"/>, the lower-variance one).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not defined.</exception>
    public KsgAlgorithm Algorithm { get; init => field = KnnChecks.Algorithm(value); } = KsgAlgorithm.One;

    /// <inheritdoc />
    /// <returns>The estimate in nats; may be slightly negative near independence.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="x"/> or <paramref name="y"/> is null.</exception>
    /// <exception cref="ArgumentException">The row counts differ, or there are fewer than <see cref="NearestNeighborEstimator.K"/> + 1 rows.</exception>
    public Information Estimate(SampleMatrix x, SampleMatrix y)
    {
        KnnChecks.Paired([x, y], [nameof(x), nameof(y)]);
        KnnChecks.EnoughSamples(x.Rows, K, nameof(x));
        SampleMatrix[] prepared = KnnSamples.Prepare([x, y], Scaling, Ties, Seed);
        return Information.FromNats(KsgCore.TotalCorrelation(prepared, K, Algorithm, SearchMethod, MaxDegreeOfParallelism));
    }

    /// <summary>
    /// The local mutual information of each sample: the per-sample term of the estimate, ψ(k) + ψ(n) − ψ(nₓ(i) + 1) − ψ(n_y(i) + 1)
    /// for algorithm 1 and ψ(k) − 1/k + ψ(n) − ψ(nₓ(i)) − ψ(n_y(i)) for algorithm 2 (Kraskov, Stögbauer &amp; Grassberger 2004;
    /// the local KSG values of JIDT, Lizier 2014). Same preparation (scaling, jitter, seed) as <see cref="Estimate(SampleMatrix, SampleMatrix)"/>.
    /// </summary>
    /// <param name="x">The samples of X.</param>
    /// <param name="y">The samples of Y, as many rows as <paramref name="x"/>.</param>
    /// <returns>One value per row in nats; their mean is the estimate up to rounding. Single values are noisy (their spread is
    /// of order 1 nat even under independence); average them over windows or conditions to read them.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="x"/> or <paramref name="y"/> is null.</exception>
    /// <exception cref="ArgumentException">As for <see cref="Estimate(SampleMatrix, SampleMatrix)"/>.</exception>
    public double[] LocalValues(SampleMatrix x, SampleMatrix y)
    {
        KnnChecks.Paired([x, y], [nameof(x), nameof(y)]);
        KnnChecks.EnoughSamples(x.Rows, K, nameof(x));
        SampleMatrix[] prepared = KnnSamples.Prepare([x, y], Scaling, Ties, Seed);
        return KsgCore.LocalValues(prepared, K, Algorithm, SearchMethod, MaxDegreeOfParallelism);
    }

    /// <summary>Estimates I(X;Y) for one-dimensional X and Y.</summary>
    /// <param name="x">The samples of X.</param>
    /// <param name="y">The samples of Y, as many as of X.</param>
    /// <returns>The estimate in nats.</returns>
    /// <exception cref="ArgumentException">The lengths differ, there are fewer than <see cref="NearestNeighborEstimator.K"/> + 1 pairs, or a value is NaN or ±∞.</exception>
    public Information Estimate(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        Check.SameLength(x.Length, y.Length);
        return Estimate(SampleMatrix.FromRowMajor(x, 1, nameof(x)), SampleMatrix.FromRowMajor(y, 1, nameof(y)));
    }
}
