using System.Globalization;
using InfoTheory.Continuous;
using InfoTheory.Internal;

namespace InfoTheory.Kernel.Internal;

/// <summary>
/// The samples a Gram matrix is built from, prepared once so that what is invariant in theory is invariant in floating
/// point: for the distance kernels (Gaussian, Laplacian), x̃ = (x − c)·2⁻ᴱ with c the per-column lower median of all
/// rows and E chosen so that max |x̃| lies in [1, 2); the bandwidth (a rule applied to x̃, or an explicit σ times 2⁻ᴱ) is
/// expressed in the same units.
/// </summary>
/// <remarks>
/// <para>
/// Why: the tiles compute ‖xᵢ − xⱼ‖² as ‖xᵢ‖² + ‖xⱼ‖² − 2 xᵢ·xⱼ, which on raw data loses all digits at an offset of
/// 1e8 (300 standard-normal points + 1e8 gave a matrix Rényi entropy of 0.475 instead of 1.767). After centring the norms
/// are of the order of the spread, so the identity is as accurate as a direct difference.
/// </para>
/// <para>
/// Why a median and powers of two: the lower median is one of the data values (an order statistic, no arithmetic),
/// and a difference of two doubles within a factor 2 of each other is exact (Sterbenz), so when the offset dominates
/// the spread x − c carries no rounding at all; scaling by a power of two is exact. Data translated by an amount that is
/// exact in floating point therefore give bit-identical prepared samples, hence bit-identical results, and data scaled
/// by a power of two likewise. The median of all rows does not depend on their order, so permuting rows permutes the
/// prepared rows. The data are first scaled by a power of two (from the largest magnitude) so that neither the
/// difference nor any square can overflow, whatever the range of the input (1e±300 included).
/// </para>
/// <para>Linear and polynomial kernels are not translation-invariant and see the samples as given.</para>
/// </remarks>
internal static class GramInput
{
    /// <summary>Prepared samples, the kernel resolved on them, and the exponent E with x̃ = (x − c)·2⁻ᴱ.</summary>
    public readonly record struct Prepared(SampleMatrix Samples, KernelParameters Kernel, int Exponent)
    {
        /// <summary>The bandwidth in the units of the caller's samples (σ̃·2ᴱ, exact).</summary>
        public double Bandwidth => Math.ScaleB(Kernel.Bandwidth, Exponent);
    }

    /// <summary>
    /// Prepares <paramref name="samples"/> for <paramref name="kernel"/>; a bandwidth rule that cannot be applied throws an
    /// <see cref="ArgumentException"/> naming <paramref name="paramName"/>.
    /// </summary>
    public static Prepared Prepare(SampleMatrix samples, KernelFunction kernel, string paramName)
    {
        if (!kernel.IsUnitDiagonal)
        {
            return new Prepared(samples, new KernelParameters(kernel.Type, double.NaN, kernel.Degree, kernel.Scale, kernel.Offset), 0);
        }

        if (kernel.Rule is not null)
        {
            KernelFunction.RequireRows(samples.Rows, paramName);
        }

        (SampleMatrix centred, int exponent) = Centre(samples, paramName);
        double bandwidth = kernel.Rule is { } rule
            ? KernelFunction.RuleOnPrepared(centred, rule, paramName)
            : Math.ScaleB(kernel.Bandwidth, -exponent);
        return new Prepared(centred, new KernelParameters(kernel.Type, bandwidth, 0, double.NaN, double.NaN), exponent);
    }

    /// <summary>x̃ = (x − c)·2⁻ᴱ (see the class remarks); all zeros, with E = 0, when every row is the same point.</summary>
    public static (SampleMatrix Samples, int Exponent) Centre(SampleMatrix samples, string paramName)
    {
        int n = samples.Rows, d = samples.Columns;
        ReadOnlySpan<double> data = samples.Data.Span;
        double[] result = new double[n * d];
        int first = ScaleToUnit(data, result);
        // Columns gathered a block at a time (contiguous reads of each row's slice) before their medians are selected:
        // a column-by-column gather would miss the cache on every element.
        const int Width = 32;
        double[] columns = new double[Math.Min(Width, d) * n];
        double[] centre = new double[d];
        for (int j0 = 0; j0 < d; j0 += Width)
        {
            int w = Math.Min(Width, d - j0);
            for (int i = 0; i < n; i++)
            {
                ReadOnlySpan<double> slice = result.AsSpan((i * d) + j0, w);
                for (int b = 0; b < w; b++)
                {
                    columns[(b * n) + i] = slice[b];
                }
            }

            for (int b = 0; b < w; b++)
            {
                centre[j0 + b] = Select(columns.AsSpan(b * n, n), (n - 1) / 2);
            }
        }

        for (int i = 0; i < n; i++)
        {
            System.Numerics.Tensors.TensorPrimitives.Subtract(result.AsSpan(i * d, d), centre, result.AsSpan(i * d, d));
        }

        int second = ScaleToUnit(result, result);
        return (SampleMatrix.Owning(result, d), first + second);
    }

    /// <summary>destination = source·2⁻ᴱ with E = ⌊log₂ max|source|⌋ (0 for all zeros); returns E. Exact but for values 2⁻¹⁰²² below the largest.</summary>
    public static int ScaleToUnit(ReadOnlySpan<double> source, Span<double> destination)
    {
        double largest = source.IsEmpty ? 0 : Math.Abs(System.Numerics.Tensors.TensorPrimitives.MaxMagnitude(source));
        int exponent = largest > 0 ? Math.ILogB(largest) : 0;
        if (exponent is > -1022 and < 1023)
        {
            // 2⁻ᴱ is a normal double: one vectorised multiply, exact as ScaleB is (results below 2⁻¹⁰²² round alike).
            System.Numerics.Tensors.TensorPrimitives.Multiply(source, Math.ScaleB(1.0, -exponent), destination);
            return exponent;
        }

        for (int k = 0; k < source.Length; k++)
        {
            destination[k] = Math.ScaleB(source[k], -exponent);
        }

        return exponent;
    }

    /// <summary>
    /// The k-th smallest value (0-based) of <paramref name="values"/>, which it reorders: Hoare's selection with a
    /// median-of-three pivot, O(n) expected, so the per-column medians cost about as much as reading the data.
    /// </summary>
    public static double Select(Span<double> values, int k)
    {
        int lo = 0, hi = values.Length - 1;
        while (lo < hi)
        {
            int mid = lo + ((hi - lo) / 2);
            if (values[mid] < values[lo])
            {
                (values[mid], values[lo]) = (values[lo], values[mid]);
            }

            if (values[hi] < values[lo])
            {
                (values[hi], values[lo]) = (values[lo], values[hi]);
            }

            if (values[hi] < values[mid])
            {
                (values[hi], values[mid]) = (values[mid], values[hi]);
            }

            double pivot = values[mid];
            int i = lo, j = hi;
            while (i <= j)
            {
                while (values[i] < pivot)
                {
                    i++;
                }

                while (pivot < values[j])
                {
                    j--;
                }

                if (i <= j)
                {
                    (values[i], values[j]) = (values[j], values[i]);
                    i++;
                    j--;
                }
            }

            if (k <= j)
            {
                hi = j;
            }
            else if (k >= i)
            {
                lo = i;
            }
            else
            {
                return values[k];
            }
        }

        return values[k];
    }

    /// <summary>A copy of <paramref name="samples"/> scaled by 2⁻ᴱ so that its largest magnitude lies in [1, 2) (no centring): for the linear Gram.</summary>
    public static (SampleMatrix Samples, int Exponent) Scale(SampleMatrix samples, string paramName)
    {
        double[] result = new double[samples.Data.Length];
        int exponent = ScaleToUnit(samples.Data.Span, result);
        return (SampleMatrix.Owning(result, samples.Columns), exponent);
    }

    /// <summary>Checks that the n × n doubles of one Gram matrix (times <paramref name="copies"/>) can be allocated.</summary>
    public static void RequireSquare(int n, int copies, string paramName, string what, string instead = "") =>
        MemoryBudget.Require((long)n * n * copies, sizeof(double), paramName,
            string.Format(CultureInfo.InvariantCulture, "{0} ({1} n × n matrices of doubles, {2} has n = {3} rows)", what, copies, paramName, n),
            instead);
}
