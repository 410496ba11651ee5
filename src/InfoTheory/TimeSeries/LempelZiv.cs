using InfoTheory.Internal;

namespace InfoTheory.TimeSeries;

/// <summary>
/// Lempel-Ziv (1976) complexity of a symbol sequence, counted with the algorithm of Kaspar &amp; Schuster (1987),
/// and the entropy-rate estimate it gives.
/// </summary>
/// <remarks>
/// <para>
/// The sequence is parsed left to right into components, each the shortest word that is not a copy of a word
/// starting earlier (the copy may overlap the component itself); the last component may be a pure copy.
/// The complexity c(n) is the number of components: 0001101001000101 parses as 0·001·10·100·1000·101, c = 6.
/// </para>
/// <para>
/// For an ergodic source over m symbols, c(n) log_m(n) / n → h / ln m almost surely (Lempel &amp; Ziv 1976;
/// Ziv &amp; Lempel 1978), so ĥ = c(n) ln(n) / n nats estimates the entropy rate. Convergence is slow (relative error
/// of order log log n / log n): at n = 10⁵ the estimate of a fair coin is still a few per cent off ln 2, and strongly
/// dependent sequences converge more slowly still.
/// </para>
/// </remarks>
public static class LempelZiv
{
    /// <summary>The Lempel-Ziv (1976) complexity c(n): the number of components of the exhaustive parsing.</summary>
    /// <param name="symbols">At least one non-negative symbol.</param>
    /// <returns>c(n), 1 ≤ c ≤ n.</returns>
    /// <exception cref="ArgumentException"><paramref name="symbols"/> is empty or contains a negative symbol.</exception>
    /// <remarks>O(n²) in the worst case, close to O(n·c) in practice.</remarks>
    public static int Complexity(ReadOnlySpan<int> symbols)
    {
        CheckSymbols(symbols, nameof(symbols));
        return Count(symbols);
    }

    /// <summary>The normalised complexity c(n) log_m(n) / n, which tends to h / ln m (1 for an i.i.d. uniform source).</summary>
    /// <param name="symbols">At least two non-negative symbols, each below <paramref name="alphabetSize"/>.</param>
    /// <param name="alphabetSize">m ≥ 2, the number of possible symbols.</param>
    /// <returns>The normalised complexity.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="alphabetSize"/> is below 2.</exception>
    /// <exception cref="ArgumentException">Fewer than two symbols, or a symbol outside [0, m).</exception>
    public static double NormalizedComplexity(ReadOnlySpan<int> symbols, int alphabetSize)
    {
        if (alphabetSize < 2)
        {
            ThrowHelper.ArgumentOutOfRange(nameof(alphabetSize), alphabetSize, "alphabetSize must be at least 2.");
        }

        CheckSymbols(symbols, nameof(symbols), alphabetSize);
        return EntropyRate(symbols).Nats / Math.Log(alphabetSize);
    }

    /// <summary>The Lempel-Ziv entropy-rate estimate ĥ = c(n) ln(n) / n, in nats.</summary>
    /// <param name="symbols">At least two non-negative symbols.</param>
    /// <returns>The estimate.</returns>
    /// <exception cref="ArgumentException">Fewer than two symbols, or a negative symbol.</exception>
    public static Information EntropyRate(ReadOnlySpan<int> symbols)
    {
        CheckSymbols(symbols, nameof(symbols));
        if (symbols.Length < 2)
        {
            ThrowHelper.ArgumentException(nameof(symbols), "symbols needs at least two values for an entropy-rate estimate (ln 1 = 0).");
        }

        int n = symbols.Length;
        return Information.FromNats(Count(symbols) * Math.Log(n) / n);
    }

    private static void CheckSymbols(ReadOnlySpan<int> symbols, string paramName, int alphabetSize = int.MaxValue)
    {
        if (symbols.IsEmpty)
        {
            ThrowHelper.ArgumentException(paramName, $"{paramName} is empty.");
        }

        for (int t = 0; t < symbols.Length; t++)
        {
            if ((uint)symbols[t] >= (uint)alphabetSize)
            {
                ThrowHelper.ArgumentException(paramName, string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"{paramName}[{t}] = {symbols[t]} is outside [0, {alphabetSize})."));
            }
        }
    }

    private static int Count(ReadOnlySpan<int> s)
    {
        // Kaspar & Schuster (1987), zero-based: l is where the current component starts, i the candidate start of an
        // earlier copy, k the length matched so far, kMax the longest match over all i.
        int n = s.Length;
        if (n == 1)
        {
            return 1;
        }

        int c = 1, l = 1, i = 0, k = 1, kMax = 1;
        while (true)
        {
            if (s[i + k - 1] == s[l + k - 1])
            {
                k++;
                if (l + k > n)
                {
                    c++;
                    break;
                }
            }
            else
            {
                kMax = Math.Max(kMax, k);
                i++;
                if (i == l)
                {
                    c++;
                    l += kMax;
                    if (l + 1 > n)
                    {
                        break;
                    }

                    i = 0;
                    k = 1;
                    kMax = 1;
                }
                else
                {
                    k = 1;
                }
            }
        }

        return c;
    }
}
