using InfoTheory.Continuous;
using InfoTheory.Testing;

namespace InfoTheory.Tests.Continuous;

/// <summary>Properties of the k-NN estimators: symmetry, invariances, additivity, independence, ties, determinism.</summary>
public sealed class KnnPropertyTests
{
    private static readonly double[] Shared = KnnTestData.Normals(400, 700);

    [Theory]
    [InlineData(KsgAlgorithm.One)]
    [InlineData(KsgAlgorithm.Two)]
    public void Ksg_IsExactlySymmetric(KsgAlgorithm algorithm)
    {
        SampleMatrix x = KnnTestData.Dependent(400, 2, 1, Shared), y = KnnTestData.Dependent(400, 3, 2, Shared);
        var estimator = new KsgMutualInformation { Algorithm = algorithm };
        double xy = estimator.Estimate(x, y).Nats;
        Assert.True(xy > 0.1);
        Assert.Equal(xy, estimator.Estimate(y, x).Nats);
    }

    [Fact]
    public void ConditionalAndMixed_AreExactlySymmetric()
    {
        SampleMatrix x = KnnTestData.Dependent(400, 1, 3, Shared), y = KnnTestData.Dependent(400, 2, 4, Shared), z = KnnTestData.Independent(400, 2, 5);
        var cmi = new KsgConditionalMutualInformation();
        Assert.Equal(cmi.Estimate(x, y, z).Nats, cmi.Estimate(y, x, z).Nats);
        var mixed = new MixedKsgMutualInformation();
        Assert.Equal(mixed.Estimate(x, y).Nats, mixed.Estimate(y, x).Nats);
    }

    [Fact]
    public void Ksg_NormalScores_ExactlyInvariantUnderIncreasingMaps()
    {
        // The normal scores depend only on the ranks, which a strictly increasing map keeps.
        (SampleMatrix x, SampleMatrix y) = MultivariateNormalTask.CorrelatedPair(0.6).Sample(500, 6);
        var estimator = new KsgMutualInformation { Scaling = SampleScaling.NormalScores };
        double before = estimator.Estimate(x, y).Nats;
        double after = estimator.Estimate(KnnTestData.Map(x, v => v * v * v), KnnTestData.Map(y, Math.Exp)).Nats;
        Assert.Equal(before, after);
        var cmi = new KsgConditionalMutualInformation { Scaling = SampleScaling.NormalScores };
        SampleMatrix z = KnnTestData.Independent(500, 1, 7);
        Assert.Equal(cmi.Estimate(x, y, z).Nats, cmi.Estimate(KnnTestData.Map(x, Math.Exp), y, KnnTestData.Map(z, v => (2 * v) + Math.Sin(v))).Nats);
    }

    [Fact]
    public void Ksg_Standardize_InvariantUnderAffineMaps()
    {
        // Standardising removes scale and offset up to rounding (about 1e-16 relative in the scaled values), far below
        // any gap between neighbour distances; measured: identical results.
        (SampleMatrix x, SampleMatrix y) = MultivariateNormalTask.CorrelatedPair(0.6).Sample(600, 8);
        var estimator = new KsgMutualInformation();
        double before = estimator.Estimate(x, y).Nats;
        double after = estimator.Estimate(KnnTestData.Map(x, v => (3 * v) - 7), KnnTestData.Map(y, v => (-0.01 * v) + 1e3)).Nats;
        Assert.True(Math.Abs(before - after) <= 1e-9, $"{before:R} vs {after:R}");
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void Ksg_Standardize_MonotoneMaps_ChangeEstimateWithinTolerance()
    {
        // MI is invariant under strictly monotone maps of each column; the estimate moves with the changed geometry.
        // x ↦ 2x + sin x and y ↦ exp(y/2) at n = 2000: differences of a few 0.01 nats (sd of the estimate ≈ 0.02).
        (SampleMatrix x, SampleMatrix y) = MultivariateNormalTask.CorrelatedPair(0.6).Sample(2000, 9);
        var estimator = new KsgMutualInformation();
        double before = estimator.Estimate(x, y).Nats;
        double after = estimator.Estimate(KnnTestData.Map(x, v => (2 * v) + Math.Sin(v)), KnnTestData.Map(y, v => Math.Exp(v / 2))).Nats;
        Assert.True(Math.Abs(before - after) <= 0.04, $"{before:R} vs {after:R}");
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void Ksg_IndependentPairs_AddUp()
    {
        // I((X₁, X₂); (Y₁, Y₂)) = I(X₁;Y₁) + I(X₂;Y₂) for independent pairs (chain rule). At n = 2000 each estimate has
        // sd ≈ 0.02, the joint one a small negative bias from the 4-D space: three seeds differed by −0.05 … +0.03.
        var task = MultivariateNormalTask.CorrelatedPair(0.6);
        (SampleMatrix x1, SampleMatrix y1) = task.Sample(2000, 60);
        (SampleMatrix x2, SampleMatrix y2) = task.Sample(2000, 70);
        var estimator = new KsgMutualInformation();
        double sum = estimator.Estimate(x1, y1).Nats + estimator.Estimate(x2, y2).Nats;
        double joint = estimator.Estimate(SampleMatrix.ConcatenateColumns(x1, x2), SampleMatrix.ConcatenateColumns(y1, y2)).Nats;
        Assert.True(Math.Abs(sum - joint) <= 0.08, $"sum {sum:R}, joint {joint:R}");
        Assert.InRange(joint, (2 * task.TrueMutualInformation.Nats) - 0.06, (2 * task.TrueMutualInformation.Nats) + 0.06);
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void Ksg_Independent_NearZeroAndShrinkingWithN()
    {
        // Under independence KSG is unbiased; its spread falls like 1/√n (measured mean |Î| 0.027 at n = 250,
        // 0.014 at n = 2000 over six seeds).
        static double MeanAbsolute(int n)
        {
            double sum = 0;
            for (int seed = 0; seed < 6; seed++)
            {
                sum += Math.Abs(new KsgMutualInformation().Estimate(KnnTestData.Normals(n, 80 + seed), KnnTestData.Normals(n, 90 + seed)).Nats);
            }

            return sum / 6;
        }

        double small = MeanAbsolute(250), large = MeanAbsolute(2000);
        Assert.True(small < 0.06, $"n = 250: {small:R}");
        Assert.True(large < 0.03, $"n = 2000: {large:R}");
        Assert.True(large < small, $"{large:R} ≥ {small:R}");
    }

    [Fact]
    public void Ksg_ConstantColumn_GivesZero()
    {
        // scikit-learn issue 30772: a constant feature was reported to carry information. With the column centred and
        // jittered, algorithm 1 finds every other point within the joint radius in X, so nₓ = n − 1 and the estimate is
        // ψ(k) + ψ(n) − ψ(n) − ψ(k) = 0 up to rounding. Algorithm 2 measures X on the scale of the jitter, which is
        // independent of Y: an estimate under independence, sd ≈ 0.01 at n = 1000.
        double[] constant = Enumerable.Repeat(3.7e6, 1000).ToArray();
        double[] y = KnnTestData.Normals(1000, 8);
        Assert.InRange(new KsgMutualInformation().Estimate(constant, y).Nats, -1e-9, 1e-9);
        Assert.InRange(new KsgMutualInformation { Algorithm = KsgAlgorithm.Two }.Estimate(constant, y).Nats, -0.03, 0.03);
        double[] labels = Enumerable.Range(0, 1000).Select(i => i % 100 == 0 ? 1.0 : 0.0).ToArray();
        Assert.InRange(new KsgMutualInformation().Estimate(constant, labels).Nats, -0.01, 0.01);
    }

    [Fact]
    public void Ksg_TwoConstantColumns_GiveNearZero()
    {
        // Equal constant columns must not share their jitter (they would then look identical, I = large).
        double[] constant = Enumerable.Repeat(1.0, 1000).ToArray();
        Assert.InRange(new KsgMutualInformation().Estimate(constant, constant).Nats, -0.05, 0.05);
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void Ross_ConstantFeature_RareLabel_NearZero()
    {
        // The scikit-learn 30772 setting: a constant feature, a label with 1% positives, H(L) = 0.056 nats. With the
        // constant centred before jitter the estimate is noise around 0 (measured 2.4e-3 at n = 5000), not a tie artefact.
        int n = 5000;
        double[] constant = Enumerable.Repeat(3.7e6, n).ToArray();
        int[] labels = Enumerable.Range(0, n).Select(i => i % 100 == 0 ? 1 : 0).ToArray();
        Assert.InRange(new RossMutualInformation().Estimate(labels, constant).Nats, -0.01, 0.01);
    }

    [Fact]
    public void Jitter_ConstantColumnAtLargeOffset_MakesEveryValueDistinct()
    {
        // The root cause of scikit-learn 30772: noise smaller than the resolution of the values leaves exact ties. After
        // centring, 10⁻¹⁰-scale noise is resolved to about 10⁻²⁶, so 10⁵ draws are all distinct.
        int n = 100_000;
        SampleMatrix constant = SampleMatrix.FromRowMajor(Enumerable.Repeat(3.7e6, n).ToArray(), 1);
        SampleMatrix prepared = InfoTheory.Continuous.Internal.KnnSamples.Prepare([constant], SampleScaling.None, TieHandling.Jitter, 0)[0];
        Assert.Equal(n, prepared.Data.ToArray().Distinct().Count());
        Assert.True(prepared.Data.ToArray().All(v => Math.Abs(v) <= 1e-10));
    }

    [Fact]
    public void MixedKsg_ConstantColumn_GivesTheDocumentedFixedKBias()
    {
        // The paper's estimator with a constant X and continuous Y: nₓ = n − 1, n_y = k, so every term is
        // ψ(k) + ln n − ln n − ln(k + 1) (documented on the class; it vanishes only as k grows).
        double[] constant = Enumerable.Repeat(2.0, 500).ToArray();
        double[] y = KnnTestData.Normals(500, 9);
        foreach (int k in new[] { 3, 5, 20 })
        {
            double expected = MathNet.Numerics.SpecialFunctions.DiGamma(k) - Math.Log(k + 1);
            Assert.Equal(expected, new MixedKsgMutualInformation { K = k, Counts = MixedKsgCounts.Paper }.Estimate(constant, y).Nats, 12);
        }
    }

    [Fact]
    public void Jitter_SameSeed_SameBits_DifferentSeed_Close()
    {
        double[] x = Enumerable.Range(0, 600).Select(i => (double)(i % 7)).ToArray();
        double[] y = KnnTestData.Normals(600, 10).Select((v, i) => v + (i % 7)).ToArray();
        double a = new KsgMutualInformation { Seed = 1 }.Estimate(x, y).Nats;
        double b = new KsgMutualInformation { Seed = 1 }.Estimate(x, y).Nats;
        double c = new KsgMutualInformation { Seed = 2 }.Estimate(x, y).Nats;
        Assert.Equal(a, b);
        Assert.True(Math.Abs(a - c) < 0.05, $"{a:R} vs {c:R}");
    }

    [Fact]
    public void Ksg_DiscreteColumnWithoutTieHandling_DiffersFromJitter()
    {
        // Ties left exact change the strict counts; the jittered estimate is the sane one (see the accuracy tests).
        double[] x = Enumerable.Range(0, 600).Select(i => (double)(i % 3)).ToArray();
        double[] y = x.Select((v, i) => v + (0.1 * (i % 5))).ToArray();
        double exact = new KsgMutualInformation { Ties = TieHandling.None }.Estimate(x, y).Nats;
        double jittered = new KsgMutualInformation().Estimate(x, y).Nats;
        Assert.NotEqual(exact, jittered);
        Assert.InRange(jittered, Math.Log(3) - 0.1, Math.Log(3) + 0.1);
    }

    [Fact]
    public void AllEstimators_SerialAndParallel_GiveSameBits()
    {
        SampleMatrix x = KnnTestData.Dependent(300, 2, 11, Shared), y = KnnTestData.Dependent(300, 1, 12, Shared), z = KnnTestData.Independent(300, 1, 13);
        int[] labels = Enumerable.Range(0, 300).Select(i => i % 4).ToArray();
        foreach (Func<int, double> run in new Func<int, double>[]
        {
            p => new KozachenkoLeonenkoEntropy { MaxDegreeOfParallelism = p }.Estimate(x).Nats,
            p => new KsgMutualInformation { MaxDegreeOfParallelism = p }.Estimate(x, y).Nats,
            p => new KsgMutualInformation { Algorithm = KsgAlgorithm.Two, MaxDegreeOfParallelism = p }.Estimate(x, y).Nats,
            p => new KsgConditionalMutualInformation { MaxDegreeOfParallelism = p }.Estimate(x, y, z).Nats,
            p => new KsgTotalCorrelation { MaxDegreeOfParallelism = p }.Estimate(x, y, z).Nats,
            p => new KnnKullbackLeiblerDivergence { MaxDegreeOfParallelism = p }.Estimate(x, KnnTestData.Independent(250, 2, 14)).Nats,
            p => new KnnKullbackLeiblerDivergence { MaxDegreeOfParallelism = p }.CrossEntropy(x, KnnTestData.Independent(250, 2, 14)).Nats,
            p => new RossMutualInformation { MaxDegreeOfParallelism = p }.Estimate(labels, x).Nats,
            p => new MixedKsgMutualInformation { MaxDegreeOfParallelism = p }.Estimate(x, y).Nats,
        })
        {
            Assert.Equal(run(1), run(-1));
            Assert.Equal(run(1), run(3));
        }
    }

    [Fact]
    public void Estimates_DoNotModifyInputs()
    {
        double[] x = KnnTestData.Normals(200, 15), y = KnnTestData.Normals(200, 16);
        double[] xCopy = (double[])x.Clone(), yCopy = (double[])y.Clone();
        SampleMatrix mx = SampleMatrix.FromRowMajor(x, 1);
        double[] before = mx.Data.ToArray();
        _ = new KsgMutualInformation { Scaling = SampleScaling.NormalScores }.Estimate(x, y);
        _ = new KozachenkoLeonenkoEntropy { Scaling = SampleScaling.Standardize, Ties = TieHandling.Jitter }.Estimate(mx);
        _ = new KnnKullbackLeiblerDivergence { Scaling = SampleScaling.Standardize, Ties = TieHandling.Jitter }.Estimate(x, y);
        Assert.Equal(xCopy, x);
        Assert.Equal(yCopy, y);
        Assert.Equal(before, mx.Data.ToArray());
    }

    [Fact]
    public void Ksg_ZeroVarianceColumnWithStandardize_IsLeftUnscaled()
    {
        // A constant column inside a multivariate X: centred, not divided by 0; the estimate equals the one without it.
        SampleMatrix x = KnnTestData.Dependent(300, 1, 17, Shared), y = KnnTestData.Dependent(300, 1, 18, Shared);
        SampleMatrix withConstant = SampleMatrix.ConcatenateColumns(x, SampleMatrix.FromRowMajor(Enumerable.Repeat(5.0, 300).ToArray(), 1));
        var estimator = new KsgMutualInformation { Ties = TieHandling.None };
        Assert.Equal(estimator.Estimate(x, y).Nats, estimator.Estimate(withConstant, y).Nats);
    }

    [Fact]
    public void Divergence_IsInvariantUnderCommonStandardization_WithinRounding()
    {
        SampleMatrix p = KnnTestData.Independent(300, 2, 19), q = KnnTestData.Map(KnnTestData.Independent(280, 2, 20), v => (1.3 * v) + 0.2);
        double plain = new KnnKullbackLeiblerDivergence().Estimate(p, q).Nats;
        double scaled = new KnnKullbackLeiblerDivergence().Estimate(KnnTestData.Map(p, v => (50 * v) + 3), KnnTestData.Map(q, v => (50 * v) + 3)).Nats;
        double standardized = new KnnKullbackLeiblerDivergence { Scaling = SampleScaling.Standardize }.Estimate(p, q).Nats;
        Assert.Equal(plain, scaled, 9);
        Assert.True(double.IsFinite(standardized));
    }
}
