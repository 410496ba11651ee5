using InfoTheory.Discrete.Internal;
using MathNet.Numerics;

namespace InfoTheory.Discrete;

/// <summary>
/// Grassberger's (2003) entropy estimate: Ĥ_G = ln N − (1/N) Σᵢ nᵢ G(nᵢ), with
/// G(n) = ψ(n) + ½(−1)ⁿ (ψ((n + 1)/2) − ψ(n/2)), where ψ is the digamma function and the sum runs
/// over the observed symbols.
/// </summary>
/// <remarks>
/// <para>
/// Replacing ln nᵢ of the plug-in estimate by G(nᵢ) removes the bias that comes from the
/// curvature of the logarithm for every count, not just to first order: G(1) = −γ − ln 2,
/// G(2) = 2 − γ − ln 2, and G(2k) = G(2k − 1) + 2/(2k − 1); G(n) → ln n as n grows, so the estimate
/// approaches the plug-in estimate for large counts. It corrects much of the undersampling bias
/// but not the part due to symbols never seen.
/// </para>
/// <para>
/// Edge cases: N = 1 gives γ + ln 2 ≈ 1.27 nats; a single symbol seen n times gives ln n − G(n),
/// which is slightly negative for n = 2 (≈ −0.036 nats) and tends to 0. Results are returned
/// as they are, never clipped. Uses only the counts (<see cref="Histogram.AlphabetSize"/> is
/// ignored). O(m log m) for m observed symbols: G is evaluated once per distinct count.
/// </para>
/// <para>
/// Reference: P. Grassberger (2003), "Entropy estimates from insufficient samplings",
/// arXiv:physics/0307138, eq. (35).
/// </para>
/// </remarks>
public sealed class GrassbergerEntropy : DiscreteEntropyEstimator
{
    /// <inheritdoc />
    /// <returns>ln N − (1/N) Σ nᵢ G(nᵢ), in nats.</returns>
    public override Information Estimate(Histogram histogram)
    {
        ArgumentNullException.ThrowIfNull(histogram);
        var profile = CountProfile.From(histogram.Counts);
        double sum = 0;
        for (int j = 0; j < profile.Length; j++)
        {
            long n = profile.Values[j];
            sum += profile.Multiplicities[j] * (double)n * G(n);
        }

        double total = histogram.SampleCount;
        return Information.FromNats(Math.Log(total) - (sum / total));
    }

    /// <summary>G(n) = ψ(n) + ½(−1)ⁿ (ψ((n + 1)/2) − ψ(n/2)) (Grassberger 2003).</summary>
    internal static double G(long n)
    {
        double half = 0.5 * (SpecialFunctions.DiGamma((n + 1) / 2.0) - SpecialFunctions.DiGamma(n / 2.0));
        return SpecialFunctions.DiGamma(n) + ((n & 1) == 0 ? half : -half);
    }
}
