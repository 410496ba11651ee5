using InfoTheory.Bottleneck;
using InfoTheory.Measures;
using InfoTheory.Primitives;

namespace InfoTheory.Tests.Bottleneck;

/// <summary>The self-consistent IB iteration (Tishby, Pereira &amp; Bialek 1999).</summary>
public sealed class IterativeInformationBottleneckTests
{
    private static readonly IterativeInformationBottleneck Solver = new() { Restarts = 4, Seed = 7 };

    [Fact]
    public void Solve_BetaZero_CompressionIsZero()
    {
        // β = 0: one step sets every row to p(t), so I(X;T) = 0 up to rounding in the KL sums.
        InformationBottleneckResult result = Solver.Solve(BottleneckJoints.Random(1), 3, 0);
        Assert.True(result.Converged);
        Assert.InRange(result.Compression.Nats, -1e-14, 1e-14);
        Assert.InRange(result.Relevance.Nats, -1e-14, 1e-14);
    }

    [Fact]
    public void Solve_BetaNearZero_CompressionNearZero()
    {
        // For β ≤ 1 the trivial encoder is optimal: I(T;Y) ≤ I(X;T) makes I(X;T) − β I(T;Y) ≥ 0, its value there.
        // At β = 0.05 the iteration contracts to it fast; converged to 1e-10 per entry, the rows differ from p(t) by
        // about that much and I(X;T), quadratic in the difference, is far below 1e-8.
        InformationBottleneckResult result = Solver.Solve(BottleneckJoints.Random(2), 4, 0.05);
        Assert.True(result.Converged);
        Assert.InRange(result.Compression.Nats, -1e-14, 1e-8);
    }

    [Fact]
    public void Solve_LargeBeta_EnoughClusters_RelevanceReachesMutualInformation()
    {
        // With |T| ≥ |X| every x keeps its own cluster as β grows; what is left of I(X;Y) − I(T;Y) are the soft tails
        // e^{−β·KL} between distinct p(y|x) rows (about 1e-7 nats at β = 200 for this table, rounding at β = 1000).
        // The path is traced by continuation from small β, as the IB curve is.
        JointDistribution joint = BottleneckJoints.Random(3);
        InformationBottleneckResult result = new IterativeInformationBottleneck { Restarts = 4, Seed = 1 }.Curve(joint, 8, [1, 5, 20, 200, 1000])[^1];
        Assert.True(result.Converged);
        Assert.Equal(MutualInformation.Of(joint).Nats, result.Relevance.Nats, 1e-6);
    }

    [Fact]
    public void Solve_Converged_SatisfiesSelfConsistentEquations()
    {
        JointDistribution joint = BottleneckJoints.Random(4);
        const int T = 3;
        const double Beta = 8;
        InformationBottleneckResult result = Solver.Solve(joint, T, Beta);
        Assert.True(result.Converged);
        double[] px = joint.Marginal(0);
        double[] encoder = result.Encoder.ToArray(), pt = result.ClusterMarginal.ToArray(), decoder = result.Decoder.ToArray();
        int ny = joint.Shape[1];

        // p(t) = Σ p(x) p(t|x) and p(y|t) = Σ p(x,y) p(t|x) / p(t): recomputed sums agree to rounding (1e-12).
        for (int t = 0; t < T; t++)
        {
            Assert.Equal(Enumerable.Range(0, 8).Sum(x => px[x] * encoder[(x * T) + t]), pt[t], 1e-12);
            for (int y = 0; y < ny; y++)
            {
                double expected = Enumerable.Range(0, 8).Sum(x => joint[x, y] * encoder[(x * T) + t]) / pt[t];
                Assert.Equal(expected, decoder[(t * ny) + y], 1e-12);
            }
        }

        // p(t|x) ∝ p(t) e^{−β KL(p(y|x) ‖ p(y|t))}: one more step moves the encoder by about the last residual
        // (≤ 1e-10); 1e-8 leaves room for a contraction factor near 1.
        for (int x = 0; x < 8; x++)
        {
            double[] conditional = Enumerable.Range(0, ny).Select(y => joint[x, y] / px[x]).ToArray();
            double[] weights = Enumerable.Range(0, T).Select(t =>
                pt[t] * Math.Exp(-Beta * InformationPrimitives.KullbackLeibler(conditional, decoder.AsSpan(t * ny, ny)).Nats)).ToArray();
            double z = weights.Sum();
            for (int t = 0; t < T; t++)
            {
                Assert.Equal(weights[t] / z, encoder[(x * T) + t], 1e-8);
            }
        }
    }

    [Fact]
    public void Solve_AnyBeta_ObeysDataProcessing()
    {
        JointDistribution joint = BottleneckJoints.Random(5);
        double ixy = MutualInformation.Of(joint).Nats;
        foreach (double beta in new[] { 0.5, 2, 5, 50 })
        {
            InformationBottleneckResult result = Solver.Solve(joint, 4, beta);
            Assert.True(result.Relevance.Nats <= ixy + 1e-12);
            Assert.True(result.Relevance.Nats <= result.Compression.Nats + 1e-12);
            Assert.Equal(result.Compression.Nats - (beta * result.Relevance.Nats), result.Objective.Nats, 1e-12);
        }
    }

    [Fact]
    public void Curve_AscendingBeta_IsMonotoneAndConcave()
    {
        JointDistribution joint = BottleneckJoints.Random(6);
        double[] betas = Enumerable.Range(0, 16).Select(k => 0.5 * Math.Pow(1.4, k)).ToArray();
        IReadOnlyList<InformationBottleneckResult> curve = new IterativeInformationBottleneck { Restarts = 6, Seed = 3 }.Curve(joint, 4, betas);

        // Non-decreasing in β and along I(X;T) (Tishby et al. 1999, §4). The points are converged local optima, so a
        // slack of 1e-9 nats covers the convergence tolerance only.
        for (int i = 1; i < curve.Count; i++)
        {
            Assert.True(curve[i].Compression.Nats >= curve[i - 1].Compression.Nats - 1e-9);
            Assert.True(curve[i].Relevance.Nats >= curve[i - 1].Relevance.Nats - 1e-9);
        }

        // Concave: chord slopes ΔI(T;Y)/ΔI(X;T) are non-increasing (the slope of the optimal curve is 1/β). Points
        // closer than 1e-6 in I(X;T) are skipped (their chord slope is rounding); slack 1e-3 on the slopes.
        var distinct = new List<InformationBottleneckResult> { curve[0] };
        foreach (InformationBottleneckResult point in curve.Skip(1))
        {
            if (point.Compression.Nats - distinct[^1].Compression.Nats > 1e-6)
            {
                distinct.Add(point);
            }
        }

        for (int i = 2; i < distinct.Count; i++)
        {
            double before = (distinct[i - 1].Relevance.Nats - distinct[i - 2].Relevance.Nats) / (distinct[i - 1].Compression.Nats - distinct[i - 2].Compression.Nats);
            double after = (distinct[i].Relevance.Nats - distinct[i - 1].Relevance.Nats) / (distinct[i].Compression.Nats - distinct[i - 1].Compression.Nats);
            Assert.True(after <= before + 1e-3, $"slope {after} after {before} at β = {distinct[i].Beta}");
        }

        Assert.True(distinct.Count >= 4);
    }

    [Fact]
    public void Solve_SameSeed_SameResult()
    {
        JointDistribution joint = BottleneckJoints.Random(8);
        InformationBottleneckResult a = new IterativeInformationBottleneck { Seed = 42, Restarts = 3 }.Solve(joint, 3, 4);
        InformationBottleneckResult b = new IterativeInformationBottleneck { Seed = 42, Restarts = 3 }.Solve(joint, 3, 4);
        Assert.Equal(a.Encoder.ToArray(), b.Encoder.ToArray());
        Assert.Equal(a.Objective, b.Objective);
        Assert.Equal(a.Iterations, b.Iterations);
    }

    [Fact]
    public void Solve_RowsArePmfs()
    {
        InformationBottleneckResult result = Solver.Solve(BottleneckJoints.Random(9), 5, 3);
        double[] encoder = result.Encoder.ToArray(), decoder = result.Decoder.ToArray();
        for (int x = 0; x < 8; x++)
        {
            Assert.Equal(1.0, encoder.AsSpan(x * 5, 5).ToArray().Sum(), 1e-12);
        }

        for (int t = 0; t < 5; t++)
        {
            Assert.Equal(1.0, decoder.AsSpan(t * 4, 4).ToArray().Sum(), 1e-12);
        }

        Assert.Equal(1.0, result.ClusterMarginal.ToArray().Sum(), 1e-12);
    }
}
