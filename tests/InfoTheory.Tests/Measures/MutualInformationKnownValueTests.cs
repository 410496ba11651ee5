using InfoTheory.Measures;

namespace InfoTheory.Tests.Measures;

/// <summary>Mutual information of canonical discrete distributions (dit's examples; Cover &amp; Thomas).</summary>
public sealed class MutualInformationKnownValueTests
{
    private static JointDistribution Xor()
    {
        // X, Z fair independent bits, Y = X xor Z; table indexed [x, y, z].
        double[,,] t = new double[2, 2, 2];
        for (int x = 0; x < 2; x++)
        {
            for (int z = 0; z < 2; z++)
            {
                t[x, x ^ z, z] = 0.25;
            }
        }

        return JointDistribution.FromTable(t);
    }

    [Fact]
    public void Of_DiagonalTable_EqualsEntropyOfX()
    {
        // Y = X: I(X;Y) = H(X). X with pmf (.5, .25, .125, .125) → 1.75 bits.
        double[] px = [0.5, 0.25, 0.125, 0.125];
        double[,] t = new double[4, 4];
        for (int i = 0; i < 4; i++)
        {
            t[i, i] = px[i];
        }

        Assert.Equal(1.75, MutualInformation.Of(JointDistribution.FromTable(t)).Bits, 1e-14);
    }

    [Fact]
    public void Of_BinarySymmetricChannel_IsOneMinusBinaryEntropy()
    {
        // BSC(ε = 0.1) with uniform input: I = 1 − H_b(0.1) = 0.531004406410719 bits (Cover & Thomas §7.1.4).
        var bsc = JointDistribution.FromTable(new double[,] { { 0.45, 0.05 }, { 0.05, 0.45 } });
        Assert.Equal(0.531004406410719, MutualInformation.Of(bsc).Bits, 1e-12);
    }

    [Fact]
    public void Of_IndependentTable_IsExactlyZero()
    {
        double[] px = [0.2, 0.3, 0.5], py = [0.25, 0.75];
        double[,] t = new double[3, 2];
        for (int i = 0; i < 3; i++)
        {
            for (int j = 0; j < 2; j++)
            {
                t[i, j] = px[i] * py[j];
            }
        }

        Assert.Equal(0.0, MutualInformation.Of(JointDistribution.FromTable(t)).Nats, 1e-16);
    }

    [Fact]
    public void Conditional_Xor_IsOneBitWhileMarginalMiIsZero()
    {
        JointDistribution xor = Xor();
        Assert.Equal(1.0, MutualInformation.Conditional(xor).Bits, 1e-14);
        // I(X;Y) from the [x, y] marginal: 0.
        double[] pxy = new double[4];
        for (int x = 0; x < 2; x++)
        {
            for (int y = 0; y < 2; y++)
            {
                pxy[(x * 2) + y] = xor[x, y, 0] + xor[x, y, 1];
            }
        }

        Assert.Equal(0.0, MutualInformation.Of(new JointDistribution(pxy, [2, 2])).Bits, 1e-15);
    }

    [Fact]
    public void Conditional_AndGate_MatchesHandComputation()
    {
        // X, Z fair independent, Y = X and Z. I(X;Y|Z) = ½·I(X;Y|Z=1) = ½·H(X) = ½ bit (given Z = 0, Y is constant).
        double[,,] t = new double[2, 2, 2];
        for (int x = 0; x < 2; x++)
        {
            for (int z = 0; z < 2; z++)
            {
                t[x, x & z, z] = 0.25;
            }
        }

        Assert.Equal(0.5, MutualInformation.Conditional(JointDistribution.FromTable(t)).Bits, 1e-14);
    }

    [Fact]
    public void Conditional_ConstantZ_EqualsMarginalMi()
    {
        var bsc = JointDistribution.FromTable(new double[,] { { 0.45, 0.05 }, { 0.05, 0.45 } });
        var withZ = new JointDistribution([0.45, 0.05, 0.05, 0.45], [2, 2, 1]);
        Assert.Equal(MutualInformation.Of(bsc).Nats, MutualInformation.Conditional(withZ).Nats, 1e-15);
    }

    [Fact]
    public void Pointwise_MeanEqualsMi_AndEdges()
    {
        var joint = JointDistribution.FromTable(new double[,] { { 0.4, 0.1, 0.0 }, { 0.1, 0.2, 0.2 } });
        double[] pmi = new double[6];
        MutualInformation.Pointwise(joint, pmi, LogBase.Two);
        double mean = 0;
        for (int i = 0; i < 6; i++)
        {
            if (joint.Probabilities[i] > 0)
            {
                mean += joint.Probabilities[i] * pmi[i];
            }
        }

        Assert.Equal(MutualInformation.Of(joint).Bits, mean, 1e-14);
        // p(0,0) = .4, p(x=0) = .5, p(y=0) = .5: pmi = log2(.4/.25).
        Assert.Equal(Math.Log2(1.6), pmi[0], 1e-14);
        Assert.Equal(double.NegativeInfinity, pmi[2]);

        double[] npmi = new double[6];
        MutualInformation.NormalizedPointwise(joint, npmi);
        Assert.Equal(-1.0, npmi[2]);
        Assert.Equal(Math.Log(1.6) / -Math.Log(0.4), npmi[0], 1e-14);
        Assert.All(npmi, v => Assert.InRange(v, -1.0, 1.0));
    }

    [Fact]
    public void VariationOfInformationAndRajski_CopyIndependentAndBsc()
    {
        var copy = JointDistribution.FromTable(new double[,] { { 0.5, 0 }, { 0, 0.5 } });
        var independent = JointDistribution.FromTable(new double[,] { { 0.25, 0.25 }, { 0.25, 0.25 } });
        Assert.Equal(0.0, MutualInformation.VariationOfInformation(copy).Bits, 1e-15);
        Assert.Equal(0.0, MutualInformation.RajskiDistance(copy), 1e-15);
        // Independent fair bits: VI = H(X) + H(Y) = 2 bits, Rajski = 1.
        Assert.Equal(2.0, MutualInformation.VariationOfInformation(independent).Bits, 1e-15);
        Assert.Equal(1.0, MutualInformation.RajskiDistance(independent), 1e-15);
        // BSC(0.1): VI = 2·H_b(0.1) bits (H(X|Y) = H(Y|X) = H_b(ε)).
        var bsc = JointDistribution.FromTable(new double[,] { { 0.45, 0.05 }, { 0.05, 0.45 } });
        Assert.Equal(2 * 0.4689955935892812, MutualInformation.VariationOfInformation(bsc).Bits, 1e-12);
    }

    [Fact]
    public void Of_CrossCheck_KlRouteEqualsEntropyRoute()
    {
        // DESIGN §8.4: two routes to one quantity. I = H(X) + H(Y) − H(X,Y) on a random table.
        var random = new Random(31);
        double[] p = TestData.Pmf(random, 7 * 5, zeroFraction: 0.2);
        var joint = new JointDistribution(p, [7, 5]);
        double viaEntropies = Entropy.Shannon(joint.Marginal(0)).Nats + Entropy.Shannon(joint.Marginal(1)).Nats - Entropy.Joint(joint).Nats;
        Assert.Equal(viaEntropies, MutualInformation.Of(joint).Nats, 1e-13);
    }
}
