namespace InfoTheory.RateDistortion;

/// <summary>Solves for points of the rate-distortion function R(D) of a discrete source.</summary>
public interface IRateDistortionSolver
{
    /// <summary>The point of R(D) where the slope is −β.</summary>
    /// <param name="source">The source pmf p(x).</param>
    /// <param name="distortion">The distortion measure, with |X| rows matching the source.</param>
    /// <param name="beta">The slope parameter β ≥ 0 (0 gives the zero-rate point D_max).</param>
    /// <returns>The rate, distortion, test channel and convergence data.</returns>
    RateDistortionResult Solve(ReadOnlySpan<double> source, DistortionMatrix distortion, double beta);

    /// <summary>The point of R(D) at a target distortion D, found by a monotone search over β.</summary>
    /// <param name="source">The source pmf p(x).</param>
    /// <param name="distortion">The distortion measure.</param>
    /// <param name="targetDistortion">The target D, at least D_min = Σₓ p(x) min_x̂ d(x, x̂).</param>
    /// <returns>The rate, distortion, test channel and convergence data.</returns>
    RateDistortionResult SolveForDistortion(ReadOnlySpan<double> source, DistortionMatrix distortion, double targetDistortion);
}
