using System.Numerics.Tensors;

namespace InfoTheory.Multivariate.Internal;

/// <summary>A dense Cholesky solve for the small symmetric positive semi-definite Newton systems of the PID solvers.</summary>
internal static class Cholesky
{
    /// <summary>
    /// Solves M x = r for symmetric positive semi-definite M (n × n, row-major; overwritten). The system is first scaled
    /// to a unit diagonal; a pivot below 1e-30 of the scaled matrix marks a direction with (numerically) no curvature,
    /// and x takes no step along it. Near a solution on the boundary of an interior-point method such directions appear
    /// as the barrier weight grows; skipping them keeps the Newton steps well defined.
    /// </summary>
    public static void Solve(double[] m, double[] r, double[] x, int n)
    {
        double[] scale = new double[n];
        for (int i = 0; i < n; i++)
        {
            double d = m[(i * n) + i];
            scale[i] = d > 0 ? 1 / Math.Sqrt(d) : 0;
        }

        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                m[(i * n) + j] *= scale[i] * scale[j];
            }
        }

        bool[] skip = new bool[n];
        for (int j = 0; j < n; j++)
        {
            ReadOnlySpan<double> rowJ = m.AsSpan(j * n, j);
            double d = m[(j * n) + j] - TensorPrimitives.Dot(rowJ, rowJ);

            if (!(d > 1e-30) || scale[j] == 0)
            {
                skip[j] = true;
                for (int i = j; i < n; i++)
                {
                    m[(i * n) + j] = 0;
                }

                continue;
            }

            d = Math.Sqrt(d);
            m[(j * n) + j] = d;
            for (int i = j + 1; i < n; i++)
            {
                m[(i * n) + j] = (m[(i * n) + j] - TensorPrimitives.Dot(m.AsSpan(i * n, j), rowJ)) / d;
            }
        }

        for (int i = 0; i < n; i++)
        {
            if (skip[i])
            {
                x[i] = 0;
                continue;
            }

            x[i] = ((r[i] * scale[i]) - TensorPrimitives.Dot(m.AsSpan(i * n, i), x.AsSpan(0, i))) / m[(i * n) + i];
        }

        for (int i = n - 1; i >= 0; i--)
        {
            if (skip[i])
            {
                continue;
            }

            double s = x[i];
            for (int k = i + 1; k < n; k++)
            {
                s -= m[(k * n) + i] * x[k];
            }

            x[i] = s / m[(i * n) + i];
        }

        for (int i = 0; i < n; i++)
        {
            x[i] *= scale[i];
        }
    }
}
