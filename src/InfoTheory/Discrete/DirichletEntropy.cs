using System.Globalization;
using InfoTheory.Discrete.Internal;
using InfoTheory.Internal;

namespace InfoTheory.Discrete;

/// <summary>
/// The Bayesian entropy estimate under a symmetric Dirichlet(a) prior over the K bins of the
/// alphabet: the posterior mean
/// E[H | n] = ψ(A + 1) − Σᵢ (αᵢ/A)·ψ(αᵢ + 1), with αᵢ = nᵢ + a and A = N + K·a,
/// where the sum runs over all K bins (ψ is the digamma function). <see cref="Posterior"/> also
/// gives the posterior standard deviation.
/// </summary>
/// <remarks>
/// <para>
/// The posterior of the probabilities is Dirichlet(n₁ + a, …, n_K + a), and the mean and second
/// moment of the entropy under a Dirichlet distribution have closed forms (Wolpert and Wolf 1995;
/// Hutter 2002 gives the same expressions). The second moment is
/// E[H²] = Σ_{i≠j} αᵢαⱼ/(A(A+1))·[(ψ(αᵢ+1) − ψ(A+2))(ψ(αⱼ+1) − ψ(A+2)) − ψ₁(A+2)]
/// + Σᵢ αᵢ(αᵢ+1)/(A(A+1))·[(ψ(αᵢ+2) − ψ(A+2))² + ψ₁(αᵢ+2) − ψ₁(A+2)], with ψ₁ the trigamma
/// function; it is evaluated in a rearranged form that avoids subtracting E[H]² from it.
/// </para>
/// <para>
/// The prior matters a great deal when N ≲ K: for a fixed a it pulls the estimate toward the
/// prior mean ψ(Ka + 1) − ψ(a + 1), which is close to ln K for a ≳ 1/K. So Jeffreys (a = ½) and
/// Laplace (a = 1) overestimate a sparse distribution badly in the undersampled regime, while
/// Perks (a = 1/K) does not; <see cref="NsbEntropy"/> averages over a instead of fixing it.
/// K is <see cref="Histogram.AlphabetSize"/>, which should be the true alphabet size: the
/// observed support (the default when none was given) leaves out the unseen bins.
/// </para>
/// <para>
/// This is the posterior mean of H, not the entropy of the posterior-mean frequencies
/// (nᵢ + a)/(N + K·a) that some packages call the Dirichlet estimator (R's entropy.Dirichlet);
/// that one is <see cref="JamesSteinEntropy"/> with <c>Lambda = K·a/(N + K·a)</c>.
/// </para>
/// <para>
/// Edge cases: a = 0 is allowed and gives ψ(N + 1) − Σᵢ (nᵢ/N)·ψ(nᵢ + 1) over the observed
/// bins (the posterior lives on the observed support); as a → ∞ the estimate tends to ln K.
/// K = 1 gives 0. The result lies in [0, ln K]. The K − m unobserved bins enter as one term,
/// so the cost is O(m log m) for m observed symbols, whatever K.
/// </para>
/// <para>
/// References: D. H. Wolpert and D. R. Wolf (1995), "Estimating functions of probability
/// distributions from a finite set of samples", Physical Review E 52, 6841–6854;
/// M. Hutter (2002), "Distribution of mutual information", Advances in Neural Information
/// Processing Systems 14; J. Hausser and K. Strimmer (2009), JMLR 10, 1469–1484.
/// </para>
/// </remarks>
public sealed class DirichletEntropy : DiscreteEntropyEstimator
{
    /// <summary>An estimator with Jeffreys' prior, a = 1/2.</summary>
    public DirichletEntropy()
        : this(DirichletPrior.Jeffreys)
    {
    }

    /// <summary>An estimator with one of the standard priors.</summary>
    /// <param name="prior">The prior; <see cref="DirichletPrior.Perks"/> and <see cref="DirichletPrior.Minimax"/> depend on K (and N) of each histogram.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="prior"/> is not a defined <see cref="DirichletPrior"/>.</exception>
    public DirichletEntropy(DirichletPrior prior)
    {
        if (!Enum.IsDefined(prior))
        {
            ThrowHelper.ArgumentOutOfRange(nameof(prior), prior,
                string.Create(CultureInfo.InvariantCulture, $"prior must be Jeffreys, Laplace, Perks or Minimax, got {(int)prior}."));
        }

        Prior = prior;
    }

    /// <summary>An estimator with an explicit concentration a per bin.</summary>
    /// <param name="concentration">a ≥ 0 and finite (pseudo-counts added to every bin; 0 is the limit a → 0).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="concentration"/> is negative, infinite or NaN.</exception>
    public DirichletEntropy(double concentration)
    {
        if (!(concentration >= 0) || !double.IsFinite(concentration))
        {
            ThrowHelper.ArgumentOutOfRange(nameof(concentration), concentration,
                string.Create(CultureInfo.InvariantCulture, $"concentration must be finite and ≥ 0, got {concentration}."));
        }

        Concentration = concentration;
    }

    /// <summary>The standard prior, or null when an explicit <see cref="Concentration"/> was given.</summary>
    public DirichletPrior? Prior { get; }

    /// <summary>The explicit concentration a, or null when a standard <see cref="Prior"/> was chosen.</summary>
    public double? Concentration { get; }

    /// <inheritdoc />
    /// <returns>The posterior mean of the entropy, in nats.</returns>
    public override Information Estimate(Histogram histogram)
    {
        ArgumentNullException.ThrowIfNull(histogram);
        return Information.FromNats(Moments(histogram, withVariance: false).Mean);
    }

    /// <summary>The posterior mean and standard deviation of the entropy.</summary>
    /// <param name="histogram">The counts.</param>
    /// <returns>E[H | n] and √Var[H | n] under the Dirichlet posterior.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="histogram"/> is null.</exception>
    /// <remarks>O(m log m) for m observed symbols. The variance is clamped at 0 against rounding.</remarks>
    public EntropyPosterior Posterior(Histogram histogram)
    {
        ArgumentNullException.ThrowIfNull(histogram);
        (double mean, double variance) = Moments(histogram, withVariance: true);
        return new EntropyPosterior(Information.FromNats(mean), Information.FromNats(Math.Sqrt(variance)));
    }

    /// <summary>The concentration a used for <paramref name="histogram"/>: the explicit one, or the prior's value for its K and N.</summary>
    /// <param name="histogram">The counts (K = <see cref="Histogram.AlphabetSize"/>, N = <see cref="Histogram.SampleCount"/>).</param>
    /// <returns>a ≥ 0.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="histogram"/> is null.</exception>
    public double ConcentrationFor(Histogram histogram)
    {
        ArgumentNullException.ThrowIfNull(histogram);
        return Concentration ?? Prior switch
        {
            DirichletPrior.Laplace => 1.0,
            DirichletPrior.Perks => 1.0 / histogram.AlphabetSize,
            DirichletPrior.Minimax => Math.Sqrt(histogram.SampleCount) / histogram.AlphabetSize,
            _ => 0.5,
        };
    }

    private (double Mean, double Variance) Moments(Histogram histogram, bool withVariance)
    {
        double a = ConcentrationFor(histogram);
        var profile = CountProfile.From(histogram.Counts);
        return DirichletMoments.Compute(profile, histogram.SampleCount, histogram.Support, histogram.AlphabetSize, a, withVariance);
    }
}
