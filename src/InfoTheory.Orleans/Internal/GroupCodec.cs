using System.Buffers;
using System.Globalization;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using InfoTheory.Continuous;
using InfoTheory.Orleans.Messages;
using InfoTheory.Selection;
using InfoTheory.Selection.Internal;

namespace InfoTheory.Orleans.Internal;

/// <summary>
/// Column groups as bytes (<see cref="GroupEncoding"/>): column after column, little-endian as on every platform .NET
/// runs on, written and read in one pass without intermediate arrays.
/// </summary>
internal static class GroupCodec
{
    /// <summary>The encoding of a copula group's twice mid-ranks for n rows: 2 bytes while 2n fits, else 4.</summary>
    public static GroupEncoding RanksEncoding(int rows) => 2L * rows <= ushort.MaxValue ? GroupEncoding.TwiceRanks16 : GroupEncoding.TwiceRanks32;

    /// <summary>Bytes per entry in <paramref name="encoding"/>.</summary>
    public static int BytesPerEntry(GroupEncoding encoding) => encoding switch
    {
        GroupEncoding.Values => sizeof(double),
        GroupEncoding.TwiceRanks16 => sizeof(ushort),
        GroupEncoding.TwiceRanks32 => sizeof(int),
        _ => throw new ArgumentOutOfRangeException(nameof(encoding), encoding, "Unknown group encoding."),
    };

    /// <summary>
    /// Columns [<paramref name="start"/>, start + <paramref name="count"/>) of <paramref name="samples"/> as bytes, column
    /// after column: the values themselves, or each column's twice mid-ranks (ranked in parallel over columns).
    /// </summary>
    public static byte[] Encode(GroupEncoding encoding, SampleMatrix samples, int start, int count, int maxDegreeOfParallelism)
    {
        int n = samples.Rows;
        byte[] bytes = new byte[(long)count * n * BytesPerEntry(encoding)];
        if (encoding == GroupEncoding.Values)
        {
            Transpose(samples, start, count, MemoryMarshal.Cast<byte, double>(bytes.AsSpan()));
            return bytes;
        }

        // The columns are ranked from a pooled column-major copy: read row by row in blocks, so each cache line of the
        // row-major data is read once, not once per column.
        double[] columns = ArrayPool<double>.Shared.Rent(count * n);
        try
        {
            Transpose(samples, start, count, columns);
            SelectionColumns.For(count, maxDegreeOfParallelism, j =>
            {
                ReadOnlySpan<double> column = columns.AsSpan(j * n, n);
                if (encoding == GroupEncoding.TwiceRanks32)
                {
                    NormalScores.TwiceMidRanks(column, MemoryMarshal.Cast<byte, int>(bytes.AsSpan()).Slice(j * n, n));
                    return;
                }

                int[] twice = ArrayPool<int>.Shared.Rent(n);
                NormalScores.TwiceMidRanks(column, twice.AsSpan(0, n));
                Span<ushort> narrow = MemoryMarshal.Cast<byte, ushort>(bytes.AsSpan()).Slice(j * n, n);
                for (int i = 0; i < n; i++)
                {
                    narrow[i] = (ushort)twice[i];
                }

                ArrayPool<int>.Shared.Return(twice);
            });
        }
        finally
        {
            ArrayPool<double>.Shared.Return(columns);
        }

        return bytes;
    }

    /// <summary>
    /// The SHA-256 of n, <paramref name="count"/> and the group's values, read row by row from the row-major data (no
    /// copy), as upper-case hexadecimal: the name of the group's data on every silo.
    /// </summary>
    public static string Hash(SampleMatrix samples, int start, int count)
    {
        int n = samples.Rows, p = samples.Columns;
        ReadOnlySpan<double> data = samples.Data.Span;
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Span<int> header = [n, count];
        sha.AppendData(MemoryMarshal.AsBytes(header));
        if (count == p)
        {
            sha.AppendData(MemoryMarshal.AsBytes(data));
        }
        else
        {
            // Rows are staged in a small buffer so the hash is fed in pieces of about 64 KiB.
            int rowsPerPiece = Math.Max(1, 8192 / count);
            double[] piece = ArrayPool<double>.Shared.Rent(rowsPerPiece * count);
            for (int i0 = 0; i0 < n; i0 += rowsPerPiece)
            {
                int rows = Math.Min(rowsPerPiece, n - i0);
                for (int i = 0; i < rows; i++)
                {
                    data.Slice(((i0 + i) * p) + start, count).CopyTo(piece.AsSpan(i * count, count));
                }

                sha.AppendData(MemoryMarshal.AsBytes(piece.AsSpan(0, rows * count)));
            }

            ArrayPool<double>.Shared.Return(piece);
        }

        return Convert.ToHexString(sha.GetHashAndReset());
    }

    /// <summary>Copies columns [start, start + count) of the row-major samples into <paramref name="columnMajor"/>, column after column.</summary>
    private static void Transpose(SampleMatrix samples, int start, int count, Span<double> columnMajor)
    {
        const int Block = 64;
        int n = samples.Rows, p = samples.Columns;
        ReadOnlySpan<double> data = samples.Data.Span;
        for (int i0 = 0; i0 < n; i0 += Block)
        {
            int i1 = Math.Min(i0 + Block, n);
            for (int j = 0; j < count; j++)
            {
                Span<double> column = columnMajor.Slice(j * n, n);
                for (int i = i0; i < i1; i++)
                {
                    column[i] = data[(i * p) + start + j];
                }
            }
        }
    }

    /// <summary>The values <see cref="Encode"/> wrote with <see cref="GroupEncoding.Values"/>.</summary>
    public static double[] DecodeValues(byte[] bytes) => MemoryMarshal.Cast<byte, double>(bytes).ToArray();

    /// <summary>
    /// <paramref name="bytes"/> once every twice mid-rank in it is checked to lie in [2, 2n] (what <see cref="Encode"/>
    /// writes), so a group that arrived damaged is refused at its upload rather than when a block expands it.
    /// </summary>
    /// <exception cref="ArgumentException">A value lies outside [2, 2n].</exception>
    public static byte[] CheckedRanks(GroupEncoding encoding, byte[] bytes, int n)
    {
        if (bytes.Length == 0)
        {
            return bytes;
        }

        (int min, int max) = encoding == GroupEncoding.TwiceRanks32
            ? (TensorPrimitives.Min<int>(MemoryMarshal.Cast<byte, int>(bytes.AsSpan())), TensorPrimitives.Max<int>(MemoryMarshal.Cast<byte, int>(bytes.AsSpan())))
            : (TensorPrimitives.Min<ushort>(MemoryMarshal.Cast<byte, ushort>(bytes.AsSpan())), TensorPrimitives.Max<ushort>(MemoryMarshal.Cast<byte, ushort>(bytes.AsSpan())));
        if (min < 2 || max > 2L * n)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"The group's twice mid-ranks run from {min} to {max}; for {n} rows they lie in [2, {2L * n}]."), nameof(bytes));
        }

        return bytes;
    }

    /// <summary>Reads column j's twice mid-ranks straight from the bytes <see cref="Encode"/> wrote.</summary>
    public static DependenceMatrix.TwiceRanksReader RanksReader(GroupEncoding encoding, byte[] bytes, int n) => encoding == GroupEncoding.TwiceRanks32
        ? (j, destination) => MemoryMarshal.Cast<byte, int>(bytes.AsSpan()).Slice(j * n, n).CopyTo(destination)
        : (j, destination) =>
        {
            ReadOnlySpan<ushort> narrow = MemoryMarshal.Cast<byte, ushort>(bytes.AsSpan()).Slice(j * n, n);
            for (int i = 0; i < n; i++)
            {
                destination[i] = narrow[i];
            }
        };
}
