using System.Globalization;
using InfoTheory.Internal;

namespace InfoTheory.Continuous;

/// <summary>
/// Mutual information by the Gaussian-surrogate correction of a k-NN estimator: the recommended default for
/// continuous MI. Every column is first replaced by its normal scores (<see cref="NormalScores"/>); R is the
/// correlation matrix of the scores; Î is a k-NN estimator (<see cref="BaseEstimator"/>); and surrogate s is a sample of
/// the same size drawn from N(0, R), whose MI I_G(R) is known exactly. The estimate is Î(data) minus the mean error of Î
/// on the surrogates: I = Î(data) − mean over s of [Î(surrogate s) − I_G(R) − c·(Ĝ_s − I_G(R))], where Ĝ_s is the
/// bias-corrected Gaussian MI of surrogate s's own scores and c is a control-variate coefficient fitted on the surrogates.
/// <see cref="EstimateWithError"/> also returns a standard error.
/// </summary>
/// <remarks>
/// <para>
/// Why it works. MI is invariant under strictly increasing maps of each column, so the normal scores carry the same
/// MI as the data with Gaussian marginals; what remains is the copula. k-NN estimators such as KSG are biased low
/// when the dependence is strong or spread over many dimensions (Gao, Ver Steeg &amp; Galstyan 2015; Czyż et al. 2023,
/// "Beyond Normal"), and the bias depends mostly on n, k, the dimensions and the strength of the dependence. The
/// surrogate has the same n, dimensions and Gaussian part of the dependence as the scores and a known MI, I_G(R), so
/// Î(surrogate) − I_G(R) measures the estimator's error on the Gaussian part, and subtracting it removes that error
/// from Î(data). On Gaussian-copula data the estimate is therefore unbiased up to the surrogates' noise, whatever the
/// marginals; on data whose dependence departs from a Gaussian copula, Î(data) − Î(surrogate) keeps the non-Gaussian
/// difference that the k-NN estimator sees.
/// </para>
/// <para>
/// The surrogates' noise. Each surrogate's error is a random draw; averaged over few surrogates it is a bias repeated on
/// every data set with a similar R. Three measures keep it small. (1) The surrogates are seeded from
/// <see cref="Seed"/> and a hash of the normal scores, so two data sets do not share their surrogates (and the result
/// is still a pure function of the scores and the seed, and invariant under increasing maps of the columns). (2) A
/// control variate: much of a surrogate's error comes from its own sample correlation differing from R; Ĝ_s − I_G(R)
/// measures that part (its expectation is 0 to O(n⁻²), the bias-corrected Gaussian MI being unbiased for the
/// sample covariance), and c, the regression slope of Î(surrogate) on Ĝ_s over the surrogates (clipped to [0, 1]),
/// removes it — in one or two dimensions the k-NN estimate follows the sample correlation closely (c ≈ 1) and the
/// correction's variance about halves; in many dimensions it does not (c ≈ 0.3) and little is removed.
/// (3) Adaptive count: unless <see cref="Surrogates"/> fixes it, surrogates are drawn (at least
/// <see cref="MinimumAdaptiveSurrogates"/>, at most <see cref="MaxSurrogates"/>) until the standard error of the
/// correction is at most 0.3 of the spread of Î over the surrogates — the spread Î has at this n and R, the stand-in
/// for the data estimate's own — so the correction adds at most about 4% to the estimate's variance.
/// </para>
/// <para>
/// Standard error (<see cref="EstimateWithError"/>). The data term's spread is measured by a delete-a-group jackknife
/// over five random groups of the rows (Î on each 4/5 of the data, with the linear response of the correction to
/// the groups' sample correlation, 1 − c times the change of the Gaussian MI); the jackknife errs on the wide side
/// (Efron &amp; Stein 1981). The correction's standard error is added in quadrature. The error bar covers sampling
/// noise only: where the estimator is biased (a spiral or other dependence far from a Gaussian copula, see below),
/// the error can be many standard errors. Cost: five more runs of <see cref="BaseEstimator"/> on 4/5 of the rows.
/// </para>
/// <para>
/// Where it does not help. When the dependence is far from a Gaussian copula — a spiral, a ring, dependence through
/// the variance only — R carries little of it, the surrogate's error is not the data's error, and the result is
/// about as biased as <see cref="BaseEstimator"/> on the scores (it is never worse than that by more than the
/// surrogates' noise). Additive uniform noise of small width is another such case: the k-NN estimator is low on the
/// band-shaped data and high on its Gaussian surrogate, so the correction points the wrong way (about −0.08 nats at
/// n = 1000 on Y = X + U(−0.1, 0.1)).
/// </para>
/// <para>
/// Constant columns carry no information and are dropped; if X or Y has no varying column the estimate is 0. When the
/// scores of X and Y are collinear (a column of Y is a strictly monotone function of one of X, say) R is singular and
/// the estimate is +∞, the true MI of such data.
/// Ties in the data become equal scores (mid-ranks) and are then handled by the base estimator's tie option. When a
/// column has fewer distinct values than half its rows (a discrete label, a zero-inflated or heavily rounded column),
/// no surrogates are drawn and the estimate is the base estimator on the scores: Gaussian surrogates have no atoms, so
/// their error is not the data's (measured: on a 4-label X with a continuous Y the correction moved the estimate 0.02
/// nats away from the truth, where the base estimator was unbiased).
/// Randomness: the result is the same bits for the same input and seed. Cost: (1 + the number of surrogates, between
/// 4 and 12 by default) runs of the base estimator plus O(n d²) for the correlation matrices and the draws. Negative
/// estimates are possible and are not clipped.
/// </para>
/// </remarks>
public sealed class HybridMutualInformation : IMultivariateMutualInformationEstimator, IMutualInformationEstimator<double, double>
{
    /// <summary>The fewest surrogates the adaptive rule draws (4): enough for a first spread and a control-variate slope.</summary>
    public const int MinimumAdaptiveSurrogates = 4;

    /// <summary>The adaptive rule stops when the correction's standard error is at most this share of Î's spread.</summary>
    private const double CorrectionShare = 0.3;

    /// <summary>The number of row groups of the jackknife standard error.</summary>
    private const int JackknifeGroups = 5;

    /// <summary>The stream of the generator that assigns rows to jackknife groups (surrogate s uses stream s).</summary>
    private const int JackknifeStream = int.MaxValue;

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

    /// <summary>
    /// A fixed number of surrogates (at least 1), or null (the default) for the adaptive count between
    /// <see cref="MinimumAdaptiveSurrogates"/> and <see cref="MaxSurrogates"/> described in the remarks. With fewer than
    /// 3 surrogates there is no control variate (c = 0); with 1 the correction's standard error is taken to be the data
    /// term's (one surrogate's error is as noisy as one estimate).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public int? Surrogates
    {
        get;
        init => field = value is { } count ? Settings.AtLeast(count, 1, nameof(Surrogates)) : null;
    }

    /// <summary>The most surrogates the adaptive count draws (default 12, at least <see cref="MinimumAdaptiveSurrogates"/>); ignored when <see cref="Surrogates"/> is set.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than <see cref="MinimumAdaptiveSurrogates"/>.</exception>
    public int MaxSurrogates
    {
        get;
        init => field = Settings.AtLeast(value, MinimumAdaptiveSurrogates, nameof(MaxSurrogates));
    } = 12;

    /// <summary>The seed of the surrogate draws and of the jackknife groups (default 0), combined with a hash of the data's normal scores.</summary>
    public int Seed { get; init; }

    /// <inheritdoc/>
    public Information Estimate(SampleMatrix x, SampleMatrix y) => Run(x, y, withError: false).Value;

    /// <inheritdoc/>
    public Information Estimate(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        Check.SameLength(x.Length, y.Length);
        return Estimate(SampleMatrix.FromRowMajor(x, 1, nameof(x)), SampleMatrix.FromRowMajor(y, 1, nameof(y)));
    }

    /// <summary>
    /// The estimate with its standard error and its parts. <see cref="HybridEstimate.Value"/> is the same bits as
    /// <see cref="Estimate(SampleMatrix, SampleMatrix)"/>; the error bar costs five more runs of the base estimator on
    /// 4/5 of the rows (see the remarks).
    /// </summary>
    /// <param name="x">The samples of X (rows are samples).</param>
    /// <param name="y">The samples of Y, row-paired with <paramref name="x"/>.</param>
    /// <returns>The estimate, its standard error, the base estimate on the data, the correction and the number of surrogates.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="x"/> or <paramref name="y"/> is null.</exception>
    /// <exception cref="ArgumentException">The row counts differ, or there are too few rows for the dimensions or for the base estimator's jackknife groups.</exception>
    public HybridEstimate EstimateWithError(SampleMatrix x, SampleMatrix y) => Run(x, y, withError: true);

    private HybridEstimate Run(SampleMatrix x, SampleMatrix y, bool withError)
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
            return new HybridEstimate(Information.Zero, Information.Zero, Information.Zero, Information.Zero, Information.Zero, 0);
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
        double gaussian = GaussianFormulas.MutualInformation(model, xi, yi, nameof(x), nameof(x), nameof(y), nameof(y)).Nats;
        if (double.IsPositiveInfinity(gaussian))
        {
            // The scores are collinear: some column of Y is a monotone function of X's (or the reverse), so MI is infinite.
            return new HybridEstimate(Information.PositiveInfinity, Information.Zero, Information.PositiveInfinity, Information.Zero, Information.Zero, 0);
        }

        int seed = DataSeed(sx, sy, Seed);
        double data = BaseEstimator.Estimate(sx, sy).Nats;
        if (MostlyTied(sx) || MostlyTied(sy))
        {
            // Gaussian surrogates have no atoms, so their error says nothing about the error on tied (discrete-like) columns.
            double error = withError ? JackknifeError(sx, sy, seed, 1) : double.NaN;
            return new HybridEstimate(Information.FromNats(data), Information.FromNats(error), Information.FromNats(data), Information.Zero,
                Information.Zero, 0);
        }

        // R passed the positive-definiteness check of the MI above, so its factor exists.
        model.TryCholesky(GaussianModel.Range(0, dx + dy), out double[] factor, out _);
        int fixedCount = Surrogates ?? 0;
        int most = fixedCount > 0 ? fixedCount : MaxSurrogates;
        var estimates = new List<double>(most);
        var gaussians = new List<double>(most);
        Correction correction = default;
        for (int s = 0; s < most; s++)
        {
            (SampleMatrix gx, SampleMatrix gy) = DrawSurrogate(factor, n, dx, dy, new StreamRandom(seed, s));
            gx = NormalScores.Transform(gx);
            gy = NormalScores.Transform(gy);
            estimates.Add(BaseEstimator.Estimate(gx, gy).Nats);
            gaussians.Add(SurrogateGaussian(gx, gy, dx, dy) - gaussian);
            if (fixedCount == 0 && estimates.Count >= MinimumAdaptiveSurrogates)
            {
                correction = Correction.From(estimates, gaussians, gaussian);
                if (correction.StandardError <= CorrectionShare * correction.Spread)
                {
                    break;
                }
            }
        }

        if (fixedCount > 0)
        {
            // The adaptive loop computed the correction at its last draw (it always draws at least MinimumAdaptiveSurrogates).
            correction = Correction.From(estimates, gaussians, gaussian);
        }

        double value = data - correction.MeanError;
        if (!withError)
        {
            return new HybridEstimate(Information.FromNats(value), Information.FromNats(double.NaN), Information.FromNats(data),
                Information.FromNats(-correction.MeanError), Information.FromNats(double.NaN), estimates.Count);
        }

        double dataError = JackknifeError(sx, sy, seed, correction.Slope);
        double correctionError = estimates.Count >= 2 ? correction.StandardError : dataError;
        double total = Math.Sqrt((dataError * dataError) + (correctionError * correctionError));
        return new HybridEstimate(Information.FromNats(value), Information.FromNats(total), Information.FromNats(data),
            Information.FromNats(-correction.MeanError), Information.FromNats(correctionError), estimates.Count);
    }

    /// <summary>The bias-corrected Gaussian MI of a surrogate's scores (their own sample correlation).</summary>
    private static double SurrogateGaussian(SampleMatrix gx, SampleMatrix gy, int dx, int dy) => GaussianMutualInformation(gx, gy, dx, dy, biasCorrected: true);

    /// <summary>
    /// The Gaussian MI of the sample correlation of (x, y), or NaN when it is undefined: a correlation matrix singular — which small
    /// samples of several columns can be (at n = 6 two columns of scores share their ranks with probability 1/120);
    /// such a value carries no signal for the control variate or the jackknife and is left out.
    /// </summary>
    private static double GaussianMutualInformation(SampleMatrix x, SampleMatrix y, int dx, int dy, bool biasCorrected)
    {
        GaussianModel model;
        try
        {
            model = GaussianModel.FromSamples([x, y], ["x", "y"]);
        }
        catch (ArgumentException)
        {
            // Too few rows for the columns, or a column constant on a jackknife group's rows: no value, as for a singular matrix.
            return double.NaN;
        }

        if (!model.TryLogDeterminant(GaussianModel.Range(0, dx), out double ldx)
            || !model.TryLogDeterminant(GaussianModel.Range(dx, dy), out double ldy)
            || !model.TryLogDeterminant(GaussianModel.Range(0, dx + dy), out double ldxy))
        {
            return double.NaN;
        }

        double bias = biasCorrected
            ? GaussianFormulas.EntropyBias(model.SampleCount, dx) + GaussianFormulas.EntropyBias(model.SampleCount, dy) - GaussianFormulas.EntropyBias(model.SampleCount, dx + dy)
            : 0;
        return (0.5 * (ldx + ldy - ldxy)) - bias;
    }

    /// <summary>
    /// The delete-a-group jackknife standard error of the data term: rows split at random into five groups; θ_g = Î on the
    /// rows outside group g plus (1 − c) times the Gaussian MI of those rows (the correction's linear response to the
    /// sample correlation); SE² = (G − 1)/G Σ (θ_g − θ̄)².
    /// </summary>
    private double JackknifeError(SampleMatrix sx, SampleMatrix sy, int seed, double slope)
    {
        int n = sx.Rows;
        int[] order = new int[n];
        for (int i = 0; i < n; i++)
        {
            order[i] = i;
        }

        var random = new StreamRandom(seed, JackknifeStream);
        for (int i = n - 1; i > 0; i--)
        {
            int j = random.NextInt32(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }

        Span<double> theta = stackalloc double[JackknifeGroups];
        for (int g = 0; g < JackknifeGroups; g++)
        {
            // Rows whose position in the shuffled order is not ≡ g (mod G), in their original order.
            int[] keep = new int[n - ((n - g + JackknifeGroups - 1) / JackknifeGroups)];
            int count = 0;
            for (int p = 0; p < n; p++)
            {
                if (p % JackknifeGroups != g)
                {
                    keep[count++] = order[p];
                }
            }

            Array.Sort(keep);
            SampleMatrix kx = SelectRows(sx, keep);
            SampleMatrix ky = SelectRows(sy, keep);
            double part = BaseEstimator.Estimate(kx, ky).Nats;
            double gaussianPart = slope < 1 ? GaussianMutualInformation(kx, ky, sx.Columns, sy.Columns, biasCorrected: false) : 0;
            theta[g] = part + (double.IsFinite(gaussianPart) ? (1 - slope) * gaussianPart : 0);
        }

        double mean = 0;
        foreach (double t in theta)
        {
            mean += t;
        }

        mean /= JackknifeGroups;
        double sum = 0;
        foreach (double t in theta)
        {
            sum += (t - mean) * (t - mean);
        }

        return Math.Sqrt((JackknifeGroups - 1.0) / JackknifeGroups * sum);
    }

    /// <summary>The rows of <paramref name="samples"/> at the given indices, in that order.</summary>
    private static SampleMatrix SelectRows(SampleMatrix samples, int[] rows)
    {
        int d = samples.Columns;
        ReadOnlySpan<double> source = samples.Data.Span;
        double[] result = new double[rows.Length * d];
        for (int i = 0; i < rows.Length; i++)
        {
            source.Slice(rows[i] * d, d).CopyTo(result.AsSpan(i * d, d));
        }

        return SampleMatrix.FromRowMajor(result, d);
    }

    /// <summary>
    /// The generator seed of this data set: the user's seed mixed with a 64-bit hash of the normal scores, so that data
    /// sets with similar R draw different surrogates while the same scores and seed give the same bits. The hash is of the
    /// scores' absolute values row by row, summed over rows, so it does not change under increasing maps of the columns
    /// (the scores do not), reversing a column (the scores change sign) or reordering the rows — the invariances of MI.
    /// </summary>
    private static int DataSeed(SampleMatrix sx, SampleMatrix sy, int seed)
    {
        int n = sx.Rows;
        int dx = sx.Columns;
        int dy = sy.Columns;
        ReadOnlySpan<double> x = sx.Data.Span;
        ReadOnlySpan<double> y = sy.Data.Span;
        ulong sum = 0;
        for (int i = 0; i < n; i++)
        {
            ulong row = 0xCBF29CE484222325UL;
            row = Mix(x.Slice(i * dx, dx), row);
            row = Mix(y.Slice(i * dy, dy), row);
            sum += Finish(row);
        }

        ulong key = sum ^ Finish(((ulong)(uint)seed << 32) ^ ((ulong)(uint)dx << 16) ^ (uint)dy);
        key = Finish(key);
        return (int)(uint)(key ^ (key >> 32));

        static ulong Mix(ReadOnlySpan<double> values, ulong h)
        {
            foreach (double v in values)
            {
                h = (h ^ BitConverter.DoubleToUInt64Bits(Math.Abs(v))) * 0x100000001B3UL;
            }

            return h;
        }

        // The MurmurHash3 finaliser: every input bit reaches every output bit.
        static ulong Finish(ulong h)
        {
            h ^= h >> 33;
            h *= 0xFF51AFD7ED558CCDUL;
            h ^= h >> 33;
            h *= 0xC4CEB9FE1A85EC53UL;
            h ^= h >> 33;
            return h;
        }
    }

    /// <summary>Whether some column has fewer distinct values than half its rows (a discrete or heavily rounded column).</summary>
    private static bool MostlyTied(SampleMatrix scores)
    {
        int n = scores.Rows;
        int d = scores.Columns;
        ReadOnlySpan<double> data = scores.Data.Span;
        double[] column = new double[n];
        for (int j = 0; j < d; j++)
        {
            for (int i = 0; i < n; i++)
            {
                column[i] = data[(i * d) + j];
            }

            Array.Sort(column);
            int distinct = 1;
            for (int i = 1; i < n; i++)
            {
                if (column[i] != column[i - 1])
                {
                    distinct++;
                }
            }

            if (2 * distinct < n)
            {
                return true;
            }
        }

        return false;
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

    /// <summary>
    /// The surrogates' mean error with the control variate: b_s = Î_s − I_G(R) − c·G_s, where G_s = Ĝ_s − I_G(R) and
    /// c = cov(Î, G) / var(G) over the surrogates, clipped to [0, 1] (0 with fewer than 3 surrogates or no finite G).
    /// </summary>
    private readonly record struct Correction(double MeanError, double StandardError, double Spread, double Slope)
    {
        public static Correction From(List<double> estimates, List<double> gaussians, double gaussian)
        {
            int count = estimates.Count;
            double meanEstimate = 0, meanGaussian = 0;
            bool finite = true;
            for (int s = 0; s < count; s++)
            {
                meanEstimate += estimates[s];
                meanGaussian += gaussians[s];
                finite &= double.IsFinite(gaussians[s]);
            }

            meanEstimate /= count;
            meanGaussian /= count;
            double slope = 0, spread = 0;
            if (count >= 2)
            {
                double see = 0, sgg = 0, seg = 0;
                for (int s = 0; s < count; s++)
                {
                    double e = estimates[s] - meanEstimate;
                    double g = gaussians[s] - meanGaussian;
                    see += e * e;
                    sgg += g * g;
                    seg += e * g;
                }

                spread = Math.Sqrt(see / (count - 1));
                if (count >= 3 && finite && sgg > 0)
                {
                    slope = Math.Clamp(seg / sgg, 0, 1);
                }
            }

            double meanError = 0;
            Span<double> errors = count <= 64 ? stackalloc double[count] : new double[count];
            for (int s = 0; s < count; s++)
            {
                errors[s] = estimates[s] - gaussian - (slope == 0 ? 0 : slope * gaussians[s]);
                meanError += errors[s];
            }

            meanError /= count;
            double standardError = double.NaN;
            if (count >= 2)
            {
                double sum = 0;
                foreach (double e in errors)
                {
                    sum += (e - meanError) * (e - meanError);
                }

                standardError = Math.Sqrt(sum / (count - 1) / count);
            }

            return new Correction(meanError, standardError, spread, slope);
        }
    }
}
