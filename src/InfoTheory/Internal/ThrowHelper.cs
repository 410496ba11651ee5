using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace InfoTheory.Internal;

/// <summary>Throw sites kept out of the kernels so the JIT can inline the hot paths.</summary>
[StackTraceHidden]
internal static class ThrowHelper
{
    private static string Format(string format, params object?[] args) =>
        string.Format(CultureInfo.InvariantCulture, format, args);

    [DoesNotReturn]
    public static void ArgumentException_LengthMismatch(string paramName, string otherName, int length, int otherLength) =>
        throw new ArgumentException(
            Format("{0} has {1} elements but {2} has {3}; they must have the same length.", otherName, otherLength, paramName, length),
            paramName);

    [DoesNotReturn]
    public static void ArgumentException_DestinationTooShort(string paramName, int needed, int actual) =>
        throw new ArgumentException(
            Format("Destination is too short: {0} elements are needed but it has {1}.", needed, actual),
            paramName);

    [DoesNotReturn]
    public static void ArgumentException_RowLengthDoesNotDivide(string paramName, int length, int rowLength) =>
        throw new ArgumentException(
            Format("The row length {0} does not divide the input length {1}: the input must be a whole number of rows.", rowLength, length),
            paramName);

    [DoesNotReturn]
    public static void ArgumentOutOfRange_NotPositive(string paramName, double value) =>
        throw new ArgumentOutOfRangeException(paramName, value,
            Format("{0} must be a finite number greater than 0, got {1}.", paramName, value));

    [DoesNotReturn]
    public static void ArgumentOutOfRange_Alpha(string paramName, double value) =>
        throw new ArgumentOutOfRangeException(paramName, value,
            Format("The order {0} must be non-negative (0 ≤ {0} ≤ +∞) and not NaN, got {1}.", paramName, value));

    [DoesNotReturn]
    public static void ArgumentException_NotFinite(string paramName, int index, double value) =>
        throw new ArgumentException(
            Format("{0} contains the non-finite value {1} at index {2}; probabilities must be finite.", paramName, value, index),
            paramName);

    [DoesNotReturn]
    public static void ArgumentException_Negative(string paramName, int index, double value) =>
        throw new ArgumentException(
            Format("{0} contains the negative value {1} at index {2}; probabilities and weights must be ≥ 0.", paramName, value, index),
            paramName);

    [DoesNotReturn]
    public static void ArgumentException_NegativeCount(string paramName, int index, long value) =>
        throw new ArgumentException(
            Format("{0} contains the negative count {1} at index {2}; counts must be ≥ 0.", paramName, value, index),
            paramName);

    [DoesNotReturn]
    public static void ArgumentException_NotNormalized(string paramName, double sum, double tolerance) =>
        throw new ArgumentException(
            Format("{0} sums to {1:R}, not 1 (tolerance {2:G3}). Pass normalize: true to rescale it, or normalise it first.", paramName, sum, tolerance),
            paramName);

    [DoesNotReturn]
    public static void ArgumentException_ZeroMass(string paramName) =>
        throw new ArgumentException(
            Format("{0} has total mass 0 (empty or all zeros); it is not a distribution and cannot be normalised.", paramName),
            paramName);

    [DoesNotReturn]
    public static void ArgumentException(string paramName, string message) =>
        throw new ArgumentException(message, paramName);

    [DoesNotReturn]
    public static void ArgumentOutOfRange(string paramName, object? value, string message) =>
        throw new ArgumentOutOfRangeException(paramName, value, message);
}
