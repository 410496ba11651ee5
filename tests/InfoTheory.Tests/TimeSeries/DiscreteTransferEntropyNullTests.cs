using InfoTheory.Discrete;
using InfoTheory.TimeSeries;

namespace InfoTheory.Tests.TimeSeries;

/// <summary>The analytic χ² null (G-test) of the plug-in discrete transfer entropy.</summary>
public sealed class DiscreteTransferEntropyNullTests
{
    private static readonly DiscreteTransferEntropy PlugIn = new();

    /// <summary>Y a binary Markov chain that flips with probability 0.2; X i.i.d. uniform on <paramref name="alphabet"/> symbols, independent of Y.</summary>
    private static (int[] X, int[] Y) Independent(int n, int alphabet, int seed)
    {
        var random = new Random(seed);
        int[] x = new int[n], y = new int[n];
        for (int t = 0; t < n; t++)
        {
            x[t] = random.Next(alphabet);
            y[t] = t == 0 ? 0 : (random.NextDouble() < 0.2 ? 1 - y[t - 1] : y[t - 1]);
        }

        return (x, y);
    }

    [Fact]
    public void Statistic_DegreesOfFreedom_AndPValue_FollowTheClosedForm()
    {
        // k = l = 1, binary Y and X: df = (2 − 1)(2 − 1)·2 = 2, and P(χ²₂ ≥ G) = exp(−G/2).
        (int[] x, int[] y) = TimeSeriesData.CoupledBinary(3000, 0.5, 0.05, 0.2, seed: 6);
        var r = PlugIn.AnalyticTest(x, y);
        double estimate = PlugIn.Estimate(x, y).Nats;
        Assert.Equal(estimate, r.Estimate.Nats);
        Assert.Equal(2 * (3000 - 1) * estimate, r.Statistic, 1e-9);
        Assert.Equal(2, r.DegreesOfFreedom);
        Assert.Equal(Math.Exp(-r.Statistic / 2), r.PValue, 1e-12);

        // A ternary source: df = (2 − 1)(3 − 1)·2 = 4 and P(χ²₄ ≥ G) = exp(−G/2)(1 + G/2).
        (int[] x3, int[] y3) = Independent(2000, 3, seed: 2);
        var r3 = PlugIn.AnalyticTest(x3, y3);
        Assert.Equal(4, r3.DegreesOfFreedom);
        Assert.Equal(Math.Exp(-r3.Statistic / 2) * (1 + (r3.Statistic / 2)), r3.PValue, 1e-12);

        // k = 2, l = 2 on binary data: |Y⁻| = |X⁻| = 4 observed, df = 1·3·4 = 12.
        var longer = new DiscreteTransferEntropy { TargetHistory = 2, SourceHistory = 2 };
        Assert.Equal(12, longer.AnalyticTest(x, y).DegreesOfFreedom);

        // A constant source has no degrees of freedom: p = 1.
        var constant = PlugIn.AnalyticTest(new int[100], y.AsSpan(0, 100));
        Assert.Equal(0, constant.DegreesOfFreedom);
        Assert.Equal(1.0, constant.PValue);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public void AgreesWithAPermutationNull(int alphabet)
    {
        // Reference computed here, not by the library's test: the source past X_{t−1} shuffled among the rows (999
        // permutations; X is i.i.d., so the permutation null is exact), the plug-in CMI recomputed on each. Its
        // p-value has Monte Carlo sd ≤ 0.016, and at n = 2000 with df ≤ 4 the χ² law is accurate to about 0.01:
        // the two p-values must agree within 0.06, on independent and on weakly coupled data.
        var cmi = new PlugInConditionalMutualInformation();
        for (int seed = 0; seed < 6; seed++)
        {
            // Seeds 4 and 5: binary X weakly driving Y (copied with probability 0.04).
            (int[] x, int[] y) = seed < 4 ? Independent(2000, alphabet, seed) : TimeSeriesData.CoupledBinary(2000, 0.5, 0.04, 0.2, seed);

            int[] present = y[1..], targetPast = y[..^1], sourcePast = x[..^1];
            double observed = cmi.Estimate(present, sourcePast, targetPast).Nats;
            var random = new Random(100 + seed);
            int[] shuffled = (int[])sourcePast.Clone();
            int atLeast = 0;
            const int permutations = 999;
            for (int b = 0; b < permutations; b++)
            {
                random.Shuffle(shuffled);
                atLeast += cmi.Estimate(present, shuffled, targetPast).Nats >= observed - 1e-12 ? 1 : 0;
            }

            double permutationP = (1.0 + atLeast) / (1 + permutations);
            var analytic = PlugIn.AnalyticTest(x, y);
            Assert.Equal(observed, analytic.Estimate.Nats, 1e-12);
            Assert.True(Math.Abs(analytic.PValue - permutationP) <= 0.06,
                $"seed {seed}: analytic p = {analytic.PValue}, permutation p = {permutationP}");
        }
    }

    [Fact]
    public void IndependentProcesses_PValuesAreUniform()
    {
        // 400 independent pairs, n = 1000, df = 2: the shares below 0.05 and 0.5 within ±3.5 binomial sd (±0.038, ±0.0875).
        const int replications = 400;
        int below05 = 0, below50 = 0;
        for (int i = 0; i < replications; i++)
        {
            (int[] x, int[] y) = Independent(1000, 2, seed: 500 + i);
            double p = PlugIn.AnalyticTest(x, y).PValue;
            below05 += p <= 0.05 ? 1 : 0;
            below50 += p <= 0.5 ? 1 : 0;
        }

        Assert.InRange(below05 / (double)replications, 0.05 - 0.038, 0.05 + 0.038);
        Assert.InRange(below50 / (double)replications, 0.5 - 0.0875, 0.5 + 0.0875);
    }

    [Fact]
    public void TrialsArePooled_AndBadInputIsRejected()
    {
        (int[] x, int[] y) = TimeSeriesData.CoupledBinary(1000, 0.5, 0.5, 0.2, seed: 1);
        var pooled = PlugIn.AnalyticTest([x[..500], x[500..]], [y[..500], y[500..]]);
        Assert.Equal(2 * 998 * pooled.Estimate.Nats, pooled.Statistic, 1e-9);
        Assert.True(pooled.PValue < 1e-10, $"p = {pooled.PValue}");

        Assert.Throws<InvalidOperationException>(() => new DiscreteTransferEntropy(new MillerMadowEntropy()).AnalyticTest(x, y));
        Assert.Equal("target", Assert.Throws<ArgumentException>(() => PlugIn.AnalyticTest(x, y.AsSpan(0, 10))).ParamName);
        Assert.Equal("sources", Assert.Throws<ArgumentException>(() => PlugIn.AnalyticTest([[-1, 0, 1]], [[0, 0, 1]])).ParamName);
    }
}
