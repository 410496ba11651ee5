using InfoTheory.Continuous;
using InfoTheory.Selection;

namespace InfoTheory.Tests.Selection;

public sealed class FeatureSelectionTests
{
    private static readonly double Ln2 = Math.Log(2);

    /// <summary>h(q) = −q ln q − (1 − q) ln(1 − q), the binary entropy in nats.</summary>
    private static double BinaryEntropy(double q) => -(q * Math.Log(q)) - ((1 - q) * Math.Log(1 - q));

    /// <summary>
    /// y = x1 XOR x2 over every combination of (x1, x2, x4) once per repeat; x3 is a copy of x1, x4 is noise.
    /// Every marginal I(x_k; y) is exactly 0; I(x1; x2 | y) = ln 2; I(x1; x3) = I(x1; x3 | y) = ln 2.
    /// </summary>
    private static (int[][] Features, int[] Target) Xor()
    {
        var x1 = new List<int>();
        var x2 = new List<int>();
        var x4 = new List<int>();
        for (int repeat = 0; repeat < 5; repeat++)
        {
            for (int code = 0; code < 8; code++)
            {
                x1.Add(code & 1);
                x2.Add((code >> 1) & 1);
                x4.Add((code >> 2) & 1);
            }
        }

        int[] y = [.. x1.Zip(x2, (a, b) => a ^ b)];
        return ([[.. x1], [.. x2], [.. x1], [.. x4]], y);
    }

    /// <summary>
    /// y = 2·y1 + y2 over every combination of (y1, y2, u ∈ 0..3, c) once. Features: a = y1 (I = ln 2), a' = a copy of a,
    /// b = y2 flipped when u = 0 (I = ln 2 − h(1/4)), c independent (I = 0). a, b and c are pairwise independent.
    /// </summary>
    private static (int[][] Features, int[] Target) Redundant()
    {
        var a = new List<int>();
        var b = new List<int>();
        var c = new List<int>();
        var y = new List<int>();
        for (int y1 = 0; y1 < 2; y1++)
        {
            for (int y2 = 0; y2 < 2; y2++)
            {
                for (int u = 0; u < 4; u++)
                {
                    for (int noise = 0; noise < 2; noise++)
                    {
                        a.Add(y1);
                        b.Add(u == 0 ? 1 - y2 : y2);
                        c.Add(noise);
                        y.Add((2 * y1) + y2);
                    }
                }
            }
        }

        return ([[.. a], [.. a], [.. b], [.. c]], [.. y]);
    }

    [Theory]
    [InlineData(SelectionCriterion.Jmi)]
    [InlineData(SelectionCriterion.Cmim)]
    [InlineData(SelectionCriterion.Cife)]
    public void Select_Xor_PicksThePartnerNotTheCopy(SelectionCriterion criterion)
    {
        // Step 1: every relevance is 0, so the tie goes to column 0 (x1). Step 2: x2 scores 0 − (0 − ln 2) = ln 2,
        // the copy x3 scores 0 − (ln 2 − ln 2) = 0, the noise x4 scores 0.
        (int[][] features, int[] y) = Xor();
        FeatureSelectionResult result = new FeatureSelection { Criterion = criterion }.Select(features, y, 2);
        Assert.Equal([0, 1], result.Order);
        Assert.Equal(0, result.Steps[0].Score.Nats, 1e-12);
        Assert.Equal(Ln2, result.Steps[1].Score.Nats, 1e-12);
        Assert.Equal(0, result.Steps[1].Relevance.Nats, 1e-12);
        Assert.Equal(criterion, result.Criterion);
    }

    [Fact]
    public void Select_Mim_RanksByRelevance()
    {
        (int[][] features, int[] y) = Redundant();
        FeatureSelectionResult result = new FeatureSelection { Criterion = SelectionCriterion.Mim }.Select(features, y, 4);
        Assert.Equal([0, 1, 2, 3], result.Order);
        double[] expected = [Ln2, Ln2, Ln2 - BinaryEntropy(0.25), 0];
        for (int s = 0; s < 4; s++)
        {
            Assert.Equal(expected[s], result.Steps[s].Score.Nats, 1e-12);
            Assert.Equal(expected[s], result.Steps[s].Relevance.Nats, 1e-12);
        }
    }

    [Fact]
    public void Select_Mrmr_SkipsTheCopyUntilItsRedundancyIsShared()
    {
        // Step 2: a' scores ln 2 − ln 2 = 0, b scores (ln 2 − h(¼)) − 0, c scores 0 → b.
        // Step 3: a' scores ln 2 − (ln 2 + 0)/2 = ln 2 / 2, c scores 0 → a'. Step 4: c scores 0 − 0/3.
        (int[][] features, int[] y) = Redundant();
        FeatureSelectionResult result = new FeatureSelection { Criterion = SelectionCriterion.Mrmr }.Select(features, y, 4);
        Assert.Equal([0, 2, 1, 3], result.Order);
        double[] expected = [Ln2, Ln2 - BinaryEntropy(0.25), Ln2 / 2, 0];
        for (int s = 0; s < 4; s++)
        {
            Assert.Equal(expected[s], result.Steps[s].Score.Nats, 1e-12);
        }
    }

    [Fact]
    public void Select_Mifs_BetaWeighsTheSummedRedundancy()
    {
        // β = 0.25: step 2 a' scores ln 2 − ¼ ln 2 = ¾ ln 2 > b's ln 2 − h(¼) ≈ 0.131, so the copy is taken.
        (int[][] features, int[] y) = Redundant();
        FeatureSelectionResult result = new FeatureSelection { Criterion = SelectionCriterion.Mifs, Beta = 0.25 }.Select(features, y, 2);
        Assert.Equal([0, 1], result.Order);
        Assert.Equal(0.75 * Ln2, result.Steps[1].Score.Nats, 1e-12);
    }

    [Theory]
    [InlineData(SelectionCriterion.Mim)]
    [InlineData(SelectionCriterion.Mifs)]
    [InlineData(SelectionCriterion.Mrmr)]
    [InlineData(SelectionCriterion.Jmi)]
    [InlineData(SelectionCriterion.Cife)]
    [InlineData(SelectionCriterion.Cmim)]
    public void Select_RandomData_AgreesWithAStraightforwardGreedy(SelectionCriterion criterion)
    {
        var random = new Random(17);
        int n = 300, p = 7;
        int[] y = [.. Enumerable.Range(0, n).Select(_ => random.Next(3))];
        int[][] features = new int[p][];
        for (int k = 0; k < p; k++)
        {
            int alphabet = 2 + (k % 3);
            // Each feature copies y with probability k/10, else a random symbol; negative symbols are allowed.
            features[k] = [.. y.Select(v => random.NextDouble() < k / 10.0 ? v - 1 : random.Next(alphabet) - 1)];
        }

        FeatureSelectionResult result = new FeatureSelection { Criterion = criterion, Beta = 0.5 }.Select(features, y, p);
        (int[] order, double[] scores) = ReferenceGreedy(features, y, p, criterion, beta: 0.5);
        Assert.Equal(order, result.Order);
        for (int s = 0; s < p; s++)
        {
            // Sums of a few MI terms each accurate to ~1e-15: 1e-10 leaves room for the different summation orders.
            Assert.Equal(scores[s], result.Steps[s].Score.Nats, 1e-10);
        }
    }

    /// <summary>The criteria written out directly (Brown et al. 2012, table 1), with CMIM as min_j I(X_k;Y|X_j).</summary>
    private static (int[] Order, double[] Scores) ReferenceGreedy(int[][] x, int[] y, int count, SelectionCriterion criterion, double beta)
    {
        var selected = new List<int>();
        var scores = new List<double>();
        for (int step = 0; step < count; step++)
        {
            int best = -1;
            double bestScore = double.NegativeInfinity;
            for (int k = 0; k < x.Length; k++)
            {
                if (selected.Contains(k))
                {
                    continue;
                }

                double relevance = SelectionTestData.PlugInMi(x[k], y);
                double red = selected.Sum(j => SelectionTestData.PlugInMi(x[j], x[k]));
                double cond = selected.Sum(j => SelectionTestData.PlugInCmi(x[j], x[k], y));
                int m = selected.Count;
                double score = m == 0 ? relevance : criterion switch
                {
                    SelectionCriterion.Mim => relevance,
                    SelectionCriterion.Mifs => relevance - (beta * red),
                    SelectionCriterion.Mrmr => relevance - (red / m),
                    SelectionCriterion.Jmi => relevance - ((red - cond) / m),
                    SelectionCriterion.Cife => relevance - red + cond,
                    _ => selected.Min(j => SelectionTestData.PlugInCmi(x[k], y, x[j])),
                };
                // Candidates within 1e-12 count as tied and go to the lowest index, as in the library.
                if (best < 0 || score > bestScore + 1e-12)
                {
                    best = k;
                    bestScore = score;
                }
            }

            selected.Add(best);
            scores.Add(bestScore);
        }

        return ([.. selected], [.. scores]);
    }

    [Fact]
    public void Select_AnyThreadCount_SameBits()
    {
        var random = new Random(3);
        int[] y = [.. Enumerable.Range(0, 200).Select(_ => random.Next(2))];
        int[][] features = [.. Enumerable.Range(0, 12).Select(k => y.Select(v => random.NextDouble() < 0.3 ? v : random.Next(3)).ToArray())];
        FeatureSelectionResult one = new FeatureSelection { Criterion = SelectionCriterion.Jmi, MaxDegreeOfParallelism = 1 }.Select(features, y, 6);
        FeatureSelectionResult many = new FeatureSelection { Criterion = SelectionCriterion.Jmi, MaxDegreeOfParallelism = -1 }.Select(features, y, 6);
        Assert.Equal(one.Steps, many.Steps);
    }

    [Fact]
    public void Select_MatrixWithBinning_FindsTheInformativeColumn()
    {
        // Column 1 carries the class (its sign), columns 0 and 2 are noise; four equal-frequency bins keep the sign.
        double[] noise0 = SelectionTestData.Normals(400, 1), noise2 = SelectionTestData.Normals(400, 2), z = SelectionTestData.Normals(400, 3);
        int[] y = [.. z.Select(v => v > 0 ? 1 : 0)];
        double[] data = new double[400 * 3];
        for (int i = 0; i < 400; i++)
        {
            data[3 * i] = noise0[i];
            data[(3 * i) + 1] = z[i] * 5;
            data[(3 * i) + 2] = noise2[i];
        }

        SampleMatrix matrix = SampleMatrix.FromRowMajor(data, 3);
        FeatureSelectionResult binned = new FeatureSelection().Select(matrix, y, 2, new EqualFrequencyBinning(4) { Scope = BinningScope.PerColumn });
        Assert.Equal(1, binned.Order[0]);
        // The middle edge is the column's median, within about 0.06 of 0 at n = 400, so a few per cent of the rows sit in
        // a bin of the other sign: I(bin; y) is ln 2 less about h(0.03) ≈ 0.13 at most. The noise columns' plug-in MI with
        // 4 × 2 cells is about 3/(2n) ≈ 0.004 (Miller 1955), far below.
        Assert.True(binned.Steps[0].Relevance.Nats > 0.5, $"{binned.Steps[0].Relevance.Nats}");
        Assert.True(binned.Steps[1].Relevance.Nats < 0.05, $"{binned.Steps[1].Relevance.Nats}");

        // Without binning each value is a symbol: the int[][] overload on the same codes gives the same steps.
        SampleMatrix small = SampleMatrix.FromRowMajor([0.0, 1, 1, 0, 2, 1, 0, 1, 1, 1], 2);
        int[] ys = [0, 1, 0, 1, 1];
        Assert.Equal(
            new FeatureSelection().Select([[0, 1, 2, 0, 1], [1, 0, 1, 1, 1]], ys, 2).Steps,
            new FeatureSelection().Select(small, ys, 2).Steps);
    }

    [Fact]
    public void Select_BadInput_Throws()
    {
        var selection = new FeatureSelection();
        int[] y = [0, 1, 0];
        Assert.Throws<ArgumentNullException>("features", () => selection.Select((IReadOnlyList<int[]>)null!, y, 1));
        Assert.Throws<ArgumentException>("features", () => selection.Select(Array.Empty<int[]>(), y, 1));
        Assert.Throws<ArgumentNullException>("features", () => selection.Select([[0, 1, 0], null!], y, 1));
        var length = Assert.Throws<ArgumentException>("features", () => selection.Select([[0, 1, 0], [1, 1]], y, 1));
        Assert.Contains("features[1] has 2 values but target has 3", length.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>("target", () => selection.Select([[0, 1, 0]], [], 1));
        var count = Assert.Throws<ArgumentOutOfRangeException>("count", () => selection.Select([[0, 1, 0]], y, 2));
        Assert.Contains("between 1 and the number of features, 1, got 2", count.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>("count", () => selection.Select([[0, 1, 0]], y, 0));
        Assert.Throws<ArgumentException>("target", () => selection.Select(SampleMatrix.FromRowMajor([1.0, 2], 1), y, 1));
        Assert.Throws<ArgumentOutOfRangeException>("Beta", () => new FeatureSelection { Beta = -1 });
        Assert.Throws<ArgumentOutOfRangeException>("Beta", () => new FeatureSelection { Beta = double.NaN });
        Assert.Throws<ArgumentOutOfRangeException>("Criterion", () => new FeatureSelection { Criterion = (SelectionCriterion)42 });
    }
}
