using System.Globalization;
using InfoTheory.Internal;

namespace InfoTheory.Multivariate;

/// <summary>
/// Partial information decomposition (Williams &amp; Beer 2010): how the information that k sources carry about a target
/// splits into redundant, unique and synergistic parts, under a chosen redundancy measure.
/// </summary>
/// <remarks>
/// Redundancy of every node of the lattice is computed by the measure; the atoms are its Möbius inversion and sum to
/// I(S₁…S_k; T) by construction. For two sources the atoms are the redundancy {1}{2}, the unique informations {1} and
/// {2}, and the synergy {12}. Measures differ in what they call redundant (see each one's remarks); the known values on
/// the canonical distributions are in the documentation (docs/multivariate.md).
/// </remarks>
public static class PartialInformation
{
    /// <summary>Decomposes the information that the given source variables carry about the target variable.</summary>
    /// <param name="distribution">The joint distribution.</param>
    /// <param name="sources">The sources, each one or more variables of <paramref name="distribution"/> (a group becomes one joint source); 2 to 5 sources, disjoint.</param>
    /// <param name="target">The target variable(s), disjoint from the sources.</param>
    /// <param name="measure">The redundancy measure.</param>
    /// <returns>Every atom, the total, and the optimality gap of an optimised measure.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">Fewer than two or more sources than the measure supports, a variable is invalid or repeats.</exception>
    public static PartialInformationDecomposition Decompose(DiscreteDistribution distribution, IReadOnlyList<int[]> sources, int[] target, RedundancyMeasure measure)
    {
        ArgumentNullException.ThrowIfNull(measure);
        PidProblem problem = Problem(distribution, sources, target, measure.MaxSources, measure.Name);
        RedundancyValues values = measure.Evaluate(problem);
        double[] atoms = problem.Lattice.Atoms(values.Redundancy);
        double total = problem.MutualInformationNats((1 << sources.Count) - 1);
        return new PartialInformationDecomposition(measure.Name, problem.Lattice, values.Redundancy, atoms, total, values.OptimalityGap, values.Iterations);
    }

    /// <summary>Decomposes with single-variable sources: variables <paramref name="sources"/> about variable <paramref name="target"/>.</summary>
    /// <param name="distribution">The joint distribution.</param>
    /// <param name="sources">The source variables (2 to 5).</param>
    /// <param name="target">The target variable.</param>
    /// <param name="measure">The redundancy measure.</param>
    /// <returns>Every atom and the total.</returns>
    public static PartialInformationDecomposition Decompose(DiscreteDistribution distribution, int[] sources, int target, RedundancyMeasure measure)
    {
        ArgumentNullException.ThrowIfNull(sources);
        return Decompose(distribution, [.. sources.Select(s => new[] { s })], [target], measure);
    }

    /// <summary>Decomposes with the last variable as the target and every other variable as a source.</summary>
    /// <param name="distribution">A distribution of 3 to 6 variables, the target last.</param>
    /// <param name="measure">The redundancy measure.</param>
    /// <returns>Every atom and the total.</returns>
    public static PartialInformationDecomposition Decompose(DiscreteDistribution distribution, RedundancyMeasure measure)
    {
        ArgumentNullException.ThrowIfNull(distribution);
        int n = distribution.VariableCount;
        return Decompose(distribution, [.. Enumerable.Range(0, n - 1)], n - 1, measure);
    }

    /// <summary>
    /// Local (pointwise) atoms under the shared-exclusion redundancy (<see cref="SharedExclusionRedundancy"/>): for every
    /// outcome of the coalesced sources and target, the Möbius inversion of its local redundancies. Their
    /// probability-weighted mean is the global decomposition.
    /// </summary>
    /// <param name="distribution">The joint distribution.</param>
    /// <param name="sources">The sources, each one or more variables (2 to 5 sources), disjoint.</param>
    /// <param name="target">The target variable(s), disjoint from the sources.</param>
    /// <returns>The local atoms, outcome by outcome.</returns>
    /// <exception cref="ArgumentException">As for <see cref="Decompose(DiscreteDistribution, IReadOnlyList{int[]}, int[], RedundancyMeasure)"/>.</exception>
    public static LocalPartialInformation DecomposeLocal(DiscreteDistribution distribution, IReadOnlyList<int[]> sources, int[] target)
    {
        PidProblem problem = Problem(distribution, sources, target, RedundancyLattice.MaxSources, "Isx");
        double[][] redundancy = SharedExclusionRedundancy.Local(problem);
        double[][] atoms = [.. redundancy.Select(r => problem.Lattice.Atoms(r))];
        return new LocalPartialInformation(problem.Distribution, problem.Lattice, atoms);
    }

    /// <summary>Validates the sources and target (before any work) and coalesces them into a problem.</summary>
    private static PidProblem Problem(DiscreteDistribution distribution, IReadOnlyList<int[]> sources, int[] target, int maxSources, string name)
    {
        ArgumentNullException.ThrowIfNull(distribution);
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(target);
        if (sources.Count < 2 || sources.Count > maxSources)
        {
            ThrowHelper.ArgumentException(nameof(sources), string.Create(CultureInfo.InvariantCulture,
                $"{name} decomposes 2 to {maxSources} sources; got {sources.Count}."));
        }

        var used = new HashSet<int>();
        for (int i = 0; i < sources.Count; i++)
        {
            int[] group = distribution.CheckSubset(sources[i] ?? throw new ArgumentNullException(nameof(sources)), nameof(sources), allowEmpty: false);
            foreach (int v in group)
            {
                if (!used.Add(v))
                {
                    ThrowHelper.ArgumentException(nameof(sources), string.Create(CultureInfo.InvariantCulture, $"Variable {v} is in more than one source."));
                }
            }
        }

        foreach (int v in distribution.CheckSubset(target, nameof(target), allowEmpty: false))
        {
            if (used.Contains(v))
            {
                ThrowHelper.ArgumentException(nameof(target), string.Create(CultureInfo.InvariantCulture, $"Variable {v} is both a source and the target."));
            }
        }

        return new PidProblem(distribution.Coalesce([.. sources, target]), sources.Count);
    }
}
