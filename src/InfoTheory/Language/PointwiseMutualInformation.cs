using System.Globalization;
using InfoTheory.Internal;

namespace InfoTheory.Language;

/// <summary>
/// Pointwise mutual information of generated text and a context from a model's log-probabilities:
/// PMI(y; x | c) = ln p(y | x, c) − ln p(y | c), how much the evidence x (a document, a reasoning step, an image)
/// raised the probability of y. Positive when x made y more likely, negative when less, 0 when x did not matter;
/// its expectation over y ∼ p(y | x, c) is the conditional KL divergence, and over (x, y) the conditional mutual information.
/// Used to score reasoning steps (e.g. MITS, 2025) and to detect context-ignoring answers.
/// </summary>
public static class PointwiseMutualInformation
{
    /// <summary>PMI of one token or step: ln p(y | x, c) − ln p(y | c).</summary>
    /// <param name="logProbWithContext">ln p(y | x, c): not NaN and ≤ 0; −∞ allowed (gives −∞).</param>
    /// <param name="logProbWithoutContext">ln p(y | c): not NaN and ≤ 0; −∞ gives +∞ (y was impossible without x).</param>
    /// <returns>The PMI (NaN only if both are −∞).</returns>
    /// <exception cref="ArgumentException">A log-probability is NaN or positive.</exception>
    public static Information Of(double logProbWithContext, double logProbWithoutContext)
    {
        CheckLogProb(logProbWithContext, nameof(logProbWithContext), -1);
        CheckLogProb(logProbWithoutContext, nameof(logProbWithoutContext), -1);
        return Information.FromNats(logProbWithContext - logProbWithoutContext);
    }

    /// <summary>Per-token PMI: <c>destination[t]</c> = ln p(y_t | y_&lt;t, x, c) − ln p(y_t | y_&lt;t, c), in the unit of <paramref name="logBase"/>.</summary>
    /// <param name="logProbsWithContext">The natural-log probability of each token with the evidence.</param>
    /// <param name="logProbsWithoutContext">The same tokens' log-probabilities without it, as long.</param>
    /// <param name="destination">Receives one value per token.</param>
    /// <param name="logBase">The unit of the results (default nats); the inputs are natural logs.</param>
    /// <exception cref="ArgumentException">The lengths differ, <paramref name="destination"/> is too short, or a log-probability is NaN or positive.</exception>
    public static void Tokens(ReadOnlySpan<double> logProbsWithContext, ReadOnlySpan<double> logProbsWithoutContext, Span<double> destination, LogBase logBase = LogBase.E)
    {
        Check.SameLength(logProbsWithContext.Length, logProbsWithoutContext.Length);
        if (destination.Length < logProbsWithContext.Length)
        {
            ThrowHelper.ArgumentException_DestinationTooShort(nameof(destination), logProbsWithContext.Length, destination.Length);
        }

        double unit = Information.NatsPer(logBase, nameof(logBase));
        CheckAll(logProbsWithContext, nameof(logProbsWithContext));
        CheckAll(logProbsWithoutContext, nameof(logProbsWithoutContext));
        for (int t = 0; t < logProbsWithContext.Length; t++)
        {
            destination[t] = (logProbsWithContext[t] - logProbsWithoutContext[t]) / unit;
        }
    }

    /// <summary>
    /// PMI of a multi-token step: by the chain rule ln p(y | x, c) = Σₜ ln p(y_t | y_&lt;t, x, c), so the step's PMI is
    /// the sum of its tokens' PMIs.
    /// </summary>
    /// <param name="logProbsWithContext">The natural-log probability of each token of the step with the evidence.</param>
    /// <param name="logProbsWithoutContext">The same tokens' log-probabilities without it, as long.</param>
    /// <returns>Σₜ [ln p(y_t | y_&lt;t, x, c) − ln p(y_t | y_&lt;t, c)]; 0 for an empty step.</returns>
    /// <exception cref="ArgumentException">The lengths differ, or a log-probability is NaN or positive.</exception>
    public static Information OfSequence(ReadOnlySpan<double> logProbsWithContext, ReadOnlySpan<double> logProbsWithoutContext)
    {
        Check.SameLength(logProbsWithContext.Length, logProbsWithoutContext.Length);
        CheckAll(logProbsWithContext, nameof(logProbsWithContext));
        CheckAll(logProbsWithoutContext, nameof(logProbsWithoutContext));
        double with = 0, without = 0;
        for (int t = 0; t < logProbsWithContext.Length; t++)
        {
            with += logProbsWithContext[t];
            without += logProbsWithoutContext[t];
        }

        return Information.FromNats(with - without);
    }

    /// <summary>
    /// Normalised PMI (Bouma 2009, "Normalized (pointwise) mutual information in collocation extraction"):
    /// PMI(y; x | c) / −ln p(x, y | c), with p(x, y | c) = p(y | x, c) p(x | c). It is 1 when x and y occur only
    /// together, 0 when x does not change the probability of y, and tends to −1 as y becomes impossible given x.
    /// </summary>
    /// <param name="logProbWithContext">ln p(y | x, c): not NaN and ≤ 0.</param>
    /// <param name="logProbWithoutContext">ln p(y | c): not NaN and ≤ 0.</param>
    /// <param name="logProbOfEvidence">ln p(x | c), the evidence's own log-probability under the model: not NaN and ≤ 0.</param>
    /// <returns>The normalised PMI, in [−1, 1] when the three come from one distribution (p(y | c) ≥ p(x, y | c));
    /// 1 when p(x, y | c) = 1; −1 when p(y | x, c) = 0 and p(y | c) &gt; 0.</returns>
    /// <exception cref="ArgumentException">A log-probability is NaN or positive, or p(y | c) = 0 while p(y | x, c) &gt; 0 and p(x | c) &gt; 0 (impossible for one distribution).</exception>
    public static double Normalized(double logProbWithContext, double logProbWithoutContext, double logProbOfEvidence)
    {
        CheckLogProb(logProbWithContext, nameof(logProbWithContext), -1);
        CheckLogProb(logProbWithoutContext, nameof(logProbWithoutContext), -1);
        CheckLogProb(logProbOfEvidence, nameof(logProbOfEvidence), -1);
        double joint = logProbWithContext + logProbOfEvidence;
        if (double.IsNegativeInfinity(joint))
        {
            // y never occurs with x: the limit of PMI / −ln p(x, y) as p(x, y) → 0 with p(x), p(y) fixed is −1.
            if (double.IsNegativeInfinity(logProbWithoutContext) || double.IsNegativeInfinity(logProbOfEvidence))
            {
                ThrowHelper.ArgumentException(nameof(logProbWithoutContext), "p(y | c) and p(x | c) must be positive when p(x, y | c) = 0: normalised PMI is undefined.");
            }

            return -1;
        }

        if (double.IsNegativeInfinity(logProbWithoutContext))
        {
            ThrowHelper.ArgumentException(nameof(logProbWithoutContext), "p(y | c) = 0 while p(x, y | c) > 0 is impossible for one distribution.");
        }

        // p(x, y | c) = 1: x and y always occur, and only together.
        return joint == 0 ? 1 : (logProbWithContext - logProbWithoutContext) / -joint;
    }

    private static void CheckAll(ReadOnlySpan<double> logProbs, string name)
    {
        for (int i = 0; i < logProbs.Length; i++)
        {
            CheckLogProb(logProbs[i], name, i);
        }
    }

    private static void CheckLogProb(double value, string name, int index)
    {
        if (!(value <= 0))
        {
            string where = index < 0 ? string.Empty : string.Create(CultureInfo.InvariantCulture, $" at index {index}");
            ThrowHelper.ArgumentException(name, string.Create(CultureInfo.InvariantCulture,
                $"{name} has {value}{where}; a log-probability must be ≤ 0 and not NaN."));
        }
    }
}
