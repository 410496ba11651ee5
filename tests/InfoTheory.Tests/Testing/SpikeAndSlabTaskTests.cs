using InfoTheory.Discrete;
using InfoTheory.Testing;

namespace InfoTheory.Tests.Testing;

public sealed class SpikeAndSlabTaskTests
{
    [Theory]
    [InlineData(4, 0.5)]
    [InlineData(2, 1.0)]
    [InlineData(10, 0.25)]
    [InlineData(7, 0.0)]
    public void TrueMutualInformation_IsCopyProbabilityTimesLogM(int m, double p)
    {
        // A copy reveals X (H(X) = ln m); a slab draw is independent of X; I = p ln m.
        Assert.Equal(p * Math.Log(m), new SpikeAndSlabTask(m, p).TrueMutualInformation.Nats, 14);
    }

    [Fact]
    public void Sample_PlugInCountOfAtomsOrSlab_n100000_MatchesTrueMutualInformation()
    {
        // Y′ = Y on an atom (Y equal to an integer label), a separate symbol m on the slab. Y′ keeps all the information Y
        // has about X (a slab value is independent of X), so the plug-in MI of (X, Y′) estimates p ln m. Its sd is about
        // √(p(1 − p)) ln m / √n ≈ 0.0022 here and its bias (|X| − 1)(|Y′| − 1)/(2n) ≈ 6e-5; 0.012 is over five sd.
        const int m = 4;
        const double p = 0.5;
        const int n = 100_000;
        var task = new SpikeAndSlabTask(m, p);
        var (x, y) = task.Sample(n, 53);
        int[] labels = new int[n], symbols = new int[n];
        int atoms = 0;
        double slabSum = 0;
        for (int i = 0; i < n; i++)
        {
            labels[i] = (int)x[i, 0];
            bool atom = y[i, 0] == Math.Floor(y[i, 0]);
            if (atom)
            {
                Assert.Equal(x[i, 0], y[i, 0]);
                atoms++;
            }
            else
            {
                Assert.InRange(y[i, 0], 0, m);
                slabSum += y[i, 0];
            }

            symbols[i] = atom ? (int)y[i, 0] : m;
        }

        double estimate = new DiscreteMutualInformation().Estimate(labels, symbols).Nats;
        Assert.InRange(estimate, (p * Math.Log(m)) - 0.012, (p * Math.Log(m)) + 0.012);

        // The share of atoms is binomial: sd √(p(1 − p)/n) ≈ 0.0016; the slab mean is m/2 with sd m/√(12 · n/2) ≈ 0.0052.
        Assert.InRange(atoms / (double)n, p - 0.008, p + 0.008);
        Assert.InRange(slabSum / (n - atoms), (m / 2.0) - 0.026, (m / 2.0) + 0.026);
    }

    [Fact]
    public void Sample_SameSeed_SameBits_OtherSeed_Differs()
    {
        var task = new SpikeAndSlabTask(3, 0.4);
        var (x1, y1) = task.Sample(40, 1);
        var (x2, y2) = task.Sample(40, 1);
        var (_, y3) = task.Sample(40, 2);
        Assert.Equal(x1.Data.ToArray(), x2.Data.ToArray());
        Assert.Equal(y1.Data.ToArray(), y2.Data.ToArray());
        Assert.NotEqual(y1.Data.ToArray(), y3.Data.ToArray());
        Assert.Equal((1, 1, 3, 0.4), (task.XDimension, task.YDimension, task.Categories, task.CopyProbability));
        Assert.Contains("p = 0.4", task.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_BadArguments_ThrowWithParameterName()
    {
        Assert.Equal("categories", Assert.Throws<ArgumentOutOfRangeException>(() => new SpikeAndSlabTask(0, 0.5)).ParamName);
        foreach (double p in new[] { -0.1, 1.1, double.NaN })
        {
            Assert.Equal("copyProbability", Assert.Throws<ArgumentOutOfRangeException>(() => new SpikeAndSlabTask(3, p)).ParamName);
        }

        Assert.Equal("n", Assert.Throws<ArgumentOutOfRangeException>(() => new SpikeAndSlabTask(3, 0.5).Sample(0, 1)).ParamName);
    }
}
