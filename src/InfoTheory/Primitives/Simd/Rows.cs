using System.Numerics;
using System.Runtime.CompilerServices;
using InfoTheory.Internal;

namespace InfoTheory.Primitives.Simd;

/// <summary>A per-row kernel: one value from one row of x (and of y, for two-input kernels).</summary>
internal interface IRowKernel<TIn>
{
    double Invoke(ReadOnlySpan<TIn> x, ReadOnlySpan<TIn> y);
}

/// <summary>Validation and the loop shared by every row-wise primitive.</summary>
internal static class Rows
{
    /// <summary>Checks the shape of a row-wise call and returns the number of rows.</summary>
    public static int Validate(int length, int rowLength, int destinationLength, string inputName)
    {
        if (rowLength <= 0)
        {
            ThrowHelper.ArgumentOutOfRange(nameof(rowLength), rowLength, $"rowLength must be at least 1, got {rowLength}.");
        }

        if (length % rowLength != 0)
        {
            ThrowHelper.ArgumentException_RowLengthDoesNotDivide(inputName, length, rowLength);
        }

        int rows = length / rowLength;
        if (destinationLength < rows)
        {
            ThrowHelper.ArgumentException_DestinationTooShort("destination", rows, destinationLength);
        }

        return rows;
    }

    /// <summary>destination[r] = kernel(row r of x, row r of y) / unit, for every row.</summary>
    /// <remarks>
    /// Compiled fully optimised on first use (as are the reduction blocks it calls): a batch of rows is one call, so
    /// tiered compilation would otherwise run the whole first batch, often the only one a script makes, unoptimised.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Run<TKernel, TIn, TOut>(TKernel kernel, ReadOnlySpan<TIn> x, ReadOnlySpan<TIn> y, int rowLength, Span<TOut> destination, double unit)
        where TKernel : struct, IRowKernel<TIn>
        where TOut : INumberBase<TOut>
    {
        int rows = x.Length / rowLength;
        bool pair = y.Length == x.Length;
        for (int r = 0; r < rows; r++)
        {
            ReadOnlySpan<TIn> row = x.Slice(r * rowLength, rowLength);
            double value = kernel.Invoke(row, pair ? y.Slice(r * rowLength, rowLength) : row);
            destination[r] = TOut.CreateTruncating(unit == 1.0 ? value : value / unit);
        }
    }
}
