using System.Globalization;
using InfoTheory.Continuous;
using InfoTheory.Internal;
using MathNet.Numerics.LinearAlgebra;

namespace InfoTheory.Kernel;

/// <summary>
/// A Gaussian mixture p(x) = Σₖ wₖ N(x; μₖ, Σₖ) on ℝᵈ, with the closed forms of its quadratic (Rényi α = 2) entropy and of
/// the Cauchy-Schwarz divergence between two mixtures (Kampa, Hasanbelliu &amp; Príncipe 2011, "Closed-form
/// Cauchy-Schwarz PDF divergence for mixture of Gaussians", IJCNN). Immutable and thread-safe.
/// </summary>
/// <remarks>
/// Everything rests on ∫ N(x; a, A) N(x; b, B) dx = N(a; b, A + B). So ∫pq = Σᵢⱼ wᵢ vⱼ N(μᵢ; νⱼ, Σᵢ + Λⱼ), a double sum over
/// the components: O(kₚ k_q d³) (O(kₚ k_q d) when both mixtures are isotropic). Sums are taken in log space
/// (log-sum-exp) so far-apart components do not underflow. A Parzen estimate with a Gaussian window of width σ is the
/// mixture <see cref="Parzen"/>(samples, σ), which makes these closed forms exact oracles for the sample estimators.
/// </remarks>
public sealed class GaussianMixture
{
    private readonly double[] _logWeights;
    private readonly double[][] _means;
    private readonly Matrix<double>[]? _covariances;
    private readonly double[]? _variances;

    private GaussianMixture(double[] logWeights, double[][] means, Matrix<double>[]? covariances, double[]? variances)
    {
        _logWeights = logWeights;
        _means = means;
        _covariances = covariances;
        _variances = variances;
    }

    /// <summary>The number of components.</summary>
    public int Components => _means.Length;

    /// <summary>The dimension d.</summary>
    public int Dimension => _means[0].Length;

    /// <summary>A mixture with full covariance matrices.</summary>
    /// <param name="weights">Component weights, finite, ≥ 0, summing to 1 within 1e-9·k.</param>
    /// <param name="means">One mean per component, all of the same dimension d ≥ 1, finite.</param>
    /// <param name="covariances">One symmetric positive-definite d × d covariance per component.</param>
    /// <returns>A validated copy.</returns>
    /// <exception cref="ArgumentNullException">An array is null.</exception>
    /// <exception cref="ArgumentException">Counts or dimensions disagree, weights are not a distribution, or a covariance is not symmetric positive definite.</exception>
    public static GaussianMixture Create(ReadOnlySpan<double> weights, double[][] means, double[][,] covariances)
    {
        ArgumentNullException.ThrowIfNull(covariances);
        double[][] copies = Means(weights, means);
        Check.SameLength(means.Length, covariances.Length);
        int d = copies[0].Length;
        var matrices = new Matrix<double>[copies.Length];
        for (int k = 0; k < copies.Length; k++)
        {
            double[,] c = covariances[k] ?? throw new ArgumentNullException(nameof(covariances));
            if (c.GetLength(0) != d || c.GetLength(1) != d)
            {
                ThrowHelper.ArgumentException(nameof(covariances), string.Format(CultureInfo.InvariantCulture,
                    "covariances[{0}] is {1} × {2}; the means have dimension {3}.", k, c.GetLength(0), c.GetLength(1), d));
            }

            matrices[k] = Matrix<double>.Build.DenseOfArray(c);
            if (!matrices[k].IsSymmetric() || !IsPositiveDefinite(matrices[k]))
            {
                ThrowHelper.ArgumentException(nameof(covariances), string.Format(CultureInfo.InvariantCulture,
                    "covariances[{0}] is not symmetric positive definite.", k));
            }
        }

        return new GaussianMixture(LogWeights(weights), copies, matrices, null);
    }

    /// <summary>A mixture of isotropic components N(μₖ, sₖ I).</summary>
    /// <param name="weights">Component weights, finite, ≥ 0, summing to 1 within 1e-9·k.</param>
    /// <param name="means">One mean per component, all of the same dimension d ≥ 1, finite.</param>
    /// <param name="variances">One variance sₖ &gt; 0 per component.</param>
    /// <returns>A validated copy.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="means"/> or a mean is null.</exception>
    /// <exception cref="ArgumentException">Counts or dimensions disagree, weights are not a distribution, or a variance is not finite and &gt; 0.</exception>
    public static GaussianMixture Isotropic(ReadOnlySpan<double> weights, double[][] means, ReadOnlySpan<double> variances)
    {
        double[][] copies = Means(weights, means);
        Check.SameLength(means.Length, variances.Length);
        foreach (double v in variances)
        {
            if (!(v > 0) || !double.IsFinite(v))
            {
                ThrowHelper.ArgumentOutOfRange_NotPositive(nameof(variances), v);
            }
        }

        return new GaussianMixture(LogWeights(weights), copies, null, variances.ToArray());
    }

    /// <summary>The Parzen-window density of <paramref name="samples"/>: (1/n) Σᵢ N(xᵢ, σ² I).</summary>
    /// <param name="samples">The n samples (the component means).</param>
    /// <param name="bandwidth">The window width σ &gt; 0.</param>
    /// <returns>An isotropic mixture with n equal weights.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="samples"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="bandwidth"/> is not finite and &gt; 0.</exception>
    public static GaussianMixture Parzen(SampleMatrix samples, double bandwidth)
    {
        ArgumentNullException.ThrowIfNull(samples);
        if (!(bandwidth > 0) || !double.IsFinite(bandwidth))
        {
            ThrowHelper.ArgumentOutOfRange_NotPositive(nameof(bandwidth), bandwidth);
        }

        int n = samples.Rows;
        double[][] means = new double[n][];
        double[] logWeights = new double[n], variances = new double[n];
        for (int i = 0; i < n; i++)
        {
            means[i] = samples.Row(i).ToArray();
            logWeights[i] = -Math.Log(n);
            variances[i] = bandwidth * bandwidth;
        }

        return new GaussianMixture(logWeights, means, null, variances);
    }

    /// <summary>The quadratic Rényi entropy H₂(p) = −ln ∫ p(x)² dx, in nats (a differential entropy: may be negative).</summary>
    /// <returns>H₂; for one component N(μ, Σ), ½ ln det(4π Σ).</returns>
    public Information QuadraticRenyiEntropy() => Information.FromNats(-LogOverlap(this, this));

    /// <summary>ln ∫ p(x) q(x) dx, the log cross information potential of two mixtures.</summary>
    /// <param name="p">The first mixture.</param>
    /// <param name="q">The second mixture, of the same dimension.</param>
    /// <returns>The logarithm of the overlap integral.</returns>
    /// <exception cref="ArgumentNullException">A mixture is null.</exception>
    /// <exception cref="ArgumentException">The dimensions differ.</exception>
    public static double LogOverlapIntegral(GaussianMixture p, GaussianMixture q)
    {
        RequirePair(p, q);
        return LogOverlap(p, q);
    }

    /// <summary>
    /// D_CS(p‖q) = −ln(∫pq / √(∫p² ∫q²)) in nats, in closed form (Kampa, Hasanbelliu &amp; Príncipe 2011).
    /// </summary>
    /// <param name="p">The first mixture.</param>
    /// <param name="q">The second mixture, of the same dimension.</param>
    /// <returns>D_CS ≥ 0, symmetric, 0 exactly when p = q.</returns>
    /// <exception cref="ArgumentNullException">A mixture is null.</exception>
    /// <exception cref="ArgumentException">The dimensions differ.</exception>
    public static Information CauchySchwarzDivergence(GaussianMixture p, GaussianMixture q)
    {
        RequirePair(p, q);
        return Information.FromNats(-LogOverlap(p, q) + (0.5 * LogOverlap(p, p)) + (0.5 * LogOverlap(q, q)));
    }

    private static void RequirePair(GaussianMixture p, GaussianMixture q)
    {
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(q);
        if (p.Dimension != q.Dimension)
        {
            ThrowHelper.ArgumentException(nameof(q), string.Format(CultureInfo.InvariantCulture,
                "q has dimension {0} but p has {1}.", q.Dimension, p.Dimension));
        }
    }

    private static double LogOverlap(GaussianMixture p, GaussianMixture q)
    {
        int d = p.Dimension;
        double[] terms = new double[p.Components * q.Components];
        for (int i = 0; i < p.Components; i++)
        {
            for (int j = 0; j < q.Components; j++)
            {
                terms[(i * q.Components) + j] = p._logWeights[i] + q._logWeights[j] + LogDensityOfDifference(p, i, q, j, d);
            }
        }

        return Primitives.InformationPrimitives.LogSumExp(terms);
    }

    /// <summary>ln N(μᵢ; νⱼ, Σᵢ + Λⱼ).</summary>
    private static double LogDensityOfDifference(GaussianMixture p, int i, GaussianMixture q, int j, int d)
    {
        double[] a = p._means[i], b = q._means[j];
        if (p._variances is not null && q._variances is not null)
        {
            double s = p._variances[i] + q._variances[j], squared = 0;
            for (int k = 0; k < d; k++)
            {
                double difference = a[k] - b[k];
                squared += difference * difference;
            }

            return (-0.5 * d * Math.Log(2 * Math.PI * s)) - (0.5 * squared / s);
        }

        Matrix<double> sum = Covariance(p, i, d) + Covariance(q, j, d);
        var cholesky = sum.Cholesky();
        var delta = Vector<double>.Build.Dense(d, k => a[k] - b[k]);
        Vector<double> solved = cholesky.Solve(delta);
        return (-0.5 * d * Math.Log(2 * Math.PI)) - (0.5 * cholesky.DeterminantLn) - (0.5 * delta.DotProduct(solved));
    }

    private static Matrix<double> Covariance(GaussianMixture m, int k, int d) =>
        m._covariances is not null ? m._covariances[k] : Matrix<double>.Build.DenseIdentity(d) * m._variances![k];

    private static bool IsPositiveDefinite(Matrix<double> m)
    {
        try
        {
            _ = m.Cholesky();
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static double[][] Means(ReadOnlySpan<double> weights, double[][] means)
    {
        ArgumentNullException.ThrowIfNull(means);
        Check.SameLength(weights.Length, means.Length);
        if (means.Length == 0)
        {
            ThrowHelper.ArgumentException(nameof(means), "A mixture needs at least one component.");
        }

        Check.Distribution(weights, nameof(weights), "the vector of mixture weights", -1, normalize: false, canNormalize: false);
        double[][] copies = new double[means.Length][];
        for (int k = 0; k < means.Length; k++)
        {
            double[] mean = means[k] ?? throw new ArgumentNullException(nameof(means));
            if (mean.Length == 0 || mean.Length != means[0].Length)
            {
                ThrowHelper.ArgumentException(nameof(means), string.Format(CultureInfo.InvariantCulture,
                    "means[{0}] has dimension {1}; every mean needs the same dimension ≥ 1 (means[0] has {2}).", k, mean.Length, means[0].Length));
            }

            foreach (double v in mean)
            {
                if (!double.IsFinite(v))
                {
                    ThrowHelper.ArgumentException(nameof(means), "means must be finite.");
                }
            }

            copies[k] = (double[])mean.Clone();
        }

        return copies;
    }

    private static double[] LogWeights(ReadOnlySpan<double> weights)
    {
        double[] result = new double[weights.Length];
        for (int k = 0; k < weights.Length; k++)
        {
            result[k] = Math.Log(weights[k]);
        }

        return result;
    }
}
