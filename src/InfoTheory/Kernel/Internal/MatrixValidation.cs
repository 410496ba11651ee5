using System.Globalization;
using InfoTheory.Continuous;
using InfoTheory.Internal;

namespace InfoTheory.Kernel.Internal;

/// <summary>Checks on square matrices and paired samples, shared by the kernel measures; all run before any work.</summary>
internal static class MatrixValidation
{
    /// <summary>
    /// A square, finite, symmetric matrix with a non-negative diagonal and a positive trace; returns the trace.
    /// Symmetry is required to 1e-12 of the largest absolute entry.
    /// </summary>
    public static double SymmetricWithPositiveTrace(ReadOnlySpan<double> matrix, int size, string paramName)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        if ((long)size * size != matrix.Length)
        {
            ThrowHelper.ArgumentException(paramName, string.Format(CultureInfo.InvariantCulture,
                "{0} has {1} elements; a {2} × {2} matrix needs {3}.", paramName, matrix.Length, size, (long)size * size));
        }

        double largest = 0;
        for (int k = 0; k < matrix.Length; k++)
        {
            if (!double.IsFinite(matrix[k]))
            {
                ThrowHelper.ArgumentException(paramName, string.Format(CultureInfo.InvariantCulture,
                    "{0} contains {1} at row {2}, column {3}; entries must be finite.", paramName, matrix[k], k / size, k % size));
            }

            largest = Math.Max(largest, Math.Abs(matrix[k]));
        }

        double tolerance = 1e-12 * largest, trace = 0;
        for (int i = 0; i < size; i++)
        {
            double diagonal = matrix[(i * size) + i];
            if (diagonal < 0)
            {
                ThrowHelper.ArgumentException(paramName, string.Format(CultureInfo.InvariantCulture,
                    "{0} has the negative diagonal entry {1} at {2}; a positive semi-definite matrix has a non-negative diagonal.", paramName, diagonal, i));
            }

            trace += diagonal;
            for (int j = 0; j < i; j++)
            {
                if (Math.Abs(matrix[(i * size) + j] - matrix[(j * size) + i]) > tolerance)
                {
                    ThrowHelper.ArgumentException(paramName, string.Format(CultureInfo.InvariantCulture,
                        "{0} is not symmetric: entry ({1}, {2}) is {3} but ({2}, {1}) is {4}.", paramName, i, j, matrix[(i * size) + j], matrix[(j * size) + i]));
                }
            }
        }

        if (!(trace > 0))
        {
            ThrowHelper.ArgumentException(paramName, string.Format(CultureInfo.InvariantCulture,
                "{0} has trace 0; it cannot be normalised to unit trace.", paramName));
        }

        return trace;
    }

    /// <summary>
    /// The eigenvalues of a symmetric matrix divided by <paramref name="trace"/> (so they sum to 1), descending, after
    /// checking positive semi-definiteness: an eigenvalue below −1e-9·max|λ| throws; smaller negative ones (rounding)
    /// and those within n·ε·max|λ| of 0 are set to 0. <paramref name="scratch"/> is overwritten.
    /// </summary>
    public static double[] NormalizedSpectrum(double[] scratch, int size, double trace, string paramName)
    {
        double[] values = Eigenvalues(scratch, size, paramName);
        double largest = Math.Max(Math.Abs(values[0]), Math.Abs(values[^1]));
        if (values[0] < -1e-9 * largest)
        {
            ThrowHelper.ArgumentException(paramName, string.Format(CultureInfo.InvariantCulture,
                "{0} is not positive semi-definite: it has the eigenvalue {1} (largest magnitude {2}).", paramName, values[0], largest));
        }

        // Eigenvalues within the solver's rounding (about n·ε·‖A‖₂) of 0 are 0: then α = 0 counts the numerical rank.
        double noise = size * 2.220446049250313E-16 * largest;
        double[] result = new double[size];
        for (int i = 0; i < size; i++)
        {
            double value = values[size - 1 - i];
            result[i] = value > noise ? value / trace : 0;
        }

        return result;
    }

    /// <summary>
    /// The eigenvalues of a symmetric matrix, ascending (<paramref name="scratch"/> is overwritten); a failure of the
    /// QR iteration becomes an <see cref="ArgumentException"/> naming <paramref name="paramName"/>.
    /// </summary>
    public static double[] Eigenvalues(double[] scratch, int size, string paramName)
    {
        try
        {
            return SymmetricEigenvalues.ComputeInPlace(scratch, size);
        }
        catch (InvalidOperationException e)
        {
            throw new ArgumentException(string.Format(CultureInfo.InvariantCulture,
                "The eigenvalues of the {0} × {0} matrix from {1} could not be computed: {2}", size, paramName, e.Message), paramName, e);
        }
    }

    /// <summary>An <see cref="ArgumentException"/> naming <paramref name="paramName"/> that wraps a numerical failure <paramref name="inner"/>.</summary>
    public static ArgumentException Failure(string paramName, string message, Exception inner) => new(message, paramName, inner);

    /// <summary>Non-null samples with the same number of rows as the first.</summary>
    public static void SameRows(ReadOnlySpan<SampleMatrix> samples, ReadOnlySpan<string> names)
    {
        for (int k = 0; k < samples.Length; k++)
        {
            ArgumentNullException.ThrowIfNull(samples[k], names[k]);
        }

        for (int k = 1; k < samples.Length; k++)
        {
            if (samples[k].Rows != samples[0].Rows)
            {
                ThrowHelper.ArgumentException(names[k], string.Format(CultureInfo.InvariantCulture,
                    "{0} has {1} rows but {2} has {3}; samples must be paired by row.", names[k], samples[k].Rows, names[0], samples[0].Rows));
            }
        }
    }
}
