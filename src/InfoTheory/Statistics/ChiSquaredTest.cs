using InfoTheory.Discrete;
using InfoTheory.Internal;
using MathNet.Numerics;

namespace InfoTheory.Statistics;

/// <summary>
/// The analytic (asymptotic) null distribution of the plug-in mutual information: under independence,
/// G = 2N·Î(X;Y) (Î in nats) is asymptotically χ² with (|X| − 1)(|Y| − 1) degrees of freedom. This is
/// the likelihood-ratio test of independence in a contingency table, the G-test.
/// </summary>
/// <remarks>
/// <para>
/// Wilks (1938), "The large-sample distribution of the likelihood ratio for testing composite hypotheses";
/// Woolf (1957) and Sokal &amp; Rohlf, <i>Biometry</i>, for the G-test; the link with mutual information is
/// G = 2N·Î (Kullback 1959, <i>Information Theory and Statistics</i>). The same fact gives the upward bias of
/// plug-in mutual information under independence, E[Î] ≈ (|X| − 1)(|Y| − 1)/(2N) nats (Miller 1955).
/// </para>
/// <para>
/// The approximation needs enough samples per cell (a common rule: expected counts of at least 5, Cochran 1954);
/// with sparse tables it is unreliable (usually anti-conservative), and <see cref="PermutationTest"/>, which is exact
/// at every N, is the better choice.
/// </para>
/// </remarks>
public static class ChiSquaredTest
{
    /// <summary>
    /// Tests H₀: X and Y are independent with the G-test: G = 2N·Î(X;Y) with the plug-in Î in nats, compared with χ²
    /// with (|X| − 1)(|Y| − 1) degrees of freedom; p = P(χ²_df ≥ G).
    /// </summary>
    /// <param name="x">Non-negative symbols of X.</param>
    /// <param name="y">Non-negative symbols of Y, as many as of X.</param>
    /// <returns>The plug-in estimate, G, the degrees of freedom and the p-value.</returns>
    /// <exception cref="ArgumentException">The lengths differ, the samples are empty, or a symbol is negative.</exception>
    /// <remarks>
    /// |X| and |Y| are the <b>observed</b> alphabet sizes (symbols that occur at least once): a symbol that never occurs
    /// adds an empty row or column, which carries no information and no degree of freedom. With one variable constant the
    /// degrees of freedom are 0, G = 0 and the p-value is 1. O(N) for small alphabets, O(N log N) otherwise.
    /// </remarks>
    public static ChiSquaredTestResult MutualInformation(ReadOnlySpan<int> x, ReadOnlySpan<int> y)
    {
        Check.SameLength(x.Length, y.Length);
        var hx = Histogram.FromSymbols(x, null, nameof(x));
        var hy = Histogram.FromSymbols(y, null, nameof(y));
        Information estimate = new DiscreteMutualInformation().Estimate(x, y);
        long degreesOfFreedom = (long)(hx.Support - 1) * (hy.Support - 1);
        double statistic = Math.Max(0.0, 2.0 * x.Length * estimate.Nats);
        double pValue = degreesOfFreedom == 0 ? 1.0 : SpecialFunctions.GammaUpperRegularized(degreesOfFreedom / 2.0, statistic / 2.0);
        return new ChiSquaredTestResult(estimate, statistic, degreesOfFreedom, pValue);
    }
}
