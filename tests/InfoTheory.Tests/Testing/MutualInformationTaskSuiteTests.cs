using InfoTheory.Continuous;
using InfoTheory.Testing;
using MathNet.Numerics;

namespace InfoTheory.Tests.Testing;

public sealed class MutualInformationTaskSuiteTests
{
    private static double Normal(double rho, int pairs = 1) => -0.5 * pairs * Math.Log(1 - (rho * rho));

    // Student-t tail correction in the benchmark's form, f(ν) − f(ν + dx) − f(ν + dy) + f(ν + dx + dy),
    // f(a) = ln Γ(a/2) − (a/2) ψ(a/2) (Czyż et al. 2023, Appendix).
    private static double Tail(double nu, int dx, int dy)
    {
        static double F(double a) => SpecialFunctions.GammaLn(a / 2) - (a / 2 * SpecialFunctions.DiGamma(a / 2));
        return F(nu) - F(nu + dx) - F(nu + dy) + F(nu + dx + dy);
    }

    // ½ ln(det Σx det Σy / det Σ) for an equicorrelated block, det of an m × m one being (1 − ρ)^(m−1) (1 + (m − 1)ρ).
    private static double Equicorrelated(int dx, int dy, double rho)
    {
        double LogDet(int m) => ((m - 1) * Math.Log(1 - rho)) + Math.Log(1 + ((m - 1) * rho));
        return 0.5 * (LogDet(dx) + LogDet(dy) - LogDet(dx + dy));
    }

    /// <summary>The expected names, in order, with I worked out here from each task's formula.</summary>
    private static readonly (string Name, int Dx, int Dy, double Mi)[] s_expected =
    [
        ("normal-1x1-rho0.6", 1, 1, Normal(0.6)),
        ("normal-1x1-rho0.9", 1, 1, Normal(0.9)),
        ("normal-5x5-dense-rho0.5", 5, 5, Equicorrelated(5, 5, 0.5)),
        ("normal-6x6-sparse2-rho0.8", 6, 6, Normal(0.8, 2)),
        ("normal-10x10-sparse2-rho0.8", 10, 10, Normal(0.8, 2)),
        ("student-t-1x1-nu2", 1, 1, 4 - Math.Log(16 * Math.PI)),
        ("student-t-1x1-nu5-rho0.6", 1, 1, Normal(0.6) + Tail(5, 1, 1)),
        ("student-t-2x2-nu2", 2, 2, Tail(2, 2, 2)),
        ("student-t-2x2-nu5-rho0.6", 2, 2, Normal(0.6, 2) + Tail(5, 2, 2)),
        ("uniform-noise-eps0.1", 1, 1, 0.1 - Math.Log(0.2)),
        ("uniform-noise-eps0.75", 1, 1, 1 / 3.0),
        ("normal-cdf-2x2", 2, 2, Normal(0.6, 2)),
        ("half-cube-2x2", 2, 2, Normal(0.6, 2)),
        ("asinh-student-t-1x1-nu1", 1, 1, Math.Log(8 * Math.PI) - 3),
        ("wiggly-1x1", 1, 1, Normal(0.75)),
        ("spiral-3x3", 3, 3, Normal(0.8, 2)),
        ("swiss-roll-2x1", 2, 1, Normal(0.75)),
        ("discrete-continuous-m4-s0.5", 1, 1, Math.Log(4) - (0.75 * Math.Log(2))),
        ("spike-slab-m4-p0.5", 1, 1, 0.5 * Math.Log(4)),
        ("concat-3x3", 3, 3, Normal(0.9) + Normal(0.6, 2) + Tail(5, 2, 2)),
    ];

    [Fact]
    public void Standard_NamesDimensionsAndTrueMutualInformation_AsDocumented()
    {
        var suite = MutualInformationTaskSuite.Standard;
        Assert.Equal(s_expected.Select(e => e.Name), suite.Select(e => e.Name));
        for (int k = 0; k < suite.Count; k++)
        {
            var (name, dx, dy, mi) = s_expected[k];
            IMutualInformationTask task = suite[k].Task;
            Assert.True((dx, dy) == (task.XDimension, task.YDimension), $"{name}: {task.XDimension}x{task.YDimension}");
            Assert.True(Math.Abs(mi - task.TrueMutualInformation.Nats) <= 1e-12, $"{name}: {task.TrueMutualInformation.Nats:R} vs {mi:R}");
        }
    }

    [Fact]
    public void Standard_EveryTask_MeaningfulSizeAndSamplesAtN1000()
    {
        foreach ((string name, IMutualInformationTask task) in MutualInformationTaskSuite.Standard)
        {
            Assert.True(task.XDimension + task.YDimension <= 20, name);
            Assert.InRange(task.TrueMutualInformation.Nats, 0.05, 2);
            var (x, y) = task.Sample(1000, 1);
            Assert.Equal((1000, task.XDimension, 1000, task.YDimension), (x.Rows, x.Columns, y.Rows, y.Columns));
            Assert.False(string.IsNullOrWhiteSpace(task.ToString()), name);
        }
    }

    [Fact]
    public void Standard_EveryTask_SameSeedSameBits_OtherSeedDiffers()
    {
        foreach ((string name, IMutualInformationTask task) in MutualInformationTaskSuite.Standard)
        {
            var (x1, y1) = task.Sample(60, 5);
            var (x2, y2) = task.Sample(60, 5);
            var (x3, y3) = task.Sample(60, 6);
            Assert.True(x1.Data.Span.SequenceEqual(x2.Data.Span) && y1.Data.Span.SequenceEqual(y2.Data.Span), name);
            Assert.False(x1.Data.Span.SequenceEqual(x3.Data.Span) && y1.Data.Span.SequenceEqual(y3.Data.Span), name);
        }
    }

    [Theory]
    [InlineData("normal-5x5-dense-rho0.5", 0.015)]
    [InlineData("normal-10x10-sparse2-rho0.8", 0.02)]
    public void GaussianEstimator_NormalSuiteTasks_n100000_WithinSamplingTolerance(string name, double tolerance)
    {
        // The Gaussian estimate's sd is about √(Σ cᵢ²)/√n over the canonical correlations cᵢ: the dense 5x5 task has one,
        // c ≈ 0.83 (sd ≈ 0.0026); the sparse one two of 0.8 (sd ≈ 0.0036). Bias ≈ dx·dy/(2n) ≤ 5e-4. Tolerances are over
        // five sd plus the bias.
        IMutualInformationTask task = MutualInformationTaskSuite.Get(name);
        var (x, y) = task.Sample(100_000, 61);
        double estimate = new GaussianMutualInformation().Estimate(x, y).Nats;
        Assert.InRange(estimate, task.TrueMutualInformation.Nats - tolerance, task.TrueMutualInformation.Nats + tolerance);
    }

    [Fact]
    public void Get_KnownName_ReturnsTheSuiteTask_UnknownThrows()
    {
        Assert.Same(MutualInformationTaskSuite.Standard[3].Task, MutualInformationTaskSuite.Get("normal-6x6-sparse2-rho0.8"));
        var e = Assert.Throws<ArgumentException>(() => MutualInformationTaskSuite.Get("normal-2x2"));
        Assert.Equal("name", e.ParamName);
        Assert.Contains("spiral-3x3", e.Message, StringComparison.Ordinal);
        Assert.Equal("name", Assert.Throws<ArgumentNullException>(() => MutualInformationTaskSuite.Get(null!)).ParamName);
    }
}
