using System.Globalization;
using InfoTheory.Discrete.Internal;
using InfoTheory.Internal;

namespace InfoTheory.Discrete;

/// <summary>
/// The James-Stein shrinkage entropy estimate of Hausser and Strimmer (2009): the plug-in entropy
/// of the frequencies shrunk toward the uniform distribution,
/// p̂ᵢ = λ·tᵢ + (1 − λ)·uᵢ with uᵢ = nᵢ/N and tᵢ = 1/K over all K bins of the alphabet.
/// </summary>
/// <remarks>
/// <para>
/// The shrinkage intensity, unless fixed through <see cref="Lambda"/>, is the estimated
/// optimum λ* = (1 − Σ uᵢ²) / ((N − 1)·Σ (tᵢ − uᵢ)²), clipped to [0, 1] (the numerator is the sum
/// of the unbiased variance estimates uᵢ(1 − uᵢ)/(N − 1) times N − 1). Small samples get strong
/// shrinkage toward ln K; large ones approach the plug-in estimate since λ* = O(1/N).
/// </para>
/// <para>
/// K is <see cref="Histogram.AlphabetSize"/>: the alphabet size given when the histogram was
/// built, or else the observed support (then no unseen bins get mass, and the estimate is smaller).
/// Zero-count bins each get λ/K; the K − m of them enter as one term, so huge K costs nothing.
/// </para>
/// <para>
/// Edge cases: if the frequencies already equal the target (Σ (tᵢ − uᵢ)² = 0, e.g. K = 1 or equal
/// counts over all K bins) λ* = 1, which changes nothing. With N = 1 the variance estimate is
/// undefined; λ* = 1 is used and the estimate is ln K. The result lies in [0, ln K].
/// O(m log m) for m observed symbols.
/// </para>
/// <para>
/// Reference: J. Hausser and K. Strimmer (2009), "Entropy inference and the James-Stein
/// estimator, with application to nonlinear gene association networks", Journal of Machine
/// Learning Research 10, 1469–1484, eqs. (5) and (8).
/// </para>
/// </remarks>
public sealed class JamesSteinEntropy : DiscreteEntropyEstimator
{
    private readonly double? _lambda;

    /// <summary>
    /// A fixed shrinkage intensity λ ∈ [0, 1] (0 gives the plug-in estimate, 1 gives ln K), or
    /// null (the default) to use the estimated optimum λ* for each histogram.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is NaN or outside [0, 1].</exception>
    public double? Lambda
    {
        get => _lambda;
        init
        {
            if (value is { } v && !(v >= 0 && v <= 1))
            {
                ThrowHelper.ArgumentOutOfRange(nameof(Lambda), v,
                    string.Create(CultureInfo.InvariantCulture, $"Lambda must be in [0, 1] (or null to estimate it), got {v}."));
            }

            _lambda = value;
        }
    }

    /// <inheritdoc />
    /// <returns>The plug-in entropy of λt + (1 − λ)u, in nats.</returns>
    public override Information Estimate(Histogram histogram)
    {
        ArgumentNullException.ThrowIfNull(histogram);
        var profile = CountProfile.From(histogram.Counts);
        double lambda = _lambda ?? Optimum(histogram, profile);
        double k = histogram.AlphabetSize;
        double total = histogram.SampleCount;
        double target = lambda / k;
        double h = 0;
        for (int j = 0; j < profile.Length; j++)
        {
            double p = target + ((1 - lambda) * profile.Values[j] / total);
            h -= profile.Multiplicities[j] * p * Math.Log(p);
        }

        double zeroBins = k - histogram.Support;
        if (zeroBins > 0 && target > 0)
        {
            h -= zeroBins * target * Math.Log(target);
        }

        return Information.FromNats(h);
    }

    /// <summary>The shrinkage intensity the estimate of <paramref name="histogram"/> uses: <see cref="Lambda"/> if set, otherwise the estimated optimum λ* ∈ [0, 1].</summary>
    /// <param name="histogram">The counts.</param>
    /// <returns>λ: the weight of the uniform target.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="histogram"/> is null.</exception>
    public double ShrinkageIntensity(Histogram histogram)
    {
        ArgumentNullException.ThrowIfNull(histogram);
        return _lambda ?? Optimum(histogram, CountProfile.From(histogram.Counts));
    }

    private static double Optimum(Histogram histogram, CountProfile profile)
    {
        long n = histogram.SampleCount;
        if (n == 1)
        {
            return 1;
        }

        double total = n;
        double k = histogram.AlphabetSize;
        double target = 1 / k;
        double sumSquares = 0;
        double misfit = 0;
        for (int j = 0; j < profile.Length; j++)
        {
            double u = profile.Values[j] / total;
            double m = profile.Multiplicities[j];
            sumSquares += m * u * u;
            misfit += m * (target - u) * (target - u);
        }

        misfit += (k - histogram.Support) * target * target;
        if (misfit == 0)
        {
            return 1;
        }

        double lambda = (1 - sumSquares) / ((total - 1) * misfit);
        return Math.Clamp(lambda, 0, 1);
    }
}
