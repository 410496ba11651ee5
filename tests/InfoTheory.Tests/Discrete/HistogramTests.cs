using InfoTheory.Discrete;

namespace InfoTheory.Tests.Discrete;

public sealed class HistogramTests
{
    [Fact]
    public void FromSymbols_CountsSupportAndSingletons()
    {
        var h = Histogram.FromSymbols([3, 1, 3, 3, 7, 1, 9]);
        Assert.Equal(7, h.SampleCount);
        Assert.Equal([1L, 3, 7, 9], h.Symbols.ToArray());
        Assert.Equal([2L, 3, 1, 1], h.Counts.ToArray());
        Assert.Equal(4, h.Support);
        Assert.Equal(4, h.AlphabetSize);
        Assert.Equal(2, h.Singletons);
        Assert.Equal(1, h.Doubletons);
        Assert.Equal(3, h.CountOf(3));
        Assert.Equal(0, h.CountOf(4));
    }

    [Fact]
    public void FromSymbols_DenseAndSortedPaths_GiveTheSameHistogram()
    {
        // Small symbols take the dense table; huge ones the sort. Same data shifted must count alike.
        var random = new Random(41);
        int[] small = new int[5000];
        long[] huge = new long[5000];
        for (int i = 0; i < small.Length; i++)
        {
            small[i] = random.Next(300);
            huge[i] = (small[i] * 1_000_000_007L) + 123_456_789_012L;
        }

        var a = Histogram.FromSymbols(small);
        var b = Histogram.FromSymbols(huge);
        Assert.Equal(a.Counts.ToArray(), b.Counts.ToArray());
        Assert.Equal(a.Support, b.Support);
    }

    [Fact]
    public void FromSymbols_MillionDistinctLargeSymbols_Works()
    {
        // A million distinct symbols spread over 2^40 values: the sorted path, no 2^40 table.
        long[] symbols = new long[1_000_000];
        for (int i = 0; i < symbols.Length; i++)
        {
            symbols[i] = (long)i * 1_099_511;
        }

        var h = Histogram.FromSymbols(symbols);
        Assert.Equal(1_000_000, h.Support);
        Assert.Equal(Math.Log(1_000_000), new PlugInEntropy().Estimate(h).Nats, 1e-9);
    }

    [Fact]
    public void FromSymbols_BadInput_Throws()
    {
        Assert.Equal("symbols", Assert.Throws<ArgumentException>(() => Histogram.FromSymbols(ReadOnlySpan<int>.Empty)).ParamName);
        var negative = Assert.Throws<ArgumentException>(() => Histogram.FromSymbols([1, -2]));
        Assert.Contains("index 1", negative.Message, StringComparison.Ordinal);
        var tooLarge = Assert.Throws<ArgumentException>(() => Histogram.FromSymbols([1, 5], alphabetSize: 5));
        Assert.Contains("alphabetSize is 5", tooLarge.Message, StringComparison.Ordinal);
        Assert.Equal("alphabetSize", Assert.Throws<ArgumentOutOfRangeException>(() => Histogram.FromSymbols([1], alphabetSize: 0)).ParamName);
        Assert.Throws<ArgumentException>(() => Histogram.FromCounts([0, 0]));
        Assert.Throws<ArgumentException>(() => Histogram.FromCounts([1, -1]));
    }

    [Fact]
    public void FromCounts_IntAndLongCounts_GiveTheSameHistogram()
    {
        int[] narrow = [3, 0, 5, 1];
        long[] wide = [3, 0, 5, 1];
        Histogram a = Histogram.FromCounts(narrow), b = Histogram.FromCounts(wide);
        Assert.Equal(b.AlphabetSize, a.AlphabetSize);
        Assert.Equal(b.SampleCount, a.SampleCount);
        Assert.Equal(b.Counts.ToArray(), a.Counts.ToArray());
        Assert.Equal(b.Symbols.ToArray(), a.Symbols.ToArray());
        int[] negative = [2, -1];
        Assert.Contains("index 1", Assert.Throws<ArgumentException>(() => Histogram.FromCounts(negative)).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => Histogram.FromCounts(new int[3]));
    }

    [Fact]
    public void FromCounts_KeepsAlphabetSizeIncludingZeros()
    {
        var h = Histogram.FromCounts([4, 0, 2, 0]);
        Assert.Equal(4, h.AlphabetSize);
        Assert.Equal(2, h.Support);
        Assert.Equal(6, h.SampleCount);
    }

    [Fact]
    public void SymbolEncoder_MapsValuesToDenseSymbolsAndBack()
    {
        var encoder = new SymbolEncoder<string>(StringComparer.OrdinalIgnoreCase);
        int[] codes = encoder.Encode(["cat", "dog", "CAT", "bird", "dog"]);
        Assert.Equal([0, 1, 0, 2, 1], codes);
        Assert.Equal(3, encoder.Count);
        Assert.Equal("bird", encoder.Decode(2));
        Assert.Throws<ArgumentOutOfRangeException>(() => encoder.Decode(3));
    }

    [Fact]
    public void JointSymbols_CombineAndDense_IdentifyEqualTuples()
    {
        long[] codes = JointSymbols.Combine([0, 1, 0, 1], [5, 5, 5, 2]);
        Assert.Equal(codes[0], codes[2]);
        Assert.NotEqual(codes[0], codes[1]);
        (int[] dense, int count) = JointSymbols.Dense([0, 1, 0, 1], [5, 5, 5, 2], [int.MaxValue, int.MaxValue, int.MaxValue, 0]);
        Assert.Equal(3, count);
        Assert.Equal(dense[0], dense[2]);
        Assert.Equal("y", Assert.Throws<ArgumentException>(() => JointSymbols.Combine([1], [-1])).ParamName);
        Assert.Equal("y", Assert.Throws<ArgumentException>(() => JointSymbols.Combine([1, 2], [1])).ParamName);
    }

    // Dense ranks keys through a table when their range is small (up to max(2^16, 4n)) and by sorting otherwise; both
    // must give each tuple its rank in lexicographic order, checked here against ranks computed by LINQ from the tuples.
    [Theory]
    [InlineData(5000, 16, 16, 4)] // narrow: every step through the table
    [InlineData(5000, 1_000_000_000, 3, 2)] // the first variable alone spans 10^9 values: sorted
    [InlineData(300, 300, 300, 300)] // 300^3 combinations over 300 samples: table, then sort
    [InlineData(1, 7, 7, 7)]
    public void JointSymbols_Dense_RanksTuplesLexicographically(int n, int ax, int ay, int az)
    {
        var random = new Random(17);
        int[] x = new int[n], y = new int[n], z = new int[n];
        for (int i = 0; i < n; i++)
        {
            x[i] = random.Next(ax);
            y[i] = random.Next(ay);
            z[i] = random.Next(az);
        }

        var tuples = Enumerable.Range(0, n).Select(i => (x[i], y[i], z[i])).ToArray();
        var ordered = tuples.Distinct().Order().ToList();
        int[] expected = [.. tuples.Select(t => ordered.BinarySearch(t))];
        int[] before = (int[])x.Clone();

        (int[] codes, int count) = JointSymbols.Dense(x, y, z);

        Assert.Equal(ordered.Count, count);
        Assert.Equal(expected, codes);
        Assert.Equal(before, x);
    }
}
