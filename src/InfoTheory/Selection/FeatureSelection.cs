using System.Globalization;
using InfoTheory.Continuous;
using InfoTheory.Discrete;
using InfoTheory.Internal;
using InfoTheory.Selection.Internal;

namespace InfoTheory.Selection;

/// <summary>
/// Greedy forward feature selection by information: at each step the feature with the highest
/// J(X_k) = I(X_k;Y) − β Σ_{j∈S} I(X_j;X_k) + γ Σ_{j∈S} I(X_j;X_k|Y) over the not yet selected features joins the
/// selected set S, with β and γ set by <see cref="Criterion"/> (MIM, MIFS, mRMR, JMI, CIFE; CMIM uses
/// I(X_k;Y) − max_{j∈S} [I(X_j;X_k) − I(X_j;X_k|Y)]).
/// </summary>
/// <remarks>
/// <para>
/// Reference: Brown, Pocock, Zhao &amp; Luján (2012), "Conditional likelihood maximisation: a unifying framework for
/// information theoretic feature selection", JMLR 13, 27–66, eq. 8 and table 1. The first feature is the most relevant
/// one under every criterion (S is empty, so J = I(X_k;Y)). Brown et al. recommend JMI as the best trade-off between
/// accuracy, stability and flexibility; mRMR is the most widely used.
/// </para>
/// <para>
/// <b>Data.</b> Discrete features and target, as symbols (any <see cref="int"/> values, compared for equality; each
/// column is renumbered once by value). Continuous data are discretised first: give a <see cref="Binning"/> (e.g.
/// <see cref="EqualFrequencyBinning"/>) to <see cref="Select(SampleMatrix, ReadOnlySpan{int}, int, Binning?)"/>.
/// Every term is estimated from the counts with <see cref="DiscreteMutualInformation"/> and
/// <see cref="DiscreteConditionalMutualInformation"/> on the entropy estimator <see cref="Entropy"/> (plug-in by
/// default, as in Brown et al.; plug-in conditional terms come from one 3-D <see cref="ContingencyTable"/>). Plug-in estimates satisfy I(X_k;Y|X_j) = I(X_k;Y) − I(X_j;X_k) + I(X_j;X_k|Y) exactly,
/// so the CMIM score equals min_j I(X_k;Y|X_j) up to rounding.
/// </para>
/// <para>
/// <b>Determinism.</b> Ties in J go to the lowest column index. The terms of each candidate are computed in parallel
/// (<see cref="MaxDegreeOfParallelism"/>) but summed in the order the features were selected, so the result is the
/// same bits for any thread count. Cost: p relevance terms and, per step, one MI (and for JMI, CIFE and CMIM one
/// conditional MI) per remaining candidate: O(count · p) estimates of O(n log n) each. Nothing the caller passes is modified.
/// </para>
/// </remarks>
public sealed class FeatureSelection
{
    /// <summary>The criterion (default <see cref="SelectionCriterion.Mrmr"/>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not defined.</exception>
    public SelectionCriterion Criterion
    {
        get;
        init
        {
            if (!Enum.IsDefined(value))
            {
                ThrowHelper.ArgumentOutOfRange(nameof(Criterion), value, $"Criterion must be one of {string.Join(", ", Enum.GetNames<SelectionCriterion>())}, got {(int)value}.");
            }

            field = value;
        }
    } = SelectionCriterion.Mrmr;

    /// <summary>The redundancy weight β of <see cref="SelectionCriterion.Mifs"/> (default 1; finite and ≥ 0). The other criteria ignore it.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative, NaN or infinite.</exception>
    public double Beta { get; init => field = Settings.Tolerance(value, nameof(Beta), zeroAllowed: true); } = 1;

    /// <summary>The entropy estimator behind every MI and conditional-MI term; null (default) for plug-in.</summary>
    public DiscreteEntropyEstimator? Entropy { get; init; }

    /// <summary>Threads over candidate features: −1 (default, no limit) or at least 1. Does not change the result.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is 0 or less than −1.</exception>
    public int MaxDegreeOfParallelism { get; init => field = Settings.MaxDegreeOfParallelism(value); } = Settings.DefaultMaxDegreeOfParallelism;

    /// <summary>Selects <paramref name="count"/> features from discrete columns.</summary>
    /// <param name="features">The features, one array of n symbols per feature (column).</param>
    /// <param name="target">The n target symbols.</param>
    /// <param name="count">How many features to select, 1 ≤ count ≤ number of features.</param>
    /// <returns>The selected features in order, with the score of each at its step.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="features"/> or one of its columns is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="features"/> is empty, a column's length differs from the target's, or the target is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is outside [1, number of features].</exception>
    public FeatureSelectionResult Select(IReadOnlyList<int[]> features, ReadOnlySpan<int> target, int count)
    {
        ArgumentNullException.ThrowIfNull(features);
        if (features.Count == 0)
        {
            ThrowHelper.ArgumentException(nameof(features), "features is empty; give at least one feature column.");
        }

        if (target.IsEmpty)
        {
            ThrowHelper.ArgumentException(nameof(target), "target is empty; give one symbol per sample.");
        }

        for (int j = 0; j < features.Count; j++)
        {
            if (features[j] is null)
            {
                throw new ArgumentNullException(nameof(features), string.Create(CultureInfo.InvariantCulture, $"features[{j}] is null."));
            }

            if (features[j].Length != target.Length)
            {
                ThrowHelper.ArgumentException(nameof(features), string.Create(CultureInfo.InvariantCulture,
                    $"features[{j}] has {features[j].Length} values but target has {target.Length}; every column needs one value per sample."));
            }
        }

        CheckCount(count, features.Count);
        int[][] columns = new int[features.Count][];
        SelectionColumns.For(columns.Length, MaxDegreeOfParallelism, j => columns[j] = SelectionColumns.EncodeByValue(features[j]));
        return Run(columns, SelectionColumns.EncodeByValue(target), count);
    }

    /// <summary>
    /// Selects <paramref name="count"/> features from the columns of a matrix: each column's values taken as symbols,
    /// or discretised by <paramref name="binning"/> (one binning per column, e.g. <see cref="EqualFrequencyBinning"/>).
    /// </summary>
    /// <param name="features">n samples of p features.</param>
    /// <param name="target">The n target symbols.</param>
    /// <param name="count">How many features to select, 1 ≤ count ≤ p.</param>
    /// <param name="binning">How to discretise each column; null (default) to use each distinct value as a symbol.</param>
    /// <returns>The selected features in order, with the score of each at its step.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="features"/> is null.</exception>
    /// <exception cref="ArgumentException">The target's length differs from the number of rows.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is outside [1, p].</exception>
    public FeatureSelectionResult Select(SampleMatrix features, ReadOnlySpan<int> target, int count, Binning? binning = null)
    {
        ArgumentNullException.ThrowIfNull(features);
        if (target.Length != features.Rows)
        {
            ThrowHelper.ArgumentException(nameof(target), string.Create(CultureInfo.InvariantCulture,
                $"target has {target.Length} values but features has {features.Rows} rows; give one target symbol per sample."));
        }

        CheckCount(count, features.Columns);
        int[][] columns = binning is null ? new int[features.Columns][] : binning.DiscretizeColumns(features);
        if (binning is null)
        {
            SelectionColumns.For(columns.Length, MaxDegreeOfParallelism, j => columns[j] = SelectionColumns.EncodeByValue(features.Column(j)));
        }

        return Run(columns, SelectionColumns.EncodeByValue(target), count);
    }

    private static void CheckCount(int count, int available)
    {
        if (count < 1 || count > available)
        {
            ThrowHelper.ArgumentOutOfRange(nameof(count), count, string.Create(CultureInfo.InvariantCulture,
                $"count must be between 1 and the number of features, {available}, got {count}."));
        }
    }

    private FeatureSelectionResult Run(int[][] columns, int[] target, int count)
    {
        int p = columns.Length;
        var mi = new DiscreteMutualInformation(Entropy) { MaxDegreeOfParallelism = 1 };
        var cmi = new DiscreteConditionalMutualInformation(Entropy);
        // Plug-in CMI straight from one 3-D contingency table (the same value as the entropy route, to rounding, and
        // several times faster than densifying three joint variables).
        bool plugIn = Entropy is null or PlugInEntropy;
        bool usesRedundancy = Criterion != SelectionCriterion.Mim;
        bool usesConditional = Criterion is SelectionCriterion.Jmi or SelectionCriterion.Cife or SelectionCriterion.Cmim;

        double[] relevance = new double[p];
        SelectionColumns.For(p, MaxDegreeOfParallelism, k => relevance[k] = mi.Estimate(columns[k], target).Nats);

        // Per candidate: Σ I(X_j;X_k), Σ I(X_j;X_k|Y) and max [I(X_j;X_k) − I(X_j;X_k|Y)] over the selected j, in selection order.
        double[] redundancy = new double[p];
        double[] conditional = new double[p];
        double[] worst = new double[p];
        Array.Fill(worst, double.NegativeInfinity);
        bool[] taken = new bool[p];
        var steps = new SelectionStep[count];
        for (int step = 0; step < count; step++)
        {
            int best = -1;
            double bestScore = double.NegativeInfinity;
            for (int k = 0; k < p; k++)
            {
                if (taken[k])
                {
                    continue;
                }

                double score = Score(relevance[k], redundancy[k], conditional[k], worst[k], step);
                if (best < 0 || score > bestScore)
                {
                    best = k;
                    bestScore = score;
                }
            }

            taken[best] = true;
            steps[step] = new SelectionStep(best, Information.FromNats(bestScore), Information.FromNats(relevance[best]));
            if (step + 1 == count || !usesRedundancy)
            {
                continue;
            }

            int[] selected = columns[best];
            SelectionColumns.For(p, MaxDegreeOfParallelism, k =>
            {
                if (taken[k])
                {
                    return;
                }

                double r = mi.Estimate(selected, columns[k]).Nats;
                double c = !usesConditional ? 0
                    : plugIn ? ContingencyTable.FromSymbols(selected, columns[k], target, 1).PlugInConditionalMutualInformation().Nats
                    : cmi.Estimate(selected, columns[k], target).Nats;
                redundancy[k] += r;
                conditional[k] += c;
                worst[k] = Math.Max(worst[k], r - c);
            });
        }

        return new FeatureSelectionResult(Criterion, steps);
    }

    /// <summary>J of a candidate given |S| = <paramref name="selected"/> features already chosen.</summary>
    private double Score(double relevance, double redundancy, double conditional, double worst, int selected)
    {
        if (selected == 0)
        {
            return relevance;
        }

        return Criterion switch
        {
            SelectionCriterion.Mim => relevance,
            SelectionCriterion.Mifs => relevance - (Beta * redundancy),
            SelectionCriterion.Mrmr => relevance - (redundancy / selected),
            SelectionCriterion.Jmi => relevance - ((redundancy - conditional) / selected),
            SelectionCriterion.Cife => relevance - redundancy + conditional,
            _ => relevance - worst,
        };
    }
}
