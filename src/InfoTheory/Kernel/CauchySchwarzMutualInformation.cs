using System.Numerics.Tensors;
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
/// constant. Each variable is centred at its per-column median and scaled by a power of two first (with its bandwidth),
/// so translating x or y leaves I_CS unchanged. The row sums of Kˣ, Kʸ and Kˣ ∘ Kʸ are streamed tile by tile:
/// O(n² (dx + dy) / 2) time, O(n) memory, no n × n matrix stored. Immutable and thread-safe; bit-identical for any
/// <see cref="KernelEstimator.MaxDegreeOfParallelism"/>.
/// </para>
/// </remarks>
public sealed class CauchySchwarzMutualInformation() : KernelEstimator(KernelFunction.Gaussian(BandwidthRule.Silverman), parzen: true), IMultivariateMutualInformationEstimator
{
    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="x"/> or <paramref name="y"/> is null.</exception>
    /// <exception cref="ArgumentException">The row counts differ (named <paramref name="y"/>), or a bandwidth rule cannot be applied (named after the variable).</exception>
    public Information Estimate(SampleMatrix x, SampleMatrix y)
    {
        MatrixValidation.SameRows([x, y], [nameof(x), nameof(y)]);
        int n = x.Rows;
        GramInput.Prepared px = GramInput.Prepare(x, Kernel, nameof(x));
        GramInput.Prepared py = GramInput.Prepare(y, Kernel, nameof(y));
        double[][] rows = GramBuilder.RowSums([px.Samples, py.Samples], [Parzen.PairKernel(px), Parzen.PairKernel(py)], n, MaxDegreeOfParallelism);
        double sumX = TensorPrimitives.Sum<double>(rows[0]), sumY = TensorPrimitives.Sum<double>(rows[1]);
        double joint = TensorPrimitives.Sum<double>(rows[2]), cross = TensorPrimitives.Dot<double>(rows[0], rows[1]);
        double nn = (double)n * n;
        double vJ = joint / nn, vM = sumX / nn * (sumY / nn), vC = cross / (nn * n);
        return Information.FromNats(0.5 * (Math.Log(vJ) + Math.Log(vM) - (2 * Math.Log(vC))));
    }
}
