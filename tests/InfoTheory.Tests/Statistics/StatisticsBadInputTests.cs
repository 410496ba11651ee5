using InfoTheory.Discrete;
using InfoTheory.Statistics;

namespace InfoTheory.Tests.Statistics;

/// <summary>Every bad argument fails before any work with an exception that names the parameter.</summary>
public sealed class StatisticsBadInputTests
{
    private static readonly PlugInMutualInformation Mi = new();
    private static readonly PlugInConditionalMutualInformation Cmi = new();
    private static readonly PlugInEntropy PlugIn = new();
    private static readonly int[] Three = [0, 1, 2];
    private static readonly int[] Two = [0, 1];

    private static string? Name<TException>(Action action)
        where TException : ArgumentException => Assert.Throws<TException>(action).ParamName;

    [Fact]
    public void PermutationTest_BadArguments_NameTheParameter()
    {
        Assert.Equal("y", Name<ArgumentException>(() => PermutationTest.MutualInformation(Mi, Three, Two, 10, 1)));
        Assert.Equal("x", Name<ArgumentException>(() => PermutationTest.MutualInformation(Mi, [], [], 10, 1)));
        Assert.Equal("permutations", Name<ArgumentOutOfRangeException>(() => PermutationTest.MutualInformation(Mi, Three, Three, 0, 1)));
        Assert.Equal("permutations", Name<ArgumentOutOfRangeException>(() => PermutationTest.MutualInformation(Mi, Three, Three, -5, 1)));
        Assert.Equal("maxDegreeOfParallelism", Name<ArgumentOutOfRangeException>(() => PermutationTest.MutualInformation(Mi, Three, Three, 10, 1, 0)));
        Assert.Equal("maxDegreeOfParallelism", Name<ArgumentOutOfRangeException>(() => PermutationTest.MutualInformation(Mi, Three, Three, 10, 1, -2)));
        Assert.Equal("estimator", Name<ArgumentNullException>(() => PermutationTest.MutualInformation<int, int>(null!, Three, Three, 10, 1)));

        // The estimator's own validation runs on the calling thread, unwrapped.
        Assert.Equal("y", Name<ArgumentException>(() => PermutationTest.MutualInformation(Mi, Three, [0, -1, 2], 10, 1)));

        Assert.Equal("z", Name<ArgumentException>(() => PermutationTest.ConditionalMutualInformation(Cmi, Three, Three, Two, 10, 1)));
        Assert.Equal("y", Name<ArgumentException>(() => PermutationTest.ConditionalMutualInformation(Cmi, Three, Two, Three, 10, 1)));
        Assert.Equal("x", Name<ArgumentException>(() => PermutationTest.ConditionalMutualInformation(Cmi, [], [], [], 10, 1)));
        Assert.Equal("permutations", Name<ArgumentOutOfRangeException>(() => PermutationTest.ConditionalMutualInformation(Cmi, Three, Three, Three, 0, 1)));
        Assert.Equal("maxDegreeOfParallelism", Name<ArgumentOutOfRangeException>(() => PermutationTest.ConditionalMutualInformation(Cmi, Three, Three, Three, 1, 1, -3)));
        Assert.Equal("estimator", Name<ArgumentNullException>(() => PermutationTest.ConditionalMutualInformation<int, int>(null!, Three, Three, Three, 10, 1)));
    }

    [Fact]
    public void PermutationTest_MessageSaysWhatWasExpected()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => PermutationTest.MutualInformation(Mi, Three, Three, 0, 1));
        Assert.Contains("at least 1, got 0", e.Message, StringComparison.Ordinal);
        var lengths = Assert.Throws<ArgumentException>(() => PermutationTest.MutualInformation(Mi, Three, Two, 10, 1));
        Assert.Contains("same length", lengths.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ChiSquaredTest_BadArguments_NameTheParameter()
    {
        Assert.Equal("y", Name<ArgumentException>(() => ChiSquaredTest.MutualInformation(Three, Two)));
        Assert.Equal("x", Name<ArgumentException>(() => ChiSquaredTest.MutualInformation([], [])));
        Assert.Equal("x", Name<ArgumentException>(() => ChiSquaredTest.MutualInformation([0, -1, 2], Three)));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(-0.5)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Bootstrap_ConfidenceOutsideOpenUnitInterval_Throws(double confidence)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Bootstrap.Entropy(PlugIn, Three, 10, confidence, 1));
        Assert.Equal("confidence", e.ParamName);
        Assert.Contains("strictly between 0 and 1", e.Message, StringComparison.Ordinal);
        Assert.Equal("confidence", Name<ArgumentOutOfRangeException>(() => Bootstrap.MutualInformation(Mi, Three, Three, 10, confidence, 1)));
        Assert.Equal("confidence", Name<ArgumentOutOfRangeException>(() => Bootstrap.ConditionalMutualInformation(Cmi, Three, Three, Three, 10, confidence, 1)));
    }

    [Fact]
    public void Bootstrap_BadArguments_NameTheParameter()
    {
        Assert.Equal("samples", Name<ArgumentException>(() => Bootstrap.Entropy(PlugIn, [], 10, 0.95, 1)));
        Assert.Equal("resamples", Name<ArgumentOutOfRangeException>(() => Bootstrap.Entropy(PlugIn, Three, 0, 0.95, 1)));
        Assert.Equal("maxDegreeOfParallelism", Name<ArgumentOutOfRangeException>(() => Bootstrap.Entropy(PlugIn, Three, 10, 0.95, 1, 0)));
        Assert.Equal("estimator", Name<ArgumentNullException>(() => Bootstrap.Entropy<int>(null!, Three, 10, 0.95, 1)));
        Assert.Equal("samples", Name<ArgumentException>(() => Bootstrap.Entropy(PlugIn, [0, -1], 10, 0.95, 1)));

        Assert.Equal("y", Name<ArgumentException>(() => Bootstrap.MutualInformation(Mi, Three, Two, 10, 0.95, 1)));
        Assert.Equal("x", Name<ArgumentException>(() => Bootstrap.MutualInformation(Mi, [], [], 10, 0.95, 1)));
        Assert.Equal("resamples", Name<ArgumentOutOfRangeException>(() => Bootstrap.MutualInformation(Mi, Three, Three, -1, 0.95, 1)));
        Assert.Equal("estimator", Name<ArgumentNullException>(() => Bootstrap.MutualInformation<int, int>(null!, Three, Three, 10, 0.95, 1)));

        Assert.Equal("z", Name<ArgumentException>(() => Bootstrap.ConditionalMutualInformation(Cmi, Three, Three, Two, 10, 0.95, 1)));
        Assert.Equal("x", Name<ArgumentException>(() => Bootstrap.ConditionalMutualInformation(Cmi, [], [], [], 10, 0.95, 1)));
        Assert.Equal("resamples", Name<ArgumentOutOfRangeException>(() => Bootstrap.ConditionalMutualInformation(Cmi, Three, Three, Three, 0, 0.95, 1)));
        Assert.Equal("maxDegreeOfParallelism", Name<ArgumentOutOfRangeException>(() => Bootstrap.ConditionalMutualInformation(Cmi, Three, Three, Three, 10, 0.95, 1, -7)));
    }

    [Fact]
    public void BadArguments_FailBeforeTheEstimatorRuns()
    {
        // Settings are checked before the first estimate: a counting estimator must never be called.
        var counting = new CountingEstimator();
        Assert.Throws<ArgumentOutOfRangeException>(() => PermutationTest.MutualInformation(counting, Three, Three, 0, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Bootstrap.MutualInformation(counting, Three, Three, 10, 2.0, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Bootstrap.MutualInformation(counting, Three, Three, 10, 0.9, 1, 0));
        Assert.Equal(0, counting.Calls);
    }

    private sealed class CountingEstimator : IMutualInformationEstimator<int, int>
    {
        private int _calls;

        public int Calls => _calls;

        public Information Estimate(ReadOnlySpan<int> x, ReadOnlySpan<int> y)
        {
            Interlocked.Increment(ref _calls);
            return Information.Zero;
        }
    }
}
