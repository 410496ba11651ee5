using System.Runtime.ExceptionServices;

namespace InfoTheory.Internal;

/// <summary>
/// A lean parallel loop for the kernels a script meets first (the contingency count, the neighbour queries):
/// <see cref="Parallel.For(int, int, ParallelOptions, Action{int})"/> pays a one-off start-up in each process (its
/// tracing source and loop machinery, about 20–30 ms) that is larger than the whole plug-in MI of 10⁷ pairs, while this
/// queues plain work items on the thread pool. The calling thread works too and never waits for a helper that has not
/// started, so a loop nested in another (or run on a busy pool) finishes on the caller alone instead of stalling.
/// </summary>
/// <remarks>
/// Indices are claimed one at a time from a shared counter, so a body should be a block of work (a chunk, a range of
/// queries), not one element. A body's exception stops further claims and is rethrown, unwrapped, on the caller once
/// every claimed body has returned.
/// </remarks>
internal sealed class ForkJoin : IThreadPoolWorkItem
{
    private readonly Action<int> _body;
    private readonly int _count;
    private readonly object _gate = new();
    private int _next;
    private int _finished;
    private int _claimed = -1;
    private volatile bool _failed;
    private Exception? _error;

    private ForkJoin(int count, Action<int> body)
    {
        _count = count;
        _body = body;
    }

    /// <summary>
    /// Runs <paramref name="body"/>(i) once for each i in [0, <paramref name="count"/>), on at most
    /// <paramref name="maxDegreeOfParallelism"/> threads (−1: one per processor), the caller's included.
    /// </summary>
    public static void For(int count, int maxDegreeOfParallelism, Action<int> body)
    {
        int degree = maxDegreeOfParallelism < 0 ? Environment.ProcessorCount : maxDegreeOfParallelism;
        degree = Math.Min(degree, count);
        if (degree <= 1)
        {
            for (int i = 0; i < count; i++)
            {
                body(i);
            }

            return;
        }

        var loop = new ForkJoin(count, body);
        for (int helper = 1; helper < degree; helper++)
        {
            ThreadPool.UnsafeQueueUserWorkItem(loop, preferLocal: false);
        }

        loop.Execute();
        loop.Join();
    }

    /// <summary>Claims and runs indices until none is left (a helper's entry point; the caller runs it too).</summary>
    public void Execute()
    {
        while (!_failed)
        {
            int i = Interlocked.Increment(ref _next) - 1;
            if (i >= _count)
            {
                return;
            }

            try
            {
                _body(i);
            }
            catch (Exception e)
            {
                Interlocked.CompareExchange(ref _error, e, null);
                _failed = true;
            }

            if (Interlocked.Increment(ref _finished) == Volatile.Read(ref _claimed))
            {
                lock (_gate)
                {
                    Monitor.PulseAll(_gate);
                }
            }
        }
    }

    /// <summary>Closes the counter, waits for the bodies already claimed, and rethrows the first failure.</summary>
    private void Join()
    {
        // After the exchange no index can be claimed; a helper that starts late finds the counter past the end.
        int claimed = Math.Min(_count, Interlocked.Exchange(ref _next, int.MaxValue / 2));
        Interlocked.Exchange(ref _claimed, claimed);
        lock (_gate)
        {
            // The last body to finish pulses under this lock after its count, so the check and the wait cannot miss it.
            while (Volatile.Read(ref _finished) != claimed)
            {
                Monitor.Wait(_gate);
            }
        }
        if (_error is { } error)
        {
            ExceptionDispatchInfo.Throw(error);
        }
    }
}
