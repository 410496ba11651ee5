namespace InfoTheory.Multivariate.Internal;

/// <summary>
/// k-subsets of {0, …, p − 1} in lexicographic order and their ranks in the combinatorial number system:
/// rank(c₀ &lt; c₁ &lt; … &lt; c_{k−1}) = Σᵢ C(cᵢ, i + 1), a bijection onto [0, C(p, k)) (Knuth, TAOCP 4A, §7.2.1.3).
/// </summary>
internal sealed class Combinations
{
    private readonly long[,] _binomial;

    public Combinations(int p, int k)
    {
        P = p;
        K = k;
        _binomial = new long[p + 1, k + 1];
        for (int n = 0; n <= p; n++)
        {
            _binomial[n, 0] = 1;
            for (int j = 1; j <= Math.Min(n, k); j++)
            {
                _binomial[n, j] = _binomial[n - 1, j - 1] + (j <= n - 1 ? _binomial[n - 1, j] : 0);
            }
        }
    }

    public int P { get; }

    public int K { get; }

    /// <summary>C(n, j) for n ≤ P, j ≤ K (0 when j &gt; n).</summary>
    public long Binomial(int n, int j) => j > n ? 0 : _binomial[n, j];

    /// <summary>C(P, K).</summary>
    public long Count => Binomial(P, K);

    /// <summary>The rank of the increasing subset <paramref name="subset"/> of size j ≤ K.</summary>
    public long Rank(ReadOnlySpan<int> subset)
    {
        long rank = 0;
        for (int i = 0; i < subset.Length; i++)
        {
            rank += Binomial(subset[i], i + 1);
        }

        return rank;
    }

    /// <summary>The rank of <paramref name="subset"/> without its element at <paramref name="skip"/>.</summary>
    public long RankWithout(ReadOnlySpan<int> subset, int skip)
    {
        long rank = 0;
        for (int i = 0, j = 0; i < subset.Length; i++)
        {
            if (i == skip)
            {
                continue;
            }

            rank += Binomial(subset[i], ++j);
        }

        return rank;
    }

    /// <summary>Advances <paramref name="subset"/> (increasing, values &lt; P) to the next in lexicographic order; false after the last.</summary>
    public static bool Next(Span<int> subset, int p)
    {
        int k = subset.Length;
        int i = k - 1;
        while (i >= 0 && subset[i] == p - k + i)
        {
            i--;
        }

        if (i < 0)
        {
            return false;
        }

        subset[i]++;
        for (int j = i + 1; j < k; j++)
        {
            subset[j] = subset[j - 1] + 1;
        }

        return true;
    }
}
