namespace InfoTheory.Measures;

/// <summary>
/// Entropies of known distributions: Shannon, Rényi, Tsallis, perplexity, and the joint and
/// conditional entropy of a <see cref="JointDistribution"/>. Inputs are validated (finite,
/// non-negative, summing to 1 within 1e-9·n) unless <c>normalize: true</c> asks for rescaling;
/// they are never modified.
/// </summary>
public static partial class Entropy
{
}
