using InfoTheory.Continuous;
using InfoTheory.TimeSeries;

namespace InfoTheory.Tests.TimeSeries;

/// <summary>The delay embedding against rows written out by hand; its argument checks.</summary>
public sealed class DelayEmbeddingTests
{
    [Fact]
    public void History_Univariate_RowsAreDelayedValuesNewestFirst()
    {
        double[] series = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
        SampleMatrix e = DelayEmbedding.History(series, k: 3, tau: 2);

        // Rows for t = (k − 1)τ = 4 … 9, each (x_t, x_{t−2}, x_{t−4}).
        Assert.Equal(6, e.Rows);
        Assert.Equal(3, e.Columns);
        for (int i = 0; i < e.Rows; i++)
        {
            int t = 4 + i;
            Assert.Equal([t, t - 2, t - 4], e.Row(i).ToArray());
        }
    }

    [Fact]
    public void History_Multivariate_IsLagMajor()
    {
        var series = SampleMatrix.FromArray(new double[,] { { 0, 10 }, { 1, 11 }, { 2, 12 } });
        SampleMatrix e = DelayEmbedding.History(series, k: 2);
        Assert.Equal(4, e.Columns);
        Assert.Equal([1, 11, 0, 10], e.Row(0).ToArray());
        Assert.Equal([2, 12, 1, 11], e.Row(1).ToArray());
    }

    [Fact]
    public void History_Trials_AreEmbeddedSeparatelyAndConcatenated()
    {
        SampleMatrix a = SampleMatrix.FromRowMajor([0, 1, 2, 3, 4], 1), b = SampleMatrix.FromRowMajor([100, 101], 1), c = SampleMatrix.FromRowMajor([7], 1);
        SampleMatrix e = DelayEmbedding.History([a, b, c], k: 2);

        // Trial a gives t = 1 … 4, trial b gives t = 1, trial c (one step) gives nothing; no row mixes trials.
        double[][] expected = [[1, 0], [2, 1], [3, 2], [4, 3], [101, 100]];
        Assert.Equal(expected.Length, e.Rows);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], e.Row(i).ToArray());
        }
    }

    [Fact]
    public void History_DoesNotModifyInput()
    {
        double[] series = [3, 1, 4, 1, 5];
        double[] copy = (double[])series.Clone();
        _ = DelayEmbedding.History(series, 2);
        Assert.Equal(copy, series);
    }

    [Fact]
    public void History_BadArguments_NameTheParameter()
    {
        double[] series = [1, 2, 3, 4];
        Assert.Equal("k", Assert.Throws<ArgumentOutOfRangeException>(() => DelayEmbedding.History(series, 0)).ParamName);
        Assert.Equal("tau", Assert.Throws<ArgumentOutOfRangeException>(() => DelayEmbedding.History(series, 2, 0)).ParamName);
        Assert.Equal("tau", Assert.Throws<ArgumentOutOfRangeException>(() => DelayEmbedding.History(series, 2, -3)).ParamName);

        // (k − 1)τ = 4 needs 5 steps.
        Assert.Equal("series", Assert.Throws<ArgumentException>(() => DelayEmbedding.History(series, 3, 2)).ParamName);
        Assert.Equal("series", Assert.Throws<ArgumentException>(() => DelayEmbedding.History([1, double.NaN, 3], 1)).ParamName);
        Assert.Equal("series", Assert.Throws<ArgumentException>(() => DelayEmbedding.History(ReadOnlySpan<double>.Empty, 1)).ParamName);

        SampleMatrix one = SampleMatrix.FromRowMajor([1, 2, 3], 1), two = SampleMatrix.FromRowMajor([1, 2, 3, 4], 2);
        Assert.Equal("trials", Assert.Throws<ArgumentException>(() => DelayEmbedding.History([one, two], 1)).ParamName);
        Assert.Equal("trials", Assert.Throws<ArgumentException>(() => DelayEmbedding.History(Array.Empty<SampleMatrix>(), 1)).ParamName);
        Assert.Equal("trials", Assert.Throws<ArgumentNullException>(() => DelayEmbedding.History([one, null!], 1)).ParamName);
        Assert.Equal("series", Assert.Throws<ArgumentNullException>(() => DelayEmbedding.History((SampleMatrix)null!, 1)).ParamName);
    }
}
