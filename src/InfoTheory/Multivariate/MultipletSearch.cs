using System.Globalization;
using InfoTheory.Continuous;
using InfoTheory.Internal;
using InfoTheory.Multivariate.Internal;

namespace InfoTheory.Multivariate;

/// <summary>The multivariate measure a <see cref="MultipletSearch"/> ranks multiplets by.</summary>
public enum MultipletMeasure
{
    /// <summary>O-information Ω = TC − DTC: positive for redundancy-dominated, negative for synergy-dominated multiplets.</summary>
    OInformation,

    /// <summary>Total correlation (multi-information).</summary>
    TotalCorrelation,

    /// <summary>Dual total correlation (binding information).</summary>
    DualTotalCorrelation,

    /// <summary>S-information Σ = TC + DTC.</summary>
    SInformation,
}

/// <summary>One multiplet of a search: its variables, its value and, when asked for, its significance and interval.</summary>
/// <param name="Variables">The variable (column) indices, increasing.</param>
/// <param name="Value">The measure's value.</param>
/// <param name="PValue">
/// The permutation p-value (1 + #null at least as extreme) / (1 + permutations) or null when no permutations were run.
/// The null shuffles every variable but the first independently: mutual independence. Any dependence in the multiplet
/// rejects it, so a small p says the value is not that of independent variables, not that its sign is certain; the
/// bootstrap interval (<paramref name="Lower"/>, <paramref name="Upper"/>) is what shows whether Ω is clearly above or
/// below 0. It is per multiplet: it does not correct for having selected the multiplet as the most extreme of many.
/// </param>
/// <param name="Lower">The lower end of the bootstrap percentile interval, or null.</param>
/// <param name="Upper">The upper end of the bootstrap percentile interval, or null.</param>
public sealed record Multiplet(int[] Variables, Information Value, double? PValue = null, Information? Lower = null, Information? Upper = null)
{
    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"({string.Join(", ", Variables)}): {Value}");
}

/// <summary>The outcome of a <see cref="MultipletSearch"/>.</summary>
/// <param name="Order">The multiplet size m.</param>
/// <param name="Measure">The measure ranked by.</param>
/// <param name="Highest">The multiplets of largest value, best first (for O-information: the most redundant).</param>
/// <param name="Lowest">The multiplets of smallest value, lowest first (for O-information: the most synergistic).</param>
/// <param name="Evaluated">How many multiplets were scored.</param>
/// <param name="Exhaustive">True when every multiplet of the order was scored; false when found by simulated annealing.</param>
public sealed record MultipletSearchResult(int Order, MultipletMeasure Measure, IReadOnlyList<Multiplet> Highest, IReadOnlyList<Multiplet> Lowest, long Evaluated, bool Exhaustive);

/// <summary>
/// Scores every multiplet of m of p continuous variables by a Gaussian (or Gaussian-copula) multivariate measure and
/// returns the highest and lowest: the most redundant and the most synergistic groups under O-information
/// (Rosas et al. 2019; the search of Varley et al. 2023 and the <c>hoi</c> and THOI packages).
/// </summary>
/// <remarks>
/// <para>
/// The statistic is one correlation matrix R of the (normal-scored) columns, computed once. For a multiplet S of size m
/// every measure is a combination of ln det R_S and the m values ln det R_{S∖i}; the latter are computed once for all
/// (m − 1)-subsets and shared by the m·C(p, m)/(p − m + 1)… multiplets that contain each, so a multiplet costs one m × m
/// Cholesky factorisation. Exhaustive when C(p, m) ≤ <see cref="MaxExhaustive"/> and the (m − 1)-subset table fits in
/// memory; otherwise simulated annealing over multiplets (swap one variable per step), as THOI does for large p.
/// </para>
/// <para>
/// Values: TC = −½ ln det R_S, DTC = ½ [Σᵢ ln det R_{S∖i} − (m − 1) ln det R_S], Ω = TC − DTC, Σ = TC + DTC (nats),
/// each minus the analytic bias of its entropies when <see cref="BiasCorrected"/> (see <see cref="GaussianJointEntropy"/>).
/// Results are deterministic: identical for any <see cref="MaxDegreeOfParallelism"/>, ties broken by the variables'
/// lexicographic order, resamples drawn from streams that depend only on <see cref="Seed"/>.
/// </para>
/// </remarks>
public sealed class MultipletSearch
{
    /// <summary>The largest order scored exhaustively (the (m − 1)-subset table grows as C(p, m − 1)).</summary>
    public const int MaxExhaustiveOrder = 6;

    /// <summary>A Cholesky pivot at or below this (on a correlation matrix) makes a multiplet singular.</summary>
    private const double PivotTolerance = 1e-12;

    /// <summary>The multiplet size m, at least 3 (default 3).</summary>
    public int Order { get; init => field = value >= 3 ? value : throw new ArgumentOutOfRangeException(nameof(Order), value, "Order must be at least 3 (O-information of pairs is 0)."); } = 3;

    /// <summary>How many multiplets to return at each end (default 10).</summary>
    public int Top { get; init => field = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(Top), value, "Top must be at least 1."); } = 10;

    /// <summary>The measure ranked by (default O-information).</summary>
    public MultipletMeasure Measure
    {
        get;
        init => field = Enum.IsDefined(value) ? value : throw new ArgumentOutOfRangeException(nameof(Measure), value, "Measure is not a defined MultipletMeasure.");
    }

    /// <summary>Transform each column to normal scores first (Gaussian-copula estimates; default true).</summary>
    public bool Copula { get; init; } = true;

    /// <summary>Subtract the analytic bias of each Gaussian entropy (default false).</summary>
    public bool BiasCorrected { get; init; }

    /// <summary>The most multiplets scored exhaustively; beyond, simulated annealing (default 50 000 000).</summary>
    public long MaxExhaustive { get; init => field = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(MaxExhaustive), value, "MaxExhaustive must be at least 1."); } = 50_000_000;

    /// <summary>Annealing: independent chains per direction (default 16).</summary>
    public int AnnealingChains { get; init => field = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(AnnealingChains), value, "AnnealingChains must be at least 1."); } = 16;

    /// <summary>Annealing: steps per chain (default 5000).</summary>
    public int AnnealingSteps { get; init => field = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(AnnealingSteps), value, "AnnealingSteps must be at least 1."); } = 5000;

    /// <summary>Permutations per reported multiplet for its p-value (default 0: none).</summary>
    public int Permutations { get; init => field = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(Permutations), value, "Permutations must be at least 0."); }

    /// <summary>Bootstrap resamples per reported multiplet for its percentile interval (default 0: none).</summary>
    public int BootstrapResamples { get; init => field = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(BootstrapResamples), value, "BootstrapResamples must be at least 0."); }

    /// <summary>The bootstrap interval's coverage (default 0.95).</summary>
    public double Confidence { get; init => field = value is > 0 and < 1 ? value : throw new ArgumentOutOfRangeException(nameof(Confidence), value, "Confidence must be in (0, 1)."); } = 0.95;

    /// <summary>The seed of the annealing chains, permutations and resamples (default 0).</summary>
    public int Seed { get; init; } = Settings.DefaultSeed;

    /// <summary>The most threads used; −1 for all cores (the default). Results do not depend on it.</summary>
    public int MaxDegreeOfParallelism { get; init => field = Settings.MaxDegreeOfParallelism(value, nameof(MaxDegreeOfParallelism)); } = Settings.DefaultMaxDegreeOfParallelism;

    /// <summary>Searches the multiplets of the columns of <paramref name="samples"/>.</summary>
    /// <param name="samples">One variable per column, at least <see cref="Order"/> columns and Order + 1 rows; finite; no constant column.</param>
    /// <returns>The highest and lowest multiplets.</returns>
    /// <exception cref="ArgumentException">Too few columns or rows, a NaN or ±∞, a constant column, or a singular multiplet (linearly dependent columns).</exception>
    public MultipletSearchResult Run(SampleMatrix samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        CheckShape(samples.Columns, nameof(samples));
        if (samples.Rows < Order + 1)
        {
            ThrowHelper.ArgumentException(nameof(samples), string.Create(CultureInfo.InvariantCulture,
                $"samples has {samples.Rows} rows; multiplets of {Order} variables need at least {Order + 1}."));
        }

        if (Permutations > 0)
        {
            Resampling.Count(Permutations, nameof(Permutations));
        }

        if (BootstrapResamples > 0)
        {
            Resampling.Count(BootstrapResamples, nameof(BootstrapResamples));
        }

        CorrelationColumns columns = CorrelationColumns.From(samples, Copula, nameof(samples));
        ParallelOptions parallel = Settings.Parallel(MaxDegreeOfParallelism, nameof(MaxDegreeOfParallelism));
        double[] r = columns.Matrix(parallel);
        MultipletSearchResult result = Search(r, samples.Columns, samples.Rows, parallel, nameof(samples));
        return Permutations == 0 && BootstrapResamples == 0 ? result : Significance(result, columns, parallel);
    }

    /// <summary>Searches the multiplets of Gaussian variables with a given covariance (exact: no sampling, no significance).</summary>
    /// <param name="covariance">A symmetric positive-definite p × p matrix, p ≥ <see cref="Order"/>.</param>
    /// <returns>The highest and lowest multiplets.</returns>
    /// <exception cref="ArgumentException">The matrix is not square, finite, symmetric, with a positive diagonal, or a multiplet is singular.</exception>
    public MultipletSearchResult Run(double[,] covariance)
    {
        ArgumentNullException.ThrowIfNull(covariance);
        int p = covariance.GetLength(0);
        if (covariance.GetLength(1) != p)
        {
            ThrowHelper.ArgumentException(nameof(covariance), string.Create(CultureInfo.InvariantCulture, $"covariance must be square, got {p} × {covariance.GetLength(1)}."));
        }

        CheckShape(p, nameof(covariance));
        double[] r = new double[p * p];
        for (int a = 0; a < p; a++)
        {
            if (!(covariance[a, a] > 0) || !double.IsFinite(covariance[a, a]))
            {
                ThrowHelper.ArgumentException(nameof(covariance), string.Create(CultureInfo.InvariantCulture, $"covariance[{a}, {a}] = {covariance[a, a]} is not a positive finite variance."));
            }
        }

        for (int a = 0; a < p; a++)
        {
            for (int b = 0; b < p; b++)
            {
                double v = covariance[a, b], w = covariance[b, a];
                if (!double.IsFinite(v) || Math.Abs(v - w) > 1e-10 * Math.Max(Math.Abs(v), Math.Abs(w)))
                {
                    ThrowHelper.ArgumentException(nameof(covariance), string.Create(CultureInfo.InvariantCulture, $"covariance[{a}, {b}] = {v} is not finite or not equal to covariance[{b}, {a}] = {w}."));
                }

                r[(a * p) + b] = a == b ? 1 : v / Math.Sqrt(covariance[a, a] * covariance[b, b]);
            }
        }

        return Search(r, p, 0, Settings.Parallel(MaxDegreeOfParallelism, nameof(MaxDegreeOfParallelism)), nameof(covariance));
    }

    private void CheckShape(int p, string paramName)
    {
        if (p < Order)
        {
            ThrowHelper.ArgumentException(paramName, string.Create(CultureInfo.InvariantCulture, $"{paramName} has {p} variables; multiplets of Order = {Order} need at least {Order}."));
        }
    }

    private MultipletSearchResult Search(double[] r, int p, int n, ParallelOptions parallel, string paramName)
    {
        var scorer = new Scorer(r, p, Order, Measure, BiasCorrected ? n : 0);
        var all = new Combinations(p, Order);
        long count = all.Count;
        bool exhaustive = Order <= MaxExhaustiveOrder && count <= MaxExhaustive &&
            new Combinations(p, Order - 1).Count * (double)sizeof(double) <= MemoryBudget.AvailableBytes / 4;
        (List<Candidate> highest, List<Candidate> lowest, long evaluated) = exhaustive
            ? Exhaustive(scorer, parallel)
            : Anneal(scorer, parallel);
        Candidate? singular = highest.Concat(lowest).Where(c => double.IsNaN(c.Value)).Cast<Candidate?>().FirstOrDefault();
        if (singular is { } s)
        {
            ThrowHelper.ArgumentException(paramName, string.Create(CultureInfo.InvariantCulture,
                $"The variables {string.Join(", ", s.Variables)} of {paramName} are linearly dependent (or nearly so): their Gaussian measures are undefined. Remove duplicated or derived columns."));
        }

        return new MultipletSearchResult(Order, Measure,
            [.. highest.Select(c => new Multiplet(c.Variables, Information.FromNats(c.Value)))],
            [.. lowest.Select(c => new Multiplet(c.Variables, Information.FromNats(c.Value)))],
            evaluated, exhaustive);
    }

    /// <summary>Every multiplet, split by its first variable over the threads; the (m − 1)-subset table first.</summary>
    private (List<Candidate> Highest, List<Candidate> Lowest, long Evaluated) Exhaustive(Scorer scorer, ParallelOptions parallel)
    {
        int p = scorer.P, m = Order;
        var sub = new Combinations(p, m - 1);
        var all = new Combinations(p, m);
        MemoryBudget.Require(sub.Count, sizeof(double), nameof(Order), string.Create(CultureInfo.InvariantCulture, $"The table of the {m - 1}-variable sub-multiplets of {p} variables"));
        double[] table = new double[sub.Count];
        Parallel.For(0, p - m + 2, parallel, first =>
        {
            Span<int> subset = stackalloc int[m - 1];
            Span<double> work = stackalloc double[(m - 1) * (m - 1)];
            for (int i = 0; i < m - 1; i++)
            {
                subset[i] = first + i;
            }

            do
            {
                table[sub.Rank(subset)] = scorer.LogDeterminant(subset, work);
            }
            while (Combinations.Next(subset, p) && subset[0] == first);
        });

        var highestParts = new List<Candidate>[p - m + 1];
        var lowestParts = new List<Candidate>[p - m + 1];
        Parallel.For(0, p - m + 1, parallel, first =>
        {
            var high = new TopList(Top, largest: true);
            var low = new TopList(Top, largest: false);
            Span<int> subset = stackalloc int[m];
            Span<double> work = stackalloc double[m * m];
            for (int i = 0; i < m; i++)
            {
                subset[i] = first + i;
            }

            do
            {
                double ld = scorer.LogDeterminant(subset, work);
                double sumSub = 0;
                for (int i = 0; i < m; i++)
                {
                    sumSub += table[sub.RankWithout(subset, i)];
                }

                double value = scorer.Value(ld, sumSub);
                high.Offer(subset, value);
                low.Offer(subset, value);
            }
            while (Combinations.Next(subset, p) && subset[0] == first);

            highestParts[first] = high.Items;
            lowestParts[first] = low.Items;
        });

        return (TopList.Merge(highestParts, Top, largest: true), TopList.Merge(lowestParts, Top, largest: false), all.Count);
    }

    /// <summary>
    /// Simulated annealing: each chain starts from a random multiplet and proposes swapping one member for a non-member;
    /// a worse proposal is accepted with probability exp(−Δ/T), T falling linearly to 0 from the spread of the scores of
    /// the chain's first 64 random multiplets. Every multiplet visited is a candidate.
    /// </summary>
    private (List<Candidate> Highest, List<Candidate> Lowest, long Evaluated) Anneal(Scorer scorer, ParallelOptions parallel)
    {
        int chains = AnnealingChains, steps = AnnealingSteps, m = Order, p = scorer.P;
        var parts = new List<Candidate>[2 * chains];
        Parallel.For(0, 2 * chains, parallel, c =>
        {
            bool largest = c % 2 == 0;
            var random = new StreamRandom(Seed, c);
            var top = new TopList(Top, largest);
            int[] current = new int[m];
            int[] proposal = new int[m];
            double[] work = new double[m * m];
            bool[] member = new bool[p];

            // The temperature scale: the spread of random multiplets' scores.
            double sum = 0, sumSquares = 0;
            for (int s = 0; s < 64; s++)
            {
                RandomSubset(ref random, current, member, p);
                double v = scorer.Score(current, work);
                sum += v;
                sumSquares += v * v;
                Array.ForEach(current, i => member[i] = false);
            }

            double spread = Math.Sqrt(Math.Max(0, (sumSquares / 64) - ((sum / 64) * (sum / 64))));
            double t0 = spread > 0 ? spread : 1e-3;
            RandomSubset(ref random, current, member, p);
            double value = scorer.Score(current, work);
            top.Offer(current, value);
            for (int step = 0; step < steps && p > m; step++)
            {
                int leave = random.NextInt32(m);
                int enter;
                do
                {
                    enter = random.NextInt32(p);
                }
                while (member[enter]);

                current.CopyTo(proposal, 0);
                proposal[leave] = enter;
                Array.Sort(proposal);
                double candidate = scorer.Score(proposal, work);
                double delta = largest ? value - candidate : candidate - value;
                double temperature = t0 * (1 - ((double)step / steps));
                double u = (random.NextUInt64() >> 11) * (1.0 / (1UL << 53));
                if (double.IsNaN(candidate))
                {
                    top.Offer(proposal, candidate);
                    continue;
                }

                if (delta <= 0 || (temperature > 0 && u < Math.Exp(-delta / temperature)))
                {
                    member[current[leave]] = false;
                    member[enter] = true;
                    (current, proposal) = (proposal, current);
                    value = candidate;
                    top.Offer(current, value);
                }
            }

            parts[c] = top.Items;
        });

        List<Candidate> highest = TopList.Merge([.. parts.Where((_, i) => i % 2 == 0)], Top, largest: true);
        List<Candidate> lowest = TopList.Merge([.. parts.Where((_, i) => i % 2 == 1)], Top, largest: false);
        return (highest, lowest, (long)2 * chains * (steps + 65));
    }

    private static void RandomSubset(ref StreamRandom random, int[] subset, bool[] member, int p)
    {
        for (int i = 0; i < subset.Length; i++)
        {
            int v;
            do
            {
                v = random.NextInt32(p);
            }
            while (member[v]);

            member[v] = true;
            subset[i] = v;
        }

        Array.Sort(subset);
    }

    /// <summary>Permutation p-values and bootstrap intervals for every reported multiplet, each from its own random streams.</summary>
    private MultipletSearchResult Significance(MultipletSearchResult result, CorrelationColumns columns, ParallelOptions parallel)
    {
        Multiplet[] reported = [.. result.Highest, .. result.Lowest];
        var updated = new Multiplet[reported.Length];
        int n = columns.Rows;
        Parallel.For(0, reported.Length, parallel, j =>
        {
            Multiplet multiplet = reported[j];
            bool upper = j < result.Highest.Count;
            int m = multiplet.Variables.Length;
            var scorer = new Scorer(null, 0, m, Measure, BiasCorrected ? n : 0);
            double[][] data = [.. multiplet.Variables.Select(v => columns.Columns[v])];
            double[] r = new double[m * m];
            double[] work = new double[m * m];
            double? pValue = null;
            if (Permutations > 0)
            {
                double[][] shuffled = [.. data.Select(c => (double[])c.Clone())];
                int extreme = 0;
                for (int rep = 0; rep < Permutations; rep++)
                {
                    var random = new StreamRandom(Seed, checked((j * Permutations) + rep));
                    for (int v = 1; v < m; v++)
                    {
                        data[v].CopyTo(shuffled[v], 0);
                        random.Shuffle(shuffled[v].AsSpan());
                    }

                    Correlation(shuffled, r, bootstrap: null);
                    double null_ = scorer.Score(r, work);
                    if (upper ? null_ >= multiplet.Value.Nats : null_ <= multiplet.Value.Nats)
                    {
                        extreme++;
                    }
                }

                pValue = (1.0 + extreme) / (1.0 + Permutations);
            }

            Information? lower = null, high = null;
            if (BootstrapResamples > 0)
            {
                double[] values = new double[BootstrapResamples];
                int[] rows = new int[n];
                for (int rep = 0; rep < BootstrapResamples; rep++)
                {
                    var random = new StreamRandom(Seed ^ 0x5bd1e995, checked((j * BootstrapResamples) + rep));
                    for (int i = 0; i < n; i++)
                    {
                        rows[i] = random.NextInt32(n);
                    }

                    Correlation(data, r, rows);
                    values[rep] = scorer.Score(r, work);
                }

                Array.Sort(values);
                double alpha = (1 - Confidence) / 2;
                lower = Information.FromNats(SortedQuantile.Of(values, alpha));
                high = Information.FromNats(SortedQuantile.Of(values, 1 - alpha));
            }

            updated[j] = multiplet with { PValue = pValue, Lower = lower, Upper = high };
        });

        return result with { Highest = updated[..result.Highest.Count], Lowest = updated[result.Highest.Count..] };
    }

    /// <summary>The correlation matrix of the columns (all rows, or the bootstrap rows given), row-major.</summary>
    private static void Correlation(double[][] data, double[] r, int[]? bootstrap)
    {
        int m = data.Length;
        if (bootstrap is null)
        {
            for (int a = 0; a < m; a++)
            {
                r[(a * m) + a] = 1;
                for (int b = a + 1; b < m; b++)
                {
                    double v = Math.Clamp(System.Numerics.Tensors.TensorPrimitives.Dot<double>(data[a], data[b]), -1, 1);
                    r[(a * m) + b] = v;
                    r[(b * m) + a] = v;
                }
            }

            return;
        }

        int n = bootstrap.Length;
        double[][] resampled = new double[m][];
        for (int a = 0; a < m; a++)
        {
            double[] c = new double[n];
            for (int i = 0; i < n; i++)
            {
                c[i] = data[a][bootstrap[i]];
            }

            if (!CorrelationColumns.Normalise(c))
            {
                Array.Clear(c);
            }

            resampled[a] = c;
        }

        Correlation(resampled, r, null);
    }

    /// <summary>A candidate multiplet and its value.</summary>
    private readonly record struct Candidate(int[] Variables, double Value);

    /// <summary>The measure of a multiplet from log-determinants of a correlation matrix, with the optional bias terms.</summary>
    private sealed class Scorer
    {
        private readonly double[]? _r;
        private readonly int _m;
        private readonly MultipletMeasure _measure;
        private readonly double _biasTotal;
        private readonly double _biasDual;

        public Scorer(double[]? r, int p, int m, MultipletMeasure measure, int n)
        {
            _r = r;
            P = p;
            _m = m;
            _measure = measure;
            if (n > 0)
            {
                // Each entropy of d variables is corrected by −b(n, d): TC = Σ H(i) − H(S), DTC = Σ H(S∖i) − (m − 1) H(S).
                double b1 = GaussianFormulas.EntropyBias(n, 1), bm1 = GaussianFormulas.EntropyBias(n, m - 1), bm = GaussianFormulas.EntropyBias(n, m);
                _biasTotal = (m * b1) - bm;
                _biasDual = (m * bm1) - ((m - 1) * bm);
            }
        }

        public int P { get; }

        public double Value(double logDet, double sumSubLogDet)
        {
            double total = (-0.5 * logDet) - _biasTotal;
            double dual = (0.5 * (sumSubLogDet - ((_m - 1) * logDet))) - _biasDual;
            return _measure switch
            {
                MultipletMeasure.TotalCorrelation => total,
                MultipletMeasure.DualTotalCorrelation => dual,
                MultipletMeasure.SInformation => total + dual,
                _ => total - dual,
            };
        }

        /// <summary>The value of a multiplet of the search's matrix, with every sub-determinant computed directly.</summary>
        public double Score(ReadOnlySpan<int> subset, Span<double> work) => Score(_r!, P, subset, work);

        /// <summary>The value of a multiplet whose own m × m correlation matrix is <paramref name="r"/>.</summary>
        public double Score(double[] r, double[] work)
        {
            Span<int> all = stackalloc int[_m];
            for (int i = 0; i < _m; i++)
            {
                all[i] = i;
            }

            return Score(r, _m, all, work);
        }

        private double Score(double[] r, int p, ReadOnlySpan<int> subset, Span<double> work)
        {
            double ld = LogDeterminant(r, p, subset, work);
            Span<int> rest = stackalloc int[subset.Length - 1];
            double sum = 0;
            for (int i = 0; i < subset.Length; i++)
            {
                for (int a = 0, b = 0; a < subset.Length; a++)
                {
                    if (a != i)
                    {
                        rest[b++] = subset[a];
                    }
                }

                sum += LogDeterminant(r, p, rest, work);
            }

            return Value(ld, sum);
        }

        /// <summary>ln det R_S of the search's matrix.</summary>
        public double LogDeterminant(ReadOnlySpan<int> subset, Span<double> work) => LogDeterminant(_r!, P, subset, work);

        /// <summary>ln det R_S by Cholesky; NaN when a pivot is at or below <see cref="PivotTolerance"/>.</summary>
        private static double LogDeterminant(double[] r, int p, ReadOnlySpan<int> subset, Span<double> work)
        {
            int k = subset.Length;
            double sum = 0;
            for (int j = 0; j < k; j++)
            {
                int row = subset[j] * p;
                for (int i = j; i < k; i++)
                {
                    double v = r[row + subset[i]];
                    for (int t = 0; t < j; t++)
                    {
                        v -= work[(i * k) + t] * work[(j * k) + t];
                    }

                    if (i == j)
                    {
                        if (!(v > PivotTolerance))
                        {
                            return double.NaN;
                        }

                        sum += Math.Log(v);
                        work[(j * k) + j] = Math.Sqrt(v);
                    }
                    else
                    {
                        work[(i * k) + j] = v / work[(j * k) + j];
                    }
                }
            }

            return sum;
        }
    }

    /// <summary>The best <c>size</c> candidates seen (largest or smallest values; ties to the lexicographically smaller multiplet).</summary>
    private sealed class TopList(int size, bool largest)
    {
        public List<Candidate> Items { get; } = new(size + 1);

        /// <summary>True when a is better than b.</summary>
        public static bool Better(double a, ReadOnlySpan<int> va, double b, ReadOnlySpan<int> vb, bool largest)
        {
            // NaN (a singular multiplet) ranks first so that it is reported, not hidden.
            if (double.IsNaN(a) || double.IsNaN(b))
            {
                return double.IsNaN(a) && (!double.IsNaN(b) || va.SequenceCompareTo(vb) < 0);
            }

            if (a != b)
            {
                return largest ? a > b : a < b;
            }

            return va.SequenceCompareTo(vb) < 0;
        }

        public void Offer(ReadOnlySpan<int> variables, double value)
        {
            if (Items.Count == size && !Better(value, variables, Items[^1].Value, Items[^1].Variables, largest))
            {
                return;
            }

            foreach (Candidate c in Items)
            {
                if (variables.SequenceEqual(c.Variables))
                {
                    return;
                }
            }

            int at = Items.Count;
            while (at > 0 && Better(value, variables, Items[at - 1].Value, Items[at - 1].Variables, largest))
            {
                at--;
            }

            Items.Insert(at, new Candidate(variables.ToArray(), value));
            if (Items.Count > size)
            {
                Items.RemoveAt(Items.Count - 1);
            }
        }

        public static List<Candidate> Merge(IEnumerable<List<Candidate>> parts, int size, bool largest)
        {
            var merged = new TopList(size, largest);
            foreach (List<Candidate> part in parts)
            {
                foreach (Candidate c in part)
                {
                    merged.Offer(c.Variables, c.Value);
                }
            }

            return merged.Items;
        }
    }
}
