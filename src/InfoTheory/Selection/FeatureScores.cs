using System.Globalization;
using InfoTheory.Continuous;
using InfoTheory.Discrete;
using InfoTheory.Internal;
using InfoTheory.Selection.Internal;

namespace InfoTheory.Selection;

/// <summary>
/// The mutual information between every feature (column of a <see cref="SampleMatrix"/>) and a target, each pair
/// estimated by the estimator that fits the kinds of the two variables: the counterpart of scikit-learn's
/// <c>mutual_info_classif</c> (discrete target) and <c>mutual_info_regression</c> (continuous target).
/// </summary>
/// <remarks>
/// <para>
/// <b>Estimator per pair.</b> A feature is discrete when the caller's mask says so (as scikit-learn's
/// <c>discrete_features</c>; the default is every feature continuous). Then:
/// discrete feature, discrete target → <see cref="DiscreteDiscrete"/> (default <see cref="DiscreteMutualInformation"/>,
/// plug-in; give it a bias-corrected <see cref="DiscreteEntropyEstimator"/> to correct the (|X| − 1)(|Y| − 1)/(2N) bias);
/// discrete and continuous → <see cref="Mixed"/> (default <see cref="RossMutualInformation"/>, Ross 2014);
/// continuous feature, continuous target → <see cref="ContinuousContinuous"/> (default <see cref="KsgMutualInformation"/>,
/// Kraskov et al. 2004, algorithm 1, k = 3; <see cref="HybridMutualInformation"/> is a lower-bias choice). Any
/// implementation of the interfaces may be given instead. The values of a discrete feature are symbols compared for
/// equality (any doubles; they are numbered in increasing order of value).
/// </para>
/// <para>
/// <b>Differences from scikit-learn</b> (which uses the same three estimators, k = 3 by default), so values agree
/// within the estimators' noise but not bit for bit:
/// scikit-learn divides each continuous column by its standard deviation without centring, the k-NN estimators here
/// centre and divide (<see cref="SampleScaling.Standardize"/>), which moves no distance;
/// scikit-learn adds Gaussian noise of 1e-10·max(1, mean |x|) to every continuous feature (and to a continuous target)
/// from its <c>random_state</c>, here ties are broken by seeded uniform jitter of 1e-10 times each column's standard
/// deviation (<see cref="TieHandling.Jitter"/>, <see cref="NearestNeighborEstimator.Seed"/>), so a constant or
/// discrete-valued column gives ≈ 0 (scikit-learn issue 30772);
/// scikit-learn clips negative estimates to 0, here they are returned as they are (clipping biases averages upward and
/// hides the noise level; clip them yourself to compare);
/// scikit-learn's discrete/discrete value is the plug-in MI of its <c>mutual_info_score</c>, the same as the default here.
/// </para>
/// <para>
/// <b>Parallelism and determinism.</b> Features are scored in parallel (<see cref="MaxDegreeOfParallelism"/>); each
/// pair is one call of an immutable estimator, so the result is the same bits for any thread count. When estimates
/// fail, the exception of the lowest-numbered failing column is thrown as itself. The default estimators run on one
/// thread each, since the features are the parallel axis. Nothing the caller passes is modified. Cost: one estimate per
/// column.
/// </para>
/// </remarks>
public sealed class FeatureScores
{
    /// <summary>The estimator for a discrete feature and a discrete target (default plug-in <see cref="DiscreteMutualInformation"/>).</summary>
    /// <exception cref="ArgumentNullException">Set to null.</exception>
    public IMutualInformationEstimator<int, int> DiscreteDiscrete { get; init => field = value ?? throw new ArgumentNullException(nameof(DiscreteDiscrete)); }
        = new DiscreteMutualInformation { MaxDegreeOfParallelism = 1 };

    /// <summary>
    /// The estimator for one discrete and one continuous variable, called with the discrete symbols first
    /// (default <see cref="RossMutualInformation"/>).
    /// </summary>
    /// <exception cref="ArgumentNullException">Set to null.</exception>
    public IMutualInformationEstimator<int, double> Mixed { get; init => field = value ?? throw new ArgumentNullException(nameof(Mixed)); }
        = new RossMutualInformation { MaxDegreeOfParallelism = 1 };

    /// <summary>The estimator for a continuous feature and a continuous target (default <see cref="KsgMutualInformation"/>, k = 3).</summary>
    /// <exception cref="ArgumentNullException">Set to null.</exception>
    public IMutualInformationEstimator<double, double> ContinuousContinuous { get; init => field = value ?? throw new ArgumentNullException(nameof(ContinuousContinuous)); }
        = new KsgMutualInformation { MaxDegreeOfParallelism = 1 };

    /// <summary>Threads over features: −1 (default, no limit) or at least 1. Does not change the result.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is 0 or less than −1.</exception>
    public int MaxDegreeOfParallelism { get; init => field = Settings.MaxDegreeOfParallelism(value); } = Settings.DefaultMaxDegreeOfParallelism;

    /// <summary>Scores every feature against a discrete target (classification, as <c>mutual_info_classif</c>).</summary>
    /// <param name="features">n samples of p features.</param>
    /// <param name="target">The class label of each sample (any <see cref="int"/> values, compared for equality; renumbered 0, 1, … by value before estimation).</param>
    /// <param name="discreteFeatures">Which features are discrete: empty (default) for none, or one flag per column.</param>
    /// <returns>One score per column, in column order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="features"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="target"/> does not have one value per row, <paramref name="discreteFeatures"/> is neither empty
    /// nor one flag per column, or an estimator rejects the data (e.g. fewer than k + 1 rows).
    /// </exception>
    public IReadOnlyList<FeatureScore> Score(SampleMatrix features, ReadOnlySpan<int> target, ReadOnlySpan<bool> discreteFeatures = default)
    {
        bool[] mask = Validate(features, target.Length, discreteFeatures);
        // Renumbered once by value (0, 1, …), so labels such as −1/+1 suit estimators that need non-negative symbols.
        int[] labels = SelectionColumns.EncodeByValue(target);
        return Run(features, mask, (column, discrete, codes) => discrete
            ? (DiscreteDiscrete.Estimate(codes, labels), DiscreteDiscrete)
            : (Mixed.Estimate(labels, column), Mixed));
    }

    /// <summary>Scores every feature against a continuous target (regression, as <c>mutual_info_regression</c>).</summary>
    /// <param name="features">n samples of p features.</param>
    /// <param name="target">The target value of each sample (finite).</param>
    /// <param name="discreteFeatures">Which features are discrete: empty (default) for none, or one flag per column.</param>
    /// <returns>One score per column, in column order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="features"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="target"/> does not have one value per row or holds NaN or ±∞, <paramref name="discreteFeatures"/>
    /// is neither empty nor one flag per column, or an estimator rejects the data (e.g. fewer than k + 1 rows).
    /// </exception>
    public IReadOnlyList<FeatureScore> Score(SampleMatrix features, ReadOnlySpan<double> target, ReadOnlySpan<bool> discreteFeatures = default)
    {
        bool[] mask = Validate(features, target.Length, discreteFeatures);
        for (int i = 0; i < target.Length; i++)
        {
            if (!double.IsFinite(target[i]))
            {
                ThrowHelper.ArgumentException(nameof(target), string.Create(CultureInfo.InvariantCulture,
                    $"target contains {target[i]} at row {i}; a continuous target must be finite."));
            }
        }

        double[] values = target.ToArray();
        return Run(features, mask, (column, discrete, codes) => discrete
            ? (Mixed.Estimate(codes, values), Mixed)
            : (ContinuousContinuous.Estimate(column, values), ContinuousContinuous));
    }

    private static bool[] Validate(SampleMatrix features, int targetLength, ReadOnlySpan<bool> discreteFeatures)
    {
        ArgumentNullException.ThrowIfNull(features);
        if (targetLength != features.Rows)
        {
            ThrowHelper.ArgumentException("target", string.Create(CultureInfo.InvariantCulture,
                $"target has {targetLength} values but features has {features.Rows} rows; give one target value per sample."));
        }

        if (!discreteFeatures.IsEmpty && discreteFeatures.Length != features.Columns)
        {
            ThrowHelper.ArgumentException(nameof(discreteFeatures), string.Create(CultureInfo.InvariantCulture,
                $"discreteFeatures has {discreteFeatures.Length} flags but features has {features.Columns} columns; give one flag per column, or none."));
        }

        return discreteFeatures.IsEmpty ? new bool[features.Columns] : discreteFeatures.ToArray();
    }

    private delegate (Information Value, object Estimator) PairEstimate(double[] column, bool discrete, int[] codes);

    private FeatureScore[] Run(SampleMatrix features, bool[] mask, PairEstimate estimate)
    {
        var scores = new FeatureScore[features.Columns];
        SelectionColumns.For(features.Columns, MaxDegreeOfParallelism, j =>
        {
            double[] column = features.Column(j);
            int[] codes = mask[j] ? SelectionColumns.EncodeByValue(column) : [];
            (Information value, object estimator) = estimate(column, mask[j], codes);
            scores[j] = new FeatureScore(j, value, estimator.GetType().Name, mask[j]);
        });
        return scores;
    }
}
