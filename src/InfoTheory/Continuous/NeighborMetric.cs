namespace InfoTheory.Continuous;

/// <summary>The distance used by the k-nearest-neighbour estimators.</summary>
public enum NeighborMetric
{
    /// <summary>
    /// The maximum norm (Chebyshev, L∞): max over the columns of |xᵢ − yᵢ|. The norm of the KSG estimators
    /// (Kraskov, Stögbauer &amp; Grassberger 2004): the joint distance is the larger of the marginal distances,
    /// which is what lets the neighbour counts in the marginal spaces share the joint radius.
    /// </summary>
    Maximum,

    /// <summary>The Euclidean norm (L2): the square root of the sum over the columns of (xᵢ − yᵢ)².</summary>
    Euclidean,
}
