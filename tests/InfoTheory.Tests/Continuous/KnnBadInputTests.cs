using InfoTheory.Continuous;

namespace InfoTheory.Tests.Continuous;

/// <summary>Validation of the k-NN estimators: before any work, with the parameter named and a message that says what is expected.</summary>
public sealed class KnnBadInputTests
{
    private static readonly SampleMatrix Eight = KnnTestData.Independent(8, 2, 1);
    private static readonly SampleMatrix Nine = KnnTestData.Independent(9, 1, 2);

    [Fact]
    public void TooFewSamples_SaysHowManyAreNeeded()
    {
        const string expected = "k = 10 needs at least 11 samples, got 8.";
        void Check(Action action, string paramName)
        {
            var e = Assert.Throws<ArgumentException>(action);
            Assert.Equal(paramName, e.ParamName);
            Assert.StartsWith(expected, e.Message, StringComparison.Ordinal);
        }

        Check(() => new KozachenkoLeonenkoEntropy { K = 10 }.Estimate(Eight), "samples");
        Check(() => new KsgMutualInformation { K = 10 }.Estimate(Eight, Eight), "x");
        Check(() => new KsgConditionalMutualInformation { K = 10 }.Estimate(Eight, Eight, Eight), "x");
        Check(() => new KsgTotalCorrelation { K = 10 }.Estimate(Eight, Eight), "variables");
        Check(() => new KsgTotalCorrelation { K = 10 }.Estimate(Eight), "samples");
        Check(() => new KnnKullbackLeiblerDivergence { K = 10 }.Estimate(Eight, KnnTestData.Independent(20, 2, 3)), "p");
        Check(() => new RossMutualInformation { K = 10 }.Estimate(new int[8], Eight), "samples");
        Check(() => new MixedKsgMutualInformation { K = 10 }.Estimate(Eight, Eight), "x");
    }

    [Fact]
    public void TooFewSamplesOfQ_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() => new KnnKullbackLeiblerDivergence { K = 10 }.Estimate(KnnTestData.Independent(20, 2, 3), Eight));
        Assert.Equal("q", e.ParamName);
        Assert.Contains("k = 10 needs at least 10 samples of q, got 8", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Null_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => new KozachenkoLeonenkoEntropy().Estimate((SampleMatrix)null!));
        Assert.Equal("x", Assert.Throws<ArgumentNullException>(() => new KsgMutualInformation().Estimate(null!, Nine)).ParamName);
        Assert.Equal("y", Assert.Throws<ArgumentNullException>(() => new KsgMutualInformation().Estimate(Nine, null!)).ParamName);
        Assert.Equal("z", Assert.Throws<ArgumentNullException>(() => new KsgConditionalMutualInformation().Estimate(Nine, Nine, null!)).ParamName);
        Assert.Throws<ArgumentNullException>(() => new KsgTotalCorrelation().Estimate((IReadOnlyList<SampleMatrix>)null!));
        Assert.Equal("variables[1]", Assert.Throws<ArgumentNullException>(() => new KsgTotalCorrelation().Estimate(Nine, null!)).ParamName);
        Assert.Equal("q", Assert.Throws<ArgumentNullException>(() => new KnnKullbackLeiblerDivergence().Estimate(Nine, null!)).ParamName);
        Assert.Equal("samples", Assert.Throws<ArgumentNullException>(() => new RossMutualInformation().Estimate(new int[9], (SampleMatrix)null!)).ParamName);
        Assert.Equal("y", Assert.Throws<ArgumentNullException>(() => new MixedKsgMutualInformation().Estimate(Nine, null!)).ParamName);
    }

    [Fact]
    public void RowCountMismatch_NamesBoth()
    {
        var e = Assert.Throws<ArgumentException>(() => new KsgMutualInformation().Estimate(Nine, Eight));
        Assert.Equal("y", e.ParamName);
        Assert.Contains("x has 9 rows but y has 8", e.Message, StringComparison.Ordinal);
        Assert.Equal("z", Assert.Throws<ArgumentException>(() => new KsgConditionalMutualInformation().Estimate(Nine, Nine, Eight)).ParamName);
        Assert.Equal("variables[2]", Assert.Throws<ArgumentException>(() => new KsgTotalCorrelation().Estimate(Nine, Nine, Eight)).ParamName);
        Assert.Equal("y", Assert.Throws<ArgumentException>(() => new MixedKsgMutualInformation().Estimate(Nine, Eight)).ParamName);
        Assert.Throws<ArgumentException>(() => new KsgMutualInformation().Estimate(new double[9], new double[8]));
        Assert.Throws<ArgumentException>(() => new RossMutualInformation().Estimate(new int[8], Nine));
        Assert.Throws<ArgumentException>(() => new RossMutualInformation().Estimate(new int[8], new double[9]));
    }

    [Fact]
    public void DimensionMismatch_InDivergence_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() => new KnnKullbackLeiblerDivergence().Estimate(Eight, Nine));
        Assert.Equal("q", e.ParamName);
        Assert.Contains("p has 2 columns but q has 1", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new KnnKullbackLeiblerDivergence().CrossEntropy(Eight, Nine));
    }

    [Fact]
    public void InvalidOptions_Throw()
    {
        Assert.Equal("K", Assert.Throws<ArgumentOutOfRangeException>(() => new KsgMutualInformation { K = 0 }).ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => new KozachenkoLeonenkoEntropy { K = -1 });
        Assert.Equal("MaxDegreeOfParallelism", Assert.Throws<ArgumentOutOfRangeException>(() => new KsgMutualInformation { MaxDegreeOfParallelism = 0 }).ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => new RossMutualInformation { MaxDegreeOfParallelism = -2 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new KozachenkoLeonenkoEntropy { Metric = (NeighborMetric)7 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new KsgMutualInformation { Scaling = (SampleScaling)9 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new KsgMutualInformation { Ties = (TieHandling)9 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new KsgTotalCorrelation { Algorithm = (KsgAlgorithm)9 });
    }

    [Fact]
    public void NormalScores_WhereTheyChangeTheQuantity_Throw()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new KozachenkoLeonenkoEntropy { Scaling = SampleScaling.NormalScores });
        Assert.Equal("Scaling", e.ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => new KnnKullbackLeiblerDivergence { Scaling = SampleScaling.NormalScores });
    }

    [Fact]
    public void TotalCorrelation_NeedsTwoVariables()
    {
        Assert.Equal("variables", Assert.Throws<ArgumentException>(() => new KsgTotalCorrelation().Estimate([Nine])).ParamName);
        Assert.Equal("samples", Assert.Throws<ArgumentException>(() => new KsgTotalCorrelation().Estimate(Nine)).ParamName);
    }

    [Fact]
    public void Ross_EveryLabelOnce_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() => new RossMutualInformation().Estimate(Enumerable.Range(0, 9).ToArray(), Nine));
        Assert.Equal("labels", e.ParamName);
    }

    [Fact]
    public void NonFiniteSpanInput_Throws()
    {
        double[] bad = KnnTestData.Normals(9, 4);
        bad[3] = double.NaN;
        Assert.Throws<ArgumentException>(() => new KsgMutualInformation().Estimate(bad, KnnTestData.Normals(9, 5)));
        Assert.Throws<ArgumentException>(() => new KozachenkoLeonenkoEntropy().Estimate(bad));
    }

    [Fact]
    public void Duplicates_WithoutJitter_GiveDocumentedInfinities()
    {
        // Four equal points: the 3rd-neighbour distance of each is 0, so ln 0 enters (documented).
        double[] withAtom = [.. KnnTestData.Normals(20, 6), 1, 1, 1, 1];
        Assert.Equal(double.NegativeInfinity, new KozachenkoLeonenkoEntropy().Estimate(withAtom).Nats);
        Assert.True(double.IsFinite(new KozachenkoLeonenkoEntropy { Ties = TieHandling.Jitter }.Estimate(withAtom).Nats));
        Assert.Equal(double.PositiveInfinity, new KnnKullbackLeiblerDivergence().Estimate(withAtom, KnnTestData.Normals(30, 7)).Nats);
    }
}
