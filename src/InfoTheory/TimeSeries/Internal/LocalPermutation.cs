using InfoTheory.Continuous;
using InfoTheory.Continuous.Internal;
using InfoTheory.Continuous.Neighbors;
using InfoTheory.Internal;

namespace InfoTheory.TimeSeries.Internal;

/// <summary>
/// Local permutations for conditional-independence surrogates (Runge 2018, Algorithm 1): every row takes the variable
/// to be permuted from a row among its nearest neighbours in the conditioning space, without repeats where possible.
/// </summary>
internal static class LocalPermutation
{
    /// <summary>
    /// The neighbourhood of every row, <paramref name="size"/> entries per row (fewer rows than that: all rows): the row
    /// itself first, then its nearest other rows by maximum norm in <paramref name="condition"/>, nearest first. A
    /// condition with no columns makes every row a neighbour of every other, which is a full permutation.
    /// </summary>
    public static int[] Neighborhoods(SampleMatrix condition, int size, int maxDegreeOfParallelism)
    {
        int n = condition.Rows;
        int m = Math.Min(size, n);
        int[] lists = new int[n * m];
        if (condition.Columns == 0 || m == n)
        {
            for (int i = 0; i < n; i++)
            {
                lists[i * m] = i;
                for (int t = 1, j = 0; t < m; j++)
                {
                    if (j != i)
                    {
                        lists[(i * m) + t++] = j;
                    }
                }
            }

            return lists;
        }

        NeighborStatistics.ForEachNeighborBlock(condition, NeighborMetric.Maximum, m - 1, NeighborSearchMethod.Automatic, maxDegreeOfParallelism,
            (start, count, neighbors, _) =>
            {
                for (int t = 0; t < count; t++)
                {
                    int i = start + t;
                    lists[i * m] = i;
                    neighbors.AsSpan(t * (m - 1), m - 1).CopyTo(lists.AsSpan((i * m) + 1, m - 1));
                }
            });
        return lists;
    }

    /// <summary>
    /// One local permutation: rows are visited in a random order; each shuffles its neighbourhood and takes the first
    /// neighbour not yet taken, or — when all are taken — the last of the shuffled list (a repeat). Returns, per row, the
    /// row whose value it receives.
    /// </summary>
    public static int[] Draw(int[] neighborhoods, int rows, ref StreamRandom random)
    {
        int m = neighborhoods.Length / rows;
        int[] order = new int[rows];
        for (int i = 0; i < rows; i++)
        {
            order[i] = i;
        }

        random.Shuffle<int>(order);
        bool[] taken = new bool[rows];
        int[] from = new int[rows];
        Span<int> candidates = m <= 256 ? stackalloc int[m] : new int[m];
        foreach (int i in order)
        {
            neighborhoods.AsSpan(i * m, m).CopyTo(candidates);
            random.Shuffle(candidates);
            int choice = candidates[m - 1];
            foreach (int j in candidates)
            {
                if (!taken[j])
                {
                    choice = j;
                    break;
                }
            }

            taken[choice] = true;
            from[i] = choice;
        }

        return from;
    }
}
