namespace InfoTheory.Kernel;

/// <summary>
/// Where a matrix-free Gram operator gets its entries in each product (<see cref="StochasticMatrixEntropy"/>). Both
/// choices give bit-identical results; they trade memory for time. Measured at n = 50 000, d = 64, 11 products on two
/// threads: rebuilt 26 s with 0.75 GB allocated, kept 17.5 s with 5.5 GB (more on a first call while the memory is
/// fresh: 32.7 s on the reference virtual machine).
/// </summary>
public enum GramStorage
{
    /// <summary><see cref="Keep"/> when the kept tiles take at most 1 GiB (n up to about 23 000), else <see cref="Recompute"/>.</summary>
    Automatic,

    /// <summary>
    /// Rebuild every 64 × 64 tile from the samples in every product: O(n² d) per product; beyond the samples, memory
    /// for 16 accumulators of n doubles per vector in the block (all storage modes have these).
    /// </summary>
    Recompute,

    /// <summary>
    /// Build the upper-triangle tiles once, in single precision, and keep them: 2·n(n + 64) bytes (5 GB at n = 50 000);
    /// each product is then a pass over them, O(n²) per vector with no kernel evaluations.
    /// </summary>
    Keep,
}
