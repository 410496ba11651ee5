using InfoTheory.Bottleneck.Internal;
using InfoTheory.Internal;
using InfoTheory.Measures;
using InfoTheory.Primitives;

namespace InfoTheory.Bottleneck;

/// <summary>
/// The information bottleneck by its self-consistent equations (Tishby, Pereira &amp; Bialek 1999, "The information
/// bottleneck method"): minimises I(X;T) − β I(T;Y) over soft encoders p(t|x) with |T| clusters.
/// </summary>
/// <remarks>
/// <para>
/// Each iteration computes p(t) = Σₓ p(x) p(t|x) and p(y|t) = Σₓ p(y|x) p(t|x) p(x) / p(t) from the current encoder,
/// then p(t|x) = p(t) e^{−β KL(p(y|x) ‖ p(y|t))} / Z(x, β), normalised by a row-wise log-sum-exp so that large β
/// cannot overflow. Iteration stops when no encoder entry moves by more than <see cref="Tolerance"/>.
/// The iteration decreases the objective but only to a local minimum, so <see cref="Restarts"/> random
/// initialisations (each row drawn uniformly and normalised) are run and the one with the lowest objective is returned.
/// </para>
/// <para>
/// Edge cases: β = 0 gives the trivial encoder p(t|x) = p(t) with I(X;T) = 0 after one step. A cluster whose p(t) reaches
/// 0 stays empty. Work per iteration O(|X|·|T|·|Y|) (one row-wise KL kernel call per x), memory O(|X|·|T|·|Y|); results in nats. Deterministic for a given <see cref="Seed"/>;
/// immutable and thread-safe.
/// </para>
/// </remarks>
public sealed class IterativeInformationBottleneck : IInformationBottleneckSolver
{
    /// <summary>The largest change of an encoder entry accepted as converged (default 1e-10; finite and &gt; 0).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not finite and positive.</exception>
    public double Tolerance
    {
        get;
        init => field = Settings.Tolerance(value, nameof(Tolerance));
    } = 1e-10;

    /// <summary>The most iterations per run (default 10 000; at least 1).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public int MaxIterations
    {
        get;
        init => field = Settings.AtLeast(value, 1, nameof(MaxIterations));
    } = 10_000;

    /// <summary>The number of random initialisations per solve (default 8; at least 1).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public int Restarts
    {
        get;
        init => field = Settings.AtLeast(value, 1, nameof(Restarts));
    } = 8;

    /// <summary>The seed of the random initialisations (default 0): the same seed gives the same result.</summary>
    public int Seed { get; init; }

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="joint"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="joint"/> does not have exactly two variables.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="clusters"/> is less than 1, or <paramref name="beta"/> is negative, infinite or NaN.</exception>
    /// <remarks>
    /// Runs <see cref="Restarts"/> initialisations and, for β &gt; 1, one annealed path (β doubled from 1 up to β, each step
    /// started from the previous solution) and a sequential hard reassignment of each of these solutions followed by
    /// the iteration again, and returns the lowest I(X;T) − β I(T;Y) (the first on ties). Without the
    /// annealed path a large β (say 10⁶) freezes random encoders into poor hard partitions, and a larger β could return less
    /// relevance than a smaller one. Cost O((Restarts + log₂ β) · iterations · |X|·|T|·|Y|).
    /// When the result has not converged, <see cref="InformationBottleneckResult.ConvergenceMessage"/> says how far it was.
    /// </remarks>
    public InformationBottleneckResult Solve(JointDistribution joint, int clusters, double beta)
    {
        var problem = BottleneckProblem.Create(joint);
        BottleneckProblem.CheckClusters(clusters);
        BottleneckProblem.CheckBeta(beta);
        bool large = beta > AnnealingStart;
        InformationBottleneckResult best = SolveCore(problem, clusters, beta, null, 0, polish: large);
        if (large)
        {
            InformationBottleneckResult annealed = Anneal(problem, clusters, beta);
            foreach (InformationBottleneckResult candidate in (ReadOnlySpan<InformationBottleneckResult>)[annealed, Polish(problem, annealed, clusters, beta)])
            {
                if (candidate.Objective < best.Objective)
                {
                    best = candidate;
                }
            }
        }

        return best;
    }

    /// <summary>
    /// The IB curve: one solution per β, solved in the given order, each from the previous solution (slightly mixed with
    /// noise so that empty clusters can revive) as well as from the random initialisations, keeping the best. Pass
    /// ascending β to trace the curve from I(X;T) = 0 toward I(T;Y) = I(X;Y) (continuation, as in deterministic annealing).
    /// </summary>
    /// <param name="joint">The joint distribution p(x, y) of two variables.</param>
    /// <param name="clusters">|T| ≥ 1.</param>
    /// <param name="betas">The trade-offs, each finite and ≥ 0.</param>
    /// <returns>One result per β, in the same order; plot <see cref="InformationBottleneckResult.Relevance"/> against <see cref="InformationBottleneckResult.Compression"/> for the information plane.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="joint"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="joint"/> does not have exactly two variables.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="clusters"/> is less than 1, or a β is negative, infinite or NaN.</exception>
    /// <remarks>Cost O(|betas| · (Restarts + 1) · iterations · |X|·|T|·|Y|). The curve of optimal solutions is concave and non-decreasing; the points found approach it as restarts grow.</remarks>
    public IReadOnlyList<InformationBottleneckResult> Curve(JointDistribution joint, int clusters, ReadOnlySpan<double> betas)
    {
        var problem = BottleneckProblem.Create(joint);
        BottleneckProblem.CheckClusters(clusters);
        foreach (double beta in betas)
        {
            BottleneckProblem.CheckBeta(beta, nameof(betas));
        }

        var points = new List<InformationBottleneckResult>(betas.Length);
        double[]? warm = null;
        for (int k = 0; k < betas.Length; k++)
        {
            InformationBottleneckResult point = SolveCore(problem, clusters, betas[k], warm, k + 1);
            points.Add(point);
            warm = point.Encoder.ToArray();
        }

        return points;
    }

    /// <summary>Below this β the trivial encoder is optimal for every joint (β ≤ 1 / (1 − λ) with 0 ≤ λ &lt; 1), so annealing starts here.</summary>
    private const double AnnealingStart = 1;

    /// <summary>
    /// Deterministic annealing (Rose 1998; Slonim 2002, §3.3): from one random encoder at β = 1, doubling β and
    /// restarting each step from the previous solution mixed with 1 % noise, up to the requested β. At large β the
    /// self-consistent map from a random encoder freezes into whatever hard partition the first steps reach (a poor
    /// local minimum, often reported as converged after two iterations); following the solutions from small β splits
    /// the clusters in the order their critical β's come, as the optimal curve does. The intermediate steps stop after at most
    /// 1 000 iterations (they only need to be close); the last step runs to <see cref="MaxIterations"/>.
    /// </summary>
    private InformationBottleneckResult Anneal(BottleneckProblem problem, int clusters, double beta)
    {
        int nx = problem.InputSize;
        double[] encoder = new double[nx * clusters];
        var random = new StreamRandom(Seed, int.MinValue);
        for (int x = 0; x < nx; x++)
        {
            Span<double> row = encoder.AsSpan(x * clusters, clusters);
            for (int t = 0; t < clusters; t++)
            {
                row[t] = BottleneckProblem.NextUnit(ref random);
            }

            System.Numerics.Tensors.TensorPrimitives.Divide(row, System.Numerics.Tensors.TensorPrimitives.Sum(row), row);
        }

        int step = 0;
        double b = AnnealingStart;
        while (true)
        {
            bool last = b >= beta;
            double current = last ? beta : b;
            InformationBottleneckResult result = Iterate(problem, encoder, clusters, current, last ? MaxIterations : Math.Min(MaxIterations, 1_000));
            if (last)
            {
                return result;
            }

            // The next start: 99 % of this solution, 1 % noise, so that clusters that merged at this β can split again later.
            step++;
            var noise = new StreamRandom(Seed, int.MinValue + step);
            encoder = result.Encoder.ToArray();
            for (int x = 0; x < nx; x++)
            {
                Span<double> row = encoder.AsSpan(x * clusters, clusters);
                double sum = 0;
                for (int t = 0; t < clusters; t++)
                {
                    row[t] = (0.99 * row[t]) + (0.01 * BottleneckProblem.NextUnit(ref noise));
                    sum += row[t];
                }

                System.Numerics.Tensors.TensorPrimitives.Divide(row, sum, row);
            }

            b *= 2;
        }
    }

    /// <summary>
    /// Sequential reassignment (Slonim, Friedman &amp; Tishby 2002, "Unsupervised document classification using sequential
    /// information maximization"): the best encoder is rounded to its hard partition, then each x in turn is moved to the
    /// cluster that lowers H(T) − β I(T;Y) the most (O(|T|·|Y|) per x from the cluster sums), until a sweep moves nothing.
    /// The self-consistent iteration then runs from that partition, so the result carries its own convergence data. At large
    /// β a parallel update moves every x at once and can stop in a partition that one single move would improve.
    /// </summary>
    private InformationBottleneckResult Polish(BottleneckProblem problem, InformationBottleneckResult best, int clusters, double beta)
    {
        int nx = problem.InputSize, ny = problem.OutputSize;
        ReadOnlySpan<double> soft = best.Encoder.Span;
        int[] assignment = new int[nx];
        double[] mass = new double[clusters], rows = new double[clusters * ny];
        for (int x = 0; x < nx; x++)
        {
            int t = System.Numerics.Tensors.TensorPrimitives.IndexOfMax(soft.Slice(x * clusters, clusters));
            assignment[x] = t;
            mass[t] += problem.InputMarginal[x];
            System.Numerics.Tensors.TensorPrimitives.Add(rows.AsSpan(t * ny, ny), problem.JointRow(x), rows.AsSpan(t * ny, ny));
        }

        double[] without = new double[ny], with = new double[ny];
        bool moved = true;
        for (int sweep = 0; moved && sweep < MaxIterations; sweep++)
        {
            moved = false;
            for (int x = 0; x < nx; x++)
            {
                double px = problem.InputMarginal[x];
                if (px == 0)
                {
                    continue;
                }

                int from = assignment[x];
                ReadOnlySpan<double> row = problem.JointRow(x);
                System.Numerics.Tensors.TensorPrimitives.Subtract(rows.AsSpan(from * ny, ny), row, without);
                double leave = ClusterCost(problem, mass[from] - px, without, beta) - ClusterCost(problem, mass[from], rows.AsSpan(from * ny, ny), beta);
                double bestChange = 0;
                int target = from;
                for (int t = 0; t < clusters; t++)
                {
                    if (t == from)
                    {
                        continue;
                    }

                    System.Numerics.Tensors.TensorPrimitives.Add(rows.AsSpan(t * ny, ny), row, with);
                    double change = leave + ClusterCost(problem, mass[t] + px, with, beta) - ClusterCost(problem, mass[t], rows.AsSpan(t * ny, ny), beta);

                    // Strictly better by more than rounding of the terms (of order β·I·ε), so the sweeps cannot cycle on noise.
                    if (change < bestChange - (1e-12 * (1 + (beta * px))))
                    {
                        bestChange = change;
                        target = t;
                    }
                }

                if (target != from)
                {
                    mass[from] -= px;
                    mass[target] += px;
                    without.CopyTo(rows.AsSpan(from * ny, ny));
                    System.Numerics.Tensors.TensorPrimitives.Add(rows.AsSpan(target * ny, ny), row, rows.AsSpan(target * ny, ny));
                    assignment[x] = target;
                    moved = true;
                }
            }
        }

        double[] encoder = new double[nx * clusters];
        for (int x = 0; x < nx; x++)
        {
            encoder[(x * clusters) + assignment[x]] = 1;
        }

        return Iterate(problem, encoder, clusters, beta, MaxIterations);
    }

    /// <summary>One cluster's share of H(T) − β I(T;Y): −m ln m − β Σ_y r_y ln(r_y / (m p(y))), with 0 ln 0 = 0.</summary>
    private static double ClusterCost(BottleneckProblem problem, double mass, ReadOnlySpan<double> row, double beta)
    {
        if (mass <= 0)
        {
            return 0;
        }

        double relevance = 0;
        for (int y = 0; y < row.Length; y++)
        {
            if (row[y] > 0)
            {
                relevance += row[y] * Math.Log(row[y] / (mass * problem.OutputMarginal[y]));
            }
        }

        return (-mass * Math.Log(mass)) - (beta * relevance);
    }

    private InformationBottleneckResult SolveCore(BottleneckProblem problem, int clusters, double beta, double[]? warm, int point, bool polish = false)
    {
        int nx = problem.InputSize;
        InformationBottleneckResult? best = null;
        for (int run = warm is null ? 0 : -1; run < Restarts; run++)
        {
            double[] encoder = new double[nx * clusters];
            var random = new StreamRandom(Seed, run >= 0 ? run : int.MaxValue - point);
            for (int x = 0; x < nx; x++)
            {
                Span<double> row = encoder.AsSpan(x * clusters, clusters);
                for (int t = 0; t < clusters; t++)
                {
                    row[t] = BottleneckProblem.NextUnit(ref random);
                }

                System.Numerics.Tensors.TensorPrimitives.Divide(row, System.Numerics.Tensors.TensorPrimitives.Sum(row), row);
                if (run < 0)
                {
                    // Warm start: 99 % of the previous solution, 1 % noise.
                    for (int t = 0; t < clusters; t++)
                    {
                        row[t] = (0.99 * warm![(x * clusters) + t]) + (0.01 * row[t]);
                    }
                }
            }

            InformationBottleneckResult candidate = Iterate(problem, encoder, clusters, beta, MaxIterations);
            if (best is null || candidate.Objective < best.Objective)
            {
                best = candidate;
            }

            if (polish)
            {
                InformationBottleneckResult polished = Polish(problem, candidate, clusters, beta);
                if (polished.Objective < best.Objective)
                {
                    best = polished;
                }
            }
        }

        return best!;
    }

    private InformationBottleneckResult Iterate(BottleneckProblem problem, double[] encoder, int clusters, double beta, int maxIterations)
    {
        int nx = problem.InputSize, ny = problem.OutputSize;
        double[] marginal = new double[clusters], decoder = new double[clusters * ny], jointRows = new double[clusters * ny];
        double[] logits = new double[nx * clusters], logZ = new double[nx], next = new double[nx * clusters];
        double[] tiled = problem.TiledConditional(clusters), divergence = new double[clusters];
        double residual = double.PositiveInfinity;
        int iteration = 0;
        bool converged = false;
        while (iteration < maxIterations)
        {
            iteration++;
            problem.Clusters(encoder, clusters, marginal, decoder, jointRows);
            for (int x = 0; x < nx; x++)
            {
                if (beta > 0)
                {
                    problem.Divergences(tiled, x, decoder, clusters, divergence);
                }

                for (int t = 0; t < clusters; t++)
                {
                    double logit = double.NegativeInfinity;
                    if (marginal[t] > 0)
                    {
                        // β = 0 skips the divergence: 0 · ∞ would be NaN where a decoder misses part of p(y|x).
                        logit = Math.Log(marginal[t]);
                        if (beta > 0)
                        {
                            logit -= beta * divergence[t];
                        }
                    }

                    logits[(x * clusters) + t] = logit;
                }
            }

            InformationPrimitives.LogSumExpRows(logits, clusters, logZ);
            residual = 0;
            for (int x = 0; x < nx; x++)
            {
                Span<double> row = next.AsSpan(x * clusters, clusters);
                if (double.IsFinite(logZ[x]))
                {
                    for (int t = 0; t < clusters; t++)
                    {
                        row[t] = Math.Exp(logits[(x * clusters) + t] - logZ[x]);
                    }
                }
                else
                {
                    // Every cluster is infinitely far (only possible for an x of probability 0): follow p(t).
                    marginal.CopyTo(row);
                }

                for (int t = 0; t < clusters; t++)
                {
                    residual = Math.Max(residual, Math.Abs(row[t] - encoder[(x * clusters) + t]));
                }
            }

            (encoder, next) = (next, encoder);
            if (residual <= Tolerance)
            {
                converged = true;
                break;
            }
        }

        return problem.Evaluate(encoder, clusters, beta, BottleneckObjective.Information, iteration, converged, residual);
    }
}
