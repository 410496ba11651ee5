using InfoTheory.Continuous;
using InfoTheory.Kernel;
using MathNet.Numerics.LinearAlgebra;
using K = InfoTheory.Kernel.KernelFunction;

namespace InfoTheory.Tests.Kernel;

public sealed class HsicTests
{
    [Fact]
    public void Statistic_SmallSample_EqualsTraceFormulaWithCentringMatrix()
    {
        // Gretton et al. (2005), eq. 4: (n − 1)⁻² tr(K H L H), here with explicit matrices (MathNet products).
        const int N = 20;
        SampleMatrix x = KernelTestData.Normal(N, 2, 90), y = KernelTestData.Normal(N, 1, 91);
        var kernel = K.Gaussian(1.2);
        var k = Matrix<double>.Build.Dense(N, N, GramMatrix.Compute(x, kernel));
        var l = Matrix<double>.Build.Dense(N, N, GramMatrix.Compute(y, kernel));
        var h = Matrix<double>.Build.DenseIdentity(N) - Matrix<double>.Build.Dense(N, N, 1.0 / N);
        double expected = (k * h * l * h).Trace() / ((N - 1.0) * (N - 1.0));
        Assert.Equal(expected, new Hsic { Kernel = kernel }.Statistic(x, y), 13);
    }

    [Fact]
    public void Test_NonlinearDependence_Detected()
    {
        // y = x² + noise is uncorrelated with x but strongly dependent; with n = 150 every one of 199 shuffles falls
        // below the observed HSIC, so p = 1/200.
        SampleMatrix x = KernelTestData.Normal(150, 1, 92), e = KernelTestData.Normal(150, 1, 93);
        double[] yv = Enumerable.Range(0, 150).Select(i => (x[i, 0] * x[i, 0]) + (0.3 * e[i, 0])).ToArray();
        HsicTestResult result = new Hsic().Test(x, SampleMatrix.FromRowMajor(yv, 1), 199, seed: 5);
        Assert.Equal(1.0 / 200, result.PValue);
        Assert.Equal(199, result.Permutations);
    }

    [Fact]
    public void Test_Independent_NotRejectedAndDeterministic()
    {
        // Independent samples: the p-value is uniform on {1/200, …, 1}; with this fixed seed it must not fall below 0.05,
        // and the same seed must reproduce the null distribution exactly.
        SampleMatrix x = KernelTestData.Normal(100, 2, 94), y = KernelTestData.Normal(100, 1, 95);
        HsicTestResult first = new Hsic().Test(x, y, 199, seed: 6), second = new Hsic().Test(x, y, 199, seed: 6);
        Assert.True(first.PValue > 0.05, $"p = {first.PValue}");
        Assert.Equal(first.NullDistribution.ToArray(), second.NullDistribution.ToArray());
        Assert.Equal(first.PValue, second.PValue);
    }

    [Fact]
    public void Test_BadArguments_Throw()
    {
        SampleMatrix x = KernelTestData.Normal(10, 1, 1), y = KernelTestData.Normal(9, 1, 2);
        Assert.Equal("permutations", Assert.Throws<ArgumentOutOfRangeException>(() => new Hsic().Test(x, x, 0, 1)).ParamName);
        Assert.Equal("y", Assert.Throws<ArgumentException>(() => new Hsic().Statistic(x, y)).ParamName);
    }
}
