using InfoTheory.Continuous;
using InfoTheory.Kernel;
using K = InfoTheory.Kernel.KernelFunction;

namespace InfoTheory.Tests.Kernel;

public sealed class GramMatrixTests
{
    public static TheoryData<int, int> Shapes => new()
    {
        // n not a multiple of 4 or of the 64-row block; d below, at and across vector widths, with tails, and across the
        // 256-element reduction chunks (300: one whole chunk and a partial one; 517: two and a 5-element tail).
        { 1, 1 }, { 5, 1 }, { 70, 3 }, { 67, 8 }, { 130, 13 }, { 66, 33 }, { 9, 100 }, { 13, 300 }, { 7, 517 },
    };

    private static void AssertMatchesReference(SampleMatrix x, K kernel, double[] gram, double tolerance)
    {
        int n = x.Rows;
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                double expected = kernel.Evaluate(x.Row(i), x.Row(j));
                Assert.True(Math.Abs(gram[(i * n) + j] - expected) <= tolerance * Math.Max(1, Math.Abs(expected)),
                    $"K[{i},{j}] = {gram[(i * n) + j]:R}, expected {expected:R}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Compute_Gaussian_MatchesPairwiseDefinition(int n, int d)
    {
        // Standard normal data: ‖x‖² ≈ d, so the distance identity has absolute error ≈ d·ε·(‖x‖² + ‖y‖²) ≈ 2d²ε in the
        // squared distance; divided by 2σ² = 2d and multiplied by exp ≤ 1 that is ≈ dε ≤ 1.2e-13, under 1e-12.
        SampleMatrix x = KernelTestData.Normal(n, d, 100 + n + d);
        K kernel = K.Gaussian(Math.Sqrt(d));
        AssertMatchesReference(x, kernel, GramMatrix.Compute(x, kernel), 1e-12);
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Compute_Laplacian_MatchesPairwiseDefinition(int n, int d)
    {
        // √ turns an absolute error δ ≈ 2d²ε ≤ 6e-11 (d ≤ 517) in a squared distance s into δ/(2√s): ≤ 1e-8 once the
        // distance is ≥ 0.003.
        // The diagonal (distance 0) is exact by construction; the precondition below checks the other pairs.
        SampleMatrix x = KernelTestData.Normal(n, d, 200 + n + d);
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < i; j++)
            {
                Assert.True(K.Laplacian(1.0).Evaluate(x.Row(i), x.Row(j)) < Math.Exp(-0.003), "precondition: points too close");
            }
        }

        K kernel = K.Laplacian(2.0);
        AssertMatchesReference(x, kernel, GramMatrix.Compute(x, kernel), 1e-8);
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Compute_LinearAndPolynomial_MatchPairwiseDefinition(int n, int d)
    {
        // Dot products in a different summation order: absolute error ≈ d·ε·Σ|xᵢyᵢ| ≈ d²ε ≤ 6e-11 for d ≤ 517; checked as
        // 1e-10 relative to max(1, |k|). The cube of the polynomial kernel multiplies relative errors by about 3.
        SampleMatrix x = KernelTestData.Normal(n, d, 300 + n + d);
        AssertMatchesReference(x, K.Linear, GramMatrix.Compute(x, K.Linear), 1e-10);
        K polynomial = K.Polynomial(3, 0.5, 1.0);
        AssertMatchesReference(x, polynomial, GramMatrix.Compute(x, polynomial), 1e-9);
    }

    [Fact]
    public void Compute_Gaussian_ExactlySymmetricWithUnitDiagonal()
    {
        SampleMatrix x = KernelTestData.Normal(150, 20, 7);
        double[] gram = GramMatrix.Compute(x, K.Gaussian(BandwidthRule.MedianHeuristic));
        for (int i = 0; i < 150; i++)
        {
            Assert.Equal(1.0, gram[(i * 150) + i]);
            for (int j = 0; j < i; j++)
            {
                Assert.Equal(gram[(j * 150) + i], gram[(i * 150) + j]);
            }
        }
    }

    [Fact]
    public void Compute_Parallel_BitIdenticalToSerial()
    {
        SampleMatrix x = KernelTestData.Normal(300, 17, 8);
        double[] serial = GramMatrix.Compute(x, K.Gaussian(3.0), 1);
        double[] parallel = GramMatrix.Compute(x, K.Gaussian(3.0), -1);
        Assert.Equal(serial, parallel);
    }

    [Fact]
    public void Compute_RowsPermuted_MatrixPermutedExactly()
    {
        // Dot products depend only on the pair of rows (same accumulation on every path); the vectorised exp may round
        // a lane differently from its scalar tail, by an ulp or two, hence 1e-15 relative rather than exact.
        SampleMatrix x = KernelTestData.Normal(140, 9, 9);
        int[] order = KernelTestData.Permutation(140, 10);
        double[] gram = GramMatrix.Compute(x, K.Gaussian(2.0));
        double[] permuted = GramMatrix.Compute(KernelTestData.PermuteRows(x, order), K.Gaussian(2.0));
        for (int i = 0; i < 140; i++)
        {
            for (int j = 0; j < 140; j++)
            {
                double expected = gram[(order[i] * 140) + order[j]];
                Assert.True(Math.Abs(permuted[(i * 140) + j] - expected) <= 1e-15 * expected, $"entry ({i}, {j})");
            }
        }
    }

    [Fact]
    public void Compute_InputArrays_NotModified()
    {
        double[] values = [0.5, 1.5, -2.0, 3.0, 4.0, -1.0];
        double[] copy = (double[])values.Clone();
        SampleMatrix x = SampleMatrix.FromRowMajor(values, 2);
        _ = GramMatrix.Compute(x, K.Gaussian(BandwidthRule.Scott));
        Assert.Equal(copy, values);
        Assert.Equal(copy, x.Data.ToArray());
    }

    [Fact]
    public void SelectBandwidth_RulesOfThumb_MatchFormulas()
    {
        // 1-D sample 0, 1, 2, 3: unbiased variance 5/3. Silverman (d = 1): σ̄ (4/(3n))^(1/5); Scott: σ̄ n^(−1/5).
        SampleMatrix x = SampleMatrix.FromRowMajor([0.0, 1, 2, 3], 1);
        double sd = Math.Sqrt(5.0 / 3.0);
        Assert.Equal(sd * Math.Pow(1.0 / 3.0, 0.2), K.SelectBandwidth(x, BandwidthRule.Silverman), 14);
        Assert.Equal(sd * Math.Pow(4.0, -0.2), K.SelectBandwidth(x, BandwidthRule.Scott), 14);
    }

    [Fact]
    public void SelectBandwidth_Median_IsMedianPairwiseDistance()
    {
        // Points 0, 1, 3 (1-D): distances 1, 3, 2, median 2. Points (0,0), (3,4), (0,4), (3,0) in 2-D: distances
        // 5, 4, 3, 3, 4, 5 → median of 3, 3, 4, 4, 5, 5 is 4.
        Assert.Equal(2.0, K.SelectBandwidth(SampleMatrix.FromRowMajor([0.0, 1, 3], 1), BandwidthRule.MedianHeuristic));
        Assert.Equal(4.0, K.SelectBandwidth(SampleMatrix.FromRowMajor([0.0, 0, 3, 4, 0, 4, 3, 0], 2), BandwidthRule.MedianHeuristic));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Gaussian_BandwidthNotPositive_ThrowsNamingBandwidth(double bandwidth)
    {
        Assert.Equal("bandwidth", Assert.Throws<ArgumentOutOfRangeException>(() => K.Gaussian(bandwidth)).ParamName);
        Assert.Equal("bandwidth", Assert.Throws<ArgumentOutOfRangeException>(() => K.Laplacian(bandwidth)).ParamName);
    }

    [Fact]
    public void Polynomial_BadSettings_ThrowNamingParameter()
    {
        Assert.Equal("degree", Assert.Throws<ArgumentOutOfRangeException>(() => K.Polynomial(0)).ParamName);
        Assert.Equal("scale", Assert.Throws<ArgumentOutOfRangeException>(() => K.Polynomial(2, 0)).ParamName);
        Assert.Equal("offset", Assert.Throws<ArgumentOutOfRangeException>(() => K.Polynomial(2, 1, -1)).ParamName);
    }

    [Fact]
    public void Compute_RuleOnConstantOrSingleSample_ThrowsNamingSamples()
    {
        SampleMatrix constant = SampleMatrix.FromRowMajor([1.0, 1, 1, 1], 1);
        SampleMatrix single = SampleMatrix.FromRowMajor([1.0, 2], 2);
        Assert.Equal("samples", Assert.Throws<ArgumentException>(() => GramMatrix.Compute(constant, K.Gaussian())).ParamName);
        Assert.Equal("samples", Assert.Throws<ArgumentException>(() => GramMatrix.Compute(single, K.Gaussian(BandwidthRule.MedianHeuristic))).ParamName);
        Assert.Equal([1.0], GramMatrix.Compute(single, K.Gaussian(1.0)));
    }

    [Fact]
    public void Compute_BadParallelismOrNull_Throws()
    {
        SampleMatrix x = KernelTestData.Normal(4, 2, 1);
        Assert.Equal("maxDegreeOfParallelism", Assert.Throws<ArgumentOutOfRangeException>(() => GramMatrix.Compute(x, K.Linear, 0)).ParamName);
        Assert.Equal("kernel", Assert.Throws<ArgumentNullException>(() => GramMatrix.Compute(x, null!)).ParamName);
    }
}
