namespace InfoTheory.TimeSeries;

/// <summary>One embedding tried by <see cref="EmbeddingSearch"/> and its score.</summary>
/// <param name="History">The number of past values (k for a target, l for a source).</param>
/// <param name="Delay">The spacing τ of the past values in time steps.</param>
/// <param name="Score">The criterion: the mean squared prediction error for <see cref="EmbeddingSearch.Ragwitz(IReadOnlyList{Continuous.SampleMatrix}, IReadOnlyList{int}, IReadOnlyList{int}, int, int)"/> (lower is better); the estimate in nats for the information searches (higher is better).</param>
public sealed record EmbeddingCandidate(int History, int Delay, double Score);

/// <summary>The embedding chosen by an <see cref="EmbeddingSearch"/> and the score of every candidate tried.</summary>
/// <param name="History">The chosen number of past values.</param>
/// <param name="Delay">The chosen spacing in time steps.</param>
/// <param name="Score">The chosen candidate's score.</param>
/// <param name="Candidates">Every candidate in the order tried: history by history, each with every delay.</param>
public sealed record EmbeddingChoice(int History, int Delay, double Score, IReadOnlyList<EmbeddingCandidate> Candidates);
