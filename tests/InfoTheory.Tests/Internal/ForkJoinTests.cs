using InfoTheory.Internal;

namespace InfoTheory.Tests.Internal;

/// <summary>The lean parallel loop under the contingency count and the neighbour queries.</summary>
public sealed class ForkJoinTests
{
    [Theory]
    [InlineData(0, -1)]
    [InlineData(1, -1)]
    [InlineData(1000, -1)]
    [InlineData(1000, 1)]
    [InlineData(1000, 3)]
    [InlineData(7, 64)]
    public void For_RunsEachIndexExactlyOnce(int count, int degree)
    {
        int[] runs = new int[count];
        ForkJoin.For(count, degree, i => Interlocked.Increment(ref runs[i]));
        Assert.All(runs, r => Assert.Equal(1, r));
    }

    [Fact]
    public void For_DegreeOne_RunsInOrderOnTheCaller()
    {
        int caller = Environment.CurrentManagedThreadId;
        var order = new List<int>();
        ForkJoin.For(50, 1, i =>
        {
            Assert.Equal(caller, Environment.CurrentManagedThreadId);
            order.Add(i);
        });
        Assert.Equal(Enumerable.Range(0, 50), order);
    }

    [Fact]
    public void For_BodyThrows_RethrowsTheExceptionItselfAfterClaimedBodiesReturn()
    {
        int running = 0, maxAfterThrow = 0;
        var error = Assert.Throws<InvalidOperationException>(() => ForkJoin.For(10_000, -1, i =>
        {
            Interlocked.Increment(ref running);
            try
            {
                if (i == 100)
                {
                    throw new InvalidOperationException("body 100");
                }

                Thread.SpinWait(50);
            }
            finally
            {
                Interlocked.Decrement(ref running);
            }
        }));
        maxAfterThrow = Volatile.Read(ref running);
        Assert.Equal("body 100", error.Message);
        Assert.Equal(0, maxAfterThrow);
    }

    [Fact]
    public void For_NestedInsideItself_CompletesWithoutStalling()
    {
        // Every outer body starts an inner loop; with the pool's threads all inside outer bodies the inner loops must
        // finish on their callers instead of waiting for helpers that cannot start.
        long total = 0;
        ForkJoin.For(4 * Environment.ProcessorCount, -1, _ =>
            ForkJoin.For(100, -1, j => Interlocked.Add(ref total, j)));
        Assert.Equal(4L * Environment.ProcessorCount * 4950, total);
    }
}
