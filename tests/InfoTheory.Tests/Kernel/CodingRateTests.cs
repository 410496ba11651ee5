using InfoTheory.Continuous;
using InfoTheory.Kernel;
using MathNet.Numerics.LinearAlgebra;

namespace InfoTheory.Tests.Kernel;

public sealed class CodingRateTests
{
    private static Matrix<double> AsMatrix(SampleMatrix z) => Matrix<double>.Build.Dense(z.Rows, z.Columns, (i, j) => z[i, j]);

    [Theory]
    [InlineData(40, 6, 0.5)]
    [InlineData(5, 12, 0.1)]
    [InlineData(1, 3, 1.0)]
    public void Of_RandomRepresentation_EqualsHalfSumLogOnePlusScaledSingularValuesSquared(int n, int d, double epsilon)
    {
        // R = ½ Σ ln(1 + d/(n ε²) σᵢ²) over the singular values of Z (Yu et al. 2020, eq. 3 diagonalised by the SVD).
        // Cholesky vs SVD: both backward stable, agreement to ~1e-13 relative; 1e-11 absolute on values of order 10.
        SampleMatrix z = KernelTestData.Normal(n, d, 50 + n);
        double[] sigma = AsMatrix(z).Svd(computeVectors: false).S.ToArray();
        double expected = 0.5 * sigma.Sum(s => Math.Log(1 + (d / (n * epsilon * epsilon) * s * s)));
        Assert.Equal(expected, CodingRate.Of(z, epsilon).Nats, 11);
    }

    [Fact]
    public void RateReduction_TwoClasses_MatchesDefinition()
    {
        // ΔR = R(Z) − Σⱼ nⱼ/(2n) ln det(I + d/(nⱼ ε²) ZⱼᵀZⱼ), the determinants here from MathNet's LU on d × d.
        SampleMatrix z = KernelTestData.Normal(30, 4, 60);
        int[] labels = Enumerable.Range(0, 30).Select(i => i % 3 == 0 ? 7 : -2).ToArray();
        const double Epsilon = 0.5;
        double LogDet(int[] rows)
        {
            var part = Matrix<double>.Build.Dense(rows.Length, 4, (i, j) => z[rows[i], j]);
            var m = Matrix<double>.Build.DenseIdentity(4) + (part.TransposeThisAndMultiply(part) * (4.0 / (rows.Length * Epsilon * Epsilon)));
            return Math.Log(m.LU().Determinant);
        }

        int[] all = Enumerable.Range(0, 30).ToArray();
        int[] first = all.Where(i => labels[i] == 7).ToArray(), second = all.Where(i => labels[i] == -2).ToArray();
        double expected = (0.5 * LogDet(all)) - (first.Length / 60.0 * LogDet(first)) - (second.Length / 60.0 * LogDet(second));
        double actual = CodingRate.RateReduction(z, labels, Epsilon).Nats;
        Assert.Equal(expected, actual, 11);
        Assert.True(actual > 0);
    }

    [Fact]
    public void RateReduction_OneClass_IsZero()
    {
        SampleMatrix z = KernelTestData.Normal(20, 3, 61);
        Assert.Equal(0, CodingRate.RateReduction(z, new int[20], 0.3).Nats, 13);
    }

    [Fact]
    public void CodingRate_BadArguments_ThrowNamingParameter()
    {
        SampleMatrix z = KernelTestData.Normal(5, 2, 62);
        Assert.Equal("epsilon", Assert.Throws<ArgumentOutOfRangeException>(() => CodingRate.Of(z, 0)).ParamName);
        Assert.Equal("epsilon", Assert.Throws<ArgumentOutOfRangeException>(() => CodingRate.RateReduction(z, new int[5], double.NaN)).ParamName);
        Assert.Equal("labels", Assert.Throws<ArgumentException>(() => CodingRate.RateReduction(z, new int[4], 0.5)).ParamName);
    }
}
