using System.Globalization;
using System.Runtime.CompilerServices;
using InfoTheory.Internal;

namespace InfoTheory.Discrete;

/// <summary>
/// Counts of discrete symbols: the sufficient statistic of every discrete entropy estimator.
/// Stores the non-zero counts in symbol order with their symbols, the sample size and the alphabet size.
/// </summary>
/// <remarks>
/// Built in one O(N) pass into a dense table when the symbols are small (largest symbol below
/// 2²⁴ and below 4·N + 1024), otherwise by sorting a copy (O(N log N), O(N) memory), so a
/// million distinct 64-bit symbols never allocate a table of the alphabet's size. Either way the
/// result is the same. Immutable once built.
/// </remarks>
public sealed class Histogram
{
    private const long DenseLimit = 1 << 24;

    private readonly long[] _counts;
    private readonly long[] _symbols;

    private Histogram(long[] counts, long[] symbols, long sampleCount, long? alphabetSize)
    {
        _counts = counts;
        _symbols = symbols;
        SampleCount = sampleCount;
        AlphabetSize = alphabetSize ?? counts.Length;
        for (int i = 0; i < counts.Length; i++)
        {
            if (counts[i] == 1)
            {
                Singletons++;
            }
            else if (counts[i] == 2)
            {
                Doubletons++;
            }
        }
    }

    /// <summary>The number of samples N (the sum of the counts).</summary>
    public long SampleCount { get; }

    /// <summary>
    /// The alphabet size K: the size given when the histogram was built, or else the number of
    /// distinct symbols observed. Estimators that need K (James-Stein, NSB, Dirichlet priors) use it.
    /// </summary>
    public long AlphabetSize { get; }

    /// <summary>The number of distinct symbols observed (non-zero counts).</summary>
    public int Support => _counts.Length;

    /// <summary>The number of symbols seen exactly once (f₁, used by coverage estimators).</summary>
    public int Singletons { get; }

    /// <summary>The number of symbols seen exactly twice (f₂).</summary>
    public int Doubletons { get; }

    /// <summary>The non-zero counts, in increasing symbol order.</summary>
    public ReadOnlySpan<long> Counts => _counts;

    /// <summary>The symbols of <see cref="Counts"/>, increasing.</summary>
    public ReadOnlySpan<long> Symbols => _symbols;

    /// <summary>Counts the symbols of a sample.</summary>
    /// <param name="symbols">Non-negative symbols.</param>
    /// <param name="alphabetSize">The alphabet size K if known (every symbol must be below it); otherwise the observed number of distinct symbols is used.</param>
    /// <returns>The histogram.</returns>
    /// <exception cref="ArgumentException"><paramref name="symbols"/> is empty or contains a negative symbol, or a symbol is not below <paramref name="alphabetSize"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="alphabetSize"/> is less than 1.</exception>
    public static Histogram FromSymbols(ReadOnlySpan<int> symbols, long? alphabetSize = null) =>
        FromSymbols(symbols, alphabetSize, nameof(symbols));

    /// <inheritdoc cref="FromSymbols(ReadOnlySpan{int}, long?)"/>
    public static Histogram FromSymbols(ReadOnlySpan<long> symbols, long? alphabetSize = null) =>
        FromSymbols(symbols, alphabetSize, nameof(symbols));

    /// <summary>As the public overload, naming the caller's parameter in exceptions.</summary>
    internal static Histogram FromSymbols(ReadOnlySpan<int> symbols, long? alphabetSize, string paramName)
    {
        long max = CheckSymbols(symbols, alphabetSize, paramName);
        return Build(symbols, max, alphabetSize);
    }

    /// <summary>As the public overload, naming the caller's parameter in exceptions.</summary>
    internal static Histogram FromSymbols(ReadOnlySpan<long> symbols, long? alphabetSize, string paramName)
    {
        long max = CheckSymbols(symbols, alphabetSize, paramName);
        return Build(symbols, max, alphabetSize);
    }

    /// <summary>A histogram from counts per symbol: <c>counts[s]</c> is the count of symbol s, and the alphabet size is <c>counts.Length</c>.</summary>
    /// <param name="counts">Non-negative counts, at least one positive.</param>
    /// <returns>The histogram.</returns>
    /// <exception cref="ArgumentException">A count is negative, all are zero, or they sum past <see cref="long.MaxValue"/>.</exception>
    public static Histogram FromCounts(ReadOnlySpan<long> counts)
    {
        Check.NonNegativeCounts(counts);
        return FromCheckedCounts(counts);
    }

    /// <summary>A histogram from 32-bit counts per symbol: <c>counts[s]</c> is the count of symbol s, and the alphabet size is <c>counts.Length</c>.</summary>
    /// <param name="counts">Non-negative counts, at least one positive.</param>
    /// <returns>The histogram.</returns>
    /// <exception cref="ArgumentException">A count is negative, or all are zero.</exception>
    public static Histogram FromCounts(ReadOnlySpan<int> counts)
    {
        Check.NonNegativeCounts(counts);
        long[] wide = new long[counts.Length];
        for (int s = 0; s < counts.Length; s++)
        {
            wide[s] = counts[s];
        }

        return FromCheckedCounts(wide);
    }

    private static Histogram FromCheckedCounts(ReadOnlySpan<long> counts)
    {
        var nonZero = new List<long>();
        var symbols = new List<long>();
        long total = 0;
        for (int s = 0; s < counts.Length; s++)
        {
            if (counts[s] > 0)
            {
                nonZero.Add(counts[s]);
                symbols.Add(s);
                if (counts[s] > long.MaxValue - total)
                {
                    ThrowHelper.ArgumentException(nameof(counts), string.Create(CultureInfo.InvariantCulture,
                        $"counts sum past {long.MaxValue} at index {s}: the sample count N must fit in a 64-bit integer."));
                }

                total += counts[s];
            }
        }

        if (total == 0)
        {
            ThrowHelper.ArgumentException(nameof(counts), "counts has no positive count; a histogram needs at least one sample.");
        }

        return new Histogram([.. nonZero], [.. symbols], total, counts.Length);
    }

    /// <summary>The count of one symbol (0 if it was not observed).</summary>
    /// <param name="symbol">The symbol.</param>
    /// <returns>Its count.</returns>
    public long CountOf(long symbol)
    {
        int index = Array.BinarySearch(_symbols, symbol);
        return index >= 0 ? _counts[index] : 0;
    }

    /// <summary>The position of a symbol in <see cref="Symbols"/>, or a negative number if it was not observed.</summary>
    internal int IndexOf(long symbol) => Array.BinarySearch(_symbols, symbol);

    /// <summary>Throws unless the symbols are non-empty, non-negative and below the alphabet size; returns the largest.</summary>
    internal static long CheckSymbols<T>(ReadOnlySpan<T> symbols, long? alphabetSize, string name)
        where T : struct, System.Numerics.IBinaryInteger<T>
    {
        if (symbols.IsEmpty)
        {
            ThrowHelper.ArgumentException(name, $"{name} is empty; at least one sample is needed.");
        }

        if (alphabetSize is < 1)
        {
            ThrowHelper.ArgumentOutOfRange(nameof(alphabetSize), alphabetSize, $"alphabetSize must be at least 1, got {alphabetSize}.");
        }

        // One vectorised pass for the minimum and maximum; the first negative symbol is looked for only when there is one.
        (T min, T maxSymbol) = MinMax(symbols);
        if (min < T.Zero)
        {
            int i = 0;
            while (symbols[i] >= T.Zero)
            {
                i++;
            }

            ThrowHelper.ArgumentException(name, string.Create(CultureInfo.InvariantCulture, $"{name} contains the negative symbol {long.CreateTruncating(symbols[i])} at index {i}; symbols must be ≥ 0 (use SymbolEncoder for arbitrary values)."));
        }

        long max = long.CreateTruncating(maxSymbol);

        if (alphabetSize is { } k && max >= k)
        {
            ThrowHelper.ArgumentException(name, string.Create(CultureInfo.InvariantCulture, $"{name} contains the symbol {max} but alphabetSize is {k}; every symbol must be below the alphabet size."));
        }

        return max;
    }

    /// <summary>
    /// The least and greatest symbol of a non-empty span, with <see cref="System.Numerics.Vector{T}"/>. Written here
    /// rather than taken from TensorPrimitives so that a script's first call compiles a few small loops, not the
    /// general kernels: the compile time would otherwise outweigh the pass itself.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static (T Min, T Max) MinMax<T>(ReadOnlySpan<T> symbols)
        where T : struct, System.Numerics.IBinaryInteger<T>
    {
        int i = 0;
        T min = symbols[0], max = symbols[0];
        if (System.Numerics.Vector.IsHardwareAccelerated && symbols.Length >= 2 * System.Numerics.Vector<T>.Count)
        {
            var vectors = System.Runtime.InteropServices.MemoryMarshal.Cast<T, System.Numerics.Vector<T>>(symbols);
            System.Numerics.Vector<T> low = vectors[0], high = vectors[0];
            for (int v = 1; v < vectors.Length; v++)
            {
                low = System.Numerics.Vector.Min(low, vectors[v]);
                high = System.Numerics.Vector.Max(high, vectors[v]);
            }

            for (int lane = 0; lane < System.Numerics.Vector<T>.Count; lane++)
            {
                min = T.Min(min, low[lane]);
                max = T.Max(max, high[lane]);
            }

            i = vectors.Length * System.Numerics.Vector<T>.Count;
        }

        for (; i < symbols.Length; i++)
        {
            min = T.Min(min, symbols[i]);
            max = T.Max(max, symbols[i]);
        }

        return (min, max);
    }

    /// <summary>Counts symbols already checked by <see cref="CheckSymbols{T}"/> (which returned <paramref name="max"/>).</summary>
    internal static Histogram FromCheckedSymbols(ReadOnlySpan<int> symbols, long max) => Build(symbols, max, null);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static Histogram Build<T>(ReadOnlySpan<T> symbols, long max, long? alphabetSize)
        where T : struct, System.Numerics.IBinaryInteger<T>
    {
        if (max < DenseLimit && max < (4L * symbols.Length) + 1024)
        {
            long[] dense = new long[max + 1];
            foreach (T s in symbols)
            {
                dense[long.CreateTruncating(s)]++;
            }

            return FromDense<long>(dense, symbols.Length, alphabetSize);
        }

        long[] sorted = new long[symbols.Length];
        for (int i = 0; i < symbols.Length; i++)
        {
            sorted[i] = long.CreateTruncating(symbols[i]);
        }

        Array.Sort(sorted);

        // Count the runs first so the result arrays are allocated once at their exact size.
        int runs = sorted.Length == 0 ? 0 : 1;
        for (int i = 1; i < sorted.Length; i++)
        {
            if (sorted[i] != sorted[i - 1])
            {
                runs++;
            }
        }

        long[] counts = new long[runs];
        long[] distinct = new long[runs];
        for (int i = 0, r = 0; i < sorted.Length; r++)
        {
            int j = i;
            while (j < sorted.Length && sorted[j] == sorted[i])
            {
                j++;
            }

            distinct[r] = sorted[i];
            counts[r] = j - i;
            i = j;
        }

        return new Histogram(counts, distinct, symbols.Length, alphabetSize);
    }

    /// <summary>The same counts with a declared alphabet size (checked against the largest symbol).</summary>
    internal Histogram WithAlphabetSize(long? alphabetSize, string paramName)
    {
        if (alphabetSize is not { } k)
        {
            return this;
        }

        if (k < 1)
        {
            ThrowHelper.ArgumentOutOfRange(paramName, k, $"The alphabet size must be at least 1, got {k}.");
        }

        if (_symbols[^1] >= k)
        {
            ThrowHelper.ArgumentException(paramName, string.Create(CultureInfo.InvariantCulture,
                $"{paramName} contains the symbol {_symbols[^1]} but its alphabet size is {k}; every symbol must be below the alphabet size."));
        }

        return new Histogram(_counts, _symbols, SampleCount, k);
    }

    /// <summary>A histogram from non-zero counts whose symbols are already sorted and distinct.</summary>
    internal static Histogram FromSorted(long[] counts, long[] symbols, long sampleCount) => new(counts, symbols, sampleCount, null);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static Histogram FromDense<TCount>(ReadOnlySpan<TCount> dense, long sampleCount, long? alphabetSize)
        where TCount : struct, System.Numerics.IBinaryInteger<TCount>
    {
        int support = 0;
        foreach (TCount c in dense)
        {
            if (c != TCount.Zero)
            {
                support++;
            }
        }

        long[] counts = new long[support];
        long[] symbols = new long[support];
        for (int s = 0, k = 0; s < dense.Length; s++)
        {
            if (dense[s] != TCount.Zero)
            {
                counts[k] = long.CreateTruncating(dense[s]);
                symbols[k++] = s;
            }
        }

        return new Histogram(counts, symbols, sampleCount, alphabetSize);
    }
}
