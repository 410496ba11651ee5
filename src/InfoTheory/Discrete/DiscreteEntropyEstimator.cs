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
    public long? AlphabetSize { get; init; }

    /// <inheritdoc />
    /// <exception cref="ArgumentException"><paramref name="samples"/> is empty, has a negative symbol, or a symbol not below <see cref="AlphabetSize"/>.</exception>
    public Information Estimate(ReadOnlySpan<int> samples) => Estimate(Histogram.FromSymbols(samples, AlphabetSize, nameof(samples)));

    /// <summary>Estimates the entropy from counts.</summary>
    /// <param name="histogram">The counts, with the sample size and alphabet size.</param>
    /// <returns>The estimate.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="histogram"/> is null.</exception>
    public abstract Information Estimate(Histogram histogram);
}
