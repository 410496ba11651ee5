using InfoTheory.Continuous;
using InfoTheory.Internal;
using InfoTheory.TimeSeries;
using InfoTheory.TimeSeries.Internal;

namespace InfoTheory.Tests.TimeSeries;

/// <summary>Local-permutation surrogates (Runge 2018) for transfer entropy.</summary>
public sealed class LocalPermutationTests
{
    /// <summary>
    /// Y is AR(1); X is Y's present plus small noise ν (scale 0.05); Y's next value receives β ν. So X's past is almost
    /// a copy of the condition Y_{t−1}, and T(X → Y) = I(Y_t; ν_{t−1} | Y_{t−1}) = ½ ln(1 + β²) (unit innovations).
    /// </summary>
    private static (double[] X, double[] Y) NoisyCopy(int n, double beta, int seed)
    {
        var random = new Random(seed);
        double[] x = new double[n], y = new double[n];
        double previous = 0, nu = 0;
        for (int t = 0; t < n; t++)
        {
            previous = (0.8 * previous) + (beta * nu) + Normal(random);
            y[t] = previous;
            nu = Normal(random);
            x[t] = y[t] + (0.05 * nu);
        }

        return (x, y);
    }

    private static int Rejections(TransferEntropySurrogates scheme, double beta)
    {
        var te = new TransferEntropy(new KsgConditionalMutualInformation());
        int rejected = 0;
        for (int r = 0; r < 12; r++)
        {
            (double[] x, double[] y) = NoisyCopy(1000, beta, 100 + r);
            rejected += te.Test(x, y, 49, scheme, seed: r).PValue <= 0.05 ? 1 : 0;
        }

        return rejected;
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void NullOfConditionalIndependence_RejectedAtAboutAlpha()
    {
        // β = 0: T = 0 exactly. At α = 0.05 over 12 independent data sets the rejections are Binomial(12, 0.05) if the
        // test is calibrated: P(≥ 3) = 0.02. Measured: 0 of 12 (global permutation: 0 of 12, but with mean p 0.99,
        // the sign of a null that sits far from the observed value).
        Assert.InRange(Rejections(TransferEntropySurrogates.LocalPermutation, 0), 0, 2);
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void CouplingThroughTheNoise_FoundByLocalNotByGlobalPermutation()
    {
        // β = 0.5: T = ½ ln 1.25 = 0.112 nats. KSG is biased low when the source nearly repeats the condition; permuting
        // the whole source removes that redundancy and the bias with it, so the surrogates sit above the observed value
        // and the coupling is missed. Local permutation keeps the redundancy in the surrogates. Measured over these 12
        // data sets: local 10 rejections, global 0 (mean p 0.06 against 0.75).
        Assert.True(Rejections(TransferEntropySurrogates.LocalPermutation, 0.5) >= 7);
        Assert.True(Rejections(TransferEntropySurrogates.PermuteSource, 0.5) <= 2);
    }

    [Fact]
    public void Draw_TakesFromTheNeighbourhood_AndIsAPermutationWhenItCan()
    {
        // 1-D condition on a line: neighbourhoods of 3 (self and the two nearest). Every row takes a row of its own
        // neighbourhood; with the whole row set as neighbourhood the draw is a permutation (no repeats).
        double[] z = [.. Enumerable.Range(0, 40).Select(i => (double)i * i)];
        SampleMatrix condition = SampleMatrix.FromRowMajor(z, 1);
        int[] lists = LocalPermutation.Neighborhoods(condition, 3, 1);
        Assert.Equal(40 * 3, lists.Length);
        for (int i = 0; i < 40; i++)
        {
            Assert.Equal(i, lists[i * 3]);
        }

        Assert.Equal([0, 2], lists.AsSpan(3 + 1, 2).ToArray().Order().ToArray()); // row 1 (z = 1): rows 0 (z = 0, 1 away) and 2 (z = 4, 3 away)
        var random = new StreamRandom(4, 0);
        int[] from = LocalPermutation.Draw(lists, 40, ref random);
        for (int i = 0; i < 40; i++)
        {
            Assert.Contains(from[i], lists.AsSpan(i * 3, 3).ToArray());
        }

        int[] everything = LocalPermutation.Neighborhoods(condition, 40, 1);
        var again = new StreamRandom(4, 1);
        int[] permutation = LocalPermutation.Draw(everything, 40, ref again);
        Assert.Equal(Enumerable.Range(0, 40), permutation.Order());
    }

    [Fact]
    public void Test_LocalPermutation_SeedReproducible_AndThreadCountFree()
    {
        (double[] x, double[] y) = NoisyCopy(300, 0.3, 9);
        var te = new TransferEntropy(new KsgConditionalMutualInformation()) { LocalPermutationNeighbors = 7 };
        SampleMatrix sx = SampleMatrix.FromRowMajor(x, 1), sy = SampleMatrix.FromRowMajor(y, 1);
        var one = te.Test([sx], [sy], null, 20, TransferEntropySurrogates.LocalPermutation, seed: 3, maxDegreeOfParallelism: 1);
        var two = te.Test([sx], [sy], null, 20, TransferEntropySurrogates.LocalPermutation, seed: 3, maxDegreeOfParallelism: 2);
        Assert.Equal(one.NullDistribution.ToArray(), two.NullDistribution.ToArray());
        Assert.Throws<ArgumentOutOfRangeException>("LocalPermutationNeighbors", () => new TransferEntropy(new KsgConditionalMutualInformation()) { LocalPermutationNeighbors = 1 });
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
