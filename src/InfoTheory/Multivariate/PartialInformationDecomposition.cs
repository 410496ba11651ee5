using System.Globalization;
using InfoTheory.Internal;

namespace InfoTheory.Multivariate;

/// <summary>
/// The result of a partial information decomposition: the redundancy and the atom of every node of the redundancy
/// lattice, the total I(S₁…S_k; T) they must sum to, and, for optimisation-based measures, the certified optimality gap.
/// </summary>
public sealed class PartialInformationDecomposition
{
    private readonly double[] _redundancy;
    private readonly double[] _atoms;

    internal PartialInformationDecomposition(string measure, RedundancyLattice lattice, double[] redundancy, double[] atoms, double total, double? gap, int iterations)
    {
        Measure = measure;
        Lattice = lattice;
        _redundancy = redundancy;
        _atoms = atoms;
        MutualInformation = Information.FromNats(total);
        OptimalityGap = gap is { } g ? Information.FromNats(g) : null;
        Iterations = iterations;
    }

    /// <summary>The redundancy measure's name.</summary>
    public string Measure { get; }

    /// <summary>The lattice whose nodes the atoms belong to.</summary>
    public RedundancyLattice Lattice { get; }

    /// <summary>I(S₁, …, S_k; T): the sum of all atoms.</summary>
    public Information MutualInformation { get; }

    /// <summary>A certified bound on the error of the optimised quantities (BROJA), or null for closed-form measures.</summary>
    public Information? OptimalityGap { get; }

    /// <summary>The solver's iterations (0 for closed-form measures).</summary>
    public int Iterations { get; }

    /// <summary>The atom of node <paramref name="index"/> (see <see cref="RedundancyLattice.Node"/>).</summary>
    /// <param name="index">0 ≤ index &lt; number of nodes.</param>
    /// <returns>Π(α).</returns>
    public Information Atom(int index) => Information.FromNats(_atoms[CheckIndex(index)]);

    /// <summary>The atom of the node written in the usual notation, sources from 1: "{1}{2}", "{12}", "{1}{23}".</summary>
    /// <param name="node">The node.</param>
    /// <returns>Π(α).</returns>
    /// <exception cref="ArgumentException">No node is written that way.</exception>
    public Information Atom(string node) => Atom(IndexOf(node));

    /// <summary>The redundancy I∩(α) of node <paramref name="index"/>.</summary>
    /// <param name="index">0 ≤ index &lt; number of nodes.</param>
    /// <returns>I∩(α).</returns>
    public Information RedundancyOf(int index) => Information.FromNats(_redundancy[CheckIndex(index)]);

    /// <summary>The atoms in node order.</summary>
    public IReadOnlyList<Information> Atoms => [.. _atoms.Select(Information.FromNats)];

    /// <summary>Σ of the atoms minus <see cref="MutualInformation"/>: 0 up to rounding (and the gap, for optimised measures).</summary>
    public Information SumError => Information.FromNats(_atoms.Sum() - MutualInformation.Nats);

    /// <summary>The shared (redundant) information: the bottom atom {1}{2}…{k}.</summary>
    public Information Redundancy => Atom(0);

    /// <summary>The synergy: the top atom {12…k}.</summary>
    public Information Synergy => Atom(_atoms.Length - 1);

    /// <summary>The unique information of one source: the atom {i}.</summary>
    /// <param name="source">0 ≤ source &lt; k.</param>
    /// <returns>Π({source}).</returns>
    public Information Unique(int source)
    {
        if ((uint)source >= (uint)Lattice.Sources)
        {
            ThrowHelper.ArgumentOutOfRange(nameof(source), source, string.Create(CultureInfo.InvariantCulture, $"source must be in [0, {Lattice.Sources}), got {source}."));
        }

        return Atom(Lattice.IndexOf(1 << source));
    }

    /// <summary>Every node and its atom in bits, one per line.</summary>
    /// <returns>The table.</returns>
    public override string ToString() => string.Join(Environment.NewLine,
        Enumerable.Range(0, _atoms.Length).Select(i => string.Create(CultureInfo.InvariantCulture, $"{Lattice.Format(i),-14} {Information.FromNats(_atoms[i]).Bits,10:F6} bits")));

    private int IndexOf(string node)
    {
        ArgumentNullException.ThrowIfNull(node);
        for (int i = 0; i < _atoms.Length; i++)
        {
            if (Lattice.Format(i) == node)
            {
                return i;
            }
        }

        ThrowHelper.ArgumentException(nameof(node), $"'{node}' is not a node of the lattice of {Lattice.Sources} sources; nodes are written like {Lattice.Format(0)} or {Lattice.Format(_atoms.Length - 1)}.");
        return -1;
    }

    private int CheckIndex(int index)
    {
        if ((uint)index >= (uint)_atoms.Length)
        {
            ThrowHelper.ArgumentOutOfRange(nameof(index), index, string.Create(CultureInfo.InvariantCulture, $"index must be in [0, {_atoms.Length}), got {index}."));
        }

        return index;
    }
}
