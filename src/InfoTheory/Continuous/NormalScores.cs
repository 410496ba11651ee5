using System.Buffers;
using System.Globalization;
using InfoTheory.Internal;
using MathNet.Numerics.Distributions;

namespace InfoTheory.Continuous;

/// <summary>
/// The copula (normal-score) transform: each column replaced by Φ⁻¹(rᵢ / (n + 1)), with rᵢ the rank of the value in
/// its column (1 … n) and Φ⁻¹ the standard normal quantile.
/// </summary>
/// <remarks>
/// <para>
/// A strictly increasing map of each column, so mutual information, conditional MI and total correlation are unchanged
/// (they are invariant under such maps); the marginals become standard normal whatever they were, which removes the
/// heavy tails and skew that bias k-NN estimators and leaves only the dependence (the copula). This is the transform
/// of the Gaussian-copula estimators (Ince et al. 2017, "A statistical framework for neuroimaging data analysis based
/// on mutual information estimated via a Gaussian copula", Hum. Brain Mapp. 38) and of the copula option of the k-NN
/// estimators. Cost: one O(n log n) sort per column.
/// </para>
/// <para>
/// Ties get the mean of the ranks they span (mid-ranks), so equal values map to equal scores and the transform does not
/// depend on the order of the rows; a column with many ties keeps its atoms, and estimators that need distinct values
/// still have to treat them (see their tie options). A constant column maps to all zeros.
/// </para>
/// <para>
/// Ranks above the median use Φ⁻¹(p) = −Φ⁻¹(1 − p), so the scores of ranks r and n + 1 − r are exact negatives
/// (a strictly decreasing map negates the scores bit for bit) and the upper tail is as accurate as the lower one.
/// </para>
/// </remarks>
public static class NormalScores
{
    /// <summary>The normal scores of every column of <paramref name="samples"/>.</summary>
    /// <param name="samples">The samples; not modified.</param>
    /// <returns>A new matrix of the same shape.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="samples"/> is null.</exception>
    public static SampleMatrix Transform(SampleMatrix samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        int n = samples.Rows;
        int d = samples.Columns;
        double[] result = new double[n * d];
        double[] column = new double[n];
        double[] scores = new double[n];
        for (int j = 0; j < d; j++)
        {
            samples.CopyColumn(j, column);
            Transform(column, scores);
            for (int i = 0; i < n; i++)
            {
                result[(i * d) + j] = scores[i];
            }
        }

        return SampleMatrix.FromRowMajor(result, d);
    }

    /// <summary>Writes the normal scores of <paramref name="values"/> to <paramref name="destination"/>.</summary>
    /// <param name="values">The values (finite); not modified.</param>
    /// <param name="destination">
    /// Receives one score per value; may be the same memory as <paramref name="values"/> (the values are copied
    /// before anything is written). Nothing is written when an argument is invalid.
    /// </param>
    /// <exception cref="ArgumentException">A value is NaN or ±∞ (the message gives its index), or the lengths differ.</exception>
    /// <remarks>O(n log n) time, O(n) scratch. Empty input is allowed and writes nothing.</remarks>
    public static void Transform(ReadOnlySpan<double> values, Span<double> destination)
    {
        int n = values.Length;
        if (destination.Length != n)
        {
            ThrowHelper.ArgumentException_LengthMismatch(nameof(destination), nameof(values), destination.Length, n);
        }

        var writer = new ScoreWriter(destination, n);
        ForEachRun(values, ref writer);
    }

    /// <summary>
    /// The score of every possible (mid-)rank of n values, indexed by twice the rank: <c>table[t]</c> is the score of
    /// rank t/2 for t = 2 … 2n (entries 0 and 1 are unused). Built once, it lets many columns of n values be transformed
    /// without evaluating Φ⁻¹ again; the scores are the same bits as those computed one by one. The last table built is
    /// kept and returned again for the same n (a silo prepares many groups of one data set): callers only read it.
    /// </summary>
    internal static double[] ScoreTable(int n)
    {
        double[]? last = Volatile.Read(ref s_lastTable);
        if (last is not null && last.Length == (2L * n) + 1)
        {
            return last;
        }

        double[] table = new double[(2 * n) + 1];
        for (long t = 2; t <= 2L * n; t++)
        {
            table[t] = Score(t, n);
        }

        Volatile.Write(ref s_lastTable, table);
        return table;
    }

    /// <summary>The last table <see cref="ScoreTable"/> built (immutable once published).</summary>
    private static double[]? s_lastTable;

    /// <summary>
    /// Twice the (mid-)rank of each value, 2 … 2n: the index of its score in <see cref="ScoreTable"/>. This is the
    /// O(n log n) part of the transform; <c>table[twiceRanks[i]]</c> is then the score of value i, the same bits as
    /// <see cref="Transform(ReadOnlySpan{double}, Span{double})"/> writes.
    /// </summary>
    /// <exception cref="ArgumentException">A value is not finite, the lengths differ, or n exceeds 2³⁰ − 1.</exception>
    internal static void TwiceMidRanks(ReadOnlySpan<double> values, Span<int> destination)
    {
        int n = values.Length;
        if (destination.Length != n)
        {
            ThrowHelper.ArgumentException_LengthMismatch(nameof(destination), nameof(values), destination.Length, n);
        }

        if (n > (int.MaxValue - 1) / 2)
        {
            ThrowHelper.ArgumentException(nameof(values), string.Create(CultureInfo.InvariantCulture,
                $"{n} values: twice their ranks do not fit an int (at most {(int.MaxValue - 1) / 2} values)."));
        }

        var writer = new RankWriter(destination);
        ForEachRun(values, ref writer);
    }

    /// <summary>
    /// Sorts the values (in pooled buffers) and hands each run of equal values to <paramref name="writer"/> with twice
    /// its mid-rank: ranks start + 1 … end share the mean rank (start + 1 + end) / 2.
    /// </summary>
    private static void ForEachRun<TWriter>(ReadOnlySpan<double> values, ref TWriter writer)
        where TWriter : IRunWriter, allows ref struct
    {
        int n = values.Length;
        double[] keyBuffer = ArrayPool<double>.Shared.Rent(n);
        int[] orderBuffer = ArrayPool<int>.Shared.Rent(n);
        try
        {
            Span<double> keys = keyBuffer.AsSpan(0, n);
            Span<int> order = orderBuffer.AsSpan(0, n);
            SortFinite(values, keys, order);
            for (int start = 0; start < n;)
            {
                int end = RunEnd(keys, start);
                writer.Write(order[start..end], (long)start + 1 + end);
                start = end;
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(keyBuffer);
            ArrayPool<int>.Shared.Return(orderBuffer);
        }
    }

    /// <summary>Writes one run of equal values: their original indices and twice their mid-rank.</summary>
    private interface IRunWriter
    {
        void Write(ReadOnlySpan<int> indices, long twiceRank);
    }

    /// <summary>Writes the run's score Φ⁻¹(m / (n + 1)), m = twiceRank / 2, at each index.</summary>
    private readonly ref struct ScoreWriter(Span<double> destination, int n) : IRunWriter
    {
        private readonly Span<double> _destination = destination;

        public void Write(ReadOnlySpan<int> indices, long twiceRank)
        {
            double score = Score(twiceRank, n);
            foreach (int i in indices)
            {
                _destination[i] = score;
            }
        }
    }

    /// <summary>Writes the run's twice mid-rank at each index.</summary>
    private readonly ref struct RankWriter(Span<int> destination) : IRunWriter
    {
        private readonly Span<int> _destination = destination;

        public void Write(ReadOnlySpan<int> indices, long twiceRank)
        {
            foreach (int i in indices)
            {
                _destination[i] = (int)twiceRank;
            }
        }
    }

    /// <summary>Writes the values sorted, with their original indices; throws naming the first value that is not finite.</summary>
    private static void SortFinite(ReadOnlySpan<double> values, Span<double> keys, Span<int> order)
    {
        int n = values.Length;
        for (int i = 0; i < n; i++)
        {
            if (!double.IsFinite(values[i]))
            {
                ThrowHelper.ArgumentException(nameof(values), string.Format(CultureInfo.InvariantCulture,
                    "values contains {0} at index {1}; the normal-score transform needs finite values.",
                    double.IsNaN(values[i]) ? "NaN" : values[i] > 0 ? "+∞" : "−∞", i));
            }
        }

        values.CopyTo(keys);
        for (int i = 0; i < n; i++)
        {
            order[i] = i;
        }

        keys.Sort(order);
    }

    /// <summary>The end (exclusive) of the run of values equal to <c>keys[start]</c>.</summary>
    private static int RunEnd(ReadOnlySpan<double> keys, int start)
    {
        int end = start + 1;
        while (end < keys.Length && keys[end] == keys[start])
        {
            end++;
        }

        return end;
    }

    /// <summary>Φ⁻¹(m / (n + 1)) for the mean rank m = <paramref name="twiceRank"/> / 2 of n values.</summary>
    private static double Score(long twiceRank, int n)
    {
        // 2m is an integer, so comparing it with n + 1 (twice the median rank) is exact, and the upper half mirrors the
        // lower half: Φ⁻¹(p) = −Φ⁻¹(1 − p).
        long twiceMedian = n + 1L;
        double denominator = 2.0 * twiceMedian;
        return twiceRank == twiceMedian ? 0
            : twiceRank < twiceMedian ? Normal.InvCDF(0, 1, twiceRank / denominator)
            : -Normal.InvCDF(0, 1, ((2 * twiceMedian) - twiceRank) / denominator);
    }
}
