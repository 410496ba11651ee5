using System.Globalization;
using InfoTheory.Discrete;
using InfoTheory.Internal;

namespace InfoTheory.Continuous;

/// <summary>
/// A rule that turns continuous values into bin indices, fitted to the data it is given: the discretisation step of
/// binned (histogram) information estimates, such as the information plane of a network layer. The concrete rules are
/// <see cref="EqualWidthBinning"/>, <see cref="EqualFrequencyBinning"/> and <see cref="EntropyBasedAdaptiveBinning"/>.
/// </summary>
/// <remarks>
/// <para>
/// A fit gives <see cref="Bins"/> + 1 non-decreasing edges e₀ ≤ e₁ ≤ … ≤ e_B (see <see cref="Edges"/>). A value v goes to
/// bin k = #{ j ∈ 1 … B − 1 : e_j ≤ v }: bins are closed below and open above, [e_k, e_{k+1}), the last one closed
/// [e_{B−1}, e_B]; values below e₀ or above e_B (possible only with a fixed range) land in the first or last bin.
/// Equal values always share a bin. When all fitted values are equal (e₀ = e_B) every value goes to bin 0. Edges that
/// coincide leave empty bins between them; bin indices are kept as they are, so an index says where a value lies.
/// </para>
/// <para>
/// <see cref="Discretize(SampleMatrix)"/> bins every column (edges per <see cref="Scope"/>) and joins the bin indices of
/// a row into one symbol with <see cref="JointSymbols.Dense"/>: equal symbols ⇔ equal bin vectors, symbols 0 … K − 1 for
/// the K distinct bin vectors observed, so any number of columns works without overflow. The symbols feed any discrete
/// estimator (<see cref="BinnedMutualInformation"/> does this).
/// </para>
/// <para>
/// Binned estimates depend strongly on the number of bins and on the rule (Saxe et al. 2018; Chelombiev, Houghton &amp;
/// O'Donnell 2019): report both with the results. Instances are immutable and thread-safe; nothing passed in is modified.
/// </para>
/// </remarks>
public abstract class Binning
{
    private readonly BinningScope _scope = BinningScope.Pooled;

    /// <summary>Validates the bin count.</summary>
    /// <param name="bins">The number of bins, at least 1.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="bins"/> is less than 1.</exception>
    private protected Binning(int bins)
    {
        if (bins < 1)
        {
            ThrowHelper.ArgumentOutOfRange(nameof(bins), bins, string.Format(CultureInfo.InvariantCulture,
                "bins must be at least 1, got {0}.", bins));
        }

        Bins = bins;
    }

    /// <summary>The number of bins B (≥ 1) the values are split into.</summary>
    public int Bins { get; }

    /// <summary>
    /// Which values of a <see cref="SampleMatrix"/> one set of edges is fitted to: <see cref="BinningScope.Pooled"/>
    /// (default: all values, as for the units of one network layer) or <see cref="BinningScope.PerColumn"/>.
    /// Values are never standardised, so pooled edges compare the columns on their raw scale.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined <see cref="BinningScope"/>.</exception>
    public BinningScope Scope
    {
        get => _scope;
        init
        {
            if (!Enum.IsDefined(value))
            {
                ThrowHelper.ArgumentOutOfRange(nameof(Scope), value, "Scope must be BinningScope.Pooled or BinningScope.PerColumn.");
            }

            _scope = value;
        }
    }

    /// <summary>The <see cref="Bins"/> + 1 edges this rule fits to <paramref name="values"/>, non-decreasing.</summary>
    /// <param name="values">At least one finite value; not modified.</param>
    /// <returns>e₀ … e_B: e₀ and e_B are the range covered (the observed minimum and maximum unless a rule fixes them).</returns>
    /// <exception cref="ArgumentException"><paramref name="values"/> is empty or contains NaN or ±∞.</exception>
    public double[] Edges(ReadOnlySpan<double> values)
    {
        CheckValues(values, nameof(values));
        return Fit(values).Edges;
    }

    /// <summary>The bin index of each value, with the edges fitted to these values.</summary>
    /// <param name="values">At least one finite value; not modified.</param>
    /// <returns>One index per value, in 0 … B − 1 (0 … B for a rule with an isolated value; see that rule).</returns>
    /// <exception cref="ArgumentException"><paramref name="values"/> is empty or contains NaN or ±∞.</exception>
    /// <remarks>O(n log n) at most (the fit), plus O(n log B) to assign.</remarks>
    public int[] Discretize(ReadOnlySpan<double> values)
    {
        CheckValues(values, nameof(values));
        FittedBins fit = Fit(values);
        int[] result = new int[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            result[i] = fit.Assign(values[i]);
        }

        return result;
    }

    /// <summary>The bin index of every value, one array per column, with edges fitted per <see cref="Scope"/>.</summary>
    /// <param name="samples">The samples (finite by construction); not modified.</param>
    /// <returns><c>result[j][i]</c> is the bin of row i, column j.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="samples"/> is null.</exception>
    public int[][] DiscretizeColumns(SampleMatrix samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        int n = samples.Rows, d = samples.Columns;
        ReadOnlySpan<double> data = samples.Data.Span;
        FittedBins? pooled = Scope == BinningScope.Pooled ? Fit(data) : null;
        int[][] result = new int[d][];
        double[] column = new double[n];
        for (int j = 0; j < d; j++)
        {
            samples.CopyColumn(j, column);
            FittedBins fit = pooled ?? Fit(column);
            int[] bins = new int[n];
            for (int i = 0; i < n; i++)
            {
                bins[i] = fit.Assign(column[i]);
            }

            result[j] = bins;
        }

        return result;
    }

    /// <summary>
    /// One symbol per row: the bin indices of the row's columns (edges per <see cref="Scope"/>) joined into a dense
    /// code with <see cref="JointSymbols.Dense"/>.
    /// </summary>
    /// <param name="samples">The samples; not modified.</param>
    /// <returns>
    /// A symbol per row in 0 … K − 1, K the number of distinct bin vectors observed, numbered in lexicographic order of
    /// the bin vectors; equal symbols ⇔ identical bin vectors. For one column the symbols are the occupied bins renumbered
    /// in order (use <see cref="Discretize(ReadOnlySpan{double})"/> for the bin indices themselves).
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="samples"/> is null.</exception>
    /// <remarks>O(n d log n): the fit(s), the assignment and the sort inside the joint coding.</remarks>
    public int[] Discretize(SampleMatrix samples) => JointSymbols.Dense(DiscretizeColumns(samples)).Codes;

    /// <summary>Fits the edges (and any special rule) to finite, non-empty values.</summary>
    private protected abstract FittedBins Fit(ReadOnlySpan<double> values);

    private static void CheckValues(ReadOnlySpan<double> values, string paramName)
    {
        if (values.IsEmpty)
        {
            ThrowHelper.ArgumentException(paramName, string.Format(CultureInfo.InvariantCulture,
                "{0} is empty; at least one value is needed to fit bins.", paramName));
        }

        for (int i = 0; i < values.Length; i++)
        {
            if (!double.IsFinite(values[i]))
            {
                ThrowHelper.ArgumentException(paramName, string.Format(CultureInfo.InvariantCulture,
                    "{0} contains {1} at index {2}; binning needs finite values.",
                    paramName, double.IsNaN(values[i]) ? "NaN" : values[i] > 0 ? "+∞" : "−∞", i));
            }
        }
    }

    /// <summary>Sorted copy of the values.</summary>
    private protected static double[] Sorted(ReadOnlySpan<double> values)
    {
        double[] sorted = values.ToArray();
        Array.Sort(sorted);
        return sorted;
    }

    /// <summary>Fitted edges, plus an optional value that gets a symbol of its own (0) ahead of the regular bins.</summary>
    private protected sealed class FittedBins(double[] edges, double? isolated = null)
    {
        public double[] Edges { get; } = edges;

        public int Assign(double value)
        {
            if (isolated is double special)
            {
                return value == special ? 0 : 1 + Regular(value);
            }

            return Regular(value);
        }

        /// <summary>#{ j ∈ 1 … B − 1 : e_j ≤ value } by binary search; 0 when the fitted range is a single point.</summary>
        private int Regular(double value)
        {
            int bins = Edges.Length - 1;
            if (Edges[0] == Edges[bins])
            {
                return 0;
            }

            // Invariant: interior edges 1 … lo − 1 are ≤ value, edges hi … B − 1 are > value.
            int lo = 1, hi = bins;
            while (lo < hi)
            {
                int mid = lo + ((hi - lo) >> 1);
                if (Edges[mid] <= value)
                {
                    lo = mid + 1;
                }
                else
                {
                    hi = mid;
                }
            }

            return lo - 1;
        }
    }
}
