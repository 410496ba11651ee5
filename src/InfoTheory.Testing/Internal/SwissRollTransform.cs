using System.Globalization;

namespace InfoTheory.Testing.Internal;

/// <summary>
/// u ↦ (t cos t, t sin t)/(4.5π) with t = 1.5π(1 + 2u); a second coordinate v is carried along as the middle output,
/// (u, v) ↦ (t cos t/(4.5π), v, t sin t/(4.5π)).
/// </summary>
internal sealed class SwissRollTransform : IInjectiveTransform
{
    private const double Scale = 1 / (4.5 * Math.PI);

    public string Name => "swiss-roll";

    public bool TryGetOutputDimension(int inputDimension, out int outputDimension)
    {
        outputDimension = inputDimension is 1 or 2 ? inputDimension + 1 : 0;
        return outputDimension != 0;
    }

    public void Apply(ReadOnlySpan<double> source, Span<double> destination)
    {
        TransformChecks.RequireLengths(this, source, destination);
        double u = source[0];

        // The radius t/(4.5π) must grow with u for the roll to be one-to-one; t > 0 exactly when u > −½.
        if (!(u > -0.5) || !double.IsFinite(u))
        {
            throw new ArgumentException(string.Format(CultureInfo.InvariantCulture,
                "The swiss-roll map is one-to-one only for a first coordinate u > −0.5 (it is meant for values in [0, 1], such as normal-cdf output), got {0}.",
                u), nameof(source));
        }

        double t = 1.5 * Math.PI * (1 + (2 * u));
        (double sin, double cos) = Math.SinCos(t);
        destination[0] = Scale * t * cos;
        if (source.Length == 1)
        {
            destination[1] = Scale * t * sin;
        }
        else
        {
            destination[1] = source[1];
            destination[2] = Scale * t * sin;
        }
    }

    public override string ToString() => Name;
}
