namespace InfoTheory.RateDistortion;

/// <summary>
/// One point of a rate-distortion function found by an iterative solver, with the optimal test
/// channel and the convergence data.
/// </summary>
public sealed record RateDistortionResult
{
    /// <summary>The rate R = I(X; X̂) of <see cref="TestChannel"/>: an upper bound on R(D) at <see cref="Distortion"/>, equal to it at convergence.</summary>
    public required Information Rate { get; init; }

    /// <summary>Blahut's lower bound on R(D) at <see cref="Distortion"/>; <see cref="Rate"/> − <see cref="LowerBound"/> is the duality gap.</summary>
    public required Information LowerBound { get; init; }

    /// <summary>The expected distortion D = Σ p(x) q(x̂|x) d(x, x̂) of the test channel.</summary>
    public required double Distortion { get; init; }

    /// <summary>The slope parameter β ≥ 0 (the curve's slope is dR/dD = −β, in nats per unit of distortion).</summary>
    public required double Beta { get; init; }

    /// <summary>The test channel q(x̂|x), row-major [|X| × |X̂|]; each row sums to 1.</summary>
    public required ReadOnlyMemory<double> TestChannel { get; init; }

    /// <summary>The output marginal q(x̂) = Σₓ p(x) q(x̂|x).</summary>
    public required ReadOnlyMemory<double> OutputMarginal { get; init; }

    /// <summary>The number of iterations run.</summary>
    public required int Iterations { get; init; }

    /// <summary>Whether the duality gap fell below the solver's tolerance.</summary>
    public required bool Converged { get; init; }

    /// <summary>The duality gap <see cref="Rate"/> − <see cref="LowerBound"/> ≥ 0: how far the rate may be above R(D).</summary>
    public Information Gap => Rate - LowerBound;
}
