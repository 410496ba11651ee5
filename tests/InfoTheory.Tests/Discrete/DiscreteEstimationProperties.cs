using FsCheck;
using FsCheck.Xunit;
using InfoTheory.Discrete;

namespace InfoTheory.Tests.Discrete;

/// <summary>Invariants of the plug-in MI estimate from samples (issue: discrete estimation, properties).</summary>
public sealed class DiscreteEstimationProperties
{
    private static (int[] X, int[] Y) Draw(int seed, PositiveInt size, double dependence) =>
        Draw(seed, (size.Get % 300) + 1, dependence);

    private static (int[] X, int[] Y) Draw(int seed, int n, double dependence)
    {
        var random = new Random(seed);
        int[] x = new int[n], y = new int[n];
        for (int i = 0; i < n; i++)
        {
            x[i] = random.Next(5);
            y[i] = random.NextDouble() < dependence ? x[i] : random.Next(4);
        }

        return (x, y);
    }

    [Property]
    public void PlugInMi_NonNegative_Symmetric(int seed, PositiveInt size)
    {
        (int[] x, int[] y) = Draw(seed, size, 0.4);
        var mi = new DiscreteMutualInformation();
        double xy = mi.Estimate(x, y).Nats;
        Assert.True(xy >= -1e-12);
        Assert.Equal(xy, mi.Estimate(y, x).Nats, 1e-12);
    }

    [Property]
    public void PlugInMi_InvariantUnderRelabellingSymbols(int seed, PositiveInt size)
    {
        (int[] x, int[] y) = Draw(seed, size, 0.4);
        int[] relabelX = [7, 3, 11, 0, 5], relabelY = [2, 9, 4, 1, 6];
        int[] x2 = Array.ConvertAll(x, v => relabelX[v]), y2 = Array.ConvertAll(y, v => relabelY[v]);
        var mi = new DiscreteMutualInformation();
        Assert.Equal(mi.Estimate(x, y).Nats, mi.Estimate(x2, y2).Nats, 1e-12);
    }

    [Property]
    public void Cmi_WithConstantZ_EqualsMi_ForEstimatorsThatGiveZeroForAConstant(int seed, PositiveInt size)
    {
        // Î(X;Y|Z) = Ĥ(X,Z) + Ĥ(Y,Z) − Ĥ(X,Y,Z) − Ĥ(Z) equals Î(X;Y) − Ĥ(Z) for a constant Z, so the identity
        // holds exactly for estimators with Ĥ(constant) = 0: plug-in, Miller-Madow (m = 1), Chao-Shen.
        // (Grassberger's Ĥ of a constant is ln N − G(N) ≠ 0, a known small negative bias.)
        (int[] x, int[] y) = Draw(seed, size, 0.4);
        int[] z = new int[x.Length];
        foreach (DiscreteEntropyEstimator entropy in new DiscreteEntropyEstimator[] { new PlugInEntropy(), new MillerMadowEntropy(), new ChaoShenEntropy() })
        {
            Assert.Equal(new DiscreteMutualInformation(entropy).Estimate(x, y).Nats,
                new DiscreteConditionalMutualInformation(entropy).Estimate(x, y, z).Nats, 1e-10);
        }
    }

    [Fact]
    public void PlugInMi_IndependentSamples_ShrinksTowardZeroAsNGrows()
    {
        // Under independence E[Î] ≈ (|X|−1)(|Y|−1)/(2N) nats (Miller 1955): 12/(2N) here.
        // The mean over 20 seeds must fall roughly like 1/N and stay within 40% of the prediction.
        double previous = double.PositiveInfinity;
        foreach (int n in new[] { 100, 1000, 10000 })
        {
            double mean = 0;
            for (int seed = 0; seed < 20; seed++)
            {
                (int[] x, int[] y) = Draw(seed * 7919, n, 0.0);
                mean += new DiscreteMutualInformation().Estimate(x, y).Nats / 20;
            }

            double predicted = 12.0 / (2 * n);
            Assert.InRange(mean, 0.6 * predicted, 1.4 * predicted);
            Assert.True(mean < previous);
            previous = mean;
        }
    }
}
