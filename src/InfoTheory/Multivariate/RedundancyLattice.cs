using System.Globalization;
using InfoTheory.Internal;

namespace InfoTheory.Multivariate;

/// <summary>
/// The redundancy lattice of Williams &amp; Beer (2010) for k sources: its nodes are the antichains of non-empty sets of
/// sources (collections in which no set contains another), ordered by α ≼ β ⇔ every set of β contains some set of α.
/// A redundancy measure assigns I∩(α) to each node; the partial information atoms are its Möbius inversion,
/// Π(α) = I∩(α) − Σ_{β ≺ α} Π(β).
/// </summary>
/// <remarks>
/// The lattice has 4 nodes for two sources ({1}{2} ≺ {1}, {2} ≺ {12}), 18 for three, 166 for four and 7579 for five
/// (the Dedekind numbers less two). Nodes are listed bottom-up in a linear extension of the order, so the Möbius
/// inversion runs in one pass. Sources are numbered from 0 inside the library; <see cref="Format"/> writes them from 1,
/// as the literature does.
/// </remarks>
public sealed class RedundancyLattice
{
    /// <summary>The most sources supported (the lattice of six sources has 7 828 352 nodes).</summary>
    public const int MaxSources = 5;

    private static readonly Dictionary<int, RedundancyLattice> Cache = [];
    private readonly int[][] _nodes;
    private readonly int[][] _below;

    private RedundancyLattice(int sources, int[][] nodes, int[][] below)
    {
        Sources = sources;
        _nodes = nodes;
        _below = below;
    }

    /// <summary>The number k of sources.</summary>
    public int Sources { get; }

    /// <summary>The number of nodes (antichains).</summary>
    public int Count => _nodes.Length;

    /// <summary>
    /// Node <paramref name="index"/> as its sets of sources, each a bit mask (bit i set: source i is in the set);
    /// node 0 is the bottom {1}{2}…{k}, the last node the top {12…k}.
    /// </summary>
    /// <param name="index">0 ≤ index &lt; <see cref="Count"/>.</param>
    /// <returns>The sets of the antichain.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is out of range.</exception>
    public ReadOnlySpan<int> Node(int index)
    {
        CheckIndex(index);
        return _nodes[index];
    }

    /// <summary>The indices of the nodes strictly below node <paramref name="index"/>.</summary>
    /// <param name="index">0 ≤ index &lt; <see cref="Count"/>.</param>
    /// <returns>The indices β with β ≺ α.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is out of range.</exception>
    public ReadOnlySpan<int> Below(int index)
    {
        CheckIndex(index);
        return _below[index];
    }

    /// <summary>The lattice of <paramref name="sources"/> sources (built once, then shared).</summary>
    /// <param name="sources">2 ≤ k ≤ <see cref="MaxSources"/>.</param>
    /// <returns>The lattice.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="sources"/> is out of range.</exception>
    public static RedundancyLattice Of(int sources)
    {
        if (sources is < 2 or > MaxSources)
        {
            ThrowHelper.ArgumentOutOfRange(nameof(sources), sources, string.Create(CultureInfo.InvariantCulture,
                $"sources must be between 2 and {MaxSources}, got {sources}."));
        }

        lock (Cache)
        {
            if (!Cache.TryGetValue(sources, out RedundancyLattice? lattice))
            {
                lattice = Build(sources);
                Cache[sources] = lattice;
            }

            return lattice;
        }
    }

    /// <summary>The index of the node with exactly these sets (in any order).</summary>
    /// <param name="sets">The sets of the antichain as bit masks.</param>
    /// <returns>The node's index.</returns>
    /// <exception cref="ArgumentException">The sets are not an antichain of this lattice.</exception>
    public int IndexOf(params ReadOnlySpan<int> sets)
    {
        int[] sorted = sets.ToArray();
        Array.Sort(sorted);
        for (int i = 0; i < _nodes.Length; i++)
        {
            if (_nodes[i].AsSpan().SequenceEqual(sorted))
            {
                return i;
            }
        }

        ThrowHelper.ArgumentException(nameof(sets), $"{FormatSets(sorted)} is not a node of the lattice of {Sources} sources.");
        return -1;
    }

    /// <summary>Node <paramref name="index"/> in the usual notation, sources numbered from 1: "{1}{2}", "{12}", "{1}{23}".</summary>
    /// <param name="index">0 ≤ index &lt; <see cref="Count"/>.</param>
    /// <returns>The notation.</returns>
    public string Format(int index) => FormatSets(Node(index));

    /// <summary>The Möbius inversion of a redundancy function: the atoms Π(α) = I∩(α) − Σ_{β ≺ α} Π(β).</summary>
    /// <param name="redundancy">I∩ of every node, in node order.</param>
    /// <returns>The atoms, in node order.</returns>
    /// <exception cref="ArgumentException">The length is not <see cref="Count"/>.</exception>
    public double[] Atoms(ReadOnlySpan<double> redundancy)
    {
        if (redundancy.Length != Count)
        {
            ThrowHelper.ArgumentException(nameof(redundancy), string.Create(CultureInfo.InvariantCulture,
                $"redundancy has {redundancy.Length} values but the lattice has {Count} nodes."));
        }

        double[] atoms = new double[Count];
        for (int i = 0; i < Count; i++)
        {
            double below = 0;
            foreach (int j in _below[i])
            {
                below += atoms[j];
            }

            atoms[i] = redundancy[i] - below;
        }

        return atoms;
    }

    /// <summary>α ≼ β: every set of β contains a set of α.</summary>
    internal static bool Precedes(int[] alpha, int[] beta) => beta.All(b => alpha.Any(a => (a & b) == a));

    private static string FormatSets(ReadOnlySpan<int> sets)
    {
        var text = new System.Text.StringBuilder();
        foreach (int set in sets)
        {
            text.Append('{');
            for (int s = 0; s < 31; s++)
            {
                if ((set & (1 << s)) != 0)
                {
                    text.Append((s + 1).ToString(CultureInfo.InvariantCulture));
                }
            }

            text.Append('}');
        }

        return text.ToString();
    }

    private void CheckIndex(int index)
    {
        if ((uint)index >= (uint)Count)
        {
            ThrowHelper.ArgumentOutOfRange(nameof(index), index, string.Create(CultureInfo.InvariantCulture, $"index must be in [0, {Count}), got {index}."));
        }
    }

    private static RedundancyLattice Build(int k)
    {
        // Antichains of the non-empty subsets of k sources: add sets in increasing mask order, each only if it neither
        // contains nor is contained in a set already chosen.
        int full = (1 << k) - 1;
        var antichains = new List<int[]>();
        var current = new List<int>();
        Extend(1);

        void Extend(int from)
        {
            if (current.Count > 0)
            {
                antichains.Add([.. current]);
            }

            for (int set = from; set <= full; set++)
            {
                if (current.TrueForAll(a => (a & set) != a && (a & set) != set))
                {
                    current.Add(set);
                    Extend(set + 1);
                    current.RemoveAt(current.Count - 1);
                }
            }
        }

        // A linear extension: the number of nodes below a node grows along every chain, so sorting by it (then by the
        // sets, for a fixed order) lists every node after all the nodes below it.
        int m = antichains.Count;
        var below = new List<int>[m];
        for (int i = 0; i < m; i++)
        {
            below[i] = [];
            for (int j = 0; j < m; j++)
            {
                if (i != j && Precedes(antichains[j], antichains[i]))
                {
                    below[i].Add(j);
                }
            }
        }

        int[] order = Enumerable.Range(0, m)
            .OrderBy(i => below[i].Count)
            .ThenBy(i => antichains[i].Length)
            .ThenBy(i => string.Join(",", antichains[i]), StringComparer.Ordinal)
            .ToArray();
        int[] position = new int[m];
        for (int p = 0; p < m; p++)
        {
            position[order[p]] = p;
        }

        int[][] nodes = order.Select(i => antichains[i]).ToArray();
        int[][] belowSorted = order.Select(i => below[i].Select(j => position[j]).Order().ToArray()).ToArray();
        return new RedundancyLattice(k, nodes, belowSorted);
    }
}
