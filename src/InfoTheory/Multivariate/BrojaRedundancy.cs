using InfoTheory.Internal;
using InfoTheory.Multivariate.Internal;

namespace InfoTheory.Multivariate;

/// <summary>
/// The BROJA decomposition of Bertschinger, Rauh, Olbrich, Jost &amp; Ay (2014), "Quantifying unique information",
/// for two sources: unique information UI(T; S₁∖S₂) = min_{Q ∈ Δ_P} I_Q(T; S₁ | S₂) over the distributions Q with the
/// (S₁, T) and (S₂, T) marginals of P; shared SI = I(T; S₁) − UI₁, synergy CI = I_P(T; S₁S₂) − min_Q I_Q(T; S₁S₂).
/// </summary>
/// <remarks>
/// <para>
/// The convex problem is solved by a primal log-barrier interior-point method with damped Newton steps; the multipliers
/// give a point of its dual (the exponential-cone program of Makkeh, Theis &amp; Vicente 2018), and the duality gap
/// f(q) − dual is evaluated with q fitted exactly onto the marginals. <see cref="RedundancyValues.OptimalityGap"/>
/// is that certified gap in nats: every atom is within it of the exact BROJA value (the shared and synergistic atoms
/// from below, the unique ones from above).
/// </para>
/// <para>
/// Cost: each Newton step factors a dense matrix of order |S₁||T| + |S₂||T| − |T| (the constraint multipliers); the
/// cells themselves enter only through closed-form block inverses. Defined for two sources only.
/// </para>
/// </remarks>
public sealed class BrojaRedundancy : RedundancyMeasure
{
    /// <summary>The duality gap to reach, in nats (default 1e-12, about 1.4e-12 bits).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Not finite and positive.</exception>
    public double GapTolerance
    {
        get;
        init => field = Settings.Tolerance(value, nameof(GapTolerance));
    } = 1e-12;

    /// <summary>The most Newton steps (default 1000; at least 1). The certified gap is reported whether or not the tolerance was reached.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Less than 1.</exception>
    public int MaxIterations
    {
        get;
        init => field = Settings.AtLeast(value, 1, nameof(MaxIterations));
    } = 1000;

    /// <inheritdoc />
    public override string Name => "BROJA";

    /// <inheritdoc />
    public override int MaxSources => 2;

    /// <inheritdoc />
    public override RedundancyValues Evaluate(PidProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        if (problem.Sources != 2)
        {
            ThrowHelper.ArgumentException(nameof(problem), "BROJA is defined for two sources.");
        }

        DiscreteDistribution d = problem.Distribution;
        (int[] c1, int n1) = Projection.Codes(d, [0]);
        (int[] c2, int n2) = Projection.Codes(d, [1]);
        (int[] ct, int nt) = Projection.Codes(d, [2]);
        MemoryBudget.Require((long)n1 * n2 * nt, sizeof(double), nameof(problem), "The BROJA table of the three alphabets");
        double[] p = new double[n1 * n2 * nt];
        for (int o = 0; o < d.OutcomeCount; o++)
        {
            p[(((c1[o] * n2) + c2[o]) * nt) + ct[o]] += d.Probabilities[o];
        }

        BrojaSolver.Result result = BrojaSolver.Solve(p, n1, n2, nt, GapTolerance, MaxIterations);
        double hT = d.EntropyNats([2]);
        double minimal = hT + result.PrimalValue; // min I_Q(T; S1 S2) = H(T) − H_Q(T | S1 S2)
        double i1 = problem.MutualInformationNats(1), i2 = problem.MutualInformationNats(2), i12 = problem.MutualInformationNats(3);
        // Nodes bottom-up: {1}{2}, {1}, {2}, {12} (the order RedundancyLattice gives for two sources).
        RedundancyLattice lattice = problem.Lattice;
        double[] r = new double[4];
        r[lattice.IndexOf(1, 2)] = i1 + i2 - minimal;
        r[lattice.IndexOf(1)] = i1;
        r[lattice.IndexOf(2)] = i2;
        r[lattice.IndexOf(3)] = i12;
        return new RedundancyValues(r, result.Gap, result.Iterations);
    }
}
