using System.Runtime.InteropServices;
using InfoTheory.Continuous.Neighbors;

namespace InfoTheory.Continuous.Internal;

/// <summary>
/// The part of a Frenzel-Pompe estimate of I(X;Y|Z) (<see cref="KsgConditionalMutualInformation"/>) that does not
/// depend on Y, built once for many estimates in which only Y changes — the surrogates of a significance test, where Y
/// is the permuted source past, X the target's present and Z the target's past: the prepared X and Z and the range-count
/// searches over (X, Z) and over Z. Each estimate then redoes only what Y enters: its preparation, the joint k-th
/// neighbour distances and the (Y, Z) counts; the (X, Z) and Z counts are re-queried at the new radii on the kept searches.
/// </summary>
/// <remarks>
/// <para>
/// <see cref="Estimate"/> gives the same bits as <see cref="KsgConditionalMutualInformation.Estimate(SampleMatrix, SampleMatrix, SampleMatrix)"/>
/// on (X, Y, Z). The preparation of a column can depend on the other variables of the estimate (the jitter stream of a
/// column whose values repeat another's, the common power-of-two scale of <see cref="SampleScaling.None"/> for data out
/// of range), so every estimate prepares all three as a fresh estimate does — O(n·d), against the O(n log n) searches —
/// and uses the kept searches only when its prepared X and Z are bit for bit those they were built on; otherwise it builds
/// its own. Immutable after construction; the searches are read-only, so estimates may run on several threads at once.
/// </para>
/// </remarks>
internal sealed class KsgConditionalFixedSides
{
    private readonly KsgConditionalMutualInformation _estimator;
    private readonly SampleMatrix _x;
    private readonly SampleMatrix _z;
    private readonly SampleMatrix _preparedX;
    private readonly SampleMatrix _preparedZ;
    private readonly NeighborSearch _xzSearch;
    private readonly NeighborSearch _zSearch;

    /// <summary>Prepares X and Z as an estimate of I(X; <paramref name="y"/> | Z) prepares them, and indexes (X, Z) and Z.</summary>
    /// <param name="estimator">The estimator whose settings (K, scaling, ties, seed, search, parallelism) apply.</param>
    /// <param name="x">The fixed variable X.</param>
    /// <param name="y">A representative Y (the observed one): the preparation of X and Z is taken from the estimate on it.</param>
    /// <param name="z">The fixed condition Z.</param>
    public KsgConditionalFixedSides(KsgConditionalMutualInformation estimator, SampleMatrix x, SampleMatrix y, SampleMatrix z)
    {
        ArgumentNullException.ThrowIfNull(estimator);
        KnnChecks.Paired([x, y, z], [nameof(x), nameof(y), nameof(z)]);
        KnnChecks.EnoughSamples(x.Rows, estimator.K, nameof(x));
        _estimator = estimator;
        _x = x;
        _z = z;
        SampleMatrix[] prepared = KnnSamples.Prepare([x, y, z], estimator.Scaling, estimator.Ties, estimator.Seed);
        _preparedX = prepared[0];
        _preparedZ = prepared[2];
        _xzSearch = estimator.CreateSearch(SampleMatrix.ConcatenateColumns(_preparedX, _preparedZ));
        _zSearch = estimator.CreateSearch(_preparedZ);
    }

    /// <summary>The estimate of I(X;Y|Z) for this Y: the same bits as a fresh estimate on (X, Y, Z).</summary>
    /// <param name="y">Y, with as many rows as X.</param>
    /// <returns>The estimate.</returns>
    public Information Estimate(SampleMatrix y)
    {
        KnnChecks.Paired([_x, y, _z], ["x", nameof(y), "z"]);
        SampleMatrix[] prepared = KnnSamples.Prepare([_x, y, _z], _estimator.Scaling, _estimator.Ties, _estimator.Seed);
        bool kept = SameBits(prepared[0], _preparedX) && SameBits(prepared[2], _preparedZ);
        return Information.FromNats(kept
            ? _estimator.FromPrepared(_preparedX, prepared[1], _preparedZ, _xzSearch, _zSearch)
            : _estimator.FromPrepared(prepared[0], prepared[1], prepared[2], null, null));
    }

    private static bool SameBits(SampleMatrix a, SampleMatrix b) =>
        a.Columns == b.Columns && MemoryMarshal.Cast<double, long>(a.Data.Span).SequenceEqual(MemoryMarshal.Cast<double, long>(b.Data.Span));
}
