using System.Globalization;
using InfoTheory.Orleans.Internal;
using InfoTheory.Orleans.Messages;
using InfoTheory.Orleans.Placement;
using InfoTheory.Selection;
using Orleans.Concurrency;

namespace InfoTheory.Orleans;

/// <summary>
/// The worker of <see cref="IDependenceBlockGrain"/>: reentrant, so several blocks and uploads run at once; the
/// computation runs on the thread pool, off the grain's scheduler.
/// </summary>
[Reentrant]
[SiloPinnedPlacement]
internal sealed class DependenceBlockGrain(SiloDataCache cache) : Grain, IDependenceBlockGrain
{
    public Task<BlockReply> ComputeBlock(BlockRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        ColumnGroup rows = request.Rows, columns = request.Columns;
        bool same = rows.Start == columns.Start;
        if (same ? rows != columns : rows.Start < columns.Start + columns.Count && columns.Start < rows.Start + rows.Count)
        {
            throw new ArgumentException("The two groups of a block must be the same group or not overlap.", nameof(request));
        }

        string firstKey = SiloDataCache.GroupKey(request.Settings, rows.Hash), secondKey = SiloDataCache.GroupKey(request.Settings, columns.Hash);
        object? firstEntry = cache.TryGet(firstKey);
        object? secondEntry = same ? firstEntry : cache.TryGet(secondKey);
        if (firstEntry is null || secondEntry is null)
        {
            string[] missing = [.. new[] { firstEntry is null ? rows.Hash : null, secondEntry is null ? columns.Hash : null }.OfType<string>().Distinct(StringComparer.Ordinal)];
            return Task.FromResult(new BlockReply { Missing = missing });
        }

        return Task.Run(() =>
        {
            PreparedColumns first = cache.Prepared(request.Settings, firstKey, firstEntry);
            PreparedColumns second = same ? first : cache.Prepared(request.Settings, secondKey, secondEntry);
            double[,] block;
            int rn = rows.Count, cn = columns.Count;
            if (same)
            {
                block = DependenceMatrix.ComputeBlock(first, 0..rn, 0..cn, request.Settings.MaxDegreeOfParallelism);
            }
            else if (rows.Start < columns.Start)
            {
                // Joined in the order of the whole data set, so each pair is computed as (lower index, higher index) as it is there.
                block = DependenceMatrix.ComputeBlock(PreparedColumns.Join(first, second), 0..rn, rn..(rn + cn), request.Settings.MaxDegreeOfParallelism);
            }
            else
            {
                block = DependenceMatrix.ComputeBlock(PreparedColumns.Join(second, first), cn..(cn + rn), 0..cn, request.Settings.MaxDegreeOfParallelism);
            }

            double[] values = new double[rn * cn];
            for (int i = 0; i < rn; i++)
            {
                for (int j = 0; j < cn; j++)
                {
                    values[(i * cn) + j] = block[i, j];
                }
            }

            return new BlockReply { Values = values };
        });
    }

    public Task<string[]> Held(MatrixSettings settings, string[] hashes)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(hashes);
        return Task.FromResult<string[]>([.. hashes.Where(h => cache.Contains(SiloDataCache.GroupKey(settings, h)))]);
    }

    public Task<bool> Upload(GroupChunk chunk)
    {
        ArgumentNullException.ThrowIfNull(chunk);
        bool copula = chunk.Settings.Estimator == (int)DependenceEstimator.GaussianCopula;
        if (copula == (chunk.Encoding == GroupEncoding.Values))
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"A {(DependenceEstimator)chunk.Settings.Estimator} group cannot be sent as {chunk.Encoding}: the copula sends ranks, the other estimators values."), nameof(chunk));
        }

        string key = SiloDataCache.GroupKey(chunk.Settings, chunk.Group.Hash);
        long entries = (long)chunk.Group.Count * chunk.Settings.Rows;
        long total = entries * GroupCodec.BytesPerEntry(chunk.Encoding);
        // A copula group is kept as the ranks that arrived (2 or 4 bytes a value) and expanded to scores when blocks
        // need it; the other estimators' groups are kept prepared.
        return Task.Run(() => cache.Add(key, total, copula ? total : entries * sizeof(double), chunk.Offset, chunk.Bytes, bytes => copula
            ? new SiloDataCache.CopulaRanks(chunk.Encoding, chunk.Group.Count, GroupCodec.CheckedRanks(chunk.Encoding, bytes, chunk.Settings.Rows))
            : SiloDataCache.PrepareGroup(chunk.Settings, chunk.Group.Count, GroupCodec.DecodeValues(bytes))));
    }
}
