using System.Buffers;
using System.Runtime.InteropServices;
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
    /// The group's <paramref name="count"/> columns of n values (column after column in <paramref name="columnMajor"/>)
    /// as bytes: the values themselves, or each column's twice mid-ranks (ranked in parallel over columns).
    /// </summary>
    public static byte[] Encode(GroupEncoding encoding, double[] columnMajor, int count, int n, int maxDegreeOfParallelism)
    {
        if (encoding == GroupEncoding.Values)
        {
            return MemoryMarshal.AsBytes(columnMajor.AsSpan()).ToArray();
        }

        byte[] bytes = new byte[(long)count * n * BytesPerEntry(encoding)];
        SelectionColumns.For(count, maxDegreeOfParallelism, j =>
        {
            ReadOnlySpan<double> column = columnMajor.AsSpan(j * n, n);
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
        return bytes;
    }

    /// <summary>The values <see cref="Encode"/> wrote with <see cref="GroupEncoding.Values"/>.</summary>
    public static double[] DecodeValues(byte[] bytes) => MemoryMarshal.Cast<byte, double>(bytes).ToArray();

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
