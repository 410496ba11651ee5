namespace InfoTheory.Neural.Internal;

/// <summary>
/// The seam between the training loop and whatever evaluates and differentiates the critic. The loop owns the data,
/// the objective (∂L/∂S from the score matrix), early stopping and the held-out bound; a backend only scores pairs and
/// takes one optimiser step from ∂L/∂S. The managed backend (<see cref="ManagedCritic{T}"/>) is the only one today; a
/// backend on a tensor library would implement the same two members (score, then backward from the given gradient).
/// </summary>
internal interface ICritic<T>
    where T : unmanaged
{
    /// <summary>
    /// Scores every pair of a batch: scores[i·k + j] = f(xᵢ, yⱼ). <paramref name="x"/> and <paramref name="y"/> are
    /// unit-major (<c>[dx][k]</c> and <c>[dy][k]</c>: column c of the batch is one contiguous span of k values).
    /// </summary>
    void Score(ReadOnlySpan<T> x, ReadOnlySpan<T> y, int k, Span<T> scores);

    /// <summary>One optimiser step from ∂L/∂S (k × k, row-major) for the batch last passed to <see cref="Score"/>.</summary>
    void Step(ReadOnlySpan<T> scoreGradient, int k, double learningRate);
}
