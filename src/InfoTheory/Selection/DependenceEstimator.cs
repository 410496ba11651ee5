namespace InfoTheory.Selection;

/// <summary>The pairwise estimator of a <see cref="DependenceMatrix"/>.</summary>
public enum DependenceEstimator
{
    /// <summary>
    /// The Gaussian-copula estimate (<see cref="Continuous.GaussianCopulaMutualInformation"/>, Ince et al. 2017):
    /// I = −½ ln(1 − r²) with r the correlation of the two columns' normal scores. The fast choice: the scores are
    /// computed once per column and every pair is one dot product. A lower bound on the true MI for monotone dependence;
    /// blind to non-monotone dependence.
    /// </summary>
    GaussianCopula,

    /// <summary>
    /// The KSG k-nearest-neighbour estimate (<see cref="Continuous.KsgMutualInformation"/>, algorithm 1, Kraskov et al.
    /// 2004) on columns standardised, jittered and sorted once. Sees any dependence; one neighbour search per pair, on a
    /// slab index built from the two columns' sorted orders.
    /// </summary>
    Ksg,

    /// <summary>
    /// The plug-in estimate of discrete MI (<see cref="Discrete.DiscreteMutualInformation"/>) with each column's distinct
    /// values as its symbols, numbered once per column.
    /// </summary>
    PlugIn,
}
