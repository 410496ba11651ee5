using System.Globalization;
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
/// reduction chunks, the widest accelerated vectors); distance kernels use ‖xᵢ − xⱼ‖² = ‖xᵢ‖² + ‖xⱼ‖² − 2 xᵢ·xⱼ clamped at 0. Only the upper
/// triangle is computed, then mirrored, so the result is exactly symmetric. Blocks are fixed by n alone, so results
/// are bit-identical for any <c>maxDegreeOfParallelism</c>. Permuting the rows permutes the matrix up to an ulp or
/// two (dot products are exact-order independent of position, but the vectorised exp may round a lane differently
/// from its scalar tail).
/// </para>
/// <para>
/// Accuracy: the distance identity loses relative accuracy for points much closer together than their norms
/// (absolute error about d·ε·‖x‖² in the squared distance); centre data with a large offset first if that matters.
/// Float data enter through <see cref="SampleMatrix.FromArray(float[,])"/> (widened exactly; arithmetic in double).
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
    /// <exception cref="ArgumentException">The bandwidth rule cannot be applied (see <see cref="KernelFunction.SelectBandwidth"/>), or n² exceeds the largest array.</exception>
    public static double[] Compute(SampleMatrix samples, KernelFunction kernel, int maxDegreeOfParallelism = Settings.DefaultMaxDegreeOfParallelism)
    {
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentNullException.ThrowIfNull(kernel);
        Settings.MaxDegreeOfParallelism(maxDegreeOfParallelism, nameof(maxDegreeOfParallelism));
        RequireSquareFits(samples.Rows, nameof(samples));
        KernelParameters parameters = kernel.Resolve(samples);
        double[] result = new double[samples.Rows * samples.Rows];
        GramBuilder.Fill(samples, parameters, result, maxDegreeOfParallelism);
        return result;
    }

    internal static void RequireSquareFits(int n, string paramName)
    {
        if ((long)n * n > Array.MaxLength)
        {
            ThrowHelper.ArgumentException(paramName, string.Format(CultureInfo.InvariantCulture,
                "{0} has {1} rows; an n × n matrix of that size does not fit in one array.", paramName, n));
        }
    }
}
