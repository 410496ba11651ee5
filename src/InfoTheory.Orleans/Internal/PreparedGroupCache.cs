using System.Globalization;
using InfoTheory.Continuous;
using InfoTheory.Orleans.Messages;
using InfoTheory.Selection;

namespace InfoTheory.Orleans.Internal;

/// <summary>
/// The prepared column groups held by one silo, keyed by (settings, content hash), least recently used evicted first
/// beyond <see cref="CapacityBytes"/>; and the groups being uploaded. An evicted group is simply reported missing and
/// uploaded again, so eviction never changes a result.
/// </summary>
internal sealed class PreparedGroupCache(long capacityBytes)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, LinkedListNode<Entry>> _prepared = new(StringComparer.Ordinal);
    private readonly LinkedList<Entry> _recency = new();
    private readonly Dictionary<string, Pending> _pending = new(StringComparer.Ordinal);
    private long _bytes;

    public long CapacityBytes { get; } = capacityBytes;

    public PreparedColumns? TryGet(MatrixSettings settings, string hash)
    {
        string key = Key(settings, hash);
        lock (_gate)
        {
            if (!_prepared.TryGetValue(key, out LinkedListNode<Entry>? node))
            {
                return null;
            }

            _recency.Remove(node);
            _recency.AddFirst(node);
            return node.Value.Columns;
        }
    }

    /// <summary>Adds a piece; when the group is complete, prepares it (on the calling thread) and caches it.</summary>
    public bool Add(GroupChunk chunk)
    {
        string key = Key(chunk.Settings, chunk.Group.Hash);
        long total = (long)chunk.Group.Count * chunk.Settings.Rows;
        if (chunk.Offset < 0 || chunk.Offset + chunk.Values.Length > total)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"The piece [{chunk.Offset}, {chunk.Offset + chunk.Values.Length}) lies outside the group's {total} values."), nameof(chunk));
        }

        double[] data;
        lock (_gate)
        {
            if (_prepared.ContainsKey(key))
            {
                return true;
            }

            if (!_pending.TryGetValue(key, out Pending? pending))
            {
                pending = new Pending(new double[total]);
                _pending[key] = pending;
            }

            if (pending.Received.Contains(chunk.Offset))
            {
                return false;
            }

            chunk.Values.CopyTo(pending.Data, chunk.Offset);
            pending.Received.Add(chunk.Offset);
            pending.Count += chunk.Values.Length;
            if (pending.Count < total)
            {
                return false;
            }

            _pending.Remove(key);
            data = pending.Data;
        }

        PreparedColumns prepared = Prepare(chunk.Settings, chunk.Group.Count, data);
        lock (_gate)
        {
            if (!_prepared.ContainsKey(key))
            {
                var node = _recency.AddFirst(new Entry(key, prepared, total * sizeof(double)));
                _prepared[key] = node;
                _bytes += node.Value.Bytes;
                while (_bytes > CapacityBytes && _recency.Count > 1)
                {
                    LinkedListNode<Entry> last = _recency.Last!;
                    _recency.RemoveLast();
                    _prepared.Remove(last.Value.Key);
                    _bytes -= last.Value.Bytes;
                }
            }
        }

        return true;
    }

    /// <summary>Prepares Count columns of n values (column after column) exactly as the whole data set would be prepared.</summary>
    private static PreparedColumns Prepare(MatrixSettings settings, int count, double[] columnMajor)
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

    private static string Key(MatrixSettings settings, string hash) => settings.CacheKey() + "|" + hash;

    private sealed record Entry(string Key, PreparedColumns Columns, long Bytes);

    private sealed class Pending(double[] data)
    {
        public double[] Data { get; } = data;

        public HashSet<long> Received { get; } = [];

        public long Count { get; set; }
    }
}
