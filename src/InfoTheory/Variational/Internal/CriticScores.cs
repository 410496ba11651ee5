using System.Buffers;
using System.Globalization;
using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using InfoTheory.Internal;

namespace InfoTheory.Variational.Internal;

/// <summary>
/// The sufficient statistics of a K × K critic score matrix S (row i = xᵢ, column j = yⱼ, diagonal = joint pairs) that
/// every variational bound is a function of. A statistic knows nothing of the bounds: it returns sums and the bounds
/// (in <see cref="VariationalBounds"/>) turn them into information.
/// </summary>
internal static class CriticScores
{
    /// <summary>Checks the shape: K ≥ 2 and scores.Length = K².</summary>
    public static void Validate(int length, int batchSize)
    {
        if (batchSize < 2)
        {
            ThrowHelper.ArgumentOutOfRange(nameof(batchSize), batchSize,
                string.Create(CultureInfo.InvariantCulture, $"batchSize must be at least 2 (a bound needs off-diagonal pairs), got {batchSize}."));
        }

        if ((long)batchSize * batchSize != length)
        {
            ThrowHelper.ArgumentException("scores", string.Create(CultureInfo.InvariantCulture,
                $"scores has {length} elements but a square K × K matrix with K = batchSize = {batchSize} has {(long)batchSize * batchSize}; scores must be row-major K × K."));
        }
    }

    /// <summary>
    /// The off-diagonal exponential sums of the transformed scores tᵢⱼ = clamp(Sᵢⱼ − bᵢ, lo, hi) (bᵢ = rowOffsets[i], or constantOffset when rowOffsets is empty):
    /// with one shift M for the whole matrix, rowSums[i] = Σ_{j≠i} e^(tᵢⱼ − M) and columnSums[j] = Σ_{i≠j} e^(tᵢⱼ − M),
    /// and diagonal[i] = Sᵢᵢ (untransformed). One pass over the scores; M follows the running maximum and earlier sums
    /// are rescaled when it grows (the streaming log-sum-exp), so nothing overflows or underflows needlessly.
    /// </summary>
    /// <returns>M, the shift (−∞ when every off-diagonal score is −∞).</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double OffDiagonalExpSums<T>(ReadOnlySpan<T> scores, int k, ReadOnlySpan<double> rowOffsets, double constantOffset, double lo, double hi,
        Span<double> diagonal, Span<double> rowSums, Span<double> columnSums)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        double[] rented = ArrayPool<double>.Shared.Rent(k);
        try
        {
            Span<double> t = rented.AsSpan(0, k);
            columnSums.Clear();
            double shift = double.NegativeInfinity;
            bool clip = lo > double.NegativeInfinity || hi < double.PositiveInfinity;
            for (int i = 0; i < k; i++)
            {
                ReadOnlySpan<T> row = scores.Slice(i * k, k);
                Widen(row, t);
                double d = t[i];
                CheckRow(t, d, i);
                diagonal[i] = d;
                double offset = rowOffsets.IsEmpty ? constantOffset : rowOffsets[i];
                t[i] = double.NegativeInfinity;
                if (offset != 0)
                {
                    TensorPrimitives.Subtract(t, offset, t);
                }

                if (clip)
                {
                    TensorPrimitives.Max(t, lo, t);
                    TensorPrimitives.Min(t, hi, t);
                    t[i] = double.NegativeInfinity;
                }

                double max = TensorPrimitives.Max(t);
                if (max > shift)
                {
                    if (shift > double.NegativeInfinity)
                    {
                        double scale = Math.Exp(shift - max);
                        TensorPrimitives.Multiply(columnSums, scale, columnSums);
                        TensorPrimitives.Multiply(rowSums[..i], scale, rowSums[..i]);
                    }

                    shift = max;
                }

                if (shift == double.NegativeInfinity)
                {
                    rowSums[i] = 0;
                    continue;
                }

                TensorPrimitives.Subtract(t, shift, t);
                TensorPrimitives.Exp(t, t);
                t[i] = 0;
                rowSums[i] = TensorPrimitives.Sum(t);
                TensorPrimitives.Add(columnSums, t, columnSums);
            }

            return shift;
        }
        finally
        {
            ArrayPool<double>.Shared.Return(rented);
        }
    }

    /// <summary>The number of row chunks the InfoNCE pass is cut into from <see cref="ChunkedFrom"/> rows on: fixed, so the sums do not depend on the thread count.</summary>
    private const int Chunks = 16;

    /// <summary>Below this K the pass runs as one chunk on the calling thread (the rows are too few to share out).</summary>
    private const int ChunkedFrom = 512;

    /// <summary>
    /// The InfoNCE statistics: terms[i] = Sᵢᵢ − ln Σⱼ e^(Sᵢⱼ) (the log-softmax of the joint pair in its row) and
    /// columnWeights[j] = Σᵢ softmax(row i)ⱼ, the weight y_j carries in all the rows' normalisers. One pass over the scores.
    /// </summary>
    /// <remarks>
    /// From K = 512 rows on, the rows are cut into 16 fixed chunks run in parallel on all cores; each chunk sums its own
    /// column weights and the chunks' sums are added in chunk order, so the result is the same bits for any number of
    /// threads (the terms are per row and do not depend on the chunking at all).
    /// </remarks>
    public static unsafe void InfoNce<T>(ReadOnlySpan<T> scores, int k, Span<double> terms, Span<double> columnWeights)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (k < ChunkedFrom)
        {
            columnWeights.Clear();
            InfoNceRows(scores, k, 0, k, terms, columnWeights);
            return;
        }

        double[] partial = ArrayPool<double>.Shared.Rent(Chunks * k);
        try
        {
            fixed (T* scoresPointer = scores)
            fixed (double* termsPointer = terms)
            {
                nint s = (nint)scoresPointer, t = (nint)termsPointer;
                ForkJoin.For(Chunks, Settings.DefaultMaxDegreeOfParallelism, c =>
                {
                    int first = (int)((long)c * k / Chunks), end = (int)((long)(c + 1) * k / Chunks);
                    Span<double> weights = partial.AsSpan(c * k, k);
                    weights.Clear();
                    InfoNceRows(new ReadOnlySpan<T>((T*)s, k * k), k, first, end, new Span<double>((double*)t, k), weights);
                });
            }

            columnWeights.Clear();
            for (int c = 0; c < Chunks; c++)
            {
                TensorPrimitives.Add(columnWeights, partial.AsSpan(c * k, k), columnWeights);
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(partial);
        }
    }

    /// <summary>Rows [first, end) of <see cref="InfoNce"/>: their terms, and their softmax weights added into <paramref name="columnWeights"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void InfoNceRows<T>(ReadOnlySpan<T> scores, int k, int first, int end, Span<double> terms, Span<double> columnWeights)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (typeof(T) == typeof(float))
        {
            InfoNceSingle(System.Runtime.InteropServices.MemoryMarshal.Cast<T, float>(scores), k, first, end, terms, columnWeights);
            return;
        }

        double[] rented = ArrayPool<double>.Shared.Rent(k);
        try
        {
            Span<double> t = rented.AsSpan(0, k);
            for (int i = first; i < end; i++)
            {
                Widen(scores.Slice(i * k, k), t);
                double d = t[i];
                CheckRow(t, d, i);
                double max = TensorPrimitives.Max(t);
                TensorPrimitives.Subtract(t, max, t);
                TensorPrimitives.Exp(t, t);
                double z = TensorPrimitives.Sum(t);
                terms[i] = d - max - Math.Log(z);
                TensorPrimitives.MultiplyAdd(t, 1.0 / z, columnWeights, columnWeights);
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(rented);
        }
    }

    /// <summary>
    /// The float path of <see cref="InfoNceRows"/>: the row's log-sum-exp by the library's fused kernel (read as float,
    /// accumulated in double), so the bound itself has double accuracy; the softmax weights, which only feed the
    /// standard error, are formed with float exponentials (relative error ~1e-7) and added into double column sums.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void InfoNceSingle(ReadOnlySpan<float> scores, int k, int first, int end, Span<double> terms, Span<double> columnWeights)
    {
        float[] rentedSingle = ArrayPool<float>.Shared.Rent(k);
        double[] rentedDouble = ArrayPool<double>.Shared.Rent(k);
        try
        {
            Span<float> e = rentedSingle.AsSpan(0, k);
            Span<double> w = rentedDouble.AsSpan(0, k);
            for (int i = first; i < end; i++)
            {
                ReadOnlySpan<float> row = scores.Slice(i * k, k);
                double lse = Primitives.Simd.Kernels.LogSumExp(row);
                if (double.IsNaN(lse) || lse == double.PositiveInfinity)
                {
                    Widen(row, w);
                    CheckRow(w, w[i], i);
                }

                terms[i] = row[i] - lse;

                // Softmax weights e^(s − lse) = e^(s − max)·e^(max − lse): shifting by the row's own maximum (a float) keeps
                // s − max exact, where subtracting lse rounded to float would be off by up to |lse|·2⁻²⁴.
                float max = TensorPrimitives.Max(row);
                TensorPrimitives.Subtract(row, max, e);
                TensorPrimitives.Exp(e, e);
                TensorPrimitives.ConvertTruncating<float, double>(e, w);
                TensorPrimitives.MultiplyAdd(w, Math.Exp(max - lse), columnWeights, columnWeights);
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(rentedSingle);
            ArrayPool<double>.Shared.Return(rentedDouble);
        }
    }

    /// <summary>The row as doubles (float rows are widened; accumulation is in double).</summary>
    private static void Widen<T>(ReadOnlySpan<T> row, Span<double> destination)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (typeof(T) == typeof(double))
        {
            MemoryMarshalCast(row).CopyTo(destination);
        }
        else
        {
            TensorPrimitives.ConvertTruncating<T, double>(row, destination);
        }
    }

    private static ReadOnlySpan<double> MemoryMarshalCast<T>(ReadOnlySpan<T> row)
        where T : unmanaged =>
        System.Runtime.InteropServices.MemoryMarshal.Cast<T, double>(row);

    /// <summary>
    /// NaN or +∞ anywhere in the row is rejected (−∞ is a valid score: the critic rules the pair out). The maximum of
    /// the row exposes both (it propagates NaN), so a valid row costs one vectorised pass that the row needs anyway in cache.
    /// </summary>
    private static void CheckRow(ReadOnlySpan<double> row, double diagonal, int i)
    {
        double max = TensorPrimitives.Max(row);
        if (!double.IsNaN(max) && max != double.PositiveInfinity && !double.IsNaN(diagonal))
        {
            return;
        }

        for (int j = 0; j < row.Length; j++)
        {
            if (double.IsNaN(row[j]) || row[j] == double.PositiveInfinity)
            {
                ThrowHelper.ArgumentException("scores", string.Create(CultureInfo.InvariantCulture,
                    $"scores contains {row[j]} at row {i}, column {j}; critic scores must be finite or −∞."));
            }
        }
    }
}
