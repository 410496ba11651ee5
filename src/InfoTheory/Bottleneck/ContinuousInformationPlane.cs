using InfoTheory.Bottleneck.Internal;
using InfoTheory.Continuous;
using InfoTheory.Internal;

namespace InfoTheory.Bottleneck;

/// <summary>
/// Records the information plane of a network with any multivariate mutual information estimator: for each layer and
/// epoch, I(X;T) and I(T;Y) with the representation T given as real activation vectors (no binning), and the same CSV
/// and JSON output as <see cref="InformationPlane"/>.
/// </summary>
/// <remarks>
/// <para>
/// Binning the activations (<see cref="InformationPlane"/> with <see cref="ActivationBinning"/>) makes I(X;T) depend
/// on the bin width more than on the network, and for a deterministic network with continuous X the true I(X;T) is
/// infinite (Saxe et al. 2018; Goldfeld et al. 2019). An estimator on the real vectors answers a better-posed question
/// when T is noisy (e.g. a noise-regularised layer) or when the estimate is read as a geometric compression measure;
/// say which estimator was used with the results, since k-NN, Gaussian, kernel and matrix-based estimators differ.
/// High-dimensional layers are better first compressed (Butakov et al. 2024, "Information bottleneck analysis of deep
/// neural networks via lossy compression", ICLR): set <see cref="CompressTo"/> to project X and T onto their first
/// principal components before estimating (a linear lossy compression; Butakov et al. also train autoencoders for it,
/// which can be done outside and the codes passed here).
/// </para>
/// <para>A recorder collects points and is not thread-safe; create one per run.</para>
/// </remarks>
public sealed class ContinuousInformationPlane
{
    private readonly IMultivariateMutualInformationEstimator _inputEstimator;
    private readonly IMultivariateMutualInformationEstimator _labelEstimator;
    private readonly List<InformationPlanePoint> _points = [];

    /// <summary>Creates a recorder that uses one estimator for both I(X;T) and I(T;Y).</summary>
    /// <param name="estimator">The multivariate mutual information estimator.</param>
    /// <exception cref="ArgumentNullException"><paramref name="estimator"/> is null.</exception>
    public ContinuousInformationPlane(IMultivariateMutualInformationEstimator estimator)
        : this(estimator, estimator)
    {
    }

    /// <summary>Creates a recorder with one estimator for I(X;T) and another for I(T;Y) (e.g. a hybrid estimator for discrete labels).</summary>
    /// <param name="inputEstimator">The estimator of I(X;T).</param>
    /// <param name="labelEstimator">The estimator of I(T;Y).</param>
    /// <exception cref="ArgumentNullException">An estimator is null.</exception>
    public ContinuousInformationPlane(IMultivariateMutualInformationEstimator inputEstimator, IMultivariateMutualInformationEstimator labelEstimator)
    {
        _inputEstimator = inputEstimator ?? throw new ArgumentNullException(nameof(inputEstimator));
        _labelEstimator = labelEstimator ?? throw new ArgumentNullException(nameof(labelEstimator));
    }

    /// <summary>
    /// When set, X and T with more columns than this are projected onto their first <c>CompressTo</c> principal
    /// components (of the data passed to each <see cref="Record"/> call) before the estimates; null (default) estimates
    /// on the data as given. Y is never compressed.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public int? CompressTo
    {
        get;
        init => field = value is null ? null : Settings.AtLeast(value.Value, 1, nameof(CompressTo));
    }

    /// <summary>The points recorded so far, in order.</summary>
    public IReadOnlyList<InformationPlanePoint> Points => _points;

    /// <summary>Estimates and records I(X;T) and I(T;Y) for one layer at one epoch.</summary>
    /// <param name="layer">The layer's name (non-empty).</param>
    /// <param name="epoch">The epoch or step.</param>
    /// <param name="inputs">X: one row per sample.</param>
    /// <param name="representation">T: the layer's activations, one row per sample (same rows as <paramref name="inputs"/>).</param>
    /// <param name="labels">Y: one row per sample (a single column for a scalar label).</param>
    /// <returns>The recorded point.</returns>
    /// <exception cref="ArgumentException">The layer name is empty, or the matrices differ in rows (or an estimator rejects them).</exception>
    /// <exception cref="ArgumentNullException">A matrix is null.</exception>
    public InformationPlanePoint Record(string layer, int epoch, SampleMatrix inputs, SampleMatrix representation, SampleMatrix labels)
    {
        ArgumentException.ThrowIfNullOrEmpty(layer);
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(representation);
        ArgumentNullException.ThrowIfNull(labels);
        Check.SameLength(inputs.Rows, representation.Rows);
        Check.SameLength(inputs.Rows, labels.Rows);
        if (CompressTo is int dimensions)
        {
            inputs = PrincipalProjection.Project(inputs, dimensions);
            representation = PrincipalProjection.Project(representation, dimensions);
        }

        var point = new InformationPlanePoint(layer, epoch, _inputEstimator.Estimate(inputs, representation), _labelEstimator.Estimate(representation, labels));
        _points.Add(point);
        return point;
    }

    /// <summary>Writes the points as CSV with a header: layer, epoch, I(X;T) and I(T;Y) in the given unit.</summary>
    /// <param name="writer">Where to write.</param>
    /// <param name="unit">The unit of the values (default bits).</param>
    /// <exception cref="ArgumentNullException"><paramref name="writer"/> is null.</exception>
    public void WriteCsv(TextWriter writer, LogBase unit = LogBase.Two) => InformationPlaneWriter.WriteCsv(_points, writer, unit);

    /// <summary>Writes the points as a JSON array of objects {layer, epoch, iXT, iTY, unit}.</summary>
    /// <param name="writer">Where to write.</param>
    /// <param name="unit">The unit of the values (default bits).</param>
    /// <exception cref="ArgumentNullException"><paramref name="writer"/> is null.</exception>
    public void WriteJson(TextWriter writer, LogBase unit = LogBase.Two) => InformationPlaneWriter.WriteJson(_points, writer, unit);
}
