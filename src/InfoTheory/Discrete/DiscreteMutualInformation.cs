using System.Globalization;
using InfoTheory.Discrete.Internal;
using InfoTheory.Internal;

namespace InfoTheory.Discrete;

/// <summary>
/// Mutual information between two discrete variables from paired samples:
/// Î(X;Y) = Ĥ(X) + Ĥ(Y) − Ĥ(X,Y) with any <see cref="DiscreteEntropyEstimator"/> (plug-in by default).
/// </summary>
/// <remarks>
/// <para>
/// The samples are counted once into a <see cref="ContingencyTable"/> (dense when the table is
/// small, sorted joint codes otherwise). With the plug-in estimator MI is computed directly on the
/// cells, so it is ≥ 0 up to rounding and exactly 0 for a table equal to the product of its margins.
/// Bias-corrected estimators can return small negative values near independence; they are not clipped.
/// </para>
/// <para>Plug-in MI is biased upward by about (|X| − 1)(|Y| − 1)/(2N) nats (Miller 1955; Panzeri &amp; Treves 1996).</para>
/// </remarks>
/// <param name="entropy">The entropy estimator applied to X, Y and (X, Y); null for plug-in.</param>
public sealed class DiscreteMutualInformation(DiscreteEntropyEstimator? entropy = null) : IMutualInformationEstimator<int, int>
{
    /// <summary>The entropy estimator applied to X, Y and (X, Y).</summary>
    public DiscreteEntropyEstimator Entropy { get; } = entropy ?? new PlugInEntropy();

    /// <summary>The alphabet size of X, if known (used by estimators that need K); null means observed.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Set to a value less than 1.</exception>
    public long? AlphabetSizeX { get; init => field = DiscreteSettings.AlphabetSize(value, nameof(AlphabetSizeX)); }

    /// <summary>The alphabet size of Y, if known; null means observed.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Set to a value less than 1.</exception>
    public long? AlphabetSizeY { get; init => field = DiscreteSettings.AlphabetSize(value, nameof(AlphabetSizeY)); }

    /// <summary>Threads used to count large tables: −1 (default, no limit) or at least 1. Does not change the result.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Set to 0 or less than −1.</exception>
    public int MaxDegreeOfParallelism { get; init => field = Settings.MaxDegreeOfParallelism(value); } = Settings.DefaultMaxDegreeOfParallelism;

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The lengths differ, the samples are empty, or a symbol is negative or not below its alphabet size.</exception>
    public Information Estimate(ReadOnlySpan<int> x, ReadOnlySpan<int> y)
    {
        Check.SameLength(x.Length, y.Length);
        var table = ContingencyTable.FromSymbols(x, y, MaxDegreeOfParallelism);
        return Estimate(table);
    }

    /// <summary>Estimates I(X;Y) from a 2-D contingency table (one table can serve several estimators).</summary>
    /// <param name="table">The joint counts of (X, Y).</param>
    /// <returns>Ĥ(X) + Ĥ(Y) − Ĥ(X,Y); for plug-in, Σ (n_xy/N) ln(N n_xy / (n_x n_y)) computed on the cells.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="table"/> is null.</exception>
    /// <exception cref="ArgumentException">The table is not 2-D, or a symbol is not below <see cref="AlphabetSizeX"/> / <see cref="AlphabetSizeY"/>.</exception>
    public Information Estimate(ContingencyTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        if (table.Rank != 2)
        {
            ThrowHelper.ArgumentException(nameof(table), $"table must be 2-D for mutual information, got {table.Rank} variables.");
        }

        // K_XY = K_X · K_Y is checked before any work: (2³² + 1)² wraps a long to 2³³ + 1 and would silently give a wrong prior.
        long? jointAlphabet = null;
        if (AlphabetSizeX is { } kx && AlphabetSizeY is { } ky)
        {
            if (kx > long.MaxValue / ky)
            {
                ThrowHelper.ArgumentOutOfRange(nameof(AlphabetSizeY), ky, string.Create(CultureInfo.InvariantCulture,
                    $"AlphabetSizeX × AlphabetSizeY = {kx} × {ky} exceeds {long.MaxValue}, the largest joint alphabet a histogram can declare."));
            }

            jointAlphabet = kx * ky;
        }

        Histogram hx = table.Marginal(0).WithAlphabetSize(AlphabetSizeX, "x");
        Histogram hy = table.Marginal(1).WithAlphabetSize(AlphabetSizeY, "y");
        if (Entropy is PlugInEntropy)
        {
            return table.PlugInMutualInformation();
        }

        Histogram hxy = table.Joint.WithAlphabetSize(jointAlphabet, "x");
        return Entropy.Estimate(hx) + Entropy.Estimate(hy) - Entropy.Estimate(hxy);
    }
}
