using FsCheck;
using FsCheck.Xunit;
using InfoTheory.Measures;

namespace InfoTheory.Tests.Measures;

/// <summary>Invariants of divergences (Gibbs' inequality, symmetry, bounds, Pinsker).</summary>
public sealed class DivergenceProperties
{
    private const double Eps = 1e-12;

    private static (double[] P, double[] Q) Pair(int seed, PositiveInt size)
    {
        int n = (size.Get % 40) + 1;
        return (Pmfs.Seeded(seed, n, 0.2), Pmfs.Seeded(seed ^ 0x5bd1e995, n, 0.0));
    }

    [Property]
    public void KullbackLeibler_NonNegative_AndZeroOnItself(int seed, PositiveInt size)
    {
        (double[] p, double[] q) = Pair(seed, size);
        Assert.True(Divergence.KullbackLeibler(p, q).Nats >= -Eps);
        Assert.Equal(0.0, Divergence.KullbackLeibler(p, p).Nats);
    }

    [Property]
    public void CrossEntropy_EqualsEntropyPlusKl(int seed, PositiveInt size)
    {
        (double[] p, double[] q) = Pair(seed, size);
        double expected = Entropy.Shannon(p).Nats + Divergence.KullbackLeibler(p, q).Nats;
        Assert.Equal(expected, Divergence.CrossEntropy(p, q).Nats, 1e-11);
    }

    [Property]
    public void JensenShannon_Symmetric_AndAtMostLn2(int seed, PositiveInt size)
    {
        (double[] p, double[] q) = Pair(seed, size);
        double pq = Divergence.JensenShannon(p, q).Nats;
        Assert.Equal(pq, Divergence.JensenShannon(q, p).Nats, Eps);
        Assert.InRange(pq, -Eps, Math.Log(2) + Eps);
    }

    [Property]
    public void CauchySchwarz_SymmetricAndNonNegative(int seed, PositiveInt size)
    {
        (double[] p, double[] q) = Pair(seed, size);
        double d = Divergence.CauchySchwarz(p, q).Nats;
        Assert.True(d >= -Eps);
        Assert.Equal(d, Divergence.CauchySchwarz(q, p).Nats, Eps);
    }

    [Property]
    public void Renyi_NonDecreasingInAlpha_AndOneIsKl(int seed, PositiveInt size)
    {
        (double[] p, double[] q) = Pair(seed, size);
        double previous = double.NegativeInfinity;
        foreach (double alpha in new[] { 0, 0.3, 0.5, 1, 2, 4, double.PositiveInfinity })
        {
            double d = Divergence.Renyi(p, q, alpha).Nats;
            Assert.True(d >= previous - 1e-9, $"D_{alpha} = {d} < previous {previous}");
            previous = d;
        }

        Assert.Equal(Divergence.KullbackLeibler(p, q).Nats, Divergence.Renyi(p, q, 1).Nats, Eps);
    }

    [Property]
    public void Pinsker_TotalVariationBoundedByKl(int seed, PositiveInt size)
    {
        // Pinsker: TV ≤ √(KL/2), KL in nats. Also Hellinger² ≤ TV ≤ √2·Hellinger.
        (double[] p, double[] q) = Pair(seed, size);
        double tv = Divergence.TotalVariation(p, q);
        double h = Divergence.Hellinger(p, q);
        Assert.True(tv <= Math.Sqrt(Divergence.KullbackLeibler(p, q).Nats / 2) + Eps);
        Assert.True(h * h <= tv + Eps && tv <= (Math.Sqrt(2) * h) + Eps);
        Assert.True(Divergence.KullbackLeibler(p, q).Nats <= Math.Log(1 + Divergence.ChiSquared(p, q)) + Eps);
    }
}
