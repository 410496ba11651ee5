using System.Collections.Concurrent;
using System.Globalization;
using InfoTheory.Continuous;
using InfoTheory.Internal;
using InfoTheory.Orleans.Internal;
using InfoTheory.Orleans.Messages;
using InfoTheory.Selection;
using InfoTheory.Selection.Internal;

namespace InfoTheory.Orleans;

/// <summary>
/// <see cref="DependenceMatrix.Compute"/> on an Orleans cluster: <c>matrix.Compute(samples)</c> becomes
/// <c>await matrix.ComputeAsync(samples, cluster)</c>, with the same bits in the result.
/// </summary>
/// <remarks>
/// <para>
/// <b>Work.</b> The p variables are cut into groups of <see cref="ClusterJobOptions.BlockSize"/> consecutive columns;
/// each pair of groups (a ≤ b) is one block, computed on a silo by <see cref="DependenceMatrix.ComputeBlock"/>, the
/// pure function the local run uses, and copied into the matrix and its mirror image.
/// </para>
/// <para>
/// <b>Data.</b> A group is named by the SHA-256 of its values, read straight from the samples. Each silo keeps the
/// groups it has been sent, keyed by (estimator settings, hash), in a cache shared by all jobs on the silo. A block sent
/// to a silo that lacks one of its groups comes back as "missing"; the client then uploads that group to that silo, in
/// pieces of at most <see cref="ClusterJobOptions.ChunkBytes"/>, and sends the block again. So each group's data reaches
/// each silo that works on it once (a second job on the same data uploads nothing). For the copula the client ranks
/// each column (the O(n log n) part of the preparation, once per group however many silos need it, and only for groups
/// some silo lacks) and sends the twice mid-ranks, 2 bytes a value (4 beyond n = 32 767); a silo keeps them as they
/// came and looks the scores up and scales them, in O(n), for the blocks that need the group, keeping a few groups of
/// scores at a time. For KSG and plug-in the raw values are sent and each silo prepares them, column by column exactly
/// as the local run does, and keeps them prepared.
/// </para>
/// <para>
/// <b>Faults.</b> A block whose call fails with a runtime fault (silo dead, message rejected, response timeout) is put
/// back in the queue and run on another silo; the failed silo gets no more work in this job. Results are written by
/// block index, once: a late duplicate answer is dropped. Progress counts each block once.
/// </para>
/// <para>
/// <b>Bit-identity.</b> Entries are computed with the same arithmetic as locally, so the result is the same bits for
/// any number of silos and any order of completion — provided the silos run the same .NET runtime on processors with
/// the same SIMD width (<see cref="System.Numerics.Vector{T}.Count"/>), which sets the order of the copula dot products.
/// </para>
/// </remarks>
public static class ClusterDependenceMatrix
{
    /// <summary>Computes the whole matrix of <paramref name="samples"/> on the cluster behind <paramref name="cluster"/>.</summary>
    /// <param name="matrix">The settings (estimator, normalisation, k, seed); its MaxDegreeOfParallelism is not used (see <see cref="ClusterJobOptions.MaxDegreeOfParallelism"/>).</param>
    /// <param name="samples">n samples of p variables.</param>
    /// <param name="cluster">A connected Orleans client of a cluster whose silos were set up with <see cref="SiloBuilderExtensions.AddInfoTheory"/>.</param>
    /// <param name="names">The variables' names, one per column; null for "#0", "#1", ….</param>
    /// <param name="options">Block size, items in flight, timeouts; null for <see cref="ClusterJobOptions.Default"/>.</param>
    /// <param name="progress">Told after each block with (blocks done, blocks in all, retries).</param>
    /// <param name="cancellationToken">Cancels the job.</param>
    /// <returns>The p × p matrix, the same bits as <see cref="DependenceMatrix.Compute"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="matrix"/>, <paramref name="samples"/> or <paramref name="cluster"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="names"/> does not have one name per column, there are too few rows (3 for the copula, k + 1 for KSG), or a group of BlockSize columns does not fit one array (BlockSize × n × 8 bytes).</exception>
    /// <exception cref="ClusterUnavailableException">The cluster did not answer within <see cref="ClusterJobOptions.ClusterTimeout"/>, or a block failed <see cref="ClusterJobOptions.MaxAttempts"/> times.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static async Task<DependenceMatrixResult> ComputeAsync(this DependenceMatrix matrix, SampleMatrix samples, IClusterClient cluster,
        IReadOnlyList<string>? names = null, ClusterJobOptions? options = null, IProgress<ClusterProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentNullException.ThrowIfNull(cluster);
        options ??= ClusterJobOptions.Default;
        int n = samples.Rows, p = samples.Columns;
        if (names is not null && names.Count != p)
        {
            ThrowHelper.ArgumentException(nameof(names), string.Create(CultureInfo.InvariantCulture,
                $"names has {names.Count} entries but samples has {p} columns; give one name per column."));
        }

        int needed = matrix.Estimator switch
        {
            DependenceEstimator.GaussianCopula => 3,
            DependenceEstimator.Ksg => matrix.K + 1,
            _ => 1,
        };
        if (n < needed)
        {
            ThrowHelper.ArgumentException(nameof(samples), string.Create(CultureInfo.InvariantCulture,
                $"The {matrix.Estimator} dependence matrix needs at least {needed} rows, got {n}."));
        }

        if ((long)p * p > Array.MaxLength)
        {
            ThrowHelper.ArgumentException(nameof(samples), string.Create(CultureInfo.InvariantCulture,
                $"{p} × {p} cells do not fit one array (at most {Array.MaxLength})."));
        }

        // A group travels as one array of bytes (8 a value for KSG and plug-in) before it is cut into pieces.
        long groupSize = (long)Math.Min(options.BlockSize, p) * n * sizeof(double);
        if (groupSize > Array.MaxLength)
        {
            ThrowHelper.ArgumentException(nameof(options), string.Create(CultureInfo.InvariantCulture,
                $"A group of {Math.Min(options.BlockSize, p)} columns × {n} rows is {groupSize} bytes, more than one array holds ({Array.MaxLength}); use a smaller BlockSize."));
        }

        string[] labels = names is null
            ? [.. Enumerable.Range(0, p).Select(j => string.Create(CultureInfo.InvariantCulture, $"#{j}"))]
            : [.. names];
        var settings = new MatrixSettings
        {
            Estimator = (int)matrix.Estimator,
            Normalize = matrix.Normalize,
            K = matrix.K,
            Seed = matrix.Seed,
            Rows = n,
            MaxDegreeOfParallelism = options.MaxDegreeOfParallelism,
        };

        int size = options.BlockSize, groupCount = (p + size - 1) / size;
        var groups = new ColumnGroup[groupCount];
        SelectionColumns.For(groupCount, options.MaxDegreeOfParallelism, g =>
        {
            int start = g * size, count = Math.Min(size, p - start);
            groups[g] = new ColumnGroup { Hash = GroupCodec.Hash(samples, start, count), Start = start, Count = count };
        });

        var blocks = new List<(int Row, int Column)>();
        for (int a = 0; a < groupCount; a++)
        {
            for (int b = a; b < groupCount; b++)
            {
                blocks.Add((a, b));
            }
        }

        // What each group sends: for the copula each column's twice mid-ranks (the O(n log n) part of the preparation,
        // done here once per group however many silos need it; the silos finish the scores in O(n)), for the other
        // estimators the raw values.
        GroupEncoding encoding = matrix.Estimator == DependenceEstimator.GaussianCopula ? GroupCodec.RanksEncoding(n) : GroupEncoding.Values;
        // Encoded on the thread pool when first asked for; uploads await the bytes rather than block a thread on them.
        var groupBytes = new Lazy<Task<byte[]>>[groupCount];
        for (int g = 0; g < groupCount; g++)
        {
            int group = g;
            groupBytes[g] = new Lazy<Task<byte[]>>(() => Task.Run(() => GroupCodec.Encode(encoding, samples, groups[group].Start, groups[group].Count, options.MaxDegreeOfParallelism)));
        }

        double[] values = new double[p * p];
        // (silo, group) pairs uploaded in this job, so concurrent blocks on one silo share one upload.
        var uploads = new ConcurrentDictionary<(string Silo, int Group), Lazy<Task>>();

        async Task<double[]> Attempt(string silo, int index, CancellationToken token)
        {
            (int a, int b) = blocks[index];
            IDependenceBlockGrain worker = cluster.GetGrain<IDependenceBlockGrain>(silo);
            var request = new BlockRequest { Settings = settings, Rows = groups[a], Columns = groups[b] };
            for (int round = 0; ; round++)
            {
                BlockReply reply = await worker.ComputeBlock(request).WaitAsync(token).ConfigureAwait(false);
                if (reply.Missing.Length == 0)
                {
                    return reply.Values;
                }

                if (round == 3)
                {
                    throw new OrleansException(string.Create(CultureInfo.InvariantCulture,
                        $"Silo {silo} still lacks groups after {round} uploads (its cache may be too small for two groups)."));
                }

                foreach (int g in new[] { a, b }.Distinct().Where(g => reply.Missing.Contains(groups[g].Hash)))
                {
                    if (round > 0)
                    {
                        // Uploaded before and lost since (evicted, or the worker moved to another silo): upload again.
                        uploads.TryRemove((silo, g), out _);
                    }

                    await Upload(silo, g, token).WaitAsync(token).ConfigureAwait(false);
                }
            }
        }

        Task Upload(string silo, int group, CancellationToken token) =>
            uploads.GetOrAdd((silo, group), key => new Lazy<Task>(() => UploadAsync(cluster.GetGrain<IDependenceBlockGrain>(silo), settings, groups[key.Group],
                encoding, groupBytes[key.Group].Value, options.ChunkBytes, token))).Value;

        void Write(int index, double[] block)
        {
            (int a, int b) = blocks[index];
            int r0 = groups[a].Start, rn = groups[a].Count, c0 = groups[b].Start, cn = groups[b].Count;
            for (int i = 0; i < rn; i++)
            {
                for (int j = 0; j < cn; j++)
                {
                    double v = block[(i * cn) + j];
                    values[((r0 + i) * p) + c0 + j] = v;
                    values[((c0 + j) * p) + r0 + i] = v;
                }
            }
        }

        // Each block has a home silo, chosen so each silo touches few groups (BlockPlacement); a silo that runs out of
        // its own blocks takes others' and fetches what they need. Staging: ask each live silo which groups it holds,
        // encode every group some silo lacks for its own blocks, lowest first (the order they run in), and send each
        // silo what it lacks as soon as it is encoded, so encoding, moving and the first blocks overlap. Only a head
        // start: a block that finds a group missing uploads it as above.
        int[] Homes(string[] silos) => BlockPlacement.Homes(groupCount, blocks, silos.Length);
        using var staging = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Task[] stagedUploads = await StageAsync(cluster, settings, groups, blocks, Homes, options, (lacking, needed) =>
        [
            Task.Run(async () =>
            {
                foreach (int g in needed)
                {
                    staging.Token.ThrowIfCancellationRequested();
                    await groupBytes[g].Value.ConfigureAwait(false);
                }
            }, CancellationToken.None),
            .. lacking.Select(silo => Task.Run(async () =>
            {
                foreach (int g in silo.Groups)
                {
                    await Upload(silo.Silo, g, staging.Token).ConfigureAwait(false);
                }
            }, CancellationToken.None)),
        ], staging.Token).ConfigureAwait(false);

        try
        {
            await ClusterScheduler.RunAsync<double[]>(cluster, blocks.Count, options, Attempt, Write, progress, cancellationToken, Homes).ConfigureAwait(false);
        }
        finally
        {
            // A staged upload that failed was either redone by a block or belongs to a silo that failed; observe and drop it.
            await staging.CancelAsync().ConfigureAwait(false);
            await Task.WhenAll(stagedUploads).ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default).ConfigureAwait(false);
        }

        return new DependenceMatrixResult(labels, values, matrix.Estimator, matrix.Normalize);
    }

    /// <summary>
    /// Asks every live silo which of the groups it holds (prepared for these settings) and hands the answer to
    /// <paramref name="start"/>: per silo the groups its own blocks need and it lacks, ascending, and all groups some
    /// silo lacks. A silo that does not answer is left out; the scheduler deals with it. Returns the tasks
    /// <paramref name="start"/> started.
    /// </summary>
    private static async Task<Task[]> StageAsync(IClusterClient cluster, MatrixSettings settings, ColumnGroup[] groups, List<(int Row, int Column)> blocks,
        Func<string[], int[]> homes, ClusterJobOptions options, Func<(string Silo, int[] Groups)[], int[], Task[]> start, CancellationToken cancellationToken)
    {
        string[] silos = await ClusterScheduler.ActiveSilosAsync(cluster, options, cancellationToken).ConfigureAwait(false);
        if (silos.Length == 0)
        {
            return [];
        }

        int[] home = homes(silos);
        var needs = silos.Select(_ => new SortedSet<int>()).ToArray();
        for (int i = 0; i < blocks.Count; i++)
        {
            needs[home[i]].Add(blocks[i].Row);
            needs[home[i]].Add(blocks[i].Column);
        }

        var held = await Task.WhenAll(silos.Select(async (silo, s) =>
        {
            string[] hashes = [.. needs[s].Select(g => groups[g].Hash)];
            try
            {
                string[] answer = await cluster.GetGrain<IDependenceBlockGrain>(silo).Held(settings, hashes)
                    .WaitAsync(options.ClusterTimeout, cancellationToken).ConfigureAwait(false);
                return (Silo: silo, Groups: needs[s].Where(g => !answer.Contains(groups[g].Hash, StringComparer.Ordinal)).ToArray());
            }
            catch (Exception ex) when (ClusterScheduler.IsRuntimeFault(ex))
            {
                return (Silo: silo, Groups: Array.Empty<int>());
            }
        })).ConfigureAwait(false);
        (string Silo, int[] Groups)[] lacking = [.. held.Where(h => h.Groups.Length > 0)];
        int[] needed = [.. lacking.SelectMany(l => l.Groups).Distinct().Order()];
        return needed.Length == 0 ? [] : start(lacking, needed);
    }

    /// <summary>Sends a group's bytes, once encoded, in pieces of at most <paramref name="chunkBytes"/>, one after another.</summary>
    private static async Task UploadAsync(IDependenceBlockGrain worker, MatrixSettings settings, ColumnGroup group, GroupEncoding encoding, Task<byte[]> encoded, int chunkBytes, CancellationToken token)
    {
        byte[] bytes = await encoded.WaitAsync(token).ConfigureAwait(false);
        for (long offset = 0; offset < bytes.Length; offset += chunkBytes)
        {
            int length = (int)Math.Min(chunkBytes, bytes.Length - offset);
            // A group that fits one piece is sent as it is (messages are immutable: nothing writes to the array again).
            byte[] piece = length == bytes.Length ? bytes : bytes.AsSpan((int)offset, length).ToArray();
            var chunk = new GroupChunk { Settings = settings, Group = group, Offset = offset, Encoding = encoding, Bytes = piece };
            await worker.Upload(chunk).WaitAsync(token).ConfigureAwait(false);
        }
    }
}
