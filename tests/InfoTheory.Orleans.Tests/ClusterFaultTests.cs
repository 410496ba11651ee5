using System.Diagnostics;
using InfoTheory.Continuous;
using InfoTheory.Selection;
using Orleans.TestingHost;

namespace InfoTheory.Orleans.Tests;

/// <summary>Silos that stop or vanish in the middle of a job, and clusters that do not answer; each test owns its cluster.</summary>
public sealed class ClusterFaultTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ComputeAsync_SiloStoppedMidRun_CompleteEqualAndEachBlockOnce(bool kill)
    {
        await using InProcessTestCluster cluster = await ClusterTestData.StartAsync(3);
        // KSG blocks of 3 × 3 variables at n = 400: 78 blocks of a few milliseconds each, so some are in flight when the silo goes.
        // Stop: a graceful shutdown; kill: the silo vanishes, its calls fail or time out (client response timeout 4 s) and are re-run.
        SampleMatrix samples = ClusterTestData.Samples(400, 36, seed: 7);
        var matrix = new DependenceMatrix { Estimator = DependenceEstimator.Ksg };
        InProcessSiloHandle victim = cluster.Silos[^1];
        Task? stopping = null;
        int doneAtStop = -1;
        var log = new ProgressLog(r =>
        {
            if (r.Done == 10 && stopping is null)
            {
                doneAtStop = r.Done;
                stopping = Task.Run(() => kill ? cluster.KillSiloAsync(victim) : cluster.StopSiloAsync(victim));
            }
        });

        DependenceMatrixResult remote = await matrix.ComputeAsync(samples, cluster.Client,
            options: new ClusterJobOptions { BlockSize = 3, ItemsInFlightPerSilo = 2 }, progress: log, cancellationToken: TestContext.Current.CancellationToken);
        Assert.NotNull(stopping);
        await stopping;

        ClusterTestData.AssertBitIdentical(matrix.Compute(samples).Values.Span, remote.Values.Span);
        // 12 groups → 78 blocks; every block reported exactly once, and most of them after the silo went.
        Assert.Equal(Enumerable.Range(1, 78), log.Reports.Select(r => r.Done));
        Assert.Equal(10, doneAtStop);
        Assert.DoesNotContain(cluster.GetActiveSilos(), s => s.SiloAddress == victim.SiloAddress);
    }

    [Fact]
    public async Task ComputeAsync_NoSiloAnswers_ThrowsClusterUnavailableWithinTimeout()
    {
        InProcessTestCluster cluster = await ClusterTestData.StartAsync(1);
        try
        {
            await cluster.StopSiloAsync(cluster.Silos[0], TestContext.Current.CancellationToken);
            var stopwatch = Stopwatch.StartNew();
            ClusterUnavailableException error = await Assert.ThrowsAsync<ClusterUnavailableException>(() =>
                new DependenceMatrix().ComputeAsync(ClusterTestData.Samples(50, 4, seed: 1), cluster.Client,
                    options: new ClusterJobOptions { ClusterTimeout = TimeSpan.FromSeconds(2) }, cancellationToken: TestContext.Current.CancellationToken));
            // The stated timeout is 2 s; 8 s of slack covers a loaded 2-core machine.
            Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(10), $"took {stopwatch.Elapsed}");
            Assert.Contains("cluster", error.Message, StringComparison.OrdinalIgnoreCase);
        }
        finally
        {
            await cluster.DisposeAsync();
        }
    }
}
