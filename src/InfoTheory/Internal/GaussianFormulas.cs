using MathNet.Numerics;

namespace InfoTheory.Internal;

/// <summary>
/// Entropy, MI, CMI and total correlation of a Gaussian from log-determinants of its covariance
/// (Cover &amp; Thomas 2006, §8.4 and §8.6), shared by the estimators and the exact measures.
/// </summary>
/// <remarks>
/// <para>
/// Every formula can subtract the expected error of its log-determinants under Gaussian sampling
/// (<c>biasCorrected</c>), one mechanism for all of them. With n rows and the unbiased covariance Σ̂, (n − 1)Σ̂ is
/// Wishart W_d(Σ, n − 1), and det((n − 1)Σ̂)/det Σ is distributed as a product of d independent χ² variables with
/// n − 1, n − 2, …, n − d degrees of freedom (Anderson 2003, <i>An Introduction to Multivariate Statistical
/// Analysis</i>, 3rd ed., §7.5). With E[ln χ²_k] = ψ(k/2) + ln 2,
/// E[ln det Σ̂] = ln det Σ + Σᵢ₌₁..d [ψ((n − i)/2) − ln((n − 1)/2)], so for ĥ = ½ (d ln 2πe + ln det Σ̂)
/// E[ĥ] − h = ½ Σᵢ₌₁..d [ψ((n − i)/2) − ln((n − 1)/2)] =: b(n, d), the analytic correction of Ince et al. (2017,
/// Hum. Brain Mapp. 38) for their Gaussian entropy.
/// A sub-block of Σ̂ is itself Wishart with the same degrees of freedom, so each entropy term of a measure is
/// corrected by b(n, its own dimension), and MI = H(X) + H(Y) − H(X,Y) becomes I − b(dx) − b(dy) + b(dx + dy),
/// unbiased for Gaussian data because expectation is linear.
/// </para>
/// </remarks>
internal static class GaussianFormulas
{
    /// <summary>ln(2πe).</summary>
    private const double LogTwoPiE = 2.8378770664093454836;

    /// <summary>
    /// b(n, d) = E[ĥ] − h = ½ Σᵢ₌₁..d [ψ((n − i)/2) − ln((n − 1)/2)] for the Gaussian entropy of d variables from n
    /// samples with the (n − 1) covariance; negative (ĥ is low). Needs n ≥ d + 1, which every caller has checked.
    /// About −d(d + 1)/(4n) for n ≫ d.
    /// </summary>
    public static double EntropyBias(int n, int d)
    {
        double logHalf = Math.Log((n - 1) / 2.0);
        double sum = 0;
        for (int i = 1; i <= d; i++)
        {
            sum += SpecialFunctions.DiGamma((n - i) / 2.0) - logHalf;
        }

        return 0.5 * sum;
    }

    /// <summary>b(n, d) when <paramref name="biasCorrected"/> and the model came from samples, else 0.</summary>
    private static double Bias(GaussianModel model, int d, bool biasCorrected) =>
        biasCorrected && model.SampleCount > 0 ? EntropyBias(model.SampleCount, d) : 0;

    /// <summary>H = ½ (d ln 2πe + ln det Σ), minus b(n, d) when <paramref name="biasCorrected"/>.</summary>
    public static Information Entropy(GaussianModel model, ReadOnlySpan<int> variables, string paramName, string what, bool biasCorrected = false)
    {
        double logDet = model.LogDeterminant(variables, paramName, what) + model.SumLogVariance(variables);
        return Information.FromNats((0.5 * ((variables.Length * LogTwoPiE) + logDet)) - Bias(model, variables.Length, biasCorrected));
    }

    /// <summary>
    /// I(X;Y) = ½ (ln det Σx + ln det Σy − ln det Σxy); +∞ when only the joint covariance is singular.
    /// Bias-corrected: minus b(dx) + b(dy) − b(dx + dy).
    /// </summary>
    public static Information MutualInformation(GaussianModel model, ReadOnlySpan<int> x, ReadOnlySpan<int> y,
        string xParam, string xWhat, string yParam, string yWhat, bool biasCorrected = false)
    {
        double ldx = model.LogDeterminant(x, xParam, xWhat);
        double ldy = model.LogDeterminant(y, yParam, yWhat);
        if (!model.TryJointLogDeterminant(x, y, [], out double ldxy))
        {
            return Information.PositiveInfinity;
        }

        double bias = Bias(model, x.Length, biasCorrected) + Bias(model, y.Length, biasCorrected)
            - Bias(model, x.Length + y.Length, biasCorrected);
        return Information.FromNats((0.5 * (ldx + ldy - ldxy)) - bias);
    }

    /// <summary>
    /// I(X;Y|Z) = ½ (ln det Σxz + ln det Σyz − ln det Σz − ln det Σxyz); +∞ when only the full covariance is singular.
    /// Bias-corrected: minus b(dx + dz) + b(dy + dz) − b(dz) − b(dx + dy + dz).
    /// </summary>
    public static Information ConditionalMutualInformation(GaussianModel model, ReadOnlySpan<int> x, ReadOnlySpan<int> y, ReadOnlySpan<int> z,
        string xParam, string xWhat, string yParam, string yWhat, string zParam, string zWhat, bool biasCorrected = false)
    {
        double ldz = model.LogDeterminant(z, zParam, zWhat);
        double ldxz = model.LogDeterminant([.. x, .. z], xParam, xWhat + " together with " + zWhat);
        double ldyz = model.LogDeterminant([.. y, .. z], yParam, yWhat + " together with " + zWhat);
        if (!model.TryJointLogDeterminant(x, y, z, out double ldxyz))
        {
            return Information.PositiveInfinity;
        }

        double bias = Bias(model, x.Length + z.Length, biasCorrected) + Bias(model, y.Length + z.Length, biasCorrected)
            - Bias(model, z.Length, biasCorrected) - Bias(model, x.Length + y.Length + z.Length, biasCorrected);
        return Information.FromNats((0.5 * (ldxz + ldyz - ldz - ldxyz)) - bias);
    }

    /// <summary>
    /// TC = Σ ½ ln σᵢᵢ − ½ ln det Σ = −½ ln det R; +∞ when R is singular. Bias-corrected: minus d·b(1) − b(d).
    /// </summary>
    public static Information TotalCorrelation(GaussianModel model, bool biasCorrected = false)
    {
        if (model.Size == 1)
        {
            return Information.Zero;
        }

        if (!model.TryLogDeterminant(GaussianModel.Range(0, model.Size), out double ld))
        {
            return Information.PositiveInfinity;
        }

        double bias = (model.Size * Bias(model, 1, biasCorrected)) - Bias(model, model.Size, biasCorrected);
        return Information.FromNats((-0.5 * ld) - bias);
    }
}
