using InfoTheory.Discrete;
using InfoTheory.Statistics;
using MathNet.Numerics.Statistics;
using Descriptive = MathNet.Numerics.Statistics.Statistics;

namespace InfoTheory.Tests.Statistics;

public sealed class BootstrapTests
{
    // A skewed pmf: entropy 1.2080 nats, and Var(−ln p(X)) ≈ 0.331 > 0, so the plug-in estimate has
    // spread √(0.331/N) (a uniform pmf would make that first-order spread vanish).
    private static readonly double[] Pmf = [0.5, 0.25, 0.15, 0.1];

    private static readonly PlugInEntropy PlugIn = new();

    private static double TrueEntropy => -Pmf.Sum(p => p * Math.Log(p));

    private static int[] Draw(Random random, int n)
    {
        int[] samples = new int[n];
        for (int i = 0; i < n; i++)
        {
            double u = random.NextDouble();
            int s = 0;
            while (s < Pmf.Length - 1 && u >= Pmf[s])
            {
                u -= Pmf[s];
                s++;
            }

            samples[i] = s;
        }

        return samples;
    }

    private static double Width(BootstrapInterval interval) => (interval.Upper - interval.Lower).Nats;

    [Fact]
    public void Defaults_Are1000Resamples95PercentSeed0()
    {
        int[] samples = Draw(new Random(3), 200);
        BootstrapInterval implicitly = Bootstrap.Entropy(PlugIn, samples);
        BootstrapInterval explicitly = Bootstrap.Entropy(PlugIn, samples, 1000, 0.95, 0);
        Assert.Equal(1000, implicitly.Resamples);
        Assert.Equal(explicitly.Lower, implicitly.Lower);
        Assert.Equal(explicitly.Upper, implicitly.Upper);
        Assert.Equal(0.90, Bootstrap.Entropy(PlugIn, samples, confidence: 0.90).Confidence);
    }

    [Fact]
    public void AllThree_AnyDegreeOfParallelism_BitIdentical()
    {
        var random = new Random(301);
        int[] x = Draw(random, 400), y = Draw(random, 400), z = Draw(random, 400);
        foreach (Func<int, BootstrapInterval> run in new Func<int, BootstrapInterval>[]
        {
            dop => Bootstrap.Entropy(PlugIn, x, 301, 0.95, seed: 12, dop),
            dop => Bootstrap.MutualInformation(new PlugInMutualInformation(), x, y, 301, 0.9, seed: 13, dop),
            dop => Bootstrap.ConditionalMutualInformation(new PlugInConditionalMutualInformation(), x, y, z, 301, 0.8, seed: 14, dop),
        })
        {
            BootstrapInterval serial = run(1), two = run(2), unlimited = run(-1);
            Assert.Equal(serial.Replicates.ToArray(), two.Replicates.ToArray());
            Assert.Equal(serial.Replicates.ToArray(), unlimited.Replicates.ToArray());
            Assert.Equal(serial.Lower, unlimited.Lower);
            Assert.Equal(serial.Upper, two.Upper);
            Assert.Equal(serial.StandardError, unlimited.StandardError);
        }
    }

    [Theory]
    [InlineData(302, 50)]
    [InlineData(303, 300)]
    [InlineData(304, 3000)]
    public void Entropy_IntervalContainsTheEstimate(int seed, int n)
    {
        // The replicates scatter around the estimate with spread √(0.331/N) and sit (K − 1)/(2N) lower
        // (Miller bias, a quarter of the spread at N = 50 and less above), so a 95 % interval contains it.
        int[] samples = Draw(new Random(seed), n);
        BootstrapInterval interval = Bootstrap.Entropy(PlugIn, samples, 500, 0.95, seed);
        Assert.Equal(PlugIn.Estimate(samples), interval.Estimate);
        Assert.True(interval.Lower <= interval.Estimate && interval.Estimate <= interval.Upper, $"{interval.Lower} {interval.Estimate} {interval.Upper}");
        Assert.Equal(0.95, interval.Confidence);
        Assert.Equal(500, interval.Resamples);
        Assert.Equal(500, interval.Replicates.Length);
    }

    [Fact]
    public void Bounds_AreLinearlyInterpolatedPercentilesOfTheReplicates()
    {
        // Cross-check with MathNet's quantile of definition R7 (Hyndman & Fan 1996, type 7), at a B and a level
        // where (B − 1)·q is not an integer, so the interpolation matters.
        int[] samples = Draw(new Random(305), 200);
        BootstrapInterval interval = Bootstrap.Entropy(PlugIn, samples, 37, 0.9, seed: 15);
        double[] replicates = interval.Replicates.ToArray();
        Assert.Equal(Descriptive.QuantileCustom(replicates, 0.05, QuantileDefinition.R7), interval.Lower.Nats, 1e-14);
        Assert.Equal(Descriptive.QuantileCustom(replicates, 0.95, QuantileDefinition.R7), interval.Upper.Nats, 1e-14);
        Assert.Equal(Descriptive.StandardDeviation(replicates), interval.StandardError.Nats, 1e-14);
    }

    [Fact]
    public void Entropy_IntervalNarrowsAsNGrows()
    {
        // The width scales as 1/√N: 16 times the samples should give a quarter of the width. Each width from
        // B = 400 replicates is uncertain by about 10 %, so requiring less than half is safe yet still fails
        // for an interval that does not shrink.
        BootstrapInterval small = Bootstrap.Entropy(PlugIn, Draw(new Random(306), 250), 400, 0.95, seed: 16);
        BootstrapInterval large = Bootstrap.Entropy(PlugIn, Draw(new Random(307), 4000), 400, 0.95, seed: 17);
        Assert.True(Width(large) < 0.5 * Width(small), $"{Width(large)} vs {Width(small)}");
        Assert.True(Width(large) > 0.1 * Width(small), $"{Width(large)} vs {Width(small)}");
    }

    [Fact]
    public void Entropy_StandardError_MatchesTheDeltaMethod()
    {
        // Var(Ĥ) ≈ Var(−ln p(X))/N (Basharin 1959) = 0.331/2000; the bootstrap standard error from B = 1000 is
        // within about 3 % of its own expectation, and the plug-in variance at p̂ differs from that at p by a few
        // percent at N = 2000: 15 % bounds both.
        double variance = Pmf.Sum(p => p * Math.Log(p) * Math.Log(p)) - (TrueEntropy * TrueEntropy);
        BootstrapInterval interval = Bootstrap.Entropy(PlugIn, Draw(new Random(308), 2000), 1000, 0.95, seed: 18);
        double expected = Math.Sqrt(variance / 2000);
        Assert.Equal(expected, interval.StandardError.Nats, expected * 0.15);
    }

    [Fact]
    public void Entropy_KnownPmf_CoversTheTrueEntropyInMostReplications()
    {
        // 200 seeded replications at N = 500, B = 200, nominal 95 %. The plug-in bias (K − 1)/(2N) = 0.003 nats,
        // doubled in the percentile interval, shifts it by ≈ 0.23 standard deviations (0.0257), which lowers the
        // coverage to ≈ 94 %; B = 200 blurs the bounds a little more. The count covered is then about
        // Binomial(200, 0.93), standard deviation 3.6 %: [0.85, 0.99] is more than 2 standard deviations wide
        // on either side, and excludes both a too-narrow interval and one that always covers.
        double truth = TrueEntropy;
        var random = new Random(309);
        int covered = 0;
        const int replications = 200;
        for (int r = 0; r < replications; r++)
        {
            BootstrapInterval interval = Bootstrap.Entropy(PlugIn, Draw(random, 500), 200, 0.95, seed: 2000 + r);
            covered += interval.Lower.Nats <= truth && truth <= interval.Upper.Nats ? 1 : 0;
        }

        Assert.InRange(covered / (double)replications, 0.85, 0.99);
    }

    [Fact]
    public void MutualInformation_ResamplesPairsTogether()
    {
        // With y = x, Î(X;Y) = Ĥ(X) on every resample that keeps the pairs, and resample b draws the same
        // indices for both methods under one seed: the replicates must coincide. Resampling x and y
        // separately would make them nearly independent and the replicates near 0.
        int[] x = Draw(new Random(310), 300);
        BootstrapInterval mi = Bootstrap.MutualInformation(new PlugInMutualInformation(), x, x, 100, 0.95, seed: 19);
        BootstrapInterval h = Bootstrap.Entropy(PlugIn, x, 100, 0.95, seed: 19);
        Assert.Equal(h.Replicates.ToArray(), mi.Replicates.ToArray(), (a, b) => Math.Abs(a - b) < 1e-12);
    }

    [Fact]
    public void ConditionalMutualInformation_ResamplesTriplesTogether()
    {
        // With z = y, Î(X;Y|Z) = 0 on every resample that keeps the triples; separate resampling would not.
        var random = new Random(311);
        int[] x = Draw(random, 300), y = Draw(random, 300);
        BootstrapInterval interval = Bootstrap.ConditionalMutualInformation(new PlugInConditionalMutualInformation(), x, y, y, 50, 0.95, seed: 20);
        Assert.All(interval.Replicates.ToArray(), v => Assert.Equal(0.0, v, 1e-12));
    }

    [Fact]
    public void SingleResample_BoundsEqualTheReplicate_StandardErrorNaN()
    {
        BootstrapInterval interval = Bootstrap.Entropy(PlugIn, Draw(new Random(312), 100), 1, 0.5, seed: 21);
        Assert.Equal(interval.Replicates.Span[0], interval.Lower.Nats);
        Assert.Equal(interval.Replicates.Span[0], interval.Upper.Nats);
        Assert.True(interval.StandardError.IsNaN);
    }
}
