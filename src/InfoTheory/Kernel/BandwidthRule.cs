namespace InfoTheory.Kernel;

/// <summary>Data-driven choices of the bandwidth σ of a Gaussian or Laplacian <see cref="KernelFunction"/>.</summary>
/// <remarks>
/// With n samples of dimension d and σ̄ = √(mean of the d unbiased column variances) (one overall scale, so the
/// rule does not standardise the columns: it is as scale-aware as the Euclidean distance the kernel uses).
/// </remarks>
public enum BandwidthRule
{
    /// <summary>
    /// Silverman's rule of thumb for a d-dimensional Gaussian kernel density estimate:
    /// σ = σ̄ · (4 / ((d + 2) n))^(1/(d + 4)) (Silverman 1986, "Density Estimation", eq. 4.14). The rule used with
    /// matrix-based Rényi entropy by Yu et al. (2019) and later work.
    /// </summary>
    Silverman,

    /// <summary>Scott's rule: σ = σ̄ · n^(−1/(d + 4)) (Scott 1992, "Multivariate Density Estimation", eq. 6.42).</summary>
    Scott,

    /// <summary>
    /// The median heuristic: σ = the median Euclidean distance between distinct samples (Gretton et al. 2005;
    /// Schölkopf &amp; Smola 2002). Above 1024 samples the median is taken over the pairs of 1024 evenly spaced rows
    /// (rows ⌊i·n/1024⌋), which keeps the rule O(d) per pair and deterministic.
    /// </summary>
    MedianHeuristic,
}
