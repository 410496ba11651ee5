using System.Globalization;
using InfoTheory.Continuous;
using InfoTheory.Internal;

namespace InfoTheory.Kernel.Internal;

/// <summary>Parzen-window information potentials with a Gaussian window (Príncipe 2010, "Information Theoretic Learning", ch. 2).</summary>
internal static class Parzen
{
    /// <summary>A Gaussian kernel setting, checked at assignment.</summary>
    public static KernelFunction RequireGaussian(KernelFunction value, string paramName)
    {
        ArgumentNullException.ThrowIfNull(value, paramName);
        if (value.Type != KernelType.Gaussian)
        {
            ThrowHelper.ArgumentException(paramName, string.Format(CultureInfo.InvariantCulture,
                "The Parzen estimators need a Gaussian window, got {0}.", value));
        }

        return value;
    }

    /// <summary>
    /// The Gram matrix of exp(−‖xᵢ − xⱼ‖² / (4σ²)): the product of two Parzen windows of width σ integrates to a
    /// Gaussian of width σ√2 (∫ G_σ(x − a) G_σ(x − b) dx = G_{σ√2}(a − b)). The normalising constant (4πσ²)^(−d/2) is
    /// left out; <see cref="LogNormalizer"/> gives its logarithm.
    /// </summary>
    public static double[] PairGram(SampleMatrix samples, double sigma, int maxDegreeOfParallelism) =>
        GramMatrix.Compute(samples, KernelFunction.Gaussian(sigma * Math.Sqrt(2)), maxDegreeOfParallelism);

    /// <summary>ln (4πσ²)^(−d/2).</summary>
    public static double LogNormalizer(double sigma, int d) => -0.5 * d * Math.Log(4 * Math.PI * sigma * sigma);

    /// <summary>Σ over the block [r0, r0 + rows) × [c0, c0 + columns) of an n × n matrix.</summary>
    public static double BlockSum(double[] gram, int n, int r0, int rows, int c0, int columns)
    {
        double total = 0;
        for (int i = r0; i < r0 + rows; i++)
        {
            total += System.Numerics.Tensors.TensorPrimitives.Sum(gram.AsSpan((i * n) + c0, columns));
        }

        return total;
    }
}
