using InfoTheory.Continuous;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Factorization;

namespace InfoTheory.Bottleneck.Internal;

/// <summary>
/// Projection of samples onto their first principal components: the centred rows times the eigenvectors of the sample
/// covariance with the largest eigenvalues, each eigenvector's sign fixed so its largest-magnitude entry is positive
/// (the same data give the same projection on every run).
/// </summary>
internal static class PrincipalProjection
{
    /// <summary>The samples projected onto their first <paramref name="dimensions"/> principal components; the samples themselves when they have no more columns than that.</summary>
    public static SampleMatrix Project(SampleMatrix samples, int dimensions)
    {
        int n = samples.Rows, d = samples.Columns;
        if (d <= dimensions)
        {
            return samples;
        }

        ReadOnlySpan<double> data = samples.Data.Span;
        double[] mean = new double[d];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < d; j++)
            {
                mean[j] += data[(i * d) + j];
            }
        }

        for (int j = 0; j < d; j++)
        {
            mean[j] /= n;
        }

        Matrix<double> centred = Matrix<double>.Build.Dense(n, d);
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < d; j++)
            {
                centred[i, j] = data[(i * d) + j] - mean[j];
            }
        }

        Matrix<double> covariance = centred.TransposeThisAndMultiply(centred) / Math.Max(n - 1, 1);
        Evd<double> evd = covariance.Evd(Symmetricity.Symmetric);

        // The eigenvalues come in ascending order: take the last `dimensions` columns, largest first.
        Matrix<double> basis = Matrix<double>.Build.Dense(d, dimensions);
        for (int c = 0; c < dimensions; c++)
        {
            Vector<double> v = evd.EigenVectors.Column(d - 1 - c);
            int largest = v.AbsoluteMaximumIndex();
            basis.SetColumn(c, v[largest] < 0 ? -v : v);
        }

        Matrix<double> projected = centred * basis;
        double[] result = new double[n * dimensions];
        for (int i = 0; i < n; i++)
        {
            for (int c = 0; c < dimensions; c++)
            {
                result[(i * dimensions) + c] = projected[i, c];
            }
        }

        return SampleMatrix.FromRowMajor(result, dimensions);
    }
}
