using InfoTheory.Kernel.Internal;
using MathNet.Numerics.LinearAlgebra;

namespace InfoTheory.Tests.Kernel;

public sealed class SymmetricEigenvaluesTests
{
    private static double[] RandomSymmetric(int n, int seed)
    {
        var random = new Random(seed);
        double[] a = new double[n * n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j <= i; j++)
            {
                a[(i * n) + j] = a[(j * n) + i] = (2 * random.NextDouble()) - 1;
            }
        }

        return a;
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(10)]
    [InlineData(17)]
    [InlineData(64)]
    [InlineData(130)]
    [InlineData(201)]
    [InlineData(259)]
    public void ComputeInPlace_RandomSymmetric_MatchesMathNetEvd(int n)
    {
        // Both are backward stable: eigenvalue errors ≤ c·n·ε·‖A‖₂ with ‖A‖₂ ≤ n here; 1e-12·n is generous for
        // c·n·ε·n at n ≤ 201 (≈ 1e-11) and still fails on any wrong rotation or reflector.
        double[] a = RandomSymmetric(n, 40 + n);
        double[] expected = Matrix<double>.Build.DenseOfColumnMajor(n, n, a).Evd(Symmetricity.Symmetric)
            .EigenValues.Select(c => c.Real).Order().ToArray();
        double[] actual = SymmetricEigenvalues.ComputeInPlace((double[])a.Clone(), n);
        for (int i = 0; i < n; i++)
        {
            Assert.True(Math.Abs(expected[i] - actual[i]) <= 1e-12 * n * n, $"λ[{i}] = {actual[i]:R}, MathNet {expected[i]:R}");
        }
    }

    [Theory]
    [InlineData(9, 13)]
    [InlineData(30, 7)]
    [InlineData(1, 40)]
    public void ComputeInPlace_BlockDiagonal_IsTheUnionOfTheBlocksSpectra(int first, int second)
    {
        // Once the first block is reduced, a reflector meets an all-zero column (τ = 0) in the middle of the
        // reduction, which takes the row-by-row path for that step; the spectrum must still be the union.
        int n = first + second;
        double[] a = new double[n * n];
        double[] blockA = RandomSymmetric(first, 3), blockB = RandomSymmetric(second, 4);
        for (int i = 0; i < first; i++)
        {
            for (int j = 0; j < first; j++)
            {
                a[(i * n) + j] = blockA[(i * first) + j];
            }
        }

        for (int i = 0; i < second; i++)
        {
            for (int j = 0; j < second; j++)
            {
                a[((first + i) * n) + first + j] = blockB[(i * second) + j];
            }
        }

        double[] expected = Evd(blockA, first).Concat(Evd(blockB, second)).Order().ToArray();
        double[] actual = SymmetricEigenvalues.ComputeInPlace(a, n);
        for (int i = 0; i < n; i++)
        {
            Assert.True(Math.Abs(expected[i] - actual[i]) <= 1e-12 * n * n, $"λ[{i}] = {actual[i]:R}, MathNet {expected[i]:R}");
        }
    }

    private static IEnumerable<double> Evd(double[] a, int n) =>
        Matrix<double>.Build.DenseOfColumnMajor(n, n, a).Evd(Symmetricity.Symmetric).EigenValues.Select(c => c.Real);

    [Fact]
    public void ComputeInPlace_DiagonalAndRepeated_ExactValues()
    {
        // Already diagonal: no reflector or rotation applies, the diagonal comes back sorted exactly.
        double[] a = [3, 0, 0, 0, -1, 0, 0, 0, 2];
        Assert.Equal([-1.0, 2, 3], SymmetricEigenvalues.ComputeInPlace(a, 3));

        // J − I on 5 points (all-ones minus identity): eigenvalues 4 and −1 (four times).
        double[] b = new double[25];
        for (int i = 0; i < 25; i++)
        {
            b[i] = i % 6 == 0 ? 0 : 1;
        }

        double[] values = SymmetricEigenvalues.ComputeInPlace(b, 5);
        Assert.Equal([-1.0, -1, -1, -1, 4], values, (x, y) => Math.Abs(x - y) < 1e-13);
    }
}
