using InfoTheory.Continuous;
using InfoTheory.Kernel.Internal;

namespace InfoTheory.Kernel;

/// <summary>
/// Cauchy-Schwarz quadratic mutual information by Parzen estimation: I_CS(X;Y) = D_CS(p_XY ‖ p_X p_Y) =
/// ½ ln(V_J V_M / V_C²) with the joint, marginal and cross information potentials
/// V_J = (1/n²) Σᵢⱼ Kˣᵢⱼ Kʸᵢⱼ, V_M = (1/n²) Σᵢⱼ Kˣᵢⱼ · (1/n²) Σᵢⱼ Kʸᵢⱼ, V_C = (1/n) Σᵢ [(1/n) Σⱼ Kˣᵢⱼ][(1/n) Σⱼ Kʸᵢⱼ]
/// (Príncipe, Xu &amp; Fisher 2000, "Information theoretic learning", in Unsupervised Adaptive Filtering; Príncipe 2010, §2.9),
/// in nats.
/// </summary>
/// <remarks>
/// <para>
/// Kˣ and Kʸ are Gaussian kernels of width σ√2 (the convolution of two Parzen windows of width σ), each variable with its
/// own σ (explicit, or the rule applied to x and to y). The normalising constants cancel. Príncipe's CS-QMI is defined
/// as ln(V_J V_M / V_C²), twice this value; the half makes I_CS the Cauchy-Schwarz divergence of the library's
/// convention. ≥ 0 (Cauchy-Schwarz inequality on the Parzen densities), symmetric, 0 when either variable is
/// constant. O(n² (dx + dy)) time, 2n² doubles. Immutable and thread-safe.
/// </para>
/// </remarks>
public sealed class CauchySchwarzMutualInformation() : KernelEstimator(KernelFunction.Gaussian(BandwidthRule.Silverman), parzen: true), IMultivariateMutualInformationEstimator
{
    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="x"/> or <paramref name="y"/> is null.</exception>
    /// <exception cref="ArgumentException">The row counts differ (named <paramref name="y"/>), or a bandwidth rule cannot be applied.</exception>
    public Information Estimate(SampleMatrix x, SampleMatrix y)
    {
        MatrixValidation.SameRows([x, y], [nameof(x), nameof(y)]);
        int n = x.Rows;
        double[] kx = Parzen.PairGram(x, Kernel.BandwidthFor(x), MaxDegreeOfParallelism);
        double[] ky = Parzen.PairGram(y, Kernel.BandwidthFor(y), MaxDegreeOfParallelism);
        double joint = 0, sumX = 0, sumY = 0, cross = 0;
        for (int i = 0; i < n; i++)
        {
            ReadOnlySpan<double> rx = kx.AsSpan(i * n, n), ry = ky.AsSpan(i * n, n);
            double rowX = System.Numerics.Tensors.TensorPrimitives.Sum(rx), rowY = System.Numerics.Tensors.TensorPrimitives.Sum(ry);
            joint += System.Numerics.Tensors.TensorPrimitives.Dot(rx, ry);
            sumX += rowX;
            sumY += rowY;
            cross += rowX * rowY;
        }

        double nn = (double)n * n;
        double vJ = joint / nn, vM = sumX / nn * (sumY / nn), vC = cross / (nn * n);
        return Information.FromNats(0.5 * (Math.Log(vJ) + Math.Log(vM) - (2 * Math.Log(vC))));
    }
}
