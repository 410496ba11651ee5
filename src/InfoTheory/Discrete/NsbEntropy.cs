using System.Diagnostics.CodeAnalysis;
using InfoTheory.Discrete.Internal;
using InfoTheory.Internal;

namespace InfoTheory.Discrete;

/// <summary>
/// The Nemenman-Shafee-Bialek (NSB) entropy estimate: the Bayesian posterior mean of the entropy
/// under a mixture of symmetric Dirichlet(β) priors over the K bins of the alphabet, with the
/// mixing density over β chosen so that the prior on the entropy is nearly flat.
/// <see cref="Posterior"/> also gives the posterior standard deviation.
/// </summary>
/// <remarks>
/// <para>
/// A single Dirichlet(β) prior all but fixes the entropy a priori (its prior mean is
/// ξ(β) = ψ(Kβ + 1) − ψ(β + 1), with a small spread when K is large). NSB therefore weights β by
/// dξ/dβ = K·ψ₁(Kβ + 1) − ψ₁(β + 1), which makes ξ uniform on [0, ln K], and lets the data choose β:
/// E[H | n] = ∫ E[H | n, β]·p(n | β)·(dξ/dβ) dβ / ∫ p(n | β)·(dξ/dβ) dβ, with the evidence
/// p(n | β) = Γ(Kβ)/Γ(N + Kβ)·Πᵢ Γ(nᵢ + β)/Γ(β) and E[H | n, β] the Dirichlet posterior mean of
/// <see cref="DirichletEntropy"/> with a = β. E[H² | n] is averaged the same way, and the posterior
/// variance is E_β[Var(H | n, β)] + Var_β(E[H | n, β]).
/// </para>
/// <para>
/// Numerics: the integrand is written in x = ln β and handled in log space (log-gamma differences
/// that stay accurate for huge β, an asymptotic series for dξ/dβ at β ≥ 10), so nothing overflows.
/// The mode of the log integrand is found by a unit-step walk from β = 1/K and a golden-section
/// refinement; its curvature sets a step h = min(σ/8, 0.1) in x, and the trapezoidal rule runs
/// outward until the integrand falls below e⁻⁵⁰ of its peak (β is kept in [e⁻⁶⁰⁰, e⁶⁰⁰]). For a
/// smooth integrand that decays on both sides the trapezoidal rule converges exponentially in
/// 1/h, so the quadrature error is far below the posterior spread. Each grid point costs one pass
/// over the distinct counts (at most √(2N) of them), typically a few hundred points in all.
/// </para>
/// <para>
/// NSB needs the alphabet size K: it is <see cref="Histogram.AlphabetSize"/>, which should be the
/// true number of possible symbols. When K is unknown the histogram falls back to the observed
/// support, which is a poor choice here: it says no symbol was missed and biases the estimate low
/// in exactly the undersampled regime NSB is meant for. Over-stating K is much less harmful than
/// under-stating it.
/// </para>
/// <para>
/// Edge cases. K = 1 gives 0 with standard deviation 0. N = 1: the evidence is 1/K for every β,
/// and by symmetry a single symbol tells nothing about H: the result is the prior mean ln K / 2,
/// with a standard deviation of at least ln K/√12 (that of ξ alone). No coincidences (every observed
/// symbol seen once): the evidence only rises toward its limit K⁻ᴺ as β grows, so the data bound
/// β from below but not from above and the estimate is pulled toward ln K; it is driven by the
/// prior and by K, and, as Nemenman et al. stress, NSB needs coincidences to say anything about
/// the entropy. The result always lies in [0, ln K]. Deterministic; no randomness.
/// </para>
/// <para>
/// References: I. Nemenman, F. Shafee and W. Bialek (2002), "Entropy and inference, revisited",
/// Advances in Neural Information Processing Systems 14; I. Nemenman, W. Bialek and
/// R. de Ruyter van Steveninck (2004), "Entropy and information in neural spike trains: progress
/// on the sampling problem", Physical Review E 69, 056111; D. H. Wolpert and D. R. Wolf (1995),
/// Physical Review E 52, 6841–6854 (the moments for fixed β).
/// </para>
/// </remarks>
public sealed class NsbEntropy : DiscreteEntropyEstimator
{
    private const double MinLogBeta = -600;
    private const double MaxLogBeta = 600;
    private const double Cutoff = 50;
    private const int MaxSteps = 200_000;

    /// <inheritdoc />
    /// <returns>The NSB posterior mean of the entropy, in nats.</returns>
    public override Information Estimate(Histogram histogram)
    {
        ArgumentNullException.ThrowIfNull(histogram);
        return Information.FromNats(Integrate(histogram, withVariance: false).Mean);
    }

    /// <summary>The NSB posterior mean and standard deviation of the entropy.</summary>
    /// <param name="histogram">The counts, with the alphabet size K.</param>
    /// <returns>E[H | n] and √Var[H | n], averaged over β as described in the class remarks.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="histogram"/> is null.</exception>
    [SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "Instance API like the other estimators' Posterior; the estimator object is what callers hold.")]
    public EntropyPosterior Posterior(Histogram histogram)
    {
        ArgumentNullException.ThrowIfNull(histogram);
        (double mean, double variance) = Integrate(histogram, withVariance: true);
        return new EntropyPosterior(Information.FromNats(mean), Information.FromNats(Math.Sqrt(variance)));
    }

    /// <summary>
    /// The concentration β at which the posterior density of ln β peaks (the evidence times the
    /// NSB prior, per unit of ln β): the Dirichlet prior that the data favour most.
    /// </summary>
    /// <param name="histogram">The counts, with the alphabet size K.</param>
    /// <returns>β &gt; 0; +∞ for K = 1, where β does not matter.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="histogram"/> is null.</exception>
    [SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "Instance API like the other estimators' Posterior; the estimator object is what callers hold.")]
    public double MostProbableConcentration(Histogram histogram)
    {
        ArgumentNullException.ThrowIfNull(histogram);
        if (histogram.AlphabetSize == 1)
        {
            return double.PositiveInfinity;
        }

        var model = new Model(histogram);
        return Math.Exp(model.Mode().X);
    }

    private static (double Mean, double Variance) Integrate(Histogram histogram, bool withVariance)
    {
        if (histogram.AlphabetSize == 1)
        {
            return (0, 0);
        }

        var model = new Model(histogram);
        (double x0, double f0) = model.Mode();
        double h = Math.Min(model.Width(x0, f0) / 8, 0.1);

        var weights = new List<double>();
        var means = new List<double>();
        var variances = new List<double>();
        foreach (int side in (ReadOnlySpan<int>)[1, -1])
        {
            for (int i = side > 0 ? 0 : 1; i < MaxSteps; i++)
            {
                double x = x0 + (side * i * h);
                if (x < MinLogBeta || x > MaxLogBeta)
                {
                    break;
                }

                double f = model.LogPosterior(x);
                if (f < f0 - Cutoff)
                {
                    break;
                }

                (double mean, double variance) = model.Moments(Math.Exp(x), withVariance);
                weights.Add(Math.Exp(f - f0));
                means.Add(mean);
                variances.Add(variance);
            }
        }

        double total = 0, first = 0;
        for (int i = 0; i < weights.Count; i++)
        {
            total += weights[i];
            first += weights[i] * means[i];
        }

        double posteriorMean = first / total;
        if (!withVariance)
        {
            return (posteriorMean, double.NaN);
        }

        double second = 0;
        for (int i = 0; i < weights.Count; i++)
        {
            double d = means[i] - posteriorMean;
            second += weights[i] * (variances[i] + (d * d));
        }

        return (posteriorMean, second / total);
    }

    /// <summary>The log posterior density of x = ln β and the fixed-β moments for one histogram.</summary>
    private sealed class Model
    {
        private readonly CountProfile _profile;
        private readonly long _sampleCount;
        private readonly long _support;
        private readonly long _alphabetSize;
        private readonly double _k;

        public Model(Histogram histogram)
        {
            _profile = CountProfile.From(histogram.Counts);
            _sampleCount = histogram.SampleCount;
            _support = histogram.Support;
            _alphabetSize = histogram.AlphabetSize;
            _k = histogram.AlphabetSize;
        }

        /// <summary>ln[β·(dξ/dβ)·p(n | β)] at β = eˣ, up to a constant.</summary>
        public double LogPosterior(double x)
        {
            double beta = Math.Exp(x);
            return x + LogPriorDensity(beta, x) + LogEvidence(beta);
        }

        public (double Mean, double Variance) Moments(double beta, bool withVariance) =>
            DirichletMoments.Compute(_profile, _sampleCount, _support, _alphabetSize, beta, withVariance);

        /// <summary>The maximiser of <see cref="LogPosterior"/> and its value.</summary>
        public (double X, double F) Mode()
        {
            double x = Math.Clamp(-Math.Log(_k), MinLogBeta + 1, MaxLogBeta - 1);
            double f = LogPosterior(x);
            int direction = LogPosterior(x + 1) > f ? 1 : LogPosterior(x - 1) > f ? -1 : 0;
            if (direction != 0)
            {
                while (x + direction >= MinLogBeta && x + direction <= MaxLogBeta)
                {
                    double next = LogPosterior(x + direction);
                    if (!(next > f))
                    {
                        break;
                    }

                    x += direction;
                    f = next;
                }
            }

            // Golden-section search on the bracket [x − 1, x + 1], which contains the maximum of a unimodal f.
            double invPhi = (Math.Sqrt(5) - 1) / 2;
            double lo = Math.Max(x - 1, MinLogBeta), hi = Math.Min(x + 1, MaxLogBeta);
            double c = hi - (invPhi * (hi - lo)), d = lo + (invPhi * (hi - lo));
            double fc = LogPosterior(c), fd = LogPosterior(d);
            while (hi - lo > 1e-9)
            {
                if (fc > fd)
                {
                    hi = d;
                    d = c;
                    fd = fc;
                    c = hi - (invPhi * (hi - lo));
                    fc = LogPosterior(c);
                }
                else
                {
                    lo = c;
                    c = d;
                    fc = fd;
                    d = lo + (invPhi * (hi - lo));
                    fd = LogPosterior(d);
                }
            }

            double best = (lo + hi) / 2;
            double fBest = LogPosterior(best);
            return fBest >= f ? (best, fBest) : (x, f);
        }

        /// <summary>σ of a Gaussian with the curvature of <see cref="LogPosterior"/> at its mode (1 if it is not curved down).</summary>
        public double Width(double x0, double f0)
        {
            double delta = 0.05;
            for (int attempt = 0; attempt < 8; attempt++)
            {
                double curvature = -(LogPosterior(x0 + delta) - (2 * f0) + LogPosterior(x0 - delta)) / (delta * delta);
                if (!(curvature > 0))
                {
                    return 1;
                }

                double sigma = 1 / Math.Sqrt(curvature);
                if (sigma >= 10 * delta)
                {
                    return sigma;
                }

                delta = sigma / 10;
            }

            return delta * 10;
        }

        /// <summary>ln p(n | β) = −[ln Γ(N + Kβ) − ln Γ(Kβ)] + Σᵢ [ln Γ(nᵢ + β) − ln Γ(β)].</summary>
        private double LogEvidence(double beta)
        {
            double sum = -GammaFunctions.LogGammaRatio(_k * beta, _sampleCount);
            for (int j = 0; j < _profile.Length; j++)
            {
                sum += _profile.Multiplicities[j] * GammaFunctions.LogGammaRatio(beta, _profile.Values[j]);
            }

            return sum;
        }

        /// <summary>
        /// ln(dξ/dβ) = ln(K·ψ₁(Kβ + 1) − ψ₁(β + 1)). For β ≥ 10 the difference is taken from the
        /// asymptotic series ψ₁(z + 1) ~ 1/z − 1/(2z²) + Σ B₂ₖ z^−(2k+1), which gives
        /// dξ/dβ = (1 − 1/K)/(2β²) − Σₖ B₂ₖ (1 − K^−2k) β^−(2k+1), summed as β⁻² times a series in 1/β
        /// so that it neither cancels nor underflows.
        /// </summary>
        private double LogPriorDensity(double beta, double logBeta)
        {
            if (beta < 10)
            {
                return Math.Log((_k * GammaFunctions.Trigamma((_k * beta) + 1)) - GammaFunctions.Trigamma(beta + 1));
            }

            double r = 1 / beta;
            double r2 = r * r;
            double k2 = 1 / (_k * _k);

            // Bernoulli numbers B₂ … B₁₄; the factor for B₂ₖ is (1 − K^−2k).
            ReadOnlySpan<double> bernoulli = [1.0 / 6, -1.0 / 30, 1.0 / 42, -1.0 / 30, 5.0 / 66, -691.0 / 2730, 7.0 / 6];
            double series = 0;
            double power = r;
            double kPower = k2;
            for (int i = 0; i < bernoulli.Length; i++)
            {
                series += bernoulli[i] * (1 - kPower) * power;
                power *= r2;
                kPower *= k2;
            }

            double scaled = (0.5 * (1 - (1 / _k))) - series;
            return Math.Log(scaled) - (2 * logBeta);
        }
    }
}
