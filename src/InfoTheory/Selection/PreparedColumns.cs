using InfoTheory.Continuous;

namespace InfoTheory.Selection;

/// <summary>
/// The columns of a data set prepared once for a <see cref="DependenceMatrix"/>, together with the settings that
/// prepared them, so that any block of pairs is a pure function of this object and the block's ranges
/// (<see cref="DependenceMatrix.ComputeBlock"/>).
/// </summary>
/// <remarks>
/// What is kept per column depends on the estimator: for <see cref="DependenceEstimator.GaussianCopula"/> the normal
/// scores, centred and scaled to unit Euclidean norm; for <see cref="DependenceEstimator.Ksg"/> the column standardised
/// and jittered exactly as <see cref="KsgMutualInformation"/> would, with its sorted values and order; for <see cref="DependenceEstimator.PlugIn"/> the
/// column's symbols and its plug-in entropy. Immutable; may be shared between threads.
/// </remarks>
public sealed class PreparedColumns
{
    internal PreparedColumns(DependenceEstimator estimator, bool normalize, int k, int rows, int count)
    {
        Estimator = estimator;
        Normalize = normalize;
        K = k;
        Rows = rows;
        Count = count;
    }

    /// <summary>The estimator the columns were prepared for.</summary>
    public DependenceEstimator Estimator { get; }

    /// <summary>Whether entries are normalised (see <see cref="DependenceMatrix.Normalize"/>).</summary>
    public bool Normalize { get; }

    /// <summary>The neighbour order of the KSG estimator (used only by <see cref="DependenceEstimator.Ksg"/>; see <see cref="DependenceMatrix.K"/>).</summary>
    internal int K { get; }

    /// <summary>The number of samples n.</summary>
    public int Rows { get; }

    /// <summary>The number of variables p.</summary>
    public int Count { get; }

    /// <summary>Copula: unit-norm centred normal scores per column (all zeros for a constant column).</summary>
    internal double[][] Scores { get; init; } = [];

    /// <summary>Copula: whether the column is constant.</summary>
    internal bool[] Constant { get; init; } = [];

    /// <summary>KSG: each column standardised and jittered, as an n × 1 matrix.</summary>
    internal SampleMatrix[] Standardized { get; init; } = [];

    /// <summary>KSG: each standardised column sorted once (values, order and ranks) for the pair path.</summary>
    internal Internal.SortedColumn[] Sorted { get; init; } = [];

    /// <summary>Plug-in: each column's symbols.</summary>
    internal int[][] Symbols { get; init; } = [];

    /// <summary>Plug-in: each column's plug-in entropy in nats.</summary>
    internal double[] Entropies { get; init; } = [];

    /// <summary>
    /// The columns of <paramref name="first"/> followed by those of <paramref name="second"/>, as if prepared together:
    /// preparation is column by column, so this is exact (the cluster package rebuilds a block's columns this way).
    /// Every per-column field above must be joined here.
    /// </summary>
    internal static PreparedColumns Join(PreparedColumns first, PreparedColumns second) =>
        new(first.Estimator, first.Normalize, first.K, first.Rows, first.Count + second.Count)
        {
            Scores = [.. first.Scores, .. second.Scores],
            Constant = [.. first.Constant, .. second.Constant],
            Standardized = [.. first.Standardized, .. second.Standardized],
            Sorted = [.. first.Sorted, .. second.Sorted],
            Symbols = [.. first.Symbols, .. second.Symbols],
            Entropies = [.. first.Entropies, .. second.Entropies],
        };
}
