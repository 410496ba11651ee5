using InfoTheory.Internal;

namespace InfoTheory.Discrete.Internal;

/// <summary>Per-sample counts for the local (pointwise) plug-in values.</summary>
internal static class LocalCounts
{
    /// <summary>
    /// For each sample i, the number of samples whose values of all the given variables equal those
    /// of sample i (the count of its cell in the joint histogram). The variables are already validated
    /// (same length, non-negative). O(N log N) through the dense joint codes.
    /// </summary>
    public static int[] Of(params ReadOnlySpan<int[]> variables)
    {
        (int[] codes, int distinct) = JointSymbols.Dense(variables);
        int[] counts = new int[distinct];
        foreach (int code in codes)
        {
            counts[code]++;
        }

        for (int i = 0; i < codes.Length; i++)
        {
            codes[i] = counts[codes[i]];
        }

        return codes;
    }

    /// <summary>ln b for the unit of the values, naming the caller's <c>logBase</c> parameter when it is not a defined <see cref="LogBase"/>.</summary>
    public static double NatsPer(LogBase logBase) => Information.NatsPer(logBase, nameof(logBase));

    /// <summary>Throws unless <paramref name="destination"/> holds at least <paramref name="needed"/> elements.</summary>
    public static void CheckDestination(Span<double> destination, int needed)
    {
        if (destination.Length < needed)
        {
            ThrowHelper.ArgumentException_DestinationTooShort(nameof(destination), needed, destination.Length);
        }
    }
}
