using System.Globalization;

namespace InfoTheory.Testing.Internal;

/// <summary>Length checks shared by the transform implementations.</summary>
internal static class TransformChecks
{
    public static void RequireLengths(IInjectiveTransform transform, ReadOnlySpan<double> source, Span<double> destination)
    {
        int sourceLength = source.Length, destinationLength = destination.Length;
        if (!transform.TryGetOutputDimension(sourceLength, out int expected))
        {
            throw new ArgumentException(string.Format(CultureInfo.InvariantCulture,
                "The {0} map is not defined for values of dimension {1}.", transform.Name, sourceLength), nameof(source));
        }

        if (destinationLength != expected)
        {
            throw new ArgumentException(string.Format(CultureInfo.InvariantCulture,
                "The {0} map turns dimension {1} into {2}, but destination has length {3}.", transform.Name, sourceLength, expected,
                destinationLength), nameof(destination));
        }
    }
}
