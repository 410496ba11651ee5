using InfoTheory.Continuous;
using InfoTheory.Kernel;
using K = InfoTheory.Kernel.KernelFunction;

namespace InfoTheory.Tests.Kernel;

public sealed class StochasticMatrixEntropyTests
{
    [Theory]
    [InlineData(0.5)]
    [InlineData(1.0)]
    [InlineData(2.0)]
    [InlineData(3.5)]
    public void Renyi_DiagonalWithFewDistinctEigenvalues_Exact(double alpha)
    {
        // Known spectrum: 8 distinct values, each 25 times. For a diagonal matrix every Rademacher probe gives
        // vᵀf(D)v = tr f(D) exactly, and Lanczos reaches an invariant subspace within 8 steps, where Gauss quadrature is
        // exact: the estimate equals Sₐ of the spectrum up to rounding (1e-10) with zero spread.
        const int N = 200;
        double[] m = new double[N * N];
        double[] p = new double[N];
        for (int i = 0; i < N; i++)
        {
            m[(i * N) + i] = 1 + (i % 8);
        }

        double trace = Enumerable.Range(0, N).Sum(i => 1.0 + (i % 8));
        for (int i = 0; i < N; i++)
        {
            p[i] = (1 + (i % 8)) / trace;
        }

        double exact = alpha == 1 ? -p.Sum(v => v * Math.Log(v)) : Math.Log(p.Sum(v => Math.Pow(v, alpha))) / (1 - alpha);
        SpectralEstimate estimate = StochasticMatrixEntropy.Renyi(m, N, alpha, probes: 4, steps: 12, seed: 1, deflation: 0);
        Assert.Equal(exact, estimate.Entropy.Nats, 10);
        Assert.True(estimate.StandardError.Nats < 1e-10);
    }

    [Theory]
    [InlineData(2.0)]
    [InlineData(1.5)]
    public void Renyi_GramOfRandomSamples_WithinFourStandardErrors(double alpha)
    {
        // α = 2: Gauss quadrature with 25 nodes integrates λ² exactly, so only the probe error remains and the estimate
        // lies within 4 reported standard errors (a 4σ event has probability < 1e-4). α = 1.5: λ^1.5 is not a polynomial,
        // but with these probes 25 and 60 steps agree to 1e-5, so 1e-3 added to the bound covers the quadrature error.
        SampleMatrix x = KernelTestData.Normal(300, 3, 110);
        double[] gram = GramMatrix.Compute(x, K.Gaussian(BandwidthRule.Silverman));
        double exact = MatrixEntropy.Renyi(gram, 300, alpha).Nats;
        SpectralEstimate estimate = StochasticMatrixEntropy.Renyi(gram, 300, alpha, probes: 32, steps: 25, seed: 2);
        double bound = (4 * estimate.StandardError.Nats) + (alpha == 2 ? 1e-10 : 1e-3);
        Assert.InRange(estimate.Entropy.Nats, exact - bound, exact + bound);
        Assert.True(estimate.StandardError.Nats < 0.05 * exact, "the probe error should be small at m = 32");
    }

    [Fact]
    public void Renyi_MatrixFreeGram_MatchesExplicitGramWithSameSeed()
    {
        // Same probes and start vectors; the matrix-free operator computes Gaussian entries from single-precision
        // distances of the centred samples (relative error ≤ (d + 2)·2⁻²⁴·max‖x̃‖²/σ² ≈ 1e-6 here), rounds them to single
        // precision and sums each 64-entry tile in single precision, so the operator differs from the double one by a
        // relative ~1e-6 at most and the entropy (≈ ln 150 ≈ 5) by far less than the 1e-5 allowed; a wrong tile, a
        // missing transpose or a misplaced block changes it in the second or third digit.
        SampleMatrix x = KernelTestData.Normal(150, 4, 111);
        K kernel = K.Gaussian(2.0);
        double stored = StochasticMatrixEntropy.Renyi(GramMatrix.Compute(x, kernel), 150, 1.5, probes: 8, steps: 15, seed: 3).Entropy.Nats;
        double streamed = StochasticMatrixEntropy.Renyi(x, kernel, 1.5, probes: 8, steps: 15, seed: 3).Entropy.Nats;
        Assert.Equal(stored, streamed, 1e-5);
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(2.0)]
    public void Renyi_RankTwoGramFromSamples_DeflationFindsTheWholeRange(double alpha)
    {
        // A linear kernel on two columns: rank 2. The deflated subspace contains both non-zero eigendirections (the
        // other 14 Ritz vectors lie in the null space, which single-precision rounding fills with eigenvalues ≈ 1e-7
        // of the largest), Lanczos from each gives f(λ), and the projected probes meet only that rounding: for
        // α = 1 and 2 its contribution is below 1e-5, so the estimate is exact to 1e-4 with (almost) no spread.
        const int N = 200;
        SampleMatrix x = KernelTestData.Normal(N, 2, 115);
        double exact = MatrixEntropy.Renyi(GramMatrix.Compute(x, K.Linear), N, alpha).Nats;
        SpectralEstimate estimate = StochasticMatrixEntropy.Renyi(x, K.Linear, alpha, probes: 4, steps: 10, seed: 7);
        Assert.Equal(exact, estimate.Entropy.Nats, 1e-4);
        Assert.True(estimate.StandardError.Nats < 1e-4);
    }

    [Fact]
    public void Renyi_FewerSamplesThanOneTile_MatchesExplicitGram()
    {
        // 10 rows: a single, padded 64 × 64 tile; deflation covers all 10 directions, so both are exact.
        SampleMatrix x = KernelTestData.Normal(10, 3, 116);
        K kernel = K.Gaussian(1.5);
        double exact = MatrixEntropy.Renyi(GramMatrix.Compute(x, kernel), 10, 1.5).Nats;
        Assert.Equal(exact, StochasticMatrixEntropy.Renyi(x, kernel, 1.5, probes: 2, steps: 5).Entropy.Nats, 1e-5);
    }

    [Theory]
    [InlineData(0.0, 2.0)]
    [InlineData(1000.0, 2.0)]
    [InlineData(0.0, 0.05)]
    public void Renyi_MatrixFreeGram_AccurateForOffsetDataAndNarrowBandwidths(double offset, double bandwidth)
    {
        // Offset 1000: uncentred single-precision distances would err by ~6e-8·‖x‖² ≈ 0.2 (the kernel by ~2 %); centring
        // first keeps them as accurate as for offset 0. Bandwidth 0.05: max‖x̃‖²/σ² is large enough that single-precision
        // distances could err by ~1e-4, so the operator uses double distances. Both agree with the double Gram to 1e-5.
        SampleMatrix x = KernelTestData.Normal(150, 3, 117);
        double[] shifted = x.Data.ToArray();
        for (int i = 0; i < shifted.Length; i++)
        {
            shifted[i] += offset;
        }

        x = SampleMatrix.FromRowMajor(shifted, 3);
        K kernel = K.Gaussian(bandwidth);
        double stored = StochasticMatrixEntropy.Renyi(GramMatrix.Compute(x, kernel), 150, 1.5, probes: 8, steps: 15, seed: 3).Entropy.Nats;
        double streamed = StochasticMatrixEntropy.Renyi(x, kernel, 1.5, probes: 8, steps: 15, seed: 3).Entropy.Nats;
        Assert.Equal(stored, streamed, 1e-5);
    }

    [Fact]
    public void Renyi_KeptOrRecomputedTilesAndAnyThreadCount_SameBits()
    {
        // 300 rows: 5 blocks of 64, the last one partial, so every tile kind (diagonal, off-diagonal, padded) is used.
        SampleMatrix x = KernelTestData.Normal(300, 5, 112);
        K kernel = K.Gaussian(BandwidthRule.MedianHeuristic);
        double Run(GramStorage storage, int threads) =>
            StochasticMatrixEntropy.Renyi(x, kernel, 1.5, probes: 8, steps: 10, seed: 4, maxDegreeOfParallelism: threads, storage: storage).Entropy.Nats;

        double reference = Run(GramStorage.Recompute, 1);
        Assert.Equal(reference, Run(GramStorage.Keep, 1));
        Assert.Equal(reference, Run(GramStorage.Keep, -1));
        Assert.Equal(reference, Run(GramStorage.Recompute, -1));
        Assert.Equal(reference, Run(GramStorage.Automatic, 2));
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(1.5)]
    [InlineData(2.0)]
    public void Renyi_MedianBandwidthGram_DeflationRemovesTheDominantEigenvaluesVariance(double alpha)
    {
        // At the median-heuristic bandwidth the normalised Gram matrix has one eigenvalue near 0.5 and a long tail; the
        // plain Hutchinson estimate of tr f(A) is then dominated by (v₁ᵀz)² f(λ₁), whose relative spread is √2 per probe.
        // Deflating 16 directions removes it: the estimate lies within 4 of its own standard errors (+ 2e-3 for the
        // quadrature error at 20 steps, which 20 and 60 steps put below 1e-4 here) and the standard error is at least
        // five times smaller than without deflation, from the same probes.
        const int N = 400;
        SampleMatrix x = KernelTestData.Normal(N, 3, 113);
        double[] gram = GramMatrix.Compute(x, K.Gaussian(BandwidthRule.MedianHeuristic));
        double exact = MatrixEntropy.Renyi(gram, N, alpha).Nats;
        SpectralEstimate deflated = StochasticMatrixEntropy.Renyi(gram, N, alpha, probes: 16, steps: 20, seed: 5);
        SpectralEstimate plain = StochasticMatrixEntropy.Renyi(gram, N, alpha, probes: 16, steps: 20, seed: 5, deflation: 0);
        Assert.Equal(16, deflated.Deflation);
        Assert.Equal(0, plain.Deflation);
        double bound = (4 * deflated.StandardError.Nats) + 2e-3;
        Assert.InRange(deflated.Entropy.Nats, exact - bound, exact + bound);
        Assert.True(deflated.StandardError.Nats * 5 < plain.StandardError.Nats,
            $"deflated SE {deflated.StandardError.Nats:G4}, plain SE {plain.StandardError.Nats:G4}");
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(1.0)]
    [InlineData(3.0)]
    public void Renyi_DeflationCoveringTheWholeSpace_IsExact(double alpha)
    {
        // b = n: Rayleigh-Ritz on the whole space gives the eigenvectors, Lanczos from an eigenvector stops after one
        // step with the exact f(λ), and the projected probes vanish: the exact entropy with zero spread.
        const int N = 40;
        SampleMatrix x = KernelTestData.Normal(N, 2, 114);
        double[] gram = GramMatrix.Compute(x, K.Gaussian(1.0));
        double exact = MatrixEntropy.Renyi(gram, N, alpha).Nats;
        SpectralEstimate estimate = StochasticMatrixEntropy.Renyi(gram, N, alpha, probes: 4, steps: 10, seed: 6, deflation: 64);
        Assert.Equal(exact, estimate.Entropy.Nats, 1e-9);
        Assert.True(estimate.StandardError.Nats < 1e-9);
    }

    [Fact]
    public void Renyi_BadArguments_ThrowNamingParameter()
    {
        SampleMatrix x = KernelTestData.Normal(10, 1, 1);
        Assert.Equal("alpha", Assert.Throws<ArgumentOutOfRangeException>(() => StochasticMatrixEntropy.Renyi(x, K.Gaussian(1.0), 0)).ParamName);
        Assert.Equal("alpha", Assert.Throws<ArgumentOutOfRangeException>(() => StochasticMatrixEntropy.Renyi(x, K.Gaussian(1.0), double.PositiveInfinity)).ParamName);
        Assert.Equal("probes", Assert.Throws<ArgumentOutOfRangeException>(() => StochasticMatrixEntropy.Renyi(x, K.Gaussian(1.0), 2, probes: 1)).ParamName);
        Assert.Equal("matrix", Assert.Throws<ArgumentException>(() => StochasticMatrixEntropy.Renyi([1.0, 2, 0, 1], 2, 2)).ParamName);
        Assert.Equal("deflation", Assert.Throws<ArgumentOutOfRangeException>(() => StochasticMatrixEntropy.Renyi(x, K.Gaussian(1.0), 2, deflation: -1)).ParamName);
        Assert.Equal("storage", Assert.Throws<ArgumentOutOfRangeException>(() => StochasticMatrixEntropy.Renyi(x, K.Gaussian(1.0), 2, storage: (GramStorage)7)).ParamName);
    }
}
