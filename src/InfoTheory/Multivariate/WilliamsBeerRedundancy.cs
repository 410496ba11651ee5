namespace InfoTheory.Multivariate;

/// <summary>
/// The redundancy I_min of Williams &amp; Beer (2010), "Nonnegative decomposition of multivariate information":
/// I_min(α) = Σ_t p(t) min_{A ∈ α} I(T = t; S_A), with the specific information
/// I(T = t; S_A) = Σ_a p(a | t) ln[p(t | a) / p(t)]. Non-negative atoms for any number of sources; it counts
/// information of the same amount about the same outcome as redundant even when it is about different things (COPY: 1 bit).
/// </summary>
public sealed class WilliamsBeerRedundancy : RedundancyMeasure
{
    /// <inheritdoc />
    public override string Name => "Imin";

    /// <inheritdoc />
    public override RedundancyValues Evaluate(PidProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        DiscreteDistribution d = problem.Distribution;
        int target = problem.Target;
        (int[] tCodes, int tCount) = Internal.Projection.Codes(d, [target]);
        double[] pt = new double[tCount];
        for (int o = 0; o < d.OutcomeCount; o++)
        {
            pt[tCodes[o]] += d.Probabilities[o];
        }

        // Specific information of every set of sources that appears in some node, per target value.
        var specific = new Dictionary<int, double[]>();
        RedundancyLattice lattice = problem.Lattice;
        for (int i = 0; i < lattice.Count; i++)
        {
            foreach (int set in lattice.Node(i))
            {
                if (!specific.ContainsKey(set))
                {
                    specific[set] = Specific(problem, set, tCodes, pt);
                }
            }
        }

        double[] r = new double[lattice.Count];
        for (int i = 0; i < r.Length; i++)
        {
            double total = 0;
            for (int t = 0; t < tCount; t++)
            {
                double min = double.PositiveInfinity;
                foreach (int set in lattice.Node(i))
                {
                    min = Math.Min(min, specific[set][t]);
                }

                total += pt[t] * min;
            }

            r[i] = total;
        }

        return new RedundancyValues(r);
    }

    /// <summary>I(T = t; S_A) = Σ_a p(a|t) ln[p(a, t) / (p(a) p(t))] for every target value t.</summary>
    private static double[] Specific(PidProblem problem, int set, int[] tCodes, double[] pt)
    {
        int[] a = PidProblem.Members(set);
        double[] pa = problem.MarginalOfEach(a);
        double[] pat = problem.MarginalOfEach([.. a, problem.Target]);
        (int[] atCodes, int atCount) = Internal.Projection.Codes(problem.Distribution, [.. a, problem.Target]);
        bool[] seen = new bool[atCount];
        double[] result = new double[pt.Length];
        for (int o = 0; o < atCodes.Length; o++)
        {
            if (seen[atCodes[o]])
            {
                continue;
            }

            seen[atCodes[o]] = true;
            int t = tCodes[o];
            result[t] += pat[o] / pt[t] * Math.Log(pat[o] / (pa[o] * pt[t]));
        }

        return result;
    }
}
