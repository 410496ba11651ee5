namespace InfoTheory.Multivariate;

/// <summary>The joint entropy and the four multivariate dependence measures of one set of variables, from one set of subset entropies.</summary>
/// <param name="Entropy">H(X₁, …, Xₙ).</param>
/// <param name="TotalCorrelation">TC = Σ H(Xᵢ) − H (Watanabe 1960).</param>
/// <param name="DualTotalCorrelation">DTC = Σ H(X₋ᵢ) − (n − 1) H (Han 1978).</param>
/// <param name="OInformation">Ω = TC − DTC (Rosas et al. 2019): &gt; 0 redundancy-dominated, &lt; 0 synergy-dominated.</param>
/// <param name="SInformation">Σ = TC + DTC (Rosas et al. 2019).</param>
public sealed record MultivariateProfile(Information Entropy, Information TotalCorrelation, Information DualTotalCorrelation, Information OInformation, Information SInformation);
