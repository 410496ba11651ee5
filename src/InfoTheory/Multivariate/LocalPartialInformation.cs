using System.Globalization;
using InfoTheory.Internal;

namespace InfoTheory.Multivariate;

/// <summary>
/// Local (pointwise) partial information atoms: for each outcome (s₁, …, s_k, t) of the coalesced sources and target,
/// the atom of every lattice node, in nats. Built by <see cref="PartialInformation.DecomposeLocal"/>.
/// </summary>
public sealed class LocalPartialInformation
{
    private readonly double[][] _atoms;

    internal LocalPartialInformation(DiscreteDistribution distribution, RedundancyLattice lattice, double[][] atoms)
    {
        Distribution = distribution;
        Lattice = lattice;
        _atoms = atoms;
    }

    /// <summary>The sources (variables 0 … k − 1) and target (variable k), one variable each; outcome i here is outcome i of the atoms.</summary>
    public DiscreteDistribution Distribution { get; }

    /// <summary>The lattice whose nodes the atoms belong to.</summary>
    public RedundancyLattice Lattice { get; }

    /// <summary>The local atom of node <paramref name="node"/> at outcome <paramref name="outcome"/>.</summary>
    /// <param name="outcome">0 ≤ outcome &lt; <see cref="DiscreteDistribution.OutcomeCount"/> of <see cref="Distribution"/>.</param>
    /// <param name="node">0 ≤ node &lt; the lattice's node count.</param>
    /// <returns>π(s, t : α).</returns>
    public Information Atom(int outcome, int node)
    {
        if ((uint)outcome >= (uint)_atoms.Length)
        {
            ThrowHelper.ArgumentOutOfRange(nameof(outcome), outcome, string.Create(CultureInfo.InvariantCulture, $"outcome must be in [0, {_atoms.Length}), got {outcome}."));
        }

        if ((uint)node >= (uint)Lattice.Count)
        {
            ThrowHelper.ArgumentOutOfRange(nameof(node), node, string.Create(CultureInfo.InvariantCulture, $"node must be in [0, {Lattice.Count}), got {node}."));
        }

        return Information.FromNats(_atoms[outcome][node]);
    }

    /// <summary>The probability-weighted mean of the local atoms of node <paramref name="node"/>: the global atom.</summary>
    /// <param name="node">0 ≤ node &lt; the lattice's node count.</param>
    /// <returns>Π(α).</returns>
    public Information Mean(int node)
    {
        _ = Atom(0, node);
        double sum = 0;
        for (int o = 0; o < _atoms.Length; o++)
        {
            sum += Distribution.Probabilities[o] * _atoms[o][node];
        }

        return Information.FromNats(sum);
    }
}
