using System.Globalization;
using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;

namespace InfoTheory.Internal;

/// <summary>Argument checks shared by the public entry points; all run before any work.</summary>
internal static class Check
{
    public static void SameLength(int length, int otherLength, [CallerArgumentExpression(nameof(length))] string name = "", [CallerArgumentExpression(nameof(otherLength))] string otherName = "")
    {
        if (length != otherLength)
        {
            ThrowHelper.ArgumentException_LengthMismatch(ParamName(otherName), ParamName(name), otherLength, length);
        }
    }

    /// <summary>"p.Length" → "p".</summary>
    private static string ParamName(string expression)
    {
        int dot = expression.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? expression : expression[..dot];
    }

    /// <summary>Temperature T must be finite and &gt; 0; returns 1/T.</summary>
    public static double InverseTemperature(double temperature)
    {
        if (!(temperature > 0) || !double.IsFinite(temperature))
        {
            ThrowHelper.ArgumentOutOfRange_NotPositive(nameof(temperature), temperature);
        }

        return 1.0 / temperature;
    }

    /// <summary>A Rényi order: 0 ≤ α ≤ +∞, not NaN.</summary>
    public static void Order(double alpha, [CallerArgumentExpression(nameof(alpha))] string name = "")
    {
        if (!(alpha >= 0))
        {
            ThrowHelper.ArgumentOutOfRange_Alpha(name, alpha);
        }
    }

    public static void NonNegativeCounts<T>(ReadOnlySpan<T> counts, [CallerArgumentExpression(nameof(counts))] string name = "")
        where T : unmanaged, INumber<T>
    {
        if (!counts.IsEmpty && TensorPrimitives.Min(counts) < T.Zero)
        {
            int index = TensorPrimitives.IndexOfMin(counts);
            ThrowHelper.ArgumentException_NegativeCount(name, index, long.CreateTruncating(counts[index]));
        }
    }

    /// <summary>
    /// Validates a probability vector (finite, ≥ 0, sum 1 within 1e-9·max(n, 1) unless
    /// <paramref name="normalize"/>) and returns its total mass.
    /// </summary>
    public static double Distribution(ReadOnlySpan<double> p, bool normalize, [CallerArgumentExpression(nameof(p))] string name = "")
    {
        double sum = 0;
        for (int i = 0; i < p.Length; i++)
        {
            double value = p[i];
            if (!double.IsFinite(value))
            {
                ThrowHelper.ArgumentException_NotFinite(name, i, value);
            }

            if (value < 0)
            {
                ThrowHelper.ArgumentException_Negative(name, i, value);
            }

            sum += value;
        }

        if (normalize)
        {
            if (sum == 0)
            {
                ThrowHelper.ArgumentException_ZeroMass(name);
            }

            return sum;
        }

        double tolerance = 1e-9 * Math.Max(p.Length, 1);
        if (!(Math.Abs(sum - 1.0) <= tolerance))
        {
            ThrowHelper.ArgumentException_NotNormalized(name, sum, tolerance);
        }

        return sum;
    }

    /// <summary>
    /// Validates one probability vector of a larger input (finite, ≥ 0, summing to 1 within 1e-9·max(n, 1) unless
    /// <paramref name="normalize"/>) and returns its total mass, naming it in every message as
    /// <paramref name="format"/> filled with <paramref name="index"/> (e.g. "row {0} of channel", "marginals[{0}]"), so the
    /// caller learns which row or marginal is wrong. Only an API with a <c>normalize</c> parameter passes
    /// <paramref name="canNormalize"/>; the others are told to normalise the vector themselves.
    /// </summary>
    public static double Distribution(ReadOnlySpan<double> p, string paramName, string format, int index, bool normalize, bool canNormalize)
    {
        double sum = 0;
        for (int i = 0; i < p.Length; i++)
        {
            double value = p[i];
            if (!double.IsFinite(value))
            {
                ThrowHelper.ArgumentException(paramName, string.Format(CultureInfo.InvariantCulture,
                    "{0} contains the non-finite value {1} at index {2}; probabilities must be finite.", Describe(format, index), value, i));
            }

            if (value < 0)
            {
                ThrowHelper.ArgumentException(paramName, string.Format(CultureInfo.InvariantCulture,
                    "{0} contains the negative value {1} at index {2}; probabilities must be ≥ 0.", Describe(format, index), value, i));
            }

            sum += value;
        }

        if (normalize)
        {
            if (sum == 0)
            {
                ThrowHelper.ArgumentException(paramName, string.Format(CultureInfo.InvariantCulture,
                    "{0} has total mass 0 (empty or all zeros); it is not a distribution and cannot be normalised.", Describe(format, index)));
            }

            return sum;
        }

        double tolerance = 1e-9 * Math.Max(p.Length, 1);
        if (!(Math.Abs(sum - 1.0) <= tolerance))
        {
            string remedy = canNormalize
                ? "Pass normalize: true to rescale it, or normalise it first."
                : "Divide it by its sum first; this method does not rescale its input.";
            ThrowHelper.ArgumentException(paramName, string.Format(CultureInfo.InvariantCulture,
                "{0} sums to {1:R}, not 1 (tolerance {2:G3}); it must be a probability distribution. {3}", Describe(format, index), sum, tolerance, remedy));
        }

        return sum;
    }

    private static string Describe(string format, int index) => string.Format(CultureInfo.InvariantCulture, format, index);
}
