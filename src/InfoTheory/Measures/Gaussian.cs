using System.Globalization;
using InfoTheory.Internal;

namespace InfoTheory.Measures;

/// <summary>
/// Exact information measures of a multivariate normal distribution with a known covariance matrix Σ:
/// differential entropy, mutual information and conditional mutual information between groups of its
/// coordinates, and total correlation. Variable groups are given as column indices into Σ.
/// </summary>
/// <remarks>
/// Closed forms from log-determinants (Cover &amp; Thomas 2006, §8.4 and §8.6): h = ½ ln((2πe)^d det Σ),
/// I(X;Y) = ½ ln(det Σx det Σy / det Σxy), I(X;Y|Z) = ½ ln(det Σxz det Σyz / (det Σz det Σxyz)),
/// TC = Σ ½ ln σᵢᵢ − ½ ln det Σ. The mean does not enter. Determinants come from a Cholesky factorisation of the
/// correlation matrix; a pivot below 1e-12 of its diagonal counts as singular. The covariance must be square,
/// finite, symmetric to 1e-10 relative, have positive variances and be positive semi-definite; it is read, never
/// modified. Positive semi-definiteness is checked by a Cholesky factorisation with diagonal pivoting of the correlation
/// matrix (as LAPACK's dpstrf), which tells an indefinite matrix (a Schur-complement pivot below −1e-9, or a vanishing
/// diagonal with a non-vanishing off-diagonal entry), rejected with an <see cref="ArgumentException"/> naming
/// <c>covariance</c>, from a singular positive semi-definite one, for which a measure that is infinite (a variable that
/// is an exact linear function of the others) is returned as +∞. Only the correlations enter MI, CMI and TC, so they
/// are the same for a covariance in any units from 1e-300 to 1e300.
/// For the sample (estimated) versions see <see cref="Continuous.GaussianMutualInformation"/> and its siblings.
/// </remarks>
public static class Gaussian
{
    /// <summary>The differential entropy of N(μ, σ²): ½ ln(2πe σ²).</summary>
    /// <param name="variance">σ² &gt; 0, finite.</param>
    /// <returns>The entropy in nats; negative when σ² &lt; 1/(2πe).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="variance"/> is not finite and positive.</exception>
    public static Information Entropy(double variance)
    {
        if (!(variance > 0) || !double.IsFinite(variance))
        {
            ThrowHelper.ArgumentOutOfRange_NotPositive(nameof(variance), variance);
        }

        return Information.FromNats(0.5 * Math.Log(2 * Math.PI * Math.E * variance));
    }

    /// <summary>The differential entropy of N(μ, Σ): ½ ln((2πe)^d det Σ).</summary>
    /// <param name="covariance">A d × d symmetric positive-definite covariance matrix.</param>
    /// <returns>The entropy in nats.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="covariance"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="covariance"/> is not a valid covariance (not square, not finite, not symmetric, a variance ≤ 0, or indefinite), or is singular.</exception>
    public static Information Entropy(double[,] covariance)
    {
        GaussianModel model = GaussianModel.FromCovariance(covariance, nameof(covariance));
        return GaussianFormulas.Entropy(model, GaussianModel.Range(0, model.Size), nameof(covariance), nameof(covariance));
    }

    /// <summary>The mutual information of a bivariate normal with correlation ρ: −½ ln(1 − ρ²).</summary>
    /// <param name="correlation">ρ in [−1, 1].</param>
    /// <returns>I(X;Y) in nats; +∞ when |ρ| = 1.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="correlation"/> is outside [−1, 1] or NaN.</exception>
    public static Information MutualInformation(double correlation)
    {
        if (!(Math.Abs(correlation) <= 1))
        {
            ThrowHelper.ArgumentOutOfRange(nameof(correlation), correlation,
                string.Format(CultureInfo.InvariantCulture, "A correlation must lie in [−1, 1], got {0}.", correlation));
        }

        // ln(1 − ρ²) through log1p keeps full accuracy for small ρ.
        return Information.FromNats(-0.5 * GammaFunctions.Log1P(-(correlation * correlation)));
    }

    /// <summary>I(X;Y) = ½ ln(det Σx det Σy / det Σxy) between two groups of coordinates of N(μ, Σ).</summary>
    /// <param name="covariance">The covariance of the whole vector.</param>
    /// <param name="x">The columns of X: distinct, in range.</param>
    /// <param name="y">The columns of Y: distinct, in range, disjoint from <paramref name="x"/>.</param>
    /// <returns>I(X;Y) ≥ 0 in nats; +∞ when Σxy is singular (positive semi-definite) but Σx and Σy are not.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="covariance"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// An invalid covariance (including an indefinite matrix, such as {{1, 2}, {2, 1}}); an empty, repeated, out-of-range
    /// or shared column index; or a singular Σx or Σy.
    /// </exception>
    public static Information MutualInformation(double[,] covariance, ReadOnlySpan<int> x, ReadOnlySpan<int> y)
    {
        GaussianModel model = GaussianModel.FromCovariance(covariance, nameof(covariance));
        CheckGroups(model.Size, x, y, []);
        return GaussianFormulas.MutualInformation(model, x, y, nameof(covariance), "the x columns", nameof(covariance), "the y columns");
    }

    /// <summary>I(X;Y|Z) = ½ ln(det Σxz det Σyz / (det Σz det Σxyz)) between groups of coordinates of N(μ, Σ).</summary>
    /// <param name="covariance">The covariance of the whole vector.</param>
    /// <param name="x">The columns of X.</param>
    /// <param name="y">The columns of Y.</param>
    /// <param name="z">The columns of Z; the three groups are non-empty and disjoint.</param>
    /// <returns>I(X;Y|Z) ≥ 0 in nats; +∞ when only Σxyz is singular (positive semi-definite).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="covariance"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// An invalid covariance (including an indefinite matrix); an empty, repeated, out-of-range or shared column index;
    /// or a singular Σz, Σxz or Σyz.
    /// </exception>
    public static Information ConditionalMutualInformation(double[,] covariance, ReadOnlySpan<int> x, ReadOnlySpan<int> y, ReadOnlySpan<int> z)
    {
        GaussianModel model = GaussianModel.FromCovariance(covariance, nameof(covariance));
        CheckGroups(model.Size, x, y, z);
        if (z.IsEmpty)
        {
            ThrowHelper.ArgumentException(nameof(z), "z is empty; give at least one conditioning column (or use MutualInformation).");
        }

        return GaussianFormulas.ConditionalMutualInformation(model, x, y, z,
            nameof(covariance), "the x columns", nameof(covariance), "the y columns", nameof(covariance), "the z columns");
    }

    /// <summary>The total correlation of the coordinates of N(μ, Σ): Σ ½ ln σᵢᵢ − ½ ln det Σ = −½ ln det R.</summary>
    /// <param name="covariance">The covariance matrix.</param>
    /// <returns>TC ≥ 0 in nats; 0 for d = 1 or a diagonal Σ; +∞ when Σ is singular (positive semi-definite).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="covariance"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="covariance"/> is not a valid covariance (including an indefinite matrix, such as {{1, 2}, {2, 1}}).</exception>
    public static Information TotalCorrelation(double[,] covariance) =>
        GaussianFormulas.TotalCorrelation(GaussianModel.FromCovariance(covariance, nameof(covariance)));

    private static void CheckGroups(int size, ReadOnlySpan<int> x, ReadOnlySpan<int> y, ReadOnlySpan<int> z)
    {
        bool[] used = new bool[size];
        CheckGroup(used, x, nameof(x));
        CheckGroup(used, y, nameof(y));
        CheckGroup(used, z, nameof(z));
    }

    private static void CheckGroup(bool[] used, ReadOnlySpan<int> columns, string name)
    {
        if (columns.IsEmpty && name != "z")
        {
            ThrowHelper.ArgumentException(name, string.Format(CultureInfo.InvariantCulture, "{0} is empty; give at least one column.", name));
        }

        foreach (int c in columns)
        {
            if ((uint)c >= (uint)used.Length)
            {
                ThrowHelper.ArgumentOutOfRange(name, c, string.Format(CultureInfo.InvariantCulture,
                    "Column index {0} in {1} is outside [0, {2}).", c, name, used.Length));
            }

            if (used[c])
            {
                ThrowHelper.ArgumentException(name, string.Format(CultureInfo.InvariantCulture,
                    "Column {0} appears twice (within {1} or in two groups); the groups must be disjoint.", c, name));
            }

            used[c] = true;
        }
    }
}
