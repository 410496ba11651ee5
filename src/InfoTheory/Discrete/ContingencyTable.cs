using System.Globalization;
using System.Runtime.CompilerServices;
using InfoTheory.Internal;

namespace InfoTheory.Discrete;

/// <summary>
/// Joint counts of two or three discrete variables (X, Y[, Z]) from paired samples, with their
/// marginal counts: the sufficient statistic of discrete mutual information and conditional MI.
/// </summary>
/// <remarks>
/// <para>
/// Cells are identified by the joint code x·|Y| + y (or (x·|Y| + y)·|Z| + z), with |V| = largest
/// symbol of V + 1. When the number of cells is small (at most 2²⁴ and at most 4N + 65536) the table
/// is a dense array filled in one O(N) pass — in parallel chunks when asked, each chunk counting
/// into its own table and the tables added in chunk order, so every degree of parallelism gives
/// exactly the same counts. Otherwise only the observed cells are kept, found by sorting the joint
/// codes (O(N log N), sequential), so a million distinct pairs never allocate a table of the
/// product size.
/// </para>
/// <para>Immutable once built; the caller's spans are not modified.</para>
/// </remarks>
public sealed class ContingencyTable
{
    private const long DenseCellLimit = 1 << 24;

    /// <summary>2⁶²: joint codes below this fit a long with room to spare; tables with more cells are refused.</summary>
    internal const double MaxCodes = 4.611686018427387904e18;

    private readonly long[] _sizes;
    private readonly Histogram[] _marginals;

    private ContingencyTable(Histogram joint, long[] sizes, Histogram[] marginals, bool isDense)
    {
        Joint = joint;
        _sizes = sizes;
        _marginals = marginals;
        IsDense = isDense;
    }

    /// <summary>The number of variables: 2 or 3.</summary>
    public int Rank => _sizes.Length;

    /// <summary>The number of samples N.</summary>
    public long SampleCount => Joint.SampleCount;

    /// <summary>Whether the table was counted densely (small alphabets) rather than by sorting joint codes.</summary>
    public bool IsDense { get; }

    /// <summary>The non-zero joint counts; their symbols are the joint codes described in the remarks.</summary>
    public Histogram Joint { get; }

    /// <summary>|V| = largest observed symbol + 1 of each variable, in the order X, Y, Z.</summary>
    public ReadOnlySpan<long> Sizes => _sizes;

    /// <summary>Counts the pairs (x[i], y[i]).</summary>
    /// <param name="x">Non-negative symbols of X.</param>
    /// <param name="y">Non-negative symbols of Y, as many as of X.</param>
    /// <param name="maxDegreeOfParallelism">Threads for the dense count: −1 (default, no limit) or at least 1. Does not change the counts.</param>
    /// <returns>The 2-D table.</returns>
    /// <exception cref="ArgumentException">The lengths differ, the samples are empty, or a symbol is negative.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxDegreeOfParallelism"/> is 0 or less than −1.</exception>
    public static ContingencyTable FromSymbols(ReadOnlySpan<int> x, ReadOnlySpan<int> y, int maxDegreeOfParallelism = Settings.DefaultMaxDegreeOfParallelism)
    {
        Check.SameLength(x.Length, y.Length);
        Settings.MaxDegreeOfParallelism(maxDegreeOfParallelism, nameof(maxDegreeOfParallelism));
        long[] sizes = [Histogram.CheckSymbols(x, null, nameof(x)) + 1, Histogram.CheckSymbols(y, null, nameof(y)) + 1];
        return Build(x, y, default, sizes, maxDegreeOfParallelism);
    }

    /// <summary>Counts the triples (x[i], y[i], z[i]).</summary>
    /// <param name="x">Non-negative symbols of X.</param>
    /// <param name="y">Non-negative symbols of Y, as many as of X.</param>
    /// <param name="z">Non-negative symbols of Z, as many as of X.</param>
    /// <param name="maxDegreeOfParallelism">Threads for the dense count: −1 (default, no limit) or at least 1. Does not change the counts.</param>
    /// <returns>The 3-D table.</returns>
    /// <exception cref="ArgumentException">The lengths differ, the samples are empty, a symbol is negative, or |X|·|Y|·|Z| exceeds 2⁶² (re-encode the symbols densely first).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxDegreeOfParallelism"/> is 0 or less than −1.</exception>
    public static ContingencyTable FromSymbols(ReadOnlySpan<int> x, ReadOnlySpan<int> y, ReadOnlySpan<int> z, int maxDegreeOfParallelism = Settings.DefaultMaxDegreeOfParallelism)
    {
        Check.SameLength(x.Length, y.Length);
        Check.SameLength(x.Length, z.Length);
        Settings.MaxDegreeOfParallelism(maxDegreeOfParallelism, nameof(maxDegreeOfParallelism));
        long[] sizes = [Histogram.CheckSymbols(x, null, nameof(x)) + 1, Histogram.CheckSymbols(y, null, nameof(y)) + 1, Histogram.CheckSymbols(z, null, nameof(z)) + 1];
        return Build(x, y, z, sizes, maxDegreeOfParallelism);
    }

    /// <summary>Counts triples whose lengths and symbols the caller has checked, with sizes |V| = largest symbol + 1 (fewer than <see cref="MaxCodes"/> cells).</summary>
    internal static ContingencyTable FromCheckedSymbols(ReadOnlySpan<int> x, ReadOnlySpan<int> y, ReadOnlySpan<int> z, long[] sizes) =>
        Build(x, y, z, sizes, Settings.DefaultMaxDegreeOfParallelism);

    /// <summary>The marginal counts of one variable (0 = X, 1 = Y, 2 = Z).</summary>
    /// <param name="axis">The variable.</param>
    /// <returns>Its histogram.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="axis"/> is not a variable of the table.</exception>
    public Histogram Marginal(int axis)
    {
        if ((uint)axis >= (uint)Rank)
        {
            ThrowHelper.ArgumentOutOfRange(nameof(axis), axis, $"axis must be between 0 and {Rank - 1}, got {axis}.");
        }

        return _marginals[axis];
    }

    /// <summary>
    /// The joint counts of two variables of a 3-D table, summing out the third
    /// (e.g. <c>Marginal(0, 2)</c> is the (X, Z) table, with codes x·|Z| + z).
    /// </summary>
    /// <param name="first">The first variable kept.</param>
    /// <param name="second">The second variable kept, after <paramref name="first"/>.</param>
    /// <returns>The pair's histogram over joint codes.</returns>
    /// <exception cref="InvalidOperationException">The table is not 3-D.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The axes are not two increasing axes of the table.</exception>
    public Histogram Marginal(int first, int second)
    {
        if (Rank != 3)
        {
            throw new InvalidOperationException("Pair marginals are defined for 3-D tables; a 2-D table's pair is Joint.");
        }

        if (first < 0 || second <= first || second > 2)
        {
            ThrowHelper.ArgumentOutOfRange(nameof(second), second, $"Give two increasing axes among 0, 1, 2; got ({first}, {second}).");
        }

        long[] codes = new long[Joint.Support];
        ReadOnlySpan<long> symbols = Joint.Symbols;
        for (int i = 0; i < codes.Length; i++)
        {
            (long x, long y, long z) = Decode3(symbols[i]);
            codes[i] = (first, second) switch
            {
                (0, 1) => (x * _sizes[1]) + y,
                (0, 2) => (x * _sizes[2]) + z,
                _ => (y * _sizes[2]) + z,
            };
        }

        return Aggregate(codes, Joint.Counts, SampleCount);
    }

    /// <summary>
    /// Plug-in mutual information of a 2-D table, computed directly on the cells:
    /// Î(X;Y) = Σ (n_xy / N) ln(N·n_xy / (n_x·n_y)).
    /// </summary>
    /// <returns>Î ≥ 0 (up to rounding), exactly 0 when every cell equals the product of its margins.</returns>
    /// <exception cref="InvalidOperationException">The table is not 2-D.</exception>
    public Information PlugInMutualInformation()
    {
        if (Rank != 2)
        {
            throw new InvalidOperationException("Mutual information needs a 2-D table; use PlugInConditionalMutualInformation for a 3-D one.");
        }

        double n = SampleCount, sum = 0;
        ReadOnlySpan<long> counts = Joint.Counts, symbols = Joint.Symbols;
        Histogram hx = _marginals[0], hy = _marginals[1];
        for (int i = 0; i < counts.Length; i++)
        {
            long x = symbols[i] / _sizes[1], y = symbols[i] % _sizes[1];
            double c = counts[i];
            sum += c * Math.Log(n * c / ((double)hx.CountOf(x) * hy.CountOf(y)));
        }

        return Information.FromNats(sum / n);
    }

    /// <summary>
    /// Plug-in conditional mutual information of a 3-D table, computed directly on the cells:
    /// Î(X;Y|Z) = Σ (n_xyz / N) ln(n_z·n_xyz / (n_xz·n_yz)).
    /// </summary>
    /// <returns>Î ≥ 0 (up to rounding).</returns>
    /// <exception cref="InvalidOperationException">The table is not 3-D.</exception>
    public Information PlugInConditionalMutualInformation()
    {
        if (Rank != 3)
        {
            throw new InvalidOperationException("Conditional mutual information needs a 3-D table.");
        }

        Histogram xz = Marginal(0, 2), yz = Marginal(1, 2), hz = _marginals[2];
        double n = SampleCount, sum = 0;
        ReadOnlySpan<long> counts = Joint.Counts, symbols = Joint.Symbols;
        for (int i = 0; i < counts.Length; i++)
        {
            (long x, long y, long z) = Decode3(symbols[i]);
            double c = counts[i];
            double nxz = xz.CountOf((x * _sizes[2]) + z), nyz = yz.CountOf((y * _sizes[2]) + z);
            sum += c * Math.Log(hz.CountOf(z) * c / (nxz * nyz));
        }

        return Information.FromNats(sum / n);
    }

    private (long X, long Y, long Z) Decode3(long code)
    {
        long z = code % _sizes[2], xy = code / _sizes[2];
        return (xy / _sizes[1], xy % _sizes[1], z);
    }

    /// <summary>
    /// Counts the tuples of the checked variables (z empty for a 2-D table). The caller's spans are read in place, never
    /// copied. A dense joint table also gives the marginals by summing its axes, so the data are read once for the
    /// counts; a sparse one counts each marginal from its own variable.
    /// </summary>
    private static ContingencyTable Build(ReadOnlySpan<int> x, ReadOnlySpan<int> y, ReadOnlySpan<int> z, long[] sizes, int maxDegreeOfParallelism)
    {
        int n = x.Length;
        double cells = 1;
        foreach (long size in sizes)
        {
            cells *= size;
        }

        if (cells <= DenseCellLimit && cells <= (4.0 * n) + 65536)
        {
            int[] table = CountDense(x, y, z, sizes, (int)cells, maxDegreeOfParallelism);
            var marginals = new Histogram[sizes.Length];
            for (int axis = 0; axis < sizes.Length; axis++)
            {
                marginals[axis] = Histogram.FromDense<long>(SumOver(table, sizes, axis), n, null);
            }

            return new ContingencyTable(Histogram.FromDense<int>(table, n, null), sizes, marginals, isDense: true);
        }

        // Sparse: joint codes by mixed radix, then counted by sorting.
        if (cells >= MaxCodes)
        {
            ThrowHelper.ArgumentException(nameof(z), string.Create(CultureInfo.InvariantCulture,
                $"The symbols span {cells:G3} joint codes, more than 2^62; re-encode each variable densely first (SymbolEncoder, or JointSymbols.Dense for one variable), which bounds every alphabet by N."));
        }

        Histogram[] sparseMarginals = z.IsEmpty
            ? [Histogram.FromCheckedSymbols(x, sizes[0] - 1), Histogram.FromCheckedSymbols(y, sizes[1] - 1)]
            : [Histogram.FromCheckedSymbols(x, sizes[0] - 1), Histogram.FromCheckedSymbols(y, sizes[1] - 1), Histogram.FromCheckedSymbols(z, sizes[2] - 1)];
        long[] codes = new long[n];
        JointCodes(x, y, z, sizes, codes);
        return new ContingencyTable(Histogram.FromSymbols(codes, null, nameof(x)), sizes, sparseMarginals, isDense: false);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void JointCodes(ReadOnlySpan<int> x, ReadOnlySpan<int> y, ReadOnlySpan<int> z, long[] sizes, long[] codes)
    {
        long wy = sizes[1];
        if (z.IsEmpty)
        {
            for (int i = 0; i < codes.Length; i++)
            {
                codes[i] = (x[i] * wy) + y[i];
            }

            return;
        }

        long wz = sizes[2];
        for (int i = 0; i < codes.Length; i++)
        {
            codes[i] = (((x[i] * wy) + y[i]) * wz) + z[i];
        }
    }

    /// <summary>The counts of one axis of a dense row-major table: the sum over the other axes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static long[] SumOver(int[] table, long[] sizes, int axis)
    {
        long inner = 1;
        for (int a = axis + 1; a < sizes.Length; a++)
        {
            inner *= sizes[a];
        }

        int width = (int)sizes[axis], stride = (int)inner;
        long[] sums = new long[width];
        for (int start = 0; start < table.Length; start += width * stride)
        {
            for (int s = 0, cell = start; s < width; s++)
            {
                long sum = 0;
                for (int end = cell + stride; cell < end; cell++)
                {
                    sum += table[cell];
                }

                sums[s] += sum;
            }
        }

        return sums;
    }

    private static unsafe int[] CountDense(ReadOnlySpan<int> x, ReadOnlySpan<int> y, ReadOnlySpan<int> z, long[] sizes, int cells, int maxDegreeOfParallelism)
    {
        int n = x.Length;
        int chunkSize = 1 << 20;
        int chunks = Math.Max(1, (n + chunkSize - 1) / chunkSize);
        int degree = maxDegreeOfParallelism == -1 ? Environment.ProcessorCount : maxDegreeOfParallelism;
        if (degree == 1 || chunks == 1)
        {
            int[] single = new int[cells];
            CountRange(x, y, z, sizes, single);
            return single;
        }

        // One table per chunk, added in chunk order: the counts do not depend on scheduling. The spans are pinned for
        // the parallel loop, which reads them through their addresses instead of a copy.
        int[][] partial = new int[chunks][];
        int zLength = z.Length;
        fixed (int* px = x, py = y, pz = z)
        {
            nint ax = (nint)px, ay = (nint)py, az = (nint)pz;
            ForkJoin.For(chunks, degree, c =>
            {
                int start = c * chunkSize, length = Math.Min(n, start + chunkSize) - start;
                partial[c] = new int[cells];
                CountRange(
                    new ReadOnlySpan<int>((int*)ax + start, length),
                    new ReadOnlySpan<int>((int*)ay + start, length),
                    zLength == 0 ? default : new ReadOnlySpan<int>((int*)az + start, length),
                    sizes, partial[c]);
            });
        }

        return AddInOrder(partial);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int[] AddInOrder(int[][] partial)
    {
        int[] total = partial[0];
        for (int c = 1; c < partial.Length; c++)
        {
            int[] part = partial[c];
            for (int cell = 0; cell < total.Length; cell++)
            {
                total[cell] += part[cell];
            }
        }

        return total;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void CountRange(ReadOnlySpan<int> x, ReadOnlySpan<int> y, ReadOnlySpan<int> z, long[] sizes, int[] table)
    {
        int wy = (int)sizes[1];
        if (z.IsEmpty)
        {
            for (int i = 0; i < x.Length; i++)
            {
                table[(x[i] * wy) + y[i]]++;
            }

            return;
        }

        int wz = (int)sizes[2];
        for (int i = 0; i < x.Length; i++)
        {
            table[(((x[i] * wy) + y[i]) * wz) + z[i]]++;
        }
    }

    /// <summary>Adds counts that share a code (codes need not be sorted).</summary>
    private static Histogram Aggregate(long[] codes, ReadOnlySpan<long> counts, long sampleCount)
    {
        long[] order = counts.ToArray();
        Array.Sort(codes, order);
        var symbols = new List<long>();
        var sums = new List<long>();
        for (int i = 0; i < codes.Length; i++)
        {
            if (symbols.Count > 0 && symbols[^1] == codes[i])
            {
                sums[^1] += order[i];
            }
            else
            {
                symbols.Add(codes[i]);
                sums.Add(order[i]);
            }
        }

        return Histogram.FromSorted([.. sums], [.. symbols], sampleCount);
    }
}
