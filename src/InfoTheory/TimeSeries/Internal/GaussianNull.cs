using MathNet.Numerics;

namespace InfoTheory.TimeSeries.Internal;

/// <summary>
/// The asymptotic null of the Gaussian (linear) transfer entropy and conditional mutual information (Barnett &amp;
/// Bossomaier 2012, "Transfer entropy as a log-likelihood ratio", Phys. Rev. Lett. 109, 138105): under H₀,
/// 2N·Î in nats is the likelihood-ratio statistic of nested linear regressions and is χ² with dim X · dim Y degrees
/// of freedom as N grows (Wilks 1938).
/// </summary>
internal static class GaussianNull
{
    /// <summary>2N·Î, with an estimate rounded a few ulps below 0 taken as 0.</summary>
    public static double Statistic(double nats, int rows) => 2.0 * rows * Math.Max(0.0, nats);

    /// <summary>P(χ²_df ≥ 2N·Î), computed as an upper tail so that tiny p-values are resolved.</summary>
    public static double PValue(double nats, int rows, long degreesOfFreedom) =>
        SpecialFunctions.GammaUpperRegularized(degreesOfFreedom / 2.0, Statistic(nats, rows) / 2.0);
}
