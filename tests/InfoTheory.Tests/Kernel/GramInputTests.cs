using InfoTheory.Kernel.Internal;

namespace InfoTheory.Tests.Kernel;

public sealed class GramInputTests
{
    [Theory]
    [InlineData(1, 0)]
    [InlineData(2, 7)]
    [InlineData(101, 3)]
    [InlineData(1000, 50)]
    public void Select_IsTheOrderStatistic_WithTies(int n, int distinct)
    {
        var random = new Random(n);
        for (int trial = 0; trial < 20; trial++)
        {
            double[] values = [.. Enumerable.Range(0, n).Select(_ => distinct == 0 ? random.NextDouble() : random.Next(distinct))];
            double[] sorted = [.. values.Order()];
            int k = random.Next(n);
            Assert.Equal(sorted[k], GramInput.Select(values.AsSpan(), k));
            Assert.Equal(sorted, values.Order());   // a reordering of the same values
        }
    }
}
