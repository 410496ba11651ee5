using MathNet.Numerics;

namespace InfoTheory.TimeSeries.Internal;

/// <summary>
/// The asymptotic χ² null of a (conditional) mutual information that is a log-likelihood ratio: under H₀, 2N·Î in
/// nats is χ² with the difference in free parameters of the nested models as degrees of freedom (Wilks 1938). For the
/// Gaussian (linear) estimator the models are nested linear regressions, df = dim X · dim Y (Barnett &amp; Bossomaier
/// 2012, "Transfer entropy as a log-likelihood ratio", Phys. Rev. Lett. 109, 138105); for the plug-in discrete
/// estimator they are conditional multinomials, the G-test of conditional independence, df = (|Y| − 1)(|X| − 1)|Z|.
/// </summary>
internal static class ChiSquaredNull
{
    /// <summary>2N·Î, with an estimate rounded a few ulps below 0 taken as 0.</summary>
    public static double Statistic(double nats, int rows) => 2.0 * rows * Math.Max(0.0, nats);

    /// <summary>P(χ²_df ≥ 2N·Î), computed as an upper tail so that tiny p-values are resolved; 1 with no degrees of freedom.</summary>
    public static double PValue(double nats, int rows, long degreesOfFreedom) =>
        degreesOfFreedom <= 0 ? 1.0 : SpecialFunctions.GammaUpperRegularized(degreesOfFreedom / 2.0, Statistic(nats, rows) / 2.0);
}
