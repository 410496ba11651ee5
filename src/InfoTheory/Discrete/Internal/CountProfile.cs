namespace InfoTheory.Discrete.Internal;

/// <summary>
/// The frequencies of frequencies of a histogram: each distinct non-zero count c with the number
/// of bins m_c that hold it. Every estimator that is a sum of a function of the count over the
/// bins can be evaluated once per distinct count; a sample of size N has at most √(2N) of them.
/// </summary>
internal sealed class CountProfile
{
    private CountProfile(long[] values, long[] multiplicities)
    {
        Values = values;
        Multiplicities = multiplicities;
    }

    /// <summary>The distinct non-zero counts, increasing.</summary>
    public long[] Values { get; }

    /// <summary>How many bins hold each of <see cref="Values"/>.</summary>
    public long[] Multiplicities { get; }

    /// <summary>The number of distinct counts.</summary>
    public int Length => Values.Length;

    /// <summary>Groups the counts: O(S log S) for S non-zero counts, on a copy.</summary>
    public static CountProfile From(ReadOnlySpan<long> counts)
    {
        long[] sorted = counts.ToArray();
        Array.Sort(sorted);
        var values = new List<long>();
        var multiplicities = new List<long>();
        for (int i = 0; i < sorted.Length;)
        {
            int j = i;
            while (j < sorted.Length && sorted[j] == sorted[i])
            {
                j++;
            }

            values.Add(sorted[i]);
            multiplicities.Add(j - i);
            i = j;
        }

        return new CountProfile([.. values], [.. multiplicities]);
    }
}
