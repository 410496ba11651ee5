namespace InfoTheory.Testing.Internal;

/// <summary>One strictly monotone scalar map applied to every coordinate.</summary>
internal sealed class ElementwiseTransform(string name, Func<double, double> map) : IInjectiveTransform
{
    public string Name { get; } = name;

    public bool TryGetOutputDimension(int inputDimension, out int outputDimension)
    {
        outputDimension = inputDimension >= 1 ? inputDimension : 0;
        return inputDimension >= 1;
    }

    public void Apply(ReadOnlySpan<double> source, Span<double> destination)
    {
        TransformChecks.RequireLengths(this, source, destination);
        for (int j = 0; j < source.Length; j++)
        {
            destination[j] = map(source[j]);
        }
    }

    public override string ToString() => Name;
}
