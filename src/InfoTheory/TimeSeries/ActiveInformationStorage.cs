using InfoTheory.Continuous;
using InfoTheory.TimeSeries.Internal;

namespace InfoTheory.TimeSeries;

/// <summary>
/// Active information storage of a process Y (Lizier, Prokopenko &amp; Zomaya 2012), with any mutual information
/// estimator for continuous data: A(Y) = I(Y_t ; Y_{t−1}⁽ᵏ⁾), the information the past k values (spaced τ apart)
/// carry about the next one.
/// </summary>
/// <remarks>
/// The estimator decides the method: <see cref="GaussianMutualInformation"/>, <see cref="GaussianCopulaMutualInformation"/>
/// or <see cref="KsgMutualInformation"/>. Trials are embedded one by one and their rows pooled, as in
/// <see cref="TransferEntropy"/>. For a stationary process A(Y) + h(Y) = H(Y_t) as k → ∞ (h the entropy rate).
/// For symbols use <see cref="DiscreteActiveInformationStorage"/>. Immutable and thread-safe.
/// </remarks>
/// <param name="estimator">The mutual information estimator applied to (Y_t, Y_{t−1}⁽ᵏ⁾).</param>
public sealed class ActiveInformationStorage(IMultivariateMutualInformationEstimator estimator)
{
    /// <summary>The mutual information estimator.</summary>
    public IMultivariateMutualInformationEstimator Estimator { get; } = estimator ?? throw new ArgumentNullException(nameof(estimator));

    /// <summary>k, the number of past values; at least 1, default 1.</summary>
    public int History { get; init => field = TimeSeriesChecks.History(value, nameof(History)); } = 1;

    /// <summary>τ, the spacing of the past values in time steps; at least 1, default 1.</summary>
    public int Delay { get; init => field = TimeSeriesChecks.Delay(value, nameof(Delay)); } = 1;

    /// <summary>The first time index t with a complete past, 1 + (k − 1)τ.</summary>
    public int FirstTime => Past.Reach;

    private LaggedBlock Past => new(1, History, Delay);

    /// <summary>A(Y) of a univariate series.</summary>
    /// <param name="series">The values in time order, finite.</param>
    /// <returns>The estimate.</returns>
    /// <exception cref="ArgumentException">A value is NaN or ±∞, or the series is too short for the embedding.</exception>
    public Information Estimate(ReadOnlySpan<double> series) =>
        Estimate([TimeSeriesChecks.Column(series, nameof(series))], nameof(series));

    /// <summary>A(Y) of a multivariate series (one row per time step).</summary>
    /// <param name="series">The series.</param>
    /// <returns>The estimate.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="series"/> is null.</exception>
    /// <exception cref="ArgumentException">The series is too short for the embedding.</exception>
    public Information Estimate(SampleMatrix series)
    {
        ArgumentNullException.ThrowIfNull(series);
        return Estimate([series], nameof(series));
    }

    /// <summary>A(Y) pooled over several trials.</summary>
    /// <param name="trials">The trials, all of the same dimension.</param>
    /// <returns>The estimate from the rows of all trials.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="trials"/> or a trial is null.</exception>
    /// <exception cref="ArgumentException">No trials, trials of different dimension, or no trial long enough.</exception>
    public Information Estimate(IReadOnlyList<SampleMatrix> trials) => Estimate(trials, nameof(trials));

    private Information Estimate(IReadOnlyList<SampleMatrix> trials, string paramName)
    {
        int[] lengths = TimeSeriesChecks.Trials(trials, paramName);
        int start = FirstTime;
        int rows = EmbeddingBuilder.RowCount(lengths, start, paramName);
        SampleMatrix present = EmbeddingBuilder.Embed(trials, new LaggedBlock(0, 1, 1), start, rows, paramName);
        SampleMatrix past = EmbeddingBuilder.Embed(trials, Past, start, rows, paramName);
        return Estimator.Estimate(present, past);
    }
}
