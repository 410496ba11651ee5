namespace InfoTheory.Measures;

/// <summary>
/// Divergences and distances between two known distributions p and q over the same outcomes:
/// Kullback-Leibler, cross-entropy, Jensen-Shannon, Cauchy-Schwarz, Rényi, Hellinger, total
/// variation and χ². Inputs are validated (same length, finite, non-negative, summing to 1
/// within 1e-9·n) unless <c>normalize: true</c> asks for rescaling; they are never modified.
/// </summary>
public static partial class Divergence
{
}
