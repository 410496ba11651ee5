using System.Globalization;

namespace InfoTheory.Internal;

/// <summary>
/// The settings that several estimators share, with their one default (<see cref="EstimatorDefaults"/>) and their one validation: every
/// <c>MaxDegreeOfParallelism</c>, <c>Seed</c> and neighbour order <c>K</c> in the library is checked here, so the same
/// value means the same thing everywhere and the command-line tool can print exactly what the API used.
/// </summary>
internal static class Settings
{
    /// <inheritdoc cref="EstimatorDefaults.MaxDegreeOfParallelism"/>
    public const int DefaultMaxDegreeOfParallelism = EstimatorDefaults.MaxDegreeOfParallelism;

    /// <inheritdoc cref="EstimatorDefaults.Seed"/>
    public const int DefaultSeed = EstimatorDefaults.Seed;

    /// <inheritdoc cref="EstimatorDefaults.K"/>
    public const int DefaultK = EstimatorDefaults.K;

    /// <summary>−1 (no limit) or at least 1, as <see cref="ParallelOptions.MaxDegreeOfParallelism"/> accepts.</summary>
    public static int MaxDegreeOfParallelism(int value, string paramName = "MaxDegreeOfParallelism")
    {
        if (value is 0 or < -1)
        {
            ThrowHelper.ArgumentOutOfRange(paramName, value, string.Create(CultureInfo.InvariantCulture,
                $"{paramName} must be −1 (no limit) or at least 1, got {value}."));
        }

        return value;
    }

    /// <summary>Validated parallel options for <paramref name="value"/>.</summary>
    public static ParallelOptions Parallel(int value, string paramName = "maxDegreeOfParallelism") =>
        new() { MaxDegreeOfParallelism = MaxDegreeOfParallelism(value, paramName) };

    /// <summary>
    /// A neighbour order: at least 1, and small enough that a self-query (k + 1 points) and the n·k neighbour arrays
    /// can exist at all; whether n ≥ k + 1 is checked against the data.
    /// </summary>
    public static int K(int value, string paramName = "K")
    {
        if (value < 1)
        {
            ThrowHelper.ArgumentOutOfRange(paramName, value, string.Create(CultureInfo.InvariantCulture, $"{paramName} must be at least 1, got {value}."));
        }

        if (value >= Array.MaxLength)
        {
            ThrowHelper.ArgumentOutOfRange(paramName, value, string.Create(CultureInfo.InvariantCulture,
                $"{paramName} = {value} needs more than {Array.MaxLength} samples, more than an array can hold."));
        }

        return value;
    }

    /// <summary>A count setting (iterations, restarts, …) of at least <paramref name="minimum"/>.</summary>
    public static int AtLeast(int value, int minimum, string paramName)
    {
        if (value < minimum)
        {
            ThrowHelper.ArgumentOutOfRange(paramName, value, string.Create(CultureInfo.InvariantCulture, $"{paramName} must be at least {minimum}, got {value}."));
        }

        return value;
    }

    /// <summary>A convergence tolerance: finite and positive, or finite and ≥ 0 when <paramref name="zeroAllowed"/>.</summary>
    public static double Tolerance(double value, string paramName, bool zeroAllowed = false)
    {
        if (!double.IsFinite(value) || (zeroAllowed ? !(value >= 0) : !(value > 0)))
        {
            ThrowHelper.ArgumentOutOfRange(paramName, value, string.Create(CultureInfo.InvariantCulture,
                $"{paramName} must be finite and {(zeroAllowed ? "≥" : ">")} 0, got {value}."));
        }

        return value;
    }
}
