using InfoTheory.Internal;

namespace InfoTheory.Continuous;

/// <summary>
/// The Gaussian (linear) estimate of conditional mutual information:
/// Î(X;Y|Z) = ½ ln(det Σ̂xz det Σ̂yz / (det Σ̂z det Σ̂xyz)) from the sample covariance of (X, Y, Z).
/// For jointly Gaussian data this is the partial-correlation measure: for one-dimensional X, Y it equals
/// −½ ln(1 − r²_{xy·z}) with r_{xy·z} the partial correlation given Z. Granger causality and linear transfer
/// entropy are this quantity (Barnett, Barrett &amp; Seth 2009).
/// </summary>
/// <remarks>
/// <para>
/// Computed from the correlation matrix (invariant under per-column affine maps up to rounding) with an unbiased
/// covariance; exactly symmetric in X and Y. Bias: under conditional independence about dx·dy/(2n) nats upward;
/// <see cref="BiasCorrected"/> removes it exactly for Gaussian data.
/// </para>
/// <para>
/// Needs n ≥ dx + dy + dz + 1 rows. A constant column throws naming its variable; so does a singular covariance
/// of z, of (x, z) or of (y, z) (x or y linearly determined by z). When only the full (x, y, z) covariance is
/// singular the result is +∞. Immutable and thread-safe.
/// </para>
/// </remarks>
public sealed class GaussianConditionalMutualInformation :
    ILocalMultivariateConditionalMutualInformation, IConditionalMutualInformationEstimator<double, double, double>
{
    /// <summary>
    /// Whether to correct each of the four entropy terms by its expected error under Gaussian sampling,
    /// b(n, d) = ½ Σᵢ₌₁..d [ψ((n − i)/2) − ln((n − 1)/2)]: the result is
    /// Î − b(n, dx + dz) − b(n, dy + dz) + b(n, dz) + b(n, dx + dy + dz), unbiased for Gaussian data
    /// (Ince et al. 2017, Hum. Brain Mapp. 38; Wishart moments, Anderson 2003, §7.5). Default false. Corrected
    /// estimates can be negative near conditional independence (not clipped).
    /// </summary>
    public bool BiasCorrected { get; init; }

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">
    /// The row counts differ, there are too few rows, a column is constant, or a covariance block other than the
    /// full one is singular. The parameter name says which variable.
    /// </exception>
    public Information Estimate(SampleMatrix x, SampleMatrix y, SampleMatrix z)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        ArgumentNullException.ThrowIfNull(z);
        GaussianModel model = GaussianModel.FromSamples([x, y, z], [nameof(x), nameof(y), nameof(z)]);
        return GaussianFormulas.ConditionalMutualInformation(model,
            GaussianModel.Range(0, x.Columns), GaussianModel.Range(x.Columns, y.Columns), GaussianModel.Range(x.Columns + y.Columns, z.Columns),
            nameof(x), nameof(x), nameof(y), nameof(y), nameof(z), nameof(z), BiasCorrected);
    }

    /// <summary>
    /// The local conditional mutual information of each row under the fitted joint Gaussian:
    /// i(t) = ln p̂(x_t | y_t, z_t) − ln p̂(x_t | z_t) = ln p̂(x_t, y_t, z_t) + ln p̂(z_t) − ln p̂(x_t, z_t) − ln p̂(y_t, z_t),
    /// with the sample mean and the (n − 1) covariance. With X the target's present, Y the source's past and Z the
    /// target's past this is the local linear transfer entropy (Lizier 2014, JIDT).
    /// </summary>
    /// <param name="x">The samples of X.</param>
    /// <param name="y">The samples of Y.</param>
    /// <param name="z">The samples of Z.</param>
    /// <returns>One value per row in nats; their mean is <see cref="Estimate(SampleMatrix, SampleMatrix, SampleMatrix)"/> up to
    /// rounding (with <see cref="BiasCorrected"/> every value carries the constant correction). All +∞ when the estimate is +∞.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">As for <see cref="Estimate(SampleMatrix, SampleMatrix, SampleMatrix)"/>.</exception>
    public double[] LocalValues(SampleMatrix x, SampleMatrix y, SampleMatrix z)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        ArgumentNullException.ThrowIfNull(z);
        GaussianModel model = GaussianModel.FromSamples([x, y, z], [nameof(x), nameof(y), nameof(z)]);
        int[] xs = GaussianModel.Range(0, x.Columns), ys = GaussianModel.Range(x.Columns, y.Columns), zs = GaussianModel.Range(x.Columns + y.Columns, z.Columns);
        double estimate = GaussianFormulas.ConditionalMutualInformation(model, xs, ys, zs,
            nameof(x), nameof(x), nameof(y), nameof(y), nameof(z), nameof(z), BiasCorrected).Nats;
        return GaussianLocalValues.Compute([x, y, z], model, estimate, [[.. xs, .. ys, .. zs], zs, [.. xs, .. zs], [.. ys, .. zs]], [1, 1, -1, -1]);
    }

    /// <summary>Estimates I(X;Y|Z) for one-dimensional X, Y and Z: −½ ln(1 − r²_{xy·z}).</summary>
    /// <param name="x">The samples of X.</param>
    /// <param name="y">The samples of Y.</param>
    /// <param name="z">The samples of Z.</param>
    /// <returns>The estimate in nats.</returns>
    /// <exception cref="ArgumentException">Fewer than four samples, lengths differ, a NaN or ±∞, a constant variable, or x or y an exact linear function of z.</exception>
    public Information Estimate(ReadOnlySpan<double> x, ReadOnlySpan<double> y, ReadOnlySpan<double> z)
    {
        Check.SameLength(x.Length, y.Length);
        Check.SameLength(x.Length, z.Length);
        return Estimate(
            SampleMatrix.FromRowMajor(x, 1, nameof(x)),
            SampleMatrix.FromRowMajor(y, 1, nameof(y)),
            SampleMatrix.FromRowMajor(z, 1, nameof(z)));
    }
}
