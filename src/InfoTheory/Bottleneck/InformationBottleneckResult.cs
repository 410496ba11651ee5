using System.Globalization;

namespace InfoTheory.Bottleneck;

/// <summary>
/// One solution of an information bottleneck problem on a discrete joint p(x, y): the encoder p(t|x),
/// the cluster marginal p(t), the decoder p(y|t), the two informations that span the information
/// plane, the objective that was minimised and the convergence data.
/// </summary>
/// <remarks>
/// All quantities are recomputed from <see cref="Encoder"/> and the joint when the result is built:
/// p(t) = Σₓ p(x) p(t|x) and p(y|t) = Σₓ p(x, y) p(t|x) / p(t) hold to rounding. A cluster that no x
/// uses (p(t) = 0) gets the decoder p(y), so every decoder row is a pmf.
/// </remarks>
public sealed record InformationBottleneckResult
{
    /// <summary>The encoder p(t|x), row-major [|X| × |T|]; each row sums to 1. Rows of hard (deterministic) solutions are 0/1.</summary>
    public required ReadOnlyMemory<double> Encoder { get; init; }

    /// <summary>The cluster marginal p(t) = Σₓ p(x) p(t|x), of length |T|.</summary>
    public required ReadOnlyMemory<double> ClusterMarginal { get; init; }

    /// <summary>The decoder p(y|t), row-major [|T| × |Y|]; each row sums to 1 (p(y) for an unused cluster).</summary>
    public required ReadOnlyMemory<double> Decoder { get; init; }

    /// <summary>|T|, the number of clusters (including unused ones).</summary>
    public required int Clusters { get; init; }

    /// <summary>The compression term I(X;T) = Σₓ p(x) KL(p(t|x) ‖ p(t)) ≥ 0, at most min(H(X), ln |T|).</summary>
    public required Information Compression { get; init; }

    /// <summary>
    /// The relevant information I(T;Y) = Σₜ KL(p(t, y) ‖ p(t) p(y)). By data processing along Y ↔ X ↔ T it is at most
    /// I(X;Y) and at most I(X;T).
    /// </summary>
    public required Information Relevance { get; init; }

    /// <summary>The cluster entropy H(T) = −Σₜ p(t) ln p(t); equal to <see cref="Compression"/> for a deterministic encoder.</summary>
    public required Information ClusterEntropy { get; init; }

    /// <summary>
    /// The minimised objective, in nats: I(X;T) − β I(T;Y) for <see cref="IterativeInformationBottleneck"/>,
    /// H(T) − β I(T;Y) for <see cref="DeterministicInformationBottleneck"/>, and −I(T;Y) (the β → ∞ limit of the
    /// IB Lagrangian divided by β) for <see cref="AgglomerativeInformationBottleneck"/>.
    /// </summary>
    public required Information Objective { get; init; }

    /// <summary>The trade-off parameter β ≥ 0 (+∞ for the agglomerative solutions, which only maximise I(T;Y)).</summary>
    public required double Beta { get; init; }

    /// <summary>The number of iterations of the run that produced this solution (merges, for the agglomerative path).</summary>
    public required int Iterations { get; init; }

    /// <summary>Whether that run reached its fixed point within the solver's tolerance before its iteration limit.</summary>
    public required bool Converged { get; init; }

    /// <summary>The largest absolute change of an encoder entry p(t|x) in the last iteration (0 at an exact fixed point).</summary>
    public required double Residual { get; init; }

    /// <summary>
    /// A sentence that says whether the run converged and, when it did not, how far it was: the iteration count and the
    /// last change of an encoder entry (<see cref="Residual"/>), with what to try. Near a critical β the self-consistent
    /// iteration slows down (its contraction factor tends to 1), so a run there can stop at its limit still moving.
    /// </summary>
    public string ConvergenceMessage => Converged
        ? string.Create(CultureInfo.InvariantCulture, $"Converged after {Iterations} iterations (last change of an encoder entry {Residual:G3}).")
        : string.Create(CultureInfo.InvariantCulture,
            $"Not converged: stopped at the iteration limit after {Iterations} iterations with the last change of an encoder entry still {Residual:G3}, above the tolerance. Raise MaxIterations or the tolerance; β = {Beta:G6} may be close to a critical β, where the iteration slows down.");
}
