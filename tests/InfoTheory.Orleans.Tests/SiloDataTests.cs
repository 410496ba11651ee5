using System.Buffers.Binary;
using InfoTheory.Continuous;
using InfoTheory.Orleans.Internal;
using InfoTheory.Orleans.Messages;

namespace InfoTheory.Orleans.Tests;

/// <summary>
/// What the client makes of a column group (its name and its bytes) and how a silo keeps it: checked against direct
/// computations from the samples, not against the code's own output.
/// </summary>
public sealed class GroupCodecTests
{
    [Fact]
    public void Hash_OfColumnsReadRowByRow_DependsOnlyOnTheValues()
    {
        // 2 000 rows of 10 columns are staged in several pieces; the hash of the same 10 columns as a matrix of their
        // own (read in one piece) must be the same, and so must the hash of a copy of them at another position.
        SampleMatrix samples = ClusterTestData.Samples(2000, 37, seed: 5);
        int[] copy = [.. Enumerable.Range(0, 37).Select(j => j is >= 20 and < 30 ? j - 15 : j)];
        SampleMatrix repeated = samples.SelectColumns(copy);

        string hash = GroupCodec.Hash(samples, 5, 10);
        Assert.Equal(hash, GroupCodec.Hash(samples.SelectColumns([.. Enumerable.Range(5, 10)]), 0, 10));
        Assert.Equal(hash, GroupCodec.Hash(repeated, 20, 10));
        Assert.NotEqual(hash, GroupCodec.Hash(samples, 6, 10));
        Assert.NotEqual(hash, GroupCodec.Hash(samples, 5, 9));
        Assert.Matches("^[0-9A-F]{64}$", hash);
    }

    [Fact]
    public void Encode_Values_AreTheColumnsOneAfterAnother()
    {
        SampleMatrix samples = ClusterTestData.Samples(150, 23, seed: 6);
        byte[] bytes = GroupCodec.Encode(GroupEncoding.Values, samples, 4, 9, maxDegreeOfParallelism: 2);
        Assert.Equal(9 * 150 * sizeof(double), bytes.Length);
        for (int j = 0; j < 9; j++)
        {
            for (int i = 0; i < 150; i++)
            {
                double value = BinaryPrimitives.ReadDoubleLittleEndian(bytes.AsSpan(((j * 150) + i) * sizeof(double)));
                Assert.Equal(samples[i, 4 + j], value);
            }
        }
    }

    [Theory]
    [InlineData(300)] // 2 bytes a rank
    [InlineData(33_000)] // 2n > 65 535: 4 bytes a rank
    public void Encode_Ranks_AreTwiceTheMidRanksOfEachColumn(int n)
    {
        // Every seventh column of the test data is rounded, so ties occur; a value's twice mid-rank is
        // 2·(values below it) + (values equal to it) + 1.
        SampleMatrix samples = ClusterTestData.Samples(n, 15, seed: 7);
        GroupEncoding encoding = GroupCodec.RanksEncoding(n);
        Assert.Equal(n <= 32_767 ? GroupEncoding.TwiceRanks16 : GroupEncoding.TwiceRanks32, encoding);
        const int start = 3, count = 5;
        byte[] bytes = GroupCodec.Encode(encoding, samples, start, count, maxDegreeOfParallelism: 2);
        int width = encoding == GroupEncoding.TwiceRanks16 ? 2 : 4;
        Assert.Equal(count * n * width, bytes.Length);
        for (int j = 0; j < count; j++)
        {
            double[] column = samples.Column(start + j);
            double[] sorted = [.. column.Order()];
            for (int i = 0; i < n; i += n / 97)
            {
                ReadOnlySpan<byte> at = bytes.AsSpan(((j * n) + i) * width, width);
                int rank = width == 2 ? BinaryPrimitives.ReadUInt16LittleEndian(at) : BinaryPrimitives.ReadInt32LittleEndian(at);
                int below = LowerBound(sorted, column[i]), equal = LowerBound(sorted, Math.BitIncrement(column[i])) - below;
                Assert.Equal((2 * below) + equal + 1, rank);
            }
        }

        Assert.Contains(samples.Column(6).GroupBy(v => v), g => g.Count() > 1); // the rounded column has ties
    }

    [Fact]
    public void CheckedRanks_OutsideTwoToTwiceN_Throws()
    {
        byte[] Ranks16(params ushort[] values) => [.. values.SelectMany(v => BitConverter.GetBytes(v))];
        byte[] Ranks32(params int[] values) => [.. values.SelectMany(v => BitConverter.GetBytes(v))];
        byte[] good = Ranks16(2, 8, 5, 6);
        Assert.Same(good, GroupCodec.CheckedRanks(GroupEncoding.TwiceRanks16, good, 4));
        Assert.Contains("[2, 8]", Assert.Throws<ArgumentException>("bytes", () => GroupCodec.CheckedRanks(GroupEncoding.TwiceRanks16, Ranks16(2, 9, 4, 6), 4)).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>("bytes", () => GroupCodec.CheckedRanks(GroupEncoding.TwiceRanks16, Ranks16(1, 8, 4, 6), 4));
        Assert.Throws<ArgumentException>("bytes", () => GroupCodec.CheckedRanks(GroupEncoding.TwiceRanks32, Ranks32(4, -2, 6, 8), 4));
        byte[] wide = Ranks32(2, 8, 5, 6);
        Assert.Same(wide, GroupCodec.CheckedRanks(GroupEncoding.TwiceRanks32, wide, 4));
    }

    private static int LowerBound(double[] sorted, double value)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) / 2;
            if (sorted[mid] < value)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}

/// <summary>The silo's cache: entries made once, bounded by bytes and by count, failures not kept.</summary>
public sealed class SiloDataCacheTests
{
    [Fact]
    public async Task GetOrCreate_ManyCallersAtOnce_CreateOnce()
    {
        var cache = new SiloDataCache(1 << 20);
        int created = 0;
        using var gate = new ManualResetEventSlim();
        object Create()
        {
            Interlocked.Increment(ref created);
            gate.Wait(TestContext.Current.CancellationToken);
            return new object();
        }

        Task<object>[] callers = [.. Enumerable.Range(0, 6).Select(_ => Task.Run(() => cache.GetOrCreate("k", 10, Create)))];
        await Task.Delay(50, TestContext.Current.CancellationToken);
        gate.Set();
        object[] results = await Task.WhenAll(callers);
        Assert.Equal(1, created);
        Assert.All(results, r => Assert.Same(results[0], r));
        Assert.Same(results[0], cache.GetOrCreate("k", 10, () => throw new InvalidOperationException("not called")));
    }

    [Fact]
    public void GetOrCreate_FailedCreation_IsNotKept()
    {
        var cache = new SiloDataCache(1 << 20);
        Assert.Throws<InvalidOperationException>(() => cache.GetOrCreate("k", 10, () => throw new InvalidOperationException("bad")));
        Assert.False(cache.Contains("k"));
        Assert.Equal("made", cache.GetOrCreate("k", 10, () => "made"));
    }

    [Fact]
    public void MaxEntries_DropsTheLeastRecentlyUsedWhateverTheirSize()
    {
        var cache = new SiloDataCache(1 << 30, maxEntries: 3);
        foreach (string key in new[] { "a", "b", "c" })
        {
            cache.GetOrCreate(key, 1, () => key);
        }

        Assert.Equal("a", (string?)cache.TryGet("a")); // a is now the most recently used
        cache.GetOrCreate("d", 1, () => "d");
        Assert.Equal(3, cache.Count);
        Assert.False(cache.Contains("b"));
        Assert.True(cache.Contains("a") && cache.Contains("c") && cache.Contains("d"));

        var small = new SiloDataCache(25);
        small.GetOrCreate("x", 10, () => "x");
        small.GetOrCreate("y", 10, () => "y");
        small.GetOrCreate("z", 10, () => "z");
        Assert.Equal(2, small.Count);
        Assert.False(small.Contains("x"));
    }
}
