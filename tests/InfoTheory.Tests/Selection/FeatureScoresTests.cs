using InfoTheory.Continuous;
using InfoTheory.Discrete;
using InfoTheory.Selection;

namespace InfoTheory.Tests.Selection;

public sealed class FeatureScoresTests
{
    [Fact]
    public void Score_GaussianColumnsAgainstContinuousTarget_MatchClosedForm()
    {
        // Bivariate normal with correlation ρ: I = −½ ln(1 − ρ²) (Cover & Thomas 2006, ex. 8.5.1).
        // KSG-1, k = 3, at n = 4000: standard deviation about 1.05/√n ≈ 0.017 nats at ρ = 0.6 (Kraskov et al. 2004, fig. 4),
        // bias within ±0.01 up to ρ = 0.9; 0.06 nats is about three standard deviations plus the bias.
        double[] rho = [0, 0.3, 0.6, 0.9];
        (SampleMatrix features, double[] target) = SelectionTestData.CorrelatedWithTarget(4000, rho, seed: 11);
        IReadOnlyList<FeatureScore> scores = new FeatureScores().Score(features, target);
        Assert.Equal(rho.Length, scores.Count);
        for (int k = 0; k < rho.Length; k++)
        {
            double truth = -0.5 * Math.Log(1 - (rho[k] * rho[k]));
            Assert.Equal(k, scores[k].Column);
            Assert.Equal(nameof(KsgMutualInformation), scores[k].Estimator);
            Assert.False(scores[k].Discrete);
            Assert.True(Math.Abs(scores[k].Information.Nats - truth) < 0.06, $"ρ = {rho[k]}: {scores[k].Information.Nats} vs {truth}");
        }
    }

    [Fact]
    public void Score_DiscreteColumnsAgainstDiscreteTarget_EqualHandComputedPlugIn()
    {
        // Target: four 0s then four 1s. Column 0 is the target itself (I = ln 2), column 1 is independent of it (I = 0),
        // column 2 has joint counts (0,0) = 3, (1,0) = 1, (1,1) = 4: I = 3/8 ln 2 + 1/8 ln(2/5) + 1/2 ln(8/5).
        // Values are arbitrary doubles (codes are taken by value).
        int[] target = [0, 0, 0, 0, 1, 1, 1, 1];
        double[,] data =
        {
            { 7.5, -1, 0 }, { 7.5, -1, 0 }, { 7.5, 2, 0 }, { 7.5, 2, 10 },
            { -3, -1, 10 }, { -3, -1, 10 }, { -3, 2, 10 }, { -3, 2, 10 },
        };
        IReadOnlyList<FeatureScore> scores = new FeatureScores().Score(SampleMatrix.FromArray(data), target, [true, true, true]);
        double expected2 = (3.0 / 8 * Math.Log(2)) + (1.0 / 8 * Math.Log(2.0 / 5)) + (0.5 * Math.Log(8.0 / 5));
        Assert.Equal(Math.Log(2), scores[0].Information.Nats, 1e-12);
        Assert.Equal(0, scores[1].Information.Nats, 1e-12);
        Assert.Equal(expected2, scores[2].Information.Nats, 1e-12);
        Assert.All(scores, s => Assert.Equal(nameof(DiscreteMutualInformation), s.Estimator));
        Assert.All(scores, s => Assert.True(s.Discrete));
    }

    [Fact]
    public void Score_NegativeLabels_SameAsRenumbered()
    {
        // Labels −1/+1 (common in ML) are symbols like any others: the scores equal those with labels 0/1.
        double[,] data = { { 1, 0.3 }, { 1, 1.2 }, { 2, -0.4 }, { 2, 2.5 }, { 1, 0.9 }, { 2, -1.1 }, { 1, 0.1 }, { 2, 1.7 } };
        SampleMatrix features = SampleMatrix.FromArray(data);
        int[] signs = [-1, -1, 1, 1, -1, 1, 1, -1];
        int[] bits = [.. signs.Select(v => (v + 1) / 2)];
        var scorer = new FeatureScores { Mixed = new RossMutualInformation { K = 1 } };
        double[] a = [.. scorer.Score(features, signs, [true, false]).Select(s => s.Information.Nats)];
        double[] b = [.. scorer.Score(features, bits, [true, false]).Select(s => s.Information.Nats)];
        Assert.Equal(b, a);
        // Column 0 against the labels: joint counts (1,−1) = 3, (1,+1) = 1, (2,−1) = 1, (2,+1) = 3 over 8:
        // I = ln 2 − h(1/4) with h the binary entropy in nats (Cover & Thomas 2006, §2.4).
        double h = -((0.25 * Math.Log(0.25)) + (0.75 * Math.Log(0.75)));
        Assert.Equal(Math.Log(2) - h, a[0], 1e-12);
    }

    [Fact]
    public void Score_IndependentColumns_NearZero()
    {
        // KSG under independence: mean ≈ 0, standard deviation ≈ 0.01 nats at n = 3000; Ross likewise for two classes.
        // 0.04 nats is four standard deviations.
        (SampleMatrix features, double[] target) = SelectionTestData.CorrelatedWithTarget(3000, [0, 0, 0], seed: 5);
        foreach (FeatureScore s in new FeatureScores().Score(features, target))
        {
            Assert.True(Math.Abs(s.Information.Nats) < 0.04, $"column {s.Column}: {s.Information.Nats}");
        }

        int[] labels = [.. SelectionTestData.Normals(3000, 99).Select(v => v > 0 ? 1 : 0)];
        foreach (FeatureScore s in new FeatureScores().Score(features, labels))
        {
            Assert.Equal(nameof(RossMutualInformation), s.Estimator);
            Assert.True(Math.Abs(s.Information.Nats) < 0.04, $"column {s.Column}: {s.Information.Nats}");
        }
    }

    [Fact]
    public void Score_SeparatedClasses_ContinuousFeatureNearLn2()
    {
        // Two equally likely classes whose feature values do not overlap: I = H(label) = ln 2. Ross's estimator is
        // nearly unbiased here at n = 1000 (its error comes from the ψ terms, O(k/n)); 0.03 nats covers it.
        int n = 1000;
        double[] noise = SelectionTestData.Normals(n, 3);
        int[] labels = [.. Enumerable.Range(0, n).Select(i => i % 2)];
        double[] x = [.. Enumerable.Range(0, n).Select(i => (labels[i] * 100) + noise[i])];
        FeatureScore s = new FeatureScores().Score(SampleMatrix.FromRowMajor(x, 1), labels)[0];
        Assert.Equal(Math.Log(2), s.Information.Nats, 0.03);
    }

    [Fact]
    public void Score_EachPair_IsTheLibraryEstimatorOnThatPair()
    {
        (SampleMatrix features, double[] target) = SelectionTestData.CorrelatedWithTarget(500, [0.2, 0.7], seed: 8);
        double[] discreteColumn = [.. target.Select(v => Math.Round(v))];
        SampleMatrix mixed = SampleMatrix.ConcatenateColumns(features, SampleMatrix.FromRowMajor(discreteColumn, 1));
        IReadOnlyList<FeatureScore> scores = new FeatureScores().Score(mixed, target, [false, false, true]);
        for (int k = 0; k < 2; k++)
        {
            Assert.Equal(new KsgMutualInformation().Estimate(features.Column(k), target).Nats, scores[k].Information.Nats);
        }

        int[] codes = [.. discreteColumn.Select(v => (int)v + 10)];
        Assert.Equal(new RossMutualInformation().Estimate(codes, target).Nats, scores[2].Information.Nats);
        Assert.Equal(nameof(RossMutualInformation), scores[2].Estimator);
    }

    [Fact]
    public void Score_CallersEstimator_IsUsedAndNamed()
    {
        (SampleMatrix features, double[] target) = SelectionTestData.CorrelatedWithTarget(300, [0.5], seed: 2);
        var scorer = new FeatureScores { ContinuousContinuous = new GaussianCopulaMutualInformation() };
        FeatureScore s = scorer.Score(features, target)[0];
        Assert.Equal(nameof(GaussianCopulaMutualInformation), s.Estimator);
        Assert.Equal(new GaussianCopulaMutualInformation().Estimate(features.Column(0), target).Nats, s.Information.Nats);
    }

    [Fact]
    public void Score_AnyThreadCount_SameBits()
    {
        (SampleMatrix features, double[] target) = SelectionTestData.CorrelatedWithTarget(400, [0.1, 0.4, 0.6, 0.8, 0.3], seed: 4);
        double[] one = [.. new FeatureScores { MaxDegreeOfParallelism = 1 }.Score(features, target).Select(s => s.Information.Nats)];
        double[] many = [.. new FeatureScores { MaxDegreeOfParallelism = -1 }.Score(features, target).Select(s => s.Information.Nats)];
        Assert.Equal(one, many);
    }

    [Fact]
    public void Score_BadInput_Throws()
    {
        var scorer = new FeatureScores();
        SampleMatrix features = SampleMatrix.FromRowMajor([1.0, 2, 3, 4, 5, 6], 2);
        Assert.Throws<ArgumentNullException>("features", () => scorer.Score(null!, new double[3]));
        var length = Assert.Throws<ArgumentException>("target", () => scorer.Score(features, new double[4]));
        Assert.Contains("4 values but features has 3 rows", length.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>("target", () => scorer.Score(features, new int[2]));
        var mask = Assert.Throws<ArgumentException>("discreteFeatures", () => scorer.Score(features, new double[3], [true]));
        Assert.Contains("1 flags but features has 2 columns", mask.Message, StringComparison.Ordinal);
        var nan = Assert.Throws<ArgumentException>("target", () => scorer.Score(features, [0, double.NaN, 1]));
        Assert.Contains("row 1", nan.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentNullException>("ContinuousContinuous", () => new FeatureScores { ContinuousContinuous = null! });
        Assert.Throws<ArgumentOutOfRangeException>("MaxDegreeOfParallelism", () => new FeatureScores { MaxDegreeOfParallelism = 0 });
        // Too few rows for k = 3: the estimator's own error, not wrapped in an AggregateException.
        Assert.Throws<ArgumentException>(() => scorer.Score(features, [1.0, 2, 3]));
    }
}
