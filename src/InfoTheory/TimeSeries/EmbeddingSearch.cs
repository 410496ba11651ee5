using System.Globalization;
using InfoTheory.Continuous;
using InfoTheory.Continuous.Internal;
using InfoTheory.Continuous.Neighbors;
using InfoTheory.Internal;
using InfoTheory.TimeSeries.Internal;

namespace InfoTheory.TimeSeries;

/// <summary>
/// Automatic choice of a delay embedding (history length k and delay τ) from a grid of candidates: Ragwitz's local
/// prediction criterion, and JIDT's search for the largest active information storage followed by the source history
/// length with the largest transfer entropy. Every candidate's score is returned with the choice.
/// </summary>
/// <remarks>
/// Candidates are tried history by history, each with every delay; among equal scores the first wins (the shortest
/// history, then the shortest delay). Trials are embedded one by one and pooled as in <see cref="TransferEntropy"/>.
/// Each candidate uses every time step its own embedding allows, so longer embeddings score on slightly fewer rows.
/// Deterministic: the result does not depend on the thread count.
/// </remarks>
public static class EmbeddingSearch
{
    /// <summary>The default number of neighbours of the Ragwitz predictor.</summary>
    public const int DefaultNeighbors = 4;

    /// <summary>
    /// Ragwitz's criterion (Ragwitz &amp; Kantz 2002, "Markov models from data by simple nonlinear time series
    /// predictors in delay embedding spaces", Phys. Rev. E 65, 056201): for every candidate (k, τ), each next value
    /// Y_t is predicted as the mean of the next values of the <paramref name="neighbors"/> nearest past vectors
    /// Y_{t−1}⁽ᵏ⁾ (maximum norm, the row itself excluded); the candidate with the smallest mean squared prediction
    /// error is chosen.
    /// </summary>
    /// <param name="trials">The series' trials (one row per time step), all of the same dimension.</param>
    /// <param name="histories">The history lengths k to try, each at least 1.</param>
    /// <param name="delays">The delays τ to try, each at least 1.</param>
    /// <param name="neighbors">The number of nearest neighbours averaged in a prediction, at least 1 (default 4).</param>
    /// <param name="maxDegreeOfParallelism">The most threads to use: −1 (default) for all cores, or ≥ 1. Does not change the result.</param>
    /// <returns>The (k, τ) with the smallest error; the score of each candidate is its mean squared error (summed over the columns).</returns>
    /// <exception cref="ArgumentNullException">A list or a trial is null.</exception>
    /// <exception cref="ArgumentException">No trials, trials of different dimension, an empty candidate list, or too few rows for the longest candidate embedding (at least <paramref name="neighbors"/> + 1).</exception>
    /// <exception cref="ArgumentOutOfRangeException">A history or delay below 1, <paramref name="neighbors"/> below 1, or an invalid <paramref name="maxDegreeOfParallelism"/>.</exception>
    /// <remarks>
    /// The predictor is the zeroth-order local model of Ragwitz &amp; Kantz (their Eq. 4) and the score their prediction
    /// error without the normalisation by the variance, which is the same for every candidate. No temporal exclusion
    /// window is applied. O(candidates · N log N) with the neighbour search of the KSG estimators.
    /// </remarks>
    public static EmbeddingChoice Ragwitz(IReadOnlyList<SampleMatrix> trials, IReadOnlyList<int> histories, IReadOnlyList<int> delays,
        int neighbors = DefaultNeighbors, int maxDegreeOfParallelism = Settings.DefaultMaxDegreeOfParallelism)
    {
        int[] lengths = CheckGrid(trials, histories, delays, nameof(trials));
        Settings.AtLeast(neighbors, 1, nameof(neighbors));
        Settings.Parallel(maxDegreeOfParallelism, nameof(maxDegreeOfParallelism));
        int longest = EmbeddingBuilder.RowCount(lengths, 1 + ((histories.Max() - 1) * delays.Max()), nameof(trials));
        if (longest <= neighbors)
        {
            ThrowHelper.ArgumentException(nameof(trials), string.Create(CultureInfo.InvariantCulture,
                $"The longest candidate embedding leaves {longest} rows but a prediction from {neighbors} neighbours needs at least {neighbors + 1}."));
        }

        return Search(histories, delays, lowerIsBetter: true, (k, tau) =>
        {
            int start = 1 + ((k - 1) * tau);
            int rows = EmbeddingBuilder.RowCount(lengths, start, nameof(trials));
            SampleMatrix present = EmbeddingBuilder.Embed(trials, TransferLayout.Present, start, rows, nameof(trials));
            SampleMatrix past = EmbeddingBuilder.Embed(trials, new LaggedBlock(1, k, tau), start, rows, nameof(trials));
            return PredictionError(present, past, neighbors, maxDegreeOfParallelism);
        });
    }

    /// <summary>Ragwitz's criterion for a univariate series (see the multi-trial overload).</summary>
    /// <param name="series">The values in time order, finite.</param>
    /// <param name="histories">The history lengths k to try, each at least 1.</param>
    /// <param name="delays">The delays τ to try, each at least 1.</param>
    /// <param name="neighbors">The number of nearest neighbours averaged in a prediction, at least 1 (default 4).</param>
    /// <returns>The (k, τ) with the smallest mean squared one-step prediction error, and every candidate's error.</returns>
    /// <exception cref="ArgumentException">A value is NaN or ±∞, an empty candidate list, or the series is too short.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A history or delay below 1, or <paramref name="neighbors"/> below 1.</exception>
    public static EmbeddingChoice Ragwitz(ReadOnlySpan<double> series, IReadOnlyList<int> histories, IReadOnlyList<int> delays, int neighbors = DefaultNeighbors) =>
        Ragwitz([TimeSeriesChecks.Column(series, nameof(series))], histories, delays, neighbors);

    /// <summary>
    /// The target embedding with the largest active information storage A = I(Y_t ; Y_{t−1}⁽ᵏ⁾) (JIDT's
    /// "MAX_CORR_AIS" auto-embedding; Lizier 2014, "JIDT", Frontiers in Robotics and AI 1:11): every candidate
    /// (k, τ) is estimated with <paramref name="estimator"/> and the largest estimate wins.
    /// </summary>
    /// <param name="trials">The series' trials, all of the same dimension.</param>
    /// <param name="estimator">
    /// The mutual information estimator. It must correct its bias for the search to stop at the right k: a plug-in
    /// style estimate grows with the dimension of the past whatever the process. KSG (whose bias largely cancels) and
    /// the Gaussian estimator with <see cref="GaussianMutualInformation.BiasCorrected"/> qualify.
    /// </param>
    /// <param name="histories">The history lengths k to try, each at least 1.</param>
    /// <param name="delays">The delays τ to try, each at least 1.</param>
    /// <returns>The (k, τ) with the largest estimate; each candidate's score is its estimate in nats.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="estimator"/>, a list or a trial is null.</exception>
    /// <exception cref="ArgumentException">As for <see cref="ActiveInformationStorage.Estimate(IReadOnlyList{SampleMatrix})"/> with the longest candidate, or an empty candidate list.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A history or delay below 1.</exception>
    public static EmbeddingChoice MaxActiveInformationStorage(IReadOnlyList<SampleMatrix> trials, IMultivariateMutualInformationEstimator estimator,
        IReadOnlyList<int> histories, IReadOnlyList<int> delays)
    {
        ArgumentNullException.ThrowIfNull(estimator);
        int[] lengths = CheckGrid(trials, histories, delays, nameof(trials));
        EmbeddingBuilder.RowCount(lengths, 1 + ((histories.Max() - 1) * delays.Max()), nameof(trials));
        return Search(histories, delays, lowerIsBetter: false, (k, tau) =>
            new ActiveInformationStorage(estimator) { History = k, Delay = tau }.Estimate(trials).Nats);
    }

    /// <summary>
    /// The source history length l with the largest transfer entropy T(X → Y) = I(Y_t ; X_{t−u}⁽ˡ⁾ | Y_{t−1}⁽ᵏ⁾),
    /// the target's (k, τ) held fixed — the second step of JIDT's auto-embedding, after
    /// <see cref="MaxActiveInformationStorage"/> chose them.
    /// </summary>
    /// <param name="sources">The source's trials.</param>
    /// <param name="targets">The target's trials, paired with <paramref name="sources"/>.</param>
    /// <param name="estimator">The conditional mutual information estimator (bias-correcting, as for the AIS search).</param>
    /// <param name="targetHistory">The target's k, at least 1.</param>
    /// <param name="targetDelay">The target's τ_Y, at least 1.</param>
    /// <param name="sourceHistories">The source history lengths l to try, each at least 1.</param>
    /// <param name="sourceDelay">The source's τ_X, at least 1 (default 1).</param>
    /// <param name="lag">The source-target delay u, at least 1 (default 1).</param>
    /// <returns>The l with the largest estimate (its delay is <paramref name="sourceDelay"/>); each candidate's score is its estimate in nats.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="estimator"/>, a list or a trial is null.</exception>
    /// <exception cref="ArgumentException">As for <see cref="TransferEntropy.Estimate(IReadOnlyList{SampleMatrix}, IReadOnlyList{SampleMatrix}, IReadOnlyList{SampleMatrix})"/> with the longest candidate, or an empty candidate list.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A history, delay or lag below 1.</exception>
    public static EmbeddingChoice MaxTransferEntropySourceHistory(IReadOnlyList<SampleMatrix> sources, IReadOnlyList<SampleMatrix> targets,
        IMultivariateConditionalMutualInformationEstimator estimator, int targetHistory, int targetDelay, IReadOnlyList<int> sourceHistories,
        int sourceDelay = 1, int lag = 1)
    {
        ArgumentNullException.ThrowIfNull(estimator);
        TimeSeriesChecks.History(targetHistory, nameof(targetHistory));
        TimeSeriesChecks.Delay(targetDelay, nameof(targetDelay));
        TimeSeriesChecks.Delay(sourceDelay, nameof(sourceDelay));
        TimeSeriesChecks.Delay(lag, nameof(lag));
        CheckList(sourceHistories, nameof(sourceHistories), TimeSeriesChecks.History);
        TransferEntropy Make(int l) => new(estimator) { TargetHistory = targetHistory, TargetDelay = targetDelay, SourceHistory = l, SourceDelay = sourceDelay, Lag = lag };
        Make(sourceHistories.Max()).Embed(sources, targets); // checks the data before any estimate
        return Search(sourceHistories, [sourceDelay], lowerIsBetter: false, (l, _) => Make(l).Estimate(sources, targets).Nats);
    }

    private static int[] CheckGrid(IReadOnlyList<SampleMatrix> trials, IReadOnlyList<int> histories, IReadOnlyList<int> delays, string paramName)
    {
        CheckList(histories, nameof(histories), TimeSeriesChecks.History);
        CheckList(delays, nameof(delays), TimeSeriesChecks.Delay);
        return TimeSeriesChecks.Trials(trials, paramName);
    }

    private static void CheckList(IReadOnlyList<int> values, string paramName, Func<int, string, int> check)
    {
        ArgumentNullException.ThrowIfNull(values, paramName);
        if (values.Count == 0)
        {
            ThrowHelper.ArgumentException(paramName, $"{paramName} is empty; give at least one candidate.");
        }

        foreach (int v in values)
        {
            check(v, paramName);
        }
    }

    private static EmbeddingChoice Search(IReadOnlyList<int> histories, IReadOnlyList<int> delays, bool lowerIsBetter, Func<int, int, double> score)
    {
        var candidates = new List<EmbeddingCandidate>(histories.Count * delays.Count);
        EmbeddingCandidate? best = null;
        foreach (int k in histories)
        {
            foreach (int tau in delays)
            {
                var candidate = new EmbeddingCandidate(k, tau, score(k, tau));
                candidates.Add(candidate);
                if (best is null || (lowerIsBetter ? candidate.Score < best.Score : candidate.Score > best.Score))
                {
                    best = candidate;
                }
            }
        }

        return new EmbeddingChoice(best!.History, best.Delay, best.Score, candidates);
    }

    /// <summary>The mean over rows of the squared error of predicting <paramref name="present"/> by its neighbours' in <paramref name="past"/>.</summary>
    private static double PredictionError(SampleMatrix present, SampleMatrix past, int neighbors, int maxDegreeOfParallelism)
    {
        int n = present.Rows, d = present.Columns;
        double[] errors = new double[n];
        double[] values = present.Data.Span.ToArray();
        NeighborStatistics.ForEachNeighborBlock(past, NeighborMetric.Maximum, neighbors, NeighborSearchMethod.Automatic, maxDegreeOfParallelism,
            (start, count, found, _) =>
            {
                for (int t = 0; t < count; t++)
                {
                    int i = start + t;
                    double error = 0;
                    for (int c = 0; c < d; c++)
                    {
                        double prediction = 0;
                        for (int j = 0; j < neighbors; j++)
                        {
                            prediction += values[(found[(t * neighbors) + j] * d) + c];
                        }

                        double e = values[(i * d) + c] - (prediction / neighbors);
                        error += e * e;
                    }

                    errors[i] = error;
                }
            });
        double sum = 0;
        foreach (double e in errors)
        {
            sum += e;
        }

        return sum / n;
    }
}
