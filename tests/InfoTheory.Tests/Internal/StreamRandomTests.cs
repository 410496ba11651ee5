using InfoTheory.Internal;
using MathNet.Numerics.Distributions;

namespace InfoTheory.Tests.Internal;

/// <summary>The per-replicate generator behind the permutation tests and the bootstrap.</summary>
public sealed class StreamRandomTests
{
    [Fact]
    public void Shuffle_ThreeElements_AllSixOrdersEquallyLikely()
    {
        // 60 000 streams (one per index, as the tests use them): each of the 3! orders expects 10 000.
        // Pearson's X² on 5 df must stay below its 99.9 % quantile (20.5), which a biased shuffle or
        // correlated neighbouring streams would exceed.
        int[] counts = new int[6];
        for (int stream = 0; stream < 60_000; stream++)
        {
            int[] values = [0, 1, 2];
            var random = new StreamRandom(42, stream);
            random.Shuffle<int>(values);
            counts[(values[0] * 2) + (values[1] > values[2] ? 1 : 0)]++;
        }

        double x2 = counts.Sum(c => (c - 10_000.0) * (c - 10_000.0) / 10_000.0);
        Assert.True(x2 < ChiSquared.InvCDF(5, 0.999), $"X² = {x2}");
    }

    [Fact]
    public void NextInt32_NonPowerOfTwoBound_UniformAndInRange()
    {
        // With bound 3·2²⁹, taking 32 random bits modulo the bound would make the first two thirds of the range
        // 1.5 times as likely as the last (3 : 3 : 2); an unbiased draw puts a third of 90 000 in each third.
        const int bound = 3 << 29;
        int[] thirds = new int[3];
        var random = new StreamRandom(7, 0);
        for (int i = 0; i < 90_000; i++)
        {
            int value = random.NextInt32(bound);
            Assert.InRange(value, 0, bound - 1);
            thirds[value / (1 << 29)]++;
        }

        double x2 = thirds.Sum(c => (c - 30_000.0) * (c - 30_000.0) / 30_000.0);
        Assert.True(x2 < ChiSquared.InvCDF(2, 0.999), $"X² = {x2}");
        Assert.Equal(0, new StreamRandom(1, 2).NextInt32(1));
    }

    [Fact]
    public void Streams_DependOnSeedAndIndexOnly()
    {
        var a = new StreamRandom(5, 9);
        var b = new StreamRandom(5, 9);
        var c = new StreamRandom(5, 10);
        var d = new StreamRandom(6, 9);
        ulong first = a.NextUInt64();
        Assert.Equal(first, b.NextUInt64());
        Assert.NotEqual(first, c.NextUInt64());
        Assert.NotEqual(first, d.NextUInt64());
    }
}
