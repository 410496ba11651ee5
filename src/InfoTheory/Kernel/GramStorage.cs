namespace InfoTheory.Kernel;

/// <summary>
/// Where a matrix-free Gram operator gets its entries in each product (<see cref="StochasticMatrixEntropy"/>). Both
/// choices give bit-identical results; they trade memory for time.
/// </summary>
public enum GramStorage
{
    /// <summary><see cref="Keep"/> when the kept tiles take at most 1 GiB (n up to about 23 000), else <see cref="Recompute"/>.</summary>
    Automatic,

    /// <summary>Rebuild every 64 × 64 tile from the samples in every product: O(n² d) per product, O(64²) memory per thread.</summary>
    Recompute,

    /// <summary>
    /// Build the upper-triangle tiles once, in single precision, and keep them: 2·n(n + 64) bytes (5 GB at n = 50 000);
    /// each product is then a pass over them, O(n²) per vector with no kernel evaluations.
    /// </summary>
    Keep,
}
