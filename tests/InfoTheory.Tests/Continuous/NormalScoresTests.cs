using InfoTheory.Continuous;
using MathNet.Numerics.Distributions;

namespace InfoTheory.Tests.Continuous;

public sealed class NormalScoresTests
{
    // Standard normal quantiles from tables (Abramowitz & Stegun 1964, table 26.5), to 16 digits:
    // Φ⁻¹(0.75) = 0.6744897501960817, Φ⁻¹(0.7) = 0.5244005127080407, Φ⁻¹(0.9) = 1.2815515655446004.
    private const double Q75 = 0.6744897501960817;
    private const double Q70 = 0.5244005127080407;
    private const double Q90 = 1.2815515655446004;

    private static double[] Scores(params double[] values)
    {
        double[] destination = new double[values.Length];
        NormalScores.Transform(values, destination);
        return destination;
    }

    private static SampleMatrix RandomMatrix(int n, int d, int seed)
    {
        double[] data = new double[n * d];
        Normal.Samples(new Random(seed), data, 0, 1);
        return SampleMatrix.FromRowMajor(data, d);
    }

    [Fact]
    public void Transform_ThreeDistinctValues_AreQuartileQuantiles()
    {
        // Ranks 2, 3, 1 of n = 3 → p = r / (n + 1) = 0.5, 0.75, 0.25.
        double[] scores = Scores(0.3, 7.0, -2.0);
        Assert.Equal(0.0, scores[0], 1e-15);
        Assert.Equal(Q75, scores[1], 1e-13);
        Assert.Equal(-Q75, scores[2], 1e-13);
    }

    [Fact]
    public void Transform_NineValues_ExtremesAreDecileQuantiles()
    {
        // n = 9: the smallest has p = 1/10, the largest 9/10, the median 5/10.
        double[] scores = Scores(5, 1, 9, 2, 8, 3, 7, 4, 6);
        Assert.Equal(-Q90, scores[1], 1e-13);
        Assert.Equal(Q90, scores[2], 1e-13);
        Assert.Equal(0.0, scores[0], 1e-15);
    }

    [Fact]
    public void Transform_Ties_GetTheMidRank()
    {
        // Sorted: 1 (rank 1), 3 (rank 2), 5, 5 (ranks 3 and 4, mid-rank 3.5): p = 3.5 / 5 = 0.7 for both fives.
        double[] scores = Scores(5, 1, 5, 3);
        Assert.Equal(scores[0], scores[2]);
        Assert.Equal(Q70, scores[0], 1e-13);
        Assert.Equal(Normal.InvCDF(0, 1, 0.2), scores[1], 1e-14);
        Assert.Equal(Normal.InvCDF(0, 1, 0.4), scores[3], 1e-14);
    }

    [Fact]
    public void Transform_AllTied_MidRankIsTheMedian_SoScoresAreZero()
    {
        Assert.All(Scores(2.5, 2.5, 2.5, 2.5, 2.5), s => Assert.Equal(0.0, s));
        Assert.All(Scores(-1), s => Assert.Equal(0.0, s));
    }

    [Fact]
    public void Transform_ConstantColumn_MapsToZeros_OtherColumnsUnaffected()
    {
        SampleMatrix m = SampleMatrix.FromRows([[4, 1], [4, 3], [4, 2]]);
        SampleMatrix s = NormalScores.Transform(m);
        Assert.All(s.Column(0), v => Assert.Equal(0.0, v));
        Assert.Equal(-Q75, s[0, 1], 1e-13);
        Assert.Equal(Q75, s[1, 1], 1e-13);
        Assert.Equal(0.0, s[2, 1], 1e-15);
    }

    [Fact]
    public void Transform_PositiveAndNegativeZero_AreTied()
    {
        // −0.0 == +0.0, so they share a mid-rank; a strictly increasing map cannot separate them either.
        double[] scores = Scores(-0.0, 1.0, 0.0);
        Assert.Equal(scores[0], scores[2]);
    }

    [Fact]
    public void Transform_StrictlyIncreasingMaps_GiveIdenticalScores()
    {
        // Ranks are all the transform uses, so any strictly increasing map of a column gives the same bits.
        SampleMatrix m = RandomMatrix(500, 3, 41);
        double[] data = m.Data.ToArray();
        double[] mapped = new double[data.Length];
        for (int i = 0; i < data.Length; i++)
        {
            mapped[i] = (i % 3) switch
            {
                0 => Math.Exp(data[i]),
                1 => data[i] * data[i] * data[i],
                _ => (3 * data[i]) + 100,
            };
        }

        SampleMatrix expected = NormalScores.Transform(m);
        SampleMatrix actual = NormalScores.Transform(SampleMatrix.FromRowMajor(mapped, 3));
        Assert.Equal(expected.Data.ToArray(), actual.Data.ToArray());
    }

    [Fact]
    public void Transform_StrictlyDecreasingMap_NegatesTheScores()
    {
        // Rank r becomes n + 1 − r, and Φ⁻¹(1 − p) = −Φ⁻¹(p); the transform mirrors the two halves, so exactly.
        SampleMatrix m = RandomMatrix(200, 1, 3);
        double[] negated = m.Data.ToArray().Select(v => -v).ToArray();
        double[] a = NormalScores.Transform(m).Column(0);
        double[] b = NormalScores.Transform(SampleMatrix.FromRowMajor(negated, 1)).Column(0);
        Assert.Equal(a.Select(v => -v).ToArray(), b);
    }

    [Fact]
    public void Transform_DistinctValues_ScoresAreSymmetricAndOrdered()
    {
        SampleMatrix m = RandomMatrix(301, 1, 8);
        double[] x = m.Column(0);
        double[] s = NormalScores.Transform(m).Column(0);
        int[] order = Enumerable.Range(0, x.Length).OrderBy(i => x[i]).ToArray();
        for (int k = 1; k < order.Length; k++)
        {
            Assert.True(s[order[k]] > s[order[k - 1]]);
        }

        // The scores are the n quantiles Φ⁻¹(r/(n+1)), symmetric about 0, so they sum to 0 up to rounding.
        Assert.Equal(0.0, s.Sum(), 1e-10);
    }

    [Fact]
    public void Transform_Matrix_KeepsShape_AndEachColumnIsTransformedAlone()
    {
        SampleMatrix m = RandomMatrix(57, 4, 12);
        SampleMatrix s = NormalScores.Transform(m);
        Assert.Equal(m.Rows, s.Rows);
        Assert.Equal(m.Columns, s.Columns);
        for (int j = 0; j < m.Columns; j++)
        {
            Assert.Equal(Scores(m.Column(j)), s.Column(j));
        }
    }

    [Fact]
    public void Transform_DoesNotModifyItsInput()
    {
        SampleMatrix m = RandomMatrix(40, 2, 5);
        double[] before = m.Data.ToArray();
        NormalScores.Transform(m);
        Assert.Equal(before, m.Data.ToArray());

        double[] values = [3, 1, 2, 2];
        double[] copy = (double[])values.Clone();
        NormalScores.Transform(values, new double[4]);
        Assert.Equal(copy, values);
    }

    [Fact]
    public void Transform_Span_InPlace_EqualsOutOfPlace()
    {
        double[] values = [0.5, -3, 8, 0.5, 2];
        double[] expected = Scores((double[])values.Clone());
        NormalScores.Transform(values, values);
        Assert.Equal(expected, values);
    }

    [Fact]
    public void Transform_RowPermutation_PermutesTheScores()
    {
        SampleMatrix m = RandomMatrix(100, 2, 77);
        int[] permutation = Enumerable.Range(0, m.Rows).ToArray();
        new Random(9).Shuffle(permutation);
        double[][] permutedRows = permutation.Select(i => m.Row(i).ToArray()).ToArray();
        SampleMatrix s = NormalScores.Transform(m);
        SampleMatrix sp = NormalScores.Transform(SampleMatrix.FromRows(permutedRows));
        for (int k = 0; k < permutation.Length; k++)
        {
            Assert.Equal(s.Row(permutation[k]).ToArray(), sp.Row(k).ToArray());
        }
    }

    [Fact]
    public void Transform_RowPermutationWithTies_PermutesTheScores()
    {
        // Ties resolved by mid-ranks do not depend on row order (ordinal tie-breaking would).
        double[] values = [2, 1, 2, 3, 1, 2, 0, 3];
        int[] permutation = [7, 2, 5, 0, 1, 6, 3, 4];
        double[] s = Scores(values);
        double[] sp = Scores(permutation.Select(i => values[i]).ToArray());
        for (int k = 0; k < permutation.Length; k++)
        {
            Assert.Equal(s[permutation[k]], sp[k]);
        }
    }

    [Fact]
    public void Transform_Span_Empty_DoesNothing()
    {
        NormalScores.Transform([], []);
    }

    [Fact]
    public void Transform_Span_NonFinite_ThrowsNamingValuesAndIndex()
    {
        var ex = Assert.Throws<ArgumentException>(() => Scores(1, double.NaN, 2));
        Assert.Equal("values", ex.ParamName);
        Assert.Contains("index 1", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("probabilit", ex.Message, StringComparison.Ordinal);
        Assert.Equal("values", Assert.Throws<ArgumentException>(() => Scores(double.PositiveInfinity)).ParamName);
        Assert.Equal("values", Assert.Throws<ArgumentException>(() => Scores(0, double.NegativeInfinity)).ParamName);
    }

    [Fact]
    public void Transform_Span_NonFinite_LeavesDestinationUntouched()
    {
        double[] destination = [7, 7, 7];
        Assert.Throws<ArgumentException>(() => NormalScores.Transform([1, 2, double.NaN], destination));
        Assert.Equal([7, 7, 7], destination);
    }

    [Fact]
    public void Transform_Span_LengthMismatch_ThrowsNamingDestination()
    {
        var ex = Assert.Throws<ArgumentException>(() => NormalScores.Transform([1, 2, 3], new double[2]));
        Assert.Equal("destination", ex.ParamName);
        Assert.Equal("destination", Assert.Throws<ArgumentException>(() => NormalScores.Transform([1, 2], new double[3])).ParamName);
    }

    [Fact]
    public void Transform_NullMatrix_Throws()
    {
        Assert.Equal("samples", Assert.Throws<ArgumentNullException>(() => NormalScores.Transform(null!)).ParamName);
    }

    [Fact]
    public void SampleMatrix_NaN_IsRejectedBeforeAnyTransform()
    {
        // A SampleMatrix cannot hold NaN, so the matrix overload never sees one.
        var ex = Assert.Throws<ArgumentException>(() => SampleMatrix.FromRows([[1, 2], [double.NaN, 3]]));
        Assert.Contains("row 1, column 0", ex.Message, StringComparison.Ordinal);
    }
}
