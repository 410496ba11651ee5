using InfoTheory.Continuous;
using InfoTheory.Internal;
using InfoTheory.Kernel.Internal;

namespace InfoTheory.Kernel;

/// <summary>
/// Gram (kernel) matrices Kᵢⱼ = k(xᵢ, xⱼ) of the rows of a <see cref="SampleMatrix"/>, as a symmetric n × n
/// row-major <see cref="double"/> array.
/// </summary>
/// <remarks>
/// <para>
/// Dot products xᵢ·xⱼ come from a blocked SIMD kernel (4 × 4 register tiles over 64-row blocks and 256-element
/// reduction chunks, the widest accelerated vectors); distance kernels use ‖xᵢ − xⱼ‖² = ‖xᵢ‖² + ‖xⱼ‖² − 2 xᵢ·xⱼ clamped at 0,
/// on the samples centred at their per-column median and scaled by a power of two (the bandwidth in the same units). Only the upper
/// triangle is computed, then mirrored, so the result is exactly symmetric. Blocks are fixed by n alone, so results
/// are bit-identical for any <c>maxDegreeOfParallelism</c>. Permuting the rows permutes the matrix up to an ulp or
/// two (dot products are exact-order independent of position, but the vectorised exp may round a lane differently
/// from its scalar tail).
/// </para>
/// <para>
/// Accuracy: the distance identity errs by about d·ε·‖x‖² in the squared distance, so it is applied to centred samples,
/// whose norms are of the order of their spread: a Gaussian or Laplacian Gram matrix does not change when the samples are
/// translated (bit for bit when the translation is exact in floating point: the centre is a median, an order statistic,
/// and the difference from it is then exact) or scaled by a power of two with a bandwidth rule, and no finite input
/// overflows. Linear and polynomial kernels use the samples as given. Float data enter through <see cref="SampleMatrix.FromArray(float[,])"/> (widened exactly; arithmetic in double).
/// </para>
/// <para>Time O(n² d / 2), memory n² doubles for the result and nothing else of size n².</para>
/// </remarks>
public static class GramMatrix
{
    /// <summary>The Gram matrix of <paramref name="samples"/> under <paramref name="kernel"/>.</summary>
    /// <param name="samples">n samples (rows) of dimension d.</param>
    /// <param name="kernel">The kernel; a bandwidth rule is applied to <paramref name="samples"/>.</param>
    /// <param name="maxDegreeOfParallelism">Threads to use: −1 (default, no limit) or at least 1. Does not change the result.</param>
    /// <returns>A new n·n array, row-major: K[i·n + j] = k(xᵢ, xⱼ).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="samples"/> or <paramref name="kernel"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxDegreeOfParallelism"/> is 0 or less than −1.</exception>
    /// <exception cref="ArgumentException">The bandwidth rule cannot be applied (see <see cref="KernelFunction.SelectBandwidth"/>), or n² doubles exceed the largest array or the memory this process may use.</exception>
    public static double[] Compute(SampleMatrix samples, KernelFunction kernel, int maxDegreeOfParallelism = Settings.DefaultMaxDegreeOfParallelism)
    {
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentNullException.ThrowIfNull(kernel);
        Settings.MaxDegreeOfParallelism(maxDegreeOfParallelism, nameof(maxDegreeOfParallelism));
        GramInput.RequireSquare(samples.Rows, 1, nameof(samples), "The Gram matrix");
        GramInput.Prepared prepared = GramInput.Prepare(samples, kernel, nameof(samples));
        double[] result = new double[samples.Rows * samples.Rows];
        GramBuilder.Fill(prepared.Samples, prepared.Kernel, result, maxDegreeOfParallelism);
        return result;
    }
}
