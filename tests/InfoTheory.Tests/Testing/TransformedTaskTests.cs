using InfoTheory.Continuous;
using InfoTheory.Testing;
using MathNet.Numerics.Distributions;

namespace InfoTheory.Tests.Testing;

public sealed class TransformedTaskTests
{
    private static readonly MultivariateNormalTask s_twoPairs = MultivariateNormalTask.SparseInteractions(2, 2, 2, 0.6);

    /// <summary>Asserts every value of <paramref name="actual"/>, mapped back by <paramref name="inverse"/>, is the base value.</summary>
    private static void AssertInverts(SampleMatrix baseSamples, SampleMatrix actual, Func<double, double> inverse, double tolerance)
    {
        Assert.Equal((baseSamples.Rows, baseSamples.Columns), (actual.Rows, actual.Columns));
        ReadOnlySpan<double> expected = baseSamples.Data.Span, mapped = actual.Data.Span;
        for (int k = 0; k < expected.Length; k++)
        {
            double back = inverse(mapped[k]);
            Assert.True(Math.Abs(back - expected[k]) <= tolerance * Math.Max(1, Math.Abs(expected[k])),
                $"index {k}: {back:R} vs {expected[k]:R}");
        }
    }

    [Fact]
    public void NormalCdf_InvertedByNormalQuantile_RecoversBaseSamples()
    {
        // Φ⁻¹ from MathNet (an independent implementation); for |x| ≤ ~5, Φ(x) keeps ~1e-16 relative accuracy and the
        // quantile amplifies that by 1/φ(x) ≤ ~3e6 in the worst case of a sample of 500, so 1e-9 is generous.
        var task = TransformedTask.NormalCdf(s_twoPairs);
        var (x, y) = task.Sample(500, 1);
        var (bx, by) = s_twoPairs.Sample(500, 1);
        AssertInverts(bx, x, u => Normal.InvCDF(0, 1, u), 1e-9);
        AssertInverts(by, y, u => Normal.InvCDF(0, 1, u), 1e-9);
        Assert.All(x.Data.ToArray(), u => Assert.InRange(u, 0, 1));
    }

    [Fact]
    public void HalfCube_InvertedBySignedTwoThirdsPower_RecoversBaseSamples()
    {
        // y = sign(x)|x|^{3/2} ⇒ x = sign(y)|y|^{2/3}; a few ulps of rounding.
        var task = TransformedTask.HalfCube(s_twoPairs);
        var (x, y) = task.Sample(500, 2);
        var (bx, by) = s_twoPairs.Sample(500, 2);
        static double Inverse(double v) => Math.Sign(v) * Math.Pow(Math.Abs(v), 2.0 / 3);
        AssertInverts(bx, x, Inverse, 1e-13);
        AssertInverts(by, y, Inverse, 1e-13);
    }

    [Fact]
    public void Asinh_InvertedBySinh_RecoversBaseSamples()
    {
        var baseTask = MultivariateStudentTTask.SparseInteractions(1, 2, 1, 0.5, 1);
        var task = TransformedTask.Asinh(baseTask);
        var (x, y) = task.Sample(500, 3);
        var (bx, by) = baseTask.Sample(500, 3);
        AssertInverts(bx, x, Math.Sinh, 1e-13);
        AssertInverts(by, y, Math.Sinh, 1e-13);
    }

    [Fact]
    public void Wiggly_InvertedByBisection_RecoversBaseSamples()
    {
        // w is strictly increasing with w(x) − x ∈ [−0.6, 0.6], so its inverse at v lies in [v − 0.6, v + 0.6]; bisect there.
        static double W(double t) => t + (0.4 * Math.Sin(t)) + (0.2 * Math.Sin((1.7 * t) + 1));
        static double Inverse(double v)
        {
            double lo = v - 0.6, hi = v + 0.6;
            for (int i = 0; i < 200 && hi - lo > 1e-15 * Math.Max(1, Math.Abs(v)); i++)
            {
                double mid = 0.5 * (lo + hi);
                (lo, hi) = W(mid) < v ? (mid, hi) : (lo, mid);
            }

            return 0.5 * (lo + hi);
        }

        var baseTask = MultivariateNormalTask.CorrelatedPair(0.75);
        var task = TransformedTask.Wiggly(baseTask);
        var (x, y) = task.Sample(500, 4);
        var (bx, by) = baseTask.Sample(500, 4);
        AssertInverts(bx, x, Inverse, 1e-12);
        AssertInverts(by, y, Inverse, 1e-12);
    }

    [Fact]
    public void Spiral_InvertedByOppositeRotation_RecoversBaseSamples()
    {
        // R(θ) keeps the norm, so the inverse of x ↦ R(s‖x‖²)x at y is R(−s‖y‖²)y.
        const double speed = 0.5;
        var baseTask = MultivariateNormalTask.SparseInteractions(3, 3, 2, 0.8);
        var task = TransformedTask.Spiral(baseTask, speed);
        var (x, y) = task.Sample(300, 5);
        var (bx, by) = baseTask.Sample(300, 5);
        AssertSpiralInverts(bx, x);
        AssertSpiralInverts(by, y);

        static void AssertSpiralInverts(SampleMatrix expected, SampleMatrix actual)
        {
            for (int i = 0; i < actual.Rows; i++)
            {
                ReadOnlySpan<double> v = actual.Row(i);
                double norm2 = 0;
                foreach (double c in v)
                {
                    norm2 += c * c;
                }

                double angle = -speed * norm2;
                double a = (Math.Cos(angle) * v[0]) - (Math.Sin(angle) * v[1]);
                double b = (Math.Sin(angle) * v[0]) + (Math.Cos(angle) * v[1]);
                // The angle is recomputed from a norm with ~1e-16 relative error; at ‖x‖² ≈ 30 that moves it by ~1e-14.
                Assert.Equal(expected[i, 0], a, 1e-11);
                Assert.Equal(expected[i, 1], b, 1e-11);
                Assert.Equal(expected[i, 2], v[2]);
            }
        }
    }

    [Fact]
    public void SwissRoll_InvertedByRadius_RecoversBaseSamples()
    {
        // Output (t cos t, t sin t)/(4.5π) with t = 1.5π(1 + 2Φ(x)): the radius gives t, hence Φ(x), hence x.
        var baseTask = MultivariateNormalTask.CorrelatedPair(0.75);
        var task = TransformedTask.SwissRoll(baseTask);
        Assert.Equal((2, 1), (task.XDimension, task.YDimension));
        var (x, y) = task.Sample(400, 6);
        var (bx, by) = baseTask.Sample(400, 6);
        Assert.Equal(by.Data.ToArray(), y.Data.ToArray());
        for (int i = 0; i < x.Rows; i++)
        {
            double t = 4.5 * Math.PI * Math.Sqrt((x[i, 0] * x[i, 0]) + (x[i, 1] * x[i, 1]));
            double u = ((t / (1.5 * Math.PI)) - 1) / 2;
            Assert.Equal(Math.Cos(t) * t / (4.5 * Math.PI), x[i, 0], 1e-12);
            Assert.Equal(bx[i, 0], Normal.InvCDF(0, 1, u), 1e-8);
        }
    }

    [Fact]
    public void SwissRoll_TwoDimensionalX_CarriesSecondCoordinateInTheMiddle()
    {
        var baseTask = MultivariateNormalTask.SparseInteractions(2, 1, 1, 0.7);
        var task = TransformedTask.SwissRoll(baseTask);
        Assert.Equal((3, 1), (task.XDimension, task.YDimension));
        var (x, _) = task.Sample(100, 7);
        var (bx, _) = baseTask.Sample(100, 7);
        for (int i = 0; i < x.Rows; i++)
        {
            Assert.Equal(0.5 * (1 + MathNet.Numerics.SpecialFunctions.Erf(bx[i, 1] / Math.Sqrt(2))), x[i, 1], 1e-14);
            double radius = Math.Sqrt((x[i, 0] * x[i, 0]) + (x[i, 2] * x[i, 2]));
            Assert.InRange(radius, 1.0 / 3, 1.0);
        }
    }

    [Fact]
    public void TrueMutualInformation_IsTheBaseTasks()
    {
        Assert.Equal(s_twoPairs.TrueMutualInformation, TransformedTask.HalfCube(s_twoPairs).TrueMutualInformation);
        Assert.Equal(s_twoPairs.TrueMutualInformation, TransformedTask.Spiral(s_twoPairs, 2).TrueMutualInformation);
        var custom = new TransformedTask(s_twoPairs, InjectiveTransforms.Identity, InjectiveTransforms.Elementwise("exp", Math.Exp));
        Assert.Equal(-Math.Log(1 - 0.36), custom.TrueMutualInformation.Nats, 14);
        Assert.Same(s_twoPairs, custom.BaseTask);
        Assert.Equal("exp", custom.YTransform.Name);
    }

    [Fact]
    public void GaussianEstimator_NormalCdfOfNormal_n100000_IsBelowTrueButRankStructureKept()
    {
        // Φ is monotone, so the MI (0.446 nats) is unchanged, but the Pearson correlation of Φ(X), Φ(Y) is the Spearman
        // correlation of the normal pair, (6/π) asin(ρ/2) = 0.5818 for ρ = 0.6 (Pearson 1907); the linear estimate therefore
        // sits near −½ ln(1 − 0.5818²) per pair (0.2067, so 0.4134 for two), below the truth. sd ≈ √2·0.58/√n ≈ 0.0026.
        var task = TransformedTask.NormalCdf(s_twoPairs);
        var (x, y) = task.Sample(100_000, 8);
        double r = 6 / Math.PI * Math.Asin(0.3);
        double expected = -Math.Log(1 - (r * r));
        Assert.InRange(new GaussianMutualInformation().Estimate(x, y).Nats, expected - 0.013, expected + 0.013);
    }

    [Fact]
    public void Sample_SameSeed_SameBits_OtherSeed_Differs()
    {
        var task = TransformedTask.Spiral(s_twoPairs, 1);
        var (x1, y1) = task.Sample(30, 9);
        var (x2, y2) = task.Sample(30, 9);
        var (x3, _) = task.Sample(30, 10);
        Assert.Equal(x1.Data.ToArray(), x2.Data.ToArray());
        Assert.Equal(y1.Data.ToArray(), y2.Data.ToArray());
        Assert.NotEqual(x1.Data.ToArray(), x3.Data.ToArray());
    }

    [Fact]
    public void Constructor_UnsupportedDimension_ThrowsNamingTheTransform()
    {
        var pair = MultivariateNormalTask.CorrelatedPair(0.5);
        Assert.Equal("xTransform", Assert.Throws<ArgumentException>(() => TransformedTask.Spiral(pair, 1)).ParamName);
        Assert.Equal("yTransform", Assert.Throws<ArgumentException>(() =>
            new TransformedTask(MultivariateNormalTask.SparseInteractions(2, 1, 1, 0.5), InjectiveTransforms.Spiral(1), InjectiveTransforms.Spiral(1))).ParamName);
        Assert.Equal("xTransform", Assert.Throws<ArgumentException>(() => TransformedTask.SwissRoll(MultivariateNormalTask.SparseInteractions(3, 1, 1, 0.5))).ParamName);
        Assert.Equal("task", Assert.Throws<ArgumentNullException>(() => TransformedTask.HalfCube(null!)).ParamName);
        Assert.Equal("yTransform", Assert.Throws<ArgumentNullException>(() => new TransformedTask(pair, InjectiveTransforms.Identity, null!)).ParamName);
        Assert.Equal("n", Assert.Throws<ArgumentOutOfRangeException>(() => TransformedTask.Asinh(pair).Sample(0, 1)).ParamName);
    }

    [Fact]
    public void ToString_NamesTheMapsAndTheBase()
    {
        string text = TransformedTask.SwissRoll(MultivariateNormalTask.CorrelatedPair(0.5)).ToString();
        Assert.Contains("swiss-roll∘normal-cdf", text, StringComparison.Ordinal);
        Assert.Contains("identity", text, StringComparison.Ordinal);
        Assert.Contains("MultivariateNormalTask", text, StringComparison.Ordinal);
    }
}
