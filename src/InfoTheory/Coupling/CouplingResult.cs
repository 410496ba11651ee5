using InfoTheory.Measures;

namespace InfoTheory.Coupling;

/// <summary>One atom of a coupling: a tuple of outcomes (one per marginal) and its probability.</summary>
/// <param name="Indices">The outcome of each marginal, in the order the marginals were given.</param>
/// <param name="Mass">The probability of the tuple.</param>
public readonly record struct CouplingAtom(int[] Indices, double Mass);

/// <summary>A coupling of several marginals: a joint distribution given by its non-zero atoms.</summary>
public sealed class CouplingResult
{
    private readonly CouplingAtom[] _atoms;
    private readonly int[] _sizes;

    internal CouplingResult(CouplingAtom[] atoms, int[] sizes, Information lowerBound)
    {
        _atoms = atoms;
        _sizes = sizes;
        double[] masses = Array.ConvertAll(atoms, a => a.Mass);
        Entropy = Primitives.InformationPrimitives.Entropy(masses);
        LowerBound = lowerBound;
    }

    /// <summary>The non-zero atoms, in the order the algorithm created them (largest first for the greedy coupling).</summary>
    public IReadOnlyList<CouplingAtom> Atoms => _atoms;

    /// <summary>The joint entropy H of the coupling.</summary>
    public Information Entropy { get; }

    /// <summary>
    /// The majorization lower bound H(p₁ ∧ … ∧ pₙ) on the entropy of every coupling of the marginals
    /// (the entropy of their greatest lower bound in the majorization lattice; Cicalese, Gargano &amp; Vaccaro 2019).
    /// </summary>
    public Information LowerBound { get; }

    /// <summary>The marginal of one variable, recomputed from the atoms (equal to the input up to rounding).</summary>
    /// <param name="variable">The index of the marginal.</param>
    /// <returns>A new array of its probabilities.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="variable"/> is not the index of a marginal.</exception>
    public double[] Marginal(int variable)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(variable);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(variable, _sizes.Length);
        double[] marginal = new double[_sizes[variable]];
        foreach (CouplingAtom atom in _atoms)
        {
            marginal[atom.Indices[variable]] += atom.Mass;
        }

        return marginal;
    }

    /// <summary>The coupling as a dense <see cref="JointDistribution"/> (one axis per marginal).</summary>
    /// <returns>The joint distribution.</returns>
    /// <exception cref="InvalidOperationException">The dense table would have more than 2²⁴ cells.</exception>
    public JointDistribution ToJointDistribution()
    {
        long cells = 1;
        foreach (int size in _sizes)
        {
            cells *= size;
            if (cells > 1 << 24)
            {
                throw new InvalidOperationException("The dense joint table would have more than 2^24 cells; use Atoms instead.");
            }
        }

        double[] table = new double[cells];
        foreach (CouplingAtom atom in _atoms)
        {
            long index = 0;
            for (int k = 0; k < _sizes.Length; k++)
            {
                index = (index * _sizes[k]) + atom.Indices[k];
            }

            table[index] += atom.Mass;
        }

        return new JointDistribution(table, _sizes, normalize: true);
    }
}
