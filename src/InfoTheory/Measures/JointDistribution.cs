using System.Globalization;
using InfoTheory.Internal;

namespace InfoTheory.Measures;

/// <summary>
/// A joint probability table over two or more discrete variables: the probabilities in
/// row-major order with the shape beside them, validated once on construction (finite,
/// non-negative, summing to 1 within 1e-9·n, or rescaled when asked), then immutable.
/// Axis 0 is X, axis 1 is Y, axis 2 (if present) is Z.
/// </summary>
/// <remarks>The table is copied: later changes to the caller's array do not affect it.</remarks>
public sealed class JointDistribution
{
    private readonly double[] _probabilities;
    private readonly int[] _shape;

    /// <summary>Creates a joint distribution from row-major probabilities and a shape.</summary>
    /// <param name="probabilities">The probabilities, last axis fastest (row-major). Copied.</param>
    /// <param name="shape">The size of each axis; at least two axes, each at least 1, whose product is the number of probabilities.</param>
    /// <param name="normalize">Rescale the table to sum to 1 instead of requiring it.</param>
    /// <exception cref="ArgumentException">The shape does not match, or the probabilities are not a distribution (NaN, ±∞, negative, or not summing to 1 without <paramref name="normalize"/>).</exception>
    public JointDistribution(ReadOnlySpan<double> probabilities, ReadOnlySpan<int> shape, bool normalize = false)
    {
        if (shape.Length < 2)
        {
            ThrowHelper.ArgumentException(nameof(shape), $"A joint distribution needs at least two axes, got {shape.Length}.");
        }

        long size = 1;
        for (int i = 0; i < shape.Length; i++)
        {
            if (shape[i] < 1)
            {
                ThrowHelper.ArgumentException(nameof(shape), string.Create(CultureInfo.InvariantCulture, $"Axis {i} has size {shape[i]}; every axis needs at least one outcome."));
            }

            size *= shape[i];
        }

        if (size != probabilities.Length)
        {
            ThrowHelper.ArgumentException(nameof(probabilities), string.Create(CultureInfo.InvariantCulture,
                $"probabilities has {probabilities.Length} elements but the shape [{string.Join(", ", shape.ToArray())}] needs {size}."));
        }

        double sum = Check.Distribution(probabilities, normalize);
        _probabilities = probabilities.ToArray();
        if (normalize && sum != 1.0)
        {
            // Scaled by a power of two before summing, so counts or weights near 1e308 or 5e-324 normalise exactly.
            Internal.ValidatedDistribution.Normalize(probabilities, _probabilities);
        }

        _shape = shape.ToArray();
    }

    /// <summary>Creates a two-variable joint distribution p(x, y) from a table whose rows are x and columns are y.</summary>
    /// <param name="table">The table p[x, y]. Copied.</param>
    /// <param name="normalize">Rescale the table to sum to 1 instead of requiring it (e.g. for a table of counts).</param>
    /// <returns>The validated joint distribution.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="table"/> is null.</exception>
    /// <exception cref="ArgumentException">The table is empty or not a distribution.</exception>
    public static JointDistribution FromTable(double[,] table, bool normalize = false)
    {
        ArgumentNullException.ThrowIfNull(table);
        double[] flat = new double[table.Length];
        Buffer.BlockCopy(table, 0, flat, 0, flat.Length * sizeof(double));
        return new JointDistribution(flat, [table.GetLength(0), table.GetLength(1)], normalize);
    }

    /// <summary>Creates a three-variable joint distribution p(x, y, z) from a table indexed [x, y, z].</summary>
    /// <param name="table">The table p[x, y, z]. Copied.</param>
    /// <param name="normalize">Rescale the table to sum to 1 instead of requiring it.</param>
    /// <returns>The validated joint distribution.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="table"/> is null.</exception>
    /// <exception cref="ArgumentException">The table is empty or not a distribution.</exception>
    public static JointDistribution FromTable(double[,,] table, bool normalize = false)
    {
        ArgumentNullException.ThrowIfNull(table);
        double[] flat = new double[table.Length];
        Buffer.BlockCopy(table, 0, flat, 0, flat.Length * sizeof(double));
        return new JointDistribution(flat, [table.GetLength(0), table.GetLength(1), table.GetLength(2)], normalize);
    }

    /// <summary>The number of variables (axes).</summary>
    public int Rank => _shape.Length;

    /// <summary>The number of outcomes of each variable.</summary>
    public ReadOnlySpan<int> Shape => _shape;

    /// <summary>The probabilities in row-major order (last axis fastest).</summary>
    public ReadOnlySpan<double> Probabilities => _probabilities;

    /// <summary>p(x, y) of a two-variable distribution.</summary>
    /// <param name="x">The outcome of axis 0.</param>
    /// <param name="y">The outcome of axis 1.</param>
    /// <exception cref="InvalidOperationException">The distribution does not have exactly two axes.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An index is outside its axis.</exception>
    public double this[int x, int y]
    {
        get
        {
            RequireRank(2);
            CheckIndex(x, 0, nameof(x));
            CheckIndex(y, 1, nameof(y));
            return _probabilities[(x * _shape[1]) + y];
        }
    }

    /// <summary>p(x, y, z) of a three-variable distribution.</summary>
    /// <param name="x">The outcome of axis 0.</param>
    /// <param name="y">The outcome of axis 1.</param>
    /// <param name="z">The outcome of axis 2.</param>
    /// <exception cref="InvalidOperationException">The distribution does not have exactly three axes.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An index is outside its axis.</exception>
    public double this[int x, int y, int z]
    {
        get
        {
            RequireRank(3);
            CheckIndex(x, 0, nameof(x));
            CheckIndex(y, 1, nameof(y));
            CheckIndex(z, 2, nameof(z));
            return _probabilities[(((x * _shape[1]) + y) * _shape[2]) + z];
        }
    }

    /// <summary>The marginal distribution of one variable, summing out the others.</summary>
    /// <param name="axis">The variable to keep (0 for X, 1 for Y, …).</param>
    /// <returns>A new array of length <c>Shape[axis]</c> that sums to 1.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="axis"/> is not an axis of the table.</exception>
    public double[] Marginal(int axis)
    {
        if ((uint)axis >= (uint)_shape.Length)
        {
            ThrowHelper.ArgumentOutOfRange(nameof(axis), axis, $"axis must be between 0 and {_shape.Length - 1}, got {axis}.");
        }

        int inner = 1;
        for (int i = axis + 1; i < _shape.Length; i++)
        {
            inner *= _shape[i];
        }

        int size = _shape[axis];
        double[] marginal = new double[size];
        for (int i = 0; i < _probabilities.Length; i++)
        {
            marginal[i / inner % size] += _probabilities[i];
        }

        return marginal;
    }

    /// <summary>The marginal table of the axes that remain after summing out <paramref name="axis"/> (row-major, shape without that axis).</summary>
    internal double[] SumOut(int axis)
    {
        int inner = 1;
        for (int i = axis + 1; i < _shape.Length; i++)
        {
            inner *= _shape[i];
        }

        int size = _shape[axis];
        double[] result = new double[_probabilities.Length / size];
        for (int i = 0; i < _probabilities.Length; i++)
        {
            int outer = i / (inner * size);
            result[(outer * inner) + (i % inner)] += _probabilities[i];
        }

        return result;
    }

    private void CheckIndex(int index, int axis, string name)
    {
        if ((uint)index >= (uint)_shape[axis])
        {
            ThrowHelper.ArgumentOutOfRange(name, index, string.Create(CultureInfo.InvariantCulture, $"{name} must be between 0 and {_shape[axis] - 1}, got {index}."));
        }
    }

    internal void RequireRank(int rank)
    {
        if (_shape.Length != rank)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                $"This operation needs a joint distribution of {rank} variables; this one has {_shape.Length}."));
        }
    }

    internal static void RequireRank(JointDistribution joint, int rank, string paramName)
    {
        ArgumentNullException.ThrowIfNull(joint, paramName);
        if (joint.Rank != rank)
        {
            ThrowHelper.ArgumentException(paramName, string.Create(CultureInfo.InvariantCulture,
                $"{paramName} must be a joint distribution of {rank} variables, got {joint.Rank}."));
        }
    }
}
