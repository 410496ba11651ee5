using System.Globalization;
using InfoTheory.Continuous;
using InfoTheory.Continuous.Internal;

namespace InfoTheory.Internal;

/// <summary>
/// The sufficient statistic of the Gaussian estimators: a covariance matrix held as its correlation matrix R
/// and the log variances, so that ln det Σ_S = ln det R_S + Σ_{i∈S} ln σᵢᵢ for any subset S of the variables.
/// </summary>
/// <remarks>
/// Working on R keeps the Cholesky factorisation well scaled whatever the units of the columns, and makes
/// the measures that are ratios of determinants (MI, CMI, total correlation) independent of per-column
/// scale up to rounding, because the variances cancel exactly and are never added in.
/// </remarks>
internal sealed class GaussianModel
{
    /// <summary>
    /// A Cholesky pivot below this fraction of its diagonal entry counts as zero: the sub-matrix is taken to be
    /// singular. 1e-12 corresponds to a squared multiple correlation of 1 − 1e-12 (≈ 13.8 nats of dependence),
    /// far beyond what n ≤ 10⁹ samples resolve, and well above the rounding of exactly collinear columns.
    /// </summary>
    private const double RelativePivotTolerance = 1e-12;

    private readonly double[] _correlation;
    private readonly double[] _logVariance;

    /// <summary>For a model fitted to samples: each column's power-of-two scale, mean and (n − 1) standard deviation after scaling.</summary>
    private (double[] Scale, double[] Mean, double[] StandardDeviation)? _columns;

    private GaussianModel(double[] correlation, double[] logVariance, int sampleCount)
    {
        _correlation = correlation;
        _logVariance = logVariance;
        SampleCount = sampleCount;
    }

    public int Size => _logVariance.Length;

    /// <summary>The number of rows the covariance was estimated from; 0 for a given (exact) covariance.</summary>
    public int SampleCount { get; }

    /// <summary>
    /// The checks of <see cref="FromSamples"/> that need only the shapes: blocks non-null, the same number of rows,
    /// and at least D + 1 rows for D columns in all. Lets a caller validate before transforming the data.
    /// </summary>
    public static void CheckShapes(ReadOnlySpan<SampleMatrix> blocks, ReadOnlySpan<string> names)
    {
        int size = 0;
        for (int b = 0; b < blocks.Length; b++)
        {
            ArgumentNullException.ThrowIfNull(blocks[b], names[b]);
            if (blocks[b].Rows != blocks[0].Rows)
            {
                ThrowHelper.ArgumentException(names[b], Format("{0} has {1} rows but {2} has {3}; the samples must be paired row by row.",
                    names[0], blocks[0].Rows, names[b], blocks[b].Rows));
            }

            size += blocks[b].Columns;
        }

        int n = blocks[0].Rows;
        if (n < size + 1)
        {
            ThrowHelper.ArgumentException(names[0], Format(
                "The Gaussian estimate over {0} dimension(s) in all needs at least {1} samples, got {2}: fewer leave the sample covariance singular.",
                size, size + 1, n));
        }
    }

    /// <summary>
    /// The unbiased (n − 1) sample covariance of the blocks placed side by side. Checks that the row counts
    /// agree, that there are at least D + 1 rows for D columns in all, and that no column is constant.
    /// </summary>
    public static GaussianModel FromSamples(ReadOnlySpan<SampleMatrix> blocks, ReadOnlySpan<string> names)
    {
        CheckShapes(blocks, names);
        int size = 0;
        foreach (SampleMatrix block in blocks)
        {
            size += block.Columns;
        }

        int n = blocks[0].Rows;

        // Each column is read times 2^e (exact), e ≠ 0 only when its magnitudes lie outside [2⁻⁴⁰⁰, 2⁴⁰⁰], so that
        // products of values of 1e±300 neither overflow nor underflow. The correlations are then exactly those of the
        // unscaled computation had nothing overflowed; only the log variances need −2e·ln 2 added back.
        int[] exponent = new int[size];
        for (int b = 0, offset = 0; b < blocks.Length; offset += blocks[b].Columns, b++)
        {
            int d = blocks[b].Columns;
            ReadOnlySpan<double> data = blocks[b].Data.Span;
            for (int j = 0; j < d; j++)
            {
                double max = 0;
                for (int i = 0; i < n; i++)
                {
                    max = Math.Max(max, Math.Abs(data[(i * d) + j]));
                }

                exponent[offset + j] = KnnSamples.ScaleExponent(max);
            }
        }

        double[] factor = new double[size];
        for (int a = 0; a < size; a++)
        {
            factor[a] = Math.ScaleB(1.0, exponent[a]);
        }

        double[] mean = new double[size];
        for (int b = 0, offset = 0; b < blocks.Length; offset += blocks[b].Columns, b++)
        {
            int d = blocks[b].Columns;
            ReadOnlySpan<double> data = blocks[b].Data.Span;
            for (int i = 0; i < n; i++)
            {
                for (int j = 0; j < d; j++)
                {
                    mean[offset + j] += data[(i * d) + j] * factor[offset + j];
                }
            }
        }

        for (int a = 0; a < size; a++)
        {
            mean[a] /= n;
        }

        // Two-pass: centre first, then accumulate the upper triangle of Σ (x − m)(x − m)ᵀ row by row.
        // Each entry is a sum of the same products in the same row order whatever the block order,
        // so permuting the blocks permutes the matrix exactly.
        double[] sums = new double[size * size];
        double[] centred = new double[size];
        for (int i = 0; i < n; i++)
        {
            for (int b = 0, offset = 0; b < blocks.Length; offset += blocks[b].Columns, b++)
            {
                int d = blocks[b].Columns;
                ReadOnlySpan<double> row = blocks[b].Data.Span.Slice(i * d, d);
                for (int j = 0; j < d; j++)
                {
                    centred[offset + j] = (row[j] * factor[offset + j]) - mean[offset + j];
                }
            }

            for (int a = 0; a < size; a++)
            {
                double ca = centred[a];
                for (int c = a; c < size; c++)
                {
                    sums[(a * size) + c] += ca * centred[c];
                }
            }
        }

        for (int b = 0, offset = 0; b < blocks.Length; offset += blocks[b].Columns, b++)
        {
            for (int j = 0; j < blocks[b].Columns; j++)
            {
                if (!(sums[((offset + j) * size) + offset + j] > 0))
                {
                    ThrowHelper.ArgumentException(names[b], Format(
                        "{0} column {1} is constant (zero variance); the Gaussian estimate needs every column to vary.", names[b], j));
                }
            }
        }

        for (int a = 0; a < size; a++)
        {
            for (int c = a; c < size; c++)
            {
                sums[(a * size) + c] /= n - 1;
            }
        }

        double[] standardDeviation = new double[size];
        for (int a = 0; a < size; a++)
        {
            standardDeviation[a] = Math.Sqrt(sums[(a * size) + a]);
        }

        GaussianModel model = FromUpperTriangle(sums, size, n);
        for (int a = 0; a < size; a++)
        {
            if (exponent[a] != 0)
            {
                model._logVariance[a] -= 2 * exponent[a] * Math.Log(2);
            }
        }

        model._columns = (factor, mean, standardDeviation);
        return model;
    }

    /// <summary>
    /// The blocks side by side, row-major, each column scaled, centred and divided by its standard deviation exactly as
    /// <see cref="FromSamples"/> did when it fitted this model: the data the correlation matrix describes.
    /// </summary>
    /// <exception cref="InvalidOperationException">The model was not fitted to samples.</exception>
    public double[] Standardize(ReadOnlySpan<SampleMatrix> blocks)
    {
        if (_columns is not (double[] scale, double[] mean, double[] sd))
        {
            throw new InvalidOperationException("Only a model fitted to samples can standardise them.");
        }

        int n = blocks[0].Rows, size = Size;
        double[] result = new double[n * size];
        for (int b = 0, offset = 0; b < blocks.Length; offset += blocks[b].Columns, b++)
        {
            int d = blocks[b].Columns;
            ReadOnlySpan<double> data = blocks[b].Data.Span;
            for (int i = 0; i < n; i++)
            {
                for (int j = 0; j < d; j++)
                {
                    int a = offset + j;
                    result[(i * size) + a] = ((data[(i * d) + j] * scale[a]) - mean[a]) / sd[a];
                }
            }
        }

        return result;
    }

    /// <summary>A given covariance matrix: square, finite, symmetric (to 1e-10 relative), positive diagonal.</summary>
    public static GaussianModel FromCovariance(double[,] covariance, string paramName)
    {
        ArgumentNullException.ThrowIfNull(covariance, paramName);
        int size = covariance.GetLength(0);
        if (size == 0 || covariance.GetLength(1) != size)
        {
            ThrowHelper.ArgumentException(paramName, Format("{0} must be a non-empty square matrix, got {1} × {2}.",
                paramName, size, covariance.GetLength(1)));
        }

        double[] upper = new double[size * size];
        for (int a = 0; a < size; a++)
        {
            for (int c = 0; c < size; c++)
            {
                if (!double.IsFinite(covariance[a, c]))
                {
                    ThrowHelper.ArgumentException(paramName, Format("{0} contains {1} at row {2}, column {3}; it must be finite.",
                        paramName, covariance[a, c], a, c));
                }
            }

            if (!(covariance[a, a] > 0))
            {
                ThrowHelper.ArgumentException(paramName, Format("{0} has the variance {1} at [{2}, {2}]; every variance must be > 0.",
                    paramName, covariance[a, a], a));
            }
        }

        for (int a = 0; a < size; a++)
        {
            for (int c = a; c < size; c++)
            {
                // √σₐₐ·√σ_cc, not √(σₐₐσ_cc): the product overflows for variances of 1e300 and underflows for 1e-300.
                double scale = Math.Sqrt(covariance[a, a]) * Math.Sqrt(covariance[c, c]);
                if (!(Math.Abs(covariance[a, c] - covariance[c, a]) <= 1e-10 * scale))
                {
                    ThrowHelper.ArgumentException(paramName, Format("{0} is not symmetric: [{1}, {2}] = {3} but [{2}, {1}] = {4}.",
                        paramName, a, c, covariance[a, c], covariance[c, a]));
                }

                upper[(a * size) + c] = 0.5 * (covariance[a, c] + covariance[c, a]);
            }
        }

        GaussianModel model = FromUpperTriangle(upper, size, 0);
        model.RequirePositiveSemidefinite(paramName);
        return model;
    }

    /// <summary>
    /// A Schur-complement pivot below −this (in units of the correlation matrix, whose diagonal is 1) proves the matrix
    /// indefinite. Rounding in the elimination of a d × d matrix with entries ≤ 1 is of order d·2⁻⁵², far below 1e-9,
    /// so an exactly singular positive semi-definite matrix given with rounded entries is never taken for indefinite.
    /// </summary>
    private const double IndefiniteTolerance = 1e-9;

    /// <summary>
    /// Throws unless the correlation matrix is positive semi-definite: a Cholesky factorisation with diagonal pivoting
    /// (largest remaining diagonal first, as LAPACK's dpstrf) that tells a singular PSD matrix (the remaining Schur
    /// complement vanishes) from an indefinite one (a negative diagonal or, once the diagonal vanishes, an off-diagonal
    /// entry that a PSD matrix cannot have: |sᵢⱼ| ≤ √(sᵢᵢ sⱼⱼ)).
    /// </summary>
    private void RequirePositiveSemidefinite(string paramName)
    {
        int m = Size;
        double[] a = (double[])_correlation.Clone();
        bool[] eliminated = new bool[m];
        for (int step = 0; step < m; step++)
        {
            int p = -1;
            for (int i = 0; i < m; i++)
            {
                if (!eliminated[i])
                {
                    double diagonal = a[(i * m) + i];
                    if (diagonal < -IndefiniteTolerance)
                    {
                        ThrowIndefinite(paramName, step);
                    }

                    if (p < 0 || diagonal > a[(p * m) + p])
                    {
                        p = i;
                    }
                }
            }

            double pivot = a[(p * m) + p];
            if (pivot <= IndefiniteTolerance)
            {
                // What is left should be (numerically) zero; a PSD matrix with a vanishing diagonal has vanishing rows.
                for (int i = 0; i < m; i++)
                {
                    for (int j = 0; j < m; j++)
                    {
                        if (!eliminated[i] && !eliminated[j] && Math.Abs(a[(i * m) + j]) > IndefiniteTolerance)
                        {
                            ThrowIndefinite(paramName, step);
                        }
                    }
                }

                return;
            }

            eliminated[p] = true;
            for (int i = 0; i < m; i++)
            {
                if (eliminated[i])
                {
                    continue;
                }

                double l = a[(i * m) + p] / pivot;
                for (int j = 0; j < m; j++)
                {
                    if (!eliminated[j])
                    {
                        a[(i * m) + j] -= l * a[(p * m) + j];
                    }
                }
            }
        }
    }

    private static void ThrowIndefinite(string paramName, int rank) =>
        ThrowHelper.ArgumentException(paramName, Format(
            "{0} is not positive semi-definite (it has a negative eigenvalue; found after {1} pivot(s) of a pivoted Cholesky factorisation of its correlation matrix), so it is not a covariance matrix.",
            paramName, rank));

    private static GaussianModel FromUpperTriangle(double[] upper, int size, int sampleCount)
    {
        double[] logVariance = new double[size];
        double[] sd = new double[size];
        for (int a = 0; a < size; a++)
        {
            double v = upper[(a * size) + a];
            logVariance[a] = Math.Log(v);
            sd[a] = Math.Sqrt(v);
        }

        double[] r = new double[size * size];
        for (int a = 0; a < size; a++)
        {
            r[(a * size) + a] = 1;
            for (int c = a + 1; c < size; c++)
            {
                double value = upper[(a * size) + c] / (sd[a] * sd[c]);
                r[(a * size) + c] = value;
                r[(c * size) + a] = value;
            }
        }

        return new GaussianModel(r, logVariance, sampleCount);
    }

    /// <summary>Σ ln σᵢᵢ over <paramref name="indices"/>.</summary>
    public double SumLogVariance(ReadOnlySpan<int> indices)
    {
        double sum = 0;
        foreach (int i in indices)
        {
            sum += _logVariance[i];
        }

        return sum;
    }

    /// <summary>
    /// ln det R_S for the variables <paramref name="indices"/>, in that order, by Cholesky: 2 Σ ln Lₖₖ.
    /// False when a pivot is not above <see cref="RelativePivotTolerance"/> (the sub-matrix is singular or indefinite).
    /// </summary>
    public bool TryLogDeterminant(ReadOnlySpan<int> indices, out double logDeterminant) =>
        TryCholesky(indices, out _, out logDeterminant);

    /// <summary>
    /// The lower Cholesky factor L of R_S (R_S = L Lᵀ, m × m row-major, upper triangle zero) and ln det R_S.
    /// False when a pivot is not above <see cref="RelativePivotTolerance"/>.
    /// </summary>
    public bool TryCholesky(ReadOnlySpan<int> indices, out double[] factor, out double logDeterminant)
    {
        int m = indices.Length;
        double[] l = new double[m * m];
        for (int a = 0; a < m; a++)
        {
            for (int c = 0; c <= a; c++)
            {
                l[(a * m) + c] = _correlation[(indices[a] * Size) + indices[c]];
            }
        }

        factor = l;
        double sum = 0;
        for (int j = 0; j < m; j++)
        {
            double pivot = l[(j * m) + j];
            for (int k = 0; k < j; k++)
            {
                pivot -= l[(j * m) + k] * l[(j * m) + k];
            }

            // Diagonal entries of R are 1, so the tolerance is relative to the variable's own variance.
            if (!(pivot > RelativePivotTolerance))
            {
                logDeterminant = double.NaN;
                return false;
            }

            double diagonal = Math.Sqrt(pivot);
            l[(j * m) + j] = diagonal;
            sum += Math.Log(pivot);
            for (int i = j + 1; i < m; i++)
            {
                double value = l[(i * m) + j];
                for (int k = 0; k < j; k++)
                {
                    value -= l[(i * m) + k] * l[(j * m) + k];
                }

                l[(i * m) + j] = value / diagonal;
            }
        }

        logDeterminant = sum;
        return true;
    }

    /// <summary>ln det R_S, or an <see cref="ArgumentException"/> naming <paramref name="paramName"/> when it is singular.</summary>
    public double LogDeterminant(ReadOnlySpan<int> indices, string paramName, string what)
    {
        if (!TryLogDeterminant(indices, out double logDeterminant))
        {
            ThrowHelper.ArgumentException(paramName, Format(
                "The covariance of {0} is singular: its columns are linearly dependent (or nearly so), and the Gaussian measure is undefined.", what));
        }

        return logDeterminant;
    }

    /// <summary>
    /// ln det R of the union of two variable sets, averaged over both orders (first, second) and (second, first)
    /// so that swapping the roles of X and Y gives the same bits. False when singular.
    /// </summary>
    public bool TryJointLogDeterminant(ReadOnlySpan<int> first, ReadOnlySpan<int> second, ReadOnlySpan<int> rest, out double logDeterminant)
    {
        int[] forward = [.. first, .. second, .. rest];
        int[] backward = [.. second, .. first, .. rest];
        if (!TryLogDeterminant(forward, out double a) || !TryLogDeterminant(backward, out double b))
        {
            logDeterminant = double.NaN;
            return false;
        }

        logDeterminant = 0.5 * (a + b);
        return true;
    }

    public static int[] Range(int start, int count)
    {
        int[] result = new int[count];
        for (int i = 0; i < count; i++)
        {
            result[i] = start + i;
        }

        return result;
    }

    private static string Format(string format, params object?[] args) =>
        string.Format(CultureInfo.InvariantCulture, format, args);
}
