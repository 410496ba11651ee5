using InfoTheory.Continuous.Internal;
using InfoTheory.Continuous.Neighbors;
using InfoTheory.Internal;

namespace InfoTheory.Continuous;

/// <summary>
/// The Frenzel-Pompe k-nearest-neighbour estimate of the conditional mutual information I(X;Y|Z) (the KSG construction
/// applied to conditional MI): Î = ψ(k) − ⟨ψ(n_xz + 1) + ψ(n_yz + 1) − ψ(n_z + 1)⟩, where ε(i) is the maximum-norm
/// distance from sample i to its k-th neighbour in the joint (X, Y, Z) space and n_xz(i), n_yz(i), n_z(i) count the
/// other samples strictly within ε(i) in the (X, Z), (Y, Z) and Z spaces.
/// </summary>
/// <remarks>
/// <para>
/// Reference: Frenzel &amp; Pompe (2007), "Partial mutual information for coupling analysis of multivariate time series",
/// Phys. Rev. Lett. 99, 204101; the same construction as algorithm 1 of Kraskov, Stögbauer &amp; Grassberger (2004). It is
/// the estimator behind JIDT's and IDTxl's conditional MI and transfer entropy. All distances are maximum-norm.
/// </para>
/// <para>
/// Accuracy: the local biases of the four implicit entropy estimates largely cancel; under conditional independence the
/// estimate scatters around 0 and can be negative, and it is returned as it is (see
/// <see cref="KsgMutualInformation"/> for why negative estimates are not clipped). Bias grows with the dimension of Z.
/// </para>
/// <para>
/// Data preparation, on a copy: <see cref="NearestNeighborEstimator.Scaling"/> (default <see cref="SampleScaling.Standardize"/>) then
/// <see cref="NearestNeighborEstimator.Ties"/> (default <see cref="TieHandling.Jitter"/>). Estimate(x, y, z) and Estimate(y, x, z) return the same
/// bits. Needs n ≥ k + 1 rows. Cost: one joint k-nearest-neighbour query and three range counts per sample; O(n d + min(n k, 2²⁴))
/// memory (neighbour lists are read in blocks, so n k may exceed an array). Immutable and thread-safe; the result does not depend on <see cref="NearestNeighborEstimator.MaxDegreeOfParallelism"/>.
/// </para>
/// </remarks>
public sealed class KsgConditionalMutualInformation() : NearestNeighborEstimator(SampleScaling.Standardize, TieHandling.Jitter, normalScoresAllowed: true),
    ILocalMultivariateConditionalMutualInformation, IConditionalMutualInformationEstimator<double, double, double>
{
    /// <inheritdoc />
    /// <returns>The estimate in nats; may be slightly negative near conditional independence.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The row counts differ, or there are fewer than <see cref="NearestNeighborEstimator.K"/> + 1 rows.</exception>
    public Information Estimate(SampleMatrix x, SampleMatrix y, SampleMatrix z)
    {
        KnnChecks.Paired([x, y, z], [nameof(x), nameof(y), nameof(z)]);
        KnnChecks.EnoughSamples(x.Rows, K, nameof(x));
        SampleMatrix[] prepared = KnnSamples.Prepare([x, y, z], Scaling, Ties, Seed);
        return Information.FromNats(FromPrepared(prepared[0], prepared[1], prepared[2], null, null));
    }

    /// <summary>
    /// The local conditional mutual information of each sample: the per-sample term of the estimate,
    /// ψ(k) − ψ(n_xz(i) + 1) − ψ(n_yz(i) + 1) + ψ(n_z(i) + 1) (Frenzel &amp; Pompe 2007; the local KSG transfer entropy of
    /// JIDT, Lizier 2014). Same preparation (scaling, jitter, seed) as <see cref="Estimate(SampleMatrix, SampleMatrix, SampleMatrix)"/>.
    /// </summary>
    /// <param name="x">The samples of X.</param>
    /// <param name="y">The samples of Y.</param>
    /// <param name="z">The samples of Z.</param>
    /// <returns>One value per row in nats; their mean is the estimate up to rounding. Single values are noisy; average them over
    /// windows or conditions to read them.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">As for <see cref="Estimate(SampleMatrix, SampleMatrix, SampleMatrix)"/>.</exception>
    public double[] LocalValues(SampleMatrix x, SampleMatrix y, SampleMatrix z)
    {
        KnnChecks.Paired([x, y, z], [nameof(x), nameof(y), nameof(z)]);
        KnnChecks.EnoughSamples(x.Rows, K, nameof(x));
        SampleMatrix[] prepared = KnnSamples.Prepare([x, y, z], Scaling, Ties, Seed);
        (int[] xz, int[] yz, int[] zz) = Counts(prepared[0], prepared[1], prepared[2], null, null);
        var psi = new DigammaTable(prepared[0].Rows);
        double[] local = new double[xz.Length];
        for (int i = 0; i < local.Length; i++)
        {
            local[i] = psi[K] - ((psi[xz[i] + 1] + psi[yz[i] + 1]) - psi[zz[i] + 1]);
        }

        return local;
    }

    /// <summary>Estimates I(X;Y|Z) for one-dimensional X, Y and Z.</summary>
    /// <param name="x">The samples of X.</param>
    /// <param name="y">The samples of Y.</param>
    /// <param name="z">The samples of Z.</param>
    /// <returns>The estimate in nats.</returns>
    /// <exception cref="ArgumentException">The lengths differ, there are fewer than <see cref="NearestNeighborEstimator.K"/> + 1 samples, or a value is NaN or ±∞.</exception>
    public Information Estimate(ReadOnlySpan<double> x, ReadOnlySpan<double> y, ReadOnlySpan<double> z)
    {
        Check.SameLength(x.Length, y.Length);
        Check.SameLength(x.Length, z.Length);
        return Estimate(
            SampleMatrix.FromRowMajor(x, 1, nameof(x)),
            SampleMatrix.FromRowMajor(y, 1, nameof(y)),
            SampleMatrix.FromRowMajor(z, 1, nameof(z)));
    }

    /// <summary>
    /// The estimate in nats from samples already scaled and jittered together (<see cref="KnnSamples"/>).
    /// The searches over (X, Z) and over Z are built here unless given; a given search must index exactly
    /// ConcatenateColumns(<paramref name="px"/>, <paramref name="pz"/>) and <paramref name="pz"/>, under this estimator's
    /// <see cref="NearestNeighborEstimator.SearchMethod"/>, which makes the result the same bits either way.
    /// </summary>
    internal double FromPrepared(SampleMatrix px, SampleMatrix py, SampleMatrix pz, NeighborSearch? xzSearch, NeighborSearch? zSearch)
    {
        int n = px.Rows, k = K;
        (int[] xz, int[] yz, int[] zz) = Counts(px, py, pz, xzSearch, zSearch);
        var psi = new DigammaTable(n);

        // The x and y sums are added to each other first, so swapping x and y gives the same bits.
        double marginal = psi.Sum(xz, 1) + psi.Sum(yz, 1);
        return psi[k] - ((marginal - psi.Sum(zz, 1)) / n);
    }

    /// <summary>n_xz, n_yz and n_z of every prepared sample: the others strictly within its joint k-th neighbour distance.</summary>
    private (int[] Xz, int[] Yz, int[] Z) Counts(SampleMatrix px, SampleMatrix py, SampleMatrix pz, NeighborSearch? xzSearch, NeighborSearch? zSearch)
    {
        double[] radii = NeighborStatistics.KthDistances(SampleMatrix.ConcatenateColumns(px, py, pz), NeighborMetric.Maximum, K, SearchMethod, MaxDegreeOfParallelism);
        int[] xz = Count(xzSearch ?? CreateSearch(SampleMatrix.ConcatenateColumns(px, pz)), radii);
        int[] yz = Count(CreateSearch(SampleMatrix.ConcatenateColumns(py, pz)), radii);
        int[] zz = Count(zSearch ?? CreateSearch(pz), radii);
        return (xz, yz, zz);
    }

    /// <summary>The range-count search this estimator builds over prepared points.</summary>
    internal NeighborSearch CreateSearch(SampleMatrix points) => NeighborSearch.Create(points, NeighborMetric.Maximum, SearchMethod);

    private int[] Count(NeighborSearch search, double[] radii)
    {
        int[] counts = new int[search.Count];
        search.CountWithin(radii, inclusive: false, counts, MaxDegreeOfParallelism);
        return counts;
    }
}
