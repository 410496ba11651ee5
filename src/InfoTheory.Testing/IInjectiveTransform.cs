namespace InfoTheory.Testing;

/// <summary>
/// A one-to-one map of a variable's values, applied row by row to its samples. Mutual information is invariant under
/// injective maps applied separately to X and to Y: I(f(X); g(Y)) = I(X;Y) (Kraskov, Stögbauer &amp; Grassberger 2004,
/// Phys. Rev. E 69, 066138; for smooth embeddings and diffeomorphisms Czyż et al., "Beyond Normal", NeurIPS 2023), so a
/// transformed task keeps the base task's answer while changing everything an estimator sees.
/// </summary>
/// <remarks>
/// Implementations are immutable and thread-safe. <see cref="InjectiveTransforms"/> has the standard ones; a map need
/// only be injective on the support of the variable it is applied to (documented per map).
/// </remarks>
public interface IInjectiveTransform
{
    /// <summary>A short name, such as "half-cube", used in descriptions.</summary>
    string Name { get; }

    /// <summary>Whether the map accepts values of dimension <paramref name="inputDimension"/>, and the dimension it then produces.</summary>
    /// <param name="inputDimension">The dimension of the values to transform, at least 1.</param>
    /// <param name="outputDimension">The dimension of the transformed values, or 0 when the input dimension is not supported.</param>
    /// <returns><see langword="true"/> when the map is defined for <paramref name="inputDimension"/>.</returns>
    bool TryGetOutputDimension(int inputDimension, out int outputDimension);

    /// <summary>Transforms one value (one sample row).</summary>
    /// <param name="source">The value, of a supported input dimension.</param>
    /// <param name="destination">Receives the transformed value; exactly the output dimension long.</param>
    /// <exception cref="ArgumentException">
    /// The lengths do not match a supported pair of dimensions, or <paramref name="source"/> lies outside the domain on
    /// which the map is injective (only for maps with a restricted domain).
    /// </exception>
    void Apply(ReadOnlySpan<double> source, Span<double> destination);
}
