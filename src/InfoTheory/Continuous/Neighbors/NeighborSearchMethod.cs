namespace InfoTheory.Continuous.Neighbors;

/// <summary>Which algorithm answers the neighbour queries; every one gives identical answers.</summary>
internal enum NeighborSearchMethod
{
    /// <summary>Chosen from the number of points and the dimension (see <see cref="NeighborSearch.Create"/>).</summary>
    Automatic,

    /// <summary>Every query compares against every point: O(n) per query, no index.</summary>
    BruteForce,

    /// <summary>A k-d tree.</summary>
    KdTree,

    /// <summary>One-dimensional points in sorted order (one column only).</summary>
    Sorted,
}
