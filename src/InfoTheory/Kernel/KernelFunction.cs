using System.Globalization;
using InfoTheory.Continuous;
using InfoTheory.Internal;
using InfoTheory.Kernel.Internal;

namespace InfoTheory.Kernel;

/// <summary>
/// A positive-definite kernel k(x, y) on ℝᵈ with its settings: Gaussian or Laplacian with an explicit bandwidth or a
/// <see cref="BandwidthRule"/>, linear, or polynomial. Immutable and thread-safe; build one with the static factories.
/// </summary>
/// <remarks>
/// The Gram matrix of n samples is Kᵢⱼ = k(xᵢ, xⱼ) (<see cref="GramMatrix"/>). Gaussian and Laplacian kernels are
/// evaluated from squared distances ‖xᵢ‖² + ‖xⱼ‖² − 2 xᵢ·xⱼ, clamped at 0 (rounding can make the expression slightly
/// negative for nearby points), of the samples centred at their per-column median and scaled by a power of two, with
/// the bandwidth in the same units: Gram matrices and every estimate built on them are translation-invariant in floating
/// point, not only in theory. Their diagonal is exactly 1. The Laplacian here uses the Euclidean distance (as in
/// most of the kernel-information literature); scikit-learn's <c>laplacian_kernel</c> uses the L1 distance instead.
/// A bandwidth rule is applied to the samples each Gram matrix is built from, so one <see cref="KernelFunction"/> serves
/// samples of any size.
/// </remarks>
public sealed class KernelFunction
{
    private KernelFunction(KernelType type, double bandwidth, BandwidthRule? rule, int degree, double scale, double offset)
    {
        Type = type;
        Bandwidth = bandwidth;
        Rule = rule;
        Degree = degree;
        Scale = scale;
        Offset = offset;
    }

    /// <summary>The kernel family.</summary>
    public KernelType Type { get; }

    /// <summary>The explicit bandwidth σ of a Gaussian or Laplacian kernel; NaN when a <see cref="Rule"/> chooses it, or for linear and polynomial kernels.</summary>
    public double Bandwidth { get; }

    /// <summary>The rule that chooses σ from the samples, or null (explicit bandwidth, linear, polynomial).</summary>
    public BandwidthRule? Rule { get; }

    /// <summary>The degree p of a polynomial kernel (0 for the others).</summary>
    public int Degree { get; }

    /// <summary>The factor γ on x·y of a polynomial kernel (1 for the linear kernel, NaN for the others).</summary>
    public double Scale { get; }

    /// <summary>The constant c of a polynomial kernel (0 for the linear kernel, NaN for the others).</summary>
    public double Offset { get; }

    /// <summary>Gaussian (RBF) kernel exp(−‖x − y‖² / (2σ²)) with a fixed bandwidth.</summary>
    /// <param name="bandwidth">σ &gt; 0, finite, in the units of the samples.</param>
    /// <returns>The kernel.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="bandwidth"/> is ≤ 0, NaN or ±∞.</exception>
    public static KernelFunction Gaussian(double bandwidth)
    {
        RequireBandwidth(bandwidth);
        return new KernelFunction(KernelType.Gaussian, bandwidth, null, 0, double.NaN, double.NaN);
    }

    /// <summary>Gaussian (RBF) kernel exp(−‖x − y‖² / (2σ²)) with σ chosen from the samples by <paramref name="rule"/>.</summary>
    /// <param name="rule">The bandwidth rule (default <see cref="BandwidthRule.Silverman"/>).</param>
    /// <returns>The kernel.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rule"/> is not a defined value.</exception>
    public static KernelFunction Gaussian(BandwidthRule rule = BandwidthRule.Silverman)
    {
        RequireRule(rule);
        return new KernelFunction(KernelType.Gaussian, double.NaN, rule, 0, double.NaN, double.NaN);
    }

    /// <summary>Laplacian kernel exp(−‖x − y‖ / σ) (Euclidean distance) with a fixed bandwidth.</summary>
    /// <param name="bandwidth">σ &gt; 0, finite.</param>
    /// <returns>The kernel.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="bandwidth"/> is ≤ 0, NaN or ±∞.</exception>
    public static KernelFunction Laplacian(double bandwidth)
    {
        RequireBandwidth(bandwidth);
        return new KernelFunction(KernelType.Laplacian, bandwidth, null, 0, double.NaN, double.NaN);
    }

    /// <summary>Laplacian kernel exp(−‖x − y‖ / σ) with σ chosen from the samples by <paramref name="rule"/>.</summary>
    /// <param name="rule">The bandwidth rule.</param>
    /// <returns>The kernel.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rule"/> is not a defined value.</exception>
    public static KernelFunction Laplacian(BandwidthRule rule)
    {
        RequireRule(rule);
        return new KernelFunction(KernelType.Laplacian, double.NaN, rule, 0, double.NaN, double.NaN);
    }

    /// <summary>The linear kernel x · y (the Gram matrix is Z Zᵀ).</summary>
    public static KernelFunction Linear { get; } = new(KernelType.Linear, double.NaN, null, 0, 1.0, 0.0);

    /// <summary>Polynomial kernel (γ x · y + c)^p.</summary>
    /// <param name="degree">p ≥ 1.</param>
    /// <param name="scale">γ &gt; 0, finite (default 1).</param>
    /// <param name="offset">c ≥ 0, finite (default 1); c ≥ 0 keeps the kernel positive semi-definite.</param>
    /// <returns>The kernel.</returns>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="degree"/> &lt; 1, <paramref name="scale"/> ≤ 0 or not finite, or <paramref name="offset"/> &lt; 0 or not finite.
    /// </exception>
    public static KernelFunction Polynomial(int degree, double scale = 1.0, double offset = 1.0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(degree, 1);
        if (!(scale > 0) || !double.IsFinite(scale))
        {
            ThrowHelper.ArgumentOutOfRange_NotPositive(nameof(scale), scale);
        }

        if (!(offset >= 0) || !double.IsFinite(offset))
        {
            ThrowHelper.ArgumentOutOfRange(nameof(offset), offset,
                string.Format(CultureInfo.InvariantCulture, "offset must be finite and ≥ 0 (so the kernel is positive semi-definite), got {0}.", offset));
        }

        return new KernelFunction(KernelType.Polynomial, double.NaN, null, degree, scale, offset);
    }

    /// <summary>Whether k(x, x) = 1 for every x (Gaussian and Laplacian), so tr K = n.</summary>
    public bool IsUnitDiagonal => Type is KernelType.Gaussian or KernelType.Laplacian;

    /// <summary>
    /// The bandwidth σ this kernel uses on <paramref name="samples"/>: <see cref="Bandwidth"/> when explicit, else
    /// the value of <see cref="Rule"/>; NaN for linear and polynomial kernels.
    /// </summary>
    /// <param name="samples">The samples the Gram matrix is built from.</param>
    /// <returns>σ &gt; 0, or NaN.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="samples"/> is null.</exception>
    /// <exception cref="ArgumentException">A rule is used and gives σ = 0 (constant samples, or a single row).</exception>
    public double BandwidthFor(SampleMatrix samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        return Rule is { } rule ? SelectBandwidth(samples, rule) : Bandwidth;
    }

    /// <summary>The bandwidth <paramref name="rule"/> gives for <paramref name="samples"/> (see <see cref="BandwidthRule"/>).</summary>
    /// <param name="samples">At least two samples, not all equal.</param>
    /// <param name="rule">The rule.</param>
    /// <returns>σ &gt; 0.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="samples"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rule"/> is not a defined value.</exception>
    /// <exception cref="ArgumentException">Fewer than two rows, or the rule gives σ = 0 (e.g. all samples equal).</exception>
    /// <remarks>
    /// The rule is applied to the samples centred at their per-column median and scaled by a power of two (as the Gram
    /// matrices see them), and the result scaled back: translating the samples does not change σ, scaling them by a
    /// scales σ by a (exactly for powers of two), and no range of values overflows.
    /// Silverman and Scott: O(n d). Median heuristic: O(m² d) with m = min(n, 1024), plus a sort of the m(m − 1)/2 distances.
    /// </remarks>
    public static double SelectBandwidth(SampleMatrix samples, BandwidthRule rule)
    {
        ArgumentNullException.ThrowIfNull(samples);
        RequireRule(rule);
        RequireRows(samples.Rows, nameof(samples));
        (SampleMatrix centred, int exponent) = GramInput.Centre(samples, nameof(samples));
        return Math.ScaleB(RuleOnPrepared(centred, rule, nameof(samples)), exponent);
    }

    /// <summary>A bandwidth rule needs two rows; the error names <paramref name="paramName"/>.</summary>
    internal static void RequireRows(int rows, string paramName)
    {
        if (rows < 2)
        {
            ThrowHelper.ArgumentException(paramName, string.Format(CultureInfo.InvariantCulture,
                "A bandwidth rule needs at least 2 samples, but {0} has {1}; pass an explicit bandwidth instead.", paramName, rows));
        }
    }

    /// <summary>The rule on samples already centred and scaled (<see cref="GramInput"/>); the errors name <paramref name="paramName"/>.</summary>
    internal static double RuleOnPrepared(SampleMatrix samples, BandwidthRule rule, string paramName)
    {
        RequireRows(samples.Rows, paramName);
        double sigma = rule == BandwidthRule.MedianHeuristic ? MedianDistance(samples) : RuleOfThumb(samples, rule);
        if (!(sigma > 0) || !double.IsFinite(sigma))
        {
            ThrowHelper.ArgumentException(paramName, string.Format(CultureInfo.InvariantCulture,
                "The {0} rule gives bandwidth {1} for {2} (constant or mostly duplicated rows); pass an explicit bandwidth instead.", rule, sigma, paramName));
        }

        return sigma;
    }

    /// <summary>k(<paramref name="x"/>, <paramref name="y"/>) for one pair; needs explicit settings (a bandwidth rule has no samples to work on here).</summary>
    /// <param name="x">A point.</param>
    /// <param name="y">A point of the same dimension.</param>
    /// <returns>The kernel value.</returns>
    /// <exception cref="ArgumentException">The lengths differ or are 0.</exception>
    /// <exception cref="InvalidOperationException">The kernel has a bandwidth rule, which needs samples to resolve.</exception>
    /// <remarks>A direct formula (‖x − y‖² summed as differences), kept as the reference the Gram kernels are tested against.</remarks>
    public double Evaluate(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        Check.SameLength(x.Length, y.Length);
        if (x.IsEmpty)
        {
            ThrowHelper.ArgumentException(nameof(x), "x is empty; points need at least one coordinate.");
        }

        if (Rule is not null)
        {
            throw new InvalidOperationException("This kernel chooses its bandwidth from samples; use BandwidthFor(samples) and Gaussian(σ) or Laplacian(σ) to evaluate single pairs.");
        }

        double dot = 0, squared = 0;
        for (int k = 0; k < x.Length; k++)
        {
            dot += x[k] * y[k];
            double difference = x[k] - y[k];
            squared += difference * difference;
        }

        return Type switch
        {
            KernelType.Gaussian => Math.Exp(-squared / (2 * Bandwidth * Bandwidth)),
            KernelType.Laplacian => Math.Exp(-Math.Sqrt(squared) / Bandwidth),
            KernelType.Linear => dot,
            _ => KernelParameters.IntegerPower((Scale * dot) + Offset, Degree),
        };
    }

    /// <summary>Returns a description such as "Gaussian(σ = 0.5)" or "Gaussian(Silverman)".</summary>
    /// <returns>The kernel as text.</returns>
    public override string ToString() => Type switch
    {
        KernelType.Gaussian or KernelType.Laplacian => Rule is { } rule
            ? string.Format(CultureInfo.InvariantCulture, "{0}({1})", Type, rule)
            : string.Format(CultureInfo.InvariantCulture, "{0}(σ = {1})", Type, Bandwidth),
        KernelType.Linear => "Linear",
        _ => string.Format(CultureInfo.InvariantCulture, "Polynomial(p = {0}, γ = {1}, c = {2})", Degree, Scale, Offset),
    };

    private static void RequireBandwidth(double bandwidth)
    {
        if (!(bandwidth > 0) || !double.IsFinite(bandwidth))
        {
            ThrowHelper.ArgumentOutOfRange_NotPositive(nameof(bandwidth), bandwidth);
        }
    }

    private static void RequireRule(BandwidthRule rule)
    {
        if (rule is not (BandwidthRule.Silverman or BandwidthRule.Scott or BandwidthRule.MedianHeuristic))
        {
            ThrowHelper.ArgumentOutOfRange(nameof(rule), rule, "rule must be Silverman, Scott or MedianHeuristic.");
        }
    }

    private static double RuleOfThumb(SampleMatrix samples, BandwidthRule rule)
    {
        int n = samples.Rows, d = samples.Columns;
        ReadOnlySpan<double> data = samples.Data.Span;
        double totalVariance = 0;
        for (int j = 0; j < d; j++)
        {
            // Two-pass variance per column (mean first), so a large offset does not cancel digits.
            double mean = 0;
            for (int i = 0; i < n; i++)
            {
                mean += data[(i * d) + j];
            }

            mean /= n;
            double sum = 0;
            for (int i = 0; i < n; i++)
            {
                double deviation = data[(i * d) + j] - mean;
                sum += deviation * deviation;
            }

            totalVariance += sum / (n - 1);
        }

        double scale = Math.Sqrt(totalVariance / d);
        double factor = rule == BandwidthRule.Silverman ? 4.0 / ((d + 2.0) * n) : 1.0 / n;
        return scale * Math.Pow(factor, 1.0 / (d + 4.0));
    }

    private static double MedianDistance(SampleMatrix samples)
    {
        const int MaxRows = 1024;
        int n = samples.Rows;
        int m = Math.Min(n, MaxRows);
        double[] distances = new double[m * (m - 1) / 2];
        int count = 0;
        for (int a = 0; a < m; a++)
        {
            ReadOnlySpan<double> x = samples.Row((int)((long)a * n / m));
            for (int b = a + 1; b < m; b++)
            {
                ReadOnlySpan<double> y = samples.Row((int)((long)b * n / m));
                double squared = 0;
                for (int k = 0; k < x.Length; k++)
                {
                    double difference = x[k] - y[k];
                    squared += difference * difference;
                }

                distances[count++] = Math.Sqrt(squared);
            }
        }

        Array.Sort(distances);
        int half = distances.Length / 2;
        return distances.Length % 2 == 1 ? distances[half] : 0.5 * (distances[half - 1] + distances[half]);
    }
}
