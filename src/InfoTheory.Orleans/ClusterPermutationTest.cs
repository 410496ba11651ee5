using InfoTheory.Continuous;
using InfoTheory.Internal;
using InfoTheory.Orleans.Internal;
using InfoTheory.Orleans.Messages;
using InfoTheory.Statistics;

namespace InfoTheory.Orleans;

/// <summary>
/// Permutation tests on an Orleans cluster: <c>PermutationTest.MutualInformation(estimator, x, y, B, seed)</c> becomes
/// <c>await ClusterPermutationTest.MutualInformationAsync(estimator, x, y, B, seed, cluster)</c>, with the same bits in the result.
/// </summary>
/// <remarks>
/// The B permutations are cut into chunks of <see cref="ClusterJobOptions.PermutationsPerChunk"/>; a chunk [b₀, b₁) runs
/// on a silo with the single-machine code, permutation b drawing from its own stream (seed, b), so the null distribution
/// is the same bits for any chunking, any number of silos and any order of completion. x and y reach each silo once (by
/// content hash, in pieces of at most <see cref="ClusterJobOptions.ChunkBytes"/>). The estimator travels as its public
/// settings; only the estimators of the InfoTheory package can be sent. Faults, progress and cancellation as for
/// <see cref="ClusterDependenceMatrix"/>.
/// </remarks>
public static class ClusterPermutationTest
{
    /// <summary>
    /// The multivariate test of H₀: X and Y are independent (<see cref="PermutationTest.MutualInformation(IMultivariateMutualInformationEstimator, SampleMatrix, SampleMatrix, int, int, int)"/>)
    /// with the permutations spread over the cluster.
    /// </summary>
    /// <param name="estimator">A multivariate mutual information estimator of the InfoTheory package.</param>
    /// <param name="x">The samples of X, one per row.</param>
    /// <param name="y">The samples of Y, as many rows as x.</param>
    /// <param name="permutations">The number B of permutations, ≥ 1.</param>
    /// <param name="seed">The seed of the permutations.</param>
    /// <param name="cluster">A connected client of a cluster set up with <see cref="SiloBuilderExtensions.AddInfoTheory"/>.</param>
    /// <param name="options">Chunk size, items in flight, timeouts; null for the defaults.</param>
    /// <param name="progress">Told after each chunk.</param>
    /// <param name="cancellationToken">Cancels the job.</param>
    /// <returns>The same result as the local test.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The row counts differ, the estimator rejects the data, or the estimator cannot be sent to a cluster.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="permutations"/> is less than 1.</exception>
    /// <exception cref="ClusterUnavailableException">The cluster did not answer in time, or a chunk failed too often.</exception>
    public static async Task<PermutationTestResult> MutualInformationAsync(IMultivariateMutualInformationEstimator estimator, SampleMatrix x, SampleMatrix y,
        int permutations, int seed, IClusterClient cluster, ClusterJobOptions? options = null, IProgress<ClusterProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(estimator);
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        ArgumentNullException.ThrowIfNull(cluster);
        Check.SameLength(x.Rows, y.Rows);
        ArgumentOutOfRangeException.ThrowIfLessThan(permutations, 1);
        options ??= ClusterJobOptions.Default;
        EstimatorDescription description = EstimatorCodec.Describe(estimator, nameof(estimator));

        // As locally: the estimate on the data as given first, on this thread, so invalid data fail here.
        Information observed = estimator.Estimate(x, y);
        var data = new ClusterData(cluster, options);
        DataRef xs = data.Add(x), ys = data.Add(y);
        int size = options.PermutationsPerChunk, chunks = (permutations + size - 1) / size;
        double[] nulls = new double[permutations];
        await ClusterScheduler.RunAsync(cluster, chunks, options,
            async (silo, chunk, token) =>
            {
                var request = new PermutationChunkRequest
                {
                    Estimator = description,
                    X = xs,
                    Y = ys,
                    Seed = seed,
                    Start = chunk * size,
                    Count = Math.Min(size, permutations - (chunk * size)),
                    MaxDegreeOfParallelism = options.MaxDegreeOfParallelism,
                };
                ValuesReply reply = await data.CallAsync(silo, w => w.PermutationChunk(request), r => r.Missing, token).ConfigureAwait(false);
                return reply.Values;
            },
            (chunk, values) => values.CopyTo(nulls, chunk * size),
            progress, cancellationToken).ConfigureAwait(false);
        return new PermutationTestResult(observed, nulls, PermutationTest.PValue(observed.Nats, nulls));
    }
}
