using System.Globalization;
using InfoTheory.Continuous;
using InfoTheory.Orleans.Messages;
using InfoTheory.Selection;

namespace InfoTheory.Orleans.Internal;

/// <summary>
/// The data one silo holds for InfoTheory jobs, keyed by content hash (and, for prepared columns, the settings that
/// prepared them): values arrive in pieces, are assembled, turned into the cached object once complete, and dropped
/// least recently used first beyond <see cref="CapacityBytes"/>. A dropped entry is reported missing and uploaded
/// again, so eviction never changes a result.
/// </summary>
internal sealed class SiloDataCache(long capacityBytes)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, LinkedListNode<Entry>> _entries = new(StringComparer.Ordinal);
    private readonly LinkedList<Entry> _recency = new();
    private readonly Dictionary<string, Pending> _pending = new(StringComparer.Ordinal);
    private long _bytes;
    private long _pieces;

    public long CapacityBytes { get; } = capacityBytes;

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

    /// <summary>The entry behind <paramref name="key"/> (now the most recently used), or null.</summary>
    public object? TryGet(string key)
    {
        lock (_gate)
        {
            if (!_entries.TryGetValue(key, out LinkedListNode<Entry>? node))
            {
                return null;
            }

            _recency.Remove(node);
            _recency.AddFirst(node);
            return node.Value.Value;
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
                LinkedListNode<Entry> node = _recency.AddFirst(new Entry(key, value, cachedBytes));
                _entries[key] = node;
                _bytes += node.Value.Bytes;
                while (_bytes > CapacityBytes && _recency.Count > 1)
                {
                    LinkedListNode<Entry> last = _recency.Last!;
                    _recency.RemoveLast();
                    _entries.Remove(last.Value.Key);
                    _bytes -= last.Value.Bytes;
                }
            }
        }

        return true;
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

    /// <summary>A copula group from its columns' twice mid-ranks (<see cref="GroupCodec"/> bytes): O(n) per column.</summary>
    public static PreparedColumns PrepareCopulaGroup(MatrixSettings settings, int count, GroupEncoding encoding, byte[] bytes) =>
        settings.ToMatrix().PrepareCopula(settings.Rows, count, GroupCodec.RanksReader(encoding, bytes, settings.Rows));

    private sealed record Entry(string Key, object Value, long Bytes);

    private sealed class Pending(Array data)
    {
        public Array Data { get; } = data;

        public HashSet<long> Received { get; } = [];

        public long Count { get; set; }
    }
}
