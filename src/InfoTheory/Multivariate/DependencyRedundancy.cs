using InfoTheory.Multivariate.Internal;

namespace InfoTheory.Multivariate;

/// <summary>
/// The dependency-decomposition redundancy I_dep of James, Emenheiser &amp; Crutchfield (2018), "Unique information via
/// dependency constraints" (J. Phys. A 52, 014002), for two sources. The unique information of S₁ is the least increase
/// of I(S₁S₂; T) over the maximum-entropy distributions of the dependency lattice when the constraint p(s₁, t) is
/// added; with the pairwise marginals kept it reduces to
/// R = max{0, CoI_q₁, CoI_q₂}, CoI_q = I(S₁; T) + I(S₂; T) − I_q(S₁S₂; T), where q₁ = p(t) p(s₁ | t) p(s₂ | t) and
/// q₂ is the maximum-entropy distribution with all three pairwise marginals of p.
/// </summary>
/// <remarks>
/// Non-negative atoms, symmetric in the sources. q₂ is fitted by iterative proportional fitting to 1e-15 per marginal
/// cell; <see cref="RedundancyValues.Iterations"/> reports the sweeps.
/// </remarks>
public sealed class DependencyRedundancy : RedundancyMeasure
{
    /// <inheritdoc />
    public override string Name => "Idep";

    /// <inheritdoc />
    public override int MaxSources => 2;

    /// <inheritdoc />
    public override RedundancyValues Evaluate(PidProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var table = new TwoSourceTable(problem);
        double singles = problem.MutualInformationNats(1) + problem.MutualInformationNats(2);
        double co1 = singles - table.MutualInformation(table.ConditionallyIndependent());
        (double[] q2, int sweeps) = table.PairwiseMaximumEntropy();
        double co2 = singles - table.MutualInformation(q2);
        return new RedundancyValues(problem.WithBottom(Math.Max(0, Math.Max(co1, co2))), null, sweeps);
    }
}
