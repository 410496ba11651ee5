
using InfoTheory.Discrete.Internal;
using InfoTheory.Internal;

namespace InfoTheory.Discrete;

/// <summary>
/// The Chao-Shen (2003) coverage-adjusted entropy estimate: a Horvitz-Thompson sum over the observed
/// symbols of coverage-adjusted probabilities,
/// Ĥ_CS = −Σᵢ pᵢ ln pᵢ / (1 − (1 − pᵢ)^N), with pᵢ = C·nᵢ/N and the Good-Turing sample coverage
/// C = 1 − f₁/N (f₁ = the number of symbols seen once).
/// </summary>
/// <remarks>
/// <para>
/// The coverage C estimates the total probability of the symbols that were observed, so the
/// shrunken pᵢ leave mass for the unseen ones; dividing each term by its probability of inclusion
/// in the sample, 1 − (1 − pᵢ)^N, accounts for the symbols that a sample of size N misses.
/// The estimator is designed for the undersampled regime and converges to the plug-in estimate
/// when every symbol is seen many times (f₁ = 0 gives C = 1).
/// </para>
/// <para>
/// Edge cases: when every symbol is a singleton (f₁ = N) the coverage would be 0; as Chao and Shen
/// prescribe, f₁ = N − 1 is used instead, so C = 1/N. N = 1 therefore gives 0. The inclusion
/// probability is computed as −expm1(N·log1p(−pᵢ)) so that it stays accurate when N·pᵢ is small.
/// Uses only the counts (<see cref="Histogram.AlphabetSize"/> is ignored). O(m log m) for
/// m observed symbols: one term per distinct count.
/// </para>
/// <para>
/// Reference: A. Chao and T.-J. Shen (2003), "Nonparametric estimation of Shannon's index of
/// diversity when there are unseen species in sample", Environmental and Ecological Statistics
/// 10, 429–443.
/// </para>
/// </remarks>
public sealed class ChaoShenEntropy : DiscreteEntropyEstimator
{
    /// <inheritdoc />
    /// <returns>−Σ pᵢ ln pᵢ / (1 − (1 − pᵢ)^N), in nats.</returns>
    public override Information Estimate(Histogram histogram)
    {
        ArgumentNullException.ThrowIfNull(histogram);
        return Information.FromNats(Compute(histogram));
    }

    /// <summary>The sample coverage C = 1 − f₁/N used by the estimate (f₁ = N − 1 when every symbol is a singleton).</summary>
    /// <param name="histogram">The counts.</param>
    /// <returns>C, in (0, 1].</returns>
    /// <exception cref="ArgumentNullException"><paramref name="histogram"/> is null.</exception>
    public static double Coverage(Histogram histogram)
    {
        ArgumentNullException.ThrowIfNull(histogram);
        long total = histogram.SampleCount;
        long singletons = histogram.Singletons == total ? total - 1 : histogram.Singletons;
        return 1 - ((double)singletons / total);
    }

    private static double Compute(Histogram histogram)
    {
        double total = histogram.SampleCount;
        double coverage = Coverage(histogram);
        var profile = CountProfile.From(histogram.Counts);
        double sum = 0;
        for (int j = 0; j < profile.Length; j++)
        {
            double p = coverage * profile.Values[j] / total;
            double inclusion = -GammaFunctions.ExpM1(total * GammaFunctions.Log1P(-p));
            sum -= profile.Multiplicities[j] * p * Math.Log(p) / inclusion;
        }

        return sum;
    }
}
