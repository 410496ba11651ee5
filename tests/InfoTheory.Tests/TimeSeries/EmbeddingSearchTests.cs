using InfoTheory.Continuous;
using InfoTheory.TimeSeries;

namespace InfoTheory.Tests.TimeSeries;

/// <summary>Automatic embedding: Ragwitz's criterion and the maximum-AIS / maximum-TE search.</summary>
public sealed class EmbeddingSearchTests
{
    /// <summary>x_t = a₁ x_{t−1} + a₂ x_{t−2} + ε_t, ε i.i.d. N(0, 1), burn-in discarded.</summary>
    private static double[] Ar(int n, double a1, double a2, int seed)
    {
        var random = new Random(seed);
        double[] x = new double[n + 200];
        for (int t = 2; t < x.Length; t++)
        {
            x[t] = (a1 * x[t - 1]) + (a2 * x[t - 2]) + TimeSeriesData.Normal(random);
        }

        return x[200..];
    }

    private static SampleMatrix[] One(double[] x) => [SampleMatrix.FromRowMajor(x, 1)];

    [Fact]
    public void Ragwitz_ChoosesTheTrueOrderOfAnAr2()
    {
        // x_t = 1.6 x_{t−1} − 0.9 x_{t−2} + ε (stationary, oscillating): the next value depends on exactly the last
        // two, so k = 2, τ = 1 predicts best; k = 1 misses x_{t−2} (error ≈ 6 against ≈ 1.4) and larger k or τ = 2
        // only widen the neighbourhoods. Checked for seeds 1–10, n = 2000, 4 neighbours, k ∈ 1…4, τ ∈ {1, 2}.
        for (int seed = 1; seed <= 10; seed++)
        {
            EmbeddingChoice choice = EmbeddingSearch.Ragwitz(Ar(2000, 1.6, -0.9, seed), [1, 2, 3, 4], [1, 2]);
            Assert.True((choice.History, choice.Delay) == (2, 1), $"seed {seed}: chose ({choice.History}, {choice.Delay})");
            Assert.Equal(8, choice.Candidates.Count);
            Assert.Equal(choice.Candidates.Min(c => c.Score), choice.Score);
            Assert.Equal([(1, 1), (1, 2), (2, 1), (2, 2)], choice.Candidates.Take(4).Select(c => (c.History, c.Delay)));
        }
    }

    [Fact]
    public void Ragwitz_ScoreIsTheNeighbourPredictionError()
    {
        // Independent reference on a tiny series: k = 1, one neighbour, so each x_{t+1} is predicted by the successor
        // of the nearest other x_s (brute force here).
        double[] x = Ar(60, 0.5, 0.0, seed: 7);
        double expected = 0;
        for (int t = 1; t < x.Length; t++)
        {
            int best = -1;
            for (int s = 1; s < x.Length; s++)
            {
                if (s != t && (best < 0 || Math.Abs(x[s - 1] - x[t - 1]) < Math.Abs(x[best - 1] - x[t - 1])))
                {
                    best = s;
                }
            }

            expected += (x[t] - x[best]) * (x[t] - x[best]);
        }

        expected /= x.Length - 1;
        EmbeddingChoice choice = EmbeddingSearch.Ragwitz(x, [1], [1], neighbors: 1);
        Assert.Equal(expected, choice.Score, 1e-12);

        // The thread count does not change any score.
        double[] longer = Ar(3000, 1.6, -0.9, seed: 3);
        EmbeddingChoice all = EmbeddingSearch.Ragwitz(One(longer), [1, 2, 3], [1, 2]);
        EmbeddingChoice single = EmbeddingSearch.Ragwitz(One(longer), [1, 2, 3], [1, 2], maxDegreeOfParallelism: 1);
        Assert.Equal(all.Candidates, single.Candidates);
    }

    [Fact]
    public void MaxAis_OnAr2_RejectsTheTooShortHistory()
    {
        // For this AR(2), A(k = 1) = −½ ln(1 − ρ₁²), ρ₁ = a₁ / (1 − a₂) = 0.842, = 0.617 nats, while A(k ≥ 2) =
        // ½ ln(Var x) = ½ ln 18.1 = 1.45 nats (Var x = (1 − a₂) / ((1 + a₂)((1 − a₂)² − a₁²))). KSG at n = 2000 must
        // therefore never choose k = 1 (checked on seeds 1–5); its k = 1 score within ±0.08 of 0.617.
        for (int seed = 1; seed <= 5; seed++)
        {
            EmbeddingChoice choice = EmbeddingSearch.MaxActiveInformationStorage(One(Ar(2000, 1.6, -0.9, seed)), new KsgMutualInformation(), [1, 2, 3, 4], [1]);
            Assert.True(choice.History >= 2, $"seed {seed}: chose k = {choice.History}");
            Assert.InRange(choice.Candidates[0].Score, 0.617 - 0.08, 0.617 + 0.08);
            Assert.Equal(choice.Candidates.Max(c => c.Score), choice.Score);
        }
    }

    [Fact]
    public void MaxAis_OnAr1_EveryHistoryEstimatesTheSameStorage()
    {
        // An AR(1) is Markov of order 1, so A(k) = −½ ln(1 − 0.5²) = 0.144 nats for every k ≥ 1: the search has
        // nothing to prefer, and with KSG at n = 2000 it does not reliably return k = 1 (seeds 1–6 gave k = 2, 3, 3,
        // 1, 4, 3). What holds is that every candidate estimates 0.144: within ±0.07 (the KSG estimates on these
        // autocorrelated series spread over 0.10–0.18, sd ≈ 0.02).
        for (int seed = 1; seed <= 6; seed++)
        {
            EmbeddingChoice choice = EmbeddingSearch.MaxActiveInformationStorage(One(Ar(2000, 0.5, 0.0, seed)), new KsgMutualInformation(), [1, 2, 3, 4], [1]);
            Assert.All(choice.Candidates, c => Assert.InRange(c.Score, 0.144 - 0.07, 0.144 + 0.07));
            Assert.Equal(choice.Candidates.Max(c => c.Score), choice.Score);
        }
    }

    [Fact]
    public void MaxTe_SourceHistory_NeedsBothDrivingLags()
    {
        // Y_t = 0.5 Y_{t−1} + 0.6 X_{t−1} + 0.6 X_{t−2} + ε, X i.i.d.: given Y_{t−1}, the source past of length 1 misses
        // X_{t−2}, so T(l = 1) < T(l = 2) = T(l = 3) (bias-corrected Gaussian estimator; the tie between 2 and 3 is
        // decided by noise). The choice must be l ≥ 2, with a clear margin over l = 1.
        var random = new Random(11);
        int n = 2000;
        double[] x = new double[n], y = new double[n];
        for (int t = 0; t < n; t++)
        {
            x[t] = TimeSeriesData.Normal(random);
            y[t] = (t > 1 ? (0.5 * y[t - 1]) + (0.6 * x[t - 1]) + (0.6 * x[t - 2]) : 0) + TimeSeriesData.Normal(random);
        }

        EmbeddingChoice choice = EmbeddingSearch.MaxTransferEntropySourceHistory(One(x), One(y), new GaussianConditionalMutualInformation { BiasCorrected = true },
            targetHistory: 1, targetDelay: 1, sourceHistories: [1, 2, 3]);
        Assert.True(choice.History >= 2, $"chose l = {choice.History}");
        Assert.True(choice.Candidates[1].Score > choice.Candidates[0].Score + 0.05, $"{choice.Candidates[0].Score} vs {choice.Candidates[1].Score}");
        Assert.All(choice.Candidates, c => Assert.Equal(1, c.Delay));
    }

    [Fact]
    public void BadInput_NamesTheParameter()
    {
        double[] x = Ar(100, 0.5, 0.0, seed: 1);
        Assert.Equal("histories", Assert.Throws<ArgumentException>(() => EmbeddingSearch.Ragwitz(x, [], [1])).ParamName);
        Assert.Equal("histories", Assert.Throws<ArgumentOutOfRangeException>(() => EmbeddingSearch.Ragwitz(x, [0], [1])).ParamName);
        Assert.Equal("delays", Assert.Throws<ArgumentOutOfRangeException>(() => EmbeddingSearch.Ragwitz(x, [1], [1, -1])).ParamName);
        Assert.Equal("neighbors", Assert.Throws<ArgumentOutOfRangeException>(() => EmbeddingSearch.Ragwitz(x, [1], [1], 0)).ParamName);
        Assert.Equal("trials", Assert.Throws<ArgumentException>(() => EmbeddingSearch.Ragwitz(One(x[..6]), [3], [2])).ParamName);
        Assert.Equal("trials", Assert.Throws<ArgumentException>(() => EmbeddingSearch.Ragwitz(One(x[..8]), [2], [1], neighbors: 6)).ParamName);
        Assert.Equal("estimator", Assert.Throws<ArgumentNullException>(() => EmbeddingSearch.MaxActiveInformationStorage(One(x), null!, [1], [1])).ParamName);
        Assert.Equal("trials", Assert.Throws<ArgumentException>(() =>
            EmbeddingSearch.MaxActiveInformationStorage(One(x[..5]), new GaussianMutualInformation(), [1, 10], [1])).ParamName);
        Assert.Equal("sourceHistories", Assert.Throws<ArgumentException>(() =>
            EmbeddingSearch.MaxTransferEntropySourceHistory(One(x), One(x), new GaussianConditionalMutualInformation(), 1, 1, [])).ParamName);
        Assert.Equal("targetHistory", Assert.Throws<ArgumentOutOfRangeException>(() =>
            EmbeddingSearch.MaxTransferEntropySourceHistory(One(x), One(x), new GaussianConditionalMutualInformation(), 0, 1, [1])).ParamName);
        Assert.Equal("targets", Assert.Throws<ArgumentException>(() =>
            EmbeddingSearch.MaxTransferEntropySourceHistory(One(x), One(x[..50]), new GaussianConditionalMutualInformation(), 1, 1, [1])).ParamName);
    }
}
