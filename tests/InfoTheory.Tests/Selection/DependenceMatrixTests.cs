using InfoTheory.Continuous;
using InfoTheory.Selection;

namespace InfoTheory.Tests.Selection;

public sealed class DependenceMatrixTests
{
    /// <summary>n rows of p columns: column k = ρ_k·z + √(1 − ρ_k²)·e_k for a shared z, so corr(k, l) = ρ_k ρ_l.</summary>
    private static (SampleMatrix Samples, double[] Rho) Factor(int n, int p, int seed)
    {
        double[] rho = [.. Enumerable.Range(0, p).Select(k => 0.9 * (k + 1) / p)];
        (SampleMatrix features, _) = SelectionTestData.CorrelatedWithTarget(n, rho, seed);
        return (features, rho);
    }

    [Fact]
    public void Copula_GaussianData_MatchesClosedForm()
    {
        // One-factor Gaussian: corr(k, l) = ρ_k ρ_l, I = −½ ln(1 − ρ_k² ρ_l²). Delta method: dI/dr = r/(1 − r²) and the
        // correlation's standard deviation is about (1 − r²)/√n, so the estimate's is about |r|/√n ≤ 0.006 nats for
        // |r| ≤ 0.81 at n = 20000 (normal scores of Gaussian data lose almost nothing); 0.025 nats is four of those.
        (SampleMatrix samples, double[] rho) = Factor(20000, 5, seed: 21);
        DependenceMatrixResult m = new DependenceMatrix().Compute(samples);
        for (int i = 0; i < 5; i++)
        {
            for (int j = 0; j < 5; j++)
            {
                if (i != j)
                {
                    double r = rho[i] * rho[j];
                    Assert.Equal(-0.5 * Math.Log(1 - (r * r)), m[i, j], 0.025);
                }
            }
        }
    }

    [Fact]
    public void Copula_EachEntry_EqualsThePairwiseEstimator()
    {
        // Both compute −½ ln(1 − r²) of the normal scores' correlation, here by one dot product and there by log-determinants:
        // they agree to rounding, 1e-12 relative at these sizes.
        (SampleMatrix samples, _) = Factor(700, 6, seed: 2);
        DependenceMatrixResult m = new DependenceMatrix().Compute(samples);
        var copula = new GaussianCopulaMutualInformation();
        for (int i = 0; i < 6; i++)
        {
            for (int j = i + 1; j < 6; j++)
            {
                double expected = copula.Estimate(samples.Column(i), samples.Column(j)).Nats;
                Assert.Equal(expected, m[i, j], 1e-12 * Math.Max(1, expected));
            }
        }
    }

    [Theory]
    [InlineData(DependenceEstimator.GaussianCopula, false)]
    [InlineData(DependenceEstimator.GaussianCopula, true)]
    [InlineData(DependenceEstimator.Ksg, false)]
    [InlineData(DependenceEstimator.PlugIn, true)]
    public void Compute_IsSymmetricAndIndependentOfThreadCount(DependenceEstimator estimator, bool normalize)
    {
        // 70 columns cross the 32-column tiles; 1500 rows cross the 1024-row chunks of the copula sums.
        int p = estimator == DependenceEstimator.Ksg ? 9 : 70;
        (SampleMatrix samples, _) = Factor(estimator == DependenceEstimator.Ksg ? 300 : 1500, p, seed: 9);
        if (estimator == DependenceEstimator.PlugIn)
        {
            samples = SampleMatrix.FromRowMajor([.. samples.Data.ToArray().Select(v => Math.Round(v * 2))], p);
        }

        double[] one = new DependenceMatrix { Estimator = estimator, Normalize = normalize, MaxDegreeOfParallelism = 1 }.Compute(samples).Values.ToArray();
        double[] two = new DependenceMatrix { Estimator = estimator, Normalize = normalize, MaxDegreeOfParallelism = 2 }.Compute(samples).Values.ToArray();
        double[] all = new DependenceMatrix { Estimator = estimator, Normalize = normalize }.Compute(samples).Values.ToArray();
        Assert.Equal(one, two);
        Assert.Equal(one, all);
        for (int i = 0; i < p; i++)
        {
            for (int j = 0; j < p; j++)
            {
                Assert.Equal(one[(i * p) + j], one[(j * p) + i]);
            }
        }
    }

    [Theory]
    [InlineData(DependenceEstimator.GaussianCopula)]
    [InlineData(DependenceEstimator.Ksg)]
    [InlineData(DependenceEstimator.PlugIn)]
    public void ComputeBlock_PiecesEqualTheWhole(DependenceEstimator estimator)
    {
        int p = estimator == DependenceEstimator.Ksg ? 7 : 75;
        (SampleMatrix samples, _) = Factor(estimator == DependenceEstimator.Ksg ? 200 : 1300, p, seed: 13);
        if (estimator == DependenceEstimator.PlugIn)
        {
            samples = SampleMatrix.FromRowMajor([.. samples.Data.ToArray().Select(v => Math.Round(v))], p);
        }

        var matrix = new DependenceMatrix { Estimator = estimator, Normalize = true };
        DependenceMatrixResult whole = matrix.Compute(samples);
        PreparedColumns prepared = matrix.Prepare(samples);
        int cut1 = p / 3, cut2 = (2 * p / 3) + 1;
        Range[] pieces = [0..cut1, cut1..cut2, cut2..];
        int[] starts = [0, cut1, cut2];
        for (int a = 0; a < 3; a++)
        {
            for (int b = 0; b < 3; b++)
            {
                double[,] block = DependenceMatrix.ComputeBlock(prepared, pieces[a], pieces[b], maxDegreeOfParallelism: a + 1);
                for (int i = 0; i < block.GetLength(0); i++)
                {
                    for (int j = 0; j < block.GetLength(1); j++)
                    {
                        Assert.Equal(whole[starts[a] + i, starts[b] + j], block[i, j]);
                    }
                }
            }
        }
    }

    [Theory]
    [InlineData(DependenceEstimator.GaussianCopula)]
    [InlineData(DependenceEstimator.Ksg)]
    [InlineData(DependenceEstimator.PlugIn)]
    public void ComputeBlock_BlocksOfSeveralTilesOnAndAcrossTheDiagonal_EqualTheWhole(DependenceEstimator estimator)
    {
        // 70 columns are 3 tiles of 32: the whole matrix and a diagonal block of 2+ tiles take the path that computes
        // the tiles on and above the block's diagonal and mirrors the rest; an overlapping block that is not square
        // computes every tile. All must equal the whole matrix entry for entry.
        const int p = 70;
        (SampleMatrix samples, _) = Factor(estimator == DependenceEstimator.Ksg ? 150 : 900, p, seed: 29);
        if (estimator == DependenceEstimator.PlugIn)
        {
            samples = SampleMatrix.FromRowMajor([.. samples.Data.ToArray().Select(v => Math.Round(v))], p);
        }

        var matrix = new DependenceMatrix { Estimator = estimator };
        DependenceMatrixResult whole = matrix.Compute(samples);
        PreparedColumns prepared = matrix.Prepare(samples);
        foreach ((Range rows, Range columns, int r0, int c0) in new[] { (.., .., 0, 0), (5..60, 5..60, 5, 5), (10..66, 3..50, 10, 3) })
        {
            double[,] block = DependenceMatrix.ComputeBlock(prepared, rows, columns, maxDegreeOfParallelism: 2);
            for (int i = 0; i < block.GetLength(0); i++)
            {
                for (int j = 0; j < block.GetLength(1); j++)
                {
                    Assert.Equal(whole[r0 + i, c0 + j], block[i, j]);
                }
            }
        }
    }

    [Fact]
    public void PrepareCopula_NonMoving_SameScoresInAHeapTheCollectorDoesNotMove()
    {
        (SampleMatrix samples, _) = Factor(3000, 6, seed: 37);
        var matrix = new DependenceMatrix();
        DependenceMatrix.TwiceRanksReader ranks = (j, destination) => NormalScores.TwiceMidRanks(samples.Column(j), destination);
        PreparedColumns usual = matrix.PrepareCopula(3000, 6, ranks);
        PreparedColumns nonMoving = matrix.PrepareCopula(3000, 6, ranks, nonMoving: true);
        for (int j = 0; j < 6; j++)
        {
            Assert.Equal(usual.Scores[j], nonMoving.Scores[j]);
            Assert.Equal(usual.Constant[j], nonMoving.Constant[j]);
            // The pinned-object heap is collected with generation 2 and reports it from the start (an array allocated
            // as usual starts in generation 0 and reaches 2 only after surviving two collections).
            Assert.Equal(2, GC.GetGeneration(nonMoving.Scores[j]));
        }
    }

    [Fact]
    public void Ksg_EachEntry_EqualsThePairwiseEstimator()
    {
        // Columns are standardised and jittered once exactly as KsgMutualInformation does for each pair, so the entries
        // are the pairwise estimates bit for bit (the columns are distinct).
        (SampleMatrix samples, _) = Factor(400, 4, seed: 31);
        DependenceMatrixResult m = new DependenceMatrix { Estimator = DependenceEstimator.Ksg, K = 4, Seed = 7 }.Compute(samples);
        var ksg = new KsgMutualInformation { K = 4, Seed = 7 };
        for (int i = 0; i < 4; i++)
        {
            Assert.Equal(double.PositiveInfinity, m[i, i]);
            for (int j = i + 1; j < 4; j++)
            {
                Assert.Equal(ksg.Estimate(samples.Column(i), samples.Column(j)).Nats, m[i, j]);
            }
        }
    }

    [Fact]
    public void PlugIn_SmallTable_HandComputedWithEntropyDiagonal()
    {
        // a, b uniform bits over all four combinations twice, c = a XOR b, d = a: every pair of a, b, c is independent
        // (I = 0), I(a; d) = ln 2, each diagonal entry is H = ln 2; normalised, I(a; d)/√(H H) = 1.
        double[,] data = new double[8, 4];
        for (int r = 0; r < 8; r++)
        {
            int a = r & 1, b = (r >> 1) & 1;
            data[r, 0] = a;
            data[r, 1] = b;
            data[r, 2] = a ^ b;
            data[r, 3] = a;
        }

        SampleMatrix samples = SampleMatrix.FromArray(data);
        DependenceMatrixResult m = new DependenceMatrix { Estimator = DependenceEstimator.PlugIn }.Compute(samples, ["a", "b", "c", "d"]);
        double ln2 = Math.Log(2);
        Assert.Equal(["a", "b", "c", "d"], m.Names);
        Assert.Equal(ln2, m[0, 0], 1e-12);
        Assert.Equal(0, m[0, 1], 1e-12);
        Assert.Equal(0, m[1, 2], 1e-12);
        Assert.Equal(ln2, m[0, 3], 1e-12);
        Assert.Equal(ln2 / ln2, m.ToArray(LogBase.Two)[0, 3], 1e-12);
        DependenceMatrixResult normalized = new DependenceMatrix { Estimator = DependenceEstimator.PlugIn, Normalize = true }.Compute(samples);
        Assert.Equal(1, normalized[0, 3], 1e-12);
        Assert.Equal(1, normalized[2, 2], 1e-12);
        Assert.Equal(0, normalized[0, 2], 1e-12);
        Assert.Equal(["#0", "#1", "#2", "#3"], normalized.Names);
    }

    [Fact]
    public void Normalize_Continuous_IsOneMinusExpMinusTwoI_AndConstantColumnsAreZero()
    {
        (SampleMatrix samples, _) = Factor(500, 3, seed: 5);
        SampleMatrix withConstant = SampleMatrix.ConcatenateColumns(samples, SampleMatrix.FromRowMajor(Enumerable.Repeat(4.0, 500).ToArray(), 1));
        DependenceMatrixResult raw = new DependenceMatrix().Compute(withConstant);
        DependenceMatrixResult normalized = new DependenceMatrix { Normalize = true }.Compute(withConstant);
        for (int i = 0; i < 3; i++)
        {
            Assert.Equal(double.PositiveInfinity, raw[i, i]);
            Assert.Equal(1, normalized[i, i]);
            for (int j = 0; j < 3; j++)
            {
                if (i != j)
                {
                    Assert.Equal(1 - Math.Exp(-2 * raw[i, j]), normalized[i, j], 1e-14);
                }
            }

            Assert.Equal(0, raw[i, 3]);
            Assert.Equal(0, normalized[3, i]);
        }

        Assert.Equal(0, raw[3, 3]);
    }

    [Fact]
    public void BadInput_Throws()
    {
        var matrix = new DependenceMatrix();
        SampleMatrix two = SampleMatrix.FromRowMajor([1.0, 2, 3, 4], 2);
        Assert.Throws<ArgumentNullException>("samples", () => matrix.Compute(null!));
        var rows = Assert.Throws<ArgumentException>("samples", () => matrix.Compute(two));
        Assert.Contains("at least 3 rows, got 2", rows.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>("samples", () => new DependenceMatrix { Estimator = DependenceEstimator.Ksg }.Compute(SampleMatrix.FromRowMajor([1.0, 2, 3, 4, 5, 6], 2)));
        // 46 341 columns make more than 2³¹ cells: refused before any column is prepared, naming the samples.
        var cells = Assert.Throws<ArgumentException>("samples", () => matrix.Compute(SampleMatrix.FromRowMajor(new double[3 * 46_341], 46_341)));
        Assert.Contains("do not fit one array", cells.Message, StringComparison.Ordinal);
        var names = Assert.Throws<ArgumentException>("names", () => matrix.Compute(SampleMatrix.FromRowMajor([1.0, 2, 3, 4, 5, 6], 2), ["only"]));
        Assert.Contains("1 entries but samples has 2 columns", names.Message, StringComparison.Ordinal);
        PreparedColumns prepared = matrix.Prepare(SampleMatrix.FromRowMajor([1.0, 2, 3, 4, 5, 7], 2));
        Assert.Throws<ArgumentNullException>("prepared", () => DependenceMatrix.ComputeBlock(null!, 0..1, 0..1));
        var range = Assert.Throws<ArgumentOutOfRangeException>("columns", () => DependenceMatrix.ComputeBlock(prepared, 0..1, 1..3));
        Assert.Contains("not a range within [0, 2)", range.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>("maxDegreeOfParallelism", () => DependenceMatrix.ComputeBlock(prepared, 0..1, 0..1, 0));
        Assert.Throws<ArgumentOutOfRangeException>("Estimator", () => new DependenceMatrix { Estimator = (DependenceEstimator)9 });
        Assert.Throws<ArgumentOutOfRangeException>("K", () => new DependenceMatrix { K = 0 });
        Assert.Throws<ArgumentOutOfRangeException>("MaxDegreeOfParallelism", () => new DependenceMatrix { MaxDegreeOfParallelism = -2 });
        Assert.Throws<ArgumentOutOfRangeException>("logBase", () => new DependenceMatrix().Compute(SampleMatrix.FromRowMajor([1.0, 2, 3, 4, 5, 7], 2)).ToArray((LogBase)5));
    }

    [Fact]
    public void NormalScores_TableLookup_SameBitsAsDirect()
    {
        // The matrix looks scores up in a table of every mid-rank; with ties (rounded values) and without.
        foreach (int n in new[] { 1, 2, 7, 1000 })
        {
            double[] values = SelectionTestData.Normals(n, n);
            double[] tied = [.. values.Select(v => Math.Round(v * 3))];
            foreach (double[] column in new[] { values, tied })
            {
                double[] direct = new double[n];
                int[] twice = new int[n];
                NormalScores.Transform(column, direct);
                NormalScores.TwiceMidRanks(column, twice);
                // The table is built for each n in turn (the last one is kept), so this also checks the kept table is the right one.
                double[] table = NormalScores.ScoreTable(n);
                Assert.Equal(direct, twice.Select(t => table[t]));
            }
        }
    }

    [Fact]
    public void TwiceMidRanks_HandComputed()
    {
        // Ranks of (3, 1, 2, 2, −0, +0): 0 and −0 are one value (ranks 1 and 2, mid-rank 1.5), 1 → 3, the two 2s share
        // ranks 4 and 5 (4.5), 3 → 6; twice those: 12, 6, 9, 9, 3, 3.
        int[] twice = new int[6];
        NormalScores.TwiceMidRanks([3.0, 1, 2, 2, -0.0, 0.0], twice);
        Assert.Equal([12, 6, 9, 9, 3, 3], twice);
        Assert.Throws<ArgumentException>("values", () => NormalScores.TwiceMidRanks([1.0, double.NaN], new int[2]));
        Assert.Throws<ArgumentException>("destination", () => NormalScores.TwiceMidRanks([1.0, 2.0], new int[3]));
    }
}
