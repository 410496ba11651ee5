namespace InfoTheory.Multivariate;

/// <summary>
/// A measure of redundant information I∩(α) for the nodes α of the redundancy lattice; its Möbius inversion gives the
/// partial information atoms (<see cref="PartialInformation"/>). Implementations: <see cref="MinimumMutualInformationRedundancy"/>,
/// <see cref="WilliamsBeerRedundancy"/> (I_min) and <see cref="BrojaRedundancy"/>.
/// </summary>
public abstract class RedundancyMeasure
{
    /// <summary>The measure's short name (as in the literature: "MMI", "Imin", "BROJA", "CCS", "Idep", "Isx").</summary>
    public abstract string Name { get; }

    /// <summary>The most sources the measure is defined for.</summary>
    public virtual int MaxSources => RedundancyLattice.MaxSources;

    /// <summary>I∩ of every node of <paramref name="problem"/>'s lattice, in nats, in node order.</summary>
    /// <param name="problem">The sources and target.</param>
    /// <returns>The redundancies and, for measures computed by optimisation, a bound on their error.</returns>
    public abstract RedundancyValues Evaluate(PidProblem problem);

    /// <inheritdoc />
    public override string ToString() => Name;
}

/// <summary>The redundancy of every lattice node, in nats, with the optimality gap of an optimisation-based measure.</summary>
/// <param name="Redundancy">I∩(α) per node, in node order.</param>
/// <param name="OptimalityGap">A certified bound (nats) on the error of the optimised quantities, or null for closed-form measures.</param>
/// <param name="Iterations">The solver's iterations (0 for closed-form measures).</param>
public sealed record RedundancyValues(double[] Redundancy, double? OptimalityGap = null, int Iterations = 0);
