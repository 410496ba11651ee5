using InfoTheory.Variational;

namespace InfoTheory.Tests.Variational;

public sealed class VariationalBoundsTests
{
    private static double LogMeanExpOffDiagonal(double[] s, int k, Func<double, double> transform)
    {
        // Straightforward reference: max-shifted sum over every i ≠ j.
        double max = double.NegativeInfinity;
        for (int i = 0; i < k; i++)
        {
            for (int j = 0; j < k; j++)
            {
                if (i != j)
                {
                    max = Math.Max(max, transform(s[(i * k) + j]));
                }
            }
        }

        double sum = 0;
        for (int i = 0; i < k; i++)
        {
            for (int j = 0; j < k; j++)
            {
                if (i != j)
                {
                    sum += Math.Exp(transform(s[(i * k) + j]) - max);
                }
            }
        }

        return max + Math.Log(sum / (k * (k - 1.0)));
    }

    private static double MeanDiagonal(double[] s, int k) => Enumerable.Range(0, k).Average(i => s[(i * k) + i]);

    private static double NaiveInfoNce(double[] s, int k)
    {
        double total = 0;
        for (int i = 0; i < k; i++)
        {
            double z = 0;
            for (int j = 0; j < k; j++)
            {
                z += Math.Exp(s[(i * k) + j]);
            }

            total += s[(i * k) + i] - Math.Log(z / k);
        }

        return total / k;
    }

    [Fact]
    public void AllBounds_TwoByTwo_MatchHandComputedValues()
    {
        // S = [[1, 0], [2, 3]]: joint scores 1 and 3 (mean 2), off-diagonal scores 0 and 2.
        double[] s = [1, 0, 2, 3];
        double offMean = (1 + Math.Exp(2)) / 2;
        Assert.Equal(2 - Math.Log(offMean), VariationalBounds.DonskerVaradhan(s, 2).Bound.Nats, 1e-14);
        Assert.Equal(2 - (offMean / Math.E), VariationalBounds.NguyenWainwrightJordan(s, 2).Bound.Nats, 1e-14);
        Assert.Equal(1 + 2 - offMean, VariationalBounds.JensenShannon(s, 2).Bound.Nats, 1e-14);

        // InfoNCE: ln 2 + ½[(1 − ln(e¹ + e⁰)) + (3 − ln(e² + e³))].
        double nce = Math.Log(2) + (0.5 * ((1 - Math.Log(Math.E + 1)) + (3 - Math.Log(Math.Exp(2) + Math.Exp(3)))));
        VariationalBoundResult infoNce = VariationalBounds.InfoNce(s, 2);
        Assert.Equal(nce, infoNce.Bound.Nats, 1e-14);
        Assert.Equal(Math.Log(2), infoNce.Ceiling.Nats, 15);

        // TUBA with ln a = (0.5, −1): 1 + ½[(1 − 0.5) + (3 + 1)] − ½[e^(0 − 0.5) + e^(2 + 1)].
        double tuba = 1 + (0.5 * (0.5 + 4)) - (0.5 * (Math.Exp(-0.5) + Math.Exp(3)));
        Assert.Equal(tuba, VariationalBounds.Tuba(s, 2, [0.5, -1]).Bound.Nats, 1e-13);

        // SMILE with τ = 1: the off-diagonal 2 is clipped to 1 (the diagonal 3 is not): 2 − ln((e⁰ + e¹)/2).
        Assert.Equal(2 - Math.Log((1 + Math.E) / 2), VariationalBounds.Smile(s, 2, clip: 1).Bound.Nats, 1e-14);
    }

    [Theory]
    [InlineData(3, 1)]
    [InlineData(7, 2)]
    [InlineData(31, 3)]
    public void AllBounds_RandomCritic_AgreeWithStraightforwardReference(int k, int seed)
    {
        var random = new Random(seed);
        double[] s = new double[k * k];
        for (int i = 0; i < s.Length; i++)
        {
            s[i] = 6 * (random.NextDouble() - 0.3);
        }

        double[] baseline = Enumerable.Range(0, k).Select(_ => random.NextDouble() - 0.5).ToArray();
        double diag = MeanDiagonal(s, k);
        double lme = LogMeanExpOffDiagonal(s, k, v => v);

        // Equal up to summation order of ≤ k² terms of size ≤ e^4: 1e-12 absolute is ~1e3 ulps.
        const double Tolerance = 1e-12;
        Assert.Equal(diag - lme, VariationalBounds.DonskerVaradhan(s, k).Bound.Nats, Tolerance);
        Assert.Equal(diag - Math.Exp(lme - 1), VariationalBounds.NguyenWainwrightJordan(s, k).Bound.Nats, Tolerance);
        Assert.Equal(1 + diag - Math.Exp(lme), VariationalBounds.JensenShannon(s, k).Bound.Nats, Tolerance);
        Assert.Equal(NaiveInfoNce(s, k), VariationalBounds.InfoNce(s, k).Bound.Nats, Tolerance);
        Assert.Equal(diag - LogMeanExpOffDiagonal(s, k, v => Math.Clamp(v, -1.5, 1.5)), VariationalBounds.Smile(s, k, 1.5).Bound.Nats, Tolerance);

        double tubaMarginal = 0;
        double tubaJoint = 0;
        for (int i = 0; i < k; i++)
        {
            tubaJoint += s[(i * k) + i] - baseline[i];
            for (int j = 0; j < k; j++)
            {
                tubaMarginal += i == j ? 0 : Math.Exp(s[(i * k) + j] - baseline[i]);
            }
        }

        double tuba = 1 + (tubaJoint / k) - (tubaMarginal / (k * (k - 1.0)));
        Assert.Equal(tuba, VariationalBounds.Tuba(s, k, baseline).Bound.Nats, Tolerance);
    }

    [Fact]
    public void Special_Cases_CoincideWithTheGeneralForms()
    {
        double[] s = GaussianCritic.Scores(new Random(4), 40, 0.6);
        double[] ones = Enumerable.Repeat(1.0, 40).ToArray();
        double[] zeros = new double[40];
        Assert.Equal(VariationalBounds.NguyenWainwrightJordan(s, 40).Bound.Nats, VariationalBounds.Tuba(s, 40, ones).Bound.Nats, 1e-13);
        Assert.Equal(VariationalBounds.JensenShannon(s, 40).Bound.Nats, VariationalBounds.Tuba(s, 40, zeros).Bound.Nats, 1e-13);
        Assert.Equal(VariationalBounds.DonskerVaradhan(s, 40).Bound.Nats, VariationalBounds.Smile(s, 40, double.PositiveInfinity).Bound.Nats, 1e-13);
        // A clip wider than every |score| changes nothing (the clip is symmetric: [−τ, τ]).
        Assert.Equal(VariationalBounds.DonskerVaradhan(s, 40).Bound.Nats, VariationalBounds.Smile(s, 40, s.Max(Math.Abs) + 1).Bound.Nats, 1e-13);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(0.9)]
    public void AllBounds_OptimalGaussianCritic_LargeK_ApproachTrueMi(double rho)
    {
        // With f* = ln p(y|x)/p(y) (+1 for NWJ, whose optimum carries the constant) every bound is tight as K → ∞.
        // At K = 2000 the remaining biases are O(1/K) (InfoNCE: ≈ (E_p[r] − 1)/K ≈ 1e-3 at ρ = 0.9), far below the
        // sampling spread, so each estimate must lie within 4 of its own standard errors of the truth (the standard
        // errors are checked against replicate spread in StandardError_MatchesSpreadAcrossBatches), and the standard
        // error must be small enough that this is a real test (< 0.05 nats).
        const int K = 2000;
        double truth = GaussianCritic.TrueMi(rho);
        double[] s = GaussianCritic.Scores(new Random(2024), K, rho);
        double[] sPlusOne = s.Select(v => v + 1).ToArray();
        VariationalBoundResult[] results =
        [
            VariationalBounds.DonskerVaradhan(s, K),
            VariationalBounds.NguyenWainwrightJordan(sPlusOne, K),
            VariationalBounds.Tuba(s, K, new double[K]),
            VariationalBounds.JensenShannon(s, K),
            VariationalBounds.InfoNce(s, K),
            VariationalBounds.Smile(s, K, clip: 5),
        ];

        foreach (VariationalBoundResult r in results)
        {
            Assert.Equal(K, r.BatchSize);
            Assert.InRange(r.StandardError.Nats, 1e-4, 0.05);
            Assert.InRange(r.Bound.Nats, truth - (4 * r.StandardError.Nats), truth + (4 * r.StandardError.Nats));
        }
    }

    [Fact]
    public void InfoNce_HighMi_SaturatesAtLogK()
    {
        // ρ = 0.99999: I = 5.4 nats > ln 16 = 2.77. The joint pair dominates every row (conditional sd 0.0045), so each
        // term is ln K − ln(1 + Σ_{j≠i} r_ij/r_ii) with the sum ~1e-3 or less: the bound sits just under its ceiling.
        const int K = 16;
        VariationalBoundResult r = VariationalBounds.InfoNce(GaussianCritic.Scores(new Random(8), K, 0.99999), K);
        Assert.Equal(Math.Log(K), r.Ceiling.Nats, 15);
        Assert.InRange(r.Bound.Nats, Math.Log(K) - 0.05, Math.Log(K));
        Assert.True(GaussianCritic.TrueMi(0.99999) > r.Ceiling.Nats);
        Assert.Equal(double.PositiveInfinity, VariationalBounds.DonskerVaradhan(GaussianCritic.Scores(new Random(8), K, 0.5), K).Ceiling.Nats);
    }

    [Fact]
    public void InfoNce_LargeBatch_ChunkedRows_MatchStraightforwardReference()
    {
        // K = 600 runs the rows in parallel chunks. Reference: the bound as the mean of the rows' log-softmax of the
        // joint pair plus ln K, and the standard error from ψⱼ = ℓⱼ − Σᵢ softmax(row i)ⱼ, all summed row after row in
        // double. Equal up to summation order (≤ K² terms of size ≤ e³): 1e-10 absolute. Float input takes the float
        // kernels, whose exponentials are single precision: within 1e-6 of the double result on the same values, as
        // Float_AgreesWithDouble states for the small batches.
        const int K = 600;
        var random = new Random(17);
        double[] s = new double[K * K];
        for (int i = 0; i < s.Length; i++)
        {
            s[i] = Math.Round(6 * (random.NextDouble() - 0.5), 3);
        }

        double[] ell = new double[K], weights = new double[K];
        for (int i = 0; i < K; i++)
        {
            double z = 0;
            for (int j = 0; j < K; j++)
            {
                z += Math.Exp(s[(i * K) + j]);
            }

            ell[i] = s[(i * K) + i] - Math.Log(z);
            for (int j = 0; j < K; j++)
            {
                weights[j] += Math.Exp(s[(i * K) + j]) / z;
            }
        }

        double[] psi = [.. ell.Select((l, j) => l - weights[j])];
        double mean = psi.Average();
        double standardError = Math.Sqrt(psi.Sum(v => (v - mean) * (v - mean)) / (K - 1) / K);
        VariationalBoundResult r = VariationalBounds.InfoNce(s, K);
        Assert.Equal(Math.Log(K) + ell.Average(), r.Bound.Nats, 1e-10);
        Assert.Equal(standardError, r.StandardError.Nats, 1e-10);
        Assert.Equal(r, VariationalBounds.InfoNce(s, K)); // the same bits on every call, whatever thread ran which chunk

        float[] f = [.. s.Select(v => (float)v)];
        double[] widened = [.. f.Select(v => (double)v)];
        VariationalBoundResult rf = VariationalBounds.InfoNce(f, K);
        Assert.Equal(VariationalBounds.InfoNce(widened, K).Bound.Nats, rf.Bound.Nats, 1e-6);
        Assert.Equal(VariationalBounds.InfoNce(widened, K).StandardError.Nats, rf.StandardError.Nats, 1e-6);
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void StandardError_MatchesSpreadAcrossBatches()
    {
        // 300 independent batches of K = 64 at ρ = 0.7: the standard deviation of the 300 estimates is known to ±4 %
        // (1/√(2·300)); the reported standard error is first order in 1/K, so allow its root-mean-square to be within
        // a factor 1.3 of the observed spread (a row-only error, which ignores the column route, is off by ~√2).
        const int K = 64, Batches = 300;
        var random = new Random(99);
        var values = new List<double>[5];
        var errors = new List<double>[5];
        for (int b = 0; b < 5; b++)
        {
            values[b] = [];
            errors[b] = [];
        }

        for (int t = 0; t < Batches; t++)
        {
            double[] s = GaussianCritic.Scores(random, K, 0.7);
            VariationalBoundResult[] r =
            [
                VariationalBounds.DonskerVaradhan(s, K),
                VariationalBounds.NguyenWainwrightJordan(s.Select(v => v + 1).ToArray(), K),
                VariationalBounds.JensenShannon(s, K),
                VariationalBounds.InfoNce(s, K),
                VariationalBounds.Smile(s, K, 2),
            ];
            for (int b = 0; b < 5; b++)
            {
                values[b].Add(r[b].Bound.Nats);
                errors[b].Add(r[b].StandardError.Nats);
            }
        }

        for (int b = 0; b < 5; b++)
        {
            double mean = values[b].Average();
            double spread = Math.Sqrt(values[b].Sum(v => (v - mean) * (v - mean)) / (Batches - 1));
            double reported = Math.Sqrt(errors[b].Average(e => e * e));
            Assert.InRange(reported / spread, 1 / 1.3, 1.3);
        }
    }

    [Fact]
    public void Invariants_HoldOnArbitraryCritics()
    {
        var random = new Random(5);
        for (int trial = 0; trial < 50; trial++)
        {
            int k = 2 + random.Next(40);
            double scale = trial % 2 == 0 ? 1 : 60;
            double[] s = new double[k * k];
            for (int i = 0; i < s.Length; i++)
            {
                s[i] = random.NextDouble() < 0.05 ? double.NegativeInfinity : scale * (random.NextDouble() - 0.5);
            }

            s[0] = 0; // keep the diagonal finite-ish somewhere
            VariationalBoundResult nce = VariationalBounds.InfoNce(s, k);
            Assert.True(nce.Bound.Nats <= Math.Log(k), $"InfoNCE {nce.Bound.Nats} > ln {k}");

            // ln u ≤ u/e for u > 0, so DV ≥ NWJ for the same critic.
            double dv = VariationalBounds.DonskerVaradhan(s, k).Bound.Nats;
            double nwj = VariationalBounds.NguyenWainwrightJordan(s, k).Bound.Nats;
            Assert.True(dv >= nwj || (double.IsNegativeInfinity(dv) && double.IsNegativeInfinity(nwj)), $"DV {dv} < NWJ {nwj}");
        }
    }

    [Theory]
    [InlineData(1000.0)]
    [InlineData(-1000.0)]
    [InlineData(1e-3)]
    public void DonskerVaradhanAndInfoNce_ConstantShift_Unchanged(double c)
    {
        const int K = 50;
        double[] s = GaussianCritic.Scores(new Random(6), K, 0.8);
        double[] shifted = GaussianCritic.Scores(new Random(6), K, 0.8, offset: c);
        // Only rounding of scores near |c| differs: |c|·2⁻⁵² ≈ 2e-13 at c = 1000, summed over ≤ 3 operations.
        Assert.Equal(VariationalBounds.DonskerVaradhan(s, K).Bound.Nats, VariationalBounds.DonskerVaradhan(shifted, K).Bound.Nats, 1e-10);
        Assert.Equal(VariationalBounds.InfoNce(s, K).Bound.Nats, VariationalBounds.InfoNce(shifted, K).Bound.Nats, 1e-10);
        Assert.Equal(VariationalBounds.DonskerVaradhan(s, K).StandardError.Nats, VariationalBounds.DonskerVaradhan(shifted, K).StandardError.Nats, 1e-9);
    }

    [Fact]
    public void Float_AgreesWithDouble()
    {
        const int K = 300;
        double[] s = GaussianCritic.Scores(new Random(7), K, 0.8);
        float[] f = s.Select(v => (float)v).ToArray();
        double[] rounded = f.Select(v => (double)v).ToArray();
        // The marginal bounds' float path widens each score to double and accumulates in double: on the same (rounded)
        // scores the results agree to double rounding of sums of K² terms.
        Assert.Equal(VariationalBounds.DonskerVaradhan(rounded, K).Bound.Nats, VariationalBounds.DonskerVaradhan(f, K).Bound.Nats, 1e-12);
        // InfoNCE's float path takes each row's log-sum-exp with the library's float kernel, whose exponentials are
        // single precision (relative error ≲ 1e-7 per term, accumulated in double): 1e-6 nats bounds that.
        Assert.Equal(VariationalBounds.InfoNce(rounded, K).Bound.Nats, VariationalBounds.InfoNce(f, K).Bound.Nats, 1e-6);
        Assert.Equal(VariationalBounds.InfoNce(rounded, K).StandardError.Nats, VariationalBounds.InfoNce(f, K).StandardError.Nats, 1e-6);
        Assert.Equal(VariationalBounds.NguyenWainwrightJordan(rounded, K).Bound.Nats, VariationalBounds.NguyenWainwrightJordan(f, K).Bound.Nats, 1e-12);
        Assert.Equal(VariationalBounds.JensenShannon(rounded, K).Bound.Nats, VariationalBounds.JensenShannon(f, K).Bound.Nats, 1e-12);
        Assert.Equal(VariationalBounds.Smile(rounded, K, 1).Bound.Nats, VariationalBounds.Smile(f, K, 1).Bound.Nats, 1e-12);
        Assert.Equal(VariationalBounds.Tuba(rounded, K, new double[K]).Bound.Nats, VariationalBounds.Tuba(f, K, new double[K]).Bound.Nats, 1e-12);
    }

    [Fact]
    public void ExtremeScores_StayFinite()
    {
        // Off-diagonal scores 800 below the joint ones: a naive e^S underflows to 0 and DV would be +∞; the shared shift
        // keeps it exact: DV = 0 − ln(e^−800) = 800 for S = [[0, −800], [−800, 0]].
        double[] s = [0, -800, -800, 0];
        Assert.Equal(800, VariationalBounds.DonskerVaradhan(s, 2).Bound.Nats, 1e-10);
        Assert.Equal(Math.Log(2), VariationalBounds.InfoNce(s, 2).Bound.Nats, 1e-12);
        double[] big = [800, 0, 0, 800];
        Assert.Equal(800, VariationalBounds.DonskerVaradhan(big, 2).Bound.Nats, 1e-10);
        Assert.Equal(800, VariationalBounds.InfoNce([1000, 200, 0, 1000], 2).Bound.Nats + 800 - Math.Log(2), 1e-9);
    }

    [Fact]
    public void BadInput_Throws()
    {
        double[] s = [1, 0, 2, 3];
        Assert.Equal("batchSize", Assert.Throws<ArgumentOutOfRangeException>(() => VariationalBounds.DonskerVaradhan(s, 1)).ParamName);
        Assert.Equal("scores", Assert.Throws<ArgumentException>(() => VariationalBounds.InfoNce(new double[6], 2)).ParamName);
        Assert.Equal("scores", Assert.Throws<ArgumentException>(() => VariationalBounds.InfoNce(new float[9], 2)).ParamName);
        var nan = Assert.Throws<ArgumentException>(() => VariationalBounds.NguyenWainwrightJordan([1, 0, double.NaN, 3], 2));
        Assert.Equal("scores", nan.ParamName);
        Assert.Contains("row 1, column 0", nan.Message, StringComparison.Ordinal);
        var inf = Assert.Throws<ArgumentException>(() => VariationalBounds.InfoNce([1, 0, 2, float.PositiveInfinity], 2));
        Assert.Contains("row 1, column 1", inf.Message, StringComparison.Ordinal);
        Assert.Equal("scores", Assert.Throws<ArgumentException>(() => VariationalBounds.Smile([double.NaN, 0, 2, 3], 2)).ParamName);
        Assert.Equal("logBaseline", Assert.Throws<ArgumentException>(() => VariationalBounds.Tuba(s, 2, [0.0])).ParamName);
        Assert.Equal("logBaseline", Assert.Throws<ArgumentException>(() => VariationalBounds.Tuba(s, 2, [0.0, double.NaN])).ParamName);
        Assert.Equal("clip", Assert.Throws<ArgumentOutOfRangeException>(() => VariationalBounds.Smile(s, 2, 0)).ParamName);
        Assert.Equal("clip", Assert.Throws<ArgumentOutOfRangeException>(() => VariationalBounds.Smile(s, 2, double.NaN)).ParamName);

        // −∞ is a valid score (the critic rules the pair out): off the diagonal it contributes e^−∞ = 0.
        Assert.Equal(2 - Math.Log(0.5), VariationalBounds.DonskerVaradhan([1, double.NegativeInfinity, 0, 3], 2).Bound.Nats, 1e-14);
    }
}
