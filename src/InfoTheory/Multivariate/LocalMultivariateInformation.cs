namespace InfoTheory.Multivariate;

/// <summary>
/// Local (pointwise) multivariate measures in nats, one value per outcome of a distribution (in the order of its
/// outcomes); the p-weighted mean of each array is the corresponding global measure.
/// </summary>
/// <param name="TotalCorrelation">Σ h(xᵢ) − h(x) per outcome.</param>
/// <param name="DualTotalCorrelation">Σ h(x₋ᵢ) − (n − 1) h(x) per outcome.</param>
/// <param name="OInformation">Local TC − local DTC.</param>
/// <param name="SInformation">Local TC + local DTC.</param>
public sealed record LocalMultivariateInformation(double[] TotalCorrelation, double[] DualTotalCorrelation, double[] OInformation, double[] SInformation);
