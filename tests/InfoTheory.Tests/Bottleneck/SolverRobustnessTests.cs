using InfoTheory.Bottleneck;
using InfoTheory.Coupling;
using InfoTheory.Discrete;
using InfoTheory.Measures;
using InfoTheory.RateDistortion;

namespace InfoTheory.Tests.Bottleneck;

/// <summary>
/// The solvers (information bottleneck, Blahut-Arimoto, couplings) swept over bad settings, bad indices and bad
/// distributions (one theory row per solver × input class), over the invariances they claim (relabelling symbols,
/// rescaling distortions and covariances across the double range), and over solution quality at large β.
/// </summary>
public sealed class SolverRobustnessTests
{
    public static TheoryData<string, string, double> BadSettingCases() => new()
    {
        { "BlahutArimoto", "Tolerance", double.NaN },
        { "BlahutArimoto", "Tolerance", -1e-10 },
        { "BlahutArimoto", "Tolerance", double.PositiveInfinity },
        { "BlahutArimoto", "MaxIterations", 0 },
        { "BlahutArimoto", "MaxIterations", -1 },
        { "IterativeInformationBottleneck", "Tolerance", 0 },
        { "IterativeInformationBottleneck", "Tolerance", double.NaN },
        { "IterativeInformationBottleneck", "Tolerance", -1 },
        { "IterativeInformationBottleneck", "MaxIterations", 0 },
        { "IterativeInformationBottleneck", "Restarts", 0 },
        { "DeterministicInformationBottleneck", "MaxIterations", 0 },
        { "DeterministicInformationBottleneck", "Restarts", -3 },
    };

    [Theory]
    [MemberData(nameof(BadSettingCases))]
    public void Setting_OutOfRange_ThrowsOnInit(string solver, string setting, double value)
    {
        Action init = (solver, setting) switch
        {
            ("BlahutArimoto", "Tolerance") => () => _ = new BlahutArimoto { Tolerance = value },
            ("BlahutArimoto", _) => () => _ = new BlahutArimoto { MaxIterations = (int)value },
            ("IterativeInformationBottleneck", "Tolerance") => () => _ = new IterativeInformationBottleneck { Tolerance = value },
            ("IterativeInformationBottleneck", "MaxIterations") => () => _ = new IterativeInformationBottleneck { MaxIterations = (int)value },
            ("IterativeInformationBottleneck", _) => () => _ = new IterativeInformationBottleneck { Restarts = (int)value },
            (_, "MaxIterations") => () => _ = new DeterministicInformationBottleneck { MaxIterations = (int)value },
            _ => () => _ = new DeterministicInformationBottleneck { Restarts = (int)value },
        };
        var ex = Assert.Throws<ArgumentOutOfRangeException>(init);
        Assert.Equal(setting, ex.ParamName);
    }

    [Fact]
    public void BlahutArimoto_OneIteration_GivesFiniteBounds()
    {
        // The smallest accepted limit still produces a test channel: a finite rate above its dual lower bound, not +∞.
        var result = new BlahutArimoto { MaxIterations = 1, Tolerance = 0 }.Solve([0.5, 0.3, 0.2], DistortionMatrix.Hamming(3), 2);
        Assert.True(double.IsFinite(result.Rate.Nats));
        Assert.True(result.Rate.Nats >= result.LowerBound.Nats - 1e-12);
        Assert.False(result.Converged);
        Assert.Equal(1, result.Iterations);
    }

    private static GaussianInformationBottleneck TwoByTwoGaussian() => GaussianInformationBottleneck.FromCovariance(new double[,]
    {
        { 1.0, 0.2, 0.6, 0.1 },
        { 0.2, 1.0, 0.1, 0.3 },
        { 0.6, 0.1, 1.0, 0.0 },
        { 0.1, 0.3, 0.0, 1.0 },
    }, 2);

    public static TheoryData<string, int, string> BadIndexCases() => new()
    {
        { "DistortionMatrix.x", -1, "x" },
        { "DistortionMatrix.x", 3, "x" },
        { "DistortionMatrix.reproduction", -1, "reproduction" },
        { "DistortionMatrix.reproduction", 3, "reproduction" },
        { "GaussianInformationBottleneck.Direction", -1, "component" },
        { "GaussianInformationBottleneck.Direction", 2, "component" },
        { "GaussianInformationBottleneck.Weight", 9, "component" },
        { "GaussianInformationBottleneck.Weight", -1, "component" },
        { "CouplingResult.Marginal", -1, "variable" },
        { "CouplingResult.Marginal", 2, "variable" },
        { "JointDistribution.Marginal", 2, "axis" },
        { "ContingencyTable.Marginal", 2, "axis" },
    };

    [Theory]
    [MemberData(nameof(BadIndexCases))]
    public void Index_OutOfRange_Throws(string api, int index, string param)
    {
        Action call = api switch
        {
            // Column 3 of a 3 × 3 matrix used to read the next row's first cell.
            "DistortionMatrix.x" => () => _ = DistortionMatrix.Hamming(3)[index, 0],
            "DistortionMatrix.reproduction" => () => _ = DistortionMatrix.Hamming(3)[0, index],
            "GaussianInformationBottleneck.Direction" => () => TwoByTwoGaussian().Direction(index),
            "GaussianInformationBottleneck.Weight" => () => TwoByTwoGaussian().Weight(index, 10),
            "CouplingResult.Marginal" => () => MinimumEntropyCoupling.Greedy([0.5, 0.5], [0.25, 0.75]).Marginal(index),
            "JointDistribution.Marginal" => () => JointDistribution.FromTable(new[,] { { 0.5, 0.0 }, { 0.0, 0.5 } }).Marginal(index),
            _ => () => ContingencyTable.FromSymbols([0, 1, 1], [1, 0, 1]).Marginal(index),
        };
        var ex = Assert.Throws<ArgumentOutOfRangeException>(call);
        Assert.Equal(param, ex.ParamName);
    }

    public static TheoryData<string, string, string> BadDistributionCases() => new()
    {
        { "BlahutArimoto.Solve source sums to 0.9", "source", "source sums to" },
        { "BlahutArimoto.Solve source negative", "source", "source contains the negative value" },
        { "BlahutArimoto.Capacity row 1 sums to 1.1", "channel", "row 1 of channel" },
        { "BlahutArimoto.Capacity row 0 NaN", "channel", "row 0 of channel" },
        { "MinimumEntropyCoupling marginals[1] sums to 0.8", "marginals", "marginals[1]" },
        { "MinimumEntropyCoupling marginals[0] infinite", "marginals", "marginals[0]" },
        { "MinimumEntropyCoupling marginals[1] null", "marginals", "marginals[1]" },
        { "MinimumEntropyCoupling marginals[2] empty", "marginals", "marginals[2]" },
        { "EntropyBoundedInformation p sums to 2", "p", "the pmf p" },
        { "DistortionMatrix.SquaredError NaN point", "sourcePoints", "sourcePoints contains the non-finite value" },
        { "GaussianMixture weights sum to 0.9", "weights", "the vector of mixture weights sums to" },
        { "DistortionMatrix.SquaredError overflowing squares", "reproductionPoints", "too far apart" },
    };

    /// <summary>
    /// A bad distribution is reported under the real parameter, names the row or marginal that is wrong, and never
    /// suggests a <c>normalize</c> argument these methods do not have.
    /// </summary>
    [Theory]
    [MemberData(nameof(BadDistributionCases))]
    public void Distribution_Bad_MessageNamesRowAndFitsTheApi(string @case, string param, string fragment)
    {
        var ba = new BlahutArimoto();
        Action call = @case switch
        {
            "BlahutArimoto.Solve source sums to 0.9" => () => ba.Solve([0.5, 0.4], DistortionMatrix.Hamming(2), 1),
            "BlahutArimoto.Solve source negative" => () => ba.Solve([1.5, -0.5], DistortionMatrix.Hamming(2), 1),
            "BlahutArimoto.Capacity row 1 sums to 1.1" => () => ba.Capacity([0.9, 0.1, 0.6, 0.5], 2),
            "BlahutArimoto.Capacity row 0 NaN" => () => ba.Capacity([double.NaN, 0.1, 0.5, 0.5], 2),
            "MinimumEntropyCoupling marginals[1] sums to 0.8" => () => MinimumEntropyCoupling.Greedy([0.5, 0.5], [0.4, 0.4]),
            "MinimumEntropyCoupling marginals[0] infinite" => () => MinimumEntropyCoupling.Greedy([double.PositiveInfinity, 0.5], [0.5, 0.5]),
            "MinimumEntropyCoupling marginals[1] null" => () => MinimumEntropyCoupling.Greedy([0.5, 0.5], null!),
            "MinimumEntropyCoupling marginals[2] empty" => () => MinimumEntropyCoupling.Greedy([0.5, 0.5], [1.0], []),
            "EntropyBoundedInformation p sums to 2" => () => EntropyBoundedInformation.Greedy([1.0, 1.0], Information.FromBits(0.5)),
            "DistortionMatrix.SquaredError NaN point" => () => DistortionMatrix.SquaredError([0, double.NaN], [0, 1]),
            "GaussianMixture weights sum to 0.9" => () => InfoTheory.Kernel.GaussianMixture.Isotropic([0.5, 0.4], [[0.0], [1.0]], [1.0, 1.0]),
            _ => () => DistortionMatrix.SquaredError([-1e200, 0], [1e200]),
        };
        var ex = Assert.ThrowsAny<ArgumentException>(call);
        Assert.Equal(param, ex.ParamName);
        Assert.Contains(fragment, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("normalize:", ex.Message, StringComparison.Ordinal);
    }

    private static readonly double[] s_source = [0.45, 0.3, 0.15, 0.1];

    /// <summary>An asymmetric 4 × 3 distortion, so relabelling really moves rows and columns.</summary>
    private static readonly double[] s_distortion = [0, 1, 2, 1, 0, 3, 2, 1, 0, 4, 2, 1];

    public static TheoryData<string> RateDistortionRelabellings() => new("SourceSymbols", "ReproductionSymbols", "Both");

    /// <summary>
    /// R(D) at slope β depends on the source and distortion only up to relabelling both alphabets. Tolerance 1e-8 nats:
    /// each solve stops within its duality gap 1e-10 of R at its own distortion, and D moves R by at most β·ΔD.
    /// </summary>
    [Theory]
    [MemberData(nameof(RateDistortionRelabellings))]
    public void RateDistortion_Relabelling_Unchanged(string which)
    {
        int[] sp = [2, 0, 3, 1], rp = [1, 2, 0];
        bool rows = which != "ReproductionSymbols", cols = which != "SourceSymbols";
        double[] source = rows ? [.. sp.Select(i => s_source[i])] : s_source;
        double[] d = new double[12];
        for (int i = 0; i < 4; i++)
        {
            for (int j = 0; j < 3; j++)
            {
                d[(i * 3) + j] = s_distortion[((rows ? sp[i] : i) * 3) + (cols ? rp[j] : j)];
            }
        }

        var ba = new BlahutArimoto();
        RateDistortionResult a = ba.Solve(s_source, new DistortionMatrix(s_distortion, 4, 3), 1.5);
        RateDistortionResult b = ba.Solve(source, new DistortionMatrix(d, 4, 3), 1.5);
        Assert.Equal(a.Rate.Nats, b.Rate.Nats, 1e-8);
        Assert.Equal(a.Distortion, b.Distortion, 1e-8);
    }

    public static TheoryData<double> DistortionScales() => new(1e-300, 1e-100, 1e-10, 1, 1e10, 1e100, 1e300);

    /// <summary>
    /// The test channel depends on β·d only, so scaling d by c and β by 1/c gives the same rate and c times the distortion
    /// (Cover &amp; Thomas 2006, §10.8), at any scale the doubles allow.
    /// </summary>
    [Theory]
    [MemberData(nameof(DistortionScales))]
    public void RateDistortion_ScaledDistortionAndSlope_SameRate(double scale)
    {
        var ba = new BlahutArimoto();
        RateDistortionResult a = ba.Solve(s_source, new DistortionMatrix(s_distortion, 4, 3), 1.5);
        RateDistortionResult b = ba.Solve(s_source, new DistortionMatrix([.. s_distortion.Select(v => v * scale)], 4, 3), 1.5 / scale);
        Assert.Equal(a.Rate.Nats, b.Rate.Nats, 1e-8);
        Assert.Equal(a.Distortion, b.Distortion / scale, 1e-8);
    }

    public static TheoryData<string> CapacityRelabellings() => new("Inputs", "Outputs", "Both");

    /// <summary>Capacity is invariant under relabelling inputs and outputs; 1e-8 nats covers the stopping gap of 1e-10.</summary>
    [Theory]
    [MemberData(nameof(CapacityRelabellings))]
    public void Capacity_Relabelling_Unchanged(string which)
    {
        double[] w = [0.7, 0.2, 0.1, 0.1, 0.6, 0.3, 0.25, 0.25, 0.5];
        int[] ip = [2, 0, 1], op = [1, 2, 0];
        double[] moved = new double[9];
        for (int x = 0; x < 3; x++)
        {
            for (int y = 0; y < 3; y++)
            {
                moved[(x * 3) + y] = w[((which != "Outputs" ? ip[x] : x) * 3) + (which != "Inputs" ? op[y] : y)];
            }
        }

        var ba = new BlahutArimoto();
        Assert.Equal(ba.Capacity(w, 3).Capacity.Nats, ba.Capacity(moved, 3).Capacity.Nats, 1e-8);
    }

    public static TheoryData<string, double> GaussianScaleCases()
    {
        var data = new TheoryData<string, double>();
        foreach (double c in (double[])[1e-300, 1e-100, 1e-10, 1e10, 1e100, 1e300])
        {
            data.Add("AllCoordinates", c);
            data.Add("FirstCoordinateOnly", c);
        }

        data.Add("PermuteX", 1);
        data.Add("PermuteY", 1);
        return data;
    }

    /// <summary>
    /// The eigenvalues of Σ_{x|y}Σ_x⁻¹ (1 − ρᵢ² for the canonical correlations) do not change when a coordinate is rescaled or
    /// the coordinates of X or of Y are reordered. Relative 1e-10 covers the conditioning of this 4 × 4 problem.
    /// </summary>
    [Theory]
    [MemberData(nameof(GaussianScaleCases))]
    public void GaussianBottleneck_RescaleOrReorder_SameEigenvalues(string how, double c)
    {
        double[,] baseCov =
        {
            { 1.0, 0.2, 0.6, 0.1 },
            { 0.2, 1.0, 0.1, 0.3 },
            { 0.6, 0.1, 1.0, 0.0 },
            { 0.1, 0.3, 0.0, 1.0 },
        };
        int[] order = how switch
        {
            "PermuteX" => [1, 0, 2, 3],
            "PermuteY" => [0, 1, 3, 2],
            _ => [0, 1, 2, 3],
        };
        double[] scale = how switch
        {
            "AllCoordinates" => [c, c, c, c],
            "FirstCoordinateOnly" => [c, 1, 1, 1],
            _ => [1, 1, 1, 1],
        };
        double[,] cov = new double[4, 4];
        for (int i = 0; i < 4; i++)
        {
            for (int j = 0; j < 4; j++)
            {
                // Σ → DΣD, written so that c² at 1e300 is never formed where the entry is scaled once.
                cov[i, j] = baseCov[order[i], order[j]] * Math.Sqrt(scale[i]) * Math.Sqrt(scale[j]);
            }
        }

        double[] expected = GaussianInformationBottleneck.FromCovariance(baseCov, 2).Eigenvalues.ToArray();
        var moved = GaussianInformationBottleneck.FromCovariance(cov, 2);
        double[] actual = moved.Eigenvalues.ToArray();
        for (int k = 0; k < 2; k++)
        {
            Assert.Equal(expected[k], actual[k], 1e-10 * Math.Max(1, expected[k]));
        }

        // The optimal point (I(T;X), I(T;Y)) is scale free too.
        Assert.Equal(TwoByTwoGaussian().Point(20).LabelInformation.Nats, moved.Point(20).LabelInformation.Nats, 1e-10);
    }

    public static TheoryData<string> CouplingRelabellings() => new("WithinFirst", "WithinSecond", "SwapMarginals");

    /// <summary>The greedy coupling only looks at sorted masses, so relabelling outcomes or reordering the marginals gives the same entropy.</summary>
    [Theory]
    [MemberData(nameof(CouplingRelabellings))]
    public void Coupling_Relabelling_SameEntropy(string which)
    {
        double[] a = [0.5, 0.3, 0.2], b = [0.1, 0.45, 0.25, 0.2];
        double expected = MinimumEntropyCoupling.Greedy(a, b).Entropy.Nats;
        double actual = which switch
        {
            "WithinFirst" => MinimumEntropyCoupling.Greedy([0.2, 0.5, 0.3], b).Entropy.Nats,
            "WithinSecond" => MinimumEntropyCoupling.Greedy(a, [0.25, 0.2, 0.1, 0.45]).Entropy.Nats,
            _ => MinimumEntropyCoupling.Greedy(b, a).Entropy.Nats,
        };
        Assert.Equal(expected, actual, 1e-14);
    }

    /// <summary>The largest I(T;Y) over all hard assignments of the x's to <paramref name="clusters"/> clusters: the β → ∞ optimum, by brute force.</summary>
    private static double BestHardRelevance(JointDistribution joint, int clusters)
    {
        int nx = joint.Shape[0], ny = joint.Shape[1];
        double best = 0;
        int assignments = (int)Math.Pow(clusters, nx);
        for (int code = 0; code < assignments; code++)
        {
            double[] pty = new double[clusters * ny];
            int c = code;
            for (int x = 0; x < nx; x++, c /= clusters)
            {
                for (int y = 0; y < ny; y++)
                {
                    pty[((c % clusters) * ny) + y] += joint[x, y];
                }
            }

            best = Math.Max(best, MutualInformation.Of(new JointDistribution(pty, [clusters, ny], normalize: true)).Nats);
        }

        return best;
    }

    private static JointDistribution FourByTwo(int seed) => seed < 0
        ? JointDistribution.FromTable(new[,] { { 0.30, 0.05 }, { 0.05, 0.25 }, { 0.10, 0.10 }, { 0.02, 0.13 } })
        : BottleneckJoints.Random(seed, 4, 2);

    public static TheoryData<int, int, double> LargeBetaCases()
    {
        var data = new TheoryData<int, int, double>();
        for (int seed = -1; seed < 12; seed++)
        {
            foreach (int clusters in (int[])[2, 4])
            {
                foreach (double beta in (double[])[1e6, 1e9])
                {
                    data.Add(seed, clusters, beta);
                }
            }
        }

        return data;
    }

    /// <summary>
    /// At large β the IB optimum is the hard partition of the x's with the most I(T;Y) (the objective is dominated by
    /// −β I(T;Y), and I(T;Y) is convex in the encoder, so its maximum is at a hard encoder), found here by brute force; with
    /// |T| = |X| = 4 it is the identity, I(T;Y) = I(X;Y). One random start (Restarts = 1) used to freeze at β ≥ 1e6 into a
    /// poor partition after two iterations; relevance must now reach the optimum (to 1e-9 nats: a converged encoder is
    /// hard to within e^{−β·gap}), and a larger β must never return less relevance than β / 1000 or than the deterministic IB.
    /// </summary>
    [Theory]
    [MemberData(nameof(LargeBetaCases))]
    public void IterativeBottleneck_LargeBeta_ReachesBestHardPartition(int seed, int clusters, double beta)
    {
        JointDistribution joint = FourByTwo(seed);
        double best = BestHardRelevance(joint, clusters);
        var solver = new IterativeInformationBottleneck { Restarts = 1 };
        InformationBottleneckResult result = solver.Solve(joint, clusters, beta);
        Assert.True(result.Relevance.Nats >= best - 1e-9, $"β = {beta:G3}: relevance {result.Relevance.Nats:R} below the best hard partition {best:R}");
        Assert.True(result.Relevance.Nats <= best + 1e-12, "no encoder can beat the best hard partition by more than rounding");
        Assert.True(result.Relevance.Nats >= solver.Solve(joint, clusters, beta / 1000).Relevance.Nats - 1e-9, "a larger β returned less relevance");
        Assert.True(result.Relevance.Nats >= new DeterministicInformationBottleneck().Solve(joint, clusters, beta).Relevance.Nats - 1e-9, "the deterministic IB did better");
    }

    [Fact]
    public void IterativeBottleneck_NotConverged_SaysHowFar()
    {
        var result = new IterativeInformationBottleneck { MaxIterations = 2, Restarts = 1 }.Solve(FourByTwo(-1), 2, 3);
        Assert.False(result.Converged);
        Assert.True(result.Residual > 0);
        Assert.StartsWith("Not converged", result.ConvergenceMessage, StringComparison.Ordinal);
        Assert.Contains("2 iterations", result.ConvergenceMessage, StringComparison.Ordinal);
        Assert.Contains(result.Residual.ToString("G3", System.Globalization.CultureInfo.InvariantCulture), result.ConvergenceMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void IterativeBottleneck_Converged_SaysSo()
    {
        var result = new IterativeInformationBottleneck().Solve(FourByTwo(-1), 2, 0);
        Assert.True(result.Converged);
        Assert.StartsWith("Converged after", result.ConvergenceMessage, StringComparison.Ordinal);
    }

    public static TheoryData<string> IllConditionedCovariances() => new("NearlyCollinear", "ZeroVariance", "HugeSpread");

    /// <summary>Covariances the eigen solver cannot use come back as <see cref="ArgumentException"/> on covariance, never as a MathNet exception.</summary>
    [Theory]
    [MemberData(nameof(IllConditionedCovariances))]
    public void GaussianBottleneck_IllConditioned_ThrowsArgumentException(string kind)
    {
        double[,] cov = kind switch
        {
            "NearlyCollinear" => new[,] { { 1.0, 1.0, 0.5 }, { 1.0, 1.0, 0.5 }, { 0.5, 0.5, 1.0 } },
            "ZeroVariance" => new[,] { { 0.0, 0.0, 0.0 }, { 0.0, 1.0, 0.5 }, { 0.0, 0.5, 1.0 } },
            _ => new[,] { { 1e300, 0.0, 0.0 }, { 0.0, 1e-300, 1e-300 }, { 0.0, 1e-300, 1e-300 } },
        };
        var ex = Assert.ThrowsAny<ArgumentException>(() => GaussianInformationBottleneck.FromCovariance(cov, 2));
        Assert.Equal("covariance", ex.ParamName);
    }
}
