using System.Globalization;
using InfoTheory.Internal;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Factorization;

namespace InfoTheory.Bottleneck;

/// <summary>
/// The information bottleneck of jointly Gaussian X and Y in closed form (Chechik, Globerson, Tishby &amp;
/// Weiss 2005, "Information Bottleneck for Gaussian Variables", JMLR 6): the optimal T = AX + ξ projects X
/// on the left eigenvectors vᵢ of Σ_{x|y}Σ_x⁻¹, whose eigenvalues 0 ≤ λ₁ ≤ λ₂ ≤ … ≤ 1 are 1 − ρᵢ² for the
/// canonical correlations ρᵢ of X and Y.
/// </summary>
/// <remarks>
/// <para>
/// Component i is used once β exceeds its critical value βᵢ = 1/(1 − λᵢ). With n(β) active components,
/// I(T;X) = ½ Σᵢ ln((β − 1)(1 − λᵢ)/λᵢ) and I(T;Y) = I(T;X) − ½ Σᵢ ln(β(1 − λᵢ)), in nats; as β → ∞,
/// I(T;Y) → I(X;Y) = −½ Σ ln λᵢ. The projection's rows are αᵢvᵢᵀ with αᵢ = √((β(1 − λᵢ) − 1)/(λᵢ vᵢᵀΣ_x vᵢ)).
/// </para>
/// <para>Eigenvalues of 0 (a component of X that Y determines exactly) give unbounded information and are rejected.</para>
/// </remarks>
public sealed class GaussianInformationBottleneck
{
    private readonly double[] _eigenvalues;
    private readonly double[][] _directions;
    private readonly double[] _scales;

    private GaussianInformationBottleneck(double[] eigenvalues, double[][] directions, double[] scales)
    {
        _eigenvalues = eigenvalues;
        _directions = directions;
        _scales = scales;
    }

    /// <summary>The eigenvalues λᵢ of Σ_{x|y}Σ_x⁻¹, ascending (the most informative direction first).</summary>
    public ReadOnlySpan<double> Eigenvalues => _eigenvalues;

    /// <summary>The critical values βᵢ = 1/(1 − λᵢ) at which each component switches on (+∞ for λ = 1: a direction that carries nothing about Y).</summary>
    public double[] CriticalBetas() => Array.ConvertAll(_eigenvalues, l => 1 / (1 - l));

    /// <summary>I(X;Y) = −½ Σ ln λᵢ: the limit of I(T;Y) as β → ∞.</summary>
    public Information MutualInformation => Information.FromNats(-0.5 * _eigenvalues.Sum(Math.Log));

    /// <summary>Builds the solution from the covariance of the joint vector (X, Y).</summary>
    /// <param name="covariance">The (dx + dy) × (dx + dy) covariance, X's coordinates first; symmetric positive definite.</param>
    /// <param name="xDimensions">dx, the number of coordinates of X (1 ≤ dx &lt; the size of the matrix).</param>
    /// <returns>The eigenstructure of the problem.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="covariance"/> is null.</exception>
    /// <exception cref="ArgumentException">The matrix is not square, not symmetric, not positive definite, or Y determines a direction of X exactly.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="xDimensions"/> leaves no coordinate for X or for Y.</exception>
    public static GaussianInformationBottleneck FromCovariance(double[,] covariance, int xDimensions)
    {
        ArgumentNullException.ThrowIfNull(covariance);
        int d = covariance.GetLength(0);
        if (covariance.GetLength(1) != d)
        {
            ThrowHelper.ArgumentException(nameof(covariance), $"covariance must be square, got {d} × {covariance.GetLength(1)}.");
        }

        if (xDimensions < 1 || xDimensions >= d)
        {
            ThrowHelper.ArgumentOutOfRange(nameof(xDimensions), xDimensions, $"xDimensions must be between 1 and {d - 1} so that X and Y each have a coordinate, got {xDimensions}.");
        }

        for (int i = 0; i < d; i++)
        {
            for (int j = 0; j < d; j++)
            {
                double a = covariance[i, j], b = covariance[j, i];
                if (!double.IsFinite(a) || Math.Abs(a - b) > 1e-12 * Math.Max(1, Math.Abs(a)))
                {
                    ThrowHelper.ArgumentException(nameof(covariance), string.Create(CultureInfo.InvariantCulture, $"covariance must be finite and symmetric; entries ({i}, {j}) and ({j}, {i}) are {a} and {b}."));
                }
            }
        }

        // The problem is invariant under rescaling each coordinate (M below is unchanged by Σ → DΣD for diagonal D > 0),
        // so it is solved on the correlation matrix and the directions are mapped back: covariances at 1e±300 would
        // otherwise overflow or underflow in Σ_xy Σ_y⁻¹ Σ_yx.
        double[] sd = new double[d];
        for (int i = 0; i < d; i++)
        {
            if (!(covariance[i, i] > 0))
            {
                ThrowHelper.ArgumentException(nameof(covariance), string.Create(CultureInfo.InvariantCulture,
                    $"covariance is not positive definite: the variance of coordinate {i} is {covariance[i, i]}, not > 0."));
            }

            sd[i] = Math.Sqrt(covariance[i, i]);
        }

        Matrix<double> all = Matrix<double>.Build.Dense(d, d, (i, j) => covariance[i, j] / sd[i] / sd[j]);
        int dx = xDimensions, dy = d - dx;
        Matrix<double> sx = all.SubMatrix(0, dx, 0, dx), sxy = all.SubMatrix(0, dx, dx, dy), sy = all.SubMatrix(dx, dy, dx, dy);
        Matrix<double> lx, conditional;
        try
        {
            lx = sx.Cholesky().Factor;
            conditional = sx - (sxy * sy.Cholesky().Solve(sxy.Transpose()));
        }
        catch (Exception e) when (e is ArgumentException or ArithmeticException or MathNet.Numerics.NonConvergenceException)
        {
            throw new ArgumentException("covariance is not positive definite (a variable has zero variance or is a linear function of the others).", nameof(covariance), e);
        }

        // M = L⁻¹ Σ_{x|y} L⁻ᵀ is symmetric with the eigenvalues of Σ_{x|y}Σ_x⁻¹; v = L⁻ᵀ u are its left eigenvectors.
        // Entries near the ends of the double range overflow in these products; that, and any failure of the eigen
        // solver, is reported as a property of the covariance rather than escaping as a linear-algebra exception.
        Matrix<double> lInverse, m;
        Evd<double> evd;
        double[] lambda;
        try
        {
            lInverse = lx.Inverse();
            m = lInverse * conditional * lInverse.Transpose();
            m = (m + m.Transpose()) * 0.5;
            if (!m.ForAll(double.IsFinite))
            {
                throw new ArgumentException("non-finite");
            }

            evd = m.Evd(Symmetricity.Symmetric);
            lambda = evd.EigenValues.Select(c => c.Real).ToArray();
        }
        catch (Exception e) when (e is ArgumentException or ArithmeticException or MathNet.Numerics.NonConvergenceException)
        {
            throw new ArgumentException(
                "covariance is too ill-conditioned for the eigen decomposition of Σ_{x|y}Σ_x⁻¹ (its entries span too wide a range, or X is close to a linear function of Y); rescale the variables.",
                nameof(covariance), e);
        }

        if (!lambda.All(double.IsFinite) || !evd.EigenVectors.ForAll(double.IsFinite))
        {
            ThrowHelper.ArgumentException(nameof(covariance), "covariance is too ill-conditioned: the eigen decomposition of Σ_{x|y}Σ_x⁻¹ is not finite; rescale the variables.");
        }
        int[] order = Enumerable.Range(0, dx).OrderBy(i => lambda[i]).ToArray();
        double[] eigenvalues = new double[dx];
        double[][] directions = new double[dx][];
        double[] scales = new double[dx];
        for (int k = 0; k < dx; k++)
        {
            double l = Math.Clamp(lambda[order[k]], 0, 1);
            if (l <= 1e-14)
            {
                ThrowHelper.ArgumentException(nameof(covariance), "Y determines a direction of X exactly (an eigenvalue of Σ_{x|y}Σ_x⁻¹ is 0), so I(X;Y) is infinite.");
            }

            eigenvalues[k] = l;
            Vector<double> v = lInverse.Transpose() * evd.EigenVectors.Column(order[k]);
            directions[k] = new double[dx];
            for (int i = 0; i < dx; i++)
            {
                directions[k][i] = v[i] / sd[i];
            }

            scales[k] = v * sx * v;
        }

        return new GaussianInformationBottleneck(eigenvalues, directions, scales);
    }

    /// <summary>The left eigenvector vᵢ (a direction in X-space) of component i, in the order of <see cref="Eigenvalues"/>.</summary>
    /// <param name="component">The component index.</param>
    /// <returns>A copy of the direction.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="component"/> is not between 0 and dx − 1.</exception>
    public double[] Direction(int component)
    {
        CheckComponent(component);
        return (double[])_directions[component].Clone();
    }

    /// <summary>The optimal weight αᵢ of component i at β (0 below its critical β).</summary>
    /// <param name="component">The component index.</param>
    /// <param name="beta">The trade-off β ≥ 0.</param>
    /// <returns>αᵢ = √((β(1 − λᵢ) − 1)/(λᵢ vᵢᵀΣ_x vᵢ)), or 0 when β ≤ βᵢ.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="component"/> is not between 0 and dx − 1, or <paramref name="beta"/> is negative, infinite or NaN.</exception>
    public double Weight(int component, double beta)
    {
        CheckComponent(component);
        CheckBeta(beta);
        double l = _eigenvalues[component];
        double numerator = (beta * (1 - l)) - 1;
        return numerator <= 0 ? 0 : Math.Sqrt(numerator / (l * _scales[component]));
    }

    /// <summary>The point (I(T;X), I(T;Y)) of the optimal curve at β.</summary>
    /// <param name="beta">The trade-off β ≥ 0.</param>
    /// <returns>Both informations; zero below the first critical β.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="beta"/> is negative, infinite or NaN.</exception>
    public (Information InputInformation, Information LabelInformation) Point(double beta)
    {
        CheckBeta(beta);
        double ix = 0, iy = 0;
        foreach (double l in _eigenvalues)
        {
            if (beta * (1 - l) > 1)
            {
                double term = 0.5 * Math.Log((beta - 1) * (1 - l) / l);
                ix += term;
                iy += term - (0.5 * Math.Log(beta * (1 - l)));
            }
        }

        return (Information.FromNats(ix), Information.FromNats(iy));
    }

    private void CheckComponent(int component)
    {
        if ((uint)component >= (uint)_eigenvalues.Length)
        {
            ThrowHelper.ArgumentOutOfRange(nameof(component), component, string.Create(CultureInfo.InvariantCulture,
                $"component must be between 0 and {_eigenvalues.Length - 1} (one per coordinate of X), got {component}."));
        }
    }

    private static void CheckBeta(double beta)
    {
        if (!(beta >= 0) || double.IsPositiveInfinity(beta))
        {
            ThrowHelper.ArgumentOutOfRange(nameof(beta), beta, $"beta must be finite and ≥ 0, got {beta}.");
        }
    }
}
