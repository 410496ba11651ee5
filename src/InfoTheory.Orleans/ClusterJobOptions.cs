using System.Globalization;
using InfoTheory.Internal;

namespace InfoTheory.Orleans;

/// <summary>
/// How a job is cut into work items and spread over the silos. None of these settings changes a result, only how fast
/// it arrives and how failures are handled. Immutable.
/// </summary>
public sealed class ClusterJobOptions
{
    /// <summary>The default options.</summary>
    public static ClusterJobOptions Default { get; } = new();

    /// <summary>
    /// Variables per side of a dependence-matrix block (default 64, at least 1): a p-variable matrix is cut into
    /// ⌈p/b⌉ groups and ⌈p/b⌉(⌈p/b⌉ + 1)/2 blocks. Larger blocks mean fewer messages and fewer uploads per silo, smaller
    /// ones a finer balance of load and less work lost when a silo dies.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public int BlockSize { get; init => field = Settings.AtLeast(value, 1, nameof(BlockSize)); } = 64;

    /// <summary>
    /// Permutations per work item of a distributed permutation test (default 250, at least 1); each permutation draws from
    /// its own stream (seed, b), so the split does not change the result.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public int PermutationsPerChunk { get; init => field = Settings.AtLeast(value, 1, nameof(PermutationsPerChunk)); } = 250;

    /// <summary>Work items sent to one silo at a time (default 2, at least 1); more hides the message latency.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public int ItemsInFlightPerSilo { get; init => field = Settings.AtLeast(value, 1, nameof(ItemsInFlightPerSilo)); } = 2;

    /// <summary>
    /// The most bytes of data per upload message (default 4 MiB, at least 8): larger data are sent in pieces of this size,
    /// well under Orleans' default limit of 100 MiB per message body.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 8.</exception>
    public int ChunkBytes { get; init => field = Settings.AtLeast(value, 8, nameof(ChunkBytes)); } = 4 << 20;

    /// <summary>
    /// How long to wait for the cluster to list its silos (default 10 s, more than zero); and, when every silo has
    /// failed, how long to keep looking for a live one before giving up with <see cref="ClusterUnavailableException"/>.
    /// A single work item is bounded by the client's own response timeout (Orleans' <c>MessagingOptions.ResponseTimeout</c>).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not positive.</exception>
    public TimeSpan ClusterTimeout
    {
        get;
        init
        {
            if (value <= TimeSpan.Zero)
            {
                throw new ArgumentOutOfRangeException(nameof(ClusterTimeout), value,
                    string.Create(CultureInfo.InvariantCulture, $"ClusterTimeout must be positive, got {value}."));
            }

            field = value;
        }
    } = TimeSpan.FromSeconds(10);

    /// <summary>Attempts per work item before the job fails (default 5, at least 1); a failed attempt moves the item to another silo.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public int MaxAttempts { get; init => field = Settings.AtLeast(value, 1, nameof(MaxAttempts)); } = 5;

    /// <summary>Threads a silo uses within one work item: −1 (default, no limit) or at least 1. Does not change the result.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is 0 or less than −1.</exception>
    public int MaxDegreeOfParallelism { get; init => field = Settings.MaxDegreeOfParallelism(value); } = -1;
}
