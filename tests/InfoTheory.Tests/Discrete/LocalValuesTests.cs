using FsCheck;
using FsCheck.Xunit;
using InfoTheory.Discrete;

namespace InfoTheory.Tests.Discrete;

/// <summary>Local (pointwise) plug-in values: known values, means equal to the estimates, bad input.</summary>
public sealed class LocalValuesTests
{
    // The mean of N logs against the vectorised count kernel: both are sums of N (or K) terms of
    // size ≤ ln N, so they agree to a few ulps of ln N; 1e-12 leaves room for N up to 10⁵.
    private const double Eps = 1e-12;

    private static readonly LogBase[] Units = [LogBase.E, LogBase.Two, LogBase.Ten];

    /// <summary>Seeded (x, y, z) with z on 3 symbols, x depending on z, y on x and z, over alphabets of the given sizes.</summary>
    private static (int[] X, int[] Y, int[] Z) Sample(int seed, int n, int kx, int ky)
    {
        var random = new Random(seed);
        int[] x = new int[n], y = new int[n], z = new int[n];
        for (int i = 0; i < n; i++)
        {
            z[i] = random.Next(3);
            x[i] = random.NextDouble() < 0.5 ? z[i] % kx : random.Next(kx);
            y[i] = random.NextDouble() < 0.6 ? (x[i] + z[i]) % ky : random.Next(ky);
        }

        return (x, y, z);
    }

    private static double Mean(double[] values) => values.Sum() / values.Length;

    [Fact]
    public void Entropy_SmallSample_KnownValues()
    {
        // Samples 0, 0, 1: p̂(0) = 2/3, p̂(1) = 1/3, so −ln p̂ is ln 1.5, ln 1.5, ln 3.
        double[] local = new double[3];
        new PlugInEntropy().LocalValues([0, 0, 1], local);
        Assert.Equal([Math.Log(1.5), Math.Log(1.5), Math.Log(3)], local);
        new PlugInEntropy().LocalValues([0, 0, 1], local, LogBase.Two);
        Assert.Equal([Math.Log2(1.5), Math.Log2(1.5), Math.Log2(3)], local, (a, b) => Math.Abs(a - b) < 1e-15);
    }

    [Fact]
    public void MutualInformation_SmallSample_KnownValues()
    {
        // Pairs (0,0), (0,0), (1,1), (0,1): N = 4, n(x=0) = 3, n(y=0) = 2, n(y=1) = 2.
        // i(0;0) = ln(4·2/(3·2)), i(1;1) = ln(4·1/(1·2)), i(0;1) = ln(4·1/(3·2)).
        double[] local = new double[4];
        new PlugInMutualInformation().LocalValues([0, 0, 1, 0], [0, 0, 1, 1], local);
        double[] expected = [Math.Log(8.0 / 6), Math.Log(8.0 / 6), Math.Log(2.0), Math.Log(4.0 / 6)];
        Assert.Equal(expected, local, (a, b) => Math.Abs(a - b) < 1e-15);
        Assert.True(local[3] < 0, "a pair seen together less often than independence predicts is misinformative");
    }

    [Fact]
    public void ConditionalMutualInformation_Xor_EveryLocalValueIsOneBit()
    {
        // Y = X xor Z with all four (x, z) equally often: knowing y given z pins x, so every
        // i(x; y | z) = log₂(n(z)·n(x,y,z)/(n(x,z)·n(y,z))) = log₂(2·1/(1·1)) = 1 bit.
        double[] local = new double[4];
        new PlugInConditionalMutualInformation().LocalValues([0, 0, 1, 1], [0, 1, 1, 0], [0, 1, 0, 1], local, LogBase.Two);
        Assert.All(local, v => Assert.Equal(1.0, v, 1e-15));
    }

    [Theory]
    [InlineData(1, 1, 2, 2)]
    [InlineData(2, 10, 3, 4)]
    [InlineData(3, 1000, 5, 7)]
    [InlineData(4, 20000, 40, 30)]
    public void LocalMeans_EqualThePlugInEstimates_InEveryUnit(int seed, int n, int kx, int ky)
    {
        (int[] x, int[] y, int[] z) = Sample(seed, n, kx, ky);
        double[] local = new double[n];
        var entropy = new PlugInEntropy();
        var mi = new PlugInMutualInformation();
        var cmi = new PlugInConditionalMutualInformation();
        foreach (LogBase unit in Units)
        {
            entropy.LocalValues(x, local, unit);
            Assert.Equal(entropy.Estimate(x).In(unit), Mean(local), Eps);
            mi.LocalValues(x, y, local, unit);
            Assert.Equal(mi.Estimate(x, y).In(unit), Mean(local), Eps);
            cmi.LocalValues(x, y, z, local, unit);
            Assert.Equal(cmi.Estimate(x, y, z).In(unit), Mean(local), Eps);
        }
    }

    [Property]
    public void LocalMeans_EqualThePlugInEstimates_OnRandomSamples(int seed, PositiveInt size, PositiveInt a, PositiveInt b)
    {
        (int[] x, int[] y, int[] z) = Sample(seed, (size.Get % 300) + 1, (a.Get % 8) + 1, (b.Get % 8) + 1);
        double[] local = new double[x.Length];
        new PlugInEntropy().LocalValues(y, local);
        Assert.Equal(new PlugInEntropy().Estimate(y).Nats, Mean(local), Eps);
        new PlugInMutualInformation().LocalValues(x, y, local);
        Assert.Equal(new DiscreteMutualInformation().Estimate(x, y).Nats, Mean(local), Eps);
        new PlugInConditionalMutualInformation().LocalValues(x, y, z, local);
        Assert.Equal(new DiscreteConditionalMutualInformation().Estimate(x, y, z).Nats, Mean(local), Eps);
    }

    [Fact]
    public void ConditionalLocalValues_ConstantZ_EqualLocalMutualInformation()
    {
        (int[] x, int[] y, _) = Sample(5, 500, 4, 6);
        double[] mi = new double[x.Length], cmi = new double[x.Length];
        new PlugInMutualInformation().LocalValues(x, y, mi);
        new PlugInConditionalMutualInformation().LocalValues(x, y, new int[x.Length], cmi);
        Assert.Equal(mi, cmi, (a, b) => Math.Abs(a - b) < 1e-13);
    }

    [Fact]
    public void LocalValues_LongerDestination_WritesOnlyTheFirstN()
    {
        double[] local = [-7, -7, -7, -7, -7];
        new PlugInMutualInformation().LocalValues([0, 1, 1], [0, 1, 1], local);
        Assert.Equal(-7, local[3]);
        Assert.Equal(-7, local[4]);
        Assert.Equal(Math.Log(3), local[0], 1e-15);
    }

    [Fact]
    public void BadInput_NamesTheParameter_AndWritesNothing()
    {
        double[] local = [-7, -7];
        var entropy = new PlugInEntropy();
        var mi = new PlugInMutualInformation();
        var cmi = new PlugInConditionalMutualInformation();
        Assert.Equal("destination", Assert.Throws<ArgumentException>(() => entropy.LocalValues([0, 1, 2], local)).ParamName);
        Assert.Equal("samples", Assert.Throws<ArgumentException>(() => entropy.LocalValues([], local)).ParamName);
        Assert.Equal("samples", Assert.Throws<ArgumentException>(() => entropy.LocalValues([0, -1], local)).ParamName);
        Assert.Equal("samples", Assert.Throws<ArgumentException>(() => new PlugInEntropy { AlphabetSize = 2 }.LocalValues([0, 2], local)).ParamName);
        Assert.Equal("logBase", Assert.Throws<ArgumentOutOfRangeException>(() => entropy.LocalValues([0, 1], local, (LogBase)7)).ParamName);

        Assert.Equal("y", Assert.Throws<ArgumentException>(() => mi.LocalValues([0, 1], [0], local)).ParamName);
        Assert.Equal("destination", Assert.Throws<ArgumentException>(() => mi.LocalValues([0, 1, 2], [0, 1, 2], local)).ParamName);
        Assert.Equal("x", Assert.Throws<ArgumentException>(() => mi.LocalValues([], [], local)).ParamName);
        Assert.Equal("y", Assert.Throws<ArgumentException>(() => mi.LocalValues([0, 1], [0, -4], local)).ParamName);

        Assert.Equal("z", Assert.Throws<ArgumentException>(() => cmi.LocalValues([0, 1], [0, 1], [0], local)).ParamName);
        Assert.Equal("destination", Assert.Throws<ArgumentException>(() => cmi.LocalValues([0, 1, 2], [0, 1, 2], [0, 0, 0], local)).ParamName);
        Assert.Equal("z", Assert.Throws<ArgumentException>(() => cmi.LocalValues([0, 1], [0, 1], [0, -1], local)).ParamName);
        Assert.Equal([-7.0, -7.0], local);
    }
}
