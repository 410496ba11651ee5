namespace InfoTheory.Continuous.Neighbors;

/// <summary>Which algorithm answers the neighbour queries; every one gives identical answers.</summary>
internal enum NeighborSearchMethod
{
    /// <summary>Chosen from the number of points and the dimension (see <see cref="NeighborSearch.Create"/>).</summary>
    Automatic,

    /// <summary>Every query compares against every point: O(n) per query, no index.</summary>
    BruteForce,

    /// <summary>A k-d tree with node counts: O(log n)-ish per query in low dimension, O(n log n) to build.</summary>
    KdTree,

    /// <summary>One-dimensional points in sorted order (one column only): O(log n) per count.</summary>
    Sorted,

    /// <summary>Every query against every point, a hardware vector of points at a time: O(n·d) per query, no index.</summary>
    VectorizedBruteForce,
}
