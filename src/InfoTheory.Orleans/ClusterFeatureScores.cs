using System.Globalization;
using InfoTheory.Continuous;
using InfoTheory.Internal;
using InfoTheory.Orleans.Internal;
using InfoTheory.Orleans.Messages;
using InfoTheory.Selection;

namespace InfoTheory.Orleans;

/// <summary>
/// <see cref="FeatureScores.Score(SampleMatrix, ReadOnlySpan{int}, ReadOnlySpan{bool})"/> on an Orleans cluster:
/// <c>scorer.Score(features, target)</c> becomes <c>await scorer.ScoreAsync(features, target, cluster)</c>, with the same bits.
/// </summary>
/// <remarks>
/// The features are cut into groups of <see cref="ClusterJobOptions.BlockSize"/> consecutive columns; a group is scored
/// on a silo by <see cref="FeatureScores"/> itself (each feature is one estimate against the target, independent of
/// the others, so a group's scores are those of the whole run). Each group's columns and the target reach a silo once
/// (by content hash, in pieces). The estimators travel as their settings; only those of the InfoTheory package can be
/// sent. Faults, progress and cancellation as for <see cref="ClusterDependenceMatrix"/>.
/// </remarks>
public static class ClusterFeatureScores
{
    /// <summary>Scores every feature against a discrete target (classification) on the cluster.</summary>
    /// <param name="scorer">The estimators per pair of kinds.</param>
    /// <param name="features">n samples of p features.</param>
    /// <param name="target">The class label of each sample.</param>
    /// <param name="cluster">A connected client of a cluster set up with <see cref="SiloBuilderExtensions.AddInfoTheory"/>.</param>
    /// <param name="discreteFeatures">Which features are discrete: null for none, or one flag per column.</param>
    /// <param name="options">Group size, items in flight, timeouts; null for the defaults.</param>
    /// <param name="progress">Told after each group.</param>
    /// <param name="cancellationToken">Cancels the job.</param>
    /// <returns>One score per column, in column order, the same as the local call.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="scorer"/>, <paramref name="features"/>, <paramref name="target"/> or <paramref name="cluster"/> is null.</exception>
    /// <exception cref="ArgumentException">As for the local call, or an estimator that cannot be sent to a cluster.</exception>
    /// <exception cref="ClusterUnavailableException">The cluster did not answer in time, or a group failed too often.</exception>
    public static Task<IReadOnlyList<FeatureScore>> ScoreAsync(this FeatureScores scorer, SampleMatrix features, int[] target, IClusterClient cluster,
        bool[]? discreteFeatures = null, ClusterJobOptions? options = null, IProgress<ClusterProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        return ScoreAsync(scorer, features, [.. target.Select(v => (double)v)], true, cluster, discreteFeatures, options, progress, cancellationToken);
    }

    /// <summary>Scores every feature against a continuous target (regression) on the cluster.</summary>
    /// <param name="scorer">The estimators per pair of kinds.</param>
    /// <param name="features">n samples of p features.</param>
    /// <param name="target">The target value of each sample (finite).</param>
    /// <param name="cluster">A connected client of a cluster set up with <see cref="SiloBuilderExtensions.AddInfoTheory"/>.</param>
    /// <param name="discreteFeatures">Which features are discrete: null for none, or one flag per column.</param>
    /// <param name="options">Group size, items in flight, timeouts; null for the defaults.</param>
    /// <param name="progress">Told after each group.</param>
    /// <param name="cancellationToken">Cancels the job.</param>
    /// <returns>One score per column, in column order, the same as the local call.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="scorer"/>, <paramref name="features"/>, <paramref name="target"/> or <paramref name="cluster"/> is null.</exception>
    /// <exception cref="ArgumentException">As for the local call (including a target with NaN or ±∞), or an estimator that cannot be sent to a cluster.</exception>
    /// <exception cref="ClusterUnavailableException">The cluster did not answer in time, or a group failed too often.</exception>
    public static Task<IReadOnlyList<FeatureScore>> ScoreAsync(this FeatureScores scorer, SampleMatrix features, double[] target, IClusterClient cluster,
        bool[]? discreteFeatures = null, ClusterJobOptions? options = null, IProgress<ClusterProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        for (int i = 0; i < target.Length; i++)
        {
            if (!double.IsFinite(target[i]))
            {
                ThrowHelper.ArgumentException(nameof(target), string.Create(CultureInfo.InvariantCulture,
                    $"target contains {target[i]} at row {i}; a continuous target must be finite."));
            }
        }

        return ScoreAsync(scorer, features, target, false, cluster, discreteFeatures, options, progress, cancellationToken);
    }

    private static async Task<IReadOnlyList<FeatureScore>> ScoreAsync(FeatureScores scorer, SampleMatrix features, double[] target, bool targetDiscrete,
        IClusterClient cluster, bool[]? discreteFeatures, ClusterJobOptions? options, IProgress<ClusterProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scorer);
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(cluster);
        options ??= ClusterJobOptions.Default;
        int n = features.Rows, p = features.Columns;
        if (target.Length != n)
        {
            ThrowHelper.ArgumentException(nameof(target), string.Create(CultureInfo.InvariantCulture,
                $"target has {target.Length} values but features has {n} rows; give one target value per sample."));
        }

        if (discreteFeatures is not null && discreteFeatures.Length != p)
        {
            ThrowHelper.ArgumentException(nameof(discreteFeatures), string.Create(CultureInfo.InvariantCulture,
                $"discreteFeatures has {discreteFeatures.Length} flags but features has {p} columns; give one flag per column, or none."));
        }

        bool[] mask = discreteFeatures is null ? new bool[p] : [.. discreteFeatures];
        bool anyDiscrete = Array.Exists(mask, d => d), anyContinuous = Array.Exists(mask, d => !d);
        EstimatorDescription? dd = targetDiscrete && anyDiscrete ? EstimatorCodec.Describe(scorer.DiscreteDiscrete, nameof(scorer)) : null;
        EstimatorDescription? mixed = (targetDiscrete && anyContinuous) || (!targetDiscrete && anyDiscrete) ? EstimatorCodec.Describe(scorer.Mixed, nameof(scorer)) : null;
        EstimatorDescription? cc = !targetDiscrete && anyContinuous ? EstimatorCodec.Describe(scorer.ContinuousContinuous, nameof(scorer)) : null;

        var data = new ClusterData(cluster, options);
        DataRef targetRef = data.Add(SampleMatrix.FromRowMajor(target, 1));
        int size = options.BlockSize, groups = (p + size - 1) / size;
        var featureRefs = new DataRef[groups];
        for (int g = 0; g < groups; g++)
        {
            int start = g * size, count = Math.Min(size, p - start);
            double[] values = new double[(long)n * count];
            for (int j = 0; j < count; j++)
            {
                double[] column = features.Column(start + j);
                for (int i = 0; i < n; i++)
                {
                    values[((long)i * count) + j] = column[i];
                }
            }

            featureRefs[g] = data.Add(SampleMatrix.FromRowMajor(values, count));
        }

        var scores = new FeatureScore[p];
        await ClusterScheduler.RunAsync(cluster, groups, options,
            async (silo, g, token) =>
            {
                int start = g * size, count = Math.Min(size, p - start);
                var request = new FeatureScoreRequest
                {
                    DiscreteDiscrete = dd,
                    Mixed = mixed,
                    ContinuousContinuous = cc,
                    Features = featureRefs[g],
                    Target = targetRef,
                    TargetDiscrete = targetDiscrete,
                    DiscreteFeatures = mask[start..(start + count)],
                    Start = start,
                    MaxDegreeOfParallelism = options.MaxDegreeOfParallelism,
                };
                return await data.CallAsync(silo, w => w.ScoreFeatures(request), r => r.Missing, token).ConfigureAwait(false);
            },
            (g, reply) =>
            {
                int start = g * size;
                for (int j = 0; j < reply.Nats.Length; j++)
                {
                    scores[start + j] = new FeatureScore(start + j, Information.FromNats(reply.Nats[j]), reply.Estimators[j], mask[start + j]);
                }
            },
            progress, cancellationToken).ConfigureAwait(false);
        return scores;
    }
}
