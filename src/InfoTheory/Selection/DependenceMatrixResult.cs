using System.Globalization;

namespace InfoTheory.Selection;

/// <summary>
/// A symmetric p × p matrix of pairwise dependence: entry (i, j) is the estimated mutual information between
/// variables i and j in nats, or its normalised form (see <see cref="DependenceMatrix.Normalize"/>).
/// </summary>
/// <remarks>The diagonal is documented on <see cref="DependenceMatrix"/>. The object is immutable.</remarks>
public sealed class DependenceMatrixResult
{
    private readonly double[] _values;

    internal DependenceMatrixResult(string[] names, double[] values, DependenceEstimator estimator, bool normalized)
    {
        Names = names;
        _values = values;
        Estimator = estimator;
        Normalized = normalized;
    }

    /// <summary>The variables' names, in order (the caller's, or "#0", "#1", …).</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>The number of variables p.</summary>
    public int Count => Names.Count;

    /// <summary>The pairwise estimator used.</summary>
    public DependenceEstimator Estimator { get; }

    /// <summary>Whether the entries are normalised (unitless) rather than mutual information in nats.</summary>
    public bool Normalized { get; }

    /// <summary>All entries, row-major: entry (i, j) is at index i·<see cref="Count"/> + j. Nats unless <see cref="Normalized"/>.</summary>
    public ReadOnlyMemory<double> Values => _values;

    /// <summary>Entry (i, j): nats, or unitless when <see cref="Normalized"/>.</summary>
    /// <param name="row">The first variable, 0 ≤ row &lt; <see cref="Count"/>.</param>
    /// <param name="column">The second variable, 0 ≤ column &lt; <see cref="Count"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">An index is out of range.</exception>
    public double this[int row, int column]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(row);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(row, Count);
            ArgumentOutOfRangeException.ThrowIfNegative(column);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(column, Count);
            return _values[(row * Count) + column];
        }
    }

    /// <summary>A copy of the matrix as a rectangular array (what a heatmap takes), in the unit of <paramref name="logBase"/>.</summary>
    /// <param name="logBase">The unit of mutual-information entries (default nats); ignored when <see cref="Normalized"/>.</param>
    /// <returns>A new p × p array.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="logBase"/> is not a defined <see cref="LogBase"/>.</exception>
    public double[,] ToArray(LogBase logBase = LogBase.E)
    {
        double unit = Information.NatsPer(logBase, nameof(logBase));
        double scale = Normalized ? 1 : 1 / unit;
        int p = Count;
        double[,] result = new double[p, p];
        for (int i = 0; i < p; i++)
        {
            for (int j = 0; j < p; j++)
            {
                result[i, j] = _values[(i * p) + j] * scale;
            }
        }

        return result;
    }

    /// <summary>A short description: the size, the estimator and whether the entries are normalised.</summary>
    /// <returns>For example "8 × 8 GaussianCopula mutual information (nats)".</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Count} × {Count} {Estimator} {(Normalized ? "normalised dependence" : "mutual information (nats)")}");
}
