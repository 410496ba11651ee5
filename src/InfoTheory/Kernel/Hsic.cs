using System.Globalization;
using InfoTheory.Continuous;
using InfoTheory.Internal;
using InfoTheory.Kernel.Internal;

namespace InfoTheory.Kernel;

/// <summary>
/// The Hilbert-Schmidt independence criterion (Gretton, Bousquet, Smola &amp; Schölkopf 2005, "Measuring statistical
/// dependence with Hilbert-Schmidt norms", ALT): HSIC = (n − 1)⁻² tr(K H L H) with K, L the Gram matrices of x and y and
/// H = I − 11ᵀ/n the centring matrix; with a permutation test of independence.
/// </summary>
/// <remarks>
/// <para>
/// The biased (V-statistic) estimator of the squared Hilbert-Schmidt norm of the cross-covariance operator: ≥ 0, 0 when
/// either Gram matrix is constant, and, with characteristic kernels such as the Gaussian, its population value is 0
/// exactly when X and Y are independent. Not an amount of information: a dimensionless number, so it is returned as a
/// <see cref="double"/>, not an <see cref="Information"/>.
/// </para>
/// <para>
/// Default kernel: Gaussian with the median heuristic, applied to x and y separately (Gretton et al.'s choice). Time
/// O(n² (dx + dy)) for the statistic, plus O(n²) per permutation; memory 2n² doubles, checked before any work (too many
/// rows give an <see cref="ArgumentException"/> naming x, not an <see cref="OutOfMemoryException"/>). Each variable is
/// centred at its per-column median and scaled by a power of two before its Gram matrix is formed, so translating x or y
/// does not change HSIC, and with a bandwidth rule neither does scaling. Immutable and thread-safe; the permutation test
/// is deterministic for a given seed.
/// </para>
/// </remarks>
public sealed class Hsic() : KernelEstimator(KernelFunction.Gaussian(BandwidthRule.MedianHeuristic))
{
    /// <summary>HSIC = (n − 1)⁻² tr(K H L H) of paired samples.</summary>
    /// <param name="x">Samples of X, n ≥ 2 rows.</param>
    /// <param name="y">Samples of Y, as many rows.</param>
    /// <returns>The statistic, ≥ 0 up to rounding.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="x"/> or <paramref name="y"/> is null.</exception>
    /// <exception cref="ArgumentException">Fewer than 2 rows (named <paramref name="x"/>), row counts differ (named <paramref name="y"/>), the two n × n matrices cannot be allocated, or a bandwidth rule cannot be applied (named after the variable).</exception>
    public double Statistic(SampleMatrix x, SampleMatrix y)
    {
        var (centred, l) = Prepare(x, y);
        return Trace(centred, l, null, x.Rows);
    }

    /// <summary>
    /// The permutation test of independence: HSIC on the data, and on <paramref name="permutations"/> copies with the rows
    /// of y shuffled (which keeps both marginals and breaks any dependence).
    /// </summary>
    /// <param name="x">Samples of X, n ≥ 2 rows.</param>
    /// <param name="y">Samples of Y, as many rows.</param>
    /// <param name="permutations">B ≥ 1 shuffles (e.g. 1000).</param>
    /// <param name="seed">Seed of the shuffles: the same seed gives the same result.</param>
    /// <returns>The statistic, its permutation null distribution and the p-value.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="x"/> or <paramref name="y"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="permutations"/> &lt; 1.</exception>
    /// <exception cref="ArgumentException">Fewer than 2 rows, row counts differ, or a bandwidth rule cannot be applied.</exception>
    public HsicTestResult Test(SampleMatrix x, SampleMatrix y, int permutations, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(permutations, 1);
        var (centred, l) = Prepare(x, y);
        int n = x.Rows;
        double observed = Trace(centred, l, null, n);
        var random = new Random(seed);
        int[] order = new int[n];
        double[] nulls = new double[permutations];
        int exceed = 0;
        for (int b = 0; b < permutations; b++)
        {
            for (int i = 0; i < n; i++)
            {
                order[i] = i;
            }

            random.Shuffle(order);
            nulls[b] = Trace(centred, l, order, n);
            if (nulls[b] >= observed)
            {
                exceed++;
            }
        }

        return new HsicTestResult(observed, nulls, (1.0 + exceed) / (1.0 + permutations));
    }

    private (double[] Centred, double[] L) Prepare(SampleMatrix x, SampleMatrix y)
    {
        MatrixValidation.SameRows([x, y], [nameof(x), nameof(y)]);
        int n = x.Rows;
        if (n < 2)
        {
            ThrowHelper.ArgumentException(nameof(x), string.Format(CultureInfo.InvariantCulture, "HSIC needs at least 2 samples, got {0}.", n));
        }

        GramInput.RequireSquare(n, 2, nameof(x), "HSIC's two Gram matrices", "Subsample the rows.");
        GramInput.Prepared px = GramInput.Prepare(x, Kernel, nameof(x));
        GramInput.Prepared py = GramInput.Prepare(y, Kernel, nameof(y));
        double[] k = new double[n * n], l = new double[n * n];
        GramBuilder.Fill(px.Samples, px.Kernel, k, MaxDegreeOfParallelism);
        GramBuilder.Fill(py.Samples, py.Kernel, l, MaxDegreeOfParallelism);

        // HKH: subtract row and column means, add back the grand mean (K is symmetric, so row means = column means).
        double[] means = new double[n];
        double grand = 0;
        for (int i = 0; i < n; i++)
        {
            means[i] = System.Numerics.Tensors.TensorPrimitives.Sum(k.AsSpan(i * n, n)) / n;
            grand += means[i];
        }

        grand /= n;
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                k[(i * n) + j] += grand - means[i] - means[j];
            }
        }

        return (k, l);
    }

    /// <summary>(n − 1)⁻² Σᵢⱼ (HKH)ᵢⱼ L_{π(i)π(j)}, tr(HKH L) = tr(KHLH) by the cyclic property and H² = H.</summary>
    private static double Trace(double[] centred, double[] l, int[]? order, int n)
    {
        double total = 0;
        if (order is null)
        {
            for (int i = 0; i < n; i++)
            {
                total += System.Numerics.Tensors.TensorPrimitives.Dot(centred.AsSpan(i * n, n), l.AsSpan(i * n, n));
            }
        }
        else
        {
            for (int i = 0; i < n; i++)
            {
                ReadOnlySpan<double> row = centred.AsSpan(i * n, n), permuted = l.AsSpan(order[i] * n, n);
                double sum = 0;
                for (int j = 0; j < n; j++)
                {
                    sum += row[j] * permuted[order[j]];
                }

                total += sum;
            }
        }

        return total / ((n - 1.0) * (n - 1.0));
    }
}
