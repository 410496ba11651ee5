using InfoTheory.Primitives;
using InfoTheory.Primitives.Simd;

namespace InfoTheory.Tests.Primitives;

public sealed class CountEntropyTests
{
    [Fact]
    public void EntropyOfCounts_EveryLength_MatchesScalarReferenceForIntAndLong()
    {
        // Tolerance as in KernelSweepTests: the same arithmetic in another order.
        var random = new Random(11);
        for (int n = 0; n <= 256; n++)
        {
            long[] counts = TestData.Counts(random, n);
            int[] ints = Array.ConvertAll(counts, c => (int)c);
            double expected = ScalarReference.EntropyOfCounts(counts);
            Assert.True(Math.Abs(expected - InformationPrimitives.EntropyOfCounts(counts).Nats) <= 1e-11 * (1 + expected), $"long, length {n}");
            Assert.True(Math.Abs(expected - InformationPrimitives.EntropyOfCounts(ints).Nats) <= 1e-11 * (1 + expected), $"int, length {n}");
        }
    }

    [Fact]
    public void EntropyOfCounts_EqualsEntropyOfNormalisedCounts()
    {
        int[] counts = [3, 0, 5, 12, 1, 1, 0, 7, 9, 2, 4];
        double total = counts.Sum();
        double[] p = Array.ConvertAll(counts, c => c / total);
        Assert.Equal(InformationPrimitives.Entropy(p).Nats, InformationPrimitives.EntropyOfCounts(counts).Nats, 1e-14);
    }

    [Fact]
    public void EntropyOfCounts_LargeTotalsBeyondInt32_DoNotOverflow()
    {
        // Two categories of 2^31 − 1 each: an int total overflows, ours does not; H = ln 2.
        // ln N − Σ c ln c / N cancels ln N ≈ 22.2 down to 0.69, amplifying rounding by ~32: 1e-14.
        int[] counts = [int.MaxValue, int.MaxValue];
        Assert.Equal(Math.Log(2), InformationPrimitives.EntropyOfCounts(counts).Nats, 1e-14);
    }

    [Fact]
    public void EntropyOfCounts_EmptyOrAllZero_IsZero()
    {
        Assert.Equal(0.0, InformationPrimitives.EntropyOfCounts(ReadOnlySpan<int>.Empty).Nats);
        Assert.Equal(0.0, InformationPrimitives.EntropyOfCounts(new long[40]).Nats);
    }

    [Fact]
    public void EntropyOfCounts_NegativeCount_ThrowsNamingIndex()
    {
        var ex = Assert.Throws<ArgumentException>(() => InformationPrimitives.EntropyOfCounts([1, 2, -3, 4]));
        Assert.Equal("counts", ex.ParamName);
        Assert.Contains("index 2", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EntropyOfCountsRows_EachRow_MatchesSingleRow()
    {
        int[] counts = [1, 1, 0, 0, 5, 3, 7, 0, 0, 0, 0, 0];
        double[] destination = new double[3];
        InformationPrimitives.EntropyOfCountsRows(counts, 4, destination, LogBase.Two);
        Assert.Equal(1.0, destination[0], 1e-15);
        Assert.Equal(InformationPrimitives.EntropyOfCounts([5, 3, 7, 0]).Bits, destination[1], 1e-15);
        Assert.Equal(0.0, destination[2]);
    }
}
