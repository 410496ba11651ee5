using InfoTheory.Continuous;
using InfoTheory.Kernel;
using K = InfoTheory.Kernel.KernelFunction;

namespace InfoTheory.Tests.Kernel;

public sealed class DiffusionSpectralEntropyTests
{
    /// <summary>k tight 1-D clusters (spread 1e-3) at 0, 10, 20, …, with labels = cluster index.</summary>
    private static (SampleMatrix Samples, int[] Labels) Clusters(int clusters, int perCluster, int seed)
    {
        var random = new Random(seed);
        double[] values = new double[clusters * perCluster];
        int[] labels = new int[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            labels[i] = i % clusters;
            values[i] = (10.0 * labels[i]) + (1e-3 * (random.NextDouble() - 0.5));
        }

        return (SampleMatrix.FromRowMajor(values, 1), labels);
    }

    [Fact]
    public void Estimate_WellSeparatedPoints_EqualsLogN()
    {
        // σ = 0.05 against spacing 1: K = I to double precision, P = I, every eigenvalue 1, S_D = ln n for any t.
        SampleMatrix x = KernelTestData.Separated(40, 1.0);
        Assert.Equal(Math.Log(40), new DiffusionSpectralEntropy { Kernel = K.Gaussian(0.05), DiffusionTime = 3 }.Estimate(x).Nats, 12);
    }

    [Fact]
    public void Estimate_TightClusters_EqualsLogClusterCount()
    {
        // σ = 1: within a cluster K = 1 − O(1e-6), across clusters exp(−50) ≈ 2e-22. P is block diagonal with rank-one
        // blocks up to 1e-6, so its eigenvalues are 1 (k times) and O(1e-6): S_D = ln k up to ≈ 1e-4 at t = 1, tighter
        // at larger t (the small eigenvalues enter as λᵗ).
        var (x, _) = Clusters(4, 25, 1);
        Assert.Equal(Math.Log(4), new DiffusionSpectralEntropy { Kernel = K.Gaussian(1.0), DiffusionTime = 1 }.Estimate(x).Nats, 3);
        Assert.Equal(Math.Log(4), new DiffusionSpectralEntropy { Kernel = K.Gaussian(1.0), DiffusionTime = 5 }.Estimate(x).Nats, 10);
    }

    [Fact]
    public void MutualInformation_LabelsAreClusters_EqualsLogClusterCount()
    {
        // S_D(Z) = ln 3; within each class one tight cluster, S_D = 0 (rank one up to λᵗ ≈ 1e-30 at t = 5); DSMI = ln 3.
        var (x, labels) = Clusters(3, 20, 2);
        var dse = new DiffusionSpectralEntropy { Kernel = K.Gaussian(1.0), DiffusionTime = 5 };
        Assert.Equal(Math.Log(3), dse.MutualInformation(x, labels).Nats, 9);
    }

    [Fact]
    public void Estimate_IncreasingDiffusionTime_NonIncreasing()
    {
        // aᵢ ∝ λᵢᵗ is an escort distribution of the spectrum; its entropy has derivative −t·Var_a(ln λ) ≤ 0 in t.
        SampleMatrix x = KernelTestData.Normal(120, 3, 3);
        double previous = double.PositiveInfinity;
        foreach (int t in new[] { 1, 2, 4, 8, 16 })
        {
            double value = new DiffusionSpectralEntropy { DiffusionTime = t }.Estimate(x).Nats;
            Assert.True(value <= previous + 1e-12, $"t = {t}: {value} > {previous}");
            Assert.InRange(value, 0, Math.Log(120));
            previous = value;
        }
    }

    [Fact]
    public void DiffusionSpectralEntropy_BadArguments_Throw()
    {
        SampleMatrix x = KernelTestData.Normal(10, 2, 4);
        Assert.Equal("DiffusionTime", Assert.Throws<ArgumentOutOfRangeException>(() => new DiffusionSpectralEntropy { DiffusionTime = 0 }).ParamName);
        Assert.Equal("labels", Assert.Throws<ArgumentException>(() => new DiffusionSpectralEntropy().MutualInformation(x, new int[9])).ParamName);
    }
}
