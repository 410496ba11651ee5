namespace InfoTheory.Continuous;

/// <summary>
/// A hybrid mutual-information estimate with its standard error and its parts (see
/// <see cref="HybridMutualInformation.EstimateWithError"/>).
/// </summary>
/// <param name="Value">The estimate: <paramref name="BaseEstimate"/> + <paramref name="Correction"/>.</param>
/// <param name="StandardError">
/// The sampling standard error of <paramref name="Value"/> across data sets of the same size: the jackknife error of the
/// data term and <paramref name="CorrectionStandardError"/> in quadrature. It does not include the estimator's bias,
/// which dependence far from a Gaussian copula can make many standard errors wide. 0 when the estimate is
/// exactly 0 (a side with no varying column) or +∞ (collinear scores).
/// </param>
/// <param name="BaseEstimate">The base estimator on the data's normal scores, before the correction.</param>
/// <param name="Correction">The amount added to the base estimate: minus the base estimator's mean error on the surrogates.</param>
/// <param name="CorrectionStandardError">The standard error of <paramref name="Correction"/> from the surrogates' spread.</param>
/// <param name="Surrogates">The number of surrogates drawn (0 when none was needed).</param>
public sealed record HybridEstimate(
    Information Value,
    Information StandardError,
    Information BaseEstimate,
    Information Correction,
    Information CorrectionStandardError,
    int Surrogates);
