using InfoTheory.Continuous;
using InfoTheory.Statistics;
using InfoTheory.TimeSeries;

namespace InfoTheory.Tests.TimeSeries;

/// <summary>
/// The KSG surrogate test builds the target side's neighbour searches once and shares them between surrogates; every
/// surrogate value, the observed value and the p-value must be the same bits as when each surrogate is a fresh KSG
/// estimate on the permuted embedded data.
/// </summary>
public sealed class TransferEntropySurrogateReuseTests
{
    /// <summary>
    /// Passes every call straight to a KSG estimator. <see cref="TransferEntropy"/> knows only the KSG type itself, so
    /// through this wrapper each surrogate is a fresh <see cref="KsgConditionalMutualInformation.Estimate(SampleMatrix, SampleMatrix, SampleMatrix)"/>
    /// on the embedded present, the moved source past and the condition.
    /// </summary>
    private sealed class FreshEstimates(KsgConditionalMutualInformation ksg) : IMultivariateConditionalMutualInformationEstimator
    {
        private int _calls;

        public int Calls => _calls;

        public Information Estimate(SampleMatrix x, SampleMatrix y, SampleMatrix z)
        {
            Interlocked.Increment(ref _calls);
            return ksg.Estimate(x, y, z);
        }
    }

    private static SampleMatrix[] Trials(double[] values, int trials)
    {
        int length = values.Length / trials;
        return [.. Enumerable.Range(0, trials).Select(t => SampleMatrix.FromRowMajor(values.AsSpan(t * length, length), 1))];
    }

    [Theory]
    [InlineData(TransferEntropySurrogates.PermuteSource, 3, 1, 1, false, 1, -1, 1)]
    [InlineData(TransferEntropySurrogates.PermuteSource, 1, 1, 1, false, 2, 1, 2)]
    [InlineData(TransferEntropySurrogates.CircularShift, 4, 2, 3, false, 1, 2, 3)]
    [InlineData(TransferEntropySurrogates.LocalPermutation, 3, 1, 2, false, 1, -1, 4)]
    [InlineData(TransferEntropySurrogates.PermuteSource, 2, 2, 1, true, 2, -1, 5)]
    [InlineData(TransferEntropySurrogates.LocalPermutation, 5, 1, 1, true, 1, 1, 6)]
    [InlineData(TransferEntropySurrogates.CircularShift, 3, 3, 1, true, 3, -1, 7)]
    public void KsgTest_EverySurrogate_IsTheSameBitsAsAFreshEstimate(TransferEntropySurrogates scheme, int k, int targetHistory, int sourceHistory,
        bool conditional, int trials, int threads, int seed)
    {
        // 900 time steps: the 2-d and larger spaces are above the vectorised scan's limit, so the kept searches are k-d
        // trees, and the 1-d target past (history 1) is the sorted search.
        (double[] x, double[] y) = TimeSeriesData.LinearCoupled(900, 0.5, 0.6, seed);
        (double[] w, _) = TimeSeriesData.LinearCoupled(900, 0.3, 0.4, seed + 100);
        SampleMatrix[] sources = Trials(x, trials), targets = Trials(y, trials);
        SampleMatrix[]? conditionals = conditional ? Trials(w, trials) : null;
        var ksg = new KsgConditionalMutualInformation { K = k, MaxDegreeOfParallelism = threads };
        var fresh = new FreshEstimates(ksg);
        var reused = new TransferEntropy(ksg) { TargetHistory = targetHistory, SourceHistory = sourceHistory };
        var reference = new TransferEntropy(fresh) { TargetHistory = targetHistory, SourceHistory = sourceHistory };
        const int surrogates = 24;

        PermutationTestResult actual = reused.Test(sources, targets, conditionals, surrogates, scheme, seed, threads);
        PermutationTestResult expected = reference.Test(sources, targets, conditionals, surrogates, scheme, seed, threads);

        Assert.Equal(surrogates + 1, fresh.Calls);
        Assert.Equal(BitConverter.DoubleToInt64Bits(expected.Observed.Nats), BitConverter.DoubleToInt64Bits(actual.Observed.Nats));
        Assert.Equal(expected.NullDistribution.ToArray().Select(BitConverter.DoubleToInt64Bits), actual.NullDistribution.ToArray().Select(BitConverter.DoubleToInt64Bits));
        Assert.Equal(expected.PValue, actual.PValue);
        Assert.Equal(reused.Estimate(sources, targets, conditionals).Nats, actual.Observed.Nats);

        // The surrogates differ from one another, so the comparison covers many different moved sources.
        Assert.True(actual.NullDistribution.ToArray().Distinct().Count() > surrogates / 2);
    }

    [Fact]
    public void KsgTest_ThreadCount_DoesNotChangeTheResult()
    {
        (double[] x, double[] y) = TimeSeriesData.LinearCoupled(800, 0.5, 0.6, seed: 11);
        PermutationTestResult Run(int threads) =>
            new TransferEntropy(new KsgConditionalMutualInformation { MaxDegreeOfParallelism = threads })
                .Test([SampleMatrix.FromRowMajor(x, 1)], [SampleMatrix.FromRowMajor(y, 1)], null, 16, TransferEntropySurrogates.PermuteSource, 12, threads);
        PermutationTestResult one = Run(1), two = Run(2), all = Run(-1);
        Assert.Equal(one.NullDistribution.ToArray(), two.NullDistribution.ToArray());
        Assert.Equal(one.NullDistribution.ToArray(), all.NullDistribution.ToArray());
        Assert.Equal(one.PValue, all.PValue);
    }

    [Theory]
    [InlineData(1, 3)]
    [InlineData(-1, 4)]
    public void KsgNetworkInference_IsTheSameBitsAsWithFreshEstimates(int threads, int seed)
    {
        // Target-past selection, source selection, pruning, omnibus and sequential tests all condition many candidates
        // and surrogates on one set; with fresh estimates through the wrapper every value and p-value must be the same.
        SampleMatrix data = NetworkInferenceTests.Var(3, [(0, 1, 1, 0.6), (1, 2, 2, 0.6)], 0.3, 400, seed);
        var ksg = new KsgConditionalMutualInformation { MaxDegreeOfParallelism = threads };
        var fresh = new FreshEstimates(ksg);
        var settings = new NetworkInferenceSettings { MaxLag = 2, Surrogates = 19, Seed = seed, MaxDegreeOfParallelism = threads, Estimator = ksg };
        InferredNetwork actual = NetworkInference.Infer(data, settings);
        InferredNetwork expected = NetworkInference.Infer(data, settings with
        {
            Estimator = fresh,
            UnconditionedEstimator = new KsgMutualInformation { K = ksg.K, Scaling = ksg.Scaling, Ties = ksg.Ties, Seed = ksg.Seed, MaxDegreeOfParallelism = threads },
        });

        Assert.True(fresh.Calls > 0);
        Assert.NotEmpty(actual.Links);
        Assert.Equal(Describe(expected), Describe(actual));
    }

    private static string Describe(InferredNetwork network) => string.Join("\n", network.Targets.Select(t =>
        FormattableString.Invariant($"{t.Target}: {BitConverter.DoubleToInt64Bits(t.TransferEntropy.Nats)} {t.OmnibusPValue:R} ") +
        string.Join(";", t.TargetPast.Concat(t.Sources).Select(s =>
            FormattableString.Invariant($"{s.Process},{s.Lag},{BitConverter.DoubleToInt64Bits(s.ConditionalMutualInformation.Nats)},{s.PValue:R}")))));
}
