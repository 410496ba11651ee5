namespace InfoTheory.Testing.Internal;

/// <summary>x ↦ second(first(x)).</summary>
internal sealed class ComposedTransform(IInjectiveTransform first, IInjectiveTransform second) : IInjectiveTransform
{
    public string Name { get; } = second.Name + "∘" + first.Name;

    public bool TryGetOutputDimension(int inputDimension, out int outputDimension)
    {
        outputDimension = 0;
        return first.TryGetOutputDimension(inputDimension, out int middle) && second.TryGetOutputDimension(middle, out outputDimension);
    }

    public void Apply(ReadOnlySpan<double> source, Span<double> destination)
    {
        TransformChecks.RequireLengths(this, source, destination);
        first.TryGetOutputDimension(source.Length, out int middle);
        Span<double> buffer = middle <= 64 ? stackalloc double[middle] : new double[middle];
        first.Apply(source, buffer);
        second.Apply(buffer, destination);
    }

    public override string ToString() => Name;
}
