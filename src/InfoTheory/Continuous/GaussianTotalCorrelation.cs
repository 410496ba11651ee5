using InfoTheory.Internal;

namespace InfoTheory.Continuous;

/// <summary>
/// The Gaussian estimate of the total correlation (multi-information) of the columns of a sample,
/// TĈ = Σᵢ ĥ(Xᵢ) − ĥ(X₁, …, X_d) = Σᵢ ½ ln σ̂ᵢᵢ − ½ ln det Σ̂ = −½ ln det R̂, with R̂ the sample correlation matrix
/// (Watanabe 1960 for the measure).
/// </summary>
/// <remarks>
/// Invariant under per-column affine maps up to rounding; 0 for a single column; ≥ 0 up to rounding (Hadamard's
/// inequality). Biased upward by about d(d − 1)/(4n) nats under independence (2n·TĈ is asymptotically χ² with
/// d(d − 1)/2 degrees of freedom); <see cref="BiasCorrected"/> removes the bias exactly for Gaussian data. Needs
/// n ≥ d + 1 rows and no constant column; linearly dependent columns give +∞. Immutable and thread-safe. O(n d² + d³).
/// </remarks>
public sealed class GaussianTotalCorrelation
{
    /// <summary>
    /// Whether to correct each entropy term by its expected error under Gaussian sampling,
    /// b(n, d) = ½ Σᵢ₌₁..d [ψ((n − i)/2) − ln((n − 1)/2)]: the result is TĈ − d·b(n, 1) + b(n, d), unbiased for
    /// Gaussian data (Ince et al. 2017, Hum. Brain Mapp. 38; Wishart moments, Anderson 2003, §7.5). Default false.
    /// Corrected estimates can be negative near independence (not clipped).
    /// </summary>
    public bool BiasCorrected { get; init; }

    /// <summary>Estimates the total correlation of the columns of <paramref name="samples"/>.</summary>
    /// <param name="samples">The samples, one per row; each column is one variable.</param>
    /// <returns>The estimate in nats.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="samples"/> is null.</exception>
    /// <exception cref="ArgumentException">Fewer than d + 1 rows, or a constant column.</exception>
    public Information Estimate(SampleMatrix samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        return GaussianFormulas.TotalCorrelation(GaussianModel.FromSamples([samples], [nameof(samples)]), BiasCorrected);
    }
}
