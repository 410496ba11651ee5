using System.Globalization;
using System.Numerics.Tensors;
using InfoTheory.Bottleneck.Internal;
using InfoTheory.Internal;
using InfoTheory.Measures;
using InfoTheory.Primitives;

namespace InfoTheory.Bottleneck;

/// <summary>
/// The agglomerative information bottleneck (Slonim &amp; Tishby 1999, "Agglomerative information bottleneck", NIPS 12):
/// a hard clustering of X built bottom-up by greedily merging the pair of clusters that loses the least I(T;Y).
/// </summary>
/// <remarks>
/// <para>
/// Starting from one cluster per x (T = X, so I(T;Y) = I(X;Y)), each step merges the pair (i, j) with the smallest loss
/// ΔI(T;Y) = (p(tᵢ) + p(tⱼ)) · JS_π(p(y|tᵢ), p(y|tⱼ)), where JS_π is the Jensen-Shannon divergence with weights
/// πᵢ = p(tᵢ) / (p(tᵢ) + p(tⱼ)), πⱼ = 1 − πᵢ, computed as p(tᵢ) KL(p(y|tᵢ) ‖ m) + p(tⱼ) KL(p(y|tⱼ) ‖ m) with
/// m = πᵢ p(y|tᵢ) + πⱼ p(y|tⱼ). Ties go to the pair with the lowest (i, j). Clusters of probability 0 merge at no cost.
/// </para>
/// <para>
/// The result is deterministic and needs no β: it is the β → ∞ end of the IB, so <see cref="InformationBottleneckResult.Beta"/>
/// is +∞ and <see cref="InformationBottleneckResult.Objective"/> is −I(T;Y). Surviving clusters are numbered in the order
/// of their smallest x. Merge losses are cached, so the whole path costs O(|X|²·|Y| + |X|³) time and O(|X|²) memory.
/// Stateless and thread-safe.
/// </para>
/// </remarks>
public static class AgglomerativeInformationBottleneck
{
    /// <summary>The whole merge path: one hard clustering for each |T| from |X| down to 1.</summary>
    /// <param name="joint">The joint distribution p(x, y) of two variables.</param>
    /// <returns>|X| results; element k has |T| = |X| − k clusters, with I(T;Y) non-increasing along the list.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="joint"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="joint"/> does not have exactly two variables.</exception>
    public static IReadOnlyList<InformationBottleneckResult> Path(JointDistribution joint)
    {
        var problem = BottleneckProblem.Create(joint);
        var path = new List<InformationBottleneckResult>(problem.InputSize);
        Agglomerate(problem, 1, path);
        return path;
    }

    /// <summary>The hard clustering with |T| = <paramref name="clusters"/> on the merge path.</summary>
    /// <param name="joint">The joint distribution p(x, y) of two variables.</param>
    /// <param name="clusters">|T|, between 1 and |X|.</param>
    /// <returns>The clustering after |X| − <paramref name="clusters"/> merges.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="joint"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="joint"/> does not have exactly two variables.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="clusters"/> is less than 1 or more than |X|.</exception>
    public static InformationBottleneckResult Solve(JointDistribution joint, int clusters)
    {
        var problem = BottleneckProblem.Create(joint);
        BottleneckProblem.CheckClusters(clusters);
        if (clusters > problem.InputSize)
        {
            ThrowHelper.ArgumentOutOfRange(nameof(clusters), clusters, string.Create(CultureInfo.InvariantCulture,
                $"clusters must be at most |X| = {problem.InputSize} for agglomerative clustering, got {clusters}."));
        }

        return Agglomerate(problem, clusters, null);
    }

    private static InformationBottleneckResult Agglomerate(BottleneckProblem problem, int stopAt, List<InformationBottleneckResult>? path)
    {
        int n = problem.InputSize, ny = problem.OutputSize;
        double[] weight = (double[])problem.InputMarginal.Clone();
        double[] rows = new double[n * ny];
        for (int x = 0; x < n; x++)
        {
            problem.JointRow(x).CopyTo(rows.AsSpan(x * ny, ny));
        }

        int[] owner = new int[n];
        bool[] alive = new bool[n];
        for (int x = 0; x < n; x++)
        {
            owner[x] = x;
            alive[x] = true;
        }

        double[] loss = new double[n * n];
        double[] scratch = new double[3 * ny];
        for (int i = 0; i < n; i++)
        {
            for (int j = i + 1; j < n; j++)
            {
                loss[(i * n) + j] = MergeLoss(rows, weight, i, j, ny, scratch);
            }
        }

        int count = n, merges = 0;
        InformationBottleneckResult current = Snapshot(problem, owner, alive, count, merges);
        path?.Add(current);
        while (count > stopAt)
        {
            int bi = -1, bj = -1;
            double smallest = double.PositiveInfinity;
            for (int i = 0; i < n; i++)
            {
                if (!alive[i])
                {
                    continue;
                }

                for (int j = i + 1; j < n; j++)
                {
                    if (alive[j] && (bi < 0 || loss[(i * n) + j] < smallest))
                    {
                        smallest = loss[(i * n) + j];
                        bi = i;
                        bj = j;
                    }
                }
            }

            weight[bi] += weight[bj];
            TensorPrimitives.Add(rows.AsSpan(bi * ny, ny), rows.AsSpan(bj * ny, ny), rows.AsSpan(bi * ny, ny));
            alive[bj] = false;
            for (int x = 0; x < n; x++)
            {
                if (owner[x] == bj)
                {
                    owner[x] = bi;
                }
            }

            for (int k = 0; k < n; k++)
            {
                if (alive[k] && k != bi)
                {
                    int a = Math.Min(k, bi), b = Math.Max(k, bi);
                    loss[(a * n) + b] = MergeLoss(rows, weight, a, b, ny, scratch);
                }
            }

            count--;
            merges++;
            if (path is not null || count == stopAt)
            {
                current = Snapshot(problem, owner, alive, count, merges);
                path?.Add(current);
            }
        }

        return current;
    }

    /// <summary>(p(tᵢ) + p(tⱼ)) · JS_π(p(y|tᵢ), p(y|tⱼ)) = p(tᵢ) KL(p(y|tᵢ) ‖ m) + p(tⱼ) KL(p(y|tⱼ) ‖ m).</summary>
    private static double MergeLoss(double[] rows, double[] weight, int i, int j, int ny, double[] scratch)
    {
        double wi = weight[i], wj = weight[j];
        if (wi == 0 || wj == 0)
        {
            return 0;
        }

        Span<double> ci = scratch.AsSpan(0, ny), cj = scratch.AsSpan(ny, ny), m = scratch.AsSpan(2 * ny, ny);
        TensorPrimitives.Divide(rows.AsSpan(i * ny, ny), wi, ci);
        TensorPrimitives.Divide(rows.AsSpan(j * ny, ny), wj, cj);
        TensorPrimitives.Add(rows.AsSpan(i * ny, ny), rows.AsSpan(j * ny, ny), m);
        TensorPrimitives.Divide(m, wi + wj, m);
        return (wi * InformationPrimitives.KullbackLeibler(ci, m).Nats) + (wj * InformationPrimitives.KullbackLeibler(cj, m).Nats);
    }

    private static InformationBottleneckResult Snapshot(BottleneckProblem problem, int[] owner, bool[] alive, int count, int merges)
    {
        int n = problem.InputSize;
        int[] index = new int[n];
        int next = 0;
        for (int k = 0; k < n; k++)
        {
            index[k] = alive[k] ? next++ : -1;
        }

        double[] encoder = new double[n * count];
        for (int x = 0; x < n; x++)
        {
            encoder[(x * count) + index[owner[x]]] = 1;
        }

        return problem.Evaluate(encoder, count, double.PositiveInfinity, BottleneckObjective.RelevanceOnly, merges, true, 0);
    }
}
