using InfoTheory.Continuous;
using InfoTheory.Kernel;
using K = InfoTheory.Kernel.KernelFunction;

namespace InfoTheory.Tests.Kernel;

/// <summary>
/// Every kernel and matrix-based estimator against the invariances it claims — translation (offsets 0, 1e4, 1e8),
/// row permutation, scale where a bandwidth rule makes it hold, thread count — and against the classes of bad input
/// (non-finite entries, too few rows, constant variables, non-PSD matrices, mismatched sizes, matrices that cannot be
/// allocated). One theory row per estimator and case.
/// </summary>
/// <remarks>
/// The samples lie on the grid 2⁻²⁰ℤ (seeded normals rounded), with |values| &lt; 2⁶: adding 1e4, −1e4, 2e4, 1e8,
/// −1e8 or 2e8 to them is then exact in double precision (1e8 + 64 &lt; 2²⁷, where the spacing of doubles is 2⁻²⁶), so a
/// translated input is exactly the translation of the original and any change of the result is the estimator's own
/// doing, not the input's rounding. Translation invariance is asserted to the 1e-9 relative; the centring
/// makes it exact in fact.
/// </remarks>
public sealed class KernelRobustnessTests
{
    private const int N = 96;

    private enum ScaleLaw
    {
        /// <summary>Not claimed (explicit bandwidth, polynomial kernels, seeded randomness over rows).</summary>
        None,

        /// <summary>f(a·x) = f(x) for every a &gt; 0.</summary>
        Invariant,

        /// <summary>f(a·x) = f(x) for a power of two only (results depend on single-precision rounding otherwise).</summary>
        InvariantPowerOfTwo,

        /// <summary>f(a·x) = f(x) + d ln a with d = 2 (a differential entropy of 2-D samples).</summary>
        AddsTwoLogA,

        /// <summary>f(a·x) = a·f(x) (a bandwidth).</summary>
        Linear,
    }

    /// <summary>Inputs after x → a·x + offset (per variable: x + o, y − o, z + 2o, p + o, q + o) and a row order.</summary>
    private sealed record Inputs(SampleMatrix X, SampleMatrix Y, SampleMatrix Z, SampleMatrix P, SampleMatrix Q, int[] Labels, double Scale);

    private sealed record Case(Func<Inputs, int, double[]> Run, bool Translation, ScaleLaw Scale, bool Permutation);

    private static double[] Grid(double[] values)
    {
        for (int k = 0; k < values.Length; k++)
        {
            values[k] = Math.ScaleB(Math.Round(Math.ScaleB(values[k], 20)), -20);
        }

        return values;
    }

    private static double[] Normal(int count, int seed, double mean = 0)
    {
        double[] values = new double[count];
        MathNet.Numerics.Distributions.Normal.Samples(new Random(seed), values, mean, 1.0);
        return values;
    }

    private static readonly double[] s_x = Grid(Normal(N * 2, 11));
    private static readonly double[] s_noise = Normal(N, 12);
    private static readonly double[] s_y = Grid(Enumerable.Range(0, N).Select(i => s_x[2 * i] + (0.5 * s_noise[i])).ToArray());
    private static readonly double[] s_z = Grid(Normal(N, 13));
    private static readonly double[] s_p = Grid(Normal(N * 2, 14));
    private static readonly double[] s_q = Grid(Normal(N * 2, 15, 0.5));
    private static readonly int[] s_labels = Enumerable.Range(0, N).Select(i => i % 3).ToArray();

    private static SampleMatrix Transform(double[] values, int d, double scale, double offset, int[]? order)
    {
        double[] result = new double[values.Length];
        for (int i = 0; i < values.Length / d; i++)
        {
            int source = order is null ? i : order[i];
            for (int k = 0; k < d; k++)
            {
                result[(i * d) + k] = (scale * values[(source * d) + k]) + offset;
            }
        }

        return SampleMatrix.FromRowMajor(result, d);
    }

    private static Inputs Make(double offset = 0, double scale = 1, int[]? order = null) => new(
        Transform(s_x, 2, scale, offset, order),
        Transform(s_y, 1, scale, -offset, order),
        Transform(s_z, 1, scale, 2 * offset, order),
        Transform(s_p, 2, scale, offset, order),
        Transform(s_q, 2, scale, offset, order),
        order is null ? s_labels : order.Select(i => s_labels[i]).ToArray(),
        scale);

    private static double[] One(double value) => [value];

    private static readonly Dictionary<string, Case> s_cases = new()
    {
        ["MatrixRenyiEntropy(α=2)"] = new((i, t) => One(new MatrixRenyiEntropy(2) { MaxDegreeOfParallelism = t }.Estimate(i.X).Nats), true, ScaleLaw.Invariant, true),
        ["MatrixRenyiEntropy(α=1)"] = new((i, t) => One(new MatrixRenyiEntropy(1) { MaxDegreeOfParallelism = t }.Estimate(i.X).Nats), true, ScaleLaw.Invariant, true),
        ["MatrixRenyiEntropy(α=0.5)"] = new((i, t) => One(new MatrixRenyiEntropy(0.5) { MaxDegreeOfParallelism = t }.Estimate(i.X).Nats), true, ScaleLaw.Invariant, true),
        ["MatrixRenyiEntropy(α=∞)"] = new((i, t) => One(new MatrixRenyiEntropy(double.PositiveInfinity) { MaxDegreeOfParallelism = t }.Estimate(i.X).Nats), true, ScaleLaw.Invariant, true),
        ["MatrixRenyiEntropy(α=1.5, Laplacian median)"] = new((i, t) => One(new MatrixRenyiEntropy(1.5) { Kernel = K.Laplacian(BandwidthRule.MedianHeuristic), MaxDegreeOfParallelism = t }.Estimate(i.X).Nats), true, ScaleLaw.Invariant, true),
        ["MatrixRenyiEntropy(α=2, Gaussian σ=0.7)"] = new((i, t) => One(new MatrixRenyiEntropy(2) { Kernel = K.Gaussian(0.7), MaxDegreeOfParallelism = t }.Estimate(i.X).Nats), true, ScaleLaw.None, true),
        ["MatrixRenyiEntropy(α=1, Scott)"] = new((i, t) => One(new MatrixRenyiEntropy(1) { Kernel = K.Gaussian(BandwidthRule.Scott), MaxDegreeOfParallelism = t }.Estimate(i.X).Nats), true, ScaleLaw.Invariant, true),
        ["MatrixRenyiEntropy.EstimateJoint(α=2)"] = new((i, t) => One(new MatrixRenyiEntropy(2) { MaxDegreeOfParallelism = t }.EstimateJoint(i.X, i.Y).Nats), true, ScaleLaw.Invariant, true),
        ["MatrixRenyiEntropy.EstimateJoint(α=1.5)"] = new((i, t) => One(new MatrixRenyiEntropy(1.5) { MaxDegreeOfParallelism = t }.EstimateJoint(i.X, i.Y).Nats), true, ScaleLaw.Invariant, true),
        ["MatrixRenyiMutualInformation(α=2)"] = new((i, t) => One(new MatrixRenyiMutualInformation(2) { MaxDegreeOfParallelism = t }.Estimate(i.X, i.Y).Nats), true, ScaleLaw.Invariant, true),
        ["MatrixRenyiMutualInformation(α=1)"] = new((i, t) => One(new MatrixRenyiMutualInformation(1) { MaxDegreeOfParallelism = t }.Estimate(i.X, i.Y).Nats), true, ScaleLaw.Invariant, true),
        ["MatrixRenyiConditionalMutualInformation(α=2)"] = new((i, t) => One(new MatrixRenyiConditionalMutualInformation(2) { MaxDegreeOfParallelism = t }.Estimate(i.X, i.Y, i.Z).Nats), true, ScaleLaw.Invariant, true),
        ["MatrixRenyiConditionalMutualInformation(α=1.5)"] = new((i, t) => One(new MatrixRenyiConditionalMutualInformation(1.5) { MaxDegreeOfParallelism = t }.Estimate(i.X, i.Y, i.Z).Nats), true, ScaleLaw.Invariant, true),
        ["QuadraticRenyiEntropy(Silverman)"] = new((i, t) => One(new QuadraticRenyiEntropy { MaxDegreeOfParallelism = t }.Estimate(i.X).Nats), true, ScaleLaw.AddsTwoLogA, true),
        ["QuadraticRenyiEntropy(σ=0.5)"] = new((i, t) => One(new QuadraticRenyiEntropy { Kernel = K.Gaussian(0.5), MaxDegreeOfParallelism = t }.Estimate(i.X).Nats), true, ScaleLaw.None, true),
        ["CauchySchwarzDivergenceEstimator"] = new((i, t) => One(new CauchySchwarzDivergenceEstimator { MaxDegreeOfParallelism = t }.Estimate(i.P, i.Q).Nats), true, ScaleLaw.Invariant, true),
        ["CauchySchwarzMutualInformation"] = new((i, t) => One(new CauchySchwarzMutualInformation { MaxDegreeOfParallelism = t }.Estimate(i.X, i.Y).Nats), true, ScaleLaw.Invariant, true),
        ["Hsic.Statistic"] = new((i, t) => One(new Hsic { MaxDegreeOfParallelism = t }.Statistic(i.X, i.Y)), true, ScaleLaw.Invariant, true),
        ["Hsic.Test"] = new((i, t) =>
        {
            HsicTestResult r = new Hsic { MaxDegreeOfParallelism = t }.Test(i.X, i.Y, 20, 3);
            return [r.Statistic, r.PValue, .. r.NullDistribution.ToArray()];
        }, true, ScaleLaw.InvariantPowerOfTwo, false),
        ["DiffusionSpectralEntropy"] = new((i, t) => One(new DiffusionSpectralEntropy { MaxDegreeOfParallelism = t }.Estimate(i.X).Nats), true, ScaleLaw.Invariant, true),
        ["DiffusionSpectralEntropy.MutualInformation"] = new((i, t) => One(new DiffusionSpectralEntropy { DiffusionTime = 2, MaxDegreeOfParallelism = t }.MutualInformation(i.X, i.Labels).Nats), true, ScaleLaw.Invariant, true),
        ["StochasticMatrixEntropy.Renyi(samples)"] = new((i, t) =>
        {
            SpectralEstimate e = StochasticMatrixEntropy.Renyi(i.X, K.Gaussian(), 1.5, probes: 4, steps: 8, seed: 5, maxDegreeOfParallelism: t, deflation: 4);
            return [e.Entropy.Nats, e.StandardError.Nats];
        }, true, ScaleLaw.InvariantPowerOfTwo, false),
        ["GramMatrix.Compute(Gaussian Silverman)"] = new((i, t) => GramMatrix.Compute(i.X, K.Gaussian(), t), true, ScaleLaw.Invariant, false),
        ["GramMatrix.Compute(Laplacian σ=1)"] = new((i, t) => GramMatrix.Compute(i.X, K.Laplacian(1.0), t), true, ScaleLaw.None, false),
        ["KernelFunction.SelectBandwidth(Silverman)"] = new((i, _) => One(K.SelectBandwidth(i.X, BandwidthRule.Silverman)), true, ScaleLaw.Linear, true),
        ["KernelFunction.SelectBandwidth(MedianHeuristic)"] = new((i, _) => One(K.SelectBandwidth(i.X, BandwidthRule.MedianHeuristic)), true, ScaleLaw.Linear, true),
        ["MatrixEntropy.OfRepresentation(α=1)"] = new((i, t) => One(MatrixEntropy.OfRepresentation(i.X, 1, t).Nats), false, ScaleLaw.Invariant, true),
        ["MatrixEntropy.OfRepresentation(α=2)"] = new((i, t) => One(MatrixEntropy.OfRepresentation(i.X, 2, t).Nats), false, ScaleLaw.Invariant, true),

        // R(aZ, aε) = R(Z, ε): the coding rate depends on Z / ε only.
        ["CodingRate.Of"] = new((i, t) => One(CodingRate.Of(i.X, 0.5 * i.Scale, t).Nats), false, ScaleLaw.Invariant, true),
        ["CodingRate.RateReduction"] = new((i, t) => One(CodingRate.RateReduction(i.X, i.Labels, 0.5 * i.Scale, t).Nats), false, ScaleLaw.Invariant, true),
    };

    public static TheoryData<string, double> TranslationCases()
    {
        var data = new TheoryData<string, double>();
        foreach ((string name, Case c) in s_cases)
        {
            if (c.Translation)
            {
                data.Add(name, 1e4);
                data.Add(name, 1e8);
            }
        }

        return data;
    }

    public static TheoryData<string, double> ScaleCases()
    {
        var data = new TheoryData<string, double>();
        foreach ((string name, Case c) in s_cases)
        {
            if (c.Scale == ScaleLaw.None)
            {
                continue;
            }

            data.Add(name, Math.ScaleB(1, 30));
            data.Add(name, Math.ScaleB(1, -40));
            if (c.Scale != ScaleLaw.InvariantPowerOfTwo)
            {
                data.Add(name, 3.0);
                data.Add(name, 1e300);
                data.Add(name, 1e-300);
            }
        }

        return data;
    }

    public static TheoryData<string> PermutationCases()
    {
        var data = new TheoryData<string>();
        foreach ((string name, Case c) in s_cases)
        {
            if (c.Permutation)
            {
                data.Add(name);
            }
        }

        return data;
    }

    public static TheoryData<string> AllCases()
    {
        var data = new TheoryData<string>();
        foreach (string name in s_cases.Keys)
        {
            data.Add(name);
        }

        return data;
    }

    private static void AssertClose(double[] expected, double[] actual, double relative)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int k = 0; k < expected.Length; k++)
        {
            double tolerance = (relative * Math.Max(Math.Abs(expected[k]), Math.Abs(actual[k]))) + 1e-300;
            Assert.True(Math.Abs(expected[k] - actual[k]) <= tolerance,
                $"entry {k}: expected {expected[k]:R}, got {actual[k]:R} (relative tolerance {relative:G3})");
        }
    }

    [Theory]
    [MemberData(nameof(TranslationCases))]
    public void Translation_ExactOffset_SameResultAsAtZero(string name, double offset)
    {
        // The tolerance, 1e-9 relative. The translated input is exact (see the class remarks) and the samples are
        // centred at their median, an order statistic, so the prepared samples and hence the results are in fact identical.
        Case c = s_cases[name];
        AssertClose(c.Run(Make(), -1), c.Run(Make(offset), -1), 1e-9);
    }

    [Theory]
    [MemberData(nameof(ScaleCases))]
    public void Scale_ByFactor_FollowsScaleLaw(string name, double a)
    {
        // Powers of two scale exactly, so the prepared samples are identical; other factors round each input value once
        // (relative 1.1e-16), which moves the results by a few ulps of their condition: 1e-10 relative leaves orders of
        // magnitude of margin while any real scale dependence (a bandwidth not following the data) changes them by O(1).
        Case c = s_cases[name];
        double[] reference = c.Run(Make(), -1);
        double[] scaled = c.Run(Make(scale: a), -1);
        double[] expected = c.Scale switch
        {
            ScaleLaw.AddsTwoLogA => reference.Select(v => v + (2 * Math.Log(a))).ToArray(),
            ScaleLaw.Linear => reference.Select(v => v * a).ToArray(),
            _ => reference,
        };
        AssertClose(expected, scaled, 1e-10);
    }

    [Theory]
    [MemberData(nameof(PermutationCases))]
    public void Permutation_OfRows_SameResult(string name)
    {
        // Permuting rows permutes the Gram matrix: sums are taken in another order and the eigenvalues come from another
        // Householder path, errors of order n·ε ≈ 2e-14 relative; 1e-10 leaves margin and still catches any real
        // dependence on the row order.
        Case c = s_cases[name];
        int[] order = KernelTestData.Permutation(N, 21);
        AssertClose(c.Run(Make(), -1), c.Run(Make(order: order), -1), 1e-10);
    }

    [Theory]
    [MemberData(nameof(AllCases))]
    public void Parallelism_OneTwoAndAllThreads_BitIdentical(string name)
    {
        // 96 rows are two 64-row blocks: the work really is split, and every partial sum must be combined in a fixed order.
        Case c = s_cases[name];
        Inputs inputs = Make(offset: 1e4);
        double[] serial = c.Run(inputs, 1);
        Assert.Equal(serial, c.Run(inputs, 2));
        Assert.Equal(serial, c.Run(inputs, -1));
    }

    [Fact]
    public void MatrixRenyi_GenericNormalsPlus1e8_WithinInputRounding()
    {
        // The example: 300 standard normals plus 1e8 (not on a grid, so the offset input is rounded to the spacing
        // 2⁻²⁶ ≈ 1.5e-8 of doubles near 1e8). Before centring the result was 0.475 nats instead of about 1.77; now it may
        // move only by the input's own rounding, a relative perturbation of the distances of about 1e-8, so 1e-6 is ample.
        double[] values = Normal(300, 7);
        SampleMatrix x = SampleMatrix.FromRowMajor(values, 1);
        SampleMatrix shifted = SampleMatrix.FromRowMajor(values.Select(v => v + 1e8).ToArray(), 1);
        foreach (double alpha in new[] { 1.0, 2.0 })
        {
            var estimator = new MatrixRenyiEntropy(alpha);
            double reference = estimator.Estimate(x).Nats;
            Assert.Equal(reference, estimator.Estimate(shifted).Nats, 1e-6 * reference);
        }
    }

    public static TheoryData<string, string> BadInputCases()
    {
        var data = new TheoryData<string, string>();
        foreach (string key in s_badInputs.Keys)
        {
            int bar = key.IndexOf('|', StringComparison.Ordinal);
            data.Add(key[..bar], key[(bar + 1)..]);
        }

        return data;
    }

    private static SampleMatrix Rows(int n, int d = 1, int seed = 1) => SampleMatrix.FromRowMajor(Normal(n * d, seed), d);

    private static SampleMatrix Constant(int n) => SampleMatrix.FromRowMajor(Enumerable.Repeat(3.25, n).ToArray(), 1);

    /// <summary>50 000 rows: one n × n matrix of doubles would have 2.5e9 elements, more than an array can hold.</summary>
    private static readonly Lazy<SampleMatrix> s_huge = new(() => SampleMatrix.FromRowMajor(Enumerable.Range(0, 50_000).Select(i => (double)i).ToArray(), 1));

    private static readonly double[] s_notPsd = [1.0, 2, 2, 1]; // eigenvalues 3 and −1

    /// <summary>"estimator|class" → (the call, the parameter its ArgumentException must name).</summary>
    private static readonly Dictionary<string, (Action Call, string Parameter)> s_badInputs = new()
    {
        // Non-finite values: samples cannot hold them (SampleMatrix rejects them with row and column); explicit matrices are checked.
        ["SampleMatrix|NaN"] = (() => SampleMatrix.FromRowMajor([0.0, double.NaN, 1], 1), "samples"),
        ["SampleMatrix|∞"] = (() => SampleMatrix.FromRowMajor([0.0, double.PositiveInfinity, 1], 1), "samples"),
        ["MatrixEntropy.Renyi(α=2)|NaN"] = (() => MatrixEntropy.Renyi([1.0, double.NaN, double.NaN, 1], 2, 2), "matrix"),
        ["MatrixEntropy.Renyi(α=1.5)|∞"] = (() => MatrixEntropy.Renyi([double.PositiveInfinity, 0, 0, 1], 2, 1.5), "matrix"),
        ["MatrixEntropy.NormalizedSpectrum|NaN"] = (() => MatrixEntropy.NormalizedSpectrum([double.NaN, 0, 0, 1], 2), "matrix"),
        ["StochasticMatrixEntropy.Renyi(matrix)|NaN"] = (() => StochasticMatrixEntropy.Renyi([1.0, double.NaN, double.NaN, 1], 2, 1.5), "matrix"),

        // Not positive semi-definite: the same check at every order.
        ["MatrixEntropy.Renyi(α=0)|not PSD"] = (() => MatrixEntropy.Renyi(s_notPsd, 2, 0), "matrix"),
        ["MatrixEntropy.Renyi(α=0.5)|not PSD"] = (() => MatrixEntropy.Renyi(s_notPsd, 2, 0.5), "matrix"),
        ["MatrixEntropy.Renyi(α=2)|not PSD"] = (() => MatrixEntropy.Renyi(s_notPsd, 2, 2), "matrix"),
        ["MatrixEntropy.Renyi(α=∞)|not PSD"] = (() => MatrixEntropy.Renyi(s_notPsd, 2, double.PositiveInfinity), "matrix"),
        ["MatrixEntropy.VonNeumann|not PSD"] = (() => MatrixEntropy.VonNeumann(s_notPsd, 2), "matrix"),
        ["MatrixEntropy.NormalizedSpectrum|not PSD"] = (() => MatrixEntropy.NormalizedSpectrum(s_notPsd, 2), "matrix"),

        // With n ≤ steps the Krylov space is the whole space, so the Ritz values are the eigenvalues and −1 is found.
        ["StochasticMatrixEntropy.Renyi(matrix)|not PSD"] = (() => StochasticMatrixEntropy.Renyi(s_notPsd, 2, 1.5), "matrix"),

        // Too few rows for a bandwidth rule: the error names the estimator's own parameter.
        ["MatrixRenyiEntropy|too few rows"] = (() => new MatrixRenyiEntropy(2).Estimate(Rows(1)), "samples"),
        ["MatrixRenyiEntropy(α=1)|too few rows"] = (() => new MatrixRenyiEntropy(1).Estimate(Rows(1)), "samples"),
        ["MatrixRenyiEntropy.EstimateJoint|too few rows"] = (() => new MatrixRenyiEntropy(2).EstimateJoint(Rows(1), Rows(1)), "variables"),
        ["MatrixRenyiMutualInformation|too few rows"] = (() => new MatrixRenyiMutualInformation(2).Estimate(Rows(1), Rows(1)), "x"),
        ["MatrixRenyiConditionalMutualInformation|too few rows"] = (() => new MatrixRenyiConditionalMutualInformation(1).Estimate(Rows(1), Rows(1), Rows(1)), "x"),
        ["QuadraticRenyiEntropy|too few rows"] = (() => new QuadraticRenyiEntropy().Estimate(Rows(1)), "samples"),
        ["CauchySchwarzMutualInformation|too few rows"] = (() => new CauchySchwarzMutualInformation().Estimate(Rows(1), Rows(1)), "x"),
        ["Hsic.Statistic|too few rows"] = (() => new Hsic { Kernel = K.Gaussian(1.0) }.Statistic(Rows(1), Rows(1)), "x"),
        ["DiffusionSpectralEntropy|too few rows"] = (() => new DiffusionSpectralEntropy().Estimate(Rows(1)), "samples"),
        ["StochasticMatrixEntropy.Renyi(samples)|too few rows"] = (() => StochasticMatrixEntropy.Renyi(Rows(1), K.Gaussian(), 1.5), "samples"),
        ["GramMatrix.Compute|too few rows"] = (() => GramMatrix.Compute(Rows(1), K.Gaussian(BandwidthRule.MedianHeuristic)), "samples"),

        // A constant variable: the bandwidth rule gives σ = 0, reported against that variable (not "samples").
        ["MatrixRenyiMutualInformation|constant y"] = (() => new MatrixRenyiMutualInformation(2).Estimate(Rows(20), Constant(20)), "y"),
        ["MatrixRenyiMutualInformation(α=1)|constant y"] = (() => new MatrixRenyiMutualInformation(1).Estimate(Rows(20), Constant(20)), "y"),
        ["MatrixRenyiConditionalMutualInformation|constant z"] = (() => new MatrixRenyiConditionalMutualInformation(2).Estimate(Rows(20), Rows(20, seed: 2), Constant(20)), "z"),
        ["CauchySchwarzMutualInformation|constant y"] = (() => new CauchySchwarzMutualInformation().Estimate(Rows(20), Constant(20)), "y"),
        ["Hsic.Statistic|constant y"] = (() => new Hsic().Statistic(Rows(20), Constant(20)), "y"),
        ["Hsic.Test|constant x"] = (() => new Hsic().Test(Constant(20), Rows(20), 10, 1), "x"),
        ["CauchySchwarzDivergenceEstimator|constant pooled"] = (() => new CauchySchwarzDivergenceEstimator().Estimate(Constant(5), Constant(7)), "p"),
        ["QuadraticRenyiEntropy|constant"] = (() => new QuadraticRenyiEntropy().Estimate(Constant(10)), "samples"),

        // Sizes that do not match.
        ["MatrixRenyiMutualInformation|mismatched rows"] = (() => new MatrixRenyiMutualInformation(2).Estimate(Rows(10), Rows(11)), "y"),
        ["MatrixRenyiConditionalMutualInformation|mismatched rows"] = (() => new MatrixRenyiConditionalMutualInformation(2).Estimate(Rows(10), Rows(10), Rows(9)), "z"),
        ["MatrixRenyiEntropy.EstimateJoint|mismatched rows"] = (() => new MatrixRenyiEntropy(2).EstimateJoint(Rows(10), Rows(9)), "variables"),
        ["CauchySchwarzMutualInformation|mismatched rows"] = (() => new CauchySchwarzMutualInformation().Estimate(Rows(10), Rows(12)), "y"),
        ["CauchySchwarzDivergenceEstimator|mismatched dimensions"] = (() => new CauchySchwarzDivergenceEstimator().Estimate(Rows(10, 2), Rows(10, 3)), "q"),
        ["Hsic.Statistic|mismatched rows"] = (() => new Hsic().Statistic(Rows(10), Rows(8)), "y"),
        ["DiffusionSpectralEntropy.MutualInformation|mismatched labels"] = (() => new DiffusionSpectralEntropy().MutualInformation(Rows(10), new int[9]), "labels"),
        ["CodingRate.RateReduction|mismatched labels"] = (() => CodingRate.RateReduction(Rows(10, 2), new int[11], 0.5), "labels"),
        ["MatrixEntropy.Renyi|wrong length"] = (() => MatrixEntropy.Renyi([1.0, 0, 0], 2, 2), "matrix"),

        // n × n matrices that cannot exist: a clear ArgumentException before any work, never an OutOfMemoryException.
        ["Hsic.Statistic|too large"] = (() => new Hsic().Statistic(s_huge.Value, s_huge.Value), "x"),
        ["MatrixRenyiEntropy(α=1.5)|too large"] = (() => new MatrixRenyiEntropy(1.5).Estimate(s_huge.Value), "samples"),
        ["MatrixRenyiMutualInformation(α=1)|too large"] = (() => new MatrixRenyiMutualInformation(1).Estimate(s_huge.Value, s_huge.Value), "x"),
        ["DiffusionSpectralEntropy|too large"] = (() => new DiffusionSpectralEntropy().Estimate(s_huge.Value), "samples"),
        ["GramMatrix.Compute|too large"] = (() => GramMatrix.Compute(s_huge.Value, K.Gaussian()), "samples"),

        // An ε so small that d/(nε²)·ZᵀZ overflows: reported against epsilon, not as a factorisation failure.
        ["CodingRate.Of|ε underflows"] = (() => CodingRate.Of(Rows(10, 2), double.Epsilon), "epsilon"),
    };

    [Theory]
    [MemberData(nameof(BadInputCases))]
    public void BadInput_ThrowsArgumentExceptionNamingParameter(string estimator, string inputClass)
    {
        (Action call, string parameter) = s_badInputs[estimator + "|" + inputClass];
        ArgumentException e = Assert.ThrowsAny<ArgumentException>(call);
        Assert.Equal(parameter, e.ParamName);
        Assert.DoesNotContain("MathNet", e.GetType().FullName, StringComparison.Ordinal);
    }

    [Fact]
    public void Renyi_AlphaTwo_PositiveSemiDefinite_StillTheFrobeniusValue()
    {
        // The PSD check does not change the α = 2 value: diag(1, 1, 2) / 4 gives S₂ = −ln(1/16 + 1/16 + 4/16) = ln(8/3).
        double[] m = [1.0, 0, 0, 0, 1, 0, 0, 0, 2];
        Assert.Equal(Math.Log(8.0 / 3.0), MatrixEntropy.Renyi(m, 3, 2).Nats, 14);
    }

    [Fact]
    public void Renyi_HugeAndTinyScales_SameAsUnitScale()
    {
        // Sₐ(M / tr M) does not depend on the scale of M; 1e300 would overflow the squares and 1e-300 underflow them
        // without the power-of-two scaling. Scaling by a non-power of two rounds each entry once: 1e-12 relative.
        double[] m = [2.0, 1, 0.5, 1, 3, 0.25, 0.5, 0.25, 1];
        foreach (double alpha in new[] { 0.5, 1.0, 2.0 })
        {
            double reference = MatrixEntropy.Renyi(m, 3, alpha).Nats;
            foreach (double scale in new[] { 1e300, 1e-300 })
            {
                double[] scaled = m.Select(v => v * scale).ToArray();
                Assert.Equal(reference, MatrixEntropy.Renyi(scaled, 3, alpha).Nats, 1e-12 * reference);
            }
        }
    }
}
