using System.Globalization;
using InfoTheory.Continuous;
using InfoTheory.Orleans.Messages;
using InfoTheory.Selection;

namespace InfoTheory.Orleans.Internal;

/// <summary>
/// The data one silo holds for InfoTheory jobs, keyed by content hash (and, for prepared columns, the settings that
/// prepared them): values arrive in pieces, are assembled, turned into the cached object once complete, and dropped
/// least recently used first beyond <see cref="CapacityBytes"/> or <see cref="MaxEntries"/>. A dropped entry is
/// reported missing and uploaded again (or expanded again, in <see cref="Expanded"/>), so eviction never changes a
/// result.
/// </summary>
internal sealed class SiloDataCache(long capacityBytes, int maxEntries = int.MaxValue)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, LinkedListNode<Entry>> _entries = new(StringComparer.Ordinal);
    private readonly LinkedList<Entry> _recency = new();
    private readonly Dictionary<string, Pending> _pending = new(StringComparer.Ordinal);
    private long _bytes;
    private long _pieces;

    public long CapacityBytes { get; } = capacityBytes;

    /// <summary>The most entries kept, whatever their size.</summary>
    public int MaxEntries { get; } = maxEntries;

    /// <summary>
    /// The second, smaller cache of this silo: copula groups expanded from their ranks (<see cref="CopulaRanks"/>, what
    /// this cache keeps) to normal scores, for the blocks running now and next. It holds at most
    /// <see cref="ExpandedGroups"/> groups, so a silo that keeps many groups reuses the memory of the scores it expands
    /// instead of growing by 8 bytes a value for every new group it is sent.
    /// </summary>
    public SiloDataCache Expanded => LazyInitializer.EnsureInitialized(ref _expanded, () => new SiloDataCache(CapacityBytes, ExpandedGroups));

    /// <summary>
    /// How many expanded groups <see cref="Expanded"/> keeps: 4 per core, at least 8. A block needs two groups and a
    /// silo runs about one block per core at a time, so the groups of the blocks running and of the next ones fit.
    /// </summary>
    public static int ExpandedGroups { get; } = Math.Max(8, 4 * Environment.ProcessorCount);

    private SiloDataCache? _expanded;

    /// <summary>Pieces received since the silo started (uploads, for the tests of "data reach a silo once").</summary>
    public long PiecesReceived => Interlocked.Read(ref _pieces);

    /// <summary>Entries held now.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _entries.Count;
            }
        }
    }

    /// <summary>Whether <paramref name="key"/> is held now (its recency is left as it is).</summary>
    public bool Contains(string key)
    {
        lock (_gate)
        {
            return _entries.ContainsKey(key);
        }
    }

    /// <summary>
    /// The entry behind <paramref name="key"/> (now the most recently used), or null; one that
    /// <see cref="GetOrCreate"/> is still creating is waited for.
    /// </summary>
    public object? TryGet(string key)
    {
        object value;
        lock (_gate)
        {
            if (!_entries.TryGetValue(key, out LinkedListNode<Entry>? node))
            {
                return null;
            }

            _recency.Remove(node);
            _recency.AddFirst(node);
            value = node.Value.Value;
        }

        if (value is not Lazy<object> lazy)
        {
            return value;
        }

        try
        {
            return lazy.Value;
        }
#pragma warning disable CA1031 // A creation that failed is reported (and dropped) by the GetOrCreate that ran it; here it is absent.
        catch (Exception)
#pragma warning restore CA1031
        {
            return null;
        }
    }

    /// <summary>
    /// Adds a piece of the <paramref name="total"/> values behind <paramref name="key"/>; when the last arrives, turns
    /// them into the cached object with <paramref name="finish"/> (on the calling thread), counted as
    /// <paramref name="cachedBytes"/> against the capacity.
    /// </summary>
    /// <returns>True once the entry is complete and cached.</returns>
    public bool Add<T>(string key, long total, long cachedBytes, long offset, T[] values, Func<T[], object> finish)
    {
        Interlocked.Increment(ref _pieces);
        if (offset < 0 || offset + values.Length > total)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"The piece [{offset}, {offset + values.Length}) lies outside the {total} values of the entry."), nameof(offset));
        }

        T[] data;
        lock (_gate)
        {
            if (_entries.ContainsKey(key))
            {
                return true;
            }

            if (offset == 0 && values.Length == total)
            {
                // The whole entry in one piece (the usual case): no assembly buffer, no copy. Pieces of an earlier,
                // interrupted upload of the same entry are dropped.
                _pending.Remove(key);
                data = values;
            }
            else
            {
                if (!_pending.TryGetValue(key, out Pending? pending))
                {
                    pending = new Pending(new T[total]);
                    _pending[key] = pending;
                }

                if (!pending.Received.Add(offset))
                {
                    return false;
                }

                if (pending.Data is not T[] assembled)
                {
                    throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                        $"The pieces of one entry must be of one type: {pending.Data.GetType().Name}, then {typeof(T).Name}[]."), nameof(values));
                }

                values.CopyTo(assembled, offset);
                pending.Count += values.Length;
                if (pending.Count < total)
                {
                    return false;
                }

                _pending.Remove(key);
                data = (T[])pending.Data;
            }
        }

        object value = finish(data);
        lock (_gate)
        {
            if (!_entries.ContainsKey(key))
            {
                Insert(key, value, cachedBytes);
            }
        }

        return true;
    }

    /// <summary>
    /// The entry behind <paramref name="key"/>, created by <paramref name="create"/> (on the calling thread, once however
    /// many callers ask at the same time) when it is not held, and counted as <paramref name="cachedBytes"/>. A failed
    /// creation is not kept.
    /// </summary>
    public object GetOrCreate(string key, long cachedBytes, Func<object> create)
    {
        Lazy<object> lazy;
        lock (_gate)
        {
            if (_entries.TryGetValue(key, out LinkedListNode<Entry>? node))
            {
                _recency.Remove(node);
                _recency.AddFirst(node);
                if (node.Value.Value is not Lazy<object> held)
                {
                    return node.Value.Value;
                }

                lazy = held;
            }
            else
            {
                lazy = new Lazy<object>(create, LazyThreadSafetyMode.ExecutionAndPublication);
                Insert(key, lazy, cachedBytes);
            }
        }

        try
        {
            return lazy.Value;
        }
        catch
        {
            lock (_gate)
            {
                if (_entries.TryGetValue(key, out LinkedListNode<Entry>? node) && ReferenceEquals(node.Value.Value, lazy))
                {
                    Remove(node);
                }
            }

            throw;
        }
    }

    /// <summary>Adds an entry as the most recently used and drops the least recently used beyond the capacity (under the lock).</summary>
    private void Insert(string key, object value, long cachedBytes)
    {
        LinkedListNode<Entry> node = _recency.AddFirst(new Entry(key, value, cachedBytes));
        _entries[key] = node;
        _bytes += cachedBytes;
        while ((_bytes > CapacityBytes || _recency.Count > MaxEntries) && _recency.Count > 1)
        {
            Remove(_recency.Last!);
        }
    }

    /// <summary>Drops an entry (under the lock).</summary>
    private void Remove(LinkedListNode<Entry> node)
    {
        _recency.Remove(node);
        _entries.Remove(node.Value.Key);
        _bytes -= node.Value.Bytes;
    }

    /// <summary>The key of a column group prepared with <paramref name="settings"/>.</summary>
    public static string GroupKey(MatrixSettings settings, string hash) => settings.CacheKey() + "|" + hash;

    /// <summary>The key of raw values.</summary>
    public static string RawKey(string hash) => "raw|" + hash;

    /// <summary>Prepares Count columns of n values (column after column) exactly as the whole data set would be prepared.</summary>
    public static PreparedColumns PrepareGroup(MatrixSettings settings, int count, double[] columnMajor)
    {
        int n = settings.Rows;
        double[] rowMajor = new double[columnMajor.Length];
        for (int j = 0; j < count; j++)
        {
            for (int i = 0; i < n; i++)
            {
                rowMajor[(i * count) + j] = columnMajor[((long)j * n) + i];
            }
        }

        return settings.ToMatrix().Prepare(SampleMatrix.FromRowMajor(rowMajor, count));
    }

    /// <summary>
    /// A copula group from its columns' twice mid-ranks (<see cref="GroupCodec"/> bytes): O(n) per column, the scores
    /// allocated where the collector does not move them, since they stay in <see cref="Expanded"/> while uploads and
    /// other blocks allocate: allocated in generation 0 they were copied on to the older generations, and the
    /// collections of a cold job paused every thread for far longer.
    /// </summary>
    public static PreparedColumns PrepareCopulaGroup(MatrixSettings settings, CopulaRanks ranks) =>
        settings.ToMatrix().PrepareCopula(settings.Rows, ranks.Count, GroupCodec.RanksReader(ranks.Encoding, ranks.Bytes, settings.Rows), nonMoving: true);

    /// <summary>
    /// The prepared columns behind an entry of this cache: KSG and plug-in groups are kept prepared; a copula group is
    /// kept as its ranks and expanded to scores through <see cref="Expanded"/>.
    /// </summary>
    public PreparedColumns Prepared(MatrixSettings settings, string key, object entry) => entry switch
    {
        PreparedColumns prepared => prepared,
        CopulaRanks ranks => (PreparedColumns)Expanded.GetOrCreate(key, (long)ranks.Count * settings.Rows * sizeof(double), () => PrepareCopulaGroup(settings, ranks)),
        _ => throw new InvalidOperationException($"The entry {key} holds a {entry.GetType().Name}, not a column group."),
    };

    /// <summary>A copula group as it arrived: each column's twice mid-ranks in <see cref="GroupCodec"/> bytes.</summary>
    public sealed record CopulaRanks(GroupEncoding Encoding, int Count, byte[] Bytes);

    private sealed record Entry(string Key, object Value, long Bytes);

    private sealed class Pending(Array data)
    {
        public Array Data { get; } = data;

        public HashSet<long> Received { get; } = [];

        public long Count { get; set; }
    }
}
