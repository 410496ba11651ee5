using System.Globalization;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using InfoTheory.Internal;

namespace InfoTheory.Continuous;

/// <summary>
/// Continuous multivariate samples: <see cref="Rows"/> samples (rows) of a <see cref="Columns"/>-dimensional
/// variable, stored row-major in a <see cref="ReadOnlyMemory{T}"/> of <see cref="double"/>.
/// </summary>
/// <remarks>
/// <para>
/// Every factory copies its input (widening <see cref="float"/> to <see cref="double"/>) and validates it once:
/// at least one row and one column, rectangular, every value finite. A NaN or ±∞ is reported with its row and
/// column ("samples contain NaN at row 17, column 2"). After construction the data cannot change, so a
/// <see cref="SampleMatrix"/> can be stored, shared between threads and passed to any estimator without
/// being validated again. Nothing a caller passes in is modified.
/// </para>
/// <para>Row and column indices are zero-based.</para>
/// </remarks>
public sealed class SampleMatrix
{
    private readonly ReadOnlyMemory<double> _data;

    private SampleMatrix(double[] data, int rows, int columns)
    {
        _data = data;
        Rows = rows;
        Columns = columns;
    }

    /// <summary>The number of samples (rows), at least 1.</summary>
    public int Rows { get; }

    /// <summary>The dimension of each sample (columns), at least 1.</summary>
    public int Columns { get; }

    /// <summary>All values, row-major: the value at row i, column j is at index i·<see cref="Columns"/> + j.</summary>
    public ReadOnlyMemory<double> Data => _data;

    /// <summary>The value at <paramref name="row"/>, <paramref name="column"/>.</summary>
    /// <param name="row">The sample index, 0 ≤ row &lt; <see cref="Rows"/>.</param>
    /// <param name="column">The dimension index, 0 ≤ column &lt; <see cref="Columns"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">An index is out of range.</exception>
    public double this[int row, int column]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(row);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(row, Rows);
            ArgumentOutOfRangeException.ThrowIfNegative(column);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(column, Columns);
            return _data.Span[(row * Columns) + column];
        }
    }

    /// <summary>The values of one sample.</summary>
    /// <param name="row">The sample index, 0 ≤ row &lt; <see cref="Rows"/>.</param>
    /// <returns>A view of <see cref="Columns"/> values; no copy is made.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="row"/> is out of range.</exception>
    public ReadOnlySpan<double> Row(int row)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(row);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(row, Rows);
        return _data.Span.Slice(row * Columns, Columns);
    }

    /// <summary>Copies one column (one coordinate of every sample) into a new array.</summary>
    /// <param name="column">The dimension index, 0 ≤ column &lt; <see cref="Columns"/>.</param>
    /// <returns>An array of <see cref="Rows"/> values.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="column"/> is out of range.</exception>
    public double[] Column(int column)
    {
        double[] result = new double[Rows];
        CopyColumn(column, result);
        return result;
    }

    /// <summary>Copies one column into <paramref name="destination"/>.</summary>
    /// <param name="column">The dimension index, 0 ≤ column &lt; <see cref="Columns"/>.</param>
    /// <param name="destination">Receives <see cref="Rows"/> values; elements past that are left as they are.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="column"/> is out of range.</exception>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than <see cref="Rows"/>.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void CopyColumn(int column, Span<double> destination)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(column);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(column, Columns);
        if (destination.Length < Rows)
        {
            ThrowHelper.ArgumentException_DestinationTooShort(nameof(destination), Rows, destination.Length);
        }

        ReadOnlySpan<double> data = _data.Span;
        for (int i = 0; i < Rows; i++)
        {
            destination[i] = data[(i * Columns) + column];
        }
    }

    /// <summary>A new matrix made of the chosen columns, in the order given (a column may repeat).</summary>
    /// <param name="columns">Column indices, at least one.</param>
    /// <returns>A <see cref="Rows"/> × <c>columns.Length</c> matrix.</returns>
    /// <exception cref="ArgumentException"><paramref name="columns"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An index is out of range.</exception>
    public SampleMatrix SelectColumns(params ReadOnlySpan<int> columns)
    {
        if (columns.IsEmpty)
        {
            ThrowHelper.ArgumentException(nameof(columns), "columns is empty; select at least one column.");
        }

        foreach (int c in columns)
        {
            if ((uint)c >= (uint)Columns)
            {
                ThrowHelper.ArgumentOutOfRange(nameof(columns), c,
                    string.Format(CultureInfo.InvariantCulture, "Column index {0} is outside [0, {1}).", c, Columns));
            }
        }

        int width = columns.Length;
        RequireElements((long)Rows * width, nameof(columns), Rows, width);
        double[] result = new double[Rows * width];
        ReadOnlySpan<double> data = _data.Span;
        for (int i = 0; i < Rows; i++)
        {
            for (int j = 0; j < width; j++)
            {
                result[(i * width) + j] = data[(i * Columns) + columns[j]];
            }
        }

        return new SampleMatrix(result, Rows, width);
    }

    /// <summary>
    /// Places matrices side by side: row i of the result is row i of each block in turn. This is the sample
    /// of the joint variable (X, Y, …) from samples of X, Y, … paired by row.
    /// </summary>
    /// <param name="blocks">One or more matrices with the same number of rows.</param>
    /// <returns>A matrix with the common number of rows and the sum of the column counts.</returns>
    /// <exception cref="ArgumentException"><paramref name="blocks"/> is empty, or the row counts differ.</exception>
    /// <exception cref="ArgumentNullException">A block is null.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static SampleMatrix ConcatenateColumns(params ReadOnlySpan<SampleMatrix> blocks)
    {
        if (blocks.IsEmpty)
        {
            ThrowHelper.ArgumentException(nameof(blocks), "blocks is empty; give at least one matrix.");
        }

        long width = 0;
        foreach (SampleMatrix block in blocks)
        {
            ArgumentNullException.ThrowIfNull(block, nameof(blocks));
            if (block.Rows != blocks[0].Rows)
            {
                ThrowHelper.ArgumentException(nameof(blocks), string.Format(CultureInfo.InvariantCulture,
                    "The blocks must have the same number of rows: the first has {0} but another has {1}.", blocks[0].Rows, block.Rows));
            }

            width += block.Columns;
        }

        int rows = blocks[0].Rows;
        RequireElements(rows * width, nameof(blocks), rows, width);
        int total = (int)width;
        double[] result = new double[rows * total];
        int offset = 0;
        foreach (SampleMatrix block in blocks)
        {
            ReadOnlySpan<double> data = block._data.Span;
            for (int i = 0; i < rows; i++)
            {
                data.Slice(i * block.Columns, block.Columns).CopyTo(result.AsSpan((i * total) + offset, block.Columns));
            }

            offset += block.Columns;
        }

        return new SampleMatrix(result, rows, total);
    }

    /// <summary>The rows [start, start + count) as a new matrix, without validation (the values were validated already).</summary>
    internal SampleMatrix RowRange(int start, int count)
    {
        double[] result = _data.Span.Slice(start * Columns, count * Columns).ToArray();
        return new SampleMatrix(result, count, Columns);
    }

    /// <summary>Samples from a rectangular array: <c>samples[i, j]</c> is coordinate j of sample i.</summary>
    /// <param name="samples">At least one row and one column of finite values.</param>
    /// <returns>A validated copy.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="samples"/> is null.</exception>
    /// <exception cref="ArgumentException">The array is empty or contains NaN or ±∞ (the message gives row and column).</exception>
    public static SampleMatrix FromArray(double[,] samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        int rows = samples.GetLength(0), columns = samples.GetLength(1);
        RequireShape(rows, columns, nameof(samples));
        double[] data = new double[rows * columns];
        for (int i = 0; i < rows; i++)
        {
            for (int j = 0; j < columns; j++)
            {
                data[(i * columns) + j] = samples[i, j];
            }
        }

        return Validated(data, rows, columns, nameof(samples));
    }

    /// <summary>Samples from a rectangular <see cref="float"/> array, widened to <see cref="double"/> exactly.</summary>
    /// <param name="samples">At least one row and one column of finite values.</param>
    /// <returns>A validated copy.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="samples"/> is null.</exception>
    /// <exception cref="ArgumentException">The array is empty or contains NaN or ±∞ (the message gives row and column).</exception>
    public static SampleMatrix FromArray(float[,] samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        int rows = samples.GetLength(0), columns = samples.GetLength(1);
        RequireShape(rows, columns, nameof(samples));
        double[] data = new double[rows * columns];
        for (int i = 0; i < rows; i++)
        {
            for (int j = 0; j < columns; j++)
            {
                data[(i * columns) + j] = samples[i, j];
            }
        }

        return Validated(data, rows, columns, nameof(samples));
    }

    /// <summary>Samples from a jagged array: <c>samples[i]</c> is sample i; every row must have the same length.</summary>
    /// <param name="samples">At least one row, every row non-null with the same positive length and finite values.</param>
    /// <returns>A validated copy.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="samples"/> or one of its rows is null.</exception>
    /// <exception cref="ArgumentException">The array is empty or ragged, or contains NaN or ±∞ (the message gives row and column).</exception>
    public static SampleMatrix FromRows(double[][] samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        int rows = samples.Length;
        int columns = rows == 0 || samples[0] is null ? 0 : samples[0].Length;
        for (int i = 0; i < rows; i++)
        {
            if (samples[i] is null)
            {
                throw new ArgumentNullException(nameof(samples),
                    string.Format(CultureInfo.InvariantCulture, "samples row {0} is null.", i));
            }
        }

        RequireShape(rows, columns, nameof(samples));
        double[] data = new double[rows * columns];
        for (int i = 0; i < rows; i++)
        {
            if (samples[i].Length != columns)
            {
                ThrowHelper.ArgumentException(nameof(samples), string.Format(CultureInfo.InvariantCulture,
                    "samples is ragged: row {0} has {1} values but row 0 has {2}; every sample must have the same dimension.", i, samples[i].Length, columns));
            }

            samples[i].CopyTo(data.AsSpan(i * columns, columns));
        }

        return Validated(data, rows, columns, nameof(samples));
    }

    /// <summary>Samples from row-major values: <c>samples[i·columns + j]</c> is coordinate j of sample i.</summary>
    /// <param name="samples">A whole number of rows of finite values, at least one.</param>
    /// <param name="columns">The dimension of each sample, at least 1.</param>
    /// <returns>A validated copy.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="columns"/> is less than 1.</exception>
    /// <exception cref="ArgumentException">The length is 0 or not a multiple of <paramref name="columns"/>, or a value is NaN or ±∞.</exception>
    public static SampleMatrix FromRowMajor(ReadOnlySpan<double> samples, int columns)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(columns, 1);
        if (samples.Length % columns != 0)
        {
            ThrowHelper.ArgumentException_RowLengthDoesNotDivide(nameof(samples), samples.Length, columns);
        }

        return FromRowMajor(samples, columns, nameof(samples));
    }

    /// <summary>
    /// Takes ownership of <paramref name="data"/> (row-major, finite) without copying or validating it: for buffers a
    /// method derived from already validated samples and does not share.
    /// </summary>
    internal static SampleMatrix Owning(double[] data, int columns) => new(data, data.Length / columns, columns);

    /// <summary>Validated copy of row-major values, errors naming <paramref name="paramName"/>.</summary>
    internal static SampleMatrix FromRowMajor(ReadOnlySpan<double> samples, int columns, string paramName)
    {
        int rows = samples.Length / columns;
        RequireShape(rows, columns, paramName);
        return Validated(samples.ToArray(), rows, columns, paramName);
    }

    /// <summary>Samples from row-major values held in memory; see <see cref="FromRowMajor(ReadOnlySpan{double}, int)"/>.</summary>
    /// <param name="samples">A whole number of rows of finite values, at least one.</param>
    /// <param name="columns">The dimension of each sample, at least 1.</param>
    /// <returns>A validated copy, so later writes to the caller's buffer do not affect it.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="columns"/> is less than 1.</exception>
    /// <exception cref="ArgumentException">The length is 0 or not a multiple of <paramref name="columns"/>, or a value is NaN or ±∞.</exception>
    public static SampleMatrix FromRowMajorMemory(ReadOnlyMemory<double> samples, int columns) => FromRowMajor(samples.Span, columns);

    /// <summary>Samples from a rank-2 tensor of shape [rows, columns] (any strides).</summary>
    /// <param name="samples">A rank-2 tensor with at least one row and one column of finite values.</param>
    /// <returns>A validated copy in row-major order.</returns>
    /// <exception cref="ArgumentException">The tensor is not rank 2, is empty, or contains NaN or ±∞.</exception>
    public static SampleMatrix FromTensor(in ReadOnlyTensorSpan<double> samples)
    {
        if (samples.Rank != 2)
        {
            ThrowHelper.ArgumentException(nameof(samples), string.Format(CultureInfo.InvariantCulture,
                "samples has rank {0}; a rank-2 tensor [rows, columns] is expected.", samples.Rank));
        }

        long rows = samples.Lengths[0], columns = samples.Lengths[1];
        if (rows * columns > Array.MaxLength)
        {
            ThrowHelper.ArgumentException(nameof(samples), "samples is too large to copy into one array.");
        }

        RequireShape((int)rows, (int)columns, nameof(samples));
        double[] data = new double[rows * columns];
        samples.FlattenTo(data);
        return Validated(data, (int)rows, (int)columns, nameof(samples));
    }

    /// <summary>Samples from a rank-2 tensor of shape [rows, columns].</summary>
    /// <param name="samples">A rank-2 tensor with at least one row and one column of finite values.</param>
    /// <returns>A validated copy in row-major order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="samples"/> is null.</exception>
    /// <exception cref="ArgumentException">The tensor is not rank 2, is empty, or contains NaN or ±∞.</exception>
    public static SampleMatrix FromTensor(Tensor<double> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        return FromTensor(samples.AsReadOnlyTensorSpan());
    }

    /// <summary>Returns "SampleMatrix (rows × columns)".</summary>
    /// <returns>The shape as text.</returns>
    public override string ToString() =>
        string.Format(CultureInfo.InvariantCulture, "SampleMatrix ({0} × {1})", Rows, Columns);

    /// <summary>A result of rows × columns values must fit in one array; checked in 64 bits before allocating.</summary>
    private static void RequireElements(long elements, string paramName, long rows, long columns)
    {
        if (elements > Array.MaxLength)
        {
            ThrowHelper.ArgumentException(paramName, string.Format(CultureInfo.InvariantCulture,
                "The result would have {0} rows × {1} columns = {2} values, more than one array can hold ({3}); select fewer columns or rows.",
                rows, columns, elements, Array.MaxLength));
        }
    }

    private static void RequireShape(int rows, int columns, string paramName)
    {
        if (rows < 1 || columns < 1)
        {
            ThrowHelper.ArgumentException(paramName, string.Format(CultureInfo.InvariantCulture,
                "{0} is empty ({1} rows × {2} columns); at least one sample of at least one dimension is needed.", paramName, rows, columns));
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static SampleMatrix Validated(double[] data, int rows, int columns, string paramName)
    {
        for (int k = 0; k < data.Length; k++)
        {
            if (!double.IsFinite(data[k]))
            {
                ThrowHelper.ArgumentException(paramName, string.Format(CultureInfo.InvariantCulture,
                    "{0} {1} {2} at row {3}, column {4}; samples must be finite.",
                    paramName, paramName.EndsWith('s') ? "contain" : "contains",
                    double.IsNaN(data[k]) ? "NaN" : data[k] > 0 ? "+∞" : "−∞", k / columns, k % columns));
            }
        }

        return new SampleMatrix(data, rows, columns);
    }
}
