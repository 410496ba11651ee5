using System.Globalization;

namespace InfoTheory.Internal;

/// <summary>
/// The settings that several estimators share, with their one default and their one validation: every
/// <c>MaxDegreeOfParallelism</c>, <c>Seed</c> and neighbour order <c>K</c> in the library is checked here, so the same
/// value means the same thing everywhere and the command-line tool can print exactly what the API used.
/// </summary>
internal static class Settings
{
    /// <summary>
    /// −1: no limit (the scheduler uses every core). Results are bit-identical for every degree of parallelism, so
    /// using all cores costs nothing in reproducibility.
    /// </summary>
    public const int DefaultMaxDegreeOfParallelism = -1;

    /// <summary>The seed of every random step (jitter, surrogates, initial encoders, probes) when none is given.</summary>
    public const int DefaultSeed = 0;

    /// <summary>The neighbour order of the k-nearest-neighbour estimators (as scikit-learn; Kraskov et al. recommend 2–4).</summary>
    public const int DefaultK = 3;

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
}
