using InfoTheory.Continuous.Internal;
using InfoTheory.Internal;

namespace InfoTheory.Continuous;

/// <summary>
/// The mixed KSG estimate of Gao, Kannan, Oh &amp; Viswanath of the mutual information I(X;Y) between variables that may
/// be continuous, discrete, or a mixture of both (atoms and densities), with ties treated exactly:
/// Î = ⟨ψ(k̃ᵢ) + ln n − ψ(nₓ(i)) − ψ(n_y(i))⟩ as in the authors' released code (counts including sample i), or the paper's
/// Î = ⟨ψ(k̃ᵢ) + ln n − ln(nₓ(i) + 1) − ln(n_y(i) + 1)⟩ (see <see cref="Counts"/>).
/// </summary>
/// <remarks>
/// <para>
/// Per sample i (Gao, Kannan, Oh &amp; Viswanath 2017, "Estimating mutual information for discrete-continuous mixtures",
/// NeurIPS 30, Algorithm 1): ρᵢ is the maximum-norm distance to its k-th nearest other sample in the joint space; if
/// ρᵢ = 0 (sample i has k or more exact duplicates) k̃ᵢ is the number of other samples at joint distance 0, else k̃ᵢ = k;
/// nₓ(i) and n_y(i) count the other samples within ρᵢ, inclusive, in the X and Y spaces. On discrete data this is close
/// to the plug-in estimate (ψ(N_xy − 1) in place of ln N_xy). The authors' released code differs from the paper
/// (digamma of strict counts that include the sample itself, which makes it KSG algorithm 1 on continuous data); it is
/// the default here (<see cref="Counts"/> = <see cref="MixedKsgCounts.Digamma"/>), and <see cref="MixedKsgCounts.Paper"/>
/// gives the paper's form. Measured over 10 data sets of each task of the known-MI suite: mean absolute error 0.142
/// (released form) against 0.189 (paper) at n = 1000, and 0.100 against 0.127 at n = 5000; on a 4-label X with a
/// continuous Y the bias is −0.002 against −0.195 nats at n = 1000.
/// </para>
/// <para>
/// Fixed-k bias of the paper form: the paper proves consistency for k growing with n, and with a fixed k the ln(count + 1) terms sit
/// above the ψ(count) that an unbiased local estimate needs by about 1.5/count. This matters where the counts stay
/// small: a constant X with a continuous Y gives exactly ψ(k) − ln(k + 1) (−0.29 nats at k = 5, −0.07 at k = 20), and a
/// label with a continuous Y is biased low by a similar amount. <see cref="Counts"/> = <see cref="MixedKsgCounts.Digamma"/>
/// uses the authors' released form, ψ of counts that include the sample: a constant X then gives ln n − ψ(n) ≈ 1/(2n),
/// and on continuous data it is KSG algorithm 1 plus that same ln n − ψ(n). Hence the default k = 5 (the authors' code default)
/// rather than 3; raise k for such data, or use <see cref="RossMutualInformation"/> (label vs continuous) or
/// <see cref="KsgMutualInformation"/> with <see cref="TieHandling.Jitter"/>. On data with atoms it is biased low at
/// finite n where continuous samples lie next to atoms (about −0.2 nats at n = 2000 on the paper's experiment I).
/// </para>
/// <para>
/// Ties are the point of this estimator, so there is no jitter option: repeated values are kept exact. Scaling
/// (<see cref="NearestNeighborEstimator.Scaling"/>, default <see cref="SampleScaling.Standardize"/>) keeps equal values equal (as do normal scores),
/// so it never breaks or creates a tie. Estimates can be slightly negative and are not clipped (see
/// <see cref="KsgMutualInformation"/>); Estimate(x, y) and Estimate(y, x) return the same bits.
/// </para>
/// <para>
/// Needs n ≥ k + 1 paired rows. Cost: one joint k-nearest-neighbour query, two range counts per sample, and one joint
/// count at radius 0 when some ρᵢ = 0; O(n d + min(n k, 2²⁴)) memory (neighbour lists are read in blocks, so n k may exceed an array). Immutable and thread-safe; the result does not depend on
/// <see cref="NearestNeighborEstimator.MaxDegreeOfParallelism"/>. Nothing the caller passes is modified.
/// </para>
/// </remarks>
public sealed class MixedKsgMutualInformation() : NearestNeighborEstimator(SampleScaling.Standardize, TieHandling.None, normalScoresAllowed: true, jitterAllowed: false, k: 5), IMultivariateMutualInformationEstimator, IMutualInformationEstimator<double, double>
{
    /// <summary>
    /// The counting form (default <see cref="MixedKsgCounts.Digamma"/>, the authors' released code, which removes most of
    /// the paper form's fixed-k bias; <see cref="MixedKsgCounts.Paper"/> for the paper's Algorithm 1, see the remarks).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not defined.</exception>
    public MixedKsgCounts Counts
    {
        get;
        init
        {
            if (!Enum.IsDefined(value))
            {
                ThrowHelper.ArgumentOutOfRange(nameof(Counts), value, "Counts is not a defined MixedKsgCounts.");
            }

            field = value;
        }
    } = MixedKsgCounts.Digamma;

    /// <inheritdoc />
    /// <returns>The estimate in nats.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="x"/> or <paramref name="y"/> is null.</exception>
    /// <exception cref="ArgumentException">The row counts differ, or there are fewer than <see cref="NearestNeighborEstimator.K"/> + 1 rows.</exception>
    public Information Estimate(SampleMatrix x, SampleMatrix y)
    {
        KnnChecks.Paired([x, y], [nameof(x), nameof(y)]);
        KnnChecks.EnoughSamples(x.Rows, K, nameof(x));
        int n = x.Rows, k = K;
        SampleMatrix[] prepared = KnnSamples.Prepare([x, y], Scaling, TieHandling.None, seed: 0);
        SampleMatrix joint = SampleMatrix.ConcatenateColumns(prepared);
        double[] rho = NeighborStatistics.KthDistances(joint, NeighborMetric.Maximum, k, SearchMethod, MaxDegreeOfParallelism);
        bool digamma = Counts == MixedKsgCounts.Digamma;
        int[] nx = NeighborStatistics.CountWithin(prepared[0], NeighborMetric.Maximum, rho, inclusive: !digamma, SearchMethod, MaxDegreeOfParallelism);
        int[] ny = NeighborStatistics.CountWithin(prepared[1], NeighborMetric.Maximum, rho, inclusive: !digamma, SearchMethod, MaxDegreeOfParallelism);
        int[]? duplicates = null;
        if (Array.IndexOf(rho, 0.0) >= 0)
        {
            double[] zero = new double[n];
            duplicates = NeighborStatistics.CountWithin(joint, NeighborMetric.Maximum, zero, inclusive: true, SearchMethod, MaxDegreeOfParallelism);
            if (digamma)
            {
                // Where ρᵢ = 0 the released form counts the samples at distance 0 in each space; a strict count within 0 is empty.
                int[] zx = NeighborStatistics.CountWithin(prepared[0], NeighborMetric.Maximum, zero, inclusive: true, SearchMethod, MaxDegreeOfParallelism);
                int[] zy = NeighborStatistics.CountWithin(prepared[1], NeighborMetric.Maximum, zero, inclusive: true, SearchMethod, MaxDegreeOfParallelism);
                for (int i = 0; i < n; i++)
                {
                    if (rho[i] == 0)
                    {
                        nx[i] = zx[i];
                        ny[i] = zy[i];
                    }
                }
            }
        }

        var psi = new DigammaTable(n + 1);
        double kTerms = 0;
        for (int i = 0; i < n; i++)
        {
            // The paper's k̃ᵢ counts the other samples at distance 0; the released code's counts sample i too.
            kTerms += psi[rho[i] == 0 ? duplicates![i] + (digamma ? 1 : 0) : k];
        }

        // The x and y sums are added to each other first, so swapping x and y gives the same bits.
        double counts = digamma ? SumOfDigammasPlusOne(nx, psi) + SumOfDigammasPlusOne(ny, psi) : SumOfLogsPlusOne(nx) + SumOfLogsPlusOne(ny);
        return Information.FromNats(((kTerms - counts) / n) + Math.Log(n));
    }

    /// <summary>Estimates I(X;Y) for one-dimensional X and Y (each may be continuous, discrete or mixed).</summary>
    /// <param name="x">The samples of X.</param>
    /// <param name="y">The samples of Y, as many as of X.</param>
    /// <returns>The estimate in nats.</returns>
    /// <exception cref="ArgumentException">The lengths differ, there are fewer than <see cref="NearestNeighborEstimator.K"/> + 1 pairs, or a value is NaN or ±∞.</exception>
    public Information Estimate(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        Check.SameLength(x.Length, y.Length);
        return Estimate(SampleMatrix.FromRowMajor(x, 1, nameof(x)), SampleMatrix.FromRowMajor(y, 1, nameof(y)));
    }

    /// <summary>Σ ψ(c + 1): the counts exclude sample i, the released form's include it.</summary>
    private static double SumOfDigammasPlusOne(ReadOnlySpan<int> counts, DigammaTable psi)
    {
        double sum = 0;
        foreach (int c in counts)
        {
            sum += psi[c + 1];
        }

        return sum;
    }

    private static double SumOfLogsPlusOne(ReadOnlySpan<int> counts)
    {
        double sum = 0;
        foreach (int c in counts)
        {
            sum += Math.Log(c + 1.0);
        }

        return sum;
    }
}
