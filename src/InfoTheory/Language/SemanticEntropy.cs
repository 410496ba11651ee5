using System.Globalization;
using InfoTheory.Internal;

namespace InfoTheory.Language;

/// <summary>
/// Semantic entropy (Farquhar, Kossen, Kuhn &amp; Gal 2024, "Detecting hallucinations in large language models using
/// semantic entropy", Nature 630): the entropy of the meanings, not the strings, of answers sampled from a model for one
/// question. Answers are clustered by a caller-supplied equivalence (in the paper, bidirectional entailment judged by
/// an NLI model or an LLM), and the entropy is taken over clusters.
/// </summary>
/// <remarks>
/// Two forms: the likelihood-weighted one, −Σ_C p(C) ln p(C) with p(C) ∝ Σ_{s∈C} p(s | x) from the sequence
/// log-probabilities, normalised over the sampled clusters (the "Rao" estimate of the paper's code), and the discrete
/// one, the entropy of the cluster frequencies, for models whose probabilities are not available. High semantic
/// entropy flags confabulation; SEED-GRPO scales policy updates by it.
/// </remarks>
public static partial class SemanticEntropy
{
    /// <summary>
    /// Clusters <paramref name="count"/> answers greedily, as in the paper: each answer in turn is compared with one
    /// member (the first) of every cluster so far and joins the first cluster it is equivalent to, else opens a new one.
    /// </summary>
    /// <param name="count">The number of answers (≥ 0).</param>
    /// <param name="equivalent">equivalent(i, j): whether answers i and j mean the same (bidirectional entailment). Called with i &gt; j, the
    /// new answer first; at most count·(clusters) times.</param>
    /// <returns>The cluster of each answer, numbered 0, 1, … in order of first appearance.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="equivalent"/> is null.</exception>
    /// <remarks>If the relation is not transitive the result depends on the order of the answers; see <see cref="ClusterTransitive"/>.</remarks>
    public static int[] ClusterGreedy(int count, Func<int, int, bool> equivalent)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentNullException.ThrowIfNull(equivalent);
        int[] clusters = new int[count];
        var representatives = new List<int>();
        for (int i = 0; i < count; i++)
        {
            int found = -1;
            for (int c = 0; c < representatives.Count && found < 0; c++)
            {
                if (equivalent(i, representatives[c]))
                {
                    found = c;
                }
            }

            if (found < 0)
            {
                found = representatives.Count;
                representatives.Add(i);
            }

            clusters[i] = found;
        }

        return clusters;
    }

    /// <summary>
    /// Clusters answers by the transitive closure of the equivalence: every pair is compared once and answers linked by
    /// a chain of equivalences share a cluster, whatever their order. count·(count − 1)/2 calls.
    /// </summary>
    /// <param name="count">The number of answers (≥ 0).</param>
    /// <param name="equivalent">equivalent(i, j), called with i &gt; j.</param>
    /// <returns>The cluster of each answer, numbered 0, 1, … in order of first appearance.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="equivalent"/> is null.</exception>
    public static int[] ClusterTransitive(int count, Func<int, int, bool> equivalent)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentNullException.ThrowIfNull(equivalent);
        int[] parent = new int[count];
        for (int i = 0; i < count; i++)
        {
            parent[i] = i;
        }

        for (int i = 1; i < count; i++)
        {
            for (int j = 0; j < i; j++)
            {
                int ri = Root(parent, i), rj = Root(parent, j);
                if (ri != rj && equivalent(i, j))
                {
                    parent[Math.Max(ri, rj)] = Math.Min(ri, rj);
                }
            }
        }

        int[] clusters = new int[count];
        var number = new Dictionary<int, int>();
        for (int i = 0; i < count; i++)
        {
            int root = Root(parent, i);
            if (!number.TryGetValue(root, out int c))
            {
                c = number.Count;
                number[root] = c;
            }

            clusters[i] = c;
        }

        return clusters;
    }

    /// <summary>
    /// The likelihood-weighted semantic entropy: with p(C) = Σ_{s∈C} e^(ℓ_s) / Σ_s e^(ℓ_s) from the sequence
    /// log-probabilities ℓ_s (combined per cluster by log-sum-exp, so long answers do not underflow),
    /// SE = −Σ_C p(C) ln p(C).
    /// </summary>
    /// <param name="sequenceLogProbs">ln p(s | x) of each sampled answer (the sum of its token log-probabilities, or the
    /// length-normalised mean the paper also uses): not NaN or +∞; −∞ gives the answer no weight; at least one finite.</param>
    /// <param name="clusters">The cluster of each answer (≥ 0), e.g. from <see cref="ClusterGreedy"/>; as long as <paramref name="sequenceLogProbs"/>.</param>
    /// <returns>SE between 0 (one meaning) and ln(number of clusters); 0 for no answers.</returns>
    /// <exception cref="ArgumentException">The lengths differ, a cluster is negative, a log-probability is NaN or +∞, or none is finite.</exception>
    public static Information FromClusters(ReadOnlySpan<double> sequenceLogProbs, ReadOnlySpan<int> clusters)
    {
        Check.SameLength(sequenceLogProbs.Length, clusters.Length);
        int[] ids = DenseClusters(clusters, out int clusterCount);
        if (sequenceLogProbs.IsEmpty)
        {
            return Information.Zero;
        }

        double max = double.NegativeInfinity;
        for (int i = 0; i < sequenceLogProbs.Length; i++)
        {
            double l = sequenceLogProbs[i];
            if (double.IsNaN(l) || l == double.PositiveInfinity)
            {
                ThrowHelper.ArgumentException(nameof(sequenceLogProbs), string.Create(CultureInfo.InvariantCulture,
                    $"sequenceLogProbs contains {l} at index {i}; a log-probability must be finite or −∞."));
            }

            max = Math.Max(max, l);
        }

        if (max == double.NegativeInfinity)
        {
            ThrowHelper.ArgumentException(nameof(sequenceLogProbs), "Every sequence log-probability is −∞; at least one answer must have positive probability.");
        }

        // Cluster masses relative to the most likely answer: e^(ℓ − max) ∈ [0, 1], then the entropy of the normalised masses.
        double[] mass = new double[clusterCount];
        for (int i = 0; i < sequenceLogProbs.Length; i++)
        {
            mass[ids[i]] += Math.Exp(sequenceLogProbs[i] - max);
        }

        return EntropyOfMasses(mass);
    }

    /// <summary>
    /// The discrete semantic entropy: the entropy of the cluster frequencies, −Σ_C (n_C/n) ln(n_C/n), for when the
    /// model's probabilities are not available (Farquhar et al. 2024).
    /// </summary>
    /// <param name="clusters">The cluster of each answer (≥ 0).</param>
    /// <returns>Between 0 (all answers one meaning) and ln n (all different); 0 for no answers.</returns>
    /// <exception cref="ArgumentException">A cluster is negative.</exception>
    public static Information Discrete(ReadOnlySpan<int> clusters)
    {
        int[] ids = DenseClusters(clusters, out int clusterCount);
        double[] mass = new double[clusterCount];
        foreach (int c in ids)
        {
            mass[c]++;
        }

        return EntropyOfMasses(mass);
    }

    private static Information EntropyOfMasses(double[] mass)
    {
        double total = 0;
        foreach (double m in mass)
        {
            total += m;
        }

        if (total == 0)
        {
            return Information.Zero;
        }

        double h = 0;
        foreach (double m in mass)
        {
            if (m > 0)
            {
                double p = m / total;
                h -= p * Math.Log(p);
            }
        }

        return Information.FromNats(h);
    }

    /// <summary>
    /// Checks that every cluster id is ≥ 0 and numbers the clusters 0, 1, … in order of first appearance, so any ids
    /// (hash codes, sparse labels, int.MaxValue) cost memory for the clusters present only.
    /// </summary>
    private static int[] DenseClusters(ReadOnlySpan<int> clusters, out int count)
    {
        var dense = new Dictionary<int, int>();
        int[] ids = new int[clusters.Length];
        for (int i = 0; i < clusters.Length; i++)
        {
            if (clusters[i] < 0)
            {
                ThrowHelper.ArgumentException(nameof(clusters), string.Create(CultureInfo.InvariantCulture,
                    $"clusters contains {clusters[i]} at index {i}; cluster ids must be ≥ 0."));
            }

            if (!dense.TryGetValue(clusters[i], out int id))
            {
                dense[clusters[i]] = id = dense.Count;
            }

            ids[i] = id;
        }

        count = dense.Count;
        return ids;
    }

    private static int Root(int[] parent, int i)
    {
        while (parent[i] != i)
        {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }

        return i;
    }
}
