using System.Globalization;
using InfoTheory.Internal;
using InfoTheory.Primitives;

namespace InfoTheory.Coupling;

/// <summary>
/// Entropy-bounded information maximisation (EBIM): given a pmf p(x) and a rate R, find an encoder p(t|x)
/// that maximises I(X;T) subject to H(T) ≤ R. It is the encoder half of minimum-entropy coupling with a
/// bottleneck (Ebrahimi, Chen &amp; Khisti, "Minimum Entropy Coupling with Bottleneck", NeurIPS 2024,
/// arXiv:2410.21666); the decoder half is a coupling of p(t) with the output marginal
/// (<see cref="MinimumEntropyCoupling.Greedy(ReadOnlySpan{double[]})"/>).
/// </summary>
public static class EntropyBoundedInformation
{
    /// <summary>Relative slack on H(T) ≤ R, so that R = H(X) computed by another summation order keeps the identity encoder.</summary>
    private const double RelativeSlack = 1e-12;

    /// <summary>
    /// A greedy deterministic encoder T = g(X) with H(T) ≤ R and I(X;T) = H(T) ≥ min(R, H(X)) − h(p₂),
    /// where p₂ is the second largest probability of p(x) and h the binary entropy.
    /// </summary>
    /// <param name="p">The source pmf p(x) (finite, ≥ 0, summing to 1 within 1e-9·|X|). Zero entries are allowed.</param>
    /// <param name="rate">The rate R ≥ 0 bounding H(T); finite.</param>
    /// <returns>The encoder, its code marginal, I(X;T) = H(T), R, and the bounds <see cref="EntropyBoundedEncoding.UpperBound"/> and <see cref="EntropyBoundedEncoding.GapBound"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="p"/> is empty or not a pmf.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rate"/> is negative, infinite or NaN.</exception>
    /// <remarks>
    /// <para>
    /// Because I(X;T) ≤ H(T) for every encoder and I(X;T) = H(T) for a deterministic one, the best deterministic
    /// encoder is the partition of X's symbols whose induced pmf has the largest entropy not above R. Finding it is
    /// NP-hard in general, so this method walks two chains of partitions, each step merging two blocks (every merge
    /// lowers H(T)), from the identity (H(T) = H(X)) down to a single block (H(T) = 0), and stops each chain at the
    /// first partition with H(T) ≤ R; the better of the two stopping points is returned:
    /// </para>
    /// <list type="number">
    /// <item><description>the most probable symbol's block absorbs the remaining singletons, least probable first;</description></item>
    /// <item><description>the two least probable blocks are merged (Huffman-style).</description></item>
    /// </list>
    /// <para>
    /// Guarantee (proved for chain 1, so it holds for the better of the two): in chain 1 a singleton of mass a ≤ p₂
    /// joins a block of mass b, lowering the entropy by s·h(a/s) with s = a + b ≤ 1; s·h(a/s) increases with s
    /// (its derivative is ln(s/(s − a)) &gt; 0), so each step lowers H(T) by at most h(a) ≤ h(p₂) (a ≤ p₂ ≤ 1/2).
    /// The first partition at or below R therefore has H(T) &gt; R − h(p₂) when R &lt; H(X), and the identity is
    /// returned when R ≥ H(X). Since every encoder, stochastic ones included, has I(X;T) ≤ min(R, H(X)), the result
    /// is within h(p₂) ≤ 1 bit of the EBIM optimum. This is the bound Ebrahimi, Chen &amp; Khisti (2024) state for
    /// their greedy deterministic search (their Theorem 2); the two chains here were derived and proved independently
    /// and may return a different (never worse-guaranteed) partition than their algorithm. The optimum can lie
    /// strictly between deterministic encoders' values (the paper characterises optimal stochastic encoders near a
    /// deterministic one); no stochastic refinement is attempted here.
    /// </para>
    /// <para>
    /// Cost: O(|X| log |X|) time, O(|X|) memory beyond the dense |X| × |T| encoder matrix of the result.
    /// H(T) ≤ R holds to a relative 1e-12, so that a rate equal to H(X) computed elsewhere returns the identity encoder.
    /// </para>
    /// </remarks>
    public static EntropyBoundedEncoding Greedy(ReadOnlySpan<double> p, Information rate)
    {
        if (p.IsEmpty)
        {
            ThrowHelper.ArgumentException(nameof(p), "The pmf p must have at least one symbol.");
        }

        Check.Distribution(p, nameof(p), "the pmf p", -1, normalize: false, canNormalize: false);
        double r = rate.Nats;
        if (!double.IsFinite(r) || r < 0)
        {
            ThrowHelper.ArgumentOutOfRange(nameof(rate), r,
                string.Create(CultureInfo.InvariantCulture, $"The rate must be a finite number of nats ≥ 0, got {r}."));
        }

        double limit = r + (RelativeSlack * Math.Max(r, 1e-3));

        // The symbols with mass, most probable first (ties by index), so chain 1 and the gap bound are deterministic.
        int[] support = SupportByDecreasingMass(p);
        double[] mass = new double[support.Length];
        for (int i = 0; i < support.Length; i++)
        {
            mass[i] = p[support[i]];
        }

        (int[] blocks1, double[] marginal1, double entropy1) = StopAtRate(p, support, mass, LargestAbsorbsSmallest(support.Length), limit);
        (int[] blocks2, double[] marginal2, double entropy2) = StopAtRate(p, support, mass, PairTheSmallest(mass), limit);
        (int[] assignment, double[] marginal, double entropy) = entropy2 > entropy1
            ? (blocks2, marginal2, entropy2)
            : (blocks1, marginal1, entropy1);

        int codes = marginal.Length;
        double[] encoder = new double[p.Length * codes];
        for (int x = 0; x < p.Length; x++)
        {
            encoder[(x * codes) + assignment[x]] = 1;
        }

        double sourceEntropy = InformationPrimitives.Entropy(p).Nats;
        double p2 = mass.Length > 1 ? mass[1] : 0;
        return new EntropyBoundedEncoding
        {
            Assignment = assignment,
            Encoder = encoder,
            CodeMarginal = marginal,
            Codes = codes,
            MutualInformation = Information.FromNats(entropy),
            CodeEntropy = Information.FromNats(entropy),
            Rate = rate,
            UpperBound = Information.FromNats(Math.Min(r, sourceEntropy)),
            GapBound = Information.FromNats(Eta(p2) + Eta(1 - p2)),
        };
    }

    /// <summary>−q ln q, with 0 at q = 0.</summary>
    private static double Eta(double q) => q > 0 ? -q * Math.Log(q) : 0;

    private static int[] SupportByDecreasingMass(ReadOnlySpan<double> p)
    {
        var support = new List<int>(p.Length);
        for (int x = 0; x < p.Length; x++)
        {
            if (p[x] > 0)
            {
                support.Add(x);
            }
        }

        double[] values = p.ToArray();
        support.Sort((a, b) => values[a] != values[b] ? values[b].CompareTo(values[a]) : a.CompareTo(b));
        return [.. support];
    }

    /// <summary>Chain 1: block 0 (the most probable symbol) absorbs position n−1, then n−2, …, then 1.</summary>
    private static (int Into, int From)[] LargestAbsorbsSmallest(int n)
    {
        var merges = new (int Into, int From)[Math.Max(n - 1, 0)];
        for (int j = 0; j < merges.Length; j++)
        {
            merges[j] = (0, n - 1 - j);
        }

        return merges;
    }

    /// <summary>Chain 2: repeatedly merge the two least probable blocks (ties by the smaller position); the larger absorbs the smaller.</summary>
    private static (int Into, int From)[] PairTheSmallest(double[] mass)
    {
        var merges = new (int Into, int From)[Math.Max(mass.Length - 1, 0)];
        var queue = new PriorityQueue<int, (double Mass, int Position)>(mass.Length);
        double[] blockMass = (double[])mass.Clone();
        for (int i = 0; i < mass.Length; i++)
        {
            queue.Enqueue(i, (mass[i], i));
        }

        for (int j = 0; j < merges.Length; j++)
        {
            int smaller = queue.Dequeue();
            int larger = queue.Dequeue();
            merges[j] = (larger, smaller);
            blockMass[larger] += blockMass[smaller];
            queue.Enqueue(larger, (blockMass[larger], larger));
        }

        return merges;
    }

    /// <summary>
    /// Applies the merges in order until the partition's entropy is at most <paramref name="limit"/> nats and returns
    /// the code of every symbol of p, the code marginal (decreasing) and its entropy in nats. The entropy is tracked
    /// incrementally to find the stopping step, then recomputed from the code marginal (the reported value), one more
    /// merge being taken in the rare case rounding put it above the limit.
    /// </summary>
    private static (int[] Assignment, double[] Marginal, double Entropy) StopAtRate(
        ReadOnlySpan<double> p, int[] support, double[] mass, (int Into, int From)[] merges, double limit)
    {
        double[] blockMass = (double[])mass.Clone();
        double tracked = 0;
        foreach (double m in mass)
        {
            tracked += Eta(m);
        }

        int steps = 0;
        while (tracked > limit && steps < merges.Length)
        {
            (int into, int from) = merges[steps];
            tracked += Eta(blockMass[into] + blockMass[from]) - Eta(blockMass[into]) - Eta(blockMass[from]);
            blockMass[into] += blockMass[from];
            blockMass[from] = 0;
            steps++;
        }

        while (true)
        {
            (int[] assignment, double[] marginal) = Replay(p, support, merges, steps);
            double entropy = InformationPrimitives.Entropy(marginal).Nats;
            if (entropy <= limit || steps >= merges.Length)
            {
                return (assignment, marginal, entropy);
            }

            steps++;
        }
    }

    /// <summary>The partition after the first <paramref name="steps"/> merges, with codes numbered by decreasing p(t).</summary>
    private static (int[] Assignment, double[] Marginal) Replay(ReadOnlySpan<double> p, int[] support, (int Into, int From)[] merges, int steps)
    {
        // Each merge joins two current blocks named by a position; following the absorbing position leads to the block's name.
        int[] parent = new int[support.Length];
        for (int i = 0; i < parent.Length; i++)
        {
            parent[i] = i;
        }

        for (int j = 0; j < steps; j++)
        {
            parent[merges[j].From] = merges[j].Into;
        }

        int[] root = new int[support.Length];
        double[] blockMass = new double[support.Length];
        for (int i = 0; i < support.Length; i++)
        {
            int k = i;
            while (parent[k] != k)
            {
                k = parent[k];
            }

            parent[i] = k; // path compression to the root (parent[k] == k, so later walks stay valid)
            root[i] = k;
            blockMass[k] += p[support[i]];
        }

        // Blocks ordered by decreasing mass, ties by their smallest symbol index.
        int[] smallestSymbol = new int[support.Length];
        Array.Fill(smallestSymbol, int.MaxValue);
        for (int i = 0; i < support.Length; i++)
        {
            smallestSymbol[root[i]] = Math.Min(smallestSymbol[root[i]], support[i]);
        }

        var roots = new List<int>();
        for (int i = 0; i < support.Length; i++)
        {
            if (root[i] == i)
            {
                roots.Add(i);
            }
        }

        roots.Sort((a, b) => blockMass[a] != blockMass[b] ? blockMass[b].CompareTo(blockMass[a]) : smallestSymbol[a].CompareTo(smallestSymbol[b]));
        int[] code = new int[support.Length];
        double[] marginal = new double[roots.Count];
        for (int c = 0; c < roots.Count; c++)
        {
            code[roots[c]] = c;
            marginal[c] = blockMass[roots[c]];
        }

        // Zero-mass symbols go with the most probable symbol (position 0), whose block is not necessarily code 0.
        int[] assignment = new int[p.Length];
        Array.Fill(assignment, code[root[0]]);
        for (int i = 0; i < support.Length; i++)
        {
            assignment[support[i]] = code[root[i]];
        }

        return (assignment, marginal);
    }
}
