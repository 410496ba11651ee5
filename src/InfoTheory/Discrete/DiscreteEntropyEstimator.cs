using InfoTheory.Discrete.Internal;
using InfoTheory.Internal;

namespace InfoTheory.Discrete;

/// <summary>
/// Base of the discrete entropy estimators: each computes its estimate from a <see cref="Histogram"/>
/// (the counts), so one histogram serves every estimator. Estimating from symbols builds the
/// histogram first. Implementations are immutable and thread-safe.
/// </summary>
public abstract class DiscreteEntropyEstimator : IEntropyEstimator<int>
{
    /// <summary>
    /// The alphabet size K used when estimating from symbols (every symbol must be below it).
    /// Null means "the number of distinct symbols observed". Estimators that use K (James-Stein,
    /// NSB, Dirichlet priors) depend on it; count-only estimators ignore it.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Set to a value less than 1.</exception>
    public long? AlphabetSize { get; init => field = DiscreteSettings.AlphabetSize(value, nameof(AlphabetSize)); }

    /// <inheritdoc />
    /// <exception cref="ArgumentException"><paramref name="samples"/> is empty, has a negative symbol, or a symbol not below <see cref="AlphabetSize"/>.</exception>
    public Information Estimate(ReadOnlySpan<int> samples) => Estimate(Histogram.FromSymbols(samples, AlphabetSize, nameof(samples)));

    /// <summary>
    /// Joint entropy Ĥ(X, Y) of paired samples: this estimator applied to the joint symbols, with the
    /// observed number of distinct pairs as the alphabet size.
    /// </summary>
    /// <param name="x">The samples of X.</param>
    /// <param name="y">The samples of Y, as many as of X.</param>
    /// <returns>The estimate of H(X, Y).</returns>
    /// <exception cref="ArgumentException">The lengths differ, the samples are empty, or a symbol is negative.</exception>
    public Information EstimateJoint(ReadOnlySpan<int> x, ReadOnlySpan<int> y)
    {
        Check.SameLength(x.Length, y.Length);
        return Estimate(ContingencyTable.FromSymbols(x, y).Joint);
    }

    /// <summary>
    /// Conditional entropy Ĥ(X | Y) = Ĥ(X, Y) − Ĥ(Y) with this estimator. Exactly 0 for the plug-in
    /// estimator when X is a function of Y; bias-corrected estimators may return small negative values.
    /// </summary>
    /// <param name="x">The samples of X.</param>
    /// <param name="given">The samples of the conditioning variable Y, as many as of X.</param>
    /// <returns>The estimate of H(X | Y).</returns>
    /// <exception cref="ArgumentException">The lengths differ, the samples are empty, or a symbol is negative.</exception>
    public Information EstimateConditional(ReadOnlySpan<int> x, ReadOnlySpan<int> given)
    {
        Check.SameLength(x.Length, given.Length);
        var table = ContingencyTable.FromSymbols(x, given);
        return Estimate(table.Joint) - Estimate(table.Marginal(1));
    }

    /// <summary>Estimates the entropy from counts.</summary>
    /// <param name="histogram">The counts, with the sample size and alphabet size.</param>
    /// <returns>The estimate.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="histogram"/> is null.</exception>
    public abstract Information Estimate(Histogram histogram);
}
