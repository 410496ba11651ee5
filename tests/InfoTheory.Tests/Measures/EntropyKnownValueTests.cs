using InfoTheory.Measures;
using InfoTheory.Primitives;

namespace InfoTheory.Tests.Measures;

/// <summary>Exact entropies of canonical distributions (closed forms, to 1e-12 or better).</summary>
public sealed class EntropyKnownValueTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(6)]
    [InlineData(1000)]
    public void Shannon_UniformOverN_EqualsLogN(int n)
    {
        // H(uniform on n) = ln n (Cover & Thomas 2006, Thm 2.6.4).
        double[] p = Enumerable.Repeat(1.0 / n, n).ToArray();
        Assert.Equal(Math.Log(n), Entropy.Shannon(p).Nats, 1e-12);
        Assert.Equal(Math.Log2(n), Entropy.Shannon(p).Bits, 1e-12);
        Assert.Equal(n, Entropy.Perplexity(p), 1e-9);
    }

    [Theory]
    [InlineData(0.5, 1.0)]
    [InlineData(0.1, 0.4689955935892812)]
    [InlineData(0.25, 0.8112781244591328)]
    [InlineData(0.0, 0.0)]
    public void Shannon_Bernoulli_EqualsBinaryEntropy(double p, double bits)
    {
        // H_b(p) = −p log2 p − (1−p) log2(1−p); H_b(0.1) = 0.468995593589281, H_b(0.25) = 2 − (3/4)·log2 3.
        Assert.Equal(bits, Entropy.Shannon([p, 1 - p]).Bits, 1e-12);
    }

    [Fact]
    public void Shannon_Dyadic_EqualsSevenQuartersBits()
    {
        // (1/2, 1/4, 1/8, 1/8): 1/2·1 + 1/4·2 + 2·1/8·3 = 7/4 bits (Cover & Thomas, Ex. 2.1.2).
        Assert.Equal(1.75, Entropy.Shannon([0.5, 0.25, 0.125, 0.125]).Bits, 1e-14);
    }

    [Fact]
    public void Shannon_Normalize_EqualsEntropyOfRescaled()
    {
        Assert.Equal(1.5, Entropy.Shannon([2, 1, 1], normalize: true).Bits, 1e-14);
        Assert.Equal(1.75, Entropy.Shannon([4, 2, 1, 1, 0], normalize: true).Bits, 1e-14);
    }

    [Fact]
    public void Renyi_SpecialOrders_OnDyadic()
    {
        double[] p = [0.5, 0.25, 0.125, 0.125];
        // H0 = log2 4 = 2 bits; H2 = −log2(1/4 + 1/16 + 2/64) = −log2(11/32); H∞ = −log2(1/2) = 1 bit.
        Assert.Equal(2.0, Entropy.Renyi(p, 0).Bits, 1e-14);
        Assert.Equal(1.75, Entropy.Renyi(p, 1).Bits, 1e-14);
        Assert.Equal(-Math.Log2(11.0 / 32), Entropy.Renyi(p, 2).Bits, 1e-14);
        Assert.Equal(1.0, Entropy.Renyi(p, double.PositiveInfinity).Bits, 1e-14);
        // General α = 3: H3 = ln(Σp³)/(1−3) with Σp³ = 1/8 + 1/64 + 2/512 = (64 + 8 + 2)/512 = 74/512.
        Assert.Equal(Math.Log(74.0 / 512) / -2, Entropy.Renyi(p, 3).Nats, 1e-14);
    }

    [Fact]
    public void Renyi_UniformOverN_IsLogNForEveryOrder()
    {
        double[] p = Enumerable.Repeat(0.125, 8).ToArray();
        foreach (double alpha in new[] { 0, 0.3, 1, 2, 5.5, double.PositiveInfinity })
        {
            Assert.Equal(3.0, Entropy.Renyi(p, alpha).Bits, 1e-13);
        }
    }

    [Fact]
    public void Tsallis_KnownOrders()
    {
        double[] p = [0.5, 0.25, 0.25];
        // S2 = 1 − Σp² = 1 − 3/8 = 5/8 (Gini-Simpson); S0 = |support| − 1 = 2; S1 = Shannon in nats.
        Assert.Equal(0.625, Entropy.Tsallis(p, 2), 1e-15);
        Assert.Equal(2.0, Entropy.Tsallis(p, 0), 1e-15);
        Assert.Equal(1.5 * Math.Log(2), Entropy.Tsallis(p, 1), 1e-15);
        // S3 = (1 − Σp³)/2 = (1 − 1/8 − 2/64)/2 = 27/64.
        Assert.Equal(27.0 / 64, Entropy.Tsallis(p, 3), 1e-14);
    }

    [Fact]
    public void JointAndConditional_OfCopyAndIndependentTables()
    {
        // Y = X (copy, X uniform on 4): H(X,Y) = 2 bits, H(Y|X) = 0.
        double[,] copy = new double[4, 4];
        for (int i = 0; i < 4; i++)
        {
            copy[i, i] = 0.25;
        }

        var joint = JointDistribution.FromTable(copy);
        Assert.Equal(2.0, Entropy.Joint(joint).Bits, 1e-14);
        Assert.Equal(0.0, Entropy.Conditional(joint).Bits, 1e-14);

        // Independent fair bit and fair die: H(X,Y) = 1 + log2 6, H(Y|X) = log2 6.
        double[,] independent = new double[2, 6];
        for (int i = 0; i < 2; i++)
        {
            for (int j = 0; j < 6; j++)
            {
                independent[i, j] = 1.0 / 12;
            }
        }

        var ind = JointDistribution.FromTable(independent);
        Assert.Equal(1 + Math.Log2(6), Entropy.Joint(ind).Bits, 1e-13);
        Assert.Equal(Math.Log2(6), Entropy.Conditional(ind).Bits, 1e-13);
    }

    [Fact]
    public void SoftmaxEntropy_OfUniformLogits_IsLogN_AndOfOneHotLimit_IsNearZero()
    {
        // Equal logits: softmax is uniform, H = ln n exactly in the formula ln Z − 0.
        Assert.Equal(Math.Log(1000), InformationPrimitives.SoftmaxEntropy(new float[1000]).Nats, 1e-13);
        // Logits (0, −40): p2 = e^−40/(1+e^−40), H ≈ 41·e^−40 ≈ 1.74e-16.
        Assert.Equal(0.0, InformationPrimitives.SoftmaxEntropy([0.0, -40.0]).Nats, 1e-15);
        // Temperature scales logits: (0, ln 3) at T = 1 is (1/4, 3/4); at T → large, uniform.
        Assert.Equal(0.8112781244591328, InformationPrimitives.SoftmaxEntropy([0.0, Math.Log(3)]).Bits, 1e-13);
        Assert.Equal(1.0, InformationPrimitives.SoftmaxEntropy([0.0, Math.Log(3)], temperature: 1e12).Bits, 1e-9);
    }
}
