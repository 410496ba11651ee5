using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using InfoTheory.Internal;
using InfoTheory.Measures;
using InfoTheory.TimeSeries.Internal;
using MathNet.Numerics;

namespace InfoTheory.TimeSeries;

/// <summary>
/// Ordinal patterns of a series (Bandt &amp; Pompe 2002): permutation entropy and the Jensen-Shannon statistical
/// complexity (Rosso et al. 2007).
/// </summary>
/// <remarks>
/// <para>
/// The window at t is (x_t, x_{t+τ}, …, x_{t+(d−1)τ}), for t = 0 … n − 1 − (d − 1)τ. Its pattern is the permutation
/// π that sorts it, x_{t+π₀τ} ≤ x_{t+π₁τ} ≤ …; ties are broken by a stable order, so of two equal values the earlier
/// one ranks lower (a constant window has the identity pattern, as an increasing one does; Zanin et al. 2012 discuss
/// the alternatives). The pattern is coded as its Lehmer code Σᵢ #{j &gt; i : πⱼ &lt; πᵢ}·(d − 1 − i)!, an integer in
/// [0, d!): the identity (increasing window) is 0 and the reversal (decreasing window) is d! − 1.
/// </para>
/// <para>
/// Patterns are counted sparsely (sorting the codes), so memory is O(n) whatever d!; d is limited to 20 so that the
/// code fits a <see cref="long"/>. Entropies are plug-in (frequencies), in nats; the normalised ones divide by ln d!.
/// For an i.i.d. continuous series every pattern is equally likely and the permutation entropy tends to ln d!; a
/// monotone series has one pattern and entropy 0. Reliable estimates need n ≫ d! (Amigó et al. 2008).
/// </para>
/// </remarks>
public static partial class OrdinalPatterns
{
    /// <summary>The largest embedding dimension: 20! &lt; 2⁶³ &lt; 21!.</summary>
    public const int MaxDimension = 20;

    /// <summary>The Lehmer code of the ordinal pattern of every window.</summary>
    /// <param name="series">Finite values in time order, at least (d − 1)τ + 1.</param>
    /// <param name="d">The embedding dimension (pattern length), 2 ≤ d ≤ <see cref="MaxDimension"/>.</param>
    /// <param name="tau">The delay between the values of a window, at least 1.</param>
    /// <returns>n − (d − 1)τ codes in [0, d!), in time order.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="d"/> or <paramref name="tau"/> is out of range.</exception>
    /// <exception cref="ArgumentException">The series is too short or has a NaN or ±∞.</exception>
    public static long[] Encode(ReadOnlySpan<double> series, int d, int tau = 1)
    {
        int windows = CheckArguments(series, d, tau);
        long[] codes = new long[windows];
        Span<int> order = stackalloc int[d];
        Span<long> factorial = stackalloc long[d];
        factorial[0] = 1;
        for (int i = 1; i < d; i++)
        {
            factorial[i] = factorial[i - 1] * i;
        }

        for (int t = 0; t < windows; t++)
        {
            // Stable insertion sort of the window's indices: a later equal value goes after an earlier one.
            for (int i = 0; i < d; i++)
            {
                double v = series[t + (i * tau)];
                int j = i;
                while (j > 0 && series[t + (order[j - 1] * tau)] > v)
                {
                    order[j] = order[j - 1];
                    j--;
                }

                order[j] = i;
            }

            long code = 0;
            for (int i = 0; i < d; i++)
            {
                int smallerToTheRight = 0;
                for (int j = i + 1; j < d; j++)
                {
                    smallerToTheRight += order[j] < order[i] ? 1 : 0;
                }

                code += smallerToTheRight * factorial[d - 1 - i];
            }

            codes[t] = code;
        }

        return codes;
    }

    /// <summary>The permutation entropy H = −Σ p(π) ln p(π) over the observed patterns (plug-in), in nats.</summary>
    /// <param name="series">Finite values in time order, at least (d − 1)τ + 1.</param>
    /// <param name="d">The embedding dimension, 2 ≤ d ≤ <see cref="MaxDimension"/>.</param>
    /// <param name="tau">The delay, at least 1.</param>
    /// <returns>0 ≤ H ≤ ln d!.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="d"/> or <paramref name="tau"/> is out of range.</exception>
    /// <exception cref="ArgumentException">The series is too short or has a NaN or ±∞.</exception>
    public static Information PermutationEntropy(ReadOnlySpan<double> series, int d, int tau = 1)
    {
        double[] p = PatternFrequencies(series, d, tau);
        return Information.FromNats(Entropy.Shannon(p).Nats);
    }

    /// <summary>The normalised permutation entropy H / ln d!, in [0, 1].</summary>
    /// <inheritdoc cref="PermutationEntropy(ReadOnlySpan{double}, int, int)"/>
    public static double NormalizedPermutationEntropy(ReadOnlySpan<double> series, int d, int tau = 1) =>
        PermutationEntropy(series, d, tau).Nats / SpecialFunctions.FactorialLn(d);

    /// <summary>
    /// The complexity-entropy point of the series (Rosso et al. 2007): H_S = S(P)/ln N and
    /// C_JS = Q₀ · JS(P, U) · H_S with N = d!, JS(P, U) = S((P + U)/2) − S(P)/2 − S(U)/2 and
    /// Q₀ = −2 / [((N + 1)/N) ln(N + 1) − 2 ln(2N) + ln N], the reciprocal of the largest JS(P, U) (P a single pattern).
    /// </summary>
    /// <inheritdoc cref="PermutationEntropy(ReadOnlySpan{double}, int, int)"/>
    /// <returns>The normalised entropy, the disequilibrium Q_J and the complexity.</returns>
    public static OrdinalComplexity StatisticalComplexity(ReadOnlySpan<double> series, int d, int tau = 1)
    {
        double[] p = PatternFrequencies(series, d, tau);
        return Complexity(p, d);
    }

    /// <summary>The Shannon complexity-entropy point of observed pattern frequencies <paramref name="p"/> over N = d! patterns.</summary>
    private static OrdinalComplexity Complexity(double[] p, int d)
    {
        double n = Factorial(d), lnN = SpecialFunctions.FactorialLn(d);
        double sp = Entropy.Shannon(p).Nats;

        // S((P + U)/2): the observed patterns have mass (pᵢ + 1/N)/2, the N − K unobserved ones 1/(2N) each.
        double mixture = (n - p.Length) / (2 * n) * Math.Log(2 * n);
        foreach (double pi in p)
        {
            double m = (pi + (1 / n)) / 2;
            mixture -= m * Math.Log(m);
        }

        double js = mixture - (sp / 2) - (lnN / 2);

        double q0 = DisequilibriumScale(n, lnN);
        double hs = sp / lnN;
        double qj = Math.Max(0, q0 * js);
        return new OrdinalComplexity(hs, qj, qj * hs);
    }

    /// <summary>Q₀ = −2 / [((N + 1)/N) ln(N + 1) − 2 ln(2N) + ln N], the reciprocal of the largest JS(P, U) over N patterns.</summary>
    internal static double DisequilibriumScale(double n, double lnN)
    {
        // The bracket rearranged so that no two terms of size ln N cancel: (ln N)/N + (1 + 1/N) ln(1 + 1/N) − 2 ln 2.
        double bracket = (lnN / n) + ((1 + (1 / n)) * Math.Log(1 + (1 / n))) - (2 * Math.Log(2));
        return -2 / bracket;
    }

    private static int CheckArguments(ReadOnlySpan<double> series, int d, int tau)
    {
        if (d < 2 || d > MaxDimension)
        {
            ThrowHelper.ArgumentOutOfRange(nameof(d), d, string.Create(CultureInfo.InvariantCulture,
                $"d must be between 2 and {MaxDimension} (the pattern code must fit a long), got {d}."));
        }

        TimeSeriesChecks.Delay(tau, nameof(tau));
        TimeSeriesChecks.Finite(series, nameof(series));
        long windows = series.Length - ((long)(d - 1) * tau);
        if (windows < 1)
        {
            ThrowHelper.ArgumentException(nameof(series), string.Create(CultureInfo.InvariantCulture,
                $"series has {series.Length} values but one window of d = {d} values τ = {tau} apart needs {((long)(d - 1) * tau) + 1}."));
        }

        return (int)windows;
    }

    /// <summary>The largest d whose d! pattern counts are kept in one dense table (10! = 3 628 800 ints, 14.5 MB).</summary>
    private const int DenseCountDimension = 10;

    /// <summary>
    /// The observed pattern frequencies (in no particular order, which no entropy depends on). Up to
    /// <see cref="DenseCountDimension"/> the windows are counted straight into a dense table of d! counts, each window
    /// coded by the Lehmer code of its ranks — digit i counts the later values of the window strictly smaller than value
    /// i, so a later equal value ranks higher, the same stable rule as <see cref="Encode"/> — computed for a vector of
    /// consecutive windows at once (their i-th values are consecutive in the series). The ranks are the inverse of the
    /// order <see cref="Encode"/> codes, so both codings split the windows into the same classes. Larger d sort the codes.
    /// </summary>
    private static double[] PatternFrequencies(ReadOnlySpan<double> series, int d, int tau)
    {
        int windows = CheckArguments(series, d, tau);
        if (d > DenseCountDimension)
        {
            return Frequencies(Encode(series, d, tau));
        }

        int[] counts = CountRanks(series, d, tau, windows);
        var p = new List<double>();
        double total = windows;
        foreach (int c in counts)
        {
            if (c > 0)
            {
                p.Add(c / total);
            }
        }

        return [.. p];
    }

    /// <summary>The number of windows of each rank code (see <see cref="CodeRanks"/>), a table of d! counts.</summary>
    private static int[] CountRanks(ReadOnlySpan<double> series, int d, int tau, int windows)
    {
        var sink = new CountSink(new int[(int)Factorial(d)]);
        CodeRanks(series, d, tau, windows, ref sink);
        return sink.Counts;
    }

    /// <summary>
    /// The rank code of every window, in time order, handed to <paramref name="sink"/> with the window's index: digit i
    /// counts the later values of the window strictly smaller than value i, weighted by (d − 1 − i)!; a vector of
    /// consecutive windows at a time.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void CodeRanks<TSink>(ReadOnlySpan<double> series, int d, int tau, int windows, ref TSink sink)
        where TSink : struct, IPatternSink
    {
        // weight[i] = (d − 1 − i)!: the place value of digit i.
        Span<long> weight = stackalloc long[d];
        weight[d - 1] = 1;
        for (int i = d - 2; i >= 0; i--)
        {
            weight[i] = weight[i + 1] * (d - 1 - i);
        }

        ref double x = ref MemoryMarshal.GetReference(series);
        int t = 0;
        if (Vector.IsHardwareAccelerated)
        {
            int lanes = Vector<double>.Count;
            Span<long> lane = stackalloc long[lanes];
            for (; t <= windows - lanes; t += lanes)
            {
                var code = Vector<long>.Zero;
                for (int i = 0; i < d - 1; i++)
                {
                    var vi = Vector.LoadUnsafe(ref x, (nuint)(t + (i * tau)));
                    var wi = new Vector<long>(weight[i]);
                    for (int j = i + 1; j < d; j++)
                    {
                        var vj = Vector.LoadUnsafe(ref x, (nuint)(t + (j * tau)));
                        code += Vector.LessThan(vj, vi) & wi;
                    }
                }

                code.CopyTo(lane);
                for (int l = 0; l < lanes; l++)
                {
                    sink.Add(t + l, lane[l]);
                }
            }
        }

        for (; t < windows; t++)
        {
            long code = 0;
            for (int i = 0; i < d - 1; i++)
            {
                double vi = Unsafe.Add(ref x, t + (i * tau));
                for (int j = i + 1; j < d; j++)
                {
                    code += Unsafe.Add(ref x, t + (j * tau)) < vi ? weight[i] : 0;
                }
            }

            sink.Add(t, code);
        }
    }

    /// <summary>What <see cref="CodeRanks"/> does with each window's code.</summary>
    private interface IPatternSink
    {
        void Add(int window, long code);
    }

    /// <summary>Counts the windows of each code.</summary>
    private readonly struct CountSink(int[] counts) : IPatternSink
    {
        public int[] Counts { get; } = counts;

        public void Add(int window, long code) => Counts[code]++;
    }

    private static double[] Frequencies(long[] codes)
    {
        Array.Sort(codes);
        var p = new List<double>();
        double total = codes.Length;
        for (int start = 0; start < codes.Length;)
        {
            int end = start + 1;
            while (end < codes.Length && codes[end] == codes[start])
            {
                end++;
            }

            p.Add((end - start) / total);
            start = end;
        }

        return [.. p];
    }

    private static double Factorial(int d)
    {
        double f = 1;
        for (int i = 2; i <= d; i++)
        {
            f *= i;
        }

        return f;
    }
}
