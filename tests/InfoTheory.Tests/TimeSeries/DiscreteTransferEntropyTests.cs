using InfoTheory.Discrete;
using InfoTheory.TimeSeries;

namespace InfoTheory.Tests.TimeSeries;

/// <summary>
/// Discrete transfer entropy and active information storage against values computed exactly from the transition
/// probabilities of a coupled binary chain: X_t i.i.d. Bernoulli(q); Y_t = X_{t−1} with probability c, otherwise
/// Y_{t−1} flipped with probability e. Since X_{t−1} is independent of Y_{t−1},
/// p(y_{t−1}, x_{t−1}, y_t) = π(y_{t−1}) q(x_{t−1}) T(y_t | y_{t−1}, x_{t−1}) and Y is a Markov chain with
/// p(y_t | y_{t−1}) = Σ_x q(x) T(y_t | y_{t−1}, x).
/// </summary>
public sealed class DiscreteTransferEntropyTests
{
    private const double Q = 0.4, C = 0.6, E = 0.1;

    private static (double Te, double Ais) Exact()
    {
        double pi1 = TimeSeriesData.CoupledBinaryStationary(Q, C, E);
        double te = 0, ais = 0;
        double[] marginal = [0, 0];
        for (int y = 0; y < 2; y++)
        {
            for (int next = 0; next < 2; next++)
            {
                marginal[next] += (y == 1 ? pi1 : 1 - pi1) * ((Q * TimeSeriesData.CoupledBinaryTransition(next, y, 1, C, E)) + ((1 - Q) * TimeSeriesData.CoupledBinaryTransition(next, y, 0, C, E)));
            }
        }

        for (int y = 0; y < 2; y++)
        {
            double py = y == 1 ? pi1 : 1 - pi1;
            for (int next = 0; next < 2; next++)
            {
                double pNextGivenY = (Q * TimeSeriesData.CoupledBinaryTransition(next, y, 1, C, E)) + ((1 - Q) * TimeSeriesData.CoupledBinaryTransition(next, y, 0, C, E));
                ais += py * pNextGivenY * Math.Log(pNextGivenY / marginal[next]);
                for (int x = 0; x < 2; x++)
                {
                    double t = TimeSeriesData.CoupledBinaryTransition(next, y, x, C, E);
                    te += py * (x == 1 ? Q : 1 - Q) * t * Math.Log(t / pNextGivenY);
                }
            }
        }

        return (te, ais);
    }

    [Fact]
    public void PlugIn_CoupledChain_MatchesExactValues()
    {
        (int[] x, int[] y) = TimeSeriesData.CoupledBinary(100_000, Q, C, E, seed: 1);
        (double te, double ais) = Exact();
        var estimator = new DiscreteTransferEntropy();

        // Plug-in over 8 cells at n = 10⁵: bias ≈ 2/(2n) = 1e-5, spread ≈ 0.003 nats; 0.01 is > 3 s.d.
        double forward = estimator.Estimate(x, y).Nats, backward = estimator.Estimate(y, x).Nats;
        Assert.Equal(te, forward, 0.01);

        // X is i.i.d.: T(Y → X) = 0; 2n·Î ~ χ²₂ under independence, so 1e-3 is far beyond its 99.9 % quantile.
        Assert.Equal(0, backward, 1e-3);
        Assert.True(forward > backward);
        Assert.Equal(ais, new DiscreteActiveInformationStorage().Estimate(y).Nats, 0.01);

        // A bias-corrected entropy estimator agrees at this n (its correction is ~1e-5).
        Assert.Equal(te, new DiscreteTransferEntropy(new MillerMadowEntropy()).Estimate(x, y).Nats, 0.01);
    }

    [Fact]
    public void IndependentProcesses_HaveNearZeroTransfer()
    {
        var random = new Random(2);
        int[] x = new int[50_000], y = new int[50_000];
        for (int t = 0; t < x.Length; t++)
        {
            x[t] = random.Next(3);
            y[t] = random.Next(3);
        }

        // k = l = 2 over 3 symbols: (3 − 1)(9 − 1)·9 / (2n) ≈ 1.4e-3 nats of plug-in bias; 5e-3 allows it and the spread.
        var te = new DiscreteTransferEntropy { TargetHistory = 2, SourceHistory = 2 };
        Assert.InRange(te.Estimate(x, y).Nats, 0, 5e-3);
    }

    [Fact]
    public void LocalValues_AverageToTheEstimate_AndCopyingCarriesOneBit()
    {
        (int[] x, int[] y) = TimeSeriesData.CoupledBinary(20_000, Q, C, E, seed: 3);
        var te = new DiscreteTransferEntropy { TargetHistory = 2 };
        double[] local = te.LocalValues(x, y);
        Assert.Equal(x.Length - te.FirstTime, local.Length);
        Assert.Equal(te.Estimate(x, y).Nats, local.Average(), 1e-12);

        var ais = new DiscreteActiveInformationStorage { History = 3, Delay = 2 };
        double[] localAis = ais.LocalValues(y);
        Assert.Equal(y.Length - 5, localAis.Length);
        Assert.Equal(ais.Estimate(y).Nats, localAis.Average(), 1e-12);

        // Y_t = X_{t−1} exactly with X fair and i.i.d.: p(y_t | y_{t−1}, x_{t−1}) = 1 and p(y_t | y_{t−1}) ≈ ½, so every
        // local value is ≈ ln 2; the frequencies of 4 cells at n = 2·10⁴ are within 0.03 of ½, so ±0.07 nats.
        (int[] fx, int[] fy) = TimeSeriesData.CoupledBinary(20_000, 0.5, 1, 0, seed: 4);
        foreach (double v in new DiscreteTransferEntropy().LocalValues(fx, fy))
        {
            Assert.Equal(Math.Log(2), v, 0.07);
        }
    }

    [Fact]
    public void Conditional_OnTheDriver_RemovesTheTransfer()
    {
        // Conditioning on a variable whose past is the source's past leaves nothing to transfer:
        // T(X → Y | X) = I(Y_t ; X_{t−1} | Y_{t−1}, X_{t−1}) = 0 exactly, while T(X → Y) is well above 0.
        (int[] x, int[] y) = TimeSeriesData.CoupledBinary(20_000, Q, C, E, seed: 5);
        Assert.Equal(0, new DiscreteTransferEntropy().Estimate(x, y, x).Nats, 1e-12);
        Assert.True(new DiscreteTransferEntropy().Estimate(x, y).Nats > 0.1);
    }

    [Fact]
    public void Trials_DoNotCrossBoundaries()
    {
        // The pooled estimate is the plug-in CMI of the rows (y_t, x_{t−1}, y_{t−1}) written out trial by trial, t ≥ 1
        // inside each trial; a row spanning the junction (y2[0], x1[7], y1[7]) would change the counts.
        int[] x1 = [0, 1, 1, 0, 1, 0, 0, 1], x2 = [1, 1, 0, 1, 0, 0, 1, 0];
        int[] y1 = [1, 0, 1, 1, 0, 1, 0, 0], y2 = [0, 1, 1, 0, 1, 0, 0, 1];
        var te = new DiscreteTransferEntropy();
        double pooled = te.Estimate([x1, x2], [y1, y2]).Nats;

        var present = new List<int>();
        var sourcePast = new List<int>();
        var targetPast = new List<int>();
        foreach ((int[] xs, int[] ys) in new[] { (x1, y1), (x2, y2) })
        {
            for (int t = 1; t < xs.Length; t++)
            {
                present.Add(ys[t]);
                sourcePast.Add(xs[t - 1]);
                targetPast.Add(ys[t - 1]);
            }
        }

        Assert.Equal(new PlugInConditionalMutualInformation().Estimate(present.ToArray(), sourcePast.ToArray(), targetPast.ToArray()).Nats, pooled, 1e-12);
    }

    [Fact]
    public void BadArguments_NameTheParameter()
    {
        var te = new DiscreteTransferEntropy();
        Assert.Equal("source", Assert.Throws<ArgumentException>(() => te.Estimate([0, -1, 0], [0, 1, 0])).ParamName);
        Assert.Equal("target", Assert.Throws<ArgumentException>(() => te.Estimate([0, 1, 0], [0, 1])).ParamName);
        Assert.Equal("target", Assert.Throws<ArgumentException>(() => te.Estimate([0], [1])).ParamName);
        Assert.Equal("conditional", Assert.Throws<ArgumentException>(() => te.Estimate([0, 1, 0], [0, 1, 0], [1, 1])).ParamName);
        Assert.Equal("sources", Assert.Throws<ArgumentNullException>(() => te.Estimate(null!, [[0, 1]])).ParamName);
        Assert.Equal("Lag", Assert.Throws<ArgumentOutOfRangeException>(() => new DiscreteTransferEntropy { Lag = 0 }).ParamName);
        Assert.Equal("Delay", Assert.Throws<ArgumentOutOfRangeException>(() => new DiscreteActiveInformationStorage { Delay = 0 }).ParamName);
        Assert.Equal("series", Assert.Throws<ArgumentException>(() => new DiscreteActiveInformationStorage { History = 3 }.Estimate([0, 1, 0])).ParamName);
        Assert.Equal("trials", Assert.Throws<ArgumentException>(() => new DiscreteActiveInformationStorage().Estimate(Array.Empty<int[]>())).ParamName);
    }
}
