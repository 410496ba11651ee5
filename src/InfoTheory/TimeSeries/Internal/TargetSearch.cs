using InfoTheory.Continuous;
using InfoTheory.Continuous.Internal;
using InfoTheory.Internal;
using InfoTheory.Statistics;

namespace InfoTheory.TimeSeries.Internal;

/// <summary>
/// The greedy multivariate transfer-entropy search for one target (Novelli, Wollstadt, Mediano, Wibral &amp; Lizier
/// 2019; Lizier &amp; Rubinov 2012): target-past selection, source selection and pruning, omnibus and sequential tests.
/// Every test draws its surrogates from its own seed, taken in order from the target's stream (user seed, target), and
/// surrogate b from stream (test seed, b), so the result depends on nothing but the data, the target and the settings.
/// </summary>
internal sealed class TargetSearch
{
    private readonly NetworkData _data;
    private readonly NetworkInferenceSettings _settings;
    private readonly IMultivariateMutualInformationEstimator _unconditioned;
    private readonly SampleMatrix _present;
    private StreamRandom _seeds;

    public TargetSearch(NetworkData data, int target, NetworkInferenceSettings settings, IMultivariateMutualInformationEstimator unconditioned)
    {
        _data = data;
        _settings = settings;
        _unconditioned = unconditioned;
        Target = target;
        _present = SampleMatrix.Owning(data.Column(target, 0), 1);
        _seeds = new StreamRandom(settings.Seed, target);
    }

    public int Target { get; }

    private bool Analytic => _settings.Null == NetworkNull.Analytic;

    public TargetInference Run()
    {
        int maxLag = _settings.MaxLag;
        var targetPast = new List<InferredSource>();
        var candidates = new List<(int Process, int Lag)>();
        for (int lag = 1; lag <= maxLag; lag++)
        {
            candidates.Add((Target, lag));
        }

        Select(candidates, targetPast, [], targetPast);

        candidates.Clear();
        for (int p = 0; p < _data.Processes; p++)
        {
            for (int lag = 1; lag <= maxLag && p != Target; lag++)
            {
                candidates.Add((p, lag));
            }
        }

        var sources = new List<InferredSource>();
        Select(candidates, targetPast, sources, sources);
        Prune(targetPast, sources);
        if (sources.Count == 0)
        {
            return new TargetInference(Target, targetPast, [], Information.Zero, 1.0, false);
        }

        (Information te, double omnibusP) = Omnibus(targetPast, sources);
        if (omnibusP > _settings.AlphaOmnibus)
        {
            return new TargetInference(Target, targetPast, [], te, omnibusP, false);
        }

        return new TargetInference(Target, targetPast, Sequential(targetPast, sources), te, omnibusP, true);
    }

    /// <summary>Greedy inclusion: add the best remaining candidate while its maximum statistic is significant.</summary>
    private void Select(List<(int Process, int Lag)> candidates, List<InferredSource> past, List<InferredSource> sources, List<InferredSource> into)
    {
        while (candidates.Count > 0)
        {
            SampleMatrix? condition = Matrix([.. past, .. sources]);
            Func<SampleMatrix, double> given = Given(condition, Column(candidates[0]));
            double[] observed = new double[candidates.Count];
            ForkJoin.For(candidates.Count, _settings.MaxDegreeOfParallelism, c =>
                observed[c] = given(Column(candidates[c])));
            int best = 0;
            for (int c = 1; c < observed.Length; c++)
            {
                if (observed[c] > observed[best])
                {
                    best = c;
                }
            }

            double p;
            if (Analytic)
            {
                p = Sidak(ChiSquaredP(observed[best], 1), candidates.Count);
            }
            else
            {
                double[] nulls = Surrogates(order =>
                {
                    double max = double.NegativeInfinity;
                    foreach ((int Process, int Lag) candidate in candidates)
                    {
                        max = Math.Max(max, given(Permuted(_data.Column(candidate.Process, candidate.Lag), order)));
                    }

                    return max;
                });
                p = PermutationTest.PValue(observed[best], nulls);
            }

            if (!(p <= _settings.AlphaMax))
            {
                return;
            }

            into.Add(new InferredSource(candidates[best].Process, candidates[best].Lag, Information.FromNats(observed[best]), p));
            candidates.RemoveAt(best);
        }
    }

    /// <summary>Pruning by the minimum statistic: drop the weakest source while it is not significant given the rest.</summary>
    private void Prune(List<InferredSource> past, List<InferredSource> sources)
    {
        while (sources.Count > 0)
        {
            (double[] observed, Func<SampleMatrix, double>[] given) = Individual(past, sources);
            int weakest = 0;
            for (int s = 1; s < observed.Length; s++)
            {
                if (observed[s] < observed[weakest])
                {
                    weakest = s;
                }
            }

            double p;
            if (Analytic)
            {
                // Under H₀ every candidate's statistic is an independent-looking χ²₁/2N: P(min ≥ x) = P(χ²₁ ≥ 2Nx)^m.
                p = Math.Pow(ChiSquaredP(observed[weakest], 1), sources.Count);
            }
            else
            {
                double[] nulls = Surrogates(order =>
                {
                    double min = double.PositiveInfinity;
                    for (int s = 0; s < sources.Count; s++)
                    {
                        min = Math.Min(min, given[s](Permuted(_data.Column(sources[s].Process, sources[s].Lag), order)));
                    }

                    return min;
                });
                p = PermutationTest.PValue(observed[weakest], nulls);
            }

            if (p <= _settings.AlphaMin)
            {
                return;
            }

            sources.RemoveAt(weakest);
        }
    }

    /// <summary>The collective transfer entropy of all selected sources given the selected target past.</summary>
    private (Information TransferEntropy, double PValue) Omnibus(List<InferredSource> past, List<InferredSource> sources)
    {
        SampleMatrix all = Matrix(sources)!;
        SampleMatrix? condition = Matrix(past);
        Func<SampleMatrix, double> given = Given(condition, all);
        double observed = given(all);
        double p;
        if (Analytic)
        {
            p = ChiSquaredP(observed, sources.Count);
        }
        else
        {
            int d = all.Columns;
            double[] nulls = Surrogates(order =>
            {
                ReadOnlySpan<double> data = all.Data.Span;
                double[] moved = new double[data.Length];
                for (int i = 0; i < order.Length; i++)
                {
                    data.Slice(order[i] * d, d).CopyTo(moved.AsSpan(i * d, d));
                }

                return given(SampleMatrix.Owning(moved, d));
            });
            p = PermutationTest.PValue(observed, nulls);
        }

        return (Information.FromNats(observed), p);
    }

    /// <summary>
    /// Sequential maximum statistics: the i-th largest single-source statistic against the i-th largest of each
    /// surrogate set; the first non-significant one ends the list.
    /// </summary>
    private List<InferredSource> Sequential(List<InferredSource> past, List<InferredSource> sources)
    {
        int m = sources.Count;
        (double[] observed, Func<SampleMatrix, double>[] given) = Individual(past, sources);
        int[] rank = [.. Enumerable.Range(0, m).OrderByDescending(s => observed[s]).ThenBy(s => s)];
        double[][]? sortedNulls = null;
        if (!Analytic)
        {
            sortedNulls = new double[m][];
            for (int i = 0; i < m; i++)
            {
                sortedNulls[i] = new double[_settings.Surrogates];
            }

            int seed = NextSeed();
            ForkJoin.For(_settings.Surrogates, _settings.MaxDegreeOfParallelism, b =>
            {
                int[] order = Permutation(seed, b);
                double[] values = new double[m];
                for (int s = 0; s < m; s++)
                {
                    values[s] = given[s](Permuted(_data.Column(sources[s].Process, sources[s].Lag), order));
                }

                Array.Sort(values);
                for (int i = 0; i < m; i++)
                {
                    sortedNulls[i][b] = values[m - 1 - i];
                }
            });
        }

        var kept = new List<InferredSource>();
        for (int i = 0; i < m; i++)
        {
            double x = observed[rank[i]];

            // Analytic: the Holm-Šidák step-down, the closed-form analogue of comparing with the i-th largest null.
            double p = Analytic ? Sidak(ChiSquaredP(x, 1), m - i) : PermutationTest.PValue(x, sortedNulls![i]);
            if (!(p <= _settings.AlphaSequential))
            {
                break;
            }

            InferredSource s = sources[rank[i]];
            kept.Add(s with { ConditionalMutualInformation = Information.FromNats(x), PValue = p });
        }

        return kept;
    }

    /// <summary>
    /// Each source's I(Y_t ; source | target past, the other sources), and for each source the estimate of
    /// I(Y_t ; · | its condition) that its surrogates use.
    /// </summary>
    private (double[] Observed, Func<SampleMatrix, double>[] Given) Individual(List<InferredSource> past, List<InferredSource> sources)
    {
        int m = sources.Count;
        var rest = new SampleMatrix?[m];
        var given = new Func<SampleMatrix, double>[m];
        double[] observed = new double[m];
        for (int s = 0; s < m; s++)
        {
            rest[s] = Matrix([.. past, .. sources.Where((_, j) => j != s)]);
        }

        ForkJoin.For(m, _settings.MaxDegreeOfParallelism, s =>
        {
            SampleMatrix source = Column(sources[s]);
            given[s] = Given(rest[s], source);
            observed[s] = given[s](source);
        });
        return (observed, given);
    }

    /// <summary>One statistic per surrogate, each from its own within-trial permutation of the rows.</summary>
    private double[] Surrogates(Func<int[], double> statistic)
    {
        int seed = NextSeed();
        double[] nulls = new double[_settings.Surrogates];
        ForkJoin.For(nulls.Length, _settings.MaxDegreeOfParallelism, b => nulls[b] = statistic(Permutation(seed, b)));
        return nulls;
    }

    private int NextSeed() => (int)(_seeds.NextUInt64() >> 32);

    /// <summary>A uniformly random permutation of the rows of each trial, kept within the trial.</summary>
    private int[] Permutation(int seed, int b)
    {
        var random = new StreamRandom(seed, b);
        int[] order = new int[_data.Rows];
        int offset = 0;
        foreach (int m in _data.TrialRows)
        {
            Span<int> block = order.AsSpan(offset, m);
            for (int i = 0; i < m; i++)
            {
                block[i] = offset + i;
            }

            random.Shuffle(block);
            offset += m;
        }

        return order;
    }

    private static SampleMatrix Permuted(double[] column, int[] order)
    {
        double[] moved = new double[column.Length];
        for (int i = 0; i < moved.Length; i++)
        {
            moved[i] = column[order[i]];
        }

        return SampleMatrix.Owning(moved, 1);
    }

    private SampleMatrix Column((int Process, int Lag) variable) => SampleMatrix.Owning(_data.Column(variable.Process, variable.Lag), 1);

    private SampleMatrix Column(InferredSource variable) => Column((variable.Process, variable.Lag));

    /// <summary>The selected variables side by side (row-major), or null when there are none.</summary>
    private SampleMatrix? Matrix(List<InferredSource> variables)
    {
        int d = variables.Count;
        if (d == 0)
        {
            return null;
        }

        double[] data = new double[_data.Rows * d];
        for (int j = 0; j < d; j++)
        {
            double[] column = _data.Column(variables[j].Process, variables[j].Lag);
            for (int i = 0; i < column.Length; i++)
            {
                data[(i * d) + j] = column[i];
            }
        }

        return SampleMatrix.Owning(data, d);
    }

    /// <summary>
    /// I(Y_t ; candidate | <paramref name="condition"/>) for the many candidates and surrogates tested against one
    /// condition. With the KSG estimator the target's present and the condition are prepared and indexed once
    /// (<see cref="KsgConditionalFixedSides"/>, built on <paramref name="representative"/>) and every call re-queries
    /// them; each result is the same bits as a fresh estimate.
    /// </summary>
    private Func<SampleMatrix, double> Given(SampleMatrix? condition, SampleMatrix representative)
    {
        if (condition is not null && _settings.Estimator is KsgConditionalMutualInformation ksg)
        {
            var fixedSides = new KsgConditionalFixedSides(ksg, _present, representative, condition);
            return candidate => fixedSides.Estimate(candidate).Nats;
        }

        return candidate => Cmi(candidate, condition);
    }

    private double Cmi(SampleMatrix candidate, SampleMatrix? condition) =>
        (condition is null ? _unconditioned.Estimate(_present, candidate) : _settings.Estimator.Estimate(_present, candidate, condition)).Nats;

    /// <summary>P(χ²_df ≥ 2N·I) for I in nats (Barnett &amp; Bossomaier 2012); a negative estimate counts as 0.</summary>
    private double ChiSquaredP(double nats, int degreesOfFreedom) => ChiSquaredNull.PValue(nats, _data.Rows, degreesOfFreedom);

    /// <summary>The Šidák family-wise p-value of the largest of m statistics: 1 − (1 − p)^m.</summary>
    private static double Sidak(double p, int m) => -GammaFunctions.ExpM1(m * GammaFunctions.Log1P(-p));
}
