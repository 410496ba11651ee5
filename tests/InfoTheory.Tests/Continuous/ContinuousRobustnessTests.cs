using InfoTheory.Continuous;
using MathNet.Numerics.Distributions;

namespace InfoTheory.Tests.Continuous;

/// <summary>
/// One sweep over every public continuous estimator: each invariance it claims (translation, scale from 1e-300 to
/// 1e300, row permutation, monotone maps for the rank-based ones, thread count) and each class of bad input (NaN, ±∞,
/// too few rows for k, mismatched row counts, k out of range), one theory row per estimator × case.
/// </summary>
/// <remarks>
/// The invariances are theorems about the quantities (DESIGN §5: "an estimator that is invariant in theory is
/// invariant in floating point over the whole double range"), so each row compares an estimate with the estimate of
/// the untransformed data; nothing is compared with a stored output. Entropies are not scale-invariant:
/// h(aX) = h(X) + d ln a (Cover &amp; Thomas 2006, Thm 8.6.4), and that is what their rows check.
/// </remarks>
public sealed class ContinuousRobustnessTests
{
    /// <summary>Rows of the standard data (the divergence's second sample has <see cref="QRows"/>).</summary>
    private const int N = 400;

    private const int QRows = 300;

    /// <summary>
    /// Normal scores lie on the fixed grid Φ⁻¹(r/(n + 1)), so many max-norm distances between scores tie exactly and the
    /// seeded 1e-10 jitter decides them. The jitter stream is keyed by the column's values in row order, so permuting
    /// or reflecting the data re-draws it and a tied neighbour count can move by one: each such change moves the estimate
    /// by about ψ'(c)/n ≤ 1.7/400 = 0.004 and changes of both signs cancel in part. This bound is an order of magnitude
    /// below the estimator's own standard deviation at n = 400 (≈ 1.05/√n = 0.05); with exact tie counting
    /// (<see cref="TieHandling.None"/>, the "ExactTies" row) the same transforms agree to rounding.
    /// </summary>
    private const double TieNoise = 5e-3;

    private enum ScaleClaim
    {
        /// <summary>The quantity does not change under x → a x + c.</summary>
        Invariant,

        /// <summary>A differential entropy: h(a X + c) = h(X) + d ln |a|.</summary>
        Entropy,
    }

    /// <summary>The estimator's arguments: continuous samples, labels (for the label-continuous estimator), k and threads.</summary>
    private sealed record Args(SampleMatrix[] M, int[] Labels, int? K, int Mdop);

    /// <summary>
    /// An estimator as the sweep sees it. <paramref name="Params"/> are the public parameter names of its continuous
    /// arguments, in order; <paramref name="DefaultK"/> is null for estimators without a neighbour order.
    /// </summary>
    private sealed record Spec(
        string Name,
        string[] Params,
        int[] Columns,
        Func<Args, double> Run,
        ScaleClaim Scale = ScaleClaim.Invariant,
        bool RankBased = false,
        int? DefaultK = null,
        bool Labels = false,
        bool Parallel = false,
        Func<double[][], int[], double>? Spans = null,
        string? MismatchParam = null,
        string[]? SpanParams = null,
        bool GridTies = false)
    {
        public int[] Rows => Name.StartsWith("KnnKL", StringComparison.Ordinal) ? [N, QRows] : [.. Params.Select(_ => N)];
    }

    private static readonly Spec[] s_specs =
    [
        new("KSG1", ["x", "y"], [2, 1],
            a => new KsgMutualInformation { K = a.K ?? 3, MaxDegreeOfParallelism = a.Mdop }.Estimate(a.M[0], a.M[1]).Nats,
            DefaultK: 3, Parallel: true, Spans: (v, _) => new KsgMutualInformation().Estimate(v[0], v[1]).Nats),
        new("KSG2", ["x", "y"], [2, 1],
            a => new KsgMutualInformation { K = a.K ?? 3, Algorithm = KsgAlgorithm.Two, MaxDegreeOfParallelism = a.Mdop }.Estimate(a.M[0], a.M[1]).Nats,
            DefaultK: 3, Parallel: true, Spans: (v, _) => new KsgMutualInformation { Algorithm = KsgAlgorithm.Two }.Estimate(v[0], v[1]).Nats),
        new("KSG1-NormalScores", ["x", "y"], [2, 1],
            a => new KsgMutualInformation { K = a.K ?? 3, Scaling = SampleScaling.NormalScores, MaxDegreeOfParallelism = a.Mdop }.Estimate(a.M[0], a.M[1]).Nats,
            RankBased: true, DefaultK: 3, Parallel: true, GridTies: true),
        new("KSG1-NormalScores-ExactTies", ["x", "y"], [2, 1],
            a => new KsgMutualInformation { K = a.K ?? 3, Scaling = SampleScaling.NormalScores, Ties = TieHandling.None, MaxDegreeOfParallelism = a.Mdop }.Estimate(a.M[0], a.M[1]).Nats,
            RankBased: true, DefaultK: 3, Parallel: true),
        new("KsgCMI", ["x", "y", "z"], [1, 1, 1],
            a => new KsgConditionalMutualInformation { K = a.K ?? 3, MaxDegreeOfParallelism = a.Mdop }.Estimate(a.M[0], a.M[1], a.M[2]).Nats,
            DefaultK: 3, Parallel: true, Spans: (v, _) => new KsgConditionalMutualInformation().Estimate(v[0], v[1], v[2]).Nats),
        new("KsgTC", ["variables", "variables", "variables"], [1, 2, 1],
            a => new KsgTotalCorrelation { K = a.K ?? 3, MaxDegreeOfParallelism = a.Mdop }.Estimate(a.M).Nats,
            DefaultK: 3, Parallel: true, MismatchParam: "variables[2]"),
        new("KozachenkoLeonenko-Euclidean", ["samples"], [2],
            a => new KozachenkoLeonenkoEntropy { K = a.K ?? 3, MaxDegreeOfParallelism = a.Mdop }.Estimate(a.M[0]).Nats,
            Scale: ScaleClaim.Entropy, DefaultK: 3, Parallel: true, Spans: (v, _) => new KozachenkoLeonenkoEntropy().Estimate(v[0]).Nats),
        new("KozachenkoLeonenko-Maximum", ["samples"], [2],
            a => new KozachenkoLeonenkoEntropy { K = a.K ?? 3, Metric = NeighborMetric.Maximum, MaxDegreeOfParallelism = a.Mdop }.Estimate(a.M[0]).Nats,
            Scale: ScaleClaim.Entropy, DefaultK: 3, Parallel: true),
        new("KozachenkoLeonenko-Standardize", ["samples"], [2],
            a => new KozachenkoLeonenkoEntropy { K = a.K ?? 3, Scaling = SampleScaling.Standardize, MaxDegreeOfParallelism = a.Mdop }.Estimate(a.M[0]).Nats,
            Scale: ScaleClaim.Entropy, DefaultK: 3, Parallel: true),
        new("KnnKL-Euclidean", ["p", "q"], [2, 2],
            a => new KnnKullbackLeiblerDivergence { K = a.K ?? 3, MaxDegreeOfParallelism = a.Mdop }.Estimate(a.M[0], a.M[1]).Nats,
            DefaultK: 3, Parallel: true, Spans: (v, _) => new KnnKullbackLeiblerDivergence().Estimate(v[0], v[1]).Nats, MismatchParam: "q"),
        new("KnnKL-Standardize", ["p", "q"], [2, 2],
            a => new KnnKullbackLeiblerDivergence { K = a.K ?? 3, Scaling = SampleScaling.Standardize, MaxDegreeOfParallelism = a.Mdop }.Estimate(a.M[0], a.M[1]).Nats,
            DefaultK: 3, Parallel: true, MismatchParam: "q"),
        new("MixedKSG", ["x", "y"], [1, 1],
            a => new MixedKsgMutualInformation { K = a.K ?? 5, MaxDegreeOfParallelism = a.Mdop }.Estimate(a.M[0], a.M[1]).Nats,
            DefaultK: 5, Parallel: true, Spans: (v, _) => new MixedKsgMutualInformation().Estimate(v[0], v[1]).Nats),
        new("Ross", ["samples"], [1],
            a => new RossMutualInformation { K = a.K ?? 3, MaxDegreeOfParallelism = a.Mdop }.Estimate(a.Labels, a.M[0]).Nats,
            DefaultK: 3, Labels: true, Parallel: true, Spans: (v, labels) => new RossMutualInformation().Estimate(labels, v[0]).Nats, MismatchParam: "samples", SpanParams: ["y"]),
        new("GaussianMI", ["x", "y"], [2, 1],
            a => new GaussianMutualInformation().Estimate(a.M[0], a.M[1]).Nats,
            Spans: (v, _) => new GaussianMutualInformation().Estimate(v[0], v[1]).Nats),
        new("GaussianCMI", ["x", "y", "z"], [1, 1, 1],
            a => new GaussianConditionalMutualInformation().Estimate(a.M[0], a.M[1], a.M[2]).Nats,
            Spans: (v, _) => new GaussianConditionalMutualInformation().Estimate(v[0], v[1], v[2]).Nats),
        new("GaussianEntropy", ["samples"], [2],
            a => new GaussianEntropy().Estimate(a.M[0]).Nats,
            Scale: ScaleClaim.Entropy, Spans: (v, _) => new GaussianEntropy().Estimate(v[0]).Nats),
        new("GaussianTC", ["samples"], [3],
            a => new GaussianTotalCorrelation().Estimate(a.M[0]).Nats),
        new("GaussianCopulaMI", ["x", "y"], [2, 1],
            a => new GaussianCopulaMutualInformation().Estimate(a.M[0], a.M[1]).Nats,
            RankBased: true, Spans: (v, _) => new GaussianCopulaMutualInformation().Estimate(v[0], v[1]).Nats),
        new("GaussianCopulaCMI", ["x", "y", "z"], [1, 1, 1],
            a => new GaussianCopulaConditionalMutualInformation().Estimate(a.M[0], a.M[1], a.M[2]).Nats,
            RankBased: true, Spans: (v, _) => new GaussianCopulaConditionalMutualInformation().Estimate(v[0], v[1], v[2]).Nats),
        new("Hybrid-KSG", ["x", "y"], [2, 1],
            a => new HybridMutualInformation(new KsgMutualInformation()).Estimate(a.M[0], a.M[1]).Nats,
            RankBased: true, Spans: (v, _) => new HybridMutualInformation(new KsgMutualInformation()).Estimate(v[0], v[1]).Nats, GridTies: true),
        new("Binned-EqualFrequency", ["x", "y"], [1, 1],
            a => new BinnedMutualInformation(new EqualFrequencyBinning(8)).Estimate(a.M[0], a.M[1]).Nats,
            RankBased: true, Spans: (v, _) => new BinnedMutualInformation(new EqualFrequencyBinning(8)).Estimate(v[0], v[1]).Nats),
        new("Binned-EqualWidth", ["x", "y"], [1, 1],
            a => new BinnedMutualInformation(new EqualWidthBinning(8)).Estimate(a.M[0], a.M[1]).Nats,
            Spans: (v, _) => new BinnedMutualInformation(new EqualWidthBinning(8)).Estimate(v[0], v[1]).Nats),
    ];

    private static readonly string[] s_invarianceCases =
        ["translate-1e4", "translate-1e8", "scale-1e-300", "scale-1e300", "scale-negative-1e300", "permute-rows", "monotone-exp", "monotone-cube", "threads-1-vs-4"];

    private static readonly string[] s_badInputCases =
        ["nan", "positive-infinity", "negative-infinity", "too-few-rows", "mismatched-rows", "k-zero", "k-negative", "k-int-max", "k-exceeds-rows"];

    public static TheoryData<string, string> InvarianceCases()
    {
        var data = new TheoryData<string, string>();
        foreach (Spec spec in s_specs)
        {
            foreach (string c in s_invarianceCases)
            {
                if (Applies(spec, c))
                {
                    data.Add(spec.Name, c);
                }
            }
        }

        return data;
    }

    public static TheoryData<string, string> BadInputCases()
    {
        var data = new TheoryData<string, string>();
        foreach (Spec spec in s_specs)
        {
            foreach (string c in s_badInputCases)
            {
                if (Applies(spec, c))
                {
                    data.Add(spec.Name, c);
                }
            }
        }

        return data;
    }

    private static bool Applies(Spec spec, string c) => c switch
    {
        // Only rank-based estimators are exactly invariant under every monotone map; k-NN distances are not.
        "monotone-exp" or "monotone-cube" => spec.RankBased,
        "threads-1-vs-4" => spec.Parallel,
        "nan" or "positive-infinity" or "negative-infinity" => spec.Spans is not null,
        "mismatched-rows" => spec.Params.Length > 1 || spec.Labels,
        "too-few-rows" => !spec.Name.StartsWith("Binned", StringComparison.Ordinal),
        "k-zero" or "k-negative" or "k-int-max" or "k-exceeds-rows" => spec.DefaultK is not null,
        _ => true,
    };

    [Theory]
    [MemberData(nameof(InvarianceCases))]
    public void Estimator_Transform_KeepsClaimedInvariance(string estimator, string transform)
    {
        Spec spec = Find(estimator);
        (double[][] values, int[] labels) = StandardData(spec);
        double baseline = spec.Run(new Args(Matrices(spec, values), labels, null, -1));
        Assert.True(double.IsFinite(baseline), $"{estimator} baseline {baseline}");

        switch (transform)
        {
            case "translate-1e4":
            case "translate-1e8":
                {
                    double offset = transform == "translate-1e4" ? 1e4 : 1e8;
                    double shifted = spec.Run(new Args(Matrices(spec, Map(values, v => v + offset)), labels, null, -1));
                    // x + c rounds each coordinate by at most ulp(c)/2 (7.5e-9 for c = 1e8, 9e-13 for 1e4), a relative change of
                    // that size for data of unit spread. Smooth statistics (covariances, log-distances, normal scores) move by
                    // O(1e-8); neighbour counts and bin counts do not change unless two compared distances (or a value and a bin
                    // edge) lie closer than that, which they do not in this fixed sample. A lost offset (the ‖x‖² − 2x·y form, or
                    // an uncentred covariance) would miss by O(1).
                    Assert.Equal(baseline, shifted, 1e-6);
                    break;
                }

            case "scale-1e-300":
            case "scale-1e300":
            case "scale-negative-1e300":
                {
                    double a = transform switch { "scale-1e-300" => 1e-300, "scale-1e300" => 1e300, _ => -1e300 };
                    double scaled = spec.Run(new Args(Matrices(spec, Map(values, v => v * a)), labels, null, -1));
                    double expected = spec.Scale == ScaleClaim.Entropy ? baseline + (spec.Columns[0] * Math.Log(Math.Abs(a))) : baseline;
                    if (a < 0 && spec.GridTies)
                    {
                        // Reflection re-keys the tie-breaking jitter (see TieNoise).
                        Assert.Equal(expected, scaled, TieNoise);
                        break;
                    }

                    // Multiplying by a rounds each value by half an ulp (relative 1.1e-16), and standardisation or the rescaling
                    // by a power of two maps the data back to within a few ulps of the unscaled values, so neighbour counts are
                    // the same and the estimate agrees to rounding. The entropy rows carry d ln a ≈ ±1381 nats, whose ulp is
                    // 2.3e-13; sums of n logarithms of that size keep ~1e-12 of it. Before the fix these gave 0, ±∞ or NaN.
                    Assert.Equal(expected, scaled, spec.Scale == ScaleClaim.Entropy ? 1e-9 : 1e-12);
                    break;
                }

            case "permute-rows":
                {
                    (double[][] permuted, int[] permutedLabels) = Permute(spec, values, labels);
                    double value = spec.Run(new Args(Matrices(spec, permuted), permutedLabels, null, -1));
                    // The same multiset of rows: the same neighbour counts or covariance, summed in another order (rounding only),
                    // except where exact distance ties are left to the jitter (see TieNoise).
                    Assert.Equal(baseline, value, spec.GridTies ? TieNoise : 1e-12);
                    break;
                }

            case "monotone-exp":
            case "monotone-cube":
                {
                    Func<double, double> f = transform == "monotone-exp" ? Math.Exp : v => v * v * v;
                    double value = spec.Run(new Args(Matrices(spec, Map(values, f)), labels, null, -1));
                    // Ranks are unchanged by a strictly increasing map (the data have no ties), and these estimators see only ranks.
                    Assert.Equal(baseline, value, 1e-12);
                    break;
                }

            case "threads-1-vs-4":
                {
                    double one = spec.Run(new Args(Matrices(spec, values), labels, null, 1));
                    double four = spec.Run(new Args(Matrices(spec, values), labels, null, 4));
                    // Bit-identical for any degree of parallelism (fixed-order reductions).
                    Assert.Equal(BitConverter.DoubleToInt64Bits(one), BitConverter.DoubleToInt64Bits(baseline));
                    Assert.Equal(BitConverter.DoubleToInt64Bits(four), BitConverter.DoubleToInt64Bits(baseline));
                    break;
                }

            default:
                Assert.Fail($"Unknown transform {transform}.");
                break;
        }
    }

    [Theory]
    [MemberData(nameof(BadInputCases))]
    public void Estimator_BadInput_ThrowsNamingTheParameter(string estimator, string badInput)
    {
        Spec spec = Find(estimator);
        (double[][] values, int[] labels) = StandardData(spec);
        switch (badInput)
        {
            case "nan":
            case "positive-infinity":
            case "negative-infinity":
                {
                    double bad = badInput switch { "nan" => double.NaN, "positive-infinity" => double.PositiveInfinity, _ => double.NegativeInfinity };
                    int arguments = spec.Params.Length;
                    for (int j = 0; j < arguments; j++)
                    {
                        // The one-dimensional overloads: one column per argument, the bad value in argument j.
                        double[][] columns = [.. values.Select((v, t) => FirstColumn(v, spec.Columns[t]))];
                        columns[j][17] = bad;
                        ArgumentException e = Assert.ThrowsAny<ArgumentException>(() => spec.Spans!(columns, labels));
                        Assert.Equal((spec.SpanParams ?? spec.Params)[j], e.ParamName);
                        Assert.Contains("row 17", e.Message, StringComparison.Ordinal);
                    }

                    break;
                }

            case "too-few-rows":
                {
                    // k-NN: n = k rows, one short of the k + 1 a self-query needs; Gaussian: n = D rows for D dimensions in all.
                    int rows = spec.DefaultK ?? spec.Columns.Sum();
                    double[][] few = [.. values.Select((v, t) => v.AsSpan(0, rows * spec.Columns[t]).ToArray())];
                    ArgumentException e = Assert.ThrowsAny<ArgumentException>(() => spec.Run(new Args(Matrices(spec, few), labels[..rows], null, -1)));
                    Assert.Equal(spec.Params[0], e.ParamName);
                    break;
                }

            case "mismatched-rows":
                {
                    ArgumentException e;
                    if (spec.Labels)
                    {
                        e = Assert.ThrowsAny<ArgumentException>(() => spec.Run(new Args(Matrices(spec, values), labels[..^1], null, -1)));
                    }
                    else if (spec.Name.StartsWith("KnnKL", StringComparison.Ordinal))
                    {
                        // Two samples of one variable need not have as many rows, but they must have the same dimension.
                        SampleMatrix[] m = Matrices(spec, values);
                        SampleMatrix wider = SampleMatrix.ConcatenateColumns(m[1], m[1].SelectColumns(0));
                        e = Assert.ThrowsAny<ArgumentException>(() => spec.Run(new Args([m[0], wider], labels, null, -1)));
                    }
                    else
                    {
                        SampleMatrix[] m = Matrices(spec, values);
                        int last = m.Length - 1;
                        double[] shorter = values[last].AsSpan(0, (N - 1) * spec.Columns[last]).ToArray();
                        m[last] = SampleMatrix.FromRowMajor(shorter, spec.Columns[last]);
                        e = Assert.ThrowsAny<ArgumentException>(() => spec.Run(new Args(m, labels, null, -1)));
                    }

                    Assert.Equal(spec.MismatchParam ?? spec.Params[^1], e.ParamName);
                    break;
                }

            case "k-zero":
            case "k-negative":
            case "k-int-max":
                {
                    int k = badInput switch { "k-zero" => 0, "k-negative" => -3, _ => int.MaxValue };
                    ArgumentOutOfRangeException e = Assert.Throws<ArgumentOutOfRangeException>(() => spec.Run(new Args(Matrices(spec, values), labels, k, -1)));
                    Assert.Equal("K", e.ParamName);
                    break;
                }

            case "k-exceeds-rows":
                {
                    // The largest k the setting accepts: k + 1 overflows int, so the n ≥ k + 1 check must compare in 64 bits.
                    int k = Array.MaxLength - 1;
                    ArgumentException e = Assert.ThrowsAny<ArgumentException>(() => spec.Run(new Args(Matrices(spec, values), labels, k, -1)));
                    Assert.Equal(spec.Params[0], e.ParamName);
                    Assert.Contains("samples", e.Message, StringComparison.Ordinal);
                    break;
                }

            default:
                Assert.Fail($"Unknown bad input {badInput}.");
                break;
        }
    }

    [Fact]
    public void Sweep_CoversEveryPublicContinuousEstimator()
    {
        // Every public estimator type of InfoTheory.Continuous (an Estimate method on a non-abstract class) has a row.
        string[] covered = ["KsgMutualInformation", "KsgConditionalMutualInformation", "KsgTotalCorrelation", "KozachenkoLeonenkoEntropy",
            "KnnKullbackLeiblerDivergence", "MixedKsgMutualInformation", "RossMutualInformation", "GaussianMutualInformation",
            "GaussianConditionalMutualInformation", "GaussianEntropy", "GaussianTotalCorrelation", "GaussianCopulaMutualInformation",
            "GaussianCopulaConditionalMutualInformation", "HybridMutualInformation", "BinnedMutualInformation"];
        string[] estimators = [.. typeof(SampleMatrix).Assembly.GetExportedTypes()
            .Where(t => t.Namespace == "InfoTheory.Continuous" && t is { IsClass: true, IsAbstract: false } && t.GetMethods().Any(m => m.Name == "Estimate"))
            .Select(t => t.Name)
            .Order(StringComparer.Ordinal)];
        Assert.Equal(covered.Order(StringComparer.Ordinal), estimators);
    }

    private static Spec Find(string name) => s_specs.Single(s => s.Name == name);

    /// <summary>
    /// Seeded data with dependence between the arguments (a shared latent s), distinct values (no ties), unit spread.
    /// The divergence gets P = N(0, I) and Q = N(0.5, 1.5² I); the label estimator gets labels from thresholds on s.
    /// </summary>
    private static (double[][] Values, int[] Labels) StandardData(Spec spec)
    {
        var random = new Random(20240611);
        double[] shared = new double[N];
        Normal.Samples(random, shared, 0, 1);
        double[][] values = new double[spec.Params.Length][];
        int[] rows = spec.Rows;
        for (int t = 0; t < values.Length; t++)
        {
            int n = rows[t], d = spec.Columns[t];
            double[] noise = new double[n * d];
            Normal.Samples(random, noise, 0, 1);
            values[t] = new double[n * d];
            for (int i = 0; i < n; i++)
            {
                for (int j = 0; j < d; j++)
                {
                    values[t][(i * d) + j] = spec.Name.StartsWith("KnnKL", StringComparison.Ordinal)
                        ? (t == 0 ? noise[(i * d) + j] : 0.5 + (1.5 * noise[(i * d) + j]))
                        : (0.7 * shared[i]) + (0.7 * noise[(i * d) + j]);
                }
            }
        }

        int[] labels = [.. shared.Select(s => s < -0.5 ? 0 : s < 0.5 ? 1 : 2)];
        return (values, labels);
    }

    private static SampleMatrix[] Matrices(Spec spec, double[][] values) =>
        [.. values.Select((v, t) => SampleMatrix.FromRowMajor(v, spec.Columns[t]))];

    private static double[][] Map(double[][] values, Func<double, double> f) => [.. values.Select(v => v.Select(f).ToArray())];

    private static double[] FirstColumn(double[] values, int columns) => [.. Enumerable.Range(0, values.Length / columns).Select(i => values[i * columns])];

    /// <summary>The rows of every argument permuted, by one seeded permutation per row count (so paired arguments stay paired).</summary>
    private static (double[][] Values, int[] Labels) Permute(Spec spec, double[][] values, int[] labels)
    {
        var permutations = new Dictionary<int, int[]>();
        int[] For(int n)
        {
            if (!permutations.TryGetValue(n, out int[]? p))
            {
                p = [.. Enumerable.Range(0, n)];
                new Random(n).Shuffle(p);
                permutations[n] = p;
            }

            return p;
        }

        double[][] result = new double[values.Length][];
        for (int t = 0; t < values.Length; t++)
        {
            int d = spec.Columns[t], n = values[t].Length / d;
            int[] p = For(n);
            result[t] = new double[values[t].Length];
            for (int i = 0; i < n; i++)
            {
                Array.Copy(values[t], p[i] * d, result[t], i * d, d);
            }
        }

        int[] pl = For(labels.Length);
        return (result, [.. pl.Select(i => labels[i])]);
    }
}
