using System.Buffers;
using System.Globalization;
using System.Numerics.Tensors;
using InfoTheory.Internal;
using InfoTheory.Measures.Internal;
using InfoTheory.Primitives;
using InfoTheory.Primitives.Simd;

namespace InfoTheory.Measures;

public static partial class Divergence
{
    /// <summary>
    /// Jensen-Shannon divergence JS(p, q) = ½ KL(p‖m) + ½ KL(q‖m) with m = ½(p + q);
    /// equivalently H(m) − ½H(p) − ½H(q).
    /// </summary>
    /// <param name="p">The first distribution.</param>
    /// <param name="q">The second distribution, as long as <paramref name="p"/>.</param>
    /// <param name="normalize">Treat both as unnormalised weights and use p / Σp and q / Σq.</param>
    /// <returns>JS(p, q): symmetric, finite, 0 ≤ JS ≤ ln 2 (1 bit); 0 exactly when p = q. Its square root is a metric.</returns>
    /// <exception cref="ArgumentException">The lengths differ, or either is not a valid distribution.</exception>
    /// <remarks>
    /// Computed term by term as ½ Σ [p ln(2p/(p+q)) + q ln(2q/(p+q))] (vectorised): exact at p = q, no
    /// cancellation near 0, and no mixture vector that could underflow. Lin (1991), "Divergence measures based on the Shannon entropy".
    /// </remarks>
    public static Information JensenShannon(ReadOnlySpan<double> p, ReadOnlySpan<double> q, bool normalize = false)
    {
        Check.SameLength(p.Length, q.Length);
        using var pd = new ValidatedDistribution(p, normalize);
        using var qd = new ValidatedDistribution(q, normalize);
        return Information.FromNats(Kernels.JensenShannon(pd.Values, qd.Values));
    }

    /// <summary>
    /// Weighted Jensen-Shannon divergence of n distributions: JS_w(P₁…Pₙ) = H(Σ wᵢPᵢ) − Σ wᵢ H(Pᵢ) = Σ wᵢ KL(Pᵢ‖M), M = Σ wᵢPᵢ.
    /// </summary>
    /// <param name="distributions">The n distributions as the rows of a row-major [n × <paramref name="categories"/>] matrix.</param>
    /// <param name="categories">The number of outcomes of each distribution (the row length).</param>
    /// <param name="weights">The n weights wᵢ: a probability vector.</param>
    /// <param name="normalize">Rescale each row and the weights to sum to 1 instead of requiring it.</param>
    /// <returns>JS_w ≥ 0, at most the entropy H(w) of the weights (ln n for equal weights).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="categories"/> is less than 1.</exception>
    /// <exception cref="ArgumentException">The matrix is not n whole rows, a row or the weights are not a valid distribution, or the weights do not have one element per row.</exception>
    /// <remarks>Lin (1991). Allocates pooled scratch for the mixture and the normalised rows.</remarks>
    public static Information JensenShannon(ReadOnlySpan<double> distributions, int categories, ReadOnlySpan<double> weights, bool normalize = false)
    {
        if (categories < 1)
        {
            ThrowHelper.ArgumentOutOfRange(nameof(categories), categories, $"categories must be at least 1, got {categories}.");
        }

        if (distributions.Length % categories != 0)
        {
            ThrowHelper.ArgumentException_RowLengthDoesNotDivide(nameof(distributions), distributions.Length, categories);
        }

        int n = distributions.Length / categories;
        if (weights.Length != n)
        {
            ThrowHelper.ArgumentException(nameof(weights), string.Create(CultureInfo.InvariantCulture,
                $"weights has {weights.Length} elements but distributions has {n} rows of {categories}; give one weight per row."));
        }

        using var w = new ValidatedDistribution(weights, normalize);
        double[] rented = ArrayPool<double>.Shared.Rent(distributions.Length + categories);
        try
        {
            Span<double> rows = rented.AsSpan(0, distributions.Length);
            Span<double> mixture = rented.AsSpan(distributions.Length, categories);
            mixture.Clear();
            for (int i = 0; i < n; i++)
            {
                ReadOnlySpan<double> row = distributions.Slice(i * categories, categories);
                Check.Distribution(row, nameof(distributions), "row {0} of distributions", i, normalize, canNormalize: true);
                if (normalize)
                {
                    ValidatedDistribution.Normalize(row, rows.Slice(i * categories, categories));
                }
                else
                {
                    row.CopyTo(rows.Slice(i * categories, categories));
                }
                TensorPrimitives.MultiplyAdd(rows.Slice(i * categories, categories), w.Values[i], mixture, mixture);
            }

            double js = 0;
            for (int i = 0; i < n; i++)
            {
                if (w.Values[i] != 0)
                {
                    js += w.Values[i] * InformationPrimitives.KullbackLeibler(rows.Slice(i * categories, categories), mixture).Nats;
                }
            }

            return Information.FromNats(js);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(rented);
        }
    }
}
