using System.Globalization;
using InfoTheory.Continuous.Internal;
using InfoTheory.Internal;

namespace InfoTheory.Continuous;

/// <summary>
/// Ross's k-nearest-neighbour estimate of the mutual information between a discrete label and a continuous variable:
/// Î = ψ(n) − ⟨ψ(N_ℓ)⟩ + ψ(k) − ⟨ψ(mᵢ)⟩, where N_ℓ is the number of samples with sample i's label, dᵢ the distance from
/// sample i to its k-th nearest sample with the same label, and mᵢ the number of other samples, of any label, within dᵢ
/// (inclusive, so the k same-label neighbours are counted).
/// </summary>
/// <remarks>
/// <para>
/// Reference: Ross (2014), "Mutual information between discrete and continuous data sets", PLoS ONE 9(2), e87357.
/// It is the estimator of scikit-learn's <c>mutual_info_classif</c> for continuous features. Labels are compared for
/// equality only: any <see cref="int"/> values. The continuous variable may have any dimension.
/// </para>
/// <para>
/// Small classes: a label seen N_ℓ ≤ k times uses k_ℓ = N_ℓ − 1 neighbours for its samples (ψ(k) becomes the mean of
/// ψ(k_ℓ)), and a label seen once has no same-label neighbour, so its samples are left out (n, N_ℓ and mᵢ then count
/// the remaining samples only), as scikit-learn does. When every class has more than k samples this is the published
/// estimator exactly.
/// </para>
/// <para>
/// Accuracy: I(L;X) ≤ H(L) ≤ ln(number of labels); the estimate approaches ln(number of labels) − (finite-n bias) for
/// well-separated classes and scatters around 0 (possibly below; not clipped, see <see cref="KsgMutualInformation"/>)
/// for a continuous variable independent of the label. Data preparation, on a copy of the continuous samples:
/// <see cref="NearestNeighborEstimator.Scaling"/> (default <see cref="SampleScaling.Standardize"/>; matters only with several columns) then
/// <see cref="NearestNeighborEstimator.Ties"/> (default <see cref="TieHandling.Jitter"/>: a constant or discrete-valued variable then gives ≈ 0
/// instead of the spurious values of scikit-learn issue 30772).
/// </para>
/// <para>
/// Needs n ≥ k + 1 samples and some label seen at least twice. Cost: one within-label k-nearest-neighbour query and one
/// range count per sample; O(n d + min(n k, 2²⁴)) memory (neighbour lists are read in blocks, so n k may exceed an array). Immutable and thread-safe; the result does not depend on
/// <see cref="NearestNeighborEstimator.MaxDegreeOfParallelism"/>. Nothing the caller passes is modified.
/// </para>
/// </remarks>
public sealed class RossMutualInformation() : NearestNeighborEstimator(SampleScaling.Standardize, TieHandling.Jitter, normalScoresAllowed: true), IMutualInformationEstimator<int, double>
{
    /// <summary>The distance in the continuous space (default <see cref="NeighborMetric.Maximum"/>; any norm is valid).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined metric.</exception>
    public NeighborMetric Metric { get; init => field = KnnChecks.Metric(value); } = NeighborMetric.Maximum;

    /// <summary>Estimates I(L;X) between a discrete label and a continuous variable from paired samples.</summary>
    /// <param name="labels">The label of each sample.</param>
    /// <param name="samples">The continuous samples, one row per label.</param>
    /// <returns>The estimate in nats.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="samples"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// The lengths differ, there are fewer than <see cref="NearestNeighborEstimator.K"/> + 1 samples, or every label occurs only once.
    /// </exception>
    public Information Estimate(ReadOnlySpan<int> labels, SampleMatrix samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        if (labels.Length != samples.Rows)
        {
            ThrowHelper.ArgumentException(nameof(samples), string.Create(CultureInfo.InvariantCulture,
                $"labels has {labels.Length} elements but samples has {samples.Rows} rows; they must be paired."));
        }

        KnnChecks.EnoughSamples(samples.Rows, K, nameof(samples));
        int n = samples.Rows;

        // Rows grouped by label (stable, so each class lists its rows in index order).
        int[] order = new int[n];
        int[] keys = labels.ToArray();
        for (int i = 0; i < n; i++)
        {
            order[i] = i;
        }

        Array.Sort(keys, order);
        if (!HasRepeatedLabel(keys))
        {
            ThrowHelper.ArgumentException(nameof(labels), "Every label occurs only once, so no sample has a same-label neighbour; the estimate needs repeated labels.");
        }

        SampleMatrix prepared = KnnSamples.Prepare([samples], Scaling, Ties, Seed)[0];
        int[] classSize = new int[n];
        int[] classK = new int[n];
        double[] radii = new double[n];
        for (int start = 0; start < n;)
        {
            int end = start + 1;
            while (end < n && keys[end] == keys[start])
            {
                end++;
            }

            int size = end - start;
            if (size >= 2)
            {
                int[] rows = order[start..end];
                Array.Sort(rows);
                int kc = Math.Min(K, size - 1);
                double[] d = NeighborStatistics.KthDistances(KnnSamples.SelectRows(prepared, rows), Metric, kc, SearchMethod, MaxDegreeOfParallelism);
                for (int t = 0; t < rows.Length; t++)
                {
                    classSize[rows[t]] = size;
                    classK[rows[t]] = kc;
                    radii[rows[t]] = d[t];
                }
            }

            start = end;
        }

        // Samples of labels seen once drop out; the rest keep index order.
        int[] kept = Enumerable.Range(0, n).Where(i => classSize[i] >= 2).ToArray();
        SampleMatrix all = kept.Length == n ? prepared : KnnSamples.SelectRows(prepared, kept);
        double[] keptRadii = kept.Select(i => radii[i]).ToArray();
        int[] within = NeighborStatistics.CountWithin(all, Metric, keptRadii, inclusive: true, SearchMethod, MaxDegreeOfParallelism);
        int retained = kept.Length;
        var psi = new DigammaTable(retained);
        double sizes = 0, ks = 0;
        foreach (int i in kept)
        {
            sizes += psi[classSize[i]];
            ks += psi[classK[i]];
        }

        double result = psi[retained] + ((ks - sizes - psi.Sum(within, 0)) / retained);
        return Information.FromNats(result);
    }

    /// <summary>Estimates I(X;Y) between a discrete label X and a one-dimensional continuous Y.</summary>
    /// <param name="x">The labels.</param>
    /// <param name="y">The continuous values, as many as labels.</param>
    /// <returns>The estimate in nats.</returns>
    /// <exception cref="ArgumentException">
    /// The lengths differ, there are fewer than <see cref="NearestNeighborEstimator.K"/> + 1 samples, a value is NaN or ±∞, or every label occurs only once.
    /// </exception>
    public Information Estimate(ReadOnlySpan<int> x, ReadOnlySpan<double> y)
    {
        Check.SameLength(x.Length, y.Length);
        return Estimate(x, SampleMatrix.FromRowMajor(y, 1, nameof(y)));
    }

    /// <summary>
    /// Estimates I(X;L) with the continuous variable first, as the other mutual-information estimators and
    /// scikit-learn's <c>mutual_info_classif(X, y)</c> order them. Mutual information is symmetric, so this is
    /// exactly <see cref="Estimate(ReadOnlySpan{int}, SampleMatrix)"/> with the arguments swapped.
    /// </summary>
    /// <param name="samples">The continuous samples, one row per label.</param>
    /// <param name="labels">The label of each sample.</param>
    /// <returns>The estimate in nats.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="samples"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// The lengths differ, there are fewer than <see cref="NearestNeighborEstimator.K"/> + 1 samples, or every label occurs only once.
    /// </exception>
    public Information Estimate(SampleMatrix samples, ReadOnlySpan<int> labels) => Estimate(labels, samples);

    /// <summary>Estimates I(X;Y) between a one-dimensional continuous X and a discrete label Y (the arguments in either order give the same value).</summary>
    /// <param name="x">The continuous values.</param>
    /// <param name="y">The labels, as many as values.</param>
    /// <returns>The estimate in nats.</returns>
    /// <exception cref="ArgumentException">
    /// The lengths differ, there are fewer than <see cref="NearestNeighborEstimator.K"/> + 1 samples, a value is NaN or ±∞, or every label occurs only once.
    /// </exception>
    public Information Estimate(ReadOnlySpan<double> x, ReadOnlySpan<int> y)
    {
        Check.SameLength(x.Length, y.Length);
        return Estimate(y, SampleMatrix.FromRowMajor(x, 1, nameof(x)));
    }

    private static bool HasRepeatedLabel(ReadOnlySpan<int> sortedLabels)
    {
        for (int i = 1; i < sortedLabels.Length; i++)
        {
            if (sortedLabels[i] == sortedLabels[i - 1])
            {
                return true;
            }
        }

        return false;
    }
}
