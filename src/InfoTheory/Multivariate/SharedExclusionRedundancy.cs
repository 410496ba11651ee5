using System.Numerics;

namespace InfoTheory.Multivariate;

/// <summary>
/// The shared-exclusion redundancy I^sx of Makkeh, Gutknecht &amp; Wibral (2021), "Introducing a differentiable measure
/// of pointwise shared information" (Phys. Rev. E 103, 032149), for any number of sources and pointwise. For an outcome
/// (s, t) and a lattice node α = {a₁, …, a_m}, let 𝔞 be the event that at least one source set aⱼ takes its observed
/// value; then i^sx(t : α) = ln[P(t | 𝔞) / P(t)], and I^sx(α) is its expectation.
/// </summary>
/// <remarks>
/// P(𝔞) and P(𝔞, t) come from the marginals by inclusion-exclusion: the intersection of the events of the sets in J is
/// the event of their union, so P(𝔞) = Σ_{J ≠ ∅} (−1)^{|J|+1} p(s_{∪J}). Atoms, global and local, may be negative
/// (XOR: redundancy log₂(2/3) ≈ −0.585 bits); the local atoms are <see cref="PartialInformation.DecomposeLocal"/>.
/// </remarks>
public sealed class SharedExclusionRedundancy : RedundancyMeasure
{
    /// <inheritdoc />
    public override string Name => "Isx";

    /// <inheritdoc />
    public override RedundancyValues Evaluate(PidProblem problem)
    {
        double[][] local = Local(problem);
        ReadOnlySpan<double> p = problem.Distribution.Probabilities;
        double[] r = new double[problem.Lattice.Count];
        for (int o = 0; o < local.Length; o++)
        {
            for (int i = 0; i < r.Length; i++)
            {
                r[i] += p[o] * local[o][i];
            }
        }

        return new RedundancyValues(r);
    }

    /// <summary>i^sx(t : α) in nats for every outcome (first index, in the distribution's order) and node (second).</summary>
    /// <param name="problem">The sources and target.</param>
    /// <returns>The local redundancies.</returns>
    public static double[][] Local(PidProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        DiscreteDistribution d = problem.Distribution;
        int k = problem.Sources;
        int masks = 1 << k;

        // p(s_U) and p(s_U, t) of each outcome for every union U of sources.
        var sources = new double[masks][];
        var withTarget = new double[masks][];
        for (int u = 1; u < masks; u++)
        {
            int[] members = PidProblem.Members(u);
            sources[u] = problem.MarginalOfEach(members);
            withTarget[u] = problem.MarginalOfEach([.. members, problem.Target]);
        }

        double[] pt = problem.MarginalOfEach([problem.Target]);
        RedundancyLattice lattice = problem.Lattice;
        double[][] local = new double[d.OutcomeCount][];
        for (int o = 0; o < local.Length; o++)
        {
            local[o] = new double[lattice.Count];
        }

        for (int i = 0; i < lattice.Count; i++)
        {
            int[] sets = lattice.Node(i).ToArray();
            for (int o = 0; o < local.Length; o++)
            {
                double union = 0, unionWithTarget = 0;
                for (int j = 1; j < (1 << sets.Length); j++)
                {
                    int u = 0;
                    for (int s = 0; s < sets.Length; s++)
                    {
                        if ((j & (1 << s)) != 0)
                        {
                            u |= sets[s];
                        }
                    }

                    double sign = (BitOperations.PopCount((uint)j) & 1) == 1 ? 1 : -1;
                    union += sign * sources[u][o];
                    unionWithTarget += sign * withTarget[u][o];
                }

                local[o][i] = Math.Log(unionWithTarget / (union * pt[o]));
            }
        }

        return local;
    }
}
