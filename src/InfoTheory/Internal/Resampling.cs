using System.Globalization;

namespace InfoTheory.Internal;

/// <summary>Argument checks and helpers shared by the permutation tests and the bootstrap.</summary>
internal static class Resampling
{
    /// <summary>A number of permutations or resamples: at least 1, and few enough that one estimate each can be kept.</summary>
    public static void Count(int count, string name)
    {
        if (count < 1)
        {
            ThrowHelper.ArgumentOutOfRange(name, count, string.Create(CultureInfo.InvariantCulture, $"{name} must be at least 1, got {count}."));
        }

        MemoryBudget.Require(count, sizeof(double), name, string.Create(CultureInfo.InvariantCulture, $"Keeping one estimate for each of {name} = {count}"));
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
