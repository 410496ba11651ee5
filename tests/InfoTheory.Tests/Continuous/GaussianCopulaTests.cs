using InfoTheory.Continuous;
using InfoTheory.Measures;
using InfoTheory.Testing;
using MathNet.Numerics;
using MathNet.Numerics.Distributions;

namespace InfoTheory.Tests.Continuous;

public sealed class GaussianCopulaTests
{
    /// <summary>Euler–Mascheroni constant γ = −ψ(1).</summary>
    private const double EulerGamma = 0.57721566490153286061;

    /// <summary>
    /// b(n, d) = ½ Σᵢ₌₁..d [ψ((n − i)/2) − ln((n − 1)/2)], the expected error of a Gaussian entropy estimate from the
    /// Wishart moments (Anderson 2003, §7.5; Ince et al. 2017), written out here from the formula, independently.
    /// </summary>
    private static double WishartBias(int n, int d)
    {
        double sum = 0;
        for (int i = 1; i <= d; i++)
        {
            sum += SpecialFunctions.DiGamma((n - i) / 2.0) - Math.Log((n - 1) / 2.0);
        }

        return 0.5 * sum;
    }

    /// <summary>Applies a strictly increasing map to every value of column j, a different map per column.</summary>
    private static SampleMatrix MonotoneMaps(SampleMatrix m)
    {
        double[] data = m.Data.ToArray();
        for (int k = 0; k < data.Length; k++)
        {
            double v = data[k];
            data[k] = (k % m.Columns % 4) switch
            {
                0 => Math.Exp(v),
                1 => v * v * v,
                2 => Math.Atan(v) + 5,
                _ => (7 * v) - 3,
            };
        }

        return SampleMatrix.FromRowMajor(data, m.Columns);
    }

    private static (double Mean, double StandardError) MeanAndError(double[] values)
    {
        double mean = values.Average();
        double variance = values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1);
        return (mean, Math.Sqrt(variance / values.Length));
    }

    // ----- definition: the Gaussian estimator on the normal scores -----

    [Fact]
    public void MutualInformation_EqualsGaussianMutualInformationOfNormalScores()
    {
        var (x, y) = MultivariateNormalTask.Equicorrelated(2, 3, 0.3).Sample(400, 1);
        SampleMatrix sx = NormalScores.Transform(x), sy = NormalScores.Transform(y);
        Assert.Equal(new GaussianMutualInformation().Estimate(sx, sy).Nats, new GaussianCopulaMutualInformation().Estimate(x, y).Nats);
        Assert.Equal(
            new GaussianMutualInformation { BiasCorrected = true }.Estimate(sx, sy).Nats,
            new GaussianCopulaMutualInformation { BiasCorrected = true }.Estimate(x, y).Nats);
    }

    [Fact]
    public void ConditionalMutualInformation_EqualsGaussianCmiOfNormalScores()
    {
        var (x, rest) = MultivariateNormalTask.Equicorrelated(1, 3, 0.4).Sample(300, 2);
        SampleMatrix y = rest.SelectColumns(0), z = rest.SelectColumns(1, 2);
        SampleMatrix sx = NormalScores.Transform(x), sy = NormalScores.Transform(y), sz = NormalScores.Transform(z);
        Assert.Equal(
            new GaussianConditionalMutualInformation().Estimate(sx, sy, sz).Nats,
            new GaussianCopulaConditionalMutualInformation().Estimate(x, y, z).Nats);
        Assert.Equal(
            new GaussianConditionalMutualInformation { BiasCorrected = true }.Estimate(sx, sy, sz).Nats,
            new GaussianCopulaConditionalMutualInformation { BiasCorrected = true }.Estimate(x, y, z).Nats);
    }

    [Fact]
    public void MutualInformation_SpanOverload_EqualsMatrixOverload()
    {
        var (x, y) = MultivariateNormalTask.CorrelatedPair(0.5).Sample(200, 3);
        var estimator = new GaussianCopulaMutualInformation();
        Assert.Equal(estimator.Estimate(x, y).Nats, estimator.Estimate(x.Column(0), y.Column(0)).Nats);
        var (a, b) = MultivariateNormalTask.Equicorrelated(1, 2, 0.3).Sample(200, 4);
        var cmi = new GaussianCopulaConditionalMutualInformation();
        Assert.Equal(cmi.Estimate(a, b.SelectColumns(0), b.SelectColumns(1)).Nats, cmi.Estimate(a.Column(0), b.Column(0), b.Column(1)).Nats);
    }

    [Fact]
    public void MutualInformation_IsExactlySymmetric()
    {
        var (x, y) = MultivariateNormalTask.Equicorrelated(2, 3, 0.25).Sample(300, 5);
        var estimator = new GaussianCopulaMutualInformation();
        Assert.Equal(estimator.Estimate(x, y).Nats, estimator.Estimate(y, x).Nats);
    }

    // ----- accuracy on Gaussian data (Gaussian copula: the estimate is consistent) -----

    [Theory]
    [InlineData(1, 1, 1, 0.6)]
    [InlineData(3, 2, 2, 0.5)]
    public void MutualInformation_SparseGaussian_n20000_MatchesTrueMutualInformation(int dx, int dy, int pairs, double rho)
    {
        // For Gaussian data the normal-score correlations are asymptotically efficient estimates of ρ, so the copula
        // estimate has about the Gaussian estimator's spread: sd ≈ √k·|ρ|/√n ≤ 0.006 nats for k ≤ 2 pairs at n = 20 000,
        // and bias ≈ dx·dy/(2n) ≤ 1.5e-4. 0.03 is five standard deviations.
        var task = MultivariateNormalTask.SparseInteractions(dx, dy, pairs, rho);
        var (x, y) = task.Sample(20_000, 17);
        double estimate = new GaussianCopulaMutualInformation().Estimate(x, y).Nats;
        Assert.InRange(estimate, task.TrueMutualInformation.Nats - 0.03, task.TrueMutualInformation.Nats + 0.03);
    }

    [Fact]
    public void MutualInformation_MonotoneTransformOfGaussian_n20000_MatchesTrueMutualInformation()
    {
        // exp, cube, atan of a Gaussian pair: same copula, so the same MI as the Gaussian task (MI is invariant).
        // The plain Gaussian estimator misses part of it on the distorted margins. Tolerance as above.
        var task = MultivariateNormalTask.Equicorrelated(2, 2, 0.5);
        var (x, y) = task.Sample(20_000, 23);
        SampleMatrix mx = MonotoneMaps(x), my = MonotoneMaps(y);
        double copula = new GaussianCopulaMutualInformation().Estimate(mx, my).Nats;
        double linear = new GaussianMutualInformation().Estimate(mx, my).Nats;
        Assert.InRange(copula, task.TrueMutualInformation.Nats - 0.03, task.TrueMutualInformation.Nats + 0.03);
        Assert.True(linear < task.TrueMutualInformation.Nats - 0.05, $"the linear estimate {linear} should fall well short on distorted margins");
    }

    [Fact]
    public void ConditionalMutualInformation_GaussianXYZ_n20000_MatchesClosedForm()
    {
        // Σ over (X, Y, Z1, Z2); the closed form ½ ln(det Σxz det Σyz / (det Σz det Σxyz)) (Cover & Thomas 2006, §8.6).
        // Partial correlation ≈ 0.3, so sd(Î) ≈ |r|/√n ≈ 0.002 nats; 0.015 is over five standard deviations.
        double[,] covariance =
        {
            { 1.0, 0.5, 0.6, 0.2 },
            { 0.5, 1.0, 0.4, 0.3 },
            { 0.6, 0.4, 1.0, 0.1 },
            { 0.2, 0.3, 0.1, 1.0 },
        };
        double truth = Gaussian.ConditionalMutualInformation(covariance, [0], [1], [2, 3]).Nats;
        var (x, rest) = new MultivariateNormalTask(covariance, 1).Sample(20_000, 31);
        SampleMatrix y = rest.SelectColumns(0), z = rest.SelectColumns(1, 2);
        double estimate = new GaussianCopulaConditionalMutualInformation().Estimate(x, y, z).Nats;
        Assert.True(truth > 0.05);
        Assert.InRange(estimate, truth - 0.015, truth + 0.015);

        // Distorting every margin changes nothing for the copula estimate, bit for bit.
        Assert.Equal(estimate, new GaussianCopulaConditionalMutualInformation().Estimate(MonotoneMaps(x), MonotoneMaps(y), MonotoneMaps(z)).Nats);
    }

    // ----- invariance -----

    [Fact]
    public void MutualInformation_StrictlyMonotoneColumnMaps_LeaveTheEstimateExactlyUnchanged()
    {
        var (x, y) = MultivariateNormalTask.Equicorrelated(3, 2, 0.35).Sample(500, 7);
        foreach (bool corrected in new[] { false, true })
        {
            var estimator = new GaussianCopulaMutualInformation { BiasCorrected = corrected };
            double before = estimator.Estimate(x, y).Nats;
            Assert.Equal(before, estimator.Estimate(MonotoneMaps(x), MonotoneMaps(y)).Nats);
            Assert.Equal(before, estimator.Estimate(MonotoneMaps(MonotoneMaps(x)), y).Nats);
        }

        // The maps do change the data: the linear estimate moves.
        var linear = new GaussianMutualInformation();
        Assert.NotEqual(linear.Estimate(x, y).Nats, linear.Estimate(MonotoneMaps(x), MonotoneMaps(y)).Nats);
    }

    [Fact]
    public void MutualInformation_RowPermutation_LeavesTheEstimateUnchangedUpToRounding()
    {
        var (x, y) = MultivariateNormalTask.CorrelatedPair(0.4).Sample(300, 9);
        int[] p = Enumerable.Range(0, 300).ToArray();
        new Random(4).Shuffle(p);
        double[] px = p.Select(i => x[i, 0]).ToArray(), py = p.Select(i => y[i, 0]).ToArray();
        var estimator = new GaussianCopulaMutualInformation();
        Assert.Equal(estimator.Estimate(x, y).Nats, estimator.Estimate(px, py).Nats, 1e-12);
    }

    // ----- the lower bound and its limits -----

    [Fact]
    public void MutualInformation_AdditiveUniformNoise_StaysBelowTrueMutualInformation()
    {
        // X ~ U(0, 1), Y = X + U(0, a): h(Y) = a/2 (trapezoidal density), h(Y|X) = ln a, so I = a/2 − ln a
        // (a = 0.5: 0.9431 nats). The copula is not Gaussian and X, Y are one-dimensional, so the population value of the
        // copula estimate is a strict lower bound; at n = 20 000 its noise (≈ 0.005) is far below the gap seen.
        const double a = 0.5;
        double truth = (a / 2) - Math.Log(a);
        var random = new Random(13);
        int n = 20_000;
        double[] x = new double[n], y = new double[n];
        for (int i = 0; i < n; i++)
        {
            x[i] = random.NextDouble();
            y[i] = x[i] + (a * random.NextDouble());
        }

        double estimate = new GaussianCopulaMutualInformation().Estimate(x, y).Nats;
        Assert.True(estimate < truth - 0.05, $"copula estimate {estimate} should be below I = {truth}");
        Assert.True(estimate > 0.5, $"but it still sees most of the monotone dependence, got {estimate}");
    }

    [Fact]
    public void MutualInformation_SymmetricUShape_IsMissed()
    {
        // y = x² + small noise on a symmetric x: strong dependence with zero rank correlation. The copula estimate is
        // then near 0: under independence of the scores 2n·Î is about χ²₁, so Î < 0.002 at n = 10 000 with
        // probability ≈ 0.995.
        var random = new Random(21);
        int n = 10_000;
        double[] x = new double[n], y = new double[n];
        Normal.Samples(random, x, 0, 1);
        for (int i = 0; i < n; i++)
        {
            y[i] = (x[i] * x[i]) + (0.01 * random.NextDouble());
        }

        Assert.InRange(new GaussianCopulaMutualInformation().Estimate(x, y).Nats, 0, 0.002);
    }

    // ----- bias correction -----

    [Fact]
    public void BiasCorrection_KnownConstants_ForTheSmallestSamples()
    {
        // n = 3, d = 1: b = ½ ψ(1) = −γ/2. n = 4, d = 2: b = ½ [ψ(3/2) + ψ(1) − 2 ln(3/2)], ψ(3/2) = 2 − γ − 2 ln 2
        // (Abramowitz & Stegun 6.3.4). The corrected entropy is the plain one minus b.
        double[] three = [0.3, -1.2, 2.0];
        double plain = new GaussianEntropy().Estimate(three).Nats;
        double corrected = new GaussianEntropy { BiasCorrected = true }.Estimate(three).Nats;
        Assert.Equal(EulerGamma / 2, corrected - plain, 1e-14);

        SampleMatrix four = SampleMatrix.FromRows([[0, 1], [1, 0.5], [2, 3], [-1, 0.2]]);
        double b = 0.5 * ((2 - EulerGamma - (2 * Math.Log(2))) - EulerGamma - (2 * Math.Log(1.5)));
        Assert.Equal(-b, new GaussianEntropy { BiasCorrected = true }.Estimate(four).Nats - new GaussianEntropy().Estimate(four).Nats, 1e-14);
    }

    [Fact]
    public void BiasCorrection_EachMeasureShiftsByItsEntropyTerms()
    {
        // MI: −b(dx) − b(dy) + b(dx + dy); CMI: −b(dx+dz) − b(dy+dz) + b(dz) + b(dx+dy+dz); TC: −d·b(1) + b(d).
        var (x, rest) = MultivariateNormalTask.Equicorrelated(2, 4, 0.3).Sample(40, 6);
        SampleMatrix y = rest.SelectColumns(0, 1, 2), z = rest.SelectColumns(3);
        int n = 40;

        double mi = new GaussianMutualInformation().Estimate(x, y).Nats;
        double miC = new GaussianMutualInformation { BiasCorrected = true }.Estimate(x, y).Nats;
        Assert.Equal(-WishartBias(n, 2) - WishartBias(n, 3) + WishartBias(n, 5), miC - mi, 1e-12);

        double cmi = new GaussianConditionalMutualInformation().Estimate(x, y, z).Nats;
        double cmiC = new GaussianConditionalMutualInformation { BiasCorrected = true }.Estimate(x, y, z).Nats;
        Assert.Equal(-WishartBias(n, 3) - WishartBias(n, 4) + WishartBias(n, 1) + WishartBias(n, 6), cmiC - cmi, 1e-12);

        SampleMatrix all = SampleMatrix.ConcatenateColumns(x, rest);
        double tc = new GaussianTotalCorrelation().Estimate(all).Nats;
        double tcC = new GaussianTotalCorrelation { BiasCorrected = true }.Estimate(all).Nats;
        Assert.Equal((-6 * WishartBias(n, 1)) + WishartBias(n, 6), tcC - tc, 1e-12);

        double copula = new GaussianCopulaMutualInformation().Estimate(x, y).Nats;
        double copulaC = new GaussianCopulaMutualInformation { BiasCorrected = true }.Estimate(x, y).Nats;
        Assert.Equal(-WishartBias(n, 2) - WishartBias(n, 3) + WishartBias(n, 5), copulaC - copula, 1e-12);
    }

    [Fact]
    public void BiasCorrection_Entropy_n50_d5_MeanOf200IsCloserToTruth()
    {
        // Gaussian data, n = 50, d = 5. The plain estimate is low by b(50, 5) ≈ −0.16 nats (Wishart moments); its sd is
        // about √(d/(2n)) ≈ 0.22, so the mean of 200 replicates has a standard error ≈ 0.016 (measured from the
        // replicates below). The corrected mean must be within 4 standard errors of the truth, the plain one must be
        // farther away, and the plain one's offset must match b within 4 standard errors.
        var task = MultivariateNormalTask.Equicorrelated(2, 3, 0.5);
        double truth = task.JointEntropy.Nats;
        double[] plain = new double[200], corrected = new double[200];
        var estimator = new GaussianEntropy();
        var correctedEstimator = new GaussianEntropy { BiasCorrected = true };
        for (int r = 0; r < 200; r++)
        {
            var (x, y) = task.Sample(50, 1000 + r);
            SampleMatrix joint = SampleMatrix.ConcatenateColumns(x, y);
            plain[r] = estimator.Estimate(joint).Nats;
            corrected[r] = correctedEstimator.Estimate(joint).Nats;
        }

        var (plainMean, plainError) = MeanAndError(plain);
        var (correctedMean, correctedError) = MeanAndError(corrected);
        Assert.InRange(correctedMean - truth, -4 * correctedError, 4 * correctedError);
        Assert.True(Math.Abs(correctedMean - truth) < Math.Abs(plainMean - truth));
        Assert.InRange(plainMean - truth - WishartBias(50, 5), -4 * plainError, 4 * plainError);
    }

    [Fact]
    public void BiasCorrection_MutualInformation_n50_d5_MeanOf200IsCloserToTruth()
    {
        // dx = 2, dy = 3, n = 50: the plain Gaussian MI is high by about dx·dy/(2n) ≈ 0.06 nats (more at this n); the
        // correction makes it unbiased for Gaussian data. The copula estimate gets the same correction, exact only for
        // Gaussian samples, approximately for normal scores; it too must end closer. Standard errors from the replicates.
        var task = MultivariateNormalTask.SparseInteractions(2, 3, 2, 0.5);
        double truth = task.TrueMutualInformation.Nats;
        int reps = 200;
        double[] gaussian = new double[reps], gaussianC = new double[reps], copula = new double[reps], copulaC = new double[reps];
        for (int r = 0; r < reps; r++)
        {
            var (x, y) = task.Sample(50, 5000 + r);
            gaussian[r] = new GaussianMutualInformation().Estimate(x, y).Nats;
            gaussianC[r] = new GaussianMutualInformation { BiasCorrected = true }.Estimate(x, y).Nats;
            copula[r] = new GaussianCopulaMutualInformation().Estimate(x, y).Nats;
            copulaC[r] = new GaussianCopulaMutualInformation { BiasCorrected = true }.Estimate(x, y).Nats;
        }

        var (gMean, _) = MeanAndError(gaussian);
        var (gcMean, gcError) = MeanAndError(gaussianC);
        var (cMean, _) = MeanAndError(copula);
        var (ccMean, ccError) = MeanAndError(copulaC);
        Assert.InRange(gcMean - truth, -4 * gcError, 4 * gcError);
        Assert.True(Math.Abs(gcMean - truth) < Math.Abs(gMean - truth), $"Gaussian: corrected {gcMean}, plain {gMean}, truth {truth}");
        Assert.True(Math.Abs(ccMean - truth) < Math.Abs(cMean - truth), $"copula: corrected {ccMean}, plain {cMean}, truth {truth}");
        Assert.InRange(ccMean - truth, -4 * ccError - 0.02, 4 * ccError + 0.02);
    }

    // ----- bad input -----

    [Fact]
    public void Estimate_MismatchedRows_ThrowsNamingTheVariable()
    {
        var (x, _) = MultivariateNormalTask.CorrelatedPair(0.3).Sample(20, 1);
        var (_, y) = MultivariateNormalTask.CorrelatedPair(0.3).Sample(21, 1);
        Assert.Equal("y", Assert.Throws<ArgumentException>(() => new GaussianCopulaMutualInformation().Estimate(x, y)).ParamName);
        Assert.Equal("z", Assert.Throws<ArgumentException>(() => new GaussianCopulaConditionalMutualInformation().Estimate(x, x, y)).ParamName);
        Assert.Equal("y", Assert.Throws<ArgumentException>(() => new GaussianCopulaMutualInformation().Estimate([1.0, 2, 3], [1.0, 2])).ParamName);
    }

    [Fact]
    public void Estimate_TooFewRows_Throws()
    {
        SampleMatrix x = SampleMatrix.FromRows([[1, 2], [2, 1]]), y = SampleMatrix.FromRows([[3], [1]]);
        var ex = Assert.Throws<ArgumentException>(() => new GaussianCopulaMutualInformation().Estimate(x, y));
        Assert.Equal("x", ex.ParamName);
        Assert.Contains("at least 4 samples", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Estimate_ConstantVariable_IsExactlyZero()
    {
        // A constant carries no information: I(X; c) = 0 and I(X; c | Z) = 0 exactly, as the k-NN estimators give ≈ 0.
        double[] varying = [1, 3, 2, 5, 4];
        double[] constant = [2, 2, 2, 2, 2];
        Assert.Equal(0.0, new GaussianCopulaMutualInformation().Estimate(varying, constant).Nats);
        Assert.Equal(0.0, new GaussianCopulaMutualInformation().Estimate(constant, varying).Nats);
        Assert.Equal(0.0, new GaussianCopulaConditionalMutualInformation().Estimate(constant, varying, [4.0, 1, 5, 2, 3]).Nats);
    }

    [Fact]
    public void Estimate_ConstantColumns_AreLeftOut()
    {
        // I(X, c; Y) = I(X; Y) and I(X; Y | c) = I(X; Y): the estimate with a constant column added, or with a constant
        // conditioning variable, equals the estimate without it to rounding.
        var random = new Random(5);
        int n = 200;
        double[] x = new double[n], y = new double[n], xc = new double[2 * n], c = new double[n];
        for (int i = 0; i < n; i++)
        {
            x[i] = random.NextDouble();
            y[i] = x[i] + random.NextDouble();
            xc[2 * i] = 7.5;
            xc[(2 * i) + 1] = x[i];
            c[i] = -3;
        }

        double plain = new GaussianCopulaMutualInformation().Estimate(x, y).Nats;
        Assert.True(plain > 0.1);
        Assert.Equal(plain, new GaussianCopulaMutualInformation().Estimate(SampleMatrix.FromRowMajor(xc, 2), SampleMatrix.FromRowMajor(y, 1)).Nats, 12);
        Assert.Equal(plain, new GaussianCopulaConditionalMutualInformation().Estimate(x, y, c).Nats, 12);
        Assert.Equal(
            new GaussianCopulaMutualInformation { BiasCorrected = true }.Estimate(x, y).Nats,
            new GaussianCopulaConditionalMutualInformation { BiasCorrected = true }.Estimate(x, y, c).Nats, 12);
    }

    [Fact]
    public void Estimate_NonFiniteSpan_ThrowsNamingTheVariable()
    {
        Assert.Equal("x", Assert.Throws<ArgumentException>(() => new GaussianCopulaMutualInformation().Estimate([1.0, double.NaN, 3, 4], [1.0, 2, 3, 4])).ParamName);
        Assert.Equal("z", Assert.Throws<ArgumentException>(() =>
            new GaussianCopulaConditionalMutualInformation().Estimate([1.0, 2, 3, 4, 5], [2.0, 1, 4, 3, 5], [1.0, 2, double.PositiveInfinity, 4, 5])).ParamName);
    }

    [Fact]
    public void Estimate_Null_Throws()
    {
        SampleMatrix x = SampleMatrix.FromRows([[1], [2], [3]]);
        Assert.Equal("x", Assert.Throws<ArgumentNullException>(() => new GaussianCopulaMutualInformation().Estimate(null!, x)).ParamName);
        Assert.Equal("y", Assert.Throws<ArgumentNullException>(() => new GaussianCopulaMutualInformation().Estimate(x, null!)).ParamName);
        Assert.Equal("z", Assert.Throws<ArgumentNullException>(() => new GaussianCopulaConditionalMutualInformation().Estimate(x, x, null!)).ParamName);
    }

    [Fact]
    public void Estimate_StrictlyMonotoneRelation_IsInfinite()
    {
        // Identical ranks make the scores identical: the joint covariance of the scores is singular.
        double[] x = [0.1, 0.5, -2, 3, 1.5, 0.7];
        double[] y = x.Select(Math.Exp).ToArray();
        Assert.True(double.IsPositiveInfinity(new GaussianCopulaMutualInformation().Estimate(x, y).Nats));
    }
}
