using System.Globalization;

namespace InfoTheory.Testing.Internal;

/// <summary>x ↦ R(speed · ‖x‖²) x, R(θ) the rotation by θ in the plane of the first two coordinates.</summary>
internal sealed class SpiralTransform(double speed) : IInjectiveTransform
{
    public string Name { get; } = string.Format(CultureInfo.InvariantCulture, "spiral({0})", speed);

    public bool TryGetOutputDimension(int inputDimension, out int outputDimension)
    {
        outputDimension = inputDimension >= 2 ? inputDimension : 0;
        return inputDimension >= 2;
    }

    public void Apply(ReadOnlySpan<double> source, Span<double> destination)
    {
        TransformChecks.RequireLengths(this, source, destination);
        double squaredNorm = 0;
        foreach (double v in source)
        {
            squaredNorm += v * v;
        }

        (double sin, double cos) = Math.SinCos(speed * squaredNorm);
        double a = source[0], b = source[1];
        source[2..].CopyTo(destination[2..]);
        destination[0] = (cos * a) - (sin * b);
        destination[1] = (sin * a) + (cos * b);
    }

    public override string ToString() => Name;
}
