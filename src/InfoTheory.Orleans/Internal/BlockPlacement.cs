namespace InfoTheory.Orleans.Internal;

/// <summary>
/// Home silos for the blocks (a ≤ b) of a symmetric matrix of column groups, chosen so each silo needs few groups: a
/// group is sent to every silo whose blocks touch it, so the data moved are the sum over silos of the groups their
/// blocks touch. Two partitions are formed and the one that touches fewer groups is kept:
/// <list type="bullet">
/// <item><i>Staircase</i>: blocks in order of (b, a), cut into one run of equal length per silo; silo s touches groups
/// 0 … b_s, about √((s + 1)/S) of them (1.71 G in all for S = 2, 2.39 G for S = 3).</item>
/// <item><i>Pairs of parts</i>: the groups cut into q parts with q(q + 1)/2 ≥ S, each pair of parts (u ≤ v) given to a
/// silo in turn; a silo touches two parts, 2G/q groups (≈ 0.14 G each, 14 G in all, for S = 100 against 100 G when every
/// silo takes blocks from anywhere).</item>
/// </list>
/// Blocks of unequal count per silo are balanced at run time by stealing (<see cref="ClusterScheduler"/>), which moves
/// a group only where a stolen block needs it. The result depends only on the arguments.
/// </summary>
internal static class BlockPlacement
{
    /// <summary>The index of each block's home silo.</summary>
    /// <param name="groupCount">G, the number of column groups.</param>
    /// <param name="blocks">The blocks (a, b), a ≤ b.</param>
    /// <param name="silos">S ≥ 1.</param>
    public static int[] Homes(int groupCount, IReadOnlyList<(int Row, int Column)> blocks, int silos)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(silos, 1);
        int[] staircase = Staircase(blocks, silos), pairs = PairsOfParts(groupCount, blocks, silos);
        return GroupsTouched(groupCount, blocks, pairs, silos) < GroupsTouched(groupCount, blocks, staircase, silos) ? pairs : staircase;
    }

    /// <summary>Σ over silos of the number of groups their blocks touch: the group uploads a cold job makes.</summary>
    public static long GroupsTouched(int groupCount, IReadOnlyList<(int Row, int Column)> blocks, int[] homes, int silos)
    {
        var touched = new bool[silos, groupCount];
        long total = 0;
        for (int i = 0; i < blocks.Count; i++)
        {
            foreach (int g in new[] { blocks[i].Row, blocks[i].Column })
            {
                if (!touched[homes[i], g])
                {
                    touched[homes[i], g] = true;
                    total++;
                }
            }
        }

        return total;
    }

    private static int[] Staircase(IReadOnlyList<(int Row, int Column)> blocks, int silos)
    {
        int[] order = [.. Enumerable.Range(0, blocks.Count).OrderBy(i => blocks[i].Column).ThenBy(i => blocks[i].Row)];
        int[] homes = new int[blocks.Count];
        for (int rank = 0; rank < order.Length; rank++)
        {
            homes[order[rank]] = (int)((long)rank * silos / order.Length);
        }

        return homes;
    }

    private static int[] PairsOfParts(int groupCount, IReadOnlyList<(int Row, int Column)> blocks, int silos)
    {
        int q = 1;
        while (q * (q + 1) / 2 < silos)
        {
            q++;
        }

        int[] homes = new int[blocks.Count];
        for (int i = 0; i < blocks.Count; i++)
        {
            // Parts of ⌊G/q⌋ or ⌈G/q⌉ consecutive groups.
            int u = (int)((long)blocks[i].Row * q / groupCount), v = (int)((long)blocks[i].Column * q / groupCount);
            // Pairs (u ≤ v) numbered row by row of the upper triangle of the q × q parts.
            int pair = (u * q) - (u * (u - 1) / 2) + (v - u);
            homes[i] = pair % silos;
        }

        return homes;
    }
}
