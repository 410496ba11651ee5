namespace InfoTheory.Discrete;

/// <summary>
/// Standard choices of the concentration a of a symmetric Dirichlet(a, …, a) prior over the K bins
/// of an alphabet, as used by <see cref="DirichletEntropy"/> (Hausser and Strimmer 2009, Table 1,
/// list the same four values).
/// </summary>
public enum DirichletPrior
{
    /// <summary>a = 1/2: Jeffreys' invariant prior (Jeffreys 1946; Krichevsky-Trofimov).</summary>
    Jeffreys,

    /// <summary>a = 1: the uniform prior over the simplex (Bayes-Laplace; adds one pseudo-count per bin).</summary>
    Laplace,

    /// <summary>a = 1/K: one pseudo-count in total, spread over the alphabet (Perks 1947).</summary>
    Perks,

    /// <summary>a = √N / K: the minimax prior for the squared error of the frequencies (Trybula 1958).</summary>
    Minimax,
}
