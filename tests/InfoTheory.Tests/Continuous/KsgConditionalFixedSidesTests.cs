using InfoTheory.Continuous;
using InfoTheory.Continuous.Internal;

namespace InfoTheory.Tests.Continuous;

/// <summary>
/// The Y-independent part of the Frenzel-Pompe estimate, kept across estimates that change only Y (the surrogates of a
/// transfer-entropy test): each estimate must be the same bits as a fresh estimate, and match the brute-force
/// reference formula.
/// </summary>
public sealed class KsgConditionalFixedSidesTests
{
    private static readonly double[] Shared = KnnTestData.Normals(300, 900);

    /// <summary>Y values that share nothing with the observed Y, a row permutation of it, and its reversal.</summary>
    private static IEnumerable<SampleMatrix> OtherYs(SampleMatrix y, int seed, double[] shared)
    {
        yield return KnnTestData.Dependent(y.Rows, y.Columns, seed, shared);
        int[] order = [.. Enumerable.Range(0, y.Rows)];
        new Random(seed).Shuffle(order);
        yield return KnnSamples.SelectRows(y, order);
        yield return KnnSamples.SelectRows(y, [.. Enumerable.Range(0, y.Rows).Reverse()]);
    }

    [Theory]
    [InlineData(1, 1, 1, 1)]
    [InlineData(3, 1, 1, 1)]
    [InlineData(3, 2, 1, 3)]
    [InlineData(4, 1, 3, 2)]
    [InlineData(2, 2, 2, 2)]
    public void Estimate_ScalingAndTiesOff_MatchesReference_ForEverySearchMethod(int k, int dx, int dy, int dz)
    {
        // 300 rows: above the vectorised scan's limit for 2 and 3 columns (252 and 366 points), so Automatic uses the
        // k-d tree in the 2-d spaces; the reference is the O(n²) formula written out, tolerance 1e-12 as in KnnExactnessTests.
        const int n = 300;
        SampleMatrix x = KnnTestData.Dependent(n, dx, 21, Shared), y = KnnTestData.Dependent(n, dy, 22, Shared), z = KnnTestData.Dependent(n, dz, 23, Shared);
        foreach (SampleMatrix other in OtherYs(y, 24 + k, Shared))
        {
            double expected = KnnReference.ConditionalMutualInformation(x, other, z, k);
            KnnTestData.AllMatch(expected, KnnTestData.ForEachMethod(m =>
            {
                var estimator = new KsgConditionalMutualInformation { K = k, Scaling = SampleScaling.None, Ties = TieHandling.None, SearchMethod = m };
                double kept = new KsgConditionalFixedSides(estimator, x, y, z).Estimate(other).Nats;
                Assert.Equal(BitConverter.DoubleToInt64Bits(estimator.Estimate(x, other, z).Nats), BitConverter.DoubleToInt64Bits(kept));
                return kept;
            }));
        }
    }

    [Theory]
    [InlineData(1, 1, 1, 1, 1)]
    [InlineData(3, 1, 2, 1, -1)]
    [InlineData(3, 2, 1, 3, 2)]
    [InlineData(5, 1, 1, 2, -1)]
    public void Estimate_DefaultPreparation_IsTheSameBitsAsAFreshEstimate(int k, int dx, int dy, int dz, int threads)
    {
        // Default settings: standardised and jittered, so the preparation runs on every estimate; 1500 rows put every
        // multi-column space on the k-d tree and the 1-d ones on the sorted search.
        const int n = 1500;
        double[] shared = KnnTestData.Normals(n, 31);
        SampleMatrix x = KnnTestData.Dependent(n, dx, 32, shared), y = KnnTestData.Dependent(n, dy, 33, shared), z = KnnTestData.Dependent(n, dz, 34, shared);
        var estimator = new KsgConditionalMutualInformation { K = k, MaxDegreeOfParallelism = threads };
        var fixedSides = new KsgConditionalFixedSides(estimator, x, y, z);
        Assert.Equal(estimator.Estimate(x, y, z).Nats, fixedSides.Estimate(y).Nats);
        int seed = 40;
        foreach (SampleMatrix other in OtherYs(y, seed, shared).Concat(OtherYs(KnnTestData.Independent(n, dy, 35), seed + 1, shared)))
        {
            double fresh = estimator.Estimate(x, other, z).Nats;
            Assert.Equal(BitConverter.DoubleToInt64Bits(fresh), BitConverter.DoubleToInt64Bits(fixedSides.Estimate(other).Nats));
        }
    }

    [Fact]
    public void Estimate_YRepeatsTheConditionsValues_StillMatchesAFreshEstimate()
    {
        // The jitter stream of a column is keyed by its values and their occurrence among the variables, so a Y equal to
        // Z changes Z's jitter: the kept searches no longer index Z's prepared points and must not be used.
        const int n = 400;
        SampleMatrix x = KnnTestData.Dependent(n, 1, 51, KnnTestData.Normals(n, 50)), y = KnnTestData.Independent(n, 1, 52), z = KnnTestData.Independent(n, 1, 53);
        var estimator = new KsgConditionalMutualInformation();
        SampleMatrix zCopy = SampleMatrix.FromRowMajor(z.Data.ToArray(), 1);
        SampleMatrix[] observed = KnnSamples.Prepare([x, y, z], estimator.Scaling, estimator.Ties, estimator.Seed);
        SampleMatrix[] repeated = KnnSamples.Prepare([x, zCopy, z], estimator.Scaling, estimator.Ties, estimator.Seed);
        Assert.NotEqual(observed[2].Data.ToArray(), repeated[2].Data.ToArray());

        var fixedSides = new KsgConditionalFixedSides(estimator, x, y, z);
        foreach (SampleMatrix other in new[] { zCopy, SampleMatrix.FromRowMajor(x.Data.ToArray(), 1) })
        {
            Assert.Equal(BitConverter.DoubleToInt64Bits(estimator.Estimate(x, other, z).Nats), BitConverter.DoubleToInt64Bits(fixedSides.Estimate(other).Nats));
        }
    }

    [Fact]
    public void Estimate_UnscaledDataOutOfRange_StillMatchesAFreshEstimate()
    {
        // Without scaling, values beyond 2^±400 make the preparation multiply every variable by one power of two chosen
        // from all of them; a Y of magnitude 1e300 changes that power, and with it the prepared X and Z.
        const int n = 300;
        SampleMatrix x = KnnTestData.Dependent(n, 1, 61, Shared), y = KnnTestData.Dependent(n, 1, 62, Shared), z = KnnTestData.Dependent(n, 2, 63, Shared);
        var estimator = new KsgConditionalMutualInformation { Scaling = SampleScaling.None };
        var fixedSides = new KsgConditionalFixedSides(estimator, x, y, z);
        SampleMatrix huge = KnnTestData.Map(y, v => v * 1e300);
        double fresh = estimator.Estimate(x, huge, z).Nats;
        Assert.Equal(BitConverter.DoubleToInt64Bits(fresh), BitConverter.DoubleToInt64Bits(fixedSides.Estimate(huge).Nats));
        Assert.Equal(estimator.Estimate(x, y, z).Nats, fixedSides.Estimate(y).Nats);
    }

    [Fact]
    public void BadInput_NamesTheParameter()
    {
        SampleMatrix a = KnnTestData.Independent(20, 1, 1), b = KnnTestData.Independent(20, 1, 2), shorter = KnnTestData.Independent(19, 1, 3);
        var estimator = new KsgConditionalMutualInformation();
        Assert.Equal("estimator", Assert.Throws<ArgumentNullException>(() => new KsgConditionalFixedSides(null!, a, b, a)).ParamName);
        Assert.Equal("y", Assert.Throws<ArgumentException>(() => new KsgConditionalFixedSides(estimator, a, shorter, b)).ParamName);
        Assert.Equal("y", Assert.Throws<ArgumentException>(() => new KsgConditionalFixedSides(estimator, a, b, a).Estimate(shorter)).ParamName);
        Assert.Equal("x", Assert.Throws<ArgumentException>(() => new KsgConditionalFixedSides(new KsgConditionalMutualInformation { K = 20 }, a, b, a)).ParamName);
    }
}
