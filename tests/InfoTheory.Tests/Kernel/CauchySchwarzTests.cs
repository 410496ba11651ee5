using InfoTheory.Continuous;
using InfoTheory.Kernel;
using K = InfoTheory.Kernel.KernelFunction;

namespace InfoTheory.Tests.Kernel;

public sealed class CauchySchwarzTests
{
    private static readonly double[] Weights = [0.3, 0.7];
    private static readonly double[] MeansP = [-2.0, 1.0], SdsP = [0.5, 1.0];
    private static readonly double[] MeansQ = [0.0, 2.5], SdsQ = [1.0, 0.7];

    private static GaussianMixture Mixture1D(double[] means, double[] sds, double extraVariance = 0) =>
        GaussianMixture.Isotropic(Weights, means.Select(m => new[] { m }).ToArray(), sds.Select(s => (s * s) + extraVariance).ToArray());

    [Fact]
    public void QuadraticRenyiEntropy_SingleGaussian_EqualsHalfLogDetFourPiSigma()
    {
        // ∫N(x; μ, Σ)² dx = N(0; 0, 2Σ) = det(4πΣ)^(−1/2), so H₂ = ½ ln det(4πΣ); det Σ = 2·1 − 0.25 = 1.75.
        var g = GaussianMixture.Create([1.0], [[0.3, -1.0]], [new[,] { { 2.0, 0.5 }, { 0.5, 1.0 } }]);
        Assert.Equal(0.5 * Math.Log(16 * Math.PI * Math.PI * 1.75), g.QuadraticRenyiEntropy().Nats, 13);
    }

    [Fact]
    public void CauchySchwarzDivergence_TwoGaussians1D_MatchesClosedForm()
    {
        // p = N(0, 1), q = N(3, 4): ∫pq = φ(3; 0, 5), ∫p² = 1/√(4π), ∫q² = 1/√(16π).
        var p = GaussianMixture.Isotropic([1.0], [[0.0]], [1.0]);
        var q = GaussianMixture.Isotropic([1.0], [[3.0]], [4.0]);
        double logPq = (-0.5 * Math.Log(2 * Math.PI * 5)) - (9.0 / 10);
        double expected = -logPq + (0.5 * -0.5 * Math.Log(4 * Math.PI)) + (0.5 * -0.5 * Math.Log(16 * Math.PI));
        Assert.Equal(expected, GaussianMixture.CauchySchwarzDivergence(p, q).Nats, 13);

        // The full-covariance path agrees with the isotropic one.
        var pFull = GaussianMixture.Create([1.0], [[0.0]], [new[,] { { 1.0 } }]);
        var qFull = GaussianMixture.Create([1.0], [[3.0]], [new[,] { { 4.0 } }]);
        Assert.Equal(expected, GaussianMixture.CauchySchwarzDivergence(pFull, qFull).Nats, 13);
    }

    [Fact]
    public void CauchySchwarzDivergence_Mixtures_SymmetricNonNegativeZeroOnSelf()
    {
        GaussianMixture p = Mixture1D(MeansP, SdsP), q = Mixture1D(MeansQ, SdsQ);
        double forward = GaussianMixture.CauchySchwarzDivergence(p, q).Nats;
        Assert.Equal(forward, GaussianMixture.CauchySchwarzDivergence(q, p).Nats, 14);
        Assert.True(forward > 0);
        Assert.Equal(0, GaussianMixture.CauchySchwarzDivergence(p, p).Nats, 14);
    }

    [Fact]
    public void Estimate_ParzenWindow_EqualsClosedFormOfParzenMixtures()
    {
        // With window σ the Parzen densities are the mixtures (1/n) Σ N(xᵢ, σ²): the estimators are their closed forms
        // exactly, up to the rounding of the distance identity (≈ 1e-14 relative), hence 1e-10.
        SampleMatrix x = KernelTestData.Normal(60, 2, 70), y = KernelTestData.Normal(45, 2, 71, 1.5, 0.8);
        const double Sigma = 0.7;
        double estimate = new CauchySchwarzDivergenceEstimator { Kernel = K.Gaussian(Sigma) }.Estimate(x, y).Nats;
        double exact = GaussianMixture.CauchySchwarzDivergence(GaussianMixture.Parzen(x, Sigma), GaussianMixture.Parzen(y, Sigma)).Nats;
        Assert.Equal(exact, estimate, 10);

        double h2 = new QuadraticRenyiEntropy { Kernel = K.Gaussian(Sigma) }.Estimate(x).Nats;
        Assert.Equal(GaussianMixture.Parzen(x, Sigma).QuadraticRenyiEntropy().Nats, h2, 10);
    }

    [Fact]
    public void Estimate_LargeSampleFromMixtures_ApproachesClosedFormOfSmoothedMixtures()
    {
        // With window σ fixed, the Parzen estimate converges to D_CS of p and q each convolved with N(0, σ²): mixtures with
        // component variances s² + σ² (target 0.447, no smoothing bias). What remains is the self-pair terms, O(1/(nσ)),
        // the log's curvature and sampling noise: over ten other seed pairs at n = 2000 the estimates had mean 0.455
        // and standard deviation 0.021, so ±0.08 is the bias plus about 3.5 standard deviations.
        const int N = 2000;
        const double Sigma = 0.3;
        double[] xs = KernelTestData.Mixture(N, Weights, MeansP, SdsP, 72), ys = KernelTestData.Mixture(N, Weights, MeansQ, SdsQ, 73);
        double estimate = new CauchySchwarzDivergenceEstimator { Kernel = K.Gaussian(Sigma) }
            .Estimate(SampleMatrix.FromRowMajor(xs, 1), SampleMatrix.FromRowMajor(ys, 1)).Nats;
        double target = GaussianMixture.CauchySchwarzDivergence(Mixture1D(MeansP, SdsP, Sigma * Sigma), Mixture1D(MeansQ, SdsQ, Sigma * Sigma)).Nats;
        Assert.InRange(estimate, target - 0.08, target + 0.08);
    }

    [Fact]
    public void Estimate_SamplesSwappedOrEqual_SymmetricAndZero()
    {
        SampleMatrix x = KernelTestData.Normal(50, 3, 74), y = KernelTestData.Normal(70, 3, 75, 2.0);
        var estimator = new CauchySchwarzDivergenceEstimator { Kernel = K.Gaussian(1.0) };
        Assert.Equal(estimator.Estimate(x, y).Nats, estimator.Estimate(y, x).Nats, 12);
        Assert.Equal(0, estimator.Estimate(x, x).Nats, 12);
        Assert.Equal(0, estimator.Estimate(x, KernelTestData.PermuteRows(x, KernelTestData.Permutation(50, 76))).Nats, 12);
    }

    [Fact]
    public void MutualInformation_ParzenWindow_EqualsClosedFormDivergenceOfJointAndProduct()
    {
        // I_CS = D_CS(p̂_xy ‖ p̂_x p̂_y) with p̂_xy = (1/n) Σ N((xᵢ, yᵢ), σ²I) and p̂_x p̂_y = (1/n²) Σᵢⱼ N((xᵢ, yⱼ), σ²I).
        const int N = 25;
        const double Sigma = 0.6;
        SampleMatrix x = KernelTestData.Normal(N, 1, 77), e = KernelTestData.Normal(N, 1, 78);
        double[] yv = Enumerable.Range(0, N).Select(i => (0.8 * x[i, 0]) + (0.6 * e[i, 0])).ToArray();
        SampleMatrix y = SampleMatrix.FromRowMajor(yv, 1);
        double estimate = new CauchySchwarzMutualInformation { Kernel = K.Gaussian(Sigma) }.Estimate(x, y).Nats;

        var joint = GaussianMixture.Parzen(SampleMatrix.ConcatenateColumns(x, y), Sigma);
        double[][] pairs = new double[N * N][];
        for (int i = 0; i < N; i++)
        {
            for (int j = 0; j < N; j++)
            {
                pairs[(i * N) + j] = [x[i, 0], y[j, 0]];
            }
        }

        var product = GaussianMixture.Isotropic(Enumerable.Repeat(1.0 / (N * N), N * N).ToArray(), pairs, Enumerable.Repeat(Sigma * Sigma, N * N).ToArray());
        Assert.Equal(GaussianMixture.CauchySchwarzDivergence(joint, product).Nats, estimate, 10);
        Assert.True(estimate > 0);
    }

    [Fact]
    public void MutualInformation_Properties_SymmetricAndZeroForConstant()
    {
        SampleMatrix x = KernelTestData.Normal(80, 2, 79), y = KernelTestData.Normal(80, 1, 80);
        var estimator = new CauchySchwarzMutualInformation { Kernel = K.Gaussian(0.8) };
        Assert.Equal(estimator.Estimate(x, y).Nats, estimator.Estimate(y, x).Nats, 13);
        Assert.Equal(0, estimator.Estimate(x, SampleMatrix.FromRowMajor(new double[80], 1)).Nats, 13);
    }

    [Fact]
    public void Estimators_BadArguments_ThrowNamingParameter()
    {
        SampleMatrix x = KernelTestData.Normal(10, 2, 1), y = KernelTestData.Normal(10, 3, 2), z = KernelTestData.Normal(11, 2, 3);
        Assert.Equal("q", Assert.Throws<ArgumentException>(() => new CauchySchwarzDivergenceEstimator().Estimate(x, y)).ParamName);
        Assert.Equal("y", Assert.Throws<ArgumentException>(() => new CauchySchwarzMutualInformation().Estimate(x, z)).ParamName);
        Assert.Equal("Kernel", Assert.Throws<ArgumentException>(() => new QuadraticRenyiEntropy { Kernel = K.Linear }).ParamName);
        Assert.Equal("covariances", Assert.Throws<ArgumentException>(() => GaussianMixture.Create([1.0], [[0.0, 0]], [new[,] { { 1.0, 2 }, { 2, 1 } }])).ParamName);
        Assert.Equal("weights", Assert.Throws<ArgumentException>(() => GaussianMixture.Isotropic([0.5, 0.6], [[0.0], [1.0]], [1.0, 1.0])).ParamName);
        Assert.Equal("variances", Assert.Throws<ArgumentOutOfRangeException>(() => GaussianMixture.Isotropic([1.0], [[0.0]], [0.0])).ParamName);
        Assert.Equal("bandwidth", Assert.Throws<ArgumentOutOfRangeException>(() => GaussianMixture.Parzen(x, -1)).ParamName);
    }
}
