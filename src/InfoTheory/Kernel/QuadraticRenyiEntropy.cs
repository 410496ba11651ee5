using InfoTheory.Continuous;
using InfoTheory.Kernel.Internal;

namespace InfoTheory.Kernel;

/// <summary>
/// Rényi's quadratic entropy H₂(X) = −ln ∫ p(x)² dx estimated through the information potential of a Parzen window
/// estimate with a Gaussian window of width σ: Ĥ₂ = −ln V̂ with V̂ = (1/n²) Σᵢⱼ G_{σ√2}(xᵢ − xⱼ) (Príncipe 2010,
/// "Information Theoretic Learning", §2.6), in nats.
/// </summary>
/// <remarks>
/// <para>
/// Exact for the Parzen density: Ĥ₂ is the quadratic entropy of the mixture (1/n) Σᵢ N(xᵢ, σ² I)
/// (<see cref="GaussianMixture.QuadraticRenyiEntropy"/>). As an estimate of H₂ of the true density it is biased
/// upward by the window (the estimate is that of p convolved with N(0, σ² I)) and consistent as σ → 0 with nσᵈ → ∞.
/// A differential entropy: may be negative, changes by d ln a when the data are scaled by a.
/// </para>
/// <para>O(n² d) time, n² doubles of memory. Immutable and thread-safe.</para>
/// </remarks>
public sealed class QuadraticRenyiEntropy() : KernelEstimator(KernelFunction.Gaussian(BandwidthRule.Silverman), parzen: true), IMultivariateEntropyEstimator
{
    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="samples"/> is null.</exception>
    /// <exception cref="ArgumentException">The bandwidth rule cannot be applied (fewer than two rows, or constant samples); named <paramref name="samples"/>.</exception>
    public Information Estimate(SampleMatrix samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        GramInput.Prepared prepared = GramInput.Prepare(samples, Kernel, nameof(samples));
        int n = samples.Rows;
        double[] rows = GramBuilder.RowSums([prepared.Samples], [Parzen.PairKernel(prepared)], n, MaxDegreeOfParallelism)[0];
        double potential = System.Numerics.Tensors.TensorPrimitives.Sum<double>(rows) / ((double)n * n);
        return Information.FromNats(-Math.Log(potential) - Parzen.LogNormalizer(prepared.Bandwidth, samples.Columns));
    }
}
