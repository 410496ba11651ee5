using FsCheck;
using FsCheck.Xunit;
using InfoTheory.Measures;

namespace InfoTheory.Tests.Measures;

/// <summary>Invariants of entropy (DESIGN §8.3). Tolerances cover summation rounding over ≤ 100 terms.</summary>
public sealed class EntropyProperties
{
    private const double Eps = 1e-12;

    [Property]
    public void Shannon_IsBetweenZeroAndLogN(NonEmptyArray<NonNegativeInt> weights)
    {
        double[] p = Pmfs.From(weights);
        double h = Entropy.Shannon(p).Nats;
        Assert.InRange(h, -Eps, Math.Log(p.Length) + Eps);
    }

    [Property]
    public void Shannon_InvariantUnderPermutation(NonEmptyArray<NonNegativeInt> weights, int seed)
    {
        double[] p = Pmfs.From(weights);
        double[] shuffled = (double[])p.Clone();
        new Random(seed).Shuffle(shuffled);
        Assert.Equal(Entropy.Shannon(p).Nats, Entropy.Shannon(shuffled).Nats, Eps);
    }

    [Property]
    public void Renyi_NonIncreasingInAlpha(NonEmptyArray<NonNegativeInt> weights)
    {
        double[] p = Pmfs.From(weights);
        double[] orders = [0, 0.25, 0.5, 0.999, 1, 1.5, 2, 3, 10, double.PositiveInfinity];
        double previous = double.PositiveInfinity;
        foreach (double alpha in orders)
        {
            double h = Entropy.Renyi(p, alpha).Nats;
            Assert.True(h <= previous + 1e-9, $"H_{alpha} = {h} > previous {previous}");
            previous = h;
        }
    }

    [Property]
    public void Renyi_AlphaToOne_ApproachesShannon(NonEmptyArray<NonNegativeInt> weights)
    {
        // d/dα H_α at α = 1 is −½·Var(ln p) (bounded for our pmfs, whose entries are ≥ 1/2500):
        // |H_{1±δ} − H₁| ≤ δ·½·(ln 2500)² ≈ 3e-5 for δ = 1e-6, plus cancellation ~1e-16/δ.
        double[] p = Pmfs.From(weights);
        double h = Entropy.Shannon(p).Nats;
        Assert.Equal(h, Entropy.Renyi(p, 1 + 1e-6).Nats, 1e-4);
        Assert.Equal(h, Entropy.Renyi(p, 1 - 1e-6).Nats, 1e-4);
    }

    [Property]
    public void Joint_ChainRule_HXY_Equals_HX_Plus_HYgivenX(int seed, PositiveInt rows, PositiveInt columns)
    {
        int nx = (rows.Get % 6) + 1, ny = (columns.Get % 6) + 1;
        var joint = new JointDistribution(Pmfs.Seeded(seed, nx * ny, 0.3), [nx, ny]);
        double hx = Entropy.Shannon(joint.Marginal(0)).Nats;
        Assert.Equal(Entropy.Joint(joint).Nats, hx + Entropy.Conditional(joint).Nats, Eps);
        Assert.True(Entropy.Conditional(joint).Nats >= -Eps);
    }
}
