using System.Buffers;
using System.Globalization;
using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using InfoTheory.Continuous;
using InfoTheory.Continuous.Internal;
using InfoTheory.Discrete;
using InfoTheory.Internal;
using InfoTheory.Selection.Internal;

namespace InfoTheory.Selection;

/// <summary>
/// All-pairs mutual information of the p columns of a <see cref="SampleMatrix"/>: the p × p symmetric matrix
/// M[i, j] = Î(X_i; X_j), optionally normalised, with each column prepared once and reused by every pair.
/// </summary>
/// <remarks>
/// <para>
/// <b>Estimators</b> (<see cref="Estimator"/>). <see cref="DependenceEstimator.GaussianCopula"/> (default): each
/// column is replaced once by its normal scores (<see cref="NormalScores"/>, mid-ranks for ties), centred and scaled
/// to unit norm, so the correlation of a pair is one dot product
/// and Î = −½ ln(1 − r²), the value of <see cref="GaussianCopulaMutualInformation"/> up to rounding. Pairs are computed
/// in tiles of 32 × 32 columns over fixed chunks of 1024 rows, two columns against four at a time in SIMD registers, so
/// the working set stays in cache and each load serves several products; cost O(p n log n) for the scores
/// and O(p² n) multiply-adds. <see cref="DependenceEstimator.Ksg"/>: each column standardised and jittered once
/// (exactly as <see cref="KsgMutualInformation"/> prepares it, seed <see cref="Seed"/>) and sorted once; then per pair
/// KSG algorithm 1 (k = <see cref="K"/>) on a dedicated one-dimensional path: an index of X slabs of about √(k n)
/// points, each in Y order, built from the two stored sorted orders in O(n); each point's k-th max-norm distance ε
/// found by scanning its own slab and the nearest ones outwards in Y while they can hold a closer point; the counts
/// strictly within ε by searches in the sorted columns started from a bucket index. Each entry is the same bits as
/// <see cref="KsgMutualInformation"/> with scaling and ties off on the two prepared columns (the k-th distance is a value
/// of the one canonical distance, the counts are integers, the digamma sums run in row order). Cost O(p n log n) to
/// prepare, then per pair O(n) for the index plus a scan per point whose length depends on the data (about 12 points
/// and 1.3 slabs per query for Gaussian pairs at n = 10⁴, k = 3) and O(log) searches for the counts: at n = 10⁴,
/// k = 3 a median 3.7–4.5 ms per pair against 7.8 ms and more for a full <see cref="KsgMutualInformation"/> estimate,
/// on a 2-core machine loaded by other work (p = 200, 19 900 pairs: 51 s on one thread and 38 s on two; the matrices
/// about 3× faster than with one full estimate per pair). Two identical columns get
/// identical jitter here, so their entry is very large rather than the finite value of a single pairwise call, which
/// jitters each copy differently. <see cref="DependenceEstimator.PlugIn"/>: each column's distinct values are numbered
/// once, then one plug-in <see cref="DiscreteMutualInformation"/> per pair.
/// </para>
/// <para>
/// <b>Diagonal.</b> Entry (i, i) is I(X_i; X_i) = H(X_i): for the plug-in estimator the plug-in entropy of the column;
/// for the continuous estimators +∞ (the MI of a continuous variable with itself), except 0 for a constant column.
/// Normalised, it is 1 (0 for a constant column).
/// </para>
/// <para>
/// <b>Normalisation</b> (<see cref="Normalize"/>). Plug-in: I(X_i;X_j) / √(H(X_i) H(X_j)), in [0, 1] (0 when either
/// entropy is 0; Strehl &amp; Ghosh 2002). Continuous: 1 − exp(−2 I), the squared correlation a bivariate Gaussian with
/// that MI would have (Linfoot 1957's informational coefficient of correlation, squared), in [0, 1) for I ≥ 0; a
/// negative KSG estimate gives a negative value, not clipped.
/// </para>
/// <para>
/// <b>Determinism.</b> Each entry is computed by one pure function of the two prepared columns, with a fixed order of
/// summation, so the matrix is the same bits for any <see cref="MaxDegreeOfParallelism"/> and any split into blocks
/// (<see cref="ComputeBlock"/>), and exactly symmetric. Nothing the caller passes is modified.
/// </para>
/// </remarks>
public sealed class DependenceMatrix
{
    /// <summary>Rows per chunk of the copula dot products: two tiles of 32 columns × 1024 doubles stay within 512 KiB.</summary>
    private const int Chunk = 1024;

    /// <summary>Columns per tile side.</summary>
    private const int Tile = 32;

    /// <summary>The pairwise estimator (default <see cref="DependenceEstimator.GaussianCopula"/>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not defined.</exception>
    public DependenceEstimator Estimator
    {
        get;
        init
        {
            if (!Enum.IsDefined(value))
            {
                ThrowHelper.ArgumentOutOfRange(nameof(Estimator), value, $"Estimator must be one of {string.Join(", ", Enum.GetNames<DependenceEstimator>())}, got {(int)value}.");
            }

            field = value;
        }
    } = DependenceEstimator.GaussianCopula;

    /// <summary>Whether to normalise the entries (default false: MI in nats); see the remarks for the forms.</summary>
    public bool Normalize { get; init; }

    /// <summary>The neighbour order of the KSG estimator (default 3, at least 1); ignored by the others.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public int K { get; init => field = Settings.K(value); } = Settings.DefaultK;

    /// <summary>The seed of the KSG tie-breaking jitter (default 0); ignored by the others.</summary>
    public int Seed { get; init; } = Settings.DefaultSeed;

    /// <summary>Threads over columns (preparation) and over tiles of pairs: −1 (default, no limit) or at least 1. Does not change the result.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is 0 or less than −1.</exception>
    public int MaxDegreeOfParallelism { get; init => field = Settings.MaxDegreeOfParallelism(value); } = Settings.DefaultMaxDegreeOfParallelism;

    /// <summary>The whole matrix of the columns of <paramref name="samples"/>.</summary>
    /// <param name="samples">n samples of p variables.</param>
    /// <param name="names">The variables' names, one per column; null for "#0", "#1", ….</param>
    /// <returns>The p × p matrix.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="samples"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="names"/> does not have one name per column, or there are too few rows (3 for the copula, k + 1 for KSG).
    /// </exception>
    public DependenceMatrixResult Compute(SampleMatrix samples, IReadOnlyList<string>? names = null)
    {
        ArgumentNullException.ThrowIfNull(samples);
        if (names is not null && names.Count != samples.Columns)
        {
            ThrowHelper.ArgumentException(nameof(names), string.Create(CultureInfo.InvariantCulture,
                $"names has {names.Count} entries but samples has {samples.Columns} columns; give one name per column."));
        }

        string[] labels = names is null
            ? [.. Enumerable.Range(0, samples.Columns).Select(j => string.Create(CultureInfo.InvariantCulture, $"#{j}"))]
            : [.. names];
        int cells = CellCount(samples.Columns, samples.Columns, nameof(samples));
        PreparedColumns prepared = Prepare(samples);
        int p = prepared.Count;
        double[] values = new double[cells];
        int tiles = (p + Tile - 1) / Tile;

        // The tiles on and above the diagonal; each pair's value does not depend on its tile, so mirroring is exact.
        var work = new List<(int Row, int Column)>();
        for (int a = 0; a < tiles; a++)
        {
            for (int b = a; b < tiles; b++)
            {
                work.Add((a, b));
            }
        }

        SelectionColumns.For(work.Count, MaxDegreeOfParallelism, t =>
        {
            int r0 = work[t].Row * Tile, c0 = work[t].Column * Tile;
            FillTile(prepared, r0, Math.Min(r0 + Tile, p), c0, Math.Min(c0 + Tile, p), values.AsSpan(), p, 0, 0);
        });
        for (int i = 0; i < p; i++)
        {
            for (int j = 0; j < i; j++)
            {
                values[(i * p) + j] = values[(j * p) + i];
            }
        }

        return new DependenceMatrixResult(labels, values, Estimator, Normalize);
    }

    /// <summary>
    /// Prepares every column once for this estimator: normal scores (copula), standardised, jittered and sorted values (KSG)
    /// or symbols and entropies (plug-in). The result carries these settings, so blocks computed from it agree with
    /// <see cref="Compute"/> on machines of the same vector width (the width sets the order of the SIMD sums).
    /// </summary>
    /// <param name="samples">n samples of p variables.</param>
    /// <returns>The prepared columns.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="samples"/> is null.</exception>
    /// <exception cref="ArgumentException">There are too few rows: at least 3 for the copula estimator and k + 1 for KSG.</exception>
    public PreparedColumns Prepare(SampleMatrix samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        int n = samples.Rows, p = samples.Columns;
        int needed = Estimator switch
        {
            DependenceEstimator.GaussianCopula => 3,
            DependenceEstimator.Ksg => K + 1,
            _ => 1,
        };
        if (n < needed)
        {
            ThrowHelper.ArgumentException(nameof(samples), string.Create(CultureInfo.InvariantCulture,
                $"The {Estimator} dependence matrix needs at least {needed} rows, got {n}."));
        }

        switch (Estimator)
        {
            case DependenceEstimator.GaussianCopula:
                return PrepareCopula(n, p, (j, destination) => NormalScores.TwiceMidRanks(samples.Column(j), destination));

            case DependenceEstimator.Ksg:
                {
                    var standardized = new SampleMatrix[p];
                    bool[] constant = new bool[p];
                    var sorted = new SortedColumn[p];
                    SelectionColumns.For(p, MaxDegreeOfParallelism, j =>
                    {
                        double[] column = samples.Column(j);
                        constant[j] = Array.TrueForAll(column, v => v == column[0]);
                        standardized[j] = KnnSamples.Prepare([SampleMatrix.FromRowMajor(column, 1)], SampleScaling.Standardize, TieHandling.Jitter, Seed)[0];
                        sorted[j] = SortedColumn.Create(standardized[j].Data.Span);
                    });
                    return new PreparedColumns(Estimator, Normalize, K, n, p) { Standardized = standardized, Constant = constant, Sorted = sorted };
                }

            default:
                {
                    int[][] symbols = new int[p][];
                    double[] entropies = new double[p];
                    var entropy = new PlugInEntropy();
                    SelectionColumns.For(p, MaxDegreeOfParallelism, j =>
                    {
                        symbols[j] = SelectionColumns.EncodeByValue(samples.Column(j));
                        entropies[j] = entropy.Estimate(symbols[j]).Nats;
                    });
                    return new PreparedColumns(Estimator, Normalize, K, n, p) { Symbols = symbols, Entropies = entropies };
                }
        }
    }

    /// <summary>Writes the twice mid-ranks (2 … 2n, see <see cref="NormalScores.TwiceMidRanks"/>) of column <c>column</c>.</summary>
    internal delegate void TwiceRanksReader(int column, Span<int> destination);

    /// <summary>
    /// The copula preparation of <paramref name="count"/> columns of <paramref name="rows"/> values from their twice
    /// mid-ranks (the O(n log n) part, supplied by <paramref name="ranks"/>): scores looked up in one table of Φ⁻¹ for
    /// all columns, centred and scaled to unit norm, O(n) per column. <see cref="Prepare"/> ranks the data here; the
    /// cluster package ranks on its client, sends the ranks and finishes on each silo, so the sort is done once.
    /// </summary>
    /// <param name="rows">n.</param>
    /// <param name="count">The number of columns.</param>
    /// <param name="ranks">Writes a column's twice mid-ranks.</param>
    /// <param name="nonMoving">
    /// Allocate each column's scores where the collector never moves them (the pinned-object heap, collected with
    /// generation 2) rather than in generation 0: for a caller that keeps the scores while much else is allocated (a
    /// silo's expanded groups, alive across several blocks and uploads), where the collector would otherwise copy every
    /// 80 KB column from generation to generation.
    /// </param>
    internal PreparedColumns PrepareCopula(int rows, int count, TwiceRanksReader ranks, bool nonMoving = false)
    {
        int n = rows;
        double[][] scores = new double[count][];
        bool[] constant = new bool[count];
        // Φ⁻¹ of every possible mid-rank, once for all columns (the scores are the same bits as computed one by one).
        double[] table = NormalScores.ScoreTable(n);
        SelectionColumns.For(count, MaxDegreeOfParallelism, j =>
        {
            int[] buffer = ArrayPool<int>.Shared.Rent(n);
            Span<int> twice = buffer.AsSpan(0, n);
            ranks(j, twice);
            double[] s = nonMoving ? GC.AllocateUninitializedArray<double>(n, pinned: true) : new double[n];
            for (int i = 0; i < n; i++)
            {
                s[i] = table[twice[i]];
            }

            ArrayPool<int>.Shared.Return(buffer);

            double mean = TensorPrimitives.Sum<double>(s) / n;
            TensorPrimitives.Subtract(s, mean, s);
            double norm = Math.Sqrt(TensorPrimitives.Dot<double>(s, s));
            // A constant column has all scores Φ⁻¹(½) = 0; any other column has a positive norm.
            constant[j] = !(norm > 0);
            if (!constant[j])
            {
                TensorPrimitives.Divide(s, norm, s);
            }

            scores[j] = s;
        });
        return new PreparedColumns(Estimator, Normalize, K, n, count) { Scores = scores, Constant = constant };
    }

    /// <summary>
    /// The entries (i, j) for i in <paramref name="rows"/> and j in <paramref name="columns"/> of the matrix that
    /// <see cref="Compute"/> would return for the data <paramref name="prepared"/> came from: a pure function of its
    /// arguments, the unit of work to spread over threads or machines. Every entry has the same bits as in the whole matrix.
    /// </summary>
    /// <param name="prepared">The prepared columns (from <see cref="Prepare"/>).</param>
    /// <param name="rows">The first variables of the block, a range within [0, p).</param>
    /// <param name="columns">The second variables of the block, a range within [0, p).</param>
    /// <param name="maxDegreeOfParallelism">Threads over tiles of the block: −1 (default, no limit) or at least 1. Does not change the result.</param>
    /// <returns>A new array of rows.Length × columns.Length entries.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="prepared"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A range is not within [0, p), or <paramref name="maxDegreeOfParallelism"/> is 0 or less than −1.</exception>
    public static double[,] ComputeBlock(PreparedColumns prepared, Range rows, Range columns, int maxDegreeOfParallelism = Settings.DefaultMaxDegreeOfParallelism)
    {
        ArgumentNullException.ThrowIfNull(prepared);
        Settings.MaxDegreeOfParallelism(maxDegreeOfParallelism, nameof(maxDegreeOfParallelism));
        (int r0, int rn) = Offsets(rows, prepared.Count, nameof(rows));
        (int c0, int cn) = Offsets(columns, prepared.Count, nameof(columns));
        double[] flat = new double[CellCount(rn, cn, nameof(rows))];
        int rowTiles = (rn + Tile - 1) / Tile, columnTiles = (cn + Tile - 1) / Tile;
        // A block on the diagonal (the same range twice) is its own mirror image: only the tiles on and above its
        // diagonal are computed, as in Compute, and the rest copied, which gives the same bits.
        bool square = r0 == c0 && rn == cn;
        List<int> tiles = [.. Enumerable.Range(0, rowTiles * columnTiles).Where(t => !square || t / columnTiles <= t % columnTiles)];
        SelectionColumns.For(tiles.Count, maxDegreeOfParallelism, k =>
        {
            int t = tiles[k];
            int a = r0 + (t / columnTiles * Tile), b = c0 + (t % columnTiles * Tile);
            FillTile(prepared, a, Math.Min(a + Tile, r0 + rn), b, Math.Min(b + Tile, c0 + cn), flat.AsSpan(), cn, r0, c0);
        });
        if (square)
        {
            for (int i = 0; i < rn; i++)
            {
                for (int j = 0; j < i; j++)
                {
                    flat[(i * cn) + j] = flat[(j * cn) + i];
                }
            }
        }

        double[,] result = new double[rn, cn];
        for (int i = 0; i < rn; i++)
        {
            for (int j = 0; j < cn; j++)
            {
                result[i, j] = flat[(i * cn) + j];
            }
        }

        return result;
    }

    private static (int Offset, int Length) Offsets(Range range, int count, string paramName)
    {
        int start = range.Start.IsFromEnd ? count - range.Start.Value : range.Start.Value;
        int end = range.End.IsFromEnd ? count - range.End.Value : range.End.Value;
        if (start < 0 || end > count || start > end)
        {
            ThrowHelper.ArgumentOutOfRange(paramName, range, string.Create(CultureInfo.InvariantCulture,
                $"{paramName} = {range} is not a range within [0, {count}) (resolved to [{start}, {end}))."));
        }

        return (start, end - start);
    }

    /// <summary>
    /// Writes entries (i, j), i in [r0, r1), j in [c0, c1), to <paramref name="destination"/> at
    /// (i − <paramref name="originRow"/>)·<paramref name="stride"/> + (j − <paramref name="originColumn"/>).
    /// </summary>
    private static void FillTile(PreparedColumns prepared, int r0, int r1, int c0, int c1, Span<double> destination, int stride, int originRow, int originColumn)
    {
        switch (prepared.Estimator)
        {
            case DependenceEstimator.GaussianCopula:
                CopulaTile(prepared, r0, r1, c0, c1, destination, stride, originRow, originColumn);
                break;
            case DependenceEstimator.Ksg:
                KsgTile(prepared, r0, r1, c0, c1, destination, stride, originRow, originColumn);
                break;

            default:
                {
                    var mi = new DiscreteMutualInformation { MaxDegreeOfParallelism = 1 };
                    for (int i = r0; i < r1; i++)
                    {
                        for (int j = c0; j < c1; j++)
                        {
                            int lo = Math.Min(i, j), hi = Math.Max(i, j);
                            double value = i == j ? prepared.Entropies[i] : mi.Estimate(prepared.Symbols[lo], prepared.Symbols[hi]).Nats;
                            if (prepared.Normalize)
                            {
                                double scale = Math.Sqrt(prepared.Entropies[i] * prepared.Entropies[j]);
                                value = scale > 0 ? value / scale : 0;
                            }

                            destination[((i - originRow) * stride) + j - originColumn] = value;
                        }
                    }

                    break;
                }
        }
    }

    /// <summary>
    /// KSG entries of a tile, each from <see cref="KsgPairs.Estimate"/> on the pair (lower index as X, higher as Y) —
    /// the same bits as <see cref="KsgMutualInformation"/> on the two prepared columns. A pair whose mirror lies in the
    /// same tile and was computed first is copied from it.
    /// </summary>
    private static void KsgTile(PreparedColumns prepared, int r0, int r1, int c0, int c1, Span<double> destination, int stride, int originRow, int originColumn)
    {
        var psi = new DigammaTable(prepared.Rows);
        for (int i = r0; i < r1; i++)
        {
            for (int j = c0; j < c1; j++)
            {
                double value;
                if (i == j)
                {
                    value = Continuous(prepared.Constant[i] ? 0 : double.PositiveInfinity, prepared.Normalize, prepared.Constant[i]);
                }
                else if (j < i && j >= r0 && i < c1 && i >= c0)
                {
                    // (j, i) is in this tile and came earlier in row order.
                    value = destination[((j - originRow) * stride) + i - originColumn];
                }
                else if (prepared.Constant[i] || prepared.Constant[j])
                {
                    value = 0;
                }
                else
                {
                    int lo = Math.Min(i, j), hi = Math.Max(i, j);
                    double nats = KsgPairs.Estimate(prepared.Sorted[lo], prepared.Sorted[hi], prepared.K, psi);
                    value = Continuous(nats, prepared.Normalize, constant: false);
                }

                destination[((i - originRow) * stride) + j - originColumn] = value;
            }
        }
    }

    /// <summary>A continuous entry, normalised to 1 − exp(−2I) when asked; a pair with a constant column has 0.</summary>
    private static double Continuous(double nats, bool normalize, bool constant)
    {
        if (constant)
        {
            return 0;
        }

        return normalize ? -double.ExpM1(-2 * nats) : nats;
    }

    /// <summary>
    /// Copula entries of a tile: r = Σ over fixed chunks of 1024 rows of the dot products of the unit-norm scores, in
    /// chunk order. Within a chunk every pair is summed the same way (<see cref="PairDot"/>, or the same arithmetic in
    /// <see cref="Dot2x4"/>, which shares loads between two rows and four columns), so an entry does not depend on the
    /// tile it is in, and (i, j) and (j, i) are the same bits because a·b = b·a exactly.
    /// </summary>
    private static void CopulaTile(PreparedColumns prepared, int r0, int r1, int c0, int c1, Span<double> destination, int stride, int originRow, int originColumn)
    {
        int n = prepared.Rows;
        int rc = r1 - r0, cc = c1 - c0;
        double[] sums = new double[rc * cc];
        double[][] scores = prepared.Scores;
        for (int start = 0; start < n; start += Chunk)
        {
            int length = Math.Min(Chunk, n - start);
            for (int i = r0; i < r1; i += 2)
            {
                for (int j = c0; j < c1; j += 4)
                {
                    int at = ((i - r0) * cc) + j - c0;
                    if (i + 1 < r1 && j + 3 < c1)
                    {
                        Dot2x4(scores, i, j, start, length, sums.AsSpan(at), cc);
                        continue;
                    }

                    for (int a = i; a < Math.Min(i + 2, r1); a++)
                    {
                        for (int b = j; b < Math.Min(j + 4, c1); b++)
                        {
                            sums[((a - r0) * cc) + b - c0] += PairDot(scores[a].AsSpan(start, length), scores[b].AsSpan(start, length));
                        }
                    }
                }
            }
        }

        for (int i = r0; i < r1; i++)
        {
            for (int j = c0; j < c1; j++)
            {
                double value;
                if (i == j)
                {
                    value = prepared.Constant[i] ? 0 : double.PositiveInfinity;
                }
                else
                {
                    double r = sums[((i - r0) * cc) + j - c0];
                    // −½ ln((1 − r)(1 + r)): accurate near |r| = 1; rounding can put |r| a hair above 1, which is +∞ here.
                    double q = (1 - r) * (1 + r);
                    value = q > 0 ? -0.5 * Math.Log(q) : double.PositiveInfinity;
                }

                destination[((i - originRow) * stride) + j - originColumn] = Continuous(value, prepared.Normalize, prepared.Constant[i] || prepared.Constant[j]);
            }
        }
    }

    /// <summary>Σ x[t]·y[t]: lane-wise products accumulated in one vector in index order, its lanes summed, then the tail in order.</summary>
    private static double PairDot(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        ReadOnlySpan<Vector<double>> vx = MemoryMarshal.Cast<double, Vector<double>>(x);
        ReadOnlySpan<Vector<double>> vy = MemoryMarshal.Cast<double, Vector<double>>(y);
        Vector<double> acc = Vector<double>.Zero;
        for (int v = 0; v < vx.Length; v++)
        {
            acc += vx[v] * vy[v];
        }

        double sum = Vector.Sum(acc);
        for (int t = vx.Length * Vector<double>.Count; t < x.Length; t++)
        {
            sum += x[t] * y[t];
        }

        return sum;
    }

    /// <summary>
    /// The dot products of columns i, i + 1 with columns j … j + 3 over rows [start, start + length), each added to
    /// <paramref name="sums"/> at (row offset)·<paramref name="stride"/> + column offset, with exactly the arithmetic of
    /// <see cref="PairDot"/> per pair; the eight accumulators share the loads.
    /// </summary>
    private static void Dot2x4(double[][] scores, int i, int j, int start, int length, Span<double> sums, int stride)
    {
        ReadOnlySpan<Vector<double>> a0 = Lanes(scores[i], start, length), a1 = Lanes(scores[i + 1], start, length);
        ReadOnlySpan<Vector<double>> b0 = Lanes(scores[j], start, length), b1 = Lanes(scores[j + 1], start, length);
        ReadOnlySpan<Vector<double>> b2 = Lanes(scores[j + 2], start, length), b3 = Lanes(scores[j + 3], start, length);
        Vector<double> s00 = default, s01 = default, s02 = default, s03 = default;
        Vector<double> s10 = default, s11 = default, s12 = default, s13 = default;
        int vectors = a0.Length;
        b0 = b0[..vectors];
        b1 = b1[..vectors];
        b2 = b2[..vectors];
        b3 = b3[..vectors];
        a1 = a1[..vectors];
        for (int v = 0; v < vectors; v++)
        {
            Vector<double> x0 = a0[v], x1 = a1[v], y = b0[v];
            s00 += x0 * y;
            s10 += x1 * y;
            y = b1[v];
            s01 += x0 * y;
            s11 += x1 * y;
            y = b2[v];
            s02 += x0 * y;
            s12 += x1 * y;
            y = b3[v];
            s03 += x0 * y;
            s13 += x1 * y;
        }

        ReadOnlySpan<Vector<double>> row0 = [s00, s01, s02, s03];
        ReadOnlySpan<Vector<double>> row1 = [s10, s11, s12, s13];
        int tail = vectors * Vector<double>.Count;
        for (int c = 0; c < 4; c++)
        {
            double[] column = scores[j + c];
            double first = Vector.Sum(row0[c]), second = Vector.Sum(row1[c]);
            for (int t = tail; t < length; t++)
            {
                first += scores[i][start + t] * column[start + t];
                second += scores[i + 1][start + t] * column[start + t];
            }

            sums[c] += first;
            sums[stride + c] += second;
        }
    }

    private static ReadOnlySpan<Vector<double>> Lanes(double[] column, int start, int length) =>
        MemoryMarshal.Cast<double, Vector<double>>(column.AsSpan(start, length));

    /// <summary>rows × columns cells, checked to fit one array before any work.</summary>
    private static int CellCount(int rows, int columns, string paramName)
    {
        long cells = (long)rows * columns;
        if (cells > Array.MaxLength)
        {
            ThrowHelper.ArgumentException(paramName, string.Create(CultureInfo.InvariantCulture,
                $"{rows} × {columns} = {cells} cells do not fit one array (at most {Array.MaxLength}); compute the matrix in blocks with ComputeBlock."));
        }

        return (int)cells;
    }
}
