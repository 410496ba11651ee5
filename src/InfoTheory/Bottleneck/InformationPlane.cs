using InfoTheory.Bottleneck.Internal;
using InfoTheory.Internal;

namespace InfoTheory.Bottleneck;

/// <summary>One point of the information plane: a layer at an epoch, with I(X;T) and I(T;Y).</summary>
/// <param name="Layer">The layer's name.</param>
/// <param name="Epoch">The training epoch (or step).</param>
/// <param name="InputInformation">I(X;T): how much the representation keeps about the input.</param>
/// <param name="LabelInformation">I(T;Y): how much it keeps about the label.</param>
public readonly record struct InformationPlanePoint(string Layer, int Epoch, Information InputInformation, Information LabelInformation);

/// <summary>
/// Records the information plane of a network during training (Shwartz-Ziv &amp; Tishby 2017): for each
/// layer and epoch, I(X;T) and I(T;Y) of the layer's representation T, with a pluggable estimator, and
/// exports the points as CSV or JSON.
/// </summary>
/// <remarks>
/// <para>
/// X is given as one symbol per sample (e.g. the sample's index, or a discretised input), Y as the label
/// symbols and T as symbols from <see cref="ActivationBinning"/> or any other discretisation. Which
/// estimator and discretisation are used changes the picture qualitatively (Saxe et al. 2018; Chelombiev,
/// Houghton &amp; O'Donnell 2019): record them with the results.
/// </para>
/// <para>
/// For activations kept as real vectors and any multivariate estimator (k-NN, Gaussian, copula, hybrid, matrix-based
/// Rényi, kernel), use <see cref="ContinuousInformationPlane"/>, which writes the same points.
/// </para>
/// <para>A recorder collects points and is not thread-safe; create one per run.</para>
/// </remarks>
/// <param name="estimator">The mutual information estimator for both I(X;T) and I(T;Y).</param>
public sealed class InformationPlane(IMutualInformationEstimator<int, int> estimator)
{
    private readonly IMutualInformationEstimator<int, int> _estimator = estimator ?? throw new ArgumentNullException(nameof(estimator));
    private readonly List<InformationPlanePoint> _points = [];

    /// <summary>The points recorded so far, in order.</summary>
    public IReadOnlyList<InformationPlanePoint> Points => _points;

    /// <summary>Estimates and records I(X;T) and I(T;Y) for one layer at one epoch.</summary>
    /// <param name="layer">The layer's name (non-empty).</param>
    /// <param name="epoch">The epoch or step.</param>
    /// <param name="inputs">The symbol of each sample's input X.</param>
    /// <param name="representation">The symbol of each sample's representation T in this layer.</param>
    /// <param name="labels">The symbol of each sample's label Y.</param>
    /// <returns>The recorded point.</returns>
    /// <exception cref="ArgumentException">The layer name is empty, or the spans differ in length (or the estimator rejects them).</exception>
    public InformationPlanePoint Record(string layer, int epoch, ReadOnlySpan<int> inputs, ReadOnlySpan<int> representation, ReadOnlySpan<int> labels)
    {
        ArgumentException.ThrowIfNullOrEmpty(layer);
        Check.SameLength(inputs.Length, representation.Length);
        Check.SameLength(inputs.Length, labels.Length);
        var point = new InformationPlanePoint(layer, epoch, _estimator.Estimate(inputs, representation), _estimator.Estimate(representation, labels));
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

/// <summary>Source-generated JSON metadata for strings (trimming- and AOT-safe escaping of layer names).</summary>
[System.Text.Json.Serialization.JsonSerializable(typeof(string))]
internal sealed partial class InformationPlaneJson : System.Text.Json.Serialization.JsonSerializerContext;
