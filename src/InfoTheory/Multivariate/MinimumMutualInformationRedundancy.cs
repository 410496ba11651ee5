namespace InfoTheory.Multivariate;

/// <summary>
/// Minimum mutual information redundancy I_MMI(α) = min_{A ∈ α} I(T; S_A) (Barrett 2015): the smallest information any
/// set of the antichain carries about the target. For Gaussian sources and a univariate target, I_min, BROJA and CCS
/// reduce to it (Barrett 2015); on discrete data it overstates redundancy when sources carry different information of
/// the same amount (COPY: redundancy 1 bit).
/// </summary>
public sealed class MinimumMutualInformationRedundancy : RedundancyMeasure
{
    /// <inheritdoc />
    public override string Name => "MMI";

    /// <inheritdoc />
    public override RedundancyValues Evaluate(PidProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        RedundancyLattice lattice = problem.Lattice;
        double[] r = new double[lattice.Count];
        for (int i = 0; i < r.Length; i++)
        {
            double min = double.PositiveInfinity;
            foreach (int set in lattice.Node(i))
            {
                min = Math.Min(min, problem.MutualInformationNats(set));
            }

            r[i] = min;
        }

        return new RedundancyValues(r);
    }
}
