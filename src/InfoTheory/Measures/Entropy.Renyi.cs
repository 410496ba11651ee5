using InfoTheory.Internal;
using InfoTheory.Measures.Internal;
using InfoTheory.Primitives;
using InfoTheory.Primitives.Simd;

namespace InfoTheory.Measures;

public static partial class Entropy
{
    /// <summary>
    /// Rényi entropy of order α: H_α(p) = ln(Σ pᵢ^α) / (1 − α), with H₀ = ln |support| (Hartley),
    /// H₁ = Shannon, H₂ = −ln Σ pᵢ² (collision) and H_∞ = −ln max pᵢ (min-entropy).
    /// </summary>
    /// <param name="p">The probabilities: finite, ≥ 0, summing to 1 within 1e-9·n.</param>
    /// <param name="alpha">The order, 0 ≤ α ≤ +∞.</param>
    /// <param name="normalize">Treat <paramref name="p"/> as unnormalised weights and use p / Σp.</param>
    /// <returns>H_α(p), non-increasing in α, between 0 and ln n.</returns>
    /// <exception cref="ArgumentException"><paramref name="p"/> is not a valid distribution.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="alpha"/> is negative or NaN.</exception>
    /// <remarks>Rényi (1961), "On measures of entropy and information".</remarks>
    public static Information Renyi(ReadOnlySpan<double> p, double alpha, bool normalize = false)
    {
        Check.Order(alpha);
        using var distribution = new ValidatedDistribution(p, normalize);
        return InformationPrimitives.RenyiEntropy(distribution.Values, alpha);
    }

    /// <summary>
    /// Tsallis entropy S_q(p) = (1 − Σ pᵢ^q) / (q − 1), with S₁ = Shannon entropy in nats.
    /// </summary>
    /// <param name="p">The probabilities: finite, ≥ 0, summing to 1 within 1e-9·n.</param>
    /// <param name="order">The entropic index q ≥ 0 (q = 1 gives Shannon; q = 2 gives the Gini-Simpson index 1 − Σp²).</param>
    /// <param name="normalize">Treat <paramref name="p"/> as unnormalised weights and use p / Σp.</param>
    /// <returns>
    /// S_q(p) ≥ 0. Tsallis entropy is not additive and has no logarithmic unit: it is a plain number,
    /// equal to the natural-log (nats) Shannon entropy at q = 1 and related to Rényi by S_q = (1 − e^{(1−q)H_q}) / (q − 1).
    /// </returns>
    /// <exception cref="ArgumentException"><paramref name="p"/> is not a valid distribution.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="order"/> is negative, infinite or NaN.</exception>
    /// <remarks>Tsallis (1988), "Possible generalization of Boltzmann-Gibbs statistics".</remarks>
    public static double Tsallis(ReadOnlySpan<double> p, double order, bool normalize = false)
    {
        if (!(order >= 0) || double.IsPositiveInfinity(order))
        {
            ThrowHelper.ArgumentOutOfRange(nameof(order), order, $"The Tsallis index must be finite and ≥ 0, got {order}.");
        }

        using var distribution = new ValidatedDistribution(p, normalize);
        ReadOnlySpan<double> values = distribution.Values;
        if (order == 1)
        {
            return InformationPrimitives.Entropy(values).Nats;
        }

        double powerSum = order switch
        {
            0 => Reduce.Sum(default(PositiveTerm), values),
            2 => Reduce.Sum(default(SquareTerm), values),
            _ => Reduce.Sum(new PowerTerm(order), values),
        };
        return (1 - powerSum) / (order - 1);
    }
}
