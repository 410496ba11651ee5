using InfoTheory.Language;
using InfoTheory.Statistics;

namespace InfoTheory.Tests.Language;

public sealed class KernelLanguageEntropyTests
{
    [Fact]
    public void KernelLanguageEntropy_ClusterBlockKernel_EqualsDiscreteSemanticEntropy()
    {
        // K = 1 between answers of one cluster, 0 across: K/tr K has the eigenvalues n_C/n (one per cluster), so the
        // von Neumann entropy is the entropy of the cluster frequencies (Nikitin et al. 2024, the reduction to SE).
        int[] clusters = [0, 0, 1, 2, 2, 2, 1, 3];
        int n = clusters.Length;
        double[] kernel = new double[n * n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                kernel[(i * n) + j] = clusters[i] == clusters[j] ? 1 : 0;
            }
        }

        Assert.Equal(SemanticEntropy.Discrete(clusters).Nats, SemanticEntropy.KernelLanguageEntropy(kernel, n).Nats, 1e-12);
    }

    [Fact]
    public void KernelLanguageEntropy_IdentityAndAllOnes_LnNAndZero()
    {
        const int N = 6;
        double[] identity = new double[N * N], ones = new double[N * N];
        for (int i = 0; i < N; i++)
        {
            identity[(i * N) + i] = 1;
        }

        Array.Fill(ones, 1.0);
        Assert.Equal(Math.Log(N), SemanticEntropy.KernelLanguageEntropy(identity, N).Nats, 1e-12);
        Assert.Equal(0, SemanticEntropy.KernelLanguageEntropy(ones, N).Nats, 1e-12);
    }

    [Theory]
    [InlineData(5, 0.3)]
    [InlineData(4, 1.0)]
    [InlineData(7, 0.05)]
    public void HeatKernel_CompleteGraph_ClosedForm(int n, double t)
    {
        // Complete graph with unit weights: L = nI − J has eigenvalue 0 once (the all-ones vector) and n (n − 1 times),
        // so e^(−tL) = J/n + e^(−tn)(I − J/n): trace Z = 1 + (n − 1)e^(−tn), and ρ = e^(−tL)/Z has the eigenvalues 1/Z
        // once and e^(−tn)/Z (n − 1 times).
        double[] weights = new double[n * n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                weights[(i * n) + j] = i == j ? 0 : 1;
            }
        }

        double[] heat = SemanticEntropy.HeatKernel(weights, n, t);
        double e = Math.Exp(-t * n);
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                Assert.Equal((1.0 / n) + (e * ((i == j ? 1 : 0) - (1.0 / n))), heat[(i * n) + j], 1e-12);
            }
        }

        double z = 1 + ((n - 1) * e);
        double expected = -((1 / z) * Math.Log(1 / z)) - ((n - 1) * (e / z) * Math.Log(e / z));
        Assert.Equal(expected, SemanticEntropy.KernelLanguageEntropy(heat, n).Nats, 1e-10);
    }

    [Fact]
    public void HeatKernel_TimeZero_IsTheIdentity_AndBadInputNamesTheParameter()
    {
        double[] weights = [0, 0.5, 0.2, 0.5, 0, 0.9, 0.2, 0.9, 0];
        double[] heat = SemanticEntropy.HeatKernel(weights, 3, 0);
        for (int i = 0; i < 3; i++)
        {
            for (int j = 0; j < 3; j++)
            {
                Assert.Equal(i == j ? 1 : 0, heat[(i * 3) + j], 1e-12);
            }
        }

        Assert.Equal("t", Assert.Throws<ArgumentOutOfRangeException>(() => SemanticEntropy.HeatKernel(weights, 3, -1)).ParamName);
        Assert.Equal("weights", Assert.Throws<ArgumentException>(() => SemanticEntropy.HeatKernel([0, 1, 2, 0], 2, 1)).ParamName);
        Assert.Equal("weights", Assert.Throws<ArgumentException>(() => SemanticEntropy.HeatKernel([0, -1, -1, 0], 2, 1)).ParamName);
        Assert.Equal("weights", Assert.Throws<ArgumentException>(() => SemanticEntropy.HeatKernel([0, 1, 1], 2, 1)).ParamName);
    }

    [Fact]
    public void BootstrapFromClusters_TwoAnswers_ReplicatesAreZeroOrLn2HalfTheTime()
    {
        // Two answers with equal probability in two clusters: a resample of two answers draws both from one cluster
        // (SE 0) or one from each (SE ln 2), each with probability ½. Over 4000 resamples the share of ln 2 has standard
        // deviation 0.008; ±0.04 is 5 of them.
        BootstrapInterval interval = SemanticEntropy.BootstrapFromClusters([-1.0, -1.0], [0, 1], resamples: 4000, seed: 3);
        Assert.Equal(Math.Log(2), interval.Estimate.Nats, 1e-15);
        Assert.All(interval.Replicates.ToArray(), r => Assert.True(r == 0 || Math.Abs(r - Math.Log(2)) < 1e-15, $"replicate {r}"));
        double share = interval.Replicates.ToArray().Count(r => r > 0) / 4000.0;
        Assert.InRange(share, 0.46, 0.54);

        BootstrapInterval again = SemanticEntropy.BootstrapFromClusters([-1.0, -1.0], [0, 1], resamples: 4000, seed: 3);
        Assert.Equal(interval.Replicates.ToArray(), again.Replicates.ToArray());
    }

    [Fact]
    public void BootstrapDiscrete_OneMeaning_IsZeroEverywhere_AndBadInputThrows()
    {
        BootstrapInterval one = SemanticEntropy.BootstrapDiscrete([4, 4, 4, 4, 4], resamples: 200);
        Assert.Equal(0, one.Estimate.Nats);
        Assert.Equal(0, one.Lower.Nats);
        Assert.Equal(0, one.Upper.Nats);

        int[] clusters = [0, 1, 1, 2, 0, 3];
        Assert.Equal(SemanticEntropy.Discrete(clusters).Nats, SemanticEntropy.BootstrapDiscrete(clusters, resamples: 50).Estimate.Nats);
        Assert.Throws<ArgumentException>(() => SemanticEntropy.BootstrapDiscrete([0, -1]));
        Assert.Equal("clusters", Assert.Throws<ArgumentException>(() => SemanticEntropy.BootstrapDiscrete([])).ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => SemanticEntropy.BootstrapDiscrete([0, 1], resamples: 0));
        Assert.Throws<ArgumentException>(() => SemanticEntropy.BootstrapFromClusters([-1.0], [0, 1]));
    }
}
