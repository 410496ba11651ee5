using InfoTheory.Continuous;

namespace InfoTheory.Internal;

/// <summary>
/// Local (pointwise) values of the Gaussian MI and CMI under the fitted Gaussian: the log-density ratio at each row.
/// </summary>
/// <remarks>
/// ln N(v; μ̂, Σ̂_S) = −½ (|S| ln 2π + ln det Σ̂_S + qₛ(v)), qₛ the squared Mahalanobis distance. In a ratio such as
/// ln p(x, y, z) + ln p(z) − ln p(x, z) − ln p(y, z) every variable enters as often with + as with −, so the 2π and
/// variance terms cancel and the log-determinant terms sum to the estimate: the local value is the estimate minus ½ the
/// signed sum of the qₛ (Lizier 2014, "JIDT", Front. Robot. AI 1:11, for the Gaussian local transfer entropy). With the
/// (n − 1) covariance the mean of qₛ over the rows is |S|(n − 1)/n, and the signed dimensions sum to 0, so the mean of the
/// local values is the estimate up to rounding (the estimate's bias correction, a constant, is carried by every value).
/// The qₛ are computed on the standardised data with the correlation matrix R_S of the model: the same quadratic form.
/// </remarks>
internal static class GaussianLocalValues
{
    /// <summary>
    /// Writes <paramref name="estimate"/> − ½ Σ_S sign_S · q_S(row) for each row; +∞ everywhere when the estimate is +∞
    /// (the full covariance is singular).
    /// </summary>
    /// <param name="blocks">The variables side by side, in the order of the model's columns.</param>
    /// <param name="model">The model fitted to <paramref name="blocks"/>.</param>
    /// <param name="estimate">The estimate in nats.</param>
    /// <param name="sets">The variable sets S, as column indices of the model.</param>
    /// <param name="signs">+1 or −1 per set: the sign of ln p_S in the local value.</param>
    public static double[] Compute(ReadOnlySpan<SampleMatrix> blocks, GaussianModel model, double estimate, int[][] sets, ReadOnlySpan<double> signs)
    {
        int n = blocks[0].Rows;
        double[] local = new double[n];
        if (double.IsPositiveInfinity(estimate))
        {
            local.AsSpan().Fill(double.PositiveInfinity);
            return local;
        }

        double[] standardized = model.Standardize(blocks);
        int size = model.Size;
        local.AsSpan().Fill(estimate);
        for (int s = 0; s < sets.Length; s++)
        {
            int[] set = sets[s];
            if (!model.TryCholesky(set, out double[] factor, out _))
            {
                // Only the full set can be singular here, and then the estimate is +∞ (handled above).
                throw new InvalidOperationException("A covariance block the estimate found regular is singular.");
            }

            int m = set.Length;
            double[] w = new double[m];
            for (int i = 0; i < n; i++)
            {
                // Forward substitution L w = u; q = |w|² = uᵀ R_S⁻¹ u.
                double q = 0;
                for (int a = 0; a < m; a++)
                {
                    double value = standardized[(i * size) + set[a]];
                    for (int c = 0; c < a; c++)
                    {
                        value -= factor[(a * m) + c] * w[c];
                    }

                    w[a] = value / factor[(a * m) + a];
                    q += w[a] * w[a];
                }

                local[i] -= 0.5 * signs[s] * q;
            }
        }

        return local;
    }
}
