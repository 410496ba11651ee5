namespace InfoTheory.Selection;

/// <summary>
/// The greedy information criteria of <see cref="FeatureSelection"/>, as unified by Brown, Pocock, Zhao &amp; Luján
/// (2012), "Conditional likelihood maximisation: a unifying framework for information theoretic feature selection",
/// JMLR 13, 27–66: the score of a candidate X_k given the selected set S is
/// J(X_k) = I(X_k;Y) − β Σ_{j∈S} I(X_j;X_k) + γ Σ_{j∈S} I(X_j;X_k|Y), with β and γ fixed by the criterion
/// (CMIM replaces the sums by a maximum).
/// </summary>
public enum SelectionCriterion
{
    /// <summary>Mutual information maximisation: β = γ = 0; ranks by relevance I(X_k;Y) alone (Lewis 1992).</summary>
    Mim,

    /// <summary>Mutual information feature selection: β = <see cref="FeatureSelection.Beta"/> (default 1), γ = 0 (Battiti 1994).</summary>
    Mifs,

    /// <summary>Minimum redundancy maximum relevance: β = 1/|S|, γ = 0 (Peng, Long &amp; Ding 2005).</summary>
    Mrmr,

    /// <summary>
    /// Joint mutual information: β = γ = 1/|S| (Yang &amp; Moody 1999); the same ranking as Σ_{j∈S} I(X_k X_j; Y), since
    /// I(X_k X_j;Y) = I(X_j;Y) + I(X_k;Y) − I(X_j;X_k) + I(X_j;X_k|Y) and Σ I(X_j;Y) does not depend on k.
    /// </summary>
    Jmi,

    /// <summary>Conditional infomax feature extraction: β = γ = 1 (Lin &amp; Tang 2006).</summary>
    Cife,

    /// <summary>
    /// Conditional mutual information maximisation: J = min_{j∈S} I(X_k;Y|X_j)
    /// = I(X_k;Y) − max_{j∈S} [I(X_j;X_k) − I(X_j;X_k|Y)] (Fleuret 2004).
    /// </summary>
    Cmim,
}
