using System.Buffers;
using System.Globalization;
using System.Numerics;
using InfoTheory.Internal;
using InfoTheory.Variational.Internal;

namespace InfoTheory.Variational;

/// <summary>
/// Variational bounds on mutual information evaluated on a batch of critic scores, as collected by Poole, Ozair,
/// van den Oord, Alemi &amp; Tucker (2019), "On variational bounds of mutual information" (ICML): Donsker-Varadhan
/// (MINE), Nguyen-Wainwright-Jordan, TUBA, InfoNCE, the Jensen-Shannon route, and SMILE (Song &amp; Ermon 2020).
/// No training happens here: the caller's critic f has already scored every pair of a batch.
/// </summary>
/// <remarks>
/// <para>
/// <b>Input.</b> <c>scores</c> is the K × K matrix S, row-major (row after row, as the <c>…Rows</c> primitives read
/// their input), with Sᵢⱼ = f(xᵢ, yⱼ) for K paired samples (xᵢ, yᵢ) drawn from p(x, y). The diagonal Sᵢᵢ scores samples
/// of the joint; the K(K − 1) off-diagonal entries score pairs that behave as samples of p(x)p(y). Rows belong to x:
/// InfoNCE normalises each row over the y's, and the TUBA baseline a(xᵢ) is one value per row. Scores must be finite
/// or −∞ (a pair the critic rules out); NaN and +∞ are rejected with the row and column named. The check is done as
/// the rows are read, before anything is returned; the caller's span is never written.
/// </para>
/// <para>
/// <b>Standard errors.</b> Every result carries the sampling standard error of the bound over batches of size K, from
/// the first-order influence of each pair (the delta method on the Hoeffding projection of the off-diagonal means):
/// pair i moves the bound through its row (xᵢ against all y) and its column (yᵢ against all x), and both are counted.
/// It describes the spread of the estimate for this critic, not the gap between the bound and I(X;Y).
/// </para>
/// <para>
/// <b>Cost.</b> One pass over the K² scores, row by row (each row is worked on while it is in cache), vectorised.
/// Every sum is accumulated in double. Float scores are widened to double per row, except in InfoNCE, which takes
/// each row's log-sum-exp with the library's float kernel (single-precision exponentials, double sums: the bound
/// agrees with the double computation to ~1e-7 relative). O(K) scratch from the shared array pool.
/// </para>
/// <para>
/// The bounds are in nats inside <see cref="Information"/>. With a fixed critic each is a lower bound on I(X;Y) in
/// expectation, except Donsker-Varadhan and SMILE, whose log outside the expectation makes the batch estimate biased
/// upwards by O(1/K); none is clipped at 0.
/// </para>
/// </remarks>
public static class VariationalBounds
{
    /// <summary>
    /// The Donsker-Varadhan bound, the objective of MINE (Belghazi et al. 2018):
    /// I_DV = (1/K) Σᵢ Sᵢᵢ − ln[ (1/(K(K−1))) Σ_{i≠j} e^(Sᵢⱼ) ].
    /// </summary>
    /// <param name="scores">The K × K critic scores, row-major (see the remarks on <see cref="VariationalBounds"/>).</param>
    /// <param name="batchSize">K, the number of paired samples (at least 2).</param>
    /// <returns>The bound and its standard error; <see cref="VariationalBoundResult.Ceiling"/> is +∞.</returns>
    /// <remarks>
    /// Tight when f = ln p(y|x)/p(y) + c for any constant c (adding a constant to every score leaves it unchanged).
    /// MINE's moving-average correction changes only the gradient, not this value. For the same critic I_DV ≥ I_NWJ
    /// (since ln u ≤ u/e). Its batch estimate is the ratio of two means under a log, so it can exceed I(X;Y) slightly at
    /// small K, and its variance grows like e^I (McAllester &amp; Stratos 2020).
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="batchSize"/> is less than 2.</exception>
    /// <exception cref="ArgumentException"><paramref name="scores"/> is not K × K, or contains NaN or +∞.</exception>
    public static VariationalBoundResult DonskerVaradhan(ReadOnlySpan<double> scores, int batchSize) =>
        LogMarginal(scores, batchSize, double.PositiveInfinity);

    /// <inheritdoc cref="DonskerVaradhan(ReadOnlySpan{double}, int)"/>
    public static VariationalBoundResult DonskerVaradhan(ReadOnlySpan<float> scores, int batchSize) =>
        LogMarginal(scores, batchSize, double.PositiveInfinity);

    /// <summary>
    /// The Nguyen-Wainwright-Jordan bound (the f-divergence bound, also called MINE-f):
    /// I_NWJ = (1/K) Σᵢ Sᵢᵢ − e⁻¹ (1/(K(K−1))) Σ_{i≠j} e^(Sᵢⱼ).
    /// </summary>
    /// <param name="scores">The K × K critic scores, row-major (see the remarks on <see cref="VariationalBounds"/>).</param>
    /// <param name="batchSize">K, the number of paired samples (at least 2).</param>
    /// <returns>The bound and its standard error; <see cref="VariationalBoundResult.Ceiling"/> is +∞.</returns>
    /// <remarks>
    /// An unbiased estimate of a lower bound for a fixed critic (no log outside an expectation). Tight at
    /// f = 1 + ln p(y|x)/p(y): unlike Donsker-Varadhan it is not invariant to adding a constant to the scores.
    /// It equals <see cref="Tuba(ReadOnlySpan{double}, int, ReadOnlySpan{double})"/> with ln a(x) = 1 for every x.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="batchSize"/> is less than 2.</exception>
    /// <exception cref="ArgumentException"><paramref name="scores"/> is not K × K, or contains NaN or +∞.</exception>
    public static VariationalBoundResult NguyenWainwrightJordan(ReadOnlySpan<double> scores, int batchSize) =>
        LinearMarginal(scores, batchSize, default, 1.0);

    /// <inheritdoc cref="NguyenWainwrightJordan(ReadOnlySpan{double}, int)"/>
    public static VariationalBoundResult NguyenWainwrightJordan(ReadOnlySpan<float> scores, int batchSize) =>
        LinearMarginal(scores, batchSize, default, 1.0);

    /// <summary>
    /// The tractable unnormalised Barber-Agakov bound with a baseline a(x) &gt; 0:
    /// I_TUBA = 1 + (1/K) Σᵢ (Sᵢᵢ − ln aᵢ) − (1/(K(K−1))) Σ_{i≠j} e^(Sᵢⱼ − ln aᵢ).
    /// </summary>
    /// <param name="scores">The K × K critic scores, row-major (see the remarks on <see cref="VariationalBounds"/>).</param>
    /// <param name="batchSize">K, the number of paired samples (at least 2).</param>
    /// <param name="logBaseline">ln a(xᵢ), one finite value per row (K values): a learned or fixed log-baseline. The
    /// bound is tight when ln a(x) = ln E_{p(y)} e^(f(x, y)), the log-partition of row x.</param>
    /// <returns>The bound and its standard error; <see cref="VariationalBoundResult.Ceiling"/> is +∞.</returns>
    /// <remarks>
    /// A lower bound in expectation for any baseline, from ln u ≤ u/a + ln a − 1. ln a ≡ 1 gives NWJ (MINE-f) and ln a ≡ 0 the
    /// Jensen-Shannon reading; a baseline equal to the batch log-mean-exp of each row turns it into a Donsker-Varadhan-like estimate.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="batchSize"/> is less than 2.</exception>
    /// <exception cref="ArgumentException"><paramref name="scores"/> is not K × K or contains NaN or +∞, or
    /// <paramref name="logBaseline"/> does not hold K finite values.</exception>
    public static VariationalBoundResult Tuba(ReadOnlySpan<double> scores, int batchSize, ReadOnlySpan<double> logBaseline)
    {
        CheckBaseline(logBaseline, batchSize);
        return LinearMarginal(scores, batchSize, logBaseline, 0.0);
    }

    /// <inheritdoc cref="Tuba(ReadOnlySpan{double}, int, ReadOnlySpan{double})"/>
    public static VariationalBoundResult Tuba(ReadOnlySpan<float> scores, int batchSize, ReadOnlySpan<double> logBaseline)
    {
        CheckBaseline(logBaseline, batchSize);
        return LinearMarginal(scores, batchSize, logBaseline, 0.0);
    }

    /// <summary>
    /// The InfoNCE bound (van den Oord, Li &amp; Vinyals 2018; Poole et al. 2019), the contrastive loss read as
    /// information: I_NCE = (1/K) Σᵢ [ Sᵢᵢ − ln( (1/K) Σⱼ e^(Sᵢⱼ) ) ] = ln K − (1/K) Σᵢ CrossEntropy(softmax(row i), i).
    /// </summary>
    /// <param name="scores">The K × K critic scores, row-major (see the remarks on <see cref="VariationalBounds"/>).</param>
    /// <param name="batchSize">K, the number of paired samples (at least 2).</param>
    /// <returns>The bound and its standard error; <see cref="VariationalBoundResult.Ceiling"/> is ln K.</returns>
    /// <remarks>
    /// Never above ln K, whatever the critic (each term is a log-softmax ≤ 0 plus ln K), so it badly underestimates when
    /// I(X;Y) is much larger than ln K; in exchange its variance is low. Tight, for large K, at f = ln p(y|x) + c(x);
    /// adding any constant per row leaves it unchanged. Row-wise log-sum-exp, stable for scores of any magnitude.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="batchSize"/> is less than 2.</exception>
    /// <exception cref="ArgumentException"><paramref name="scores"/> is not K × K, or contains NaN or +∞.</exception>
    public static VariationalBoundResult InfoNce(ReadOnlySpan<double> scores, int batchSize) => InfoNceCore(scores, batchSize);

    /// <inheritdoc cref="InfoNce(ReadOnlySpan{double}, int)"/>
    public static VariationalBoundResult InfoNce(ReadOnlySpan<float> scores, int batchSize) => InfoNceCore(scores, batchSize);

    /// <summary>
    /// The Jensen-Shannon route of Poole et al. (2019): the critic is trained on the f-GAN Jensen-Shannon
    /// objective (Nowozin et al. 2016), whose optimum is f = ln p(y|x)/p(y), and I(X;Y) is then read through NWJ at f + 1:
    /// I_JS = I_NWJ(f + 1) = 1 + (1/K) Σᵢ Sᵢᵢ − (1/(K(K−1))) Σ_{i≠j} e^(Sᵢⱼ).
    /// </summary>
    /// <param name="scores">The K × K critic scores in the Jensen-Shannon parametrisation (the log density ratio at the optimum).</param>
    /// <param name="batchSize">K, the number of paired samples (at least 2).</param>
    /// <returns>The bound and its standard error; <see cref="VariationalBoundResult.Ceiling"/> is +∞.</returns>
    /// <remarks>The Jensen-Shannon objective only shapes the critic's training; its value is not an estimate of I(X;Y), so
    /// this returns the NWJ reading that Poole et al. report. Equal to TUBA with ln a ≡ 0.</remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="batchSize"/> is less than 2.</exception>
    /// <exception cref="ArgumentException"><paramref name="scores"/> is not K × K, or contains NaN or +∞.</exception>
    public static VariationalBoundResult JensenShannon(ReadOnlySpan<double> scores, int batchSize) =>
        LinearMarginal(scores, batchSize, default, 0.0);

    /// <inheritdoc cref="JensenShannon(ReadOnlySpan{double}, int)"/>
    public static VariationalBoundResult JensenShannon(ReadOnlySpan<float> scores, int batchSize) =>
        LinearMarginal(scores, batchSize, default, 0.0);

    /// <summary>
    /// SMILE, the smoothed mutual information lower-bound estimator of Song &amp; Ermon (2020): Donsker-Varadhan with
    /// the scores of the marginal term clipped to [−τ, τ]:
    /// I_SMILE = (1/K) Σᵢ Sᵢᵢ − ln[ (1/(K(K−1))) Σ_{i≠j} e^(clip(Sᵢⱼ, −τ, τ)) ].
    /// </summary>
    /// <param name="scores">The K × K critic scores, row-major (see the remarks on <see cref="VariationalBounds"/>).</param>
    /// <param name="batchSize">K, the number of paired samples (at least 2).</param>
    /// <param name="clip">τ &gt; 0 (default 5, the setting Song &amp; Ermon and later comparisons use most); +∞ gives Donsker-Varadhan.</param>
    /// <returns>The estimate and its standard error; <see cref="VariationalBoundResult.Ceiling"/> is +∞.</returns>
    /// <remarks>
    /// Clipping bounds the variance of the partition estimate (Song &amp; Ermon show DV/MINE's variance grows
    /// exponentially with I) at the price of a bias that vanishes as τ → ∞; the joint term is not clipped, as in the
    /// paper and in Poole et al.'s code. Not invariant to a constant shift of the scores once clipping is active.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="batchSize"/> is less than 2, or <paramref name="clip"/> is not positive.</exception>
    /// <exception cref="ArgumentException"><paramref name="scores"/> is not K × K, or contains NaN or +∞.</exception>
    public static VariationalBoundResult Smile(ReadOnlySpan<double> scores, int batchSize, double clip = 5.0)
    {
        CheckClip(clip);
        return LogMarginal(scores, batchSize, clip);
    }

    /// <inheritdoc cref="Smile(ReadOnlySpan{double}, int, double)"/>
    public static VariationalBoundResult Smile(ReadOnlySpan<float> scores, int batchSize, double clip = 5.0)
    {
        CheckClip(clip);
        return LogMarginal(scores, batchSize, clip);
    }

    private static void CheckClip(double clip)
    {
        if (!(clip > 0))
        {
            ThrowHelper.ArgumentOutOfRange(nameof(clip), clip,
                string.Create(CultureInfo.InvariantCulture, $"clip must be greater than 0 (or +∞ for no clipping), got {clip}."));
        }
    }

    private static void CheckBaseline(ReadOnlySpan<double> logBaseline, int batchSize)
    {
        if (batchSize >= 2 && logBaseline.Length != batchSize)
        {
            ThrowHelper.ArgumentException(nameof(logBaseline), string.Create(CultureInfo.InvariantCulture,
                $"logBaseline has {logBaseline.Length} elements but there are batchSize = {batchSize} rows; it needs one value per row."));
        }

        for (int i = 0; i < logBaseline.Length; i++)
        {
            if (!double.IsFinite(logBaseline[i]))
            {
                ThrowHelper.ArgumentException(nameof(logBaseline), string.Create(CultureInfo.InvariantCulture,
                    $"logBaseline contains {logBaseline[i]} at index {i}; the log-baseline must be finite."));
            }
        }
    }

    /// <summary>DV and SMILE: mean diagonal − ln of the off-diagonal mean of e^(clip(S)).</summary>
    private static VariationalBoundResult LogMarginal<T>(ReadOnlySpan<T> scores, int batchSize, double clip)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CriticScores.Validate(scores.Length, batchSize);
        int k = batchSize;
        double[] buffer = ArrayPool<double>.Shared.Rent(3 * k);
        try
        {
            Span<double> d = buffer.AsSpan(0, k), rows = buffer.AsSpan(k, k), columns = buffer.AsSpan(2 * k, k);
            double shift = CriticScores.OffDiagonalExpSums(scores, k, default, 0, -clip, clip, d, rows, columns);
            double theta = Sum(rows) / ((double)k * (k - 1));
            double bound = Mean(d) - (shift + Math.Log(theta));

            // ψᵢ = Sᵢᵢ − (Rᵢ + Cᵢ) / ((K − 1)θ): the joint term and the linearised log of the U-statistic.
            double scale = 1.0 / ((k - 1) * theta);
            for (int i = 0; i < k; i++)
            {
                rows[i] = d[i] - ((rows[i] + columns[i]) * scale);
            }

            return new VariationalBoundResult(Information.FromNats(bound), Information.FromNats(StandardError(rows)), k, Information.PositiveInfinity);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(buffer);
        }
    }

    /// <summary>TUBA, NWJ and JS: 1 + mean(Sᵢᵢ − bᵢ) − off-diagonal mean of e^(Sᵢⱼ − bᵢ).</summary>
    private static VariationalBoundResult LinearMarginal<T>(ReadOnlySpan<T> scores, int batchSize, ReadOnlySpan<double> rowOffsets, double constantOffset)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CriticScores.Validate(scores.Length, batchSize);
        int k = batchSize;
        double[] buffer = ArrayPool<double>.Shared.Rent(3 * k);
        try
        {
            Span<double> d = buffer.AsSpan(0, k), rows = buffer.AsSpan(k, k), columns = buffer.AsSpan(2 * k, k);
            double shift = CriticScores.OffDiagonalExpSums(scores, k, rowOffsets, constantOffset, double.NegativeInfinity, double.PositiveInfinity, d, rows, columns);
            for (int i = 0; i < k; i++)
            {
                d[i] -= rowOffsets.IsEmpty ? constantOffset : rowOffsets[i];
            }

            // e^M·θ computed as exp(M + ln θ), so a large shift overflows only when the result itself does.
            double marginal = shift == double.NegativeInfinity ? 0 : Math.Exp(shift + Math.Log(Sum(rows) / ((double)k * (k - 1))));
            double bound = 1 + Mean(d) - marginal;

            // ψᵢ = (Sᵢᵢ − bᵢ) − e^M (Rᵢ + Cᵢ)/(K − 1).
            for (int i = 0; i < k; i++)
            {
                double sum = rows[i] + columns[i];
                rows[i] = d[i] - (sum == 0 ? 0 : Math.Exp(shift + Math.Log(sum / (k - 1))));
            }

            return new VariationalBoundResult(Information.FromNats(bound), Information.FromNats(StandardError(rows)), k, Information.PositiveInfinity);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(buffer);
        }
    }

    private static VariationalBoundResult InfoNceCore<T>(ReadOnlySpan<T> scores, int batchSize)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CriticScores.Validate(scores.Length, batchSize);
        int k = batchSize;
        double[] buffer = ArrayPool<double>.Shared.Rent(2 * k);
        try
        {
            Span<double> terms = buffer.AsSpan(0, k), weights = buffer.AsSpan(k, k);
            CriticScores.InfoNce(scores, k, terms, weights);
            double logK = Math.Log(k);
            double bound = logK + Mean(terms);

            // ψⱼ = ℓⱼ − Σᵢ softmax(row i)ⱼ: pair j's own term, and yⱼ's share of every row's normaliser.
            for (int j = 0; j < k; j++)
            {
                terms[j] -= weights[j];
            }

            // Each term is a log-softmax ≤ 0, so the bound cannot exceed ln K; rounding could leave it 1 ulp above.
            return new VariationalBoundResult(Information.FromNats(Math.Min(bound, logK)), Information.FromNats(StandardError(terms)), k, Information.FromNats(logK));
        }
        finally
        {
            ArrayPool<double>.Shared.Return(buffer);
        }
    }

    private static double Sum(ReadOnlySpan<double> x) => System.Numerics.Tensors.TensorPrimitives.Sum(x);

    private static double Mean(ReadOnlySpan<double> x) => Sum(x) / x.Length;

    /// <summary>Sample standard deviation of the influence values over √K (two passes, centred).</summary>
    private static double StandardError(ReadOnlySpan<double> psi)
    {
        double mean = Mean(psi), squares = 0;
        foreach (double v in psi)
        {
            squares += (v - mean) * (v - mean);
        }

        return Math.Sqrt(squares / (psi.Length - 1) / psi.Length);
    }
}
