using System.Numerics.Tensors;
using InfoTheory.Continuous;
using InfoTheory.Internal;

namespace InfoTheory.Multivariate.Internal;

/// <summary>
/// Centred, unit-norm columns of a sample matrix (column-major), whose dot products are the Pearson correlations;
/// built once and shared by every multiplet of a search and by its resamples.
/// </summary>
internal sealed class CorrelationColumns
{
    private CorrelationColumns(double[][] columns) => Columns = columns;

    /// <summary>Each column centred and divided by its norm.</summary>
    public double[][] Columns { get; }

    public int Count => Columns.Length;

    public int Rows => Columns[0].Length;

    /// <summary>The columns of <paramref name="samples"/> (or their normal scores), centred and normalised.</summary>
    public static CorrelationColumns From(SampleMatrix samples, bool copula, string paramName)
    {
        int n = samples.Rows, p = samples.Columns;
        double[][] columns = new double[p][];
        double[] raw = new double[n];
        for (int j = 0; j < p; j++)
        {
            samples.CopyColumn(j, raw);
            double[] c = new double[n];
            if (copula)
            {
                NormalScores.Transform(raw, c);
            }
            else
            {
                raw.CopyTo(c, 0);
            }

            columns[j] = c;
            if (!Normalise(c))
            {
                ThrowHelper.ArgumentException(paramName, string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"{paramName} column {j} is constant (zero variance); every variable must vary."));
            }
        }

        return new CorrelationColumns(columns);
    }

    /// <summary>Centres <paramref name="c"/> and scales it to unit norm (scaled by its largest magnitude first, so no square overflows); false when constant.</summary>
    public static bool Normalise(Span<double> c)
    {
        double mean = TensorPrimitives.Sum<double>(c) / c.Length;
        TensorPrimitives.Subtract(c, mean, c);
        double max = Math.Abs(TensorPrimitives.MaxMagnitude<double>(c));
        if (!(max > 0) || !double.IsFinite(max))
        {
            return false;
        }

        TensorPrimitives.Multiply(c, 1 / max, c);
        double norm = Math.Sqrt(TensorPrimitives.Dot<double>(c, c));
        TensorPrimitives.Multiply(c, 1 / norm, c);
        return true;
    }

    /// <summary>The p × p correlation matrix (row-major), entries clamped to [−1, 1].</summary>
    public double[] Matrix(ParallelOptions parallel)
    {
        int p = Count;
        double[] r = new double[p * p];
        Parallel.For(0, p, parallel, a =>
        {
            r[(a * p) + a] = 1;
            for (int b = a + 1; b < p; b++)
            {
                double v = Math.Clamp(TensorPrimitives.Dot<double>(Columns[a], Columns[b]), -1, 1);
                r[(a * p) + b] = v;
                r[(b * p) + a] = v;
            }
        });
        return r;
    }
}
