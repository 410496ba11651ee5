namespace InfoTheory.RateDistortion;

/// <summary>The capacity of a discrete memoryless channel found by Blahut-Arimoto, with its bounds.</summary>
public sealed record ChannelCapacityResult
{
    /// <summary>The capacity estimate: Blahut's lower bound ln Σₓ r(x) e^{D(W(·|x) ‖ q)}, within <see cref="UpperBound"/> − <see cref="LowerBound"/> of C.</summary>
    public Information Capacity => LowerBound;

    /// <summary>A lower bound on the capacity C.</summary>
    public required Information LowerBound { get; init; }

    /// <summary>An upper bound on C: maxₓ D(W(·|x) ‖ q).</summary>
    public required Information UpperBound { get; init; }

    /// <summary>The input distribution r(x) of the last iteration (capacity-achieving at convergence).</summary>
    public required ReadOnlyMemory<double> InputDistribution { get; init; }

    /// <summary>The number of iterations run.</summary>
    public required int Iterations { get; init; }

    /// <summary>Whether the bounds met within the solver's tolerance.</summary>
    public required bool Converged { get; init; }
}
