using System.Globalization;
using InfoTheory.Internal;

namespace InfoTheory.Continuous;

/// <summary>
/// Mutual information by the Gaussian-surrogate correction of a k-NN estimator: the recommended default for
/// continuous MI. I = I_G(R) + Î(data) − mean over s of Î(surrogate s), where every column is first replaced by its
/// normal scores (<see cref="NormalScores"/>), R is the correlation matrix of the scores, I_G(R) is the exact MI of
/// N(0, R), Î is a k-NN estimator (<see cref="BaseEstimator"/>), and surrogate s is a seeded sample of the same size
/// drawn from N(0, R).
/// </summary>
/// <remarks>
/// <para>
/// Why it works. MI is invariant under strictly increasing maps of each column, so the normal scores carry the same
/// MI as the data with Gaussian marginals; what remains is the copula. k-NN estimators such as KSG are biased low
/// when the dependence is strong or spread over many dimensions (Gao, Ver Steeg &amp; Galstyan 2015; Czyż et al. 2023,
/// "Beyond Normal"), and the bias depends mostly on n, k, the dimensions and the strength of the dependence. The
/// surrogate has the same n, dimensions and Gaussian part of the dependence as the scores and a known MI, I_G(R), so
/// Î(surrogate) − I_G(R) measures the estimator's error on the Gaussian part, and subtracting it removes that error
/// from Î(data). On Gaussian-copula data the estimate is therefore I_G(R) plus noise, whatever the marginals; on data
/// whose dependence departs from a Gaussian copula, Î(data) − Î(surrogate) keeps the non-Gaussian difference that
/// the k-NN estimator sees.
/// </para>
/// <para>
/// Where it does not help. When the dependence is far from a Gaussian copula — a spiral, a ring, dependence through
/// the variance only — R carries little of it, the surrogate's error is not the data's error, and the result is
/// about as biased as <see cref="BaseEstimator"/> on the scores (it is never worse than that by more than the
/// surrogate's noise). It also inherits the base estimator's variance plus that of the surrogate average, which
/// <see cref="Surrogates"/> reduces.
/// </para>
/// <para>
/// Constant columns carry no information and are dropped; if X or Y has no varying column the estimate is 0. When the
/// scores of X and Y are collinear (a column of Y is a strictly monotone function of one of X, say) R is singular and
/// the estimate is +∞, the true MI of such data.
/// Ties in the data become equal scores (mid-ranks) and are then handled by the base estimator's tie option.
/// Randomness: surrogate s is drawn from its own stream of a generator seeded by <see cref="Seed"/>, so the
/// result is the same bits for the same input and seed. Cost: (1 + <see cref="Surrogates"/>) runs of the base
/// estimator plus O(n d²) for the correlation matrix and the draws. Negative estimates are possible and are not
/// clipped.
/// </para>
/// </remarks>
public sealed class HybridMutualInformation : IMultivariateMutualInformationEstimator, IMutualInformationEstimator<double, double>
{
    private readonly int _surrogates = 3;

    /// <summary>Creates the estimator with a given k-NN estimator, applied to the normal scores of the data and of the surrogates.</summary>
    /// <param name="baseEstimator">The estimator whose Gaussian-part error is corrected; it sees standard-normal marginals, so it needs no scaling of its own.</param>
    /// <exception cref="ArgumentNullException"><paramref name="baseEstimator"/> is null.</exception>
    public HybridMutualInformation(IMultivariateMutualInformationEstimator baseEstimator)
    {
        ArgumentNullException.ThrowIfNull(baseEstimator);
        BaseEstimator = baseEstimator;
    }

    /// <summary>The estimator applied to the scores and to the surrogates.</summary>
    public IMultivariateMutualInformationEstimator BaseEstimator { get; }

    /// <summary>The number of surrogate samples averaged (default 3, at least 1).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public int Surrogates
    {
        get => _surrogates;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1, nameof(Surrogates));
            _surrogates = value;
        }
    }

    /// <summary>The seed of the surrogate draws (default 0).</summary>
    public int Seed { get; init; }

    /// <inheritdoc/>
    public Information Estimate(SampleMatrix x, SampleMatrix y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Rows != y.Rows)
        {
            ThrowHelper.ArgumentException(nameof(y), string.Format(CultureInfo.InvariantCulture,
                "x has {0} rows but y has {1}; the samples must be paired row by row.", x.Rows, y.Rows));
        }

        SampleMatrix? sx = VaryingScores(x);
        SampleMatrix? sy = VaryingScores(y);
        if (sx is null || sy is null)
        {
            return Information.Zero;
        }

        int n = x.Rows;
        int dx = sx.Columns;
        int dy = sy.Columns;
        if (n < dx + dy + 1)
        {
            ThrowHelper.ArgumentException(nameof(x), string.Format(CultureInfo.InvariantCulture,
                "The hybrid estimate over {0} varying dimension(s) in all needs at least {1} samples, got {2}.", dx + dy, dx + dy + 1, n));
        }

        GaussianModel model = GaussianModel.FromSamples([sx, sy], [nameof(x), nameof(y)]);
        int[] xi = GaussianModel.Range(0, dx);
        int[] yi = GaussianModel.Range(dx, dy);
        Information gaussian = GaussianFormulas.MutualInformation(model, xi, yi, nameof(x), nameof(x), nameof(y), nameof(y));
        if (double.IsPositiveInfinity(gaussian.Nats))
        {
            // The scores are collinear: some column of Y is a monotone function of X's (or the reverse), so MI is infinite.
            return gaussian;
        }

        double data = BaseEstimator.Estimate(sx, sy).Nats;
        // R passed the positive-definiteness check of the MI above, so its factor exists.
        model.TryCholesky(GaussianModel.Range(0, dx + dy), out double[] factor, out _);
        double surrogate = 0;
        for (int s = 0; s < _surrogates; s++)
        {
            (SampleMatrix gx, SampleMatrix gy) = DrawSurrogate(factor, n, dx, dy, new StreamRandom(Seed, s));
            surrogate += BaseEstimator.Estimate(NormalScores.Transform(gx), NormalScores.Transform(gy)).Nats;
        }

        return Information.FromNats(gaussian.Nats + data - (surrogate / _surrogates));
    }

    /// <inheritdoc/>
    public Information Estimate(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        Check.SameLength(x.Length, y.Length);
        return Estimate(SampleMatrix.FromRowMajor(x, 1, nameof(x)), SampleMatrix.FromRowMajor(y, 1, nameof(y)));
    }

    /// <summary>The normal scores of the columns that vary, or null when none does.</summary>
    private static SampleMatrix? VaryingScores(SampleMatrix samples)
    {
        SampleMatrix scores = NormalScores.Transform(samples);
        var varying = new List<int>(scores.Columns);
        ReadOnlySpan<double> data = scores.Data.Span;
        int d = scores.Columns;
        for (int j = 0; j < d; j++)
        {
            // A constant column has every score equal to Φ⁻¹(½) = 0; any other column has two distinct scores.
            for (int i = 0; i < scores.Rows; i++)
            {
                if (data[(i * d) + j] != 0)
                {
                    varying.Add(j);
                    break;
                }
            }
        }

        return varying.Count == 0 ? null : varying.Count == d ? scores : scores.SelectColumns(varying.ToArray());
    }

    /// <summary>n draws of N(0, L Lᵀ), split into the first dx and the last dy coordinates.</summary>
    private static (SampleMatrix X, SampleMatrix Y) DrawSurrogate(double[] factor, int n, int dx, int dy, StreamRandom random)
    {
        int m = dx + dy;
        double[] gx = new double[n * dx];
        double[] gy = new double[n * dy];
        double[] z = new double[m];
        for (int i = 0; i < n; i++)
        {
            for (int a = 0; a < m; a++)
            {
                z[a] = StandardNormal(ref random);
            }

            for (int a = 0; a < m; a++)
            {
                double value = 0;
                for (int k = 0; k <= a; k++)
                {
                    value += factor[(a * m) + k] * z[k];
                }

                if (a < dx)
                {
                    gx[(i * dx) + a] = value;
                }
                else
                {
                    gy[(i * dy) + a - dx] = value;
                }
            }
        }

        return (SampleMatrix.FromRowMajor(gx, dx), SampleMatrix.FromRowMajor(gy, dy));
    }

    /// <summary>A standard normal draw by the Box-Muller transform (one of the pair is used, for simplicity).</summary>
    private static double StandardNormal(ref StreamRandom random)
    {
        // Uniforms in (0, 1]: 53 random bits, offset so that the logarithm is finite.
        double u1 = ((random.NextUInt64() >> 11) + 1) * (1.0 / (1UL << 53));
        double u2 = (random.NextUInt64() >> 11) * (1.0 / (1UL << 53));
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
