using InfoTheory.Continuous;
using InfoTheory.Kernel;
using K = InfoTheory.Kernel.KernelFunction;

namespace InfoTheory.Tests.Kernel;

public sealed class MatrixEntropyTests
{
    /// <summary>Symbols 0..k−1 with the given counts, as a 1-D sample, in a seeded shuffled order.</summary>
    private static (SampleMatrix Samples, double[] Frequencies) Discrete(int[] counts, int seed)
    {
        var values = new List<double>();
        for (int c = 0; c < counts.Length; c++)
        {
            values.AddRange(Enumerable.Repeat((double)c, counts[c]));
        }

        double[] shuffled = values.ToArray();
        new Random(seed).Shuffle(shuffled);
        double n = shuffled.Length;
        return (SampleMatrix.FromRowMajor(shuffled, 1), counts.Select(c => c / n).ToArray());
    }

    private static double RenyiOfPmf(double[] p, double alpha) => alpha == 1
        ? -p.Where(v => v > 0).Sum(v => v * Math.Log(v))
        : Math.Log(p.Sum(v => Math.Pow(v, alpha))) / (1 - alpha);

    [Fact]
    public void VonNeumann_DiagonalMatrix_EqualsShannonOfDiagonal()
    {
        // ρ = diag(1, 2, 3, 4) / 10: eigenvalues are the diagonal, so S = −Σ pᵢ ln pᵢ exactly (up to rounding, 1e-14).
        double[] m = new double[16];
        for (int i = 0; i < 4; i++)
        {
            m[(i * 4) + i] = i + 1;
        }

        double expected = -((0.1 * Math.Log(0.1)) + (0.2 * Math.Log(0.2)) + (0.3 * Math.Log(0.3)) + (0.4 * Math.Log(0.4)));
        Assert.Equal(expected, MatrixEntropy.VonNeumann(m, 4).Nats, 14);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.5)]
    [InlineData(1.0)]
    [InlineData(2.0)]
    [InlineData(5.0)]
    [InlineData(double.PositiveInfinity)]
    public void Estimate_WellSeparatedPoints_EqualsLogN(double alpha)
    {
        // Spacing 1, σ = 0.05: off-diagonal kernel values exp(−200) ≈ 1e-87, so A = I/n to double precision and
        // every Rényi order gives ln n.
        SampleMatrix x = KernelTestData.Separated(50, 1.0);
        double estimate = new MatrixRenyiEntropy(alpha) { Kernel = K.Gaussian(0.05) }.Estimate(x).Nats;
        Assert.Equal(Math.Log(50), estimate, 12);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(1.0)]
    [InlineData(2.0)]
    [InlineData(3.0)]
    public void Estimate_RepeatedSymbols_EqualsRenyiOfFrequencies(double alpha)
    {
        // Symbols 1 apart with σ = 0.05: K is the 0/1 "same symbol" matrix up to 1e-87, A = K/n is block diagonal
        // with blocks of ones of size n_c, whose eigenvalues are n_c/n: Sₐ is the Rényi entropy of the frequencies.
        var (x, p) = Discrete([5, 10, 20, 45], 3);
        double estimate = new MatrixRenyiEntropy(alpha) { Kernel = K.Gaussian(0.05) }.Estimate(x).Nats;
        Assert.Equal(RenyiOfPmf(p, alpha), estimate, 10);
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(2.0)]
    [InlineData(1.5)]
    public void MutualInformation_IdenticalDiscreteVariables_EqualsEntropy(double alpha)
    {
        // With the 0/1 kernel K ∘ K = K, so Iₐ(X;X) = 2Sₐ(X) − Sₐ(X) = Sₐ(X).
        var (x, p) = Discrete([7, 13, 30], 4);
        var kernel = K.Gaussian(0.05);
        double mi = new MatrixRenyiMutualInformation(alpha) { Kernel = kernel }.Estimate(x, x).Nats;
        Assert.Equal(RenyiOfPmf(p, alpha), mi, 10);
    }

    [Fact]
    public void Estimate_Alpha2FastPath_EqualsEigenvaluePath()
    {
        // The streamed Frobenius path and −ln Σ λᵢ² from the eigenvalues differ only by rounding: the eigenvalues are
        // exact for a matrix within n·ε·‖A‖ ≈ 1e-13 of A, far inside 1e-10.
        SampleMatrix x = KernelTestData.Normal(150, 3, 21);
        var kernel = K.Gaussian(BandwidthRule.Silverman);
        double fast = new MatrixRenyiEntropy(2) { Kernel = kernel }.Estimate(x).Nats;
        double[] spectrum = MatrixEntropy.NormalizedSpectrum(GramMatrix.Compute(x, kernel), 150);
        Assert.Equal(-Math.Log(spectrum.Sum(l => l * l)), fast, 10);
    }

    [Fact]
    public void MutualInformation_Alpha2FastPath_EqualsEigenvaluePath()
    {
        SampleMatrix x = KernelTestData.Normal(130, 2, 22);
        SampleMatrix y = KernelTestData.Normal(130, 1, 23);
        var kernel = K.Gaussian(1.0);
        double fast = new MatrixRenyiMutualInformation(2) { Kernel = kernel }.Estimate(x, y).Nats;
        double[] kx = GramMatrix.Compute(x, kernel), ky = GramMatrix.Compute(y, kernel);
        double[] kxy = kx.Zip(ky, (a, b) => a * b).ToArray();
        double S(double[] m) => -Math.Log(MatrixEntropy.NormalizedSpectrum(m, 130).Sum(l => l * l));
        Assert.Equal(S(kx) + S(ky) - S(kxy), fast, 10);
    }

    [Fact]
    public void OfRepresentation_DualGram_SpectraAndEntropyAgree()
    {
        // ZZᵀ (30 × 30) and ZᵀZ (8 × 8) share their non-zero eigenvalues; the other 22 are 0 up to rounding.
        SampleMatrix z = KernelTestData.Normal(30, 8, 24);
        double[] outer = GramMatrix.Compute(z, K.Linear);
        double[] inner = new double[64];
        for (int a = 0; a < 8; a++)
        {
            for (int b = 0; b < 8; b++)
            {
                for (int i = 0; i < 30; i++)
                {
                    inner[(a * 8) + b] += z[i, a] * z[i, b];
                }
            }
        }

        double[] big = MatrixEntropy.NormalizedSpectrum(outer, 30), small = MatrixEntropy.NormalizedSpectrum(inner, 8);
        for (int i = 0; i < 8; i++)
        {
            Assert.Equal(small[i], big[i], 12);
        }

        Assert.All(big[8..], l => Assert.True(l < 1e-13));
        Assert.Equal(MatrixEntropy.VonNeumann(outer, 30).Nats, MatrixEntropy.OfRepresentation(z).Nats, 11);
        Assert.Equal(MatrixEntropy.Renyi(inner, 8, 0.5).Nats, MatrixEntropy.OfRepresentation(z, 0.5).Nats, 11);

        // The transposed representation (8 samples × 30 features) has the same matrix entropy.
        double[] t = new double[240];
        for (int i = 0; i < 30; i++)
        {
            for (int j = 0; j < 8; j++)
            {
                t[(j * 30) + i] = z[i, j];
            }
        }

        Assert.Equal(MatrixEntropy.OfRepresentation(z).Nats, MatrixEntropy.OfRepresentation(SampleMatrix.FromRowMajor(t, 30)).Nats, 11);
    }

    [Fact]
    public void Estimate_RowsPermuted_Unchanged()
    {
        // A row permutation is a similarity transform of K: the spectrum is the same; only rounding differs (1e-10).
        SampleMatrix x = KernelTestData.Normal(120, 4, 25);
        SampleMatrix permuted = KernelTestData.PermuteRows(x, KernelTestData.Permutation(120, 26));
        var estimator = new MatrixRenyiEntropy(1.5);
        Assert.Equal(estimator.Estimate(x).Nats, estimator.Estimate(permuted).Nats, 10);
        var fast = new MatrixRenyiEntropy(2);
        Assert.Equal(fast.Estimate(x).Nats, fast.Estimate(permuted).Nats, 12);
    }

    [Fact]
    public void Estimate_IncreasingAlpha_NonIncreasing()
    {
        SampleMatrix x = KernelTestData.Normal(100, 2, 27);
        double[] alphas = [0, 0.5, 0.99, 1, 1.01, 1.5, 2, 3, 10, double.PositiveInfinity];
        double[] values = alphas.Select(a => new MatrixRenyiEntropy(a).Estimate(x).Nats).ToArray();
        for (int i = 1; i < values.Length; i++)
        {
            Assert.True(values[i] <= values[i - 1] + 1e-12, $"S({alphas[i]}) = {values[i]} > S({alphas[i - 1]}) = {values[i - 1]}");
        }

        Assert.InRange(values[0], 0, Math.Log(100) + 1e-12);
    }

    [Fact]
    public void MutualInformation_Properties_SymmetricBoundedAndDependenceSensitive()
    {
        SampleMatrix x = KernelTestData.Normal(400, 1, 28), noise = KernelTestData.Normal(400, 1, 29);
        double[] yValues = new double[400];
        for (int i = 0; i < 400; i++)
        {
            yValues[i] = (0.9 * x[i, 0]) + (Math.Sqrt(1 - 0.81) * noise[i, 0]);
        }

        SampleMatrix y = SampleMatrix.FromRowMajor(yValues, 1);
        var mi = new MatrixRenyiMutualInformation(2);
        double dependent = mi.Estimate(x, y).Nats, independent = mi.Estimate(x, noise).Nats;
        Assert.Equal(dependent, mi.Estimate(y, x).Nats, 13);

        // 0 ≤ I ≤ min(S(X), S(Y)) (Yu et al. 2019, Prop. 2); independence gives much less than ρ = 0.9.
        var entropy = new MatrixRenyiEntropy(2);
        Assert.InRange(dependent, 0, Math.Min(entropy.Estimate(x).Nats, entropy.Estimate(y).Nats));
        Assert.InRange(independent, 0, 0.2 * dependent);
        double joint = entropy.EstimateJoint(x, y).Nats;
        Assert.Equal(entropy.Estimate(x).Nats + entropy.Estimate(y).Nats - joint, dependent, 12);
    }

    [Fact]
    public void ConditionalMutualInformation_ConstantCondition_EqualsMutualInformation()
    {
        // A constant Z has K_z = 1 (all ones), which is neutral for the Hadamard product: S(X, Z) = S(X), S(Z) = 0.
        SampleMatrix x = KernelTestData.Normal(90, 2, 30), y = KernelTestData.Normal(90, 1, 31);
        SampleMatrix z = SampleMatrix.FromRowMajor(new double[90], 1);
        var kernel = K.Gaussian(1.3);
        foreach (double alpha in new[] { 1.5, 2.0 })
        {
            double cmi = new MatrixRenyiConditionalMutualInformation(alpha) { Kernel = kernel }.Estimate(x, y, z).Nats;
            double mi = new MatrixRenyiMutualInformation(alpha) { Kernel = kernel }.Estimate(x, y).Nats;
            Assert.Equal(mi, cmi, 10);
        }
    }

    [Fact]
    public void ConditionalMutualInformation_ConditionOnX_IsZeroForDiscreteKernel()
    {
        // 0/1 kernel: K_x ∘ K_x = K_x, so I(X;Y|X) = S(X) + S(X,Y) − S(X) − S(X,Y) = 0.
        var (x, _) = Discrete([10, 20, 30], 5);
        var (y, _) = Discrete([25, 35], 6);
        double cmi = new MatrixRenyiConditionalMutualInformation(1.5) { Kernel = K.Gaussian(0.05) }.Estimate(x, y, x).Nats;
        Assert.Equal(0, cmi, 10);
    }

    [Fact]
    public void EstimateJoint_ThreeVariables_BetweenMaxMarginalAndSum()
    {
        SampleMatrix a = KernelTestData.Normal(80, 1, 32), b = KernelTestData.Normal(80, 2, 33), c = KernelTestData.Normal(80, 1, 34);
        var estimator = new MatrixRenyiEntropy(1.5);
        double[] marginals = [estimator.Estimate(a).Nats, estimator.Estimate(b).Nats, estimator.Estimate(c).Nats];
        double joint = estimator.EstimateJoint(a, b, c).Nats;
        Assert.InRange(joint, marginals.Max() - 1e-12, marginals.Sum() + 1e-12);
    }

    [Fact]
    public void Renyi_BadMatrices_ThrowNamingMatrix()
    {
        Assert.Equal("matrix", Assert.Throws<ArgumentException>(() => MatrixEntropy.Renyi([1.0, 0.5, 0.4, 1.0], 2, 1.5)).ParamName);
        // Eigenvalues 3 and −1: symmetric but indefinite.
        Assert.Equal("matrix", Assert.Throws<ArgumentException>(() => MatrixEntropy.Renyi([1.0, 2, 2, 1], 2, 1.5)).ParamName);
        Assert.Equal("matrix", Assert.Throws<ArgumentException>(() => MatrixEntropy.VonNeumann([1.0, 0, 0], 2)).ParamName);
        Assert.Equal("matrix", Assert.Throws<ArgumentException>(() => MatrixEntropy.VonNeumann([0.0, 0, 0, 0], 2)).ParamName);
        Assert.Equal("matrix", Assert.Throws<ArgumentException>(() => MatrixEntropy.Renyi([-1.0, 0, 0, 2], 2, 2)).ParamName);
        Assert.Equal("matrix", Assert.Throws<ArgumentException>(() => MatrixEntropy.Renyi([1.0, double.NaN, double.NaN, 1], 2, 2)).ParamName);
    }

    [Fact]
    public void Estimators_BadArguments_ThrowNamingParameter()
    {
        Assert.Equal("alpha", Assert.Throws<ArgumentOutOfRangeException>(() => new MatrixRenyiEntropy(-0.5)).ParamName);
        Assert.Equal("alpha", Assert.Throws<ArgumentOutOfRangeException>(() => new MatrixRenyiMutualInformation(double.NaN)).ParamName);
        Assert.Equal("alpha", Assert.Throws<ArgumentOutOfRangeException>(() => MatrixEntropy.Renyi([1.0], 1, -1)).ParamName);
        SampleMatrix x = KernelTestData.Normal(10, 1, 1), y = KernelTestData.Normal(11, 1, 2);
        Assert.Equal("y", Assert.Throws<ArgumentException>(() => new MatrixRenyiMutualInformation(2).Estimate(x, y)).ParamName);
        Assert.Equal("z", Assert.Throws<ArgumentException>(() => new MatrixRenyiConditionalMutualInformation(2).Estimate(x, x, y)).ParamName);
        Assert.Equal("variables", Assert.Throws<ArgumentException>(() => new MatrixRenyiEntropy(2).EstimateJoint(x, y)).ParamName);
        Assert.Throws<ArgumentNullException>(() => new MatrixRenyiEntropy(2) { Kernel = null! });
        Assert.Equal("MaxDegreeOfParallelism", Assert.Throws<ArgumentOutOfRangeException>(() => new MatrixRenyiEntropy(2) { MaxDegreeOfParallelism = 0 }).ParamName);
    }

    [Fact]
    public void Estimate_Parallel_BitIdenticalToSerial()
    {
        SampleMatrix x = KernelTestData.Normal(200, 3, 35), y = KernelTestData.Normal(200, 2, 36);
        var serial = new MatrixRenyiMutualInformation(2);
        var parallel = new MatrixRenyiMutualInformation(2) { MaxDegreeOfParallelism = -1 };
        Assert.Equal(serial.Estimate(x, y).Nats, parallel.Estimate(x, y).Nats);
    }
}
