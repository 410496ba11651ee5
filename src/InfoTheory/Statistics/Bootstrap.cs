using System.Globalization;
using InfoTheory.Internal;

namespace InfoTheory.Statistics;

/// <summary>
/// Nonparametric bootstrap percentile confidence intervals for any entropy, mutual information or
/// conditional mutual information estimator: the estimator is re-run on B resamples of the data drawn
/// with replacement, and the interval is read off the quantiles of those replicates.
/// </summary>
/// <remarks>
/// <para>
/// <b>Percentile interval</b> (Efron &amp; Tibshirani 1993, <i>An Introduction to the Bootstrap</i>, §13.3):
/// [θ*₍α/2₎, θ*₍1−α/2₎] with α = 1 − confidence, where θ*₍q₎ is the q-quantile of the B replicates, interpolated
/// linearly between order statistics (h = (B − 1)·q; Hyndman &amp; Fan 1996, definition 7, the default of R and NumPy).
/// B of 1000 or more is customary for a 95 % interval; fewer make the tails noisy.
/// </para>
/// <para>
/// <b>Bias.</b> The bootstrap measures the spread of an estimator, not its bias, and resampling repeats the bias:
/// replicates of the plug-in entropy lie about (K − 1)/(2N) nats below the estimate (Miller 1955), so its percentile
/// interval sits low and undercovers when N is not large against the alphabet size K. Use a bias-corrected estimator in
/// that regime. Likewise, replicates of mutual information under independence are biased upward (duplicated samples
/// look dependent), so an interval that excludes 0 is no test of independence: use <see cref="PermutationTest"/>.
/// </para>
/// <para>
/// <b>Determinism.</b> Resample b draws its indices from its own random stream, derived from (<c>seed</c>, b) alone,
/// and writes only its own replicate; so the result is bit-identical for every <c>maxDegreeOfParallelism</c>, on the
/// same machine and runtime, as long as the estimator is deterministic.
/// </para>
/// <para>
/// <b>Parallelism.</b> The resamples run in <see cref="Parallel.For(int, int, ParallelOptions, Action{int})"/>; the
/// estimator is called from several threads at once unless <c>maxDegreeOfParallelism</c> is 1, so it must be
/// thread-safe (every estimator of this library is). The estimate on the data as given is computed first, on the
/// calling thread, so invalid data fail there with the estimator's own exception; an exception on a resample reaches
/// the caller inside an <see cref="AggregateException"/>.
/// </para>
/// </remarks>
public static class Bootstrap
{
    /// <summary>The default number of resamples, 1000: enough for the tails of a 95 % percentile interval.</summary>
    public const int DefaultResamples = 1000;

    /// <summary>The default nominal coverage of the interval, 0.95.</summary>
    public const double DefaultConfidence = 0.95;

    /// <summary>A bootstrap percentile interval for an entropy estimate: resamples the samples with replacement.</summary>
    /// <typeparam name="TSample">The sample type.</typeparam>
    /// <param name="estimator">Any entropy estimator; it must be thread-safe.</param>
    /// <param name="samples">The samples (i.i.d.).</param>
    /// <param name="resamples">The number B of bootstrap resamples, ≥ 1 (default <see cref="DefaultResamples"/>).</param>
    /// <param name="confidence">The nominal coverage, strictly between 0 and 1 (default <see cref="DefaultConfidence"/>).</param>
    /// <param name="seed">The seed of the resampling; the same seed gives the same result (default <see cref="EstimatorDefaults.Seed"/>).</param>
    /// <param name="maxDegreeOfParallelism">The most threads to use: −1 (default) for no limit, or ≥ 1. Does not change the result.</param>
    /// <returns>The estimate, the interval, the standard error and the B replicates in nats.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="estimator"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="samples"/> is empty, or the estimator rejects it.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="resamples"/> is less than 1, <paramref name="confidence"/> is not in (0, 1), or <paramref name="maxDegreeOfParallelism"/> is 0 or less than −1.</exception>
    /// <remarks>Cost: B + 1 estimates plus O(N) per resample for drawing it; O(N) memory per thread and O(B) for the replicates. The input is not modified.</remarks>
    public static BootstrapInterval Entropy<TSample>(IEntropyEstimator<TSample> estimator, ReadOnlySpan<TSample> samples,
        int resamples = DefaultResamples, double confidence = DefaultConfidence, int seed = EstimatorDefaults.Seed, int maxDegreeOfParallelism = Settings.DefaultMaxDegreeOfParallelism)
    {
        ArgumentNullException.ThrowIfNull(estimator);
        return Samples(sample => estimator.Estimate(sample), samples, nameof(samples), resamples, confidence, seed, maxDegreeOfParallelism);
    }

    /// <summary>
    /// The percentile interval of any statistic of i.i.d. samples: resamples them with replacement, resample b from the
    /// stream (<paramref name="seed"/>, b) as in <see cref="Entropy{TSample}"/>.
    /// </summary>
    internal static BootstrapInterval Samples<T>(Func<T[], Information> statistic, ReadOnlySpan<T> samples, string name,
        int resamples, double confidence, int seed, int maxDegreeOfParallelism)
    {
        Resampling.NonEmpty(samples.Length, name);
        ParallelOptions options = CheckSettings(resamples, confidence, maxDegreeOfParallelism);

        T[] data = samples.ToArray();
        Information estimate = statistic(data);
        double[] replicates = new double[resamples];
        Parallel.For(0, resamples, options, () => new T[data.Length], (b, _, resample) =>
        {
            var random = new StreamRandom(seed, b);
            for (int i = 0; i < resample.Length; i++)
            {
                resample[i] = data[random.NextInt32(data.Length)];
            }

            replicates[b] = statistic(resample).Nats;
            return resample;
        }, _ => { });

        return Interval(estimate, replicates, confidence);
    }

    /// <summary>A bootstrap percentile interval for a mutual information estimate: resamples the pairs (x[i], y[i]) with replacement, keeping each pair together.</summary>
    /// <typeparam name="TX">The sample type of X.</typeparam>
    /// <typeparam name="TY">The sample type of Y.</typeparam>
    /// <param name="estimator">Any mutual information estimator; it must be thread-safe.</param>
    /// <param name="x">The samples of X.</param>
    /// <param name="y">The samples of Y, as many as of X.</param>
    /// <param name="resamples">The number B of bootstrap resamples, ≥ 1 (default <see cref="DefaultResamples"/>).</param>
    /// <param name="confidence">The nominal coverage, strictly between 0 and 1 (default <see cref="DefaultConfidence"/>).</param>
    /// <param name="seed">The seed of the resampling; the same seed gives the same result (default <see cref="EstimatorDefaults.Seed"/>).</param>
    /// <param name="maxDegreeOfParallelism">The most threads to use: −1 (default) for no limit, or ≥ 1. Does not change the result.</param>
    /// <returns>The estimate, the interval, the standard error and the B replicates in nats.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="estimator"/> is null.</exception>
    /// <exception cref="ArgumentException">The lengths differ or the samples are empty, or the estimator rejects the data.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="resamples"/> is less than 1, <paramref name="confidence"/> is not in (0, 1), or <paramref name="maxDegreeOfParallelism"/> is 0 or less than −1.</exception>
    /// <remarks>
    /// Resample b draws the same indices as resample b of <see cref="Entropy{TSample}"/> with the same seed and N.
    /// k-NN estimators see duplicated points in a resample (zero distances), which distorts them; the bootstrap
    /// suits count-based estimators best.
    /// Cost: B + 1 estimates plus O(N) per resample; O(N) memory per thread. The inputs are not modified.
    /// </remarks>
    public static BootstrapInterval MutualInformation<TX, TY>(IMutualInformationEstimator<TX, TY> estimator,
        ReadOnlySpan<TX> x, ReadOnlySpan<TY> y, int resamples = DefaultResamples, double confidence = DefaultConfidence, int seed = EstimatorDefaults.Seed, int maxDegreeOfParallelism = Settings.DefaultMaxDegreeOfParallelism)
    {
        ArgumentNullException.ThrowIfNull(estimator);
        return Pairs((a, b) => estimator.Estimate(a, b), x, y, resamples, confidence, seed, maxDegreeOfParallelism);
    }

    /// <summary>
    /// The percentile interval of any statistic of paired samples: resamples the pairs (x[i], y[i]) with replacement,
    /// resample b from the stream (<paramref name="seed"/>, b) as in <see cref="MutualInformation{TX, TY}"/>.
    /// </summary>
    internal static BootstrapInterval Pairs<TX, TY>(Func<TX[], TY[], Information> statistic, ReadOnlySpan<TX> x, ReadOnlySpan<TY> y,
        int resamples, double confidence, int seed, int maxDegreeOfParallelism)
    {
        Check.SameLength(x.Length, y.Length);
        Resampling.NonEmpty(x.Length, nameof(x));
        ParallelOptions options = CheckSettings(resamples, confidence, maxDegreeOfParallelism);

        TX[] xs = x.ToArray();
        TY[] ys = y.ToArray();
        Information estimate = statistic(xs, ys);
        double[] replicates = new double[resamples];
        Parallel.For(0, resamples, options, () => (new TX[xs.Length], new TY[ys.Length]), (b, _, buffers) =>
        {
            var random = new StreamRandom(seed, b);
            for (int i = 0; i < xs.Length; i++)
            {
                int j = random.NextInt32(xs.Length);
                buffers.Item1[i] = xs[j];
                buffers.Item2[i] = ys[j];
            }

            replicates[b] = statistic(buffers.Item1, buffers.Item2).Nats;
            return buffers;
        }, _ => { });

        return Interval(estimate, replicates, confidence);
    }

    /// <summary>A bootstrap percentile interval for a conditional mutual information estimate: resamples the triples (x[i], y[i], z[i]) with replacement, keeping each triple together.</summary>
    /// <typeparam name="TX">The sample type of X.</typeparam>
    /// <typeparam name="TY">The sample type of Y.</typeparam>
    /// <typeparam name="TZ">The sample type of Z.</typeparam>
    /// <param name="estimator">Any conditional mutual information estimator; it must be thread-safe.</param>
    /// <param name="x">The samples of X.</param>
    /// <param name="y">The samples of Y, as many as of X.</param>
    /// <param name="z">The samples of the conditioning variable Z, as many as of X.</param>
    /// <param name="resamples">The number B of bootstrap resamples, ≥ 1 (default <see cref="DefaultResamples"/>).</param>
    /// <param name="confidence">The nominal coverage, strictly between 0 and 1 (default <see cref="DefaultConfidence"/>).</param>
    /// <param name="seed">The seed of the resampling; the same seed gives the same result (default <see cref="EstimatorDefaults.Seed"/>).</param>
    /// <param name="maxDegreeOfParallelism">The most threads to use: −1 (default) for no limit, or ≥ 1. Does not change the result.</param>
    /// <returns>The estimate, the interval, the standard error and the B replicates in nats.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="estimator"/> is null.</exception>
    /// <exception cref="ArgumentException">The lengths differ or the samples are empty, or the estimator rejects the data.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="resamples"/> is less than 1, <paramref name="confidence"/> is not in (0, 1), or <paramref name="maxDegreeOfParallelism"/> is 0 or less than −1.</exception>
    /// <remarks>Cost: B + 1 estimates plus O(N) per resample; O(N) memory per thread. The inputs are not modified.</remarks>
    public static BootstrapInterval ConditionalMutualInformation<TX, TY, TZ>(IConditionalMutualInformationEstimator<TX, TY, TZ> estimator,
        ReadOnlySpan<TX> x, ReadOnlySpan<TY> y, ReadOnlySpan<TZ> z, int resamples = DefaultResamples, double confidence = DefaultConfidence, int seed = EstimatorDefaults.Seed, int maxDegreeOfParallelism = Settings.DefaultMaxDegreeOfParallelism)
    {
        ArgumentNullException.ThrowIfNull(estimator);
        Check.SameLength(x.Length, y.Length);
        Check.SameLength(x.Length, z.Length);
        Resampling.NonEmpty(x.Length, nameof(x));
        ParallelOptions options = CheckSettings(resamples, confidence, maxDegreeOfParallelism);

        Information estimate = estimator.Estimate(x, y, z);
        TX[] xs = x.ToArray();
        TY[] ys = y.ToArray();
        TZ[] zs = z.ToArray();
        double[] replicates = new double[resamples];
        Parallel.For(0, resamples, options, () => (new TX[xs.Length], new TY[ys.Length], new TZ[zs.Length]), (b, _, buffers) =>
        {
            var random = new StreamRandom(seed, b);
            for (int i = 0; i < xs.Length; i++)
            {
                int j = random.NextInt32(xs.Length);
                buffers.Item1[i] = xs[j];
                buffers.Item2[i] = ys[j];
                buffers.Item3[i] = zs[j];
            }

            replicates[b] = estimator.Estimate(buffers.Item1, buffers.Item2, buffers.Item3).Nats;
            return buffers;
        }, _ => { });

        return Interval(estimate, replicates, confidence);
    }

    private static ParallelOptions CheckSettings(int resamples, double confidence, int maxDegreeOfParallelism)
    {
        Resampling.Count(resamples, nameof(resamples));
        if (!(confidence > 0 && confidence < 1))
        {
            ThrowHelper.ArgumentOutOfRange(nameof(confidence), confidence, string.Create(CultureInfo.InvariantCulture,
                $"confidence must be strictly between 0 and 1 (e.g. 0.95), got {confidence}."));
        }

        return Settings.Parallel(maxDegreeOfParallelism);
    }

    private static BootstrapInterval Interval(Information estimate, double[] replicates, double confidence)
    {
        double[] sorted = (double[])replicates.Clone();
        Array.Sort(sorted);
        double alpha = 1 - confidence;
        bool anyNaN = double.IsNaN(sorted[0]); // Array.Sort puts NaN first.
        double lower = anyNaN ? double.NaN : SortedQuantile.Of(sorted, alpha / 2);
        double upper = anyNaN ? double.NaN : SortedQuantile.Of(sorted, 1 - (alpha / 2));

        double mean = 0;
        foreach (double value in replicates)
        {
            mean += value;
        }

        mean /= replicates.Length;
        double squares = 0;
        foreach (double value in replicates)
        {
            squares += (value - mean) * (value - mean);
        }

        double standardError = Math.Sqrt(squares / (replicates.Length - 1));
        return new BootstrapInterval(estimate, Information.FromNats(lower), Information.FromNats(upper), confidence,
            Information.FromNats(standardError), replicates);
    }
}
