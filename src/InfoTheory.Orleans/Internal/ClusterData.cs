using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using InfoTheory.Continuous;
using InfoTheory.Orleans.Messages;

namespace InfoTheory.Orleans.Internal;

/// <summary>
/// The client's side of the data of one job: each matrix named by its content hash, uploaded in pieces to a silo the
/// first time that silo reports it missing, one upload per (silo, data set) however many calls need it.
/// </summary>
internal sealed class ClusterData(IClusterClient cluster, ClusterJobOptions options)
{
    private readonly ConcurrentDictionary<string, double[]> _data = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Silo, string Hash), Lazy<Task>> _uploads = new();
    private readonly int _chunkDoubles = Math.Max(1, options.ChunkBytes / sizeof(double));

    /// <summary>Names <paramref name="matrix"/> by content and keeps its values for upload.</summary>
    public DataRef Add(SampleMatrix matrix)
    {
        double[] values = matrix.Data.ToArray();
        string hash = Hash(matrix.Rows, matrix.Columns, values);
        _data.TryAdd(hash, values);
        return new DataRef { Hash = hash, Rows = matrix.Rows, Columns = matrix.Columns };
    }

    /// <summary>
    /// Calls <paramref name="call"/> on the worker of <paramref name="silo"/>, uploading what it reports missing and
    /// calling again (a few rounds, in case the silo dropped data in between).
    /// </summary>
    public async Task<TReply> CallAsync<TReply>(string silo, Func<IDataWorkerGrain, Task<TReply>> call, Func<TReply, string[]> missing, CancellationToken token)
    {
        IDataWorkerGrain worker = cluster.GetGrain<IDataWorkerGrain>(silo);
        for (int round = 0; ; round++)
        {
            TReply reply = await call(worker).WaitAsync(token).ConfigureAwait(false);
            string[] lacking = missing(reply);
            if (lacking.Length == 0)
            {
                return reply;
            }

            if (round == 3)
            {
                throw new OrleansException($"Silo {silo} still lacks data after {round} uploads (its cache may be too small for one work item).");
            }

            foreach (string hash in lacking)
            {
                if (round > 0)
                {
                    _uploads.TryRemove((silo, hash), out _);
                }

                await _uploads.GetOrAdd((silo, hash), key => new Lazy<Task>(() => UploadAsync(worker, key.Hash, token))).Value.WaitAsync(token).ConfigureAwait(false);
            }
        }
    }

    private async Task UploadAsync(IDataWorkerGrain worker, string hash, CancellationToken token)
    {
        double[] data = _data[hash];
        for (long offset = 0; offset == 0 || offset < data.Length; offset += _chunkDoubles)
        {
            int length = (int)Math.Min(_chunkDoubles, data.Length - offset);
            await worker.Upload(new DataChunk { Hash = hash, Total = data.Length, Offset = offset, Values = data.AsSpan((int)offset, length).ToArray() })
                .WaitAsync(token).ConfigureAwait(false);
        }
    }

    /// <summary>SHA-256 of (rows, columns, values) as upper-case hexadecimal.</summary>
    public static string Hash(int rows, int columns, ReadOnlySpan<double> values)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Span<int> header = [rows, columns];
        sha.AppendData(MemoryMarshal.AsBytes(header));
        sha.AppendData(MemoryMarshal.AsBytes(values));
        return Convert.ToHexString(sha.GetHashAndReset());
    }
}
