using InfoTheory.Continuous;
using InfoTheory.TimeSeries.Internal;

namespace InfoTheory.TimeSeries;

/// <summary>
/// Delay (Takens) embedding of a time series: the vector x_t⁽ᵏ⁾ = (x_t, x_{t−τ}, …, x_{t−(k−1)τ}) of the present
/// and k − 1 earlier values spaced τ steps apart (Takens 1981; Packard et al. 1980).
/// </summary>
/// <remarks>
/// <para>
/// A series is a <see cref="SampleMatrix"/> with one row per time step and one column per recorded variable (a
/// univariate series is one column). The embedding has one row per time t = (k − 1)τ, …, n − 1 and k·d columns,
/// lag-major: the d values at time t, then the d values at time t − τ, and so on (the oldest last).
/// </para>
/// <para>
/// Several trials (independent recordings of the same process) are embedded each on its own and their rows
/// concatenated in trial order, so no row spans two trials. The result is built in one pass into one row-major
/// buffer, never one array per time step.
/// </para>
/// </remarks>
public static class DelayEmbedding
{
    /// <summary>The delay embedding of one series.</summary>
    /// <param name="series">One row per time step, one column per variable.</param>
    /// <param name="k">The embedding dimension (history length), at least 1.</param>
    /// <param name="tau">The delay between embedded values in time steps, at least 1.</param>
    /// <returns>A (n − (k − 1)τ) × k·d matrix; row i is the embedding at time (k − 1)τ + i.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="series"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="k"/> or <paramref name="tau"/> is below 1.</exception>
    /// <exception cref="ArgumentException">The series has (k − 1)τ rows or fewer.</exception>
    public static SampleMatrix History(SampleMatrix series, int k, int tau = 1)
    {
        ArgumentNullException.ThrowIfNull(series);
        return History([series], k, tau, nameof(series));
    }

    /// <summary>The delay embedding of a univariate series.</summary>
    /// <param name="series">The values in time order, all finite.</param>
    /// <param name="k">The embedding dimension (history length), at least 1.</param>
    /// <param name="tau">The delay between embedded values in time steps, at least 1.</param>
    /// <returns>A (n − (k − 1)τ) × k matrix; row i is (x_t, x_{t−τ}, …) at t = (k − 1)τ + i.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="k"/> or <paramref name="tau"/> is below 1.</exception>
    /// <exception cref="ArgumentException">The series is empty, too short, or contains NaN or ±∞.</exception>
    public static SampleMatrix History(ReadOnlySpan<double> series, int k, int tau = 1)
    {
        TimeSeriesChecks.History(k, nameof(k));
        TimeSeriesChecks.Delay(tau, nameof(tau));
        return History([TimeSeriesChecks.Column(series, nameof(series))], k, tau, nameof(series));
    }

    /// <summary>The delay embeddings of several trials of one process, rows concatenated in trial order.</summary>
    /// <param name="trials">One or more series with the same number of columns.</param>
    /// <param name="k">The embedding dimension (history length), at least 1.</param>
    /// <param name="tau">The delay between embedded values in time steps, at least 1.</param>
    /// <returns>Σ max(0, nᵢ − (k − 1)τ) rows of k·d columns; trials too short to embed contribute no rows.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="trials"/> or one of its trials is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="k"/> or <paramref name="tau"/> is below 1.</exception>
    /// <exception cref="ArgumentException">No trials, trials of different dimension, or no trial long enough.</exception>
    public static SampleMatrix History(IReadOnlyList<SampleMatrix> trials, int k, int tau = 1) => History(trials, k, tau, nameof(trials));

    private static SampleMatrix History(IReadOnlyList<SampleMatrix> trials, int k, int tau, string paramName)
    {
        TimeSeriesChecks.History(k, nameof(k));
        TimeSeriesChecks.Delay(tau, nameof(tau));
        int[] lengths = TimeSeriesChecks.Trials(trials, paramName);
        var block = new LaggedBlock(0, k, tau);
        int start = block.Reach;
        int rows = EmbeddingBuilder.RowCount(lengths, start, paramName);
        return EmbeddingBuilder.Embed(trials, block, start, rows, paramName);
    }
}
