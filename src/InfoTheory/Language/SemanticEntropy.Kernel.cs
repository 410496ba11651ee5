using System.Globalization;
using InfoTheory.Internal;
using InfoTheory.Kernel;
using InfoTheory.Statistics;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Factorization;

namespace InfoTheory.Language;

/// <summary>Kernel language entropy and bootstrap intervals of semantic entropy.</summary>
public static partial class SemanticEntropy
{
    /// <summary>
    /// Kernel language entropy (Nikitin, Kossen, Gal &amp; Marttinen 2024, "Kernel Language Entropy: fine-grained
    /// uncertainty quantification for LLMs from semantic similarities"): the von Neumann entropy −Σ λᵢ ln λᵢ of the
    /// answers' semantic kernel scaled to unit trace. Where semantic entropy needs a hard clustering, the kernel says how
    /// similar any two answers are; with K = 1 within each cluster and 0 across, the eigenvalues are the cluster
    /// frequencies and the value is the discrete semantic entropy (<see cref="Discrete"/>).
    /// </summary>
    /// <param name="kernel">The count × count semantic kernel, row-major: symmetric positive semi-definite with a positive
    /// trace (e.g. <see cref="HeatKernel"/> of a semantic graph).</param>
    /// <param name="count">The number of answers, at least 1.</param>
    /// <returns>Between 0 (one meaning) and ln count (orthogonal answers).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is less than 1.</exception>
    /// <exception cref="ArgumentException">The kernel has the wrong length, a non-finite entry, is not symmetric, has zero trace or is not positive semi-definite.</exception>
    /// <remarks>O(count³) (an eigen decomposition, as <see cref="MatrixEntropy.VonNeumann"/>).</remarks>
    public static Information KernelLanguageEntropy(ReadOnlySpan<double> kernel, int count) => MatrixEntropy.VonNeumann(kernel, count);

    /// <summary>
    /// The heat kernel e^(−tL) of a weighted semantic graph, L = D − W its Laplacian (D the diagonal of row sums of W):
    /// the kernel of Nikitin et al. (2024) built from pairwise semantic similarities (e.g. entailment probabilities, or 1
    /// for bidirectional entailment and 0 otherwise). Larger t spreads each answer's mass over its connected answers; as
    /// t → ∞ each connected component's block tends to its all-ones matrix over its size.
    /// </summary>
    /// <param name="weights">The count × count similarities, row-major: symmetric, finite, non-negative (the diagonal is ignored).</param>
    /// <param name="count">The number of answers, at least 1.</param>
    /// <param name="t">The diffusion time, finite and ≥ 0 (0 gives the identity).</param>
    /// <returns>A new count × count positive semi-definite matrix, row-major.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is less than 1, or <paramref name="t"/> is negative or not finite.</exception>
    /// <exception cref="ArgumentException">The weights have the wrong length, a negative or non-finite entry, or are not symmetric.</exception>
    public static double[] HeatKernel(ReadOnlySpan<double> weights, int count, double t)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        if (!(double.IsFinite(t) && t >= 0))
        {
            ThrowHelper.ArgumentOutOfRange(nameof(t), t, string.Create(CultureInfo.InvariantCulture, $"t must be finite and ≥ 0, got {t}."));
        }

        if (weights.Length != (long)count * count)
        {
            ThrowHelper.ArgumentException(nameof(weights), string.Create(CultureInfo.InvariantCulture,
                $"weights has {weights.Length} entries; a {count} × {count} matrix has {(long)count * count}."));
        }

        Matrix<double> laplacian = Matrix<double>.Build.Dense(count, count);
        for (int i = 0; i < count; i++)
        {
            for (int j = 0; j < count; j++)
            {
                double w = weights[(i * count) + j];
                if (!(double.IsFinite(w) && w >= 0) || w != weights[(j * count) + i])
                {
                    ThrowHelper.ArgumentException(nameof(weights), string.Create(CultureInfo.InvariantCulture,
                        $"weights[{i}, {j}] = {w} (and [{j}, {i}] = {weights[(j * count) + i]}): similarities must be finite, non-negative and symmetric."));
                }

                if (i != j)
                {
                    laplacian[i, j] = -w;
                    laplacian[i, i] += w;
                }
            }
        }

        Evd<double> evd = laplacian.Evd(Symmetricity.Symmetric);
        Matrix<double> v = evd.EigenVectors;
        var decay = Vector<double>.Build.Dense(count, i => Math.Exp(-t * Math.Max(evd.EigenValues[i].Real, 0)));
        Matrix<double> heat = v * Matrix<double>.Build.DiagonalOfDiagonalVector(decay) * v.Transpose();
        double[] result = new double[count * count];
        for (int i = 0; i < count; i++)
        {
            for (int j = 0; j < count; j++)
            {
                // Symmetric to the last bit: the average of the two computed halves.
                result[(i * count) + j] = 0.5 * (heat[i, j] + heat[j, i]);
            }
        }

        return result;
    }

    /// <summary>
    /// A bootstrap percentile interval for the discrete semantic entropy: the answers resampled with replacement
    /// (resample b from its own stream (<paramref name="seed"/>, b)), as <see cref="Statistics.Bootstrap.Entropy{TSample}"/> does.
    /// </summary>
    /// <param name="clusters">The cluster of each answer (≥ 0), at least one.</param>
    /// <param name="resamples">The number B of resamples, ≥ 1.</param>
    /// <param name="confidence">The nominal coverage, in (0, 1).</param>
    /// <param name="seed">The seed of the resampling.</param>
    /// <returns>The estimate, the interval, the standard error and the B replicates in nats.</returns>
    /// <exception cref="ArgumentException">A cluster is negative, or there are no answers.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="resamples"/> or <paramref name="confidence"/> is out of range.</exception>
    /// <remarks>With the few answers usually sampled (5–20), the interval is wide and the plug-in entropy biased low: read it as a spread, not a calibrated interval.</remarks>
    public static BootstrapInterval BootstrapDiscrete(ReadOnlySpan<int> clusters, int resamples = Statistics.Bootstrap.DefaultResamples,
        double confidence = Statistics.Bootstrap.DefaultConfidence, int seed = EstimatorDefaults.Seed)
    {
        _ = DenseClusters(clusters, out _);
        return Statistics.Bootstrap.Samples<int>(c => Discrete(c), clusters, nameof(clusters), resamples, confidence, seed, Settings.DefaultMaxDegreeOfParallelism);
    }

    /// <summary>
    /// A bootstrap percentile interval for the likelihood-weighted semantic entropy (<see cref="FromClusters"/>): the
    /// (log-probability, cluster) pairs of the answers resampled with replacement.
    /// </summary>
    /// <param name="sequenceLogProbs">ln p(s | x) of each sampled answer, as for <see cref="FromClusters"/>.</param>
    /// <param name="clusters">The cluster of each answer (≥ 0); as many as log-probabilities, at least one.</param>
    /// <param name="resamples">The number B of resamples, ≥ 1.</param>
    /// <param name="confidence">The nominal coverage, in (0, 1).</param>
    /// <param name="seed">The seed of the resampling.</param>
    /// <returns>The estimate, the interval, the standard error and the B replicates in nats.</returns>
    /// <exception cref="ArgumentException">As for <see cref="FromClusters"/>, or there are no answers.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="resamples"/> or <paramref name="confidence"/> is out of range.</exception>
    public static BootstrapInterval BootstrapFromClusters(ReadOnlySpan<double> sequenceLogProbs, ReadOnlySpan<int> clusters, int resamples = Statistics.Bootstrap.DefaultResamples,
        double confidence = Statistics.Bootstrap.DefaultConfidence, int seed = EstimatorDefaults.Seed)
    {
        Check.SameLength(sequenceLogProbs.Length, clusters.Length);
        Resampling.NonEmpty(clusters.Length, nameof(clusters));
        return Statistics.Bootstrap.Pairs<double, int>((l, c) => FromClusters(l, c), sequenceLogProbs, clusters, resamples, confidence, seed, Settings.DefaultMaxDegreeOfParallelism);
    }
}
