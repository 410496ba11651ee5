using InfoTheory.Internal;

namespace InfoTheory.Continuous;

/// <summary>
/// The Gaussian (linear) estimate of mutual information: Î(X;Y) = ½ ln(det Σ̂x det Σ̂y / det Σ̂xy) from the sample
/// covariance of the joint (X, Y). Exact in the limit for jointly Gaussian data; for other data it measures linear
/// dependence only (it is the MI of the Gaussian with the same covariance, a lower bound on I(X;Y) when the
/// margins are Gaussian).
/// </summary>
/// <remarks>
/// <para>
/// Computed from the correlation matrix, so per-column scale and shift cancel (the estimate is invariant under
/// x ↦ a x + b per column up to rounding) and the n vs n − 1 divisor does not matter. For d = 1 each,
/// Î = −½ ln(1 − r²) with r the Pearson correlation.
/// </para>
/// <para>
/// The estimate is ≥ 0 up to rounding (Fischer's inequality) and exactly symmetric: Estimate(x, y) and
/// Estimate(y, x) return the same bits, because the joint determinant is averaged over both column orders.
/// Bias: under independence 2nÎ is asymptotically χ² with dx·dy degrees of freedom (Wilks 1938), so the
/// estimate is high by about dx·dy/(2n) nats; for dx = dy = 1 its standard deviation is about |ρ|/√n when ρ ≠ 0.
/// <see cref="BiasCorrected"/> removes the bias exactly for Gaussian data; corrected estimates can be negative near
/// independence and are returned as they are.
/// </para>
/// <para>
/// Needs n ≥ dx + dy + 1 rows. A constant column, or linearly dependent columns within x or within y, throw;
/// when x and y are each non-singular but jointly singular (an exact linear relation between them), the
/// result is +∞. Immutable and thread-safe. O(n (dx + dy)² + (dx + dy)³).
/// </para>
/// </remarks>
public sealed class GaussianMutualInformation : ILocalMultivariateMutualInformation, IMutualInformationEstimator<double, double>
{
    /// <summary>
    /// Whether to correct each entropy term of Î = ĥ(X) + ĥ(Y) − ĥ(X,Y) by its expected error under Gaussian sampling,
    /// b(n, d) = ½ Σᵢ₌₁..d [ψ((n − i)/2) − ln((n − 1)/2)]: the result is Î − b(n, dx) − b(n, dy) + b(n, dx + dy),
    /// unbiased for Gaussian data (Ince et al. 2017, Hum. Brain Mapp. 38; Wishart moments, Anderson 2003, §7.5).
    /// Default false. The correction is about −dx·dy/(2n) nats and does not depend on the data; it can make the estimate
    /// negative near independence (not clipped).
    /// </summary>
    public bool BiasCorrected { get; init; }

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="x"/> or <paramref name="y"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// The row counts differ, there are fewer than dx + dy + 1 rows, a column is constant, or the columns of x
    /// (or of y) are linearly dependent. The parameter name says which variable.
    /// </exception>
    public Information Estimate(SampleMatrix x, SampleMatrix y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        GaussianModel model = GaussianModel.FromSamples([x, y], [nameof(x), nameof(y)]);
        return GaussianFormulas.MutualInformation(model,
            GaussianModel.Range(0, x.Columns), GaussianModel.Range(x.Columns, y.Columns),
            nameof(x), nameof(x), nameof(y), nameof(y), BiasCorrected);
    }

    /// <summary>
    /// The local mutual information of each row under the fitted joint Gaussian:
    /// i(t) = ln p̂(x_t, y_t) − ln p̂(x_t) − ln p̂(y_t), with the sample mean and the (n − 1) covariance. For one-dimensional
    /// X and Y with standardised values u, v and correlation r: −½ ln(1 − r²) − ½ [(u² − 2ruv + v²)/(1 − r²) − u² − v²].
    /// </summary>
    /// <param name="x">The samples of X.</param>
    /// <param name="y">The samples of Y, as many rows as <paramref name="x"/>.</param>
    /// <returns>One value per row in nats; their mean is <see cref="Estimate(SampleMatrix, SampleMatrix)"/> up to rounding
    /// (with <see cref="BiasCorrected"/> every value carries the constant correction). All +∞ when the estimate is +∞.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="x"/> or <paramref name="y"/> is null.</exception>
    /// <exception cref="ArgumentException">As for <see cref="Estimate(SampleMatrix, SampleMatrix)"/>.</exception>
    public double[] LocalValues(SampleMatrix x, SampleMatrix y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        GaussianModel model = GaussianModel.FromSamples([x, y], [nameof(x), nameof(y)]);
        int[] xs = GaussianModel.Range(0, x.Columns), ys = GaussianModel.Range(x.Columns, y.Columns);
        double estimate = GaussianFormulas.MutualInformation(model, xs, ys, nameof(x), nameof(x), nameof(y), nameof(y), BiasCorrected).Nats;
        return GaussianLocalValues.Compute([x, y], model, estimate, [[.. xs, .. ys], xs, ys], [1, -1, -1]);
    }

    /// <summary>Estimates I(X;Y) for one-dimensional X and Y: −½ ln(1 − r²), r the sample correlation.</summary>
    /// <param name="x">The samples of X.</param>
    /// <param name="y">The samples of Y, as many as of X.</param>
    /// <returns>The estimate in nats; +∞ when y is an exact linear function of x.</returns>
    /// <exception cref="ArgumentException">Fewer than three pairs, lengths differ, a NaN or ±∞, or a constant variable.</exception>
    public Information Estimate(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        Check.SameLength(x.Length, y.Length);
        return Estimate(SampleMatrix.FromRowMajor(x, 1, nameof(x)), SampleMatrix.FromRowMajor(y, 1, nameof(y)));
    }
}
