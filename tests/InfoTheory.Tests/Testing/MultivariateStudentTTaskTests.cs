using FsCheck;
using FsCheck.Xunit;
using InfoTheory.Continuous;
using InfoTheory.Testing;
using MathNet.Numerics;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;

namespace InfoTheory.Tests.Testing;

public sealed class MultivariateStudentTTaskTests
{
    private static readonly double[,] s_dispersion3 =
    {
        { 1.0, 0.3, 0.5 },
        { 0.3, 2.0, -0.4 },
        { 0.5, -0.4, 1.5 },
    };

    [Fact]
    public void TrueMutualInformation_CauchyPairIdentityDispersion_IsLn8PiMinus3()
    {
        // ν = 1, dx = dy = 1, Σ = I. With Γ(½) = √π, Γ(1) = 1, Γ(3/2) = √π/2, ψ(1) = −γ, ψ(½) = −γ − 2 ln 2 and
        // ψ(3/2) = ψ(½) + 2: g(1) = ln √π + 2 ln 2 and g(2) = ln 2 + 3, so I = 2 g(1) − g(2) = ln(8π) − 3.
        var task = MultivariateStudentTTask.SparseInteractions(1, 1, 0, 0, 1);
        Assert.Equal(Math.Log(8 * Math.PI) - 3, task.TrueMutualInformation.Nats, 12);
        Assert.Equal(0, task.DispersionMutualInformation.Nats);
    }

    [Fact]
    public void TrueMutualInformation_Nu2PairIdentityDispersion_Is4MinusLn16Pi()
    {
        // ν = 2: g(1) = −ln Γ(3/2) + (3/2)(ψ(3/2) − ψ(1)) = 3 − ½ ln π − 2 ln 2 and g(2) = 2(ψ(2) − ψ(1)) = 2,
        // so I = 2 g(1) − g(2) = 4 − ln π − 4 ln 2.
        var task = MultivariateStudentTTask.SparseInteractions(1, 1, 0, 0, 2);
        Assert.Equal(4 - Math.Log(16 * Math.PI), task.TrueMutualInformation.Nats, 12);
    }

    [Property]
    public void TailCorrection_EqualsBeyondNormalForm(PositiveInt nuSeed, PositiveInt dxSeed, PositiveInt dySeed)
    {
        // The benchmark writes the correction as f(ν) − f(ν + dx) − f(ν + dy) + f(ν + dx + dy), f(a) = ln Γ(a/2) − (a/2) ψ(a/2)
        // (Czyż et al. 2023, Appendix); the task derives it from entropies. The two regroup the same terms, so they agree
        // to rounding (terms of size up to ~50 nats here: 1e-9 absolute).
        double nu = 0.25 + (nuSeed.Get % 400 / 8.0);
        int dx = 1 + (dxSeed.Get % 6), dy = 1 + (dySeed.Get % 6);
        static double F(double a) => SpecialFunctions.GammaLn(a / 2) - (a / 2 * SpecialFunctions.DiGamma(a / 2));
        double expected = F(nu) - F(nu + dx) - F(nu + dy) + F(nu + dx + dy);
        var task = MultivariateStudentTTask.SparseInteractions(dx, dy, 0, 0, nu);
        Assert.Equal(expected, task.TailCorrection.Nats, 1e-9);
        Assert.True(task.TailCorrection.Nats > 0, $"ν = {nu}, dx = {dx}, dy = {dy}: correction {task.TailCorrection.Nats}");
    }

    [Fact]
    public void TrueMutualInformation_SparseTask_IsGaussianPartPlusCorrection()
    {
        var task = MultivariateStudentTTask.SparseInteractions(3, 2, 2, 0.6, 4);
        var identity = MultivariateStudentTTask.SparseInteractions(3, 2, 0, 0, 4);
        Assert.Equal(-Math.Log(1 - 0.36), task.DispersionMutualInformation.Nats, 14);
        Assert.Equal(identity.TailCorrection.Nats, task.TailCorrection.Nats);
        Assert.Equal(task.DispersionMutualInformation.Nats + task.TailCorrection.Nats, task.TrueMutualInformation.Nats, 14);
    }

    [Fact]
    public void TailCorrection_GrowingNu_DecreasesTowardZero()
    {
        double previous = double.PositiveInfinity;
        foreach (double nu in new[] { 0.5, 1, 2, 5, 20, 100, 1e4 })
        {
            double c = MultivariateStudentTTask.SparseInteractions(2, 3, 0, 0, nu).TailCorrection.Nats;
            Assert.True(c < previous, $"ν = {nu}: {c} ≥ {previous}");
            previous = c;
        }

        // The correction behaves like dx·dy/(2ν²) for large ν (second-order expansion of ln Γ and ψ): 3e-8 at ν = 1e4.
        Assert.InRange(previous, 0, 1e-7);
    }

    [Fact]
    public void PointwiseMutualInformation_MonteCarlo_n200000_MatchesTrueMutualInformation()
    {
        // I = E[ln p(x, y) − ln p(x) − ln p(y)], with the densities written out independently of the task. dx = 2, dy = 1,
        // ν = 3, a correlated dispersion. The mean of n i.i.d. terms has standard error sd/√n; allow five of them.
        var task = new MultivariateStudentTTask(s_dispersion3, 2, 3);
        const int n = 200_000;
        var (x, y) = task.Sample(n, 11);
        var joint = new StudentTDensity(s_dispersion3, 3);
        var marginX = new StudentTDensity(new double[,] { { 1.0, 0.3 }, { 0.3, 2.0 } }, 3);
        var marginY = new StudentT(0, Math.Sqrt(1.5), 3);
        double[] terms = new double[n];
        for (int i = 0; i < n; i++)
        {
            double[] xy = [.. x.Row(i), .. y.Row(i)];
            terms[i] = joint.LogDensity(xy) - marginX.LogDensity(x.Row(i)) - marginY.DensityLn(y[i, 0]);
        }

        double mean = terms.Average();
        double standardError = Math.Sqrt(terms.Select(t => (t - mean) * (t - mean)).Sum() / (n - 1) / n);
        Assert.InRange(task.TrueMutualInformation.Nats, mean - (5 * standardError), mean + (5 * standardError));
        Assert.True(standardError < 0.005, $"standard error {standardError}");
    }

    [Fact]
    public void Entropies_MonteCarlo_n200000_MatchMinusMeanLogDensity()
    {
        // h = −E ln p; the one-dimensional density is MathNet's StudentT, the joint one written out here.
        var task = new MultivariateStudentTTask(s_dispersion3, 1, 2.5);
        const int n = 200_000;
        var (x, y) = task.Sample(n, 23);
        var joint = new StudentTDensity(s_dispersion3, 2.5);
        var marginX = new StudentT(0, 1, 2.5);
        double[] jointTerms = new double[n], xTerms = new double[n];
        for (int i = 0; i < n; i++)
        {
            double[] xy = [.. x.Row(i), .. y.Row(i)];
            jointTerms[i] = -joint.LogDensity(xy);
            xTerms[i] = -marginX.DensityLn(x[i, 0]);
        }

        AssertMeanWithin(jointTerms, task.JointEntropy.Nats);
        AssertMeanWithin(xTerms, task.EntropyX.Nats);
    }

    [Fact]
    public void EntropyX_OneDimensional_MatchesUnivariateClosedForm()
    {
        // The univariate t with scale σ: h = ((ν + 1)/2)[ψ((ν + 1)/2) − ψ(ν/2)] + ln(√ν B(ν/2, ½)) + ln σ (Lazo & Rathie 1978,
        // IEEE Trans. Inf. Theory 24(1)), written with the beta function rather than the task's gamma and π terms.
        static double H(double nu, double sigma) =>
            ((nu + 1) / 2 * (SpecialFunctions.DiGamma((nu + 1) / 2) - SpecialFunctions.DiGamma(nu / 2)))
            + (0.5 * Math.Log(nu)) + SpecialFunctions.BetaLn(nu / 2, 0.5) + Math.Log(sigma);
        Assert.Equal(H(3.5, 1), new MultivariateStudentTTask(s_dispersion3, 1, 3.5).EntropyX.Nats, 12);
        var scaled = new MultivariateStudentTTask(new double[,] { { 4, 0 }, { 0, 1 } }, 1, 7);
        Assert.Equal(H(7, 2), scaled.EntropyX.Nats, 12);
        Assert.Equal(H(7, 1), scaled.EntropyY.Nats, 12);
    }

    [Fact]
    public void GaussianEstimator_Nu10_n100000_ConvergesToDispersionPartAndVarianceIsNuOverNuMinus2()
    {
        // For ν = 10 the correlation is that of Σ (0.6), so the Gaussian estimate tends to −½ ln(1 − 0.36) ≈ 0.223, not
        // to the true MI. Heavy tails inflate the spread of r by about √(1 + 2/(ν − 4)) ≈ 1.15 over the normal |ρ|/√n, so
        // sd ≈ 0.0022 and 0.012 is over five of them. Var X = ν/(ν − 2) = 1.25; with excess kurtosis 6/(ν − 4) = 1 the
        // sample variance has sd ≈ 1.25·√(3/n) ≈ 0.0068, so 0.035 is five of them.
        var task = MultivariateStudentTTask.SparseInteractions(1, 1, 1, 0.6, 10);
        var (x, y) = task.Sample(100_000, 29);
        double estimate = new GaussianMutualInformation().Estimate(x, y).Nats;
        Assert.InRange(estimate, 0.22314355 - 0.012, 0.22314355 + 0.012);
        double[] column = x.Column(0);
        double mean = column.Average();
        double variance = column.Sum(v => (v - mean) * (v - mean)) / (column.Length - 1);
        Assert.InRange(variance, 1.25 - 0.035, 1.25 + 0.035);
    }

    [Fact]
    public void Sample_SameSeed_SameBits_OtherSeed_Differs()
    {
        var task = MultivariateStudentTTask.SparseInteractions(2, 3, 1, 0.5, 3);
        var (x1, y1) = task.Sample(40, 7);
        var (x2, y2) = task.Sample(40, 7);
        var (x3, y3) = task.Sample(40, 8);
        Assert.Equal(x1.Data.ToArray(), x2.Data.ToArray());
        Assert.Equal(y1.Data.ToArray(), y2.Data.ToArray());
        Assert.NotEqual(x1.Data.ToArray(), x3.Data.ToArray());
        Assert.NotEqual(y1.Data.ToArray(), y3.Data.ToArray());
        Assert.Equal((40, 2, 40, 3), (x1.Rows, x1.Columns, y1.Rows, y1.Columns));
        Assert.Equal((2, 3), (task.XDimension, task.YDimension));
    }

    [Fact]
    public void Sample_RowShareOneScale_RatiosToGaussianDrawAreEqual()
    {
        // x and y of a row are the same normal draw divided by one √(u/ν): the normal task with the same seed gives that draw.
        var task = MultivariateStudentTTask.SparseInteractions(2, 2, 1, 0.4, 4);
        var normal = MultivariateNormalTask.SparseInteractions(2, 2, 1, 0.4);
        var (x, y) = task.Sample(30, 3);
        var (gx, gy) = normal.Sample(30, 3);
        for (int i = 0; i < 30; i++)
        {
            double ratio = x[i, 0] / gx[i, 0];
            Assert.True(ratio > 0);
            Assert.Equal(ratio, x[i, 1] / gx[i, 1], 1e-12 * ratio);
            Assert.Equal(ratio, y[i, 0] / gy[i, 0], 1e-12 * ratio);
            Assert.Equal(ratio, y[i, 1] / gy[i, 1], 1e-12 * ratio);
        }
    }

    [Fact]
    public void Dispersion_IsACopy_AndToStringNamesNu()
    {
        var task = new MultivariateStudentTTask(s_dispersion3, 2, 3);
        double[,] d = task.Dispersion;
        d[0, 1] = 0;
        Assert.Equal(0.3, task.Dispersion[0, 1]);
        Assert.Equal(3, task.DegreesOfFreedom);
        Assert.Contains("ν = 3", task.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Constructors_BadArguments_ThrowWithParameterName()
    {
        double[,] identity = { { 1, 0 }, { 0, 1 } };
        Assert.Equal("dispersion", Assert.Throws<ArgumentNullException>(() => new MultivariateStudentTTask(null!, 1, 3)).ParamName);
        var notPositiveDefinite = Assert.Throws<ArgumentException>(() => new MultivariateStudentTTask(new double[,] { { 1, 2 }, { 2, 1 } }, 1, 3));
        Assert.Equal("dispersion", notPositiveDefinite.ParamName);
        Assert.DoesNotContain("covariance", notPositiveDefinite.Message, StringComparison.Ordinal);
        Assert.Equal("dispersion", Assert.Throws<ArgumentException>(() => new MultivariateStudentTTask(new double[,] { { 1, 0.5 }, { 0.2, 1 } }, 1, 3)).ParamName);
        Assert.Equal("xDimension", Assert.Throws<ArgumentOutOfRangeException>(() => new MultivariateStudentTTask(identity, 2, 3)).ParamName);
        foreach (double nu in new[] { 0, -1, double.NaN, double.PositiveInfinity })
        {
            Assert.Equal("degreesOfFreedom", Assert.Throws<ArgumentOutOfRangeException>(() => new MultivariateStudentTTask(identity, 1, nu)).ParamName);
        }

        Assert.Equal("correlation", Assert.Throws<ArgumentOutOfRangeException>(() => MultivariateStudentTTask.SparseInteractions(1, 1, 1, 1, 3)).ParamName);
        Assert.Equal("interactingPairs", Assert.Throws<ArgumentOutOfRangeException>(() => MultivariateStudentTTask.SparseInteractions(1, 2, 2, 0.1, 3)).ParamName);
        Assert.Equal("n", Assert.Throws<ArgumentOutOfRangeException>(() => new MultivariateStudentTTask(identity, 1, 3).Sample(0, 1)).ParamName);
    }

    private static void AssertMeanWithin(double[] terms, double expected)
    {
        // Five standard errors of the mean of i.i.d. terms.
        double mean = terms.Average();
        double standardError = Math.Sqrt(terms.Select(t => (t - mean) * (t - mean)).Sum() / (terms.Length - 1) / terms.Length);
        Assert.InRange(expected, mean - (5 * standardError), mean + (5 * standardError));
    }

    /// <summary>
    /// The d-dimensional t density with location 0 and dispersion Σ:
    /// ln p(x) = ln Γ((ν + d)/2) − ln Γ(ν/2) − (d/2) ln(νπ) − ½ ln det Σ − ((ν + d)/2) ln(1 + xᵀΣ⁻¹x/ν)
    /// (Kotz &amp; Nadarajah 2004).
    /// </summary>
    private sealed class StudentTDensity
    {
        private readonly Matrix<double> _inverse;
        private readonly double _nu;
        private readonly double _constant;

        public StudentTDensity(double[,] dispersion, double nu)
        {
            var sigma = Matrix<double>.Build.DenseOfArray(dispersion);
            int d = sigma.RowCount;
            _inverse = sigma.Inverse();
            _nu = nu;
            _constant = SpecialFunctions.GammaLn((nu + d) / 2) - SpecialFunctions.GammaLn(nu / 2) - (d / 2.0 * Math.Log(nu * Math.PI))
                - (0.5 * Math.Log(sigma.Determinant()));
            Dimension = d;
        }

        public int Dimension { get; }

        public double LogDensity(ReadOnlySpan<double> point)
        {
            double quadratic = 0;
            for (int a = 0; a < Dimension; a++)
            {
                for (int b = 0; b < Dimension; b++)
                {
                    quadratic += point[a] * _inverse[a, b] * point[b];
                }
            }

            return _constant - ((_nu + Dimension) / 2 * Math.Log(1 + (quadratic / _nu)));
        }
    }
}
