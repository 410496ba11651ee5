namespace InfoTheory.Internal;

/// <summary>
/// Entropy, MI, CMI and total correlation of a Gaussian from log-determinants of its covariance
/// (Cover &amp; Thomas 2006, §8.4 and §8.6), shared by the estimators and the exact measures.
/// </summary>
internal static class GaussianFormulas
{
    /// <summary>ln(2πe).</summary>
    private const double LogTwoPiE = 2.8378770664093454836;

    /// <summary>H = ½ (d ln 2πe + ln det Σ).</summary>
    public static Information Entropy(GaussianModel model, ReadOnlySpan<int> variables, string paramName, string what)
    {
        double logDet = model.LogDeterminant(variables, paramName, what) + model.SumLogVariance(variables);
        return Information.FromNats(0.5 * ((variables.Length * LogTwoPiE) + logDet));
    }

    /// <summary>I(X;Y) = ½ (ln det Σx + ln det Σy − ln det Σxy); +∞ when only the joint covariance is singular.</summary>
    public static Information MutualInformation(GaussianModel model, ReadOnlySpan<int> x, ReadOnlySpan<int> y,
        string xParam, string xWhat, string yParam, string yWhat)
    {
        double ldx = model.LogDeterminant(x, xParam, xWhat);
        double ldy = model.LogDeterminant(y, yParam, yWhat);
        if (!model.TryJointLogDeterminant(x, y, [], out double ldxy))
        {
            return Information.PositiveInfinity;
        }

        return Information.FromNats(0.5 * (ldx + ldy - ldxy));
    }

    /// <summary>
    /// I(X;Y|Z) = ½ (ln det Σxz + ln det Σyz − ln det Σz − ln det Σxyz); +∞ when only the full covariance is singular.
    /// </summary>
    public static Information ConditionalMutualInformation(GaussianModel model, ReadOnlySpan<int> x, ReadOnlySpan<int> y, ReadOnlySpan<int> z,
        string xParam, string xWhat, string yParam, string yWhat, string zParam, string zWhat)
    {
        double ldz = model.LogDeterminant(z, zParam, zWhat);
        double ldxz = model.LogDeterminant([.. x, .. z], xParam, xWhat + " together with " + zWhat);
        double ldyz = model.LogDeterminant([.. y, .. z], yParam, yWhat + " together with " + zWhat);
        if (!model.TryJointLogDeterminant(x, y, z, out double ldxyz))
        {
            return Information.PositiveInfinity;
        }

        return Information.FromNats(0.5 * (ldxz + ldyz - ldz - ldxyz));
    }

    /// <summary>TC = Σ ½ ln σᵢᵢ − ½ ln det Σ = −½ ln det R; +∞ when R is singular.</summary>
    public static Information TotalCorrelation(GaussianModel model)
    {
        if (model.Size == 1)
        {
            return Information.Zero;
        }

        return model.TryLogDeterminant(GaussianModel.Range(0, model.Size), out double ld)
            ? Information.FromNats(-0.5 * ld)
            : Information.PositiveInfinity;
    }
}
