using System.Globalization;
using InfoTheory.Continuous;
using MathNet.Numerics;
using MathNet.Numerics.Distributions;

namespace InfoTheory.Testing;

/// <summary>
/// (X, Y) jointly multivariate Student-t with ν degrees of freedom, location 0 and dispersion (scale) matrix Σ over
/// (X, Y), X being the first <see cref="XDimension"/> coordinates. The mutual information is the Gaussian one of Σ plus
/// a correction that depends only on ν, dx and dy:
/// I(X;Y) = ½ ln(det Σx det Σy / det Σ) + g(dx) + g(dy) − g(dx + dy), with
/// g(d) = ln Γ(ν/2) − ln Γ((ν + d)/2) + ((ν + d)/2) [ψ((ν + d)/2) − ψ(ν/2)].
/// </summary>
/// <remarks>
/// <para>
/// Derivation. The d-dimensional t with dispersion Σ has the differential entropy
/// h = ½ ln det(νπ Σ) + g(d) (Kotz &amp; Nadarajah 2004, Multivariate t Distributions and Their Applications;
/// Arellano-Valle, Contreras-Reyes &amp; Genton 2013, Scand. J. Statist. 40(1)), and every margin of a multivariate t
/// is a t with the same ν and the matching block of Σ. In I = h(X) + h(Y) − h(X, Y) the terms (d/2) ln(νπ) cancel (dx + dy = d) and the determinants give the Gaussian
/// mutual information of Σ; what is left is the correction g(dx) + g(dy) − g(dx + dy). In the form used by the
/// "Beyond Normal" benchmark (Czyż, Grabowski, Vogt, Beerenwinkel &amp; Marx, NeurIPS 2023, Appendix on the Student-t
/// tasks) the same correction reads f(ν) − f(ν + dx) − f(ν + dy) + f(ν + dx + dy) with f(a) = ln Γ(a/2) − (a/2) ψ(a/2).
/// </para>
/// <para>
/// The correction is strictly positive for finite ν: even with Σ = I the coordinates share one random scale, so X and Y
/// are dependent though uncorrelated (for dx = dy = 1 and ν = 1 it is ln(8π) − 3 ≈ 0.224 nats). It decreases to 0 as
/// ν → ∞, where the distribution tends to the normal N(0, Σ). Correlation-based (linear) estimators cannot see it. For ν
/// &gt; 2 the covariance is ν/(ν − 2) Σ, so Σ is also the correlation structure; for ν ≤ 2 the variances are infinite but
/// the mutual information stays finite.
/// </para>
/// <para>
/// Sampling: (x, y) = z / √(u/ν) with z ~ N(0, Σ) drawn as by <see cref="MultivariateNormalTask"/> from the seed and
/// u ~ χ²(ν) drawn by MathNet.Numerics' <see cref="ChiSquared"/> from a <see cref="Random"/> seeded with a value derived
/// from the seed by a fixed mix (one u per row, shared by X and Y). A draw of u that underflows to 0 is drawn again.
/// </para>
/// </remarks>
public sealed class MultivariateStudentTTask : IMutualInformationTask
{
    private readonly MultivariateNormalTask _normal;

    /// <summary>
    /// A task with joint dispersion <paramref name="dispersion"/> and <paramref name="degreesOfFreedom"/> degrees of
    /// freedom; X is the first <paramref name="xDimension"/> coordinates.
    /// </summary>
    /// <param name="dispersion">The (dx + dy) × (dx + dy) symmetric positive-definite dispersion matrix Σ of (X, Y). Copied.</param>
    /// <param name="xDimension">dx, between 1 and the size of <paramref name="dispersion"/> − 1.</param>
    /// <param name="degreesOfFreedom">ν &gt; 0, finite (for ν = ∞ use <see cref="MultivariateNormalTask"/>).</param>
    /// <exception cref="ArgumentNullException"><paramref name="dispersion"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="dispersion"/> is not a symmetric positive-definite matrix.</exception>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="xDimension"/> leaves X or Y empty, or <paramref name="degreesOfFreedom"/> is not finite and positive.
    /// </exception>
    public MultivariateStudentTTask(double[,] dispersion, int xDimension, double degreesOfFreedom)
    {
        ArgumentNullException.ThrowIfNull(dispersion);
        if (!(degreesOfFreedom > 0) || !double.IsFinite(degreesOfFreedom))
        {
            throw new ArgumentOutOfRangeException(nameof(degreesOfFreedom), degreesOfFreedom, string.Format(CultureInfo.InvariantCulture,
                "degreesOfFreedom must be a finite number greater than 0 (use MultivariateNormalTask for ν = ∞), got {0}.", degreesOfFreedom));
        }

        try
        {
            _normal = new MultivariateNormalTask(dispersion, xDimension);
        }
        catch (ArgumentException e) when (e is not ArgumentOutOfRangeException && e.ParamName == "covariance")
        {
            // The normal task validates the matrix; report the problem under this constructor's parameter name.
            string message = e.Message;
            string suffix = string.Format(CultureInfo.InvariantCulture, " (Parameter '{0}')", e.ParamName);
            if (message.EndsWith(suffix, StringComparison.Ordinal))
            {
                message = message[..^suffix.Length];
            }

            throw new ArgumentException(message.Replace("covariance", "dispersion", StringComparison.Ordinal), nameof(dispersion), e);
        }

        DegreesOfFreedom = degreesOfFreedom;
        XDimension = _normal.XDimension;
        YDimension = _normal.YDimension;
        double nu = degreesOfFreedom;
        double gx = EntropyShapeTerm(nu, XDimension), gy = EntropyShapeTerm(nu, YDimension), gxy = EntropyShapeTerm(nu, XDimension + YDimension);
        DispersionMutualInformation = _normal.TrueMutualInformation;
        TailCorrection = Information.FromNats(gx + gy - gxy);
        TrueMutualInformation = Information.FromNats(DispersionMutualInformation.Nats + TailCorrection.Nats);

        // h_t = ½ ln det(νπΣ) + g(d) and h_normal = ½ ln det(2πeΣ), so h_t = h_normal + (d/2) ln(ν/(2e)) + g(d).
        EntropyX = Information.FromNats(_normal.EntropyX.Nats + (0.5 * XDimension * Math.Log(nu / (2 * Math.E))) + gx);
        EntropyY = Information.FromNats(_normal.EntropyY.Nats + (0.5 * YDimension * Math.Log(nu / (2 * Math.E))) + gy);
        JointEntropy = Information.FromNats(_normal.JointEntropy.Nats + (0.5 * (XDimension + YDimension) * Math.Log(nu / (2 * Math.E))) + gxy);
    }

    /// <inheritdoc />
    public int XDimension { get; }

    /// <inheritdoc />
    public int YDimension { get; }

    /// <summary>ν, the degrees of freedom.</summary>
    public double DegreesOfFreedom { get; }

    /// <inheritdoc />
    /// <remarks><see cref="DispersionMutualInformation"/> + <see cref="TailCorrection"/>.</remarks>
    public Information TrueMutualInformation { get; }

    /// <summary>
    /// The Gaussian part ½ ln(det Σx det Σy / det Σ): the mutual information of the normal with covariance Σ, and what a
    /// correlation-based estimator converges to when ν &gt; 2.
    /// </summary>
    public Information DispersionMutualInformation { get; }

    /// <summary>The part due to the shared scale, g(dx) + g(dy) − g(dx + dy) &gt; 0; it depends on ν, dx and dy only.</summary>
    public Information TailCorrection { get; }

    /// <summary>The differential entropy h(X) = ½ ln det(νπ Σx) + g(dx).</summary>
    public Information EntropyX { get; }

    /// <summary>The differential entropy h(Y) = ½ ln det(νπ Σy) + g(dy).</summary>
    public Information EntropyY { get; }

    /// <summary>The joint differential entropy h(X, Y) = ½ ln det(νπ Σ) + g(dx + dy).</summary>
    public Information JointEntropy { get; }

    /// <summary>A copy of the dispersion matrix Σ of (X, Y).</summary>
    public double[,] Dispersion => _normal.Covariance;

    /// <summary>
    /// Sparse interactions: unit dispersion diagonal, X_i and Y_i with dispersion correlation ρ for
    /// i &lt; <paramref name="interactingPairs"/>, all other off-diagonal entries 0. With k = 0 (Σ = I) the mutual
    /// information is the tail correction alone, the "student-identity" tasks of the "Beyond Normal" benchmark.
    /// </summary>
    /// <param name="xDimension">dx ≥ 1.</param>
    /// <param name="yDimension">dy ≥ 1.</param>
    /// <param name="interactingPairs">k, between 0 and min(dx, dy).</param>
    /// <param name="correlation">ρ, strictly between −1 and 1.</param>
    /// <param name="degreesOfFreedom">ν &gt; 0, finite.</param>
    /// <returns>The task, with I = −(k/2) ln(1 − ρ²) + g(dx) + g(dy) − g(dx + dy).</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside its range.</exception>
    public static MultivariateStudentTTask SparseInteractions(int xDimension, int yDimension, int interactingPairs, double correlation,
        double degreesOfFreedom) =>
        new(MultivariateNormalTask.SparseInteractions(xDimension, yDimension, interactingPairs, correlation).Covariance, xDimension,
            degreesOfFreedom);

    /// <inheritdoc />
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="n"/> is less than 1.</exception>
    public (SampleMatrix X, SampleMatrix Y) Sample(int n, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        (SampleMatrix gx, SampleMatrix gy) = _normal.Sample(n, seed);
        var random = new Random(unchecked((seed * -1640531535) + 0x2545F491));
        double[] x = gx.Data.ToArray();
        double[] y = gy.Data.ToArray();
        for (int i = 0; i < n; i++)
        {
            double u;
            do
            {
                u = ChiSquared.Sample(random, DegreesOfFreedom);
            }
            while (!(u > 0));

            double scale = Math.Sqrt(DegreesOfFreedom / u);
            Scale(x.AsSpan(i * XDimension, XDimension), scale);
            Scale(y.AsSpan(i * YDimension, YDimension), scale);
        }

        return (SampleMatrix.FromRowMajor(x, XDimension), SampleMatrix.FromRowMajor(y, YDimension));
    }

    /// <summary>Returns a short description with ν, the dimensions and the true mutual information.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => string.Format(CultureInfo.InvariantCulture,
        "MultivariateStudentTTask (ν = {0}, dx = {1}, dy = {2}, I = {3:R} nats)", DegreesOfFreedom, XDimension, YDimension,
        TrueMutualInformation.Nats);

    // g(d) = ln Γ(ν/2) − ln Γ((ν + d)/2) + ((ν + d)/2) [ψ((ν + d)/2) − ψ(ν/2)]: the entropy of the d-dimensional t minus
    // ½ ln det(νπΣ) (Arellano-Valle et al. 2013).
    private static double EntropyShapeTerm(double nu, int d)
    {
        double half = 0.5 * nu, shifted = 0.5 * (nu + d);
        return SpecialFunctions.GammaLn(half) - SpecialFunctions.GammaLn(shifted)
            + (shifted * (SpecialFunctions.DiGamma(shifted) - SpecialFunctions.DiGamma(half)));
    }

    private static void Scale(Span<double> values, double factor)
    {
        for (int j = 0; j < values.Length; j++)
        {
            values[j] *= factor;
        }
    }
}
