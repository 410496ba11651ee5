using InfoTheory.Continuous;
using InfoTheory.TimeSeries;

namespace InfoTheory.Tests.TimeSeries;

/// <summary>Greedy multivariate transfer-entropy network inference on simulated linear Gaussian VAR networks.</summary>
public sealed class NetworkInferenceTests
{
    /// <summary>(source, target, lag, coefficient) of the 5-node test network; every node also has x_t = 0.3 x_{t−1}.</summary>
    internal static readonly (int Source, int Target, int Lag, double Coefficient)[] FiveNodeLinks =
        [(0, 1, 1, 0.5), (0, 2, 2, 0.5), (1, 3, 1, 0.5), (3, 4, 2, 0.5), (2, 4, 1, 0.4)];

    /// <summary>
    /// x_j(t) = a x_j(t − 1) + Σ_links c x_source(t − lag) + ε_j(t), ε i.i.d. N(0, 1), burn-in of 200 steps discarded.
    /// The network is acyclic with |a| + |c| sums below 1 per row, so the process is stable.
    /// </summary>
    internal static SampleMatrix Var(int nodes, (int Source, int Target, int Lag, double Coefficient)[] links, double self, int n, int seed)
    {
        var random = new Random(seed);
        const int burnIn = 200;
        int total = n + burnIn;
        double[,] x = new double[total, nodes];
        for (int t = 0; t < total; t++)
        {
            for (int j = 0; j < nodes; j++)
            {
                double value = TimeSeriesData.Normal(random);
                if (t >= 1)
                {
                    value += self * x[t - 1, j];
                }

                foreach ((int source, int target, int lag, double c) in links)
                {
                    if (target == j && t >= lag)
                    {
                        value += c * x[t - lag, source];
                    }
                }

                x[t, j] = value;
            }
        }

        double[,] kept = new double[n, nodes];
        for (int t = 0; t < n; t++)
        {
            for (int j = 0; j < nodes; j++)
            {
                kept[t, j] = x[t + burnIn, j];
            }
        }

        return SampleMatrix.FromArray(kept);
    }

    /// <summary>
    /// All five levels at 0.01 with 100 surrogates (smallest p = 1/101 &lt; 0.01): about a 1 % chance per target of a
    /// spurious candidate, so a fixed-seed test is far from its edge; 100 surrogates keep the test within seconds.
    /// </summary>
    internal static NetworkInferenceSettings Strict(int seed, NetworkNull nullDistribution = NetworkNull.Surrogates) => new()
    {
        MaxLag = 2, Surrogates = 100, AlphaMax = 0.01, AlphaMin = 0.01, AlphaOmnibus = 0.01, AlphaSequential = 0.01, AlphaFdr = 0.01,
        Seed = seed, Null = nullDistribution,
    };

    private static HashSet<(int, int, int)> Truth((int Source, int Target, int Lag, double Coefficient)[] links) =>
        [.. links.Select(l => (l.Source, l.Target, l.Lag))];

    private static HashSet<(int, int, int)> Found(InferredNetwork network) => [.. network.Links.Select(l => (l.Source, l.Target, l.Lag))];

    [Fact]
    public void GaussianVar_RecoversExactlyTheTrueLinksAndLags()
    {
        // Each true link explains about ½ ln(1 + c²) ≈ 0.07–0.11 nats given the rest at n = 1000, i.e. 2N·CMI ≈ 140–220 on
        // a χ²₁ scale: far beyond any of 100 surrogates, so every true link is found. A spurious candidate is kept with
        // probability ≤ α = 0.01 per target (maximum statistic), then must also pass the minimum, omnibus, sequential and
        // FDR tests. Seeds 1–10 were checked while developing (all 10 recovered exactly the truth with surrogates and with the analytic null, except seed 3 with the analytic null: one spurious link); this one is fixed.
        SampleMatrix data = Var(5, FiveNodeLinks, 0.3, 1000, seed: 1);
        InferredNetwork network = NetworkInference.Infer(data, Strict(7));
        Assert.Equal(Truth(FiveNodeLinks), Found(network));

        // The self-coupling a = 0.3 at lag 1 is found as each target's own past.
        Assert.All(network.Targets, t => Assert.Contains(t.TargetPast, s => s.Process == t.Target && s.Lag == 1));
        Assert.All(network.Links, l => Assert.True(l.PValue <= 0.05 && l.ConditionalMutualInformation.Nats > 0.02));

        bool[,] adjacency = network.AdjacencyMatrix();
        for (int s = 0; s < 5; s++)
        {
            for (int t = 0; t < 5; t++)
            {
                Assert.Equal(FiveNodeLinks.Any(l => l.Source == s && l.Target == t), adjacency[s, t]);
            }
        }
    }

    /// <summary>The 10-node network of the benchmark: a chain 0 → … → 9 with lags alternating 1 and 2, plus 0 → 5 at lag 1, coefficients 0.4.</summary>
    internal static readonly (int Source, int Target, int Lag, double Coefficient)[] TenNodeLinks =
        [.. Enumerable.Range(0, 9).Select(i => (i, i + 1, 1 + (i % 2), 0.4)), (0, 5, 1, 0.4)];

    [Fact]
    public void TenNodeVar_AnalyticNull_RecoversExactlyTheTrueLinksAndLags() => TenNodeVar(NetworkNull.Analytic);

    [Fact]
    [Trait("Category", "Slow")]
    public void TenNodeVar_Surrogates_RecoversExactlyTheTrueLinksAndLags() => TenNodeVar(NetworkNull.Surrogates);

    private static void TenNodeVar(NetworkNull nullDistribution)
    {
        // The case: 10 nodes, n = 1000, lags 1–3 (27 source candidates per target), levels 0.01. Each link's
        // CMI given the rest is about ½ ln(1 + 0.16) ≈ 0.07 nats, 2N·CMI ≈ 150 on a χ²₁ scale: found with certainty.
        // Data seeds 1–5 were checked while developing with both nulls: 4 recovered exactly the truth, seed 4 kept one
        // spurious link (0 → 9 at lag 1) with both, within the ≈ 10 % per network that α = 0.01 per target allows.
        SampleMatrix data = Var(10, TenNodeLinks, 0.3, 1000, seed: 1);
        InferredNetwork network = NetworkInference.Infer(data, Strict(3, nullDistribution) with { MaxLag = 3 });
        Assert.Equal(Truth(TenNodeLinks), Found(network));
    }

    [Fact]
    public void GaussianVar_OmnibusTransferEntropy_MatchesTheDirectMultivariateEstimate()
    {
        // The omnibus TE of target 4 is I(Y_t ; X_3(t−2), X_2(t−1) | Y_{t−1}): computed here straight from the Gaussian
        // estimator on hand-built lagged columns, it must agree to rounding.
        SampleMatrix data = Var(5, FiveNodeLinks, 0.3, 1000, seed: 1);
        TargetInference result = NetworkInference.InferTarget([data], 4, Strict(7));
        Assert.Equal([(2, 1), (3, 2)], result.Sources.Select(s => (s.Process, s.Lag)).Order());
        Assert.Equal([(4, 1)], result.TargetPast.Select(s => (s.Process, s.Lag)));
        const int maxLag = 2;
        int rows = data.Rows - maxLag;
        double[] present = new double[rows], past = new double[rows], sources = new double[rows * 2];
        for (int i = 0; i < rows; i++)
        {
            int t = i + maxLag;
            present[i] = data[t, 4];
            past[i] = data[t - 1, 4];
            sources[2 * i] = data[t - 1, 2];
            sources[(2 * i) + 1] = data[t - 2, 3];
        }

        double expected = new GaussianConditionalMutualInformation().Estimate(
            SampleMatrix.FromRowMajor(present, 1), SampleMatrix.FromRowMajor(sources, 2), SampleMatrix.FromRowMajor(past, 1)).Nats;
        Assert.Equal(expected, result.TransferEntropy.Nats, 1e-12);
        Assert.True(result.Significant);
        Assert.Equal(1.0 / 101, result.OmnibusPValue, 1e-15);
    }

    [Fact]
    public void IndependentNodes_GiveAnEmptyNetwork()
    {
        // White noise: no candidate carries information; the first maximum-statistic test of each target fails with
        // probability 1 − α = 0.99 per target (about 5 % per network of 5; 2 of the 10 seeds checked kept one spurious
        // link, at p ≈ 0.005 each, as chance allows; this seed is one of the 8 clean ones).
        SampleMatrix data = Var(5, [], 0.0, 1000, seed: 4);
        InferredNetwork network = NetworkInference.Infer(data, Strict(2));
        Assert.Empty(network.Links);
        Assert.All(network.Targets, t => Assert.Empty(t.Sources));
        Assert.All(network.Targets, t => Assert.Equal(0.0, t.TransferEntropy.Nats));
    }

    [Fact]
    public void Result_DoesNotDependOnTheThreadCount_ButOnTheSeed()
    {
        SampleMatrix data = Var(4, [(0, 1, 1, 0.3), (1, 2, 2, 0.3)], 0.2, 400, seed: 5);
        var one = NetworkInference.Infer(data, new NetworkInferenceSettings { MaxLag = 2, Surrogates = 50, Seed = 3, MaxDegreeOfParallelism = 1 });
        var all = NetworkInference.Infer(data, new NetworkInferenceSettings { MaxLag = 2, Surrogates = 50, Seed = 3, MaxDegreeOfParallelism = -1 });
        var two = NetworkInference.Infer(data, new NetworkInferenceSettings { MaxLag = 2, Surrogates = 50, Seed = 3, MaxDegreeOfParallelism = 2 });
        Assert.Equal(Describe(one), Describe(all));
        Assert.Equal(Describe(one), Describe(two));

        // Per-target results equal the network's (no FDR correction applied to compare like with like).
        var settings = new NetworkInferenceSettings { MaxLag = 2, Surrogates = 50, Seed = 3, FdrCorrection = false };
        var network = NetworkInference.Infer(data, settings);
        for (int t = 0; t < 4; t++)
        {
            Assert.Equal(Describe(network.Targets[t]), Describe(NetworkInference.InferTarget([data], t, settings with { MaxDegreeOfParallelism = 1 })));
        }
    }

    private static string Describe(InferredNetwork network) => string.Join("\n", network.Targets.Select(Describe));

    private static string Describe(TargetInference t) =>
        FormattableString.Invariant($"{t.Target}: {t.TransferEntropy.Nats:R} {t.OmnibusPValue:R} ") +
        string.Join(";", t.TargetPast.Concat(t.Sources).Select(s => FormattableString.Invariant($"{s.Process},{s.Lag},{s.ConditionalMutualInformation.Nats:R},{s.PValue:R}")));

    [Fact]
    public void Trials_ArePooled_AndSurrogatesStayWithinThem()
    {
        // Two trials of the same network pooled give the truth as a single series of the same total length does.
        SampleMatrix a = Var(5, FiveNodeLinks, 0.3, 500, seed: 11), b = Var(5, FiveNodeLinks, 0.3, 500, seed: 12);
        InferredNetwork network = NetworkInference.Infer([a, b], Strict(2));
        Assert.Equal(Truth(FiveNodeLinks), Found(network));
    }

    [Fact]
    public void BadInput_NamesTheParameter()
    {
        SampleMatrix data = Var(3, [], 0.0, 50, seed: 1);
        Assert.Equal("MaxLag", Assert.Throws<ArgumentOutOfRangeException>(() => new NetworkInferenceSettings { MaxLag = 0 }).ParamName);
        Assert.Equal("Surrogates", Assert.Throws<ArgumentOutOfRangeException>(() => new NetworkInferenceSettings { Surrogates = 0 }).ParamName);
        Assert.Equal("MaxDegreeOfParallelism", Assert.Throws<ArgumentOutOfRangeException>(() => new NetworkInferenceSettings { MaxDegreeOfParallelism = 0 }).ParamName);
        foreach (double alpha in new[] { 0.0, 1.0, -0.1, double.NaN })
        {
            Assert.Equal("AlphaMax", Assert.Throws<ArgumentOutOfRangeException>(() => new NetworkInferenceSettings { AlphaMax = alpha }).ParamName);
            Assert.Equal("AlphaFdr", Assert.Throws<ArgumentOutOfRangeException>(() => new NetworkInferenceSettings { AlphaFdr = alpha }).ParamName);
        }

        Assert.Equal("Null", Assert.Throws<ArgumentOutOfRangeException>(() => new NetworkInferenceSettings { Null = (NetworkNull)5 }).ParamName);

        // 50 steps − 20 lags = 30 rows < 3 processes × 20 lags + 2.
        var tooShort = Assert.Throws<ArgumentException>(() => NetworkInference.Infer(data, new NetworkInferenceSettings { MaxLag = 20 }));
        Assert.Equal("data", tooShort.ParamName);
        Assert.Contains("too short", tooShort.Message, StringComparison.Ordinal);
        Assert.Equal("trials", Assert.Throws<ArgumentException>(() => NetworkInference.Infer([SampleMatrix.FromArray(new double[,] { { 1, 2 }, { 2, 3 }, { 3, 1 } })],
            new NetworkInferenceSettings { MaxLag = 2 })).ParamName);

        // NaN never reaches the search: a SampleMatrix cannot hold it, and the factory names row and column.
        double[,] withNaN = new double[10, 2];
        withNaN[4, 1] = double.NaN;
        Assert.Contains("NaN", Assert.Throws<ArgumentException>(() => SampleMatrix.FromArray(withNaN)).Message, StringComparison.Ordinal);

        Assert.Equal("data", Assert.Throws<ArgumentException>(() => NetworkInference.Infer(Var(1, [], 0, 100, 1))).ParamName);
        double[,] constant = new double[100, 2];
        for (int t = 0; t < 100; t++)
        {
            constant[t, 0] = t % 7;
        }

        Assert.Contains("Process 1", Assert.Throws<ArgumentException>(() => NetworkInference.Infer(SampleMatrix.FromArray(constant))).Message, StringComparison.Ordinal);
        Assert.Equal("target", Assert.Throws<ArgumentOutOfRangeException>(() => NetworkInference.InferTarget([data], 3)).ParamName);
        Assert.Equal("trials", Assert.Throws<ArgumentException>(() => NetworkInference.Infer([data, Var(2, [], 0, 50, 2)])).ParamName);
        Assert.Throws<ArgumentNullException>(() => NetworkInference.Infer((SampleMatrix)null!));
        Assert.Equal("settings", Assert.Throws<ArgumentException>(() => NetworkInference.Infer(data,
            new NetworkInferenceSettings { MaxLag = 1, Null = NetworkNull.Analytic, Estimator = new KsgConditionalMutualInformation() })).ParamName);
    }
}
