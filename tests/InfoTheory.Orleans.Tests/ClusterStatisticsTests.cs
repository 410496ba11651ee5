using System.Globalization;
using System.Text;
using InfoTheory.Continuous;
using InfoTheory.Statistics;
using InfoTheory.TimeSeries;

namespace InfoTheory.Orleans.Tests;

/// <summary>
/// Distributed permutation tests and network inference against the single-machine calls, bit for bit; the local
/// results are computed by the core package in one process, the reference the distributed split must reproduce.
/// </summary>
public sealed class ClusterStatisticsTests(TwoSiloClusterFixture two) : IClassFixture<TwoSiloClusterFixture>
{
    [Fact]
    public async Task MutualInformationAsync_TenThousandPermutations_EqualsLocalBitForBit()
    {
        // Weakly dependent pair (columns 0 and 4 share a latent), Gaussian MI: 10^4 cheap estimates in 40 chunks of 250.
        SampleMatrix all = ClusterTestData.Samples(200, 5, seed: 2);
        SampleMatrix x = SampleMatrix.FromRowMajor([.. Enumerable.Range(0, 200).Select(i => all.Row(i)[0])], 1);
        SampleMatrix y = SampleMatrix.FromRowMajor([.. Enumerable.Range(0, 200).SelectMany(i => new[] { all.Row(i)[4], all.Row(i)[1] })], 2);
        var estimator = new GaussianMutualInformation();
        PermutationTestResult local = PermutationTest.MutualInformation(estimator, x, y, 10_000, seed: 9);
        var log = new ProgressLog();
        PermutationTestResult remote = await ClusterPermutationTest.MutualInformationAsync(estimator, x, y, 10_000, 9, two.Cluster.Client,
            progress: log, cancellationToken: TestContext.Current.CancellationToken);

        ClusterTestData.AssertBitIdentical(local.NullDistribution.Span, remote.NullDistribution.Span);
        Assert.Equal(local.Observed.Nats, remote.Observed.Nats);
        Assert.Equal(local.PValue, remote.PValue);
        Assert.Equal(Enumerable.Range(1, 40), log.Reports.Select(r => r.Done));
    }

    [Fact]
    public async Task MutualInformationAsync_Ksg_UnevenChunks_EqualsLocalBitForBit()
    {
        // KSG carries settings (k, jitter seed) through the estimator description; 301 permutations in chunks of 40.
        SampleMatrix all = ClusterTestData.Samples(150, 2, seed: 4);
        SampleMatrix x = SampleMatrix.FromRowMajor([.. Enumerable.Range(0, 150).Select(i => all.Row(i)[0])], 1);
        SampleMatrix y = SampleMatrix.FromRowMajor([.. Enumerable.Range(0, 150).Select(i => all.Row(i)[1])], 1);
        var estimator = new KsgMutualInformation { K = 5, Seed = 3 };
        PermutationTestResult local = PermutationTest.MutualInformation(estimator, x, y, 301, seed: 1);
        PermutationTestResult remote = await ClusterPermutationTest.MutualInformationAsync(estimator, x, y, 301, 1, two.Cluster.Client,
            new ClusterJobOptions { PermutationsPerChunk = 40, ChunkBytes = 256 }, cancellationToken: TestContext.Current.CancellationToken);
        ClusterTestData.AssertBitIdentical(local.NullDistribution.Span, remote.NullDistribution.Span);
        Assert.Equal(local.PValue, remote.PValue);
    }

    [Fact]
    public async Task MutualInformationAsync_BadInput_ThrowsNamingTheParameter()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        SampleMatrix x = ClusterTestData.Samples(20, 1, seed: 1), y = ClusterTestData.Samples(21, 1, seed: 2);
        var estimator = new GaussianMutualInformation();
        await Assert.ThrowsAsync<ArgumentException>(() => ClusterPermutationTest.MutualInformationAsync(estimator, x, y, 10, 1, two.Cluster.Client, cancellationToken: ct));
        Assert.Equal("permutations", (await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() =>
            ClusterPermutationTest.MutualInformationAsync(estimator, x, x, 0, 1, two.Cluster.Client, cancellationToken: ct))).ParamName);
        Assert.Equal("estimator", (await Assert.ThrowsAsync<ArgumentNullException>(() =>
            ClusterPermutationTest.MutualInformationAsync(null!, x, x, 10, 1, two.Cluster.Client, cancellationToken: ct))).ParamName);
        ArgumentException foreign = await Assert.ThrowsAsync<ArgumentException>(() =>
            ClusterPermutationTest.MutualInformationAsync(new ForeignEstimator(), x, x, 10, 1, two.Cluster.Client, cancellationToken: ct));
        Assert.Equal("estimator", foreign.ParamName);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task InferAsync_SmallNetwork_EqualsLocal(bool ksg)
    {
        // Four processes, links 0 → 1 (lag 1), 1 → 2 (lag 2), 3 autonomous: a network both runs must find the same way.
        SampleMatrix data = Var(ksg ? 150 : 400, seed: 5);
        var settings = new NetworkInferenceSettings
        {
            MaxLag = 2,
            Surrogates = ksg ? 19 : 49,
            AlphaMax = 0.05,
            AlphaMin = 0.05,
            AlphaOmnibus = 0.05,
            AlphaSequential = 0.05,
            Seed = 13,
            Estimator = ksg ? new KsgConditionalMutualInformation { K = 4 } : new GaussianConditionalMutualInformation(),
        };
        InferredNetwork local = NetworkInference.Infer(data, settings);
        var log = new ProgressLog();
        InferredNetwork remote = await ClusterNetworkInference.InferAsync(data, two.Cluster.Client, settings, progress: log,
            cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(Describe(local), Describe(remote));
        Assert.Equal(Enumerable.Range(1, 4), log.Reports.Select(r => r.Done));
        if (!ksg)
        {
            // The simulated links are found (a check that the comparison is not between two empty networks).
            Assert.Contains(remote.Links, l => l.Source == 0 && l.Target == 1 && l.Lag == 1);
            Assert.Contains(remote.Links, l => l.Source == 1 && l.Target == 2 && l.Lag == 2);
        }
    }

    /// <summary>Every field of every target, doubles written round-trip ("R"), so equal strings mean equal bits.</summary>
    private static string Describe(InferredNetwork network)
    {
        var text = new StringBuilder();
        foreach (TargetInference t in network.Targets)
        {
            text.Append(CultureInfo.InvariantCulture, $"{t.Target} {t.TransferEntropy.Nats:R} {t.OmnibusPValue:R} {t.Significant}\n");
            foreach (InferredSource s in t.TargetPast.Concat(t.Sources))
            {
                text.Append(CultureInfo.InvariantCulture, $"  {s.Process} {s.Lag} {s.ConditionalMutualInformation.Nats:R} {s.PValue:R}\n");
            }
        }

        return text.ToString();
    }

    /// <summary>x1(t) = 0.6·x0(t − 1) + e, x2(t) = 0.6·x1(t − 2) + e, x0 and x3 white with a 0.3 self-coupling.</summary>
    private static SampleMatrix Var(int n, int seed)
    {
        var random = new Random(seed);
        double Normal() => Math.Sqrt(-2 * Math.Log(1.0 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        double[,] x = new double[n, 4];
        for (int t = 0; t < n; t++)
        {
            x[t, 0] = (t > 0 ? 0.3 * x[t - 1, 0] : 0) + Normal();
            x[t, 1] = (t > 0 ? 0.6 * x[t - 1, 0] : 0) + Normal();
            x[t, 2] = (t > 1 ? 0.6 * x[t - 2, 1] : 0) + Normal();
            x[t, 3] = (t > 0 ? 0.3 * x[t - 1, 3] : 0) + Normal();
        }

        return SampleMatrix.FromArray(x);
    }

    private sealed class ForeignEstimator : IMultivariateMutualInformationEstimator
    {
        public Information Estimate(SampleMatrix x, SampleMatrix y) => Information.Zero;
    }
}

/// <summary>Distributed feature scores against <see cref="Selection.FeatureScores.Score(SampleMatrix, ReadOnlySpan{double}, ReadOnlySpan{bool})"/>, bit for bit.</summary>
public sealed class ClusterFeatureScoresTests(TwoSiloClusterFixture two) : IClassFixture<TwoSiloClusterFixture>
{
    [Fact]
    public async Task ScoreAsync_ContinuousTarget_MixedFeatures_EqualsLocal()
    {
        SampleMatrix all = ClusterTestData.Samples(300, 23, seed: 12);
        SampleMatrix features = SampleMatrix.FromRowMajor([.. Enumerable.Range(0, 300).SelectMany(i => all.Row(i)[..22].ToArray())], 22);
        double[] target = [.. Enumerable.Range(0, 300).Select(i => all.Row(i)[22])];
        // Every seventh column is rounded to integers in the test data: call those discrete.
        bool[] discrete = [.. Enumerable.Range(0, 22).Select(j => j % 7 == 6)];
        var scorer = new Selection.FeatureScores
        {
            ContinuousContinuous = new HybridMutualInformation(new KsgMutualInformation { K = 4, Scaling = SampleScaling.None }) { Seed = 2 },
        };
        IReadOnlyList<Selection.FeatureScore> local = scorer.Score(features, target, discrete);
        IReadOnlyList<Selection.FeatureScore> remote = await scorer.ScoreAsync(features, target, two.Cluster.Client, discrete,
            new ClusterJobOptions { BlockSize = 5 }, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(local.Count, remote.Count);
        for (int j = 0; j < local.Count; j++)
        {
            Assert.Equal(BitConverter.DoubleToInt64Bits(local[j].Information.Nats), BitConverter.DoubleToInt64Bits(remote[j].Information.Nats));
            Assert.Equal((local[j].Column, local[j].Estimator, local[j].Discrete), (remote[j].Column, remote[j].Estimator, remote[j].Discrete));
        }
    }

    [Fact]
    public async Task ScoreAsync_DiscreteTarget_BiasCorrected_EqualsLocal()
    {
        SampleMatrix all = ClusterTestData.Samples(400, 14, seed: 5);
        SampleMatrix features = SampleMatrix.FromRowMajor([.. Enumerable.Range(0, 400).SelectMany(i => all.Row(i)[..13].ToArray().Select(v => Math.Round(v)))], 13);
        int[] target = [.. Enumerable.Range(0, 400).Select(i => all.Row(i)[13] > 0 ? 1 : -1)];
        bool[] discrete = [.. Enumerable.Range(0, 13).Select(j => j % 2 == 0)];
        var scorer = new Selection.FeatureScores { DiscreteDiscrete = new Discrete.DiscreteMutualInformation(new Discrete.MillerMadowEntropy()) };
        IReadOnlyList<Selection.FeatureScore> local = scorer.Score(features, target, discrete);
        IReadOnlyList<Selection.FeatureScore> remote = await scorer.ScoreAsync(features, target, two.Cluster.Client, discrete,
            new ClusterJobOptions { BlockSize = 4 }, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(local.Select(s => BitConverter.DoubleToInt64Bits(s.Information.Nats)), remote.Select(s => BitConverter.DoubleToInt64Bits(s.Information.Nats)));
        Assert.Equal(local.Select(s => s.Estimator), remote.Select(s => s.Estimator));
    }

    [Fact]
    public async Task ScoreAsync_BadInput_ThrowsNamingTheParameter()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        SampleMatrix features = ClusterTestData.Samples(20, 3, seed: 1);
        var scorer = new Selection.FeatureScores();
        Assert.Equal("target", (await Assert.ThrowsAsync<ArgumentException>(() =>
            scorer.ScoreAsync(features, new double[19], two.Cluster.Client, cancellationToken: ct))).ParamName);
        Assert.Equal("discreteFeatures", (await Assert.ThrowsAsync<ArgumentException>(() =>
            scorer.ScoreAsync(features, new double[20], two.Cluster.Client, [true], cancellationToken: ct))).ParamName);
        double[] bad = new double[20];
        bad[4] = double.NaN;
        ArgumentException nan = await Assert.ThrowsAsync<ArgumentException>(() => scorer.ScoreAsync(features, bad, two.Cluster.Client, cancellationToken: ct));
        Assert.Contains("row 4", nan.Message, StringComparison.Ordinal);
    }
}
