using System.Globalization;
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
    /// The kernel exp(−‖xᵢ − xⱼ‖² / (4σ²)) on prepared samples (σ in their units): the product of two Parzen windows of
    /// width σ integrates to a Gaussian of width σ√2 (∫ G_σ(x − a) G_σ(x − b) dx = G_{σ√2}(a − b)). The normalising
    /// constant (4πσ²)^(−d/2) is left out; <see cref="LogNormalizer"/> gives its logarithm.
    /// </summary>
    public static KernelParameters PairKernel(GramInput.Prepared prepared) =>
        new(KernelType.Gaussian, prepared.Kernel.Bandwidth * Math.Sqrt(2), 0, double.NaN, double.NaN);

    /// <summary>ln (4πσ²)^(−d/2).</summary>
    public static double LogNormalizer(double sigma, int d) => -0.5 * d * Math.Log(4 * Math.PI * sigma * sigma);
}
