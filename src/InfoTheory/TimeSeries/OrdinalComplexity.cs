namespace InfoTheory.TimeSeries;

/// <summary>
/// A point of the complexity-entropy plane (Rosso et al. 2007) of an ordinal-pattern distribution P over N = d!
/// patterns.
/// </summary>
/// <param name="NormalizedEntropy">H_S = S(P) / ln N, the normalised permutation entropy, in [0, 1].</param>
/// <param name="Disequilibrium">Q_J = Q₀ · JS(P, U), the Jensen-Shannon divergence from the uniform distribution U scaled by Q₀ to [0, 1].</param>
/// <param name="Complexity">C_JS = Q_J · H_S, the Jensen-Shannon statistical complexity: 0 for a single pattern and for the uniform distribution.</param>
public readonly record struct OrdinalComplexity(double NormalizedEntropy, double Disequilibrium, double Complexity);
