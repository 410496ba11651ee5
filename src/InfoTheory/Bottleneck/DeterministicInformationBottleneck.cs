using InfoTheory.Bottleneck.Internal;
using InfoTheory.Internal;
using InfoTheory.Measures;

namespace InfoTheory.Bottleneck;

/// <summary>
/// The deterministic information bottleneck (Strouse &amp; Schwab 2017, "The deterministic information bottleneck",
/// Neural Computation 29(6)): minimises H(T) − β I(T;Y) over hard clusterings t(x) with at most |T| clusters.
/// </summary>
/// <remarks>
/// <para>
/// From a random balanced assignment (the x's shuffled and dealt round-robin, so no cluster starts empty unless |T| &gt; |X|),
/// each iteration computes p(t) = Σ_{x: t(x)=t} p(x) and p(y|t) = Σ_{x: t(x)=t} p(x, y) / p(t),
/// then reassigns every x to t(x) = argmaxₜ [ln p(t) − β KL(p(y|x) ‖ p(y|t))] (the lowest t on ties; empty clusters are
/// never chosen), until no assignment changes. <see cref="Restarts"/> random assignments are run and the lowest
/// objective is returned. Every encoder row is one-hot, so I(X;T) = H(T).
/// </para>
/// <para>
/// β = 0 merges everything into one cluster. Work per iteration O(|X|·|T|·|Y|) (one row-wise KL kernel call per x), memory
/// O(|X|·|T|·|Y|); results in nats. Deterministic for a
/// given <see cref="Seed"/>; immutable and thread-safe.
/// </para>
/// </remarks>
public sealed class DeterministicInformationBottleneck : IInformationBottleneckSolver
{
    /// <summary>The most iterations per run (default 1 000; at least 1). A run that still changes assignments is reported as not converged.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public int MaxIterations
    {
        get;
        init => field = Settings.AtLeast(value, 1, nameof(MaxIterations));
    } = 1_000;

    /// <summary>The number of random initial assignments per solve (default 8; at least 1).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public int Restarts
    {
        get;
        init => field = Settings.AtLeast(value, 1, nameof(Restarts));
    } = 8;

    /// <summary>The seed of the random initial assignments (default 0): the same seed gives the same result.</summary>
    public int Seed { get; init; }

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="joint"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="joint"/> does not have exactly two variables.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="clusters"/> is less than 1, or <paramref name="beta"/> is negative, infinite or NaN.</exception>
    /// <remarks>
    /// Returns the lowest H(T) − β I(T;Y) over the restarts (the first on ties); <see cref="InformationBottleneckResult.Residual"/>
    /// is 1 if the last iteration still moved an x, else 0. Cost O(Restarts · iterations · |X|·|T|·|Y|).
    /// </remarks>
    public InformationBottleneckResult Solve(JointDistribution joint, int clusters, double beta)
    {
        var problem = BottleneckProblem.Create(joint);
        BottleneckProblem.CheckClusters(clusters);
        BottleneckProblem.CheckBeta(beta);
        int nx = problem.InputSize;
        InformationBottleneckResult? best = null;
        for (int run = 0; run < Restarts; run++)
        {
            var random = new StreamRandom(Seed, run);
            // A balanced random start: x's in random order dealt round-robin, so that min(|X|, |T|) clusters start
            // non-empty (an empty cluster can never be chosen again).
            int[] order = new int[nx], assignment = new int[nx];
            for (int x = 0; x < nx; x++)
            {
                order[x] = x;
            }

            random.Shuffle<int>(order);
            for (int k = 0; k < nx; k++)
            {
                assignment[order[k]] = k % clusters;
            }

            InformationBottleneckResult candidate = Iterate(problem, assignment, clusters, beta);
            if (best is null || candidate.Objective < best.Objective)
            {
                best = candidate;
            }
        }

        return best!;
    }

    private InformationBottleneckResult Iterate(BottleneckProblem problem, int[] assignment, int clusters, double beta)
    {
        int nx = problem.InputSize, ny = problem.OutputSize;
        double[] encoder = new double[nx * clusters];
        double[] marginal = new double[clusters], decoder = new double[clusters * ny], jointRows = new double[clusters * ny];
        double[] tiled = problem.TiledConditional(clusters), divergence = new double[clusters];
        int iteration = 0;
        bool converged = false;
        while (iteration < MaxIterations)
        {
            iteration++;
            OneHot(assignment, clusters, encoder);
            problem.Clusters(encoder, clusters, marginal, decoder, jointRows);
            bool changed = false;
            for (int x = 0; x < nx; x++)
            {
                if (beta > 0)
                {
                    problem.Divergences(tiled, x, decoder, clusters, divergence);
                }

                int choice = assignment[x];
                double bestScore = double.NegativeInfinity;
                for (int t = 0; t < clusters; t++)
                {
                    if (marginal[t] == 0)
                    {
                        continue;
                    }

                    double score = Math.Log(marginal[t]);
                    if (beta > 0)
                    {
                        score -= beta * divergence[t];
                    }

                    if (score > bestScore)
                    {
                        bestScore = score;
                        choice = t;
                    }
                }

                changed |= choice != assignment[x];
                assignment[x] = choice;
            }

            if (!changed)
            {
                converged = true;
                break;
            }
        }

        OneHot(assignment, clusters, encoder);
        return problem.Evaluate(encoder, clusters, beta, BottleneckObjective.Deterministic, iteration, converged, converged ? 0 : 1);
    }

    private static void OneHot(int[] assignment, int clusters, double[] encoder)
    {
        Array.Clear(encoder);
        for (int x = 0; x < assignment.Length; x++)
        {
            encoder[(x * clusters) + assignment[x]] = 1;
        }
    }
}
