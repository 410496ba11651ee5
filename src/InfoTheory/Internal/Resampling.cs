using System.Globalization;

namespace InfoTheory.Internal;

/// <summary>Argument checks and helpers shared by the permutation tests and the bootstrap.</summary>
internal static class Resampling
{
    /// <summary>Parallel options for a degree of parallelism that is −1 (as many as the scheduler likes) or ≥ 1.</summary>
    public static ParallelOptions Options(int maxDegreeOfParallelism)
    {
        if (maxDegreeOfParallelism is 0 or < -1)
        {
            ThrowHelper.ArgumentOutOfRange(nameof(maxDegreeOfParallelism), maxDegreeOfParallelism, string.Create(CultureInfo.InvariantCulture,
                $"maxDegreeOfParallelism must be -1 (no limit) or at least 1, got {maxDegreeOfParallelism}."));
        }

        return new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism };
    }

    /// <summary>A number of permutations or resamples: at least 1.</summary>
    public static void Count(int count, string name)
    {
        if (count < 1)
        {
            ThrowHelper.ArgumentOutOfRange(name, count, string.Create(CultureInfo.InvariantCulture, $"{name} must be at least 1, got {count}."));
        }
    }

    /// <summary>Samples must not be empty.</summary>
    public static void NonEmpty(int length, string name)
    {
        if (length == 0)
        {
            ThrowHelper.ArgumentException(name, $"{name} is empty; at least one sample is needed.");
        }
    }
}
