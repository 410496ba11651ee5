using InfoTheory.Continuous;
using InfoTheory.TimeSeries;

namespace InfoTheory.Tests.TimeSeries;

/// <summary>Trial-shuffle surrogates of the transfer-entropy test: the source of one trial paired with the target of another.</summary>
public sealed class TrialShuffleTests
{
    private static readonly TransferEntropy Gaussian = new(new GaussianConditionalMutualInformation());

    /// <summary>R trials of a pair: X an AR(1) with coefficient <paramref name="ax"/>, Y_t = a Y_{t−1} + b X_{t−1} + ε.</summary>
    internal static (SampleMatrix[] Sources, SampleMatrix[] Targets) Trials(int trials, int n, double ax, double a, double b, int seed)
    {
        var random = new Random(seed);
        var sources = new SampleMatrix[trials];
        var targets = new SampleMatrix[trials];
        const int burnIn = 100;
        for (int r = 0; r < trials; r++)
        {
            double[] x = new double[n + burnIn], y = new double[n + burnIn];
            for (int t = 1; t < x.Length; t++)
            {
                x[t] = (ax * x[t - 1]) + TimeSeriesData.Normal(random);
                y[t] = (a * y[t - 1]) + (b * x[t - 1]) + TimeSeriesData.Normal(random);
            }

            sources[r] = SampleMatrix.FromRowMajor(x.AsSpan(burnIn), 1);
            targets[r] = SampleMatrix.FromRowMajor(y.AsSpan(burnIn), 1);
        }

        return (sources, targets);
    }

    [Fact]
    public void Surrogates_AreTheEstimatesOfTheDerangedPairings()
    {
        // Independent reference: with 3 trials there are exactly two derangements, (1, 2, 0) and (2, 0, 1); the two
        // surrogates must be the estimates with the sources re-paired in those two ways, in some order.
        (SampleMatrix[] xs, SampleMatrix[] ys) = Trials(3, 80, 0.5, 0.5, 0.6, seed: 2);
        var result = Gaussian.Test(xs, ys, null, 2, TransferEntropySurrogates.TrialShuffle, seed: 5);
        double first = Gaussian.Estimate([xs[1], xs[2], xs[0]], ys).Nats;
        double second = Gaussian.Estimate([xs[2], xs[0], xs[1]], ys).Nats;
        double[] nulls = [.. result.NullDistribution.ToArray().Order()];
        double[] expected = [.. new[] { first, second }.Order()];
        Assert.Equal(expected[0], nulls[0], 1e-12);
        Assert.Equal(expected[1], nulls[1], 1e-12);
        Assert.Equal(Gaussian.Estimate(xs, ys).Nats, result.Observed.Nats);

        // Two trials: the one derangement swaps them.
        var two = Gaussian.Test(xs[..2], ys[..2], null, 1, TransferEntropySurrogates.TrialShuffle, seed: 9);
        Assert.Equal(Gaussian.Estimate([xs[1], xs[0]], ys[..2]).Nats, two.NullDistribution.Span[0], 1e-12);
    }

    [Fact]
    public void IndependentProcesses_PValuesAreRoughlyUniform()
    {
        // Both processes autocorrelated (AR(1), 0.7) and independent; 8 trials of 60 steps, 49 surrogates, 200 data
        // sets and seeds. Under H₀ every pairing is distributed alike, so P(p ≤ 0.1) = 0.1 and P(p ≤ 0.5) = 0.5 up to
        // the discreteness of p; the shares must lie within ±3.5 binomial standard deviations (±0.074 and ±0.124).
        const int replications = 200;
        int below10 = 0, below50 = 0;
        for (int i = 0; i < replications; i++)
        {
            (SampleMatrix[] xs, SampleMatrix[] ys) = Trials(8, 60, 0.7, 0.7, 0.0, seed: 1000 + i);
            double p = Gaussian.Test(xs, ys, null, 49, TransferEntropySurrogates.TrialShuffle, seed: i).PValue;
            below10 += p <= 0.1 ? 1 : 0;
            below50 += p <= 0.5 ? 1 : 0;
        }

        Assert.InRange(below10 / (double)replications, 0.1 - 0.074, 0.1 + 0.074);
        Assert.InRange(below50 / (double)replications, 0.5 - 0.124, 0.5 + 0.124);
    }

    [Fact]
    public void CoupledProcess_IsSignificant_WithGaussianAndKsg()
    {
        // X i.i.d. N(0, 1) (ax = 0): T(X → Y) = ½ ln(1 + 0.36) ≈ 0.154 nats over 800 rows, where a
        // re-paired source carries none; every surrogate must lie below the observed value.
        (SampleMatrix[] xs, SampleMatrix[] ys) = Trials(8, 100, 0.0, 0.5, 0.6, seed: 3);
        var gaussian = Gaussian.Test(xs, ys, null, 99, TransferEntropySurrogates.TrialShuffle, seed: 1);
        Assert.Equal(1.0 / 100, gaussian.PValue, 1e-15);
        var ksg = new TransferEntropy(new KsgConditionalMutualInformation()).Test(xs, ys, null, 19, TransferEntropySurrogates.TrialShuffle, seed: 1);
        Assert.Equal(1.0 / 20, ksg.PValue, 1e-15);
    }

    [Fact]
    public void Result_DependsOnlyOnTheSeed_AndSurrogatesAreDistinct()
    {
        (SampleMatrix[] xs, SampleMatrix[] ys) = Trials(5, 50, 0.5, 0.5, 0.3, seed: 4);
        // 5 trials have 44 derangements: asking for all 44 must give 44 different pairings, hence (almost surely,
        // continuous data) 44 different estimates.
        var all = Gaussian.Test(xs, ys, null, 44, TransferEntropySurrogates.TrialShuffle, seed: 7);
        var one = Gaussian.Test(xs, ys, null, 44, TransferEntropySurrogates.TrialShuffle, seed: 7, maxDegreeOfParallelism: 1);
        Assert.Equal(all.NullDistribution.ToArray(), one.NullDistribution.ToArray());
        Assert.Equal(44, all.NullDistribution.ToArray().Distinct().Count());
        var some = Gaussian.Test(xs, ys, null, 20, TransferEntropySurrogates.TrialShuffle, seed: 7);
        var other = Gaussian.Test(xs, ys, null, 20, TransferEntropySurrogates.TrialShuffle, seed: 8);
        Assert.NotEqual(some.NullDistribution.ToArray(), other.NullDistribution.ToArray());
    }

    [Fact]
    public void BadInput_NamesTheParameter()
    {
        (SampleMatrix[] xs, SampleMatrix[] ys) = Trials(3, 40, 0.5, 0.5, 0.3, seed: 1);
        const TransferEntropySurrogates trials = TransferEntropySurrogates.TrialShuffle;
        Assert.Equal("sources", Assert.Throws<ArgumentException>(() => Gaussian.Test(xs[..1], ys[..1], null, 1, trials)).ParamName);
        SampleMatrix shorter = SampleMatrix.FromRowMajor(ys[2].Data.Span[..30], 1);
        SampleMatrix shorterSource = SampleMatrix.FromRowMajor(xs[2].Data.Span[..30], 1);
        var ex = Assert.Throws<ArgumentException>(() => Gaussian.Test([xs[0], xs[1], shorterSource], [ys[0], ys[1], shorter], null, 1, trials));
        Assert.Equal("sources", ex.ParamName);
        Assert.Contains("equal length", ex.Message, StringComparison.Ordinal);
        // 3 trials: only 2 derangements.
        var few = Assert.Throws<ArgumentOutOfRangeException>(() => Gaussian.Test(xs, ys, null, 3, trials));
        Assert.Equal("surrogates", few.ParamName);
        Assert.Contains("only 2 distinct ways", few.Message, StringComparison.Ordinal);
    }
}
