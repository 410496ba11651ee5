using System.Globalization;
using System.Threading.Channels;

namespace InfoTheory.Orleans.Internal;

/// <summary>
/// Runs the work items 0 … count − 1 of a job over the live silos: a few items in flight per silo, an item whose
/// attempt fails with a runtime fault (silo gone, message rejected, timeout) goes back to the queue for another silo,
/// and each item's result is written exactly once, keyed by its index, however many attempts it took.
/// </summary>
internal static class ClusterScheduler
{
    /// <summary>The silos the cluster reports as active, within the options' cluster timeout.</summary>
    public static async Task<string[]> ActiveSilosAsync(IClusterClient client, ClusterJobOptions options, CancellationToken cancellationToken)
    {
        try
        {
            Dictionary<SiloAddress, SiloStatus> hosts = await client.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true, cancellationToken)
                .WaitAsync(options.ClusterTimeout, cancellationToken).ConfigureAwait(false);
            return [.. hosts.Keys.Order().Select(s => s.ToParsableString())];
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            throw new ClusterUnavailableException(string.Create(CultureInfo.InvariantCulture,
                $"The Orleans cluster did not list its silos within {options.ClusterTimeout.TotalSeconds} s: {ex.Message}"), ex);
        }
    }

    /// <param name="client">The cluster.</param>
    /// <param name="count">The number of work items.</param>
    /// <param name="options">Items in flight per silo, attempts, timeouts.</param>
    /// <param name="attempt">Runs item i on the silo with the given parsable address.</param>
    /// <param name="write">Stores item i's result; called once per item.</param>
    /// <param name="progress">Told after each write.</param>
    /// <param name="cancellationToken">Stops the job; items in flight are abandoned.</param>
    public static async Task RunAsync<TResult>(IClusterClient client, int count, ClusterJobOptions options,
        Func<string, int, CancellationToken, Task<TResult>> attempt, Action<int, TResult> write,
        IProgress<ClusterProgress>? progress, CancellationToken cancellationToken)
    {
        if (count == 0)
        {
            return;
        }

        var queue = Channel.CreateUnbounded<int>();
        for (int i = 0; i < count; i++)
        {
            queue.Writer.TryWrite(i);
        }

        int[] written = new int[count];
        int[] attempts = new int[count];
        int remaining = count, done = 0, retries = 0;
        var gate = new Lock();
        var failedSilos = new HashSet<string>(StringComparer.Ordinal);
        Exception? fatal = null;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);

        async Task Runner(string silo)
        {
            await foreach (int item in queue.Reader.ReadAllAsync(stop.Token).ConfigureAwait(false))
            {
                TResult result;
                try
                {
                    Interlocked.Increment(ref attempts[item]);
                    result = await attempt(silo, item, stop.Token).ConfigureAwait(false);
                }
                catch (Exception ex) when (IsRuntimeFault(ex) && !stop.IsCancellationRequested)
                {
                    lock (gate)
                    {
                        failedSilos.Add(silo);
                        retries++;
                        if (attempts[item] >= options.MaxAttempts)
                        {
                            fatal ??= new ClusterUnavailableException(string.Create(CultureInfo.InvariantCulture,
                                $"Work item {item} failed {attempts[item]} times (MaxAttempts = {options.MaxAttempts}); the last failure: {ex.Message}"), ex);
                            stop.Cancel();
                            return;
                        }
                    }

                    queue.Writer.TryWrite(item);
                    return; // This silo is suspect: its runners stop, the others take its items.
                }
                catch (Exception ex) when (!stop.IsCancellationRequested)
                {
                    // Not a fault of the runtime: the work itself threw (bad data, a bug); another silo would throw too.
                    lock (gate)
                    {
                        fatal ??= ex;
                    }

                    stop.Cancel();
                    return;
                }

                if (Interlocked.Exchange(ref written[item], 1) == 0)
                {
                    write(item, result);
                    lock (gate)
                    {
                        done++;
                        progress?.Report(new ClusterProgress(done, count, retries));
                    }

                    if (Interlocked.Decrement(ref remaining) == 0)
                    {
                        queue.Writer.TryComplete();
                    }
                }
            }
        }

        var running = new Dictionary<string, List<Task>>(StringComparer.Ordinal);
        DateTime lookingSince = DateTime.UtcNow;
        try
        {
            while (Volatile.Read(ref remaining) > 0 && fatal is null)
            {
                cancellationToken.ThrowIfCancellationRequested();
                foreach (string silo in running.Where(r => r.Value.TrueForAll(t => t.IsCompleted)).Select(r => r.Key).ToList())
                {
                    running.Remove(silo);
                }

                if (running.Count == 0)
                {
                    // A silo that failed is left out while others are live; the membership may list a dead one for a while.
                    string[] silos = await ActiveSilosAsync(client, options, cancellationToken).ConfigureAwait(false);
                    string[] fresh;
                    lock (gate)
                    {
                        fresh = [.. silos.Where(s => !failedSilos.Contains(s))];
                        if (fresh.Length == 0 && silos.Length > 0 && DateTime.UtcNow - lookingSince > TimeSpan.FromSeconds(1))
                        {
                            // Every listed silo has failed once: try them again (each item is still bounded by MaxAttempts).
                            failedSilos.Clear();
                            fresh = silos;
                        }
                    }

                    foreach (string silo in fresh)
                    {
                        running[silo] = [.. Enumerable.Range(0, options.ItemsInFlightPerSilo).Select(_ => Task.Run(() => Runner(silo), CancellationToken.None))];
                    }

                    if (running.Count == 0)
                    {
                        if (DateTime.UtcNow - lookingSince > options.ClusterTimeout)
                        {
                            throw new ClusterUnavailableException(string.Create(CultureInfo.InvariantCulture,
                                $"No live silo for {options.ClusterTimeout.TotalSeconds} s with {Volatile.Read(ref remaining)} of {count} work items left."));
                        }

                        await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken).ConfigureAwait(false);
                        continue;
                    }

                    lookingSince = DateTime.UtcNow;
                }

                // Wait for a runner still going to stop (not one that already has: that would spin).
                Task[] going = [.. running.Values.SelectMany(t => t).Where(t => !t.IsCompleted)];
                if (going.Length > 0)
                {
                    await Task.WhenAny(going).ConfigureAwait(false);
                }
            }
        }
        finally
        {
            stop.Cancel();
            queue.Writer.TryComplete();
            try
            {
                await Task.WhenAll(running.Values.SelectMany(t => t)).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // The runners stop by cancellation once the job is over.
            }
        }

        if (fatal is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(fatal).Throw();
        }

        cancellationToken.ThrowIfCancellationRequested();
    }

    /// <summary>Failures of the runtime rather than of the work: the item may succeed on another silo.</summary>
    internal static bool IsRuntimeFault(Exception ex) => ex is OrleansException or TimeoutException or System.Net.Sockets.SocketException;
}
