using InfoTheory.Internal;

namespace InfoTheory.Statistics;

/// <summary>
/// Permutation (shuffle) tests of independence and conditional independence for any mutual
/// information estimator: the estimate on the data is compared with its distribution over random
/// relabellings that make the null hypothesis true while keeping the marginals.
/// </summary>
/// <remarks>
/// <para>
/// <b>Determinism.</b> Permutation b draws from its own random stream, derived from
/// (<c>seed</c>, b) alone, and writes only its own slot of the null distribution; so the result is
/// bit-identical for every <c>maxDegreeOfParallelism</c> and every scheduling of the threads, on the
/// same machine and runtime, as long as the estimator is deterministic.
/// </para>
/// <para>
/// <b>Parallelism.</b> The permutations run in <see cref="Parallel.For(int, int, ParallelOptions, Action{int})"/>;
/// the estimator is called from several threads at once unless <c>maxDegreeOfParallelism</c> is 1, so it must be
/// thread-safe (every estimator of this library is). An exception thrown by the estimator on a permuted
/// data set reaches the caller inside an <see cref="AggregateException"/>; the estimate on the data as given
/// is computed first, on the calling thread, so invalid data fail there with the estimator's own exception.
/// </para>
/// <para>
/// <b>Ties.</b> A permuted estimate counts as "at least the observed one" when it is no more than
/// 10⁻¹²·max(1, |observed|) nats below it, so that an identical contingency table rounded through a
/// different summation order is still counted as a tie; NaN estimates never count.
/// </para>
/// <para>
/// Reference: Good (2005), <i>Permutation, Parametric, and Bootstrap Tests of Hypotheses</i>, 3rd ed.;
/// Phipson &amp; Smyth (2010) for the (1 + count)/(1 + B) p-value.
/// </para>
/// </remarks>
public static class PermutationTest
{
    private const double TieTolerance = 1e-12;

    /// <summary>
    /// Tests H₀: X and Y are independent, by shuffling x against y. The p-value is
    /// (1 + #{b : Î(x∘π_b; y) ≥ Î(x; y)}) / (1 + B) over B uniformly random permutations π_b.
    /// </summary>
    /// <typeparam name="TX">The sample type of X.</typeparam>
    /// <typeparam name="TY">The sample type of Y.</typeparam>
    /// <param name="estimator">Any mutual information estimator (plug-in, bias-corrected, k-NN, …); it must be thread-safe.</param>
    /// <param name="x">The samples of X.</param>
    /// <param name="y">The samples of Y, as many as of X.</param>
    /// <param name="permutations">The number B of permutations, ≥ 1. The smallest attainable p-value is 1/(1 + B); B = 999 resolves 0.001.</param>
    /// <param name="seed">The seed of the permutations; the same seed gives the same result.</param>
    /// <param name="maxDegreeOfParallelism">The most threads to use: −1 (default) for no limit, or ≥ 1. Does not change the result.</param>
    /// <returns>The observed estimate, the B permuted estimates in nats, and the p-value.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="estimator"/> is null.</exception>
    /// <exception cref="ArgumentException">The lengths differ or the samples are empty; or the estimator rejects the data.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="permutations"/> is less than 1, or <paramref name="maxDegreeOfParallelism"/> is 0 or less than −1.</exception>
    /// <remarks>
    /// The test is exact (its p-value is valid at every N) because under H₀ the pairs are exchangeable.
    /// Cost: B + 1 estimates, plus O(N) per permutation for the shuffle; O(N) memory per thread and O(B) for the
    /// null distribution. Neither input is modified.
    /// </remarks>
    public static PermutationTestResult MutualInformation<TX, TY>(IMutualInformationEstimator<TX, TY> estimator,
        ReadOnlySpan<TX> x, ReadOnlySpan<TY> y, int permutations, int seed, int maxDegreeOfParallelism = Settings.DefaultMaxDegreeOfParallelism)
    {
        ArgumentNullException.ThrowIfNull(estimator);
        Check.SameLength(x.Length, y.Length);
        Resampling.NonEmpty(x.Length, nameof(x));
        Resampling.Count(permutations, nameof(permutations));
        ParallelOptions options = Settings.Parallel(maxDegreeOfParallelism);

        Information observed = estimator.Estimate(x, y);
        TX[] xs = x.ToArray();
        TY[] ys = y.ToArray();
        double[] nulls = new double[permutations];
        Parallel.For(0, permutations, options, () => new TX[xs.Length], (b, _, shuffled) =>
        {
            xs.CopyTo(shuffled, 0);
            var random = new StreamRandom(seed, b);
            random.Shuffle<TX>(shuffled);
            nulls[b] = estimator.Estimate(shuffled, ys).Nats;
            return shuffled;
        }, _ => { });

        return new PermutationTestResult(observed, nulls, PValue(observed.Nats, nulls));
    }

    /// <summary>
    /// Tests H₀: X and Y are independent for multivariate samples, by shuffling the rows of x against those of y
    /// (each row moves whole, so the dependence between X's columns is kept). The p-value is
    /// (1 + #{b : Î(x∘π_b; y) ≥ Î(x; y)}) / (1 + B).
    /// </summary>
    /// <param name="estimator">Any multivariate mutual information estimator (k-NN, Gaussian, copula, hybrid, …); it must be thread-safe.</param>
    /// <param name="x">The samples of X, one per row.</param>
    /// <param name="y">The samples of Y, as many rows as x.</param>
    /// <param name="permutations">The number B of permutations, ≥ 1.</param>
    /// <param name="seed">The seed of the permutations; the same seed gives the same result.</param>
    /// <param name="maxDegreeOfParallelism">The most threads to use: −1 (default) for no limit, or ≥ 1. Does not change the result.</param>
    /// <returns>The observed estimate, the B permuted estimates in nats, and the p-value.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The row counts differ; or the estimator rejects the data.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="permutations"/> is less than 1, or <paramref name="maxDegreeOfParallelism"/> is 0 or less than −1.</exception>
    /// <remarks>
    /// Exact under H₀, as for the span overload. Estimators with their own randomness (jitter, surrogates) use the
    /// same seed on every permuted data set, so only the permutation differs between replicates. Cost: B + 1
    /// estimates plus O(N d) per permutation for the shuffled copy of x.
    /// </remarks>
    public static PermutationTestResult MutualInformation(Continuous.IMultivariateMutualInformationEstimator estimator,
        Continuous.SampleMatrix x, Continuous.SampleMatrix y, int permutations, int seed, int maxDegreeOfParallelism = Settings.DefaultMaxDegreeOfParallelism)
    {
        ArgumentNullException.ThrowIfNull(estimator);
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        Check.SameLength(x.Rows, y.Rows);
        Resampling.Count(permutations, nameof(permutations));
        ParallelOptions options = Settings.Parallel(maxDegreeOfParallelism);

        Information observed = estimator.Estimate(x, y);
        double[] nulls = new double[permutations];
        MultivariateNulls(estimator, x, y, seed, 0, nulls, options);
        return new PermutationTestResult(observed, nulls, PValue(observed.Nats, nulls));
    }

    /// <summary>
    /// The permuted estimates b = <paramref name="first"/> … <paramref name="first"/> + destination.Length − 1 of the
    /// multivariate test, each from its own stream (<paramref name="seed"/>, b), so any split of [0, B) into ranges gives
    /// the same bits as one run (the unit of work of a distributed test).
    /// </summary>
    internal static void MultivariateNulls(Continuous.IMultivariateMutualInformationEstimator estimator, Continuous.SampleMatrix x,
        Continuous.SampleMatrix y, int seed, int first, double[] destination, ParallelOptions options)
    {
        int n = x.Rows;
        int d = x.Columns;
        Parallel.For(0, destination.Length, options, slot =>
        {
            int[] order = new int[n];
            for (int i = 0; i < n; i++)
            {
                order[i] = i;
            }

            var random = new StreamRandom(seed, first + slot);
            random.Shuffle<int>(order);
            ReadOnlySpan<double> data = x.Data.Span;
            double[] shuffled = new double[n * d];
            for (int i = 0; i < n; i++)
            {
                data.Slice(order[i] * d, d).CopyTo(shuffled.AsSpan(i * d, d));
            }

            destination[slot] = estimator.Estimate(Continuous.SampleMatrix.FromRowMajor(shuffled, d), y).Nats;
        });
    }

    /// <summary>
    /// Tests H₀: X and Y are independent given Z, by shuffling x within each stratum of samples that share
    /// the same z (a conditional permutation), which keeps the joint distributions of (X, Z) and (Y, Z) and
    /// breaks only the dependence of X on Y within strata. The p-value is
    /// (1 + #{b : Î(x∘π_b; y | z) ≥ Î(x; y | z)}) / (1 + B).
    /// </summary>
    /// <typeparam name="TX">The sample type of X.</typeparam>
    /// <typeparam name="TY">The sample type of Y.</typeparam>
    /// <param name="estimator">Any conditional mutual information estimator with a discrete Z; it must be thread-safe.</param>
    /// <param name="x">The samples of X.</param>
    /// <param name="y">The samples of Y, as many as of X.</param>
    /// <param name="z">The symbols of the conditioning variable Z, as many as of X. Only equality of symbols matters here (any int value defines a stratum); the estimator may require more, e.g. non-negative symbols.</param>
    /// <param name="permutations">The number B of permutations, ≥ 1.</param>
    /// <param name="seed">The seed of the permutations; the same seed gives the same result.</param>
    /// <param name="maxDegreeOfParallelism">The most threads to use: −1 (default) for no limit, or ≥ 1. Does not change the result.</param>
    /// <returns>The observed estimate, the B permuted estimates in nats, and the p-value.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="estimator"/> is null.</exception>
    /// <exception cref="ArgumentException">The lengths differ or the samples are empty; or the estimator rejects the data.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="permutations"/> is less than 1, or <paramref name="maxDegreeOfParallelism"/> is 0 or less than −1.</exception>
    /// <remarks>
    /// <para>
    /// Exact under H₀ for a discrete Z, since then the samples are exchangeable within each stratum. Strata with one
    /// sample cannot be shuffled; when most strata are that small (Z with about as many values as samples), the
    /// permutations barely move x and the test has little power. For continuous Z use a local (nearest-neighbour)
    /// permutation scheme instead (Runge 2018, "Conditional independence testing based on a nearest-neighbor
    /// estimator of conditional mutual information").
    /// </para>
    /// <para>
    /// Cost: B + 1 estimates, plus O(N) per permutation and one O(N log N) grouping of z; O(N) memory per thread.
    /// Neither input is modified.
    /// </para>
    /// </remarks>
    public static PermutationTestResult ConditionalMutualInformation<TX, TY>(IConditionalMutualInformationEstimator<TX, TY, int> estimator,
        ReadOnlySpan<TX> x, ReadOnlySpan<TY> y, ReadOnlySpan<int> z, int permutations, int seed, int maxDegreeOfParallelism = Settings.DefaultMaxDegreeOfParallelism)
    {
        ArgumentNullException.ThrowIfNull(estimator);
        Check.SameLength(x.Length, y.Length);
        Check.SameLength(x.Length, z.Length);
        Resampling.NonEmpty(x.Length, nameof(x));
        Resampling.Count(permutations, nameof(permutations));
        ParallelOptions options = Settings.Parallel(maxDegreeOfParallelism);

        Information observed = estimator.Estimate(x, y, z);
        TX[] xs = x.ToArray();
        TY[] ys = y.ToArray();
        int[] zs = z.ToArray();
        (int[] order, int[] starts) = Strata(zs);
        double[] nulls = new double[permutations];
        Parallel.For(0, permutations, options, () => new TX[xs.Length], (b, _, shuffled) =>
        {
            xs.CopyTo(shuffled, 0);
            var random = new StreamRandom(seed, b);
            for (int s = 0; s + 1 < starts.Length; s++)
            {
                // Fisher-Yates over the positions of stratum s only.
                int start = starts[s];
                for (int i = starts[s + 1] - start - 1; i > 0; i--)
                {
                    int a = order[start + i], c = order[start + random.NextInt32(i + 1)];
                    (shuffled[a], shuffled[c]) = (shuffled[c], shuffled[a]);
                }
            }

            nulls[b] = estimator.Estimate(shuffled, ys, zs).Nats;
            return shuffled;
        }, _ => { });

        return new PermutationTestResult(observed, nulls, PValue(observed.Nats, nulls));
    }

    /// <summary>(1 + #{null ≥ observed, within the tie tolerance}) / (1 + B); NaN when the observed estimate is NaN.</summary>
    internal static double PValue(double observed, ReadOnlySpan<double> nulls)
    {
        // A NaN estimate is not evidence of anything: report NaN rather than the smallest p-value.
        if (double.IsNaN(observed))
        {
            return double.NaN;
        }

        double threshold = double.IsFinite(observed) ? observed - (TieTolerance * Math.Max(1.0, Math.Abs(observed))) : observed;
        int atLeast = 0;
        foreach (double value in nulls)
        {
            if (value >= threshold)
            {
                atLeast++;
            }
        }

        return (1.0 + atLeast) / (1.0 + nulls.Length);
    }

    /// <summary>
    /// The sample indices grouped by z (increasing z, then increasing index) and the start of each group,
    /// with a final entry N: stratum s is <c>order[starts[s] .. starts[s + 1])</c>.
    /// </summary>
    private static (int[] Order, int[] Starts) Strata(int[] z)
    {
        // One key per sample: z in the high 32 bits (signed, so negative z sort first), the index in the low ones.
        long[] keys = new long[z.Length];
        for (int i = 0; i < z.Length; i++)
        {
            keys[i] = ((long)z[i] << 32) | (uint)i;
        }

        Array.Sort(keys);
        int[] order = new int[z.Length];
        var starts = new List<int>();
        for (int k = 0; k < keys.Length; k++)
        {
            order[k] = (int)(uint)keys[k];
            if (k == 0 || (keys[k] >> 32) != (keys[k - 1] >> 32))
            {
                starts.Add(k);
            }
        }

        starts.Add(z.Length);
        return (order, [.. starts]);
    }
}
