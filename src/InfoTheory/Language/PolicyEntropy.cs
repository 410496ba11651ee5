using System.Globalization;
using InfoTheory.Internal;

namespace InfoTheory.Language;

/// <summary>
/// Policy-entropy dynamics of reinforcement learning on language models (Cui et al. 2025, "The entropy mechanism of
/// reinforcement learning for reasoning language models"): the covariance between the log-probability of the sampled
/// tokens and their advantages, which drives the change of the policy's entropy, and the empirical fit
/// R = −a·e^H + b of performance against entropy over training checkpoints.
/// </summary>
public static class PolicyEntropy
{
    /// <summary>
    /// The batch covariance Cov(ln π(a), A) = (1/N) Σᵢ (ln π(aᵢ) − mean)(Aᵢ − mean) over N sampled tokens, with their
    /// log-probabilities under the current policy and their advantages.
    /// </summary>
    /// <param name="logProbs">ln π(aᵢ|sᵢ) of each sampled token: finite and ≤ 0.</param>
    /// <param name="advantages">The advantage Aᵢ of each token (finite), as long as <paramref name="logProbs"/>.</param>
    /// <returns>The covariance in nats × advantage units (1/N normalisation, the mean of <see cref="CovarianceTerms"/>).</returns>
    /// <remarks>
    /// Cui et al. show that for a softmax policy under natural policy gradient the entropy moves by
    /// H(π_{k+1}) − H(π_k) ≈ −η Cov_{a∼π_k}(ln π_k(a), A(a)) (per state, averaged over states): a positive covariance —
    /// confident tokens with high advantage — collapses the entropy. The tokens here are samples a ∼ π, so this sample
    /// covariance estimates that expectation pooled over the batch's states.
    /// </remarks>
    /// <exception cref="ArgumentException">The spans are empty or differ in length, a log-probability is NaN, +∞ or
    /// positive, or an advantage is not finite.</exception>
    public static double Covariance(ReadOnlySpan<double> logProbs, ReadOnlySpan<double> advantages)
    {
        Validate(logProbs, advantages);
        (double meanL, double meanA) = Means(logProbs, advantages);
        double sum = 0;
        for (int i = 0; i < logProbs.Length; i++)
        {
            sum += (logProbs[i] - meanL) * (advantages[i] - meanA);
        }

        return sum / logProbs.Length;
    }

    /// <summary>
    /// The per-token centred products (ln π(aᵢ) − mean)(Aᵢ − mean): the tokens with the largest values are the ones
    /// Cui et al.'s Clip-Cov and KL-Cov restrict, to keep the entropy from collapsing.
    /// </summary>
    /// <param name="logProbs">ln π(aᵢ|sᵢ) of each sampled token: finite and ≤ 0.</param>
    /// <param name="advantages">The advantage of each token, as long as <paramref name="logProbs"/>.</param>
    /// <param name="destination">Receives one value per token.</param>
    /// <exception cref="ArgumentException">As <see cref="Covariance"/>, or <paramref name="destination"/> is too short.</exception>
    public static void CovarianceTerms(ReadOnlySpan<double> logProbs, ReadOnlySpan<double> advantages, Span<double> destination)
    {
        Validate(logProbs, advantages);
        if (destination.Length < logProbs.Length)
        {
            ThrowHelper.ArgumentException_DestinationTooShort(nameof(destination), logProbs.Length, destination.Length);
        }

        (double meanL, double meanA) = Means(logProbs, advantages);
        for (int i = 0; i < logProbs.Length; i++)
        {
            destination[i] = (logProbs[i] - meanL) * (advantages[i] - meanA);
        }
    }

    /// <summary>
    /// The first-order entropy change of one natural-policy-gradient step of size η: ΔH ≈ −η·Cov(ln π(a), A)
    /// (Cui et al. 2025). Negative means the update lowers the entropy.
    /// </summary>
    /// <param name="logProbs">ln π(aᵢ|sᵢ) of each sampled token: finite and ≤ 0.</param>
    /// <param name="advantages">The advantage of each token, as long as <paramref name="logProbs"/>.</param>
    /// <param name="stepSize">η &gt; 0, the step size of the update in logit space.</param>
    /// <returns>The predicted change of the policy entropy, in nats (may be negative).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="stepSize"/> is not finite and positive.</exception>
    /// <exception cref="ArgumentException">As <see cref="Covariance"/>.</exception>
    public static Information PredictedEntropyChange(ReadOnlySpan<double> logProbs, ReadOnlySpan<double> advantages, double stepSize)
    {
        if (!(stepSize > 0) || !double.IsFinite(stepSize))
        {
            ThrowHelper.ArgumentOutOfRange_NotPositive(nameof(stepSize), stepSize);
        }

        return Information.FromNats(-stepSize * Covariance(logProbs, advantages));
    }

    /// <summary>
    /// Fits R = −a·e^H + b to (policy entropy, performance) pairs from training checkpoints by least squares in
    /// u = e^H (Cui et al. 2025 find this law across models and tasks; b − a predicts the performance when the entropy
    /// is used up).
    /// </summary>
    /// <param name="entropies">The policy entropy H at each checkpoint, in nats (the law is in e^H).</param>
    /// <param name="performance">The performance R at each checkpoint (e.g. validation accuracy), as long as <paramref name="entropies"/>.</param>
    /// <returns>a, b and the coefficient of determination of the fit.</returns>
    /// <exception cref="ArgumentException">Fewer than 2 points, lengths differ, values not finite, or all entropies equal (no fit).</exception>
    public static EntropyPerformanceFit FitEntropyPerformance(ReadOnlySpan<double> entropies, ReadOnlySpan<double> performance)
    {
        Check.SameLength(entropies.Length, performance.Length);
        if (entropies.Length < 2)
        {
            ThrowHelper.ArgumentException(nameof(entropies), string.Create(CultureInfo.InvariantCulture,
                $"A fit needs at least 2 checkpoints, got {entropies.Length}."));
        }

        CheckFinite(entropies, nameof(entropies));
        CheckFinite(performance, nameof(performance));
        for (int i = 0; i < entropies.Length; i++)
        {
            if (entropies[i] < 0 || double.IsInfinity(Math.Exp(entropies[i])))
            {
                ThrowHelper.ArgumentException(nameof(entropies), string.Create(CultureInfo.InvariantCulture,
                    $"entropies contains {entropies[i]} at index {i}; the fit uses e^H, so an entropy must be in [0, 709] nats."));
            }
        }

        int n = entropies.Length;
        double meanU = 0, meanR = 0;
        for (int i = 0; i < n; i++)
        {
            meanU += Math.Exp(entropies[i]);
            meanR += performance[i];
        }

        meanU /= n;
        meanR /= n;
        double suu = 0, sur = 0, srr = 0;
        for (int i = 0; i < n; i++)
        {
            double du = Math.Exp(entropies[i]) - meanU, dr = performance[i] - meanR;
            suu += du * du;
            sur += du * dr;
            srr += dr * dr;
        }

        if (!(suu > 0))
        {
            ThrowHelper.ArgumentException(nameof(entropies), "All entropies are equal; R = −a·e^H + b cannot be fitted.");
        }

        double slope = sur / suu;
        double rSquared = srr == 0 ? 1 : slope * sur / srr;
        return new EntropyPerformanceFit(-slope, meanR - (slope * meanU), rSquared);
    }

    private static void Validate(ReadOnlySpan<double> logProbs, ReadOnlySpan<double> advantages)
    {
        Check.SameLength(logProbs.Length, advantages.Length);
        if (logProbs.IsEmpty)
        {
            ThrowHelper.ArgumentException(nameof(logProbs), "logProbs is empty; the covariance needs at least one token.");
        }

        for (int i = 0; i < logProbs.Length; i++)
        {
            if (!(logProbs[i] <= 0) || double.IsNegativeInfinity(logProbs[i]))
            {
                ThrowHelper.ArgumentException(nameof(logProbs), string.Create(CultureInfo.InvariantCulture,
                    $"logProbs contains {logProbs[i]} at index {i}; the log-probability of a sampled token must be finite and ≤ 0."));
            }
        }

        CheckFinite(advantages, nameof(advantages));
    }

    private static void CheckFinite(ReadOnlySpan<double> values, string name)
    {
        for (int i = 0; i < values.Length; i++)
        {
            if (!double.IsFinite(values[i]))
            {
                ThrowHelper.ArgumentException(name, string.Create(CultureInfo.InvariantCulture,
                    $"{name} contains {values[i]} at index {i}; values must be finite."));
            }
        }
    }

    private static (double MeanL, double MeanA) Means(ReadOnlySpan<double> logProbs, ReadOnlySpan<double> advantages)
    {
        double l = 0, a = 0;
        for (int i = 0; i < logProbs.Length; i++)
        {
            l += logProbs[i];
            a += advantages[i];
        }

        return (l / logProbs.Length, a / logProbs.Length);
    }
}
