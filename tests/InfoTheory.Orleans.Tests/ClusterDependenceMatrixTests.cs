using InfoTheory.Continuous;
using InfoTheory.Selection;

namespace InfoTheory.Orleans.Tests;

/// <summary>
/// The distributed matrix against <see cref="DependenceMatrix.Compute"/> on this machine: the reference is the
/// library's own single-machine run, an independent computation path (one process, one array, tiles over threads),
/// and the contract is bit-identity, so every comparison is exact.
/// </summary>
public sealed class ClusterDependenceMatrixTests(TwoSiloClusterFixture two) : IClassFixture<TwoSiloClusterFixture>
{
    [Theory]
    [InlineData(DependenceEstimator.GaussianCopula, false, 70, 500, 16)]
    [InlineData(DependenceEstimator.GaussianCopula, true, 33, 1030, 7)]
    [InlineData(DependenceEstimator.Ksg, false, 18, 200, 5)]
    [InlineData(DependenceEstimator.Ksg, true, 9, 150, 9)]
    [InlineData(DependenceEstimator.PlugIn, true, 20, 300, 6)]
    public async Task ComputeAsync_TwoSilos_EqualsLocalBitForBit(DependenceEstimator estimator, bool normalize, int p, int n, int blockSize)
    {
        SampleMatrix samples = ClusterTestData.Samples(n, p, seed: 11);
        if (estimator == DependenceEstimator.PlugIn)
        {
            double[] rounded = [.. samples.Data.ToArray().Select(v => Math.Round(v))];
            samples = SampleMatrix.FromRowMajor(rounded, p);
        }

        var matrix = new DependenceMatrix { Estimator = estimator, Normalize = normalize, K = 4, Seed = 5 };
        var log = new ProgressLog();
        DependenceMatrixResult local = matrix.Compute(samples);
        DependenceMatrixResult remote = await matrix.ComputeAsync(samples, two.Cluster.Client,
            options: new ClusterJobOptions { BlockSize = blockSize }, progress: log, cancellationToken: TestContext.Current.CancellationToken);

        ClusterTestData.AssertBitIdentical(local.Values.Span, remote.Values.Span);
        Assert.Equal(local.Names, remote.Names);
        int groups = (p + blockSize - 1) / blockSize;
        int blocks = groups * (groups + 1) / 2;
        // Each block is reported once, in increasing order.
        Assert.Equal(Enumerable.Range(1, blocks), log.Reports.Select(r => r.Done));
        Assert.All(log.Reports, r => Assert.Equal(blocks, r.Total));
    }

    [Fact]
    public async Task ComputeAsync_TinyChunks_UploadsInPiecesAndEqualsLocal()
    {
        // 1 KiB per upload message: each group of 12 columns × 700 rows (67 KiB) travels in 66 pieces.
        SampleMatrix samples = ClusterTestData.Samples(700, 30, seed: 3);
        var matrix = new DependenceMatrix();
        DependenceMatrixResult remote = await matrix.ComputeAsync(samples, two.Cluster.Client,
            options: new ClusterJobOptions { BlockSize = 12, ChunkBytes = 1024 }, cancellationToken: TestContext.Current.CancellationToken);
        ClusterTestData.AssertBitIdentical(matrix.Compute(samples).Values.Span, remote.Values.Span);
    }

    [Theory]
    [InlineData(32_767)] // 2n = 65 534: ranks travel in 2 bytes
    [InlineData(32_768)] // 2n = 65 536: 4 bytes
    public async Task ComputeAsync_CopulaRanksAtTheWidthBoundary_EqualsLocal(int n)
    {
        SampleMatrix samples = ClusterTestData.Samples(n, 5, seed: 4);
        var matrix = new DependenceMatrix();
        DependenceMatrixResult remote = await matrix.ComputeAsync(samples, two.Cluster.Client,
            options: new ClusterJobOptions { BlockSize = 2 }, cancellationToken: TestContext.Current.CancellationToken);
        ClusterTestData.AssertBitIdentical(matrix.Compute(samples).Values.Span, remote.Values.Span);
    }

    [Fact]
    public async Task Upload_EncodingThatDoesNotFitTheEstimator_Throws()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        string silo = two.Cluster.Silos[0].SiloAddress.ToParsableString();
        IDependenceBlockGrain worker = two.Cluster.Client.GetGrain<IDependenceBlockGrain>(silo);
        var group = new Messages.ColumnGroup { Hash = "not-a-real-group", Start = 0, Count = 1 };
        Messages.MatrixSettings Settings(DependenceEstimator estimator) => new()
        {
            Estimator = (int)estimator, Normalize = false, K = 3, Seed = 0, Rows = 4, MaxDegreeOfParallelism = 1,
        };
        ArgumentException values = await Assert.ThrowsAsync<ArgumentException>(() => worker.Upload(new Messages.GroupChunk
        {
            Settings = Settings(DependenceEstimator.GaussianCopula), Group = group, Offset = 0, Encoding = Messages.GroupEncoding.Values, Bytes = new byte[32],
        }).WaitAsync(ct));
        Assert.Contains("cannot be sent as Values", values.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<ArgumentException>(() => worker.Upload(new Messages.GroupChunk
        {
            Settings = Settings(DependenceEstimator.Ksg), Group = group, Offset = 0, Encoding = Messages.GroupEncoding.TwiceRanks16, Bytes = new byte[8],
        }).WaitAsync(ct));

        // Twice mid-ranks of 4 rows lie in [2, 8]: a 9 is refused at the upload, and nothing is kept under the hash.
        var damaged = new Messages.ColumnGroup { Hash = "damaged-ranks", Start = 0, Count = 1 };
        ArgumentException ranks = await Assert.ThrowsAsync<ArgumentException>(() => worker.Upload(new Messages.GroupChunk
        {
            Settings = Settings(DependenceEstimator.GaussianCopula), Group = damaged, Offset = 0, Encoding = Messages.GroupEncoding.TwiceRanks16,
            Bytes = [2, 0, 9, 0, 4, 0, 6, 0],
        }).WaitAsync(ct));
        Assert.Contains("[2, 8]", ranks.Message, StringComparison.Ordinal);
        Assert.Empty(await worker.Held(Settings(DependenceEstimator.GaussianCopula), ["damaged-ranks"]).WaitAsync(ct));
    }

    [Fact]
    public async Task ComputeAsync_DuplicateColumns_EqualsLocal()
    {
        // Two groups with the same content share one hash (and one cache entry) but are different variables.
        SampleMatrix half = ClusterTestData.Samples(300, 8, seed: 21);
        SampleMatrix samples = SampleMatrix.ConcatenateColumns(half, half);
        var matrix = new DependenceMatrix { Estimator = DependenceEstimator.Ksg };
        DependenceMatrixResult remote = await matrix.ComputeAsync(samples, two.Cluster.Client,
            options: new ClusterJobOptions { BlockSize = 8 }, cancellationToken: TestContext.Current.CancellationToken);
        ClusterTestData.AssertBitIdentical(matrix.Compute(samples).Values.Span, remote.Values.Span);
    }

    [Fact]
    public async Task ComputeAsync_Cancelled_ThrowsOperationCanceled()
    {
        SampleMatrix samples = ClusterTestData.Samples(200, 12, seed: 1);
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            new DependenceMatrix().ComputeAsync(samples, two.Cluster.Client, cancellationToken: cts.Token));
    }

    [Fact]
    public async Task ComputeAsync_CancelledMidRun_ThrowsOperationCanceledPromptly()
    {
        // 66 KSG blocks of 2 × 2 variables; cancelled after the third is written.
        SampleMatrix samples = ClusterTestData.Samples(300, 22, seed: 6);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var log = new ProgressLog(r =>
        {
            if (r.Done == 3)
            {
                cts.Cancel();
            }
        });
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new DependenceMatrix { Estimator = DependenceEstimator.Ksg }
            .ComputeAsync(samples, two.Cluster.Client, options: new ClusterJobOptions { BlockSize = 2 }, progress: log, cancellationToken: cts.Token));
        Assert.InRange(log.Reports.Count, 3, 65);
        // Blocks in flight are abandoned, not awaited; 20 s bounds the run on a loaded 2-core machine.
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(20), $"took {stopwatch.Elapsed}");
    }

    [Fact]
    public async Task ComputeAsync_BadInput_ThrowsNamingTheParameter()
    {
        SampleMatrix samples = ClusterTestData.Samples(50, 4, seed: 1);
        var matrix = new DependenceMatrix { Estimator = DependenceEstimator.Ksg, K = 3 };
        var client = two.Cluster.Client;
        CancellationToken ct = TestContext.Current.CancellationToken;
        Assert.Equal("samples", (await Assert.ThrowsAsync<ArgumentNullException>(() => matrix.ComputeAsync(null!, client, cancellationToken: ct))).ParamName);
        Assert.Equal("cluster", (await Assert.ThrowsAsync<ArgumentNullException>(() => matrix.ComputeAsync(samples, null!, cancellationToken: ct))).ParamName);
        Assert.Equal("matrix", (await Assert.ThrowsAsync<ArgumentNullException>(() => ((DependenceMatrix)null!).ComputeAsync(samples, client, cancellationToken: ct))).ParamName);
        ArgumentException names = await Assert.ThrowsAsync<ArgumentException>(() => matrix.ComputeAsync(samples, client, names: ["a", "b"], cancellationToken: ct));
        Assert.Equal("names", names.ParamName);
        Assert.Contains("2 entries", names.Message, StringComparison.Ordinal);
        ArgumentException rows = await Assert.ThrowsAsync<ArgumentException>(() => matrix.ComputeAsync(ClusterTestData.Samples(3, 4, seed: 1), client, cancellationToken: ct));
        Assert.Equal("samples", rows.ParamName);
        Assert.Contains("at least 4 rows", rows.Message, StringComparison.Ordinal);
        Assert.Equal("BlockSize", Assert.Throws<ArgumentOutOfRangeException>(() => new ClusterJobOptions { BlockSize = 0 }).ParamName);
        Assert.Equal("ClusterTimeout", Assert.Throws<ArgumentOutOfRangeException>(() => new ClusterJobOptions { ClusterTimeout = TimeSpan.Zero }).ParamName);
    }
}

/// <summary>The same comparisons on three silos.</summary>
public sealed class ClusterDependenceMatrixThreeSiloTests(ThreeSiloClusterFixture three) : IClassFixture<ThreeSiloClusterFixture>
{
    [Theory]
    [InlineData(DependenceEstimator.GaussianCopula, 64, 2000, 10)]
    [InlineData(DependenceEstimator.Ksg, 15, 250, 4)]
    public async Task ComputeAsync_ThreeSilos_EqualsLocalBitForBit(DependenceEstimator estimator, int p, int n, int blockSize)
    {
        SampleMatrix samples = ClusterTestData.Samples(n, p, seed: 17);
        var matrix = new DependenceMatrix { Estimator = estimator };
        DependenceMatrixResult remote = await matrix.ComputeAsync(samples, three.Cluster.Client,
            options: new ClusterJobOptions { BlockSize = blockSize, ItemsInFlightPerSilo = 3 }, cancellationToken: TestContext.Current.CancellationToken);
        ClusterTestData.AssertBitIdentical(matrix.Compute(samples).Values.Span, remote.Values.Span);
    }
}

/// <summary>What each silo holds after a job.</summary>
public sealed class ClusterDataPlacementTests
{
    [Fact]
    public async Task ComputeAsync_SecondJobOnSameData_NoGroupSentTwiceToASilo()
    {
        await using global::Orleans.TestingHost.InProcessTestCluster cluster = await ClusterTestData.StartAsync(2);
        CancellationToken ct = TestContext.Current.CancellationToken;
        SampleMatrix samples = ClusterTestData.Samples(400, 40, seed: 8);
        var matrix = new DependenceMatrix();
        var options = new ClusterJobOptions { BlockSize = 8 };
        await matrix.ComputeAsync(samples, cluster.Client, options: options, cancellationToken: ct);
        Internal.SiloDataCache[] caches = Caches(cluster);
        // Both silos worked (the placement pins one worker per silo) and each holds at most the 5 groups, each sent once
        // in one piece (8 columns × 400 rows of 2-byte ranks = 6.4 KB). Staging sends each silo what it lacks; at the
        // end of the job staging still under way is dropped, so a silo may hold fewer.
        Assert.All(caches, c => Assert.InRange(c.Count, 1, 5));
        Assert.All(caches, c => Assert.Equal(c.Count, c.PiecesReceived));

        DependenceMatrixResult again = await matrix.ComputeAsync(samples, cluster.Client, options: options, cancellationToken: ct);
        // A group reaches a silo once: the second job asks each silo what it holds and sends only what it lacks.
        Assert.All(caches, c => Assert.Equal(c.Count, c.PiecesReceived));
        ClusterTestData.AssertBitIdentical(matrix.Compute(samples).Values.Span, again.Values.Span);
    }

    [Fact]
    public async Task ComputeAsync_CopulaGroupsKeptAsRanks_MoreGroupsThanTheExpandedTierHolds_EqualsLocal()
    {
        // 60 groups of one column: every silo touches more groups than its tier of expanded scores keeps
        // (SiloDataCache.ExpandedGroups, at least 8), so blocks expand groups again after they were dropped.
        await using global::Orleans.TestingHost.InProcessTestCluster cluster = await ClusterTestData.StartAsync(2);
        CancellationToken ct = TestContext.Current.CancellationToken;
        SampleMatrix samples = ClusterTestData.Samples(300, 60, seed: 12);
        var matrix = new DependenceMatrix();
        DependenceMatrixResult remote = await matrix.ComputeAsync(samples, cluster.Client, options: new ClusterJobOptions { BlockSize = 1 }, cancellationToken: ct);
        ClusterTestData.AssertBitIdentical(matrix.Compute(samples).Values.Span, remote.Values.Span);

        Internal.SiloDataCache[] caches = Caches(cluster);
        Assert.Contains(caches, c => c.Count > Internal.SiloDataCache.ExpandedGroups);
        Assert.All(caches, c => Assert.InRange(c.Expanded.Count, 1, Internal.SiloDataCache.ExpandedGroups));
    }

    /// <summary>Each silo's cache of column groups.</summary>
    private static Internal.SiloDataCache[] Caches(global::Orleans.TestingHost.InProcessTestCluster cluster) => [.. cluster.Silos.Select(s =>
        (Internal.SiloDataCache)cluster.GetSiloServiceProvider(s.SiloAddress).GetService(typeof(Internal.SiloDataCache))!)];
}
