using System.Globalization;
using System.Threading.Channels;

namespace InfoTheory.Orleans.Internal;

/// <summary>
/// Runs the work items 0 … count − 1 of a job over the live silos: a few items in flight per silo, an item whose
/// attempt fails with a runtime fault (silo gone, message rejected, timeout) goes back to the queue for another silo,
/// and each item's result is written exactly once, keyed by its index, however many attempts it took. Items may have a
/// home silo (where their data are): a silo runs its own items first, in order, then takes the last items of the silo
/// with most left, so a job is balanced however the silos' speeds differ and data move only where that needs it.
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
    /// <param name="homes">
    /// Given the live silos (in the order <see cref="ActiveSilosAsync"/> lists them) when the job starts, the index of
    /// each item's home silo; null for none (every silo takes the next item in index order).
    /// </param>
    public static async Task RunAsync<TResult>(IClusterClient client, int count, ClusterJobOptions options,
        Func<string, int, CancellationToken, Task<TResult>> attempt, Action<int, TResult> write,
        IProgress<ClusterProgress>? progress, CancellationToken cancellationToken, Func<string[], int[]>? homes = null)
    {
        if (count == 0)
        {
            return;
        }

        // Items not yet taken: per home silo (filled when the first silos are known), and a shared queue for items
        // without a home and for items to run again after a fault.
        var queue = Channel.CreateUnbounded<int>();
        var own = new Dictionary<string, HomeQueue>(StringComparer.Ordinal);
        bool placed = false;
        if (homes is null)
        {
            for (int i = 0; i < count; i++)
            {
                queue.Writer.TryWrite(i);
            }
        }

        // The next item for a runner of this silo: its own, else one stolen from the silo with most left, else none.
        bool TryTake(string silo, out int item)
        {
            if (own.TryGetValue(silo, out HomeQueue? mine) && mine.TryTakeFirst(out item))
            {
                return true;
            }

            while (true)
            {
                HomeQueue? fullest = null;
                int most = 0;
                foreach (HomeQueue other in own.Values)
                {
                    int left = other.Count;
                    if (left > most)
                    {
                        (fullest, most) = (other, left);
                    }
                }

                if (fullest is null)
                {
                    item = -1;
                    return false;
                }

                if (fullest.TryTakeLast(out item))
                {
                    return true;
                }
            }
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
            while (true)
            {
                if (!TryTake(silo, out int item))
                {
                    // Nothing placed is left: wait for an item to run again, or for the end of the job.
                    if (!await queue.Reader.WaitToReadAsync(stop.Token).ConfigureAwait(false))
                    {
                        return;
                    }

                    if (!queue.Reader.TryRead(out item))
                    {
                        continue;
                    }
                }

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

                    if (!placed && homes is not null && fresh.Length > 0)
                    {
                        // The first silos known get the items' homes; items of a silo that fails later are stolen.
                        int[] home = homes(fresh);
                        var lists = fresh.ToDictionary(silo => silo, _ => new List<int>(), StringComparer.Ordinal);
                        for (int i = 0; i < count; i++)
                        {
                            lists[fresh[home[i]]].Add(i);
                        }

                        foreach ((string silo, List<int> items) in lists)
                        {
                            own[silo] = new HomeQueue([.. items]);
                        }

                        placed = true;
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

    /// <summary>A silo's own items: taken from the front by the silo, from the back by others.</summary>
    private sealed class HomeQueue(int[] items)
    {
        private readonly Lock _gate = new();
        private int _head;
        private int _tail = items.Length;

        public int Count
        {
            get
            {
                lock (_gate)
                {
                    return _tail - _head;
                }
            }
        }

        public bool TryTakeFirst(out int item)
        {
            lock (_gate)
            {
                item = _head < _tail ? items[_head++] : -1;
                return item >= 0;
            }
        }

        public bool TryTakeLast(out int item)
        {
            lock (_gate)
            {
                item = _head < _tail ? items[--_tail] : -1;
                return item >= 0;
            }
        }
    }

    /// <summary>Failures of the runtime rather than of the work: the item may succeed on another silo.</summary>
    internal static bool IsRuntimeFault(Exception ex) => ex is OrleansException or TimeoutException or System.Net.Sockets.SocketException;
}
