using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using InfoTheory.Continuous;
using InfoTheory.Discrete;
using InfoTheory.Orleans;
using InfoTheory.Plotting;
using InfoTheory.Selection;

namespace InfoTheory.Cli;

/// <summary>The rank and matrix commands: feature scores and greedy selection against a target, and all-pairs dependence.</summary>
internal static class SelectionCommands
{
    private static readonly string[] ContinuousPairEstimators = ["ksg", "hybrid", "copula"];
    private static readonly string[] Criteria = ["mim", "mifs", "mrmr", "jmi", "cife", "cmim"];
    private static readonly string[] MatrixEstimators = ["auto", "copula", "ksg", "plugin"];

    public static Command Rank(Option<string> unitOption)
    {
        var input = new TableInput(positional: true);
        var target = new Option<string>("--target", "-t") { Description = "The target column: a name or a 0-based position #N.", Required = true };
        var columns = new Option<string?>("--columns", "-c") { Description = "The feature columns (names or #N, separated by commas); default: every column but the target." };
        var discrete = new Option<string?>("--discrete") { Description = "Columns (features or the target) to treat as discrete, whatever they look like." };
        var continuous = new Option<string?>("--continuous") { Description = "Columns (features or the target) to treat as continuous, whatever they look like." };
        var estimator = new Option<string>("--estimator", "-e")
        {
            Description = "Estimator for a continuous feature with a continuous target: ksg (default, KSG algorithm 1 as scikit-learn), hybrid (KSG corrected on Gaussian surrogates) or copula (Gaussian copula, a lower bound). Discrete/discrete pairs use --discrete-estimator; discrete/continuous pairs use Ross (2014), as scikit-learn.",
            DefaultValueFactory = _ => "ksg",
        };
        estimator.AcceptOnlyFromAmong(ContinuousPairEstimators);
        var discreteEstimator = new Option<string>("--discrete-estimator")
        {
            Description = "Entropy estimator behind discrete/discrete MI (and behind every term of --select): " + string.Join(", ", Estimators.Names) + ".",
            DefaultValueFactory = _ => "plugin",
        };
        discreteEstimator.AcceptOnlyFromAmong(Estimators.Names);
        var select = new Option<string?>("--select", "-s") { Description = "Greedy selection instead of ranking: " + string.Join(", ", Criteria) + " (Brown et al. 2012). Continuous columns are binned (--bins)." };
        select.AcceptOnlyFromAmong(Criteria);
        var top = new Option<int?>("--top") { Description = "How many features to list (ranking) or select (--select); default all (ranking) or 10 (selection)." };
        var bins = new Option<int>("--bins") { Description = "Equal-frequency bins per continuous column for --select (default 8).", DefaultValueFactory = _ => 8 };
        var k = new Option<int?>("--k") { Description = $"Neighbours of the k-NN estimators (default {EstimatorDefaults.K}, as the library and scikit-learn)." };
        var seed = new Option<int>("--seed") { Description = $"Seed of the k-NN tie-breaking jitter and the surrogates (default {EstimatorDefaults.Seed}).", DefaultValueFactory = _ => EstimatorDefaults.Seed };
        var format = FormatOption();
        Option<string?> cluster = ClusterCommands.ClusterOption();
        Option<string> clusterId = ClusterCommands.ClusterIdOption();
        Option<int> clusterTimeout = ClusterCommands.TimeoutOption();
        var command = new Command("rank", "Mutual information of every feature column with a target column, each pair with the estimator its kinds call for, or a greedy selection (mRMR, JMI, CMIM, …).")
        {
            target, columns, discrete, continuous, estimator, discreteEstimator, select, top, bins, k, seed, format, unitOption, cluster, clusterId, clusterTimeout,
        };
        input.AddTo(command);
        command.SetAction(result =>
        {
            string unit = result.GetValue(unitOption)!;
            string output = result.GetValue(format)!;
            int? topCount = result.GetValue(top);
            int binCount = result.GetValue(bins);
            if (topCount is < 1)
            {
                throw new CliException($"--top must be at least 1, got {topCount}");
            }

            if (binCount < 2)
            {
                throw new CliException($"--bins must be at least 2, got {binCount}");
            }

            CsvTable table = input.Read(result, "rank data.csv --target y");
            int targetColumn = table.Resolve(result.GetValue(target)!, "--target") is [int single] ? single : throw new CliException("--target: give one column");
            int[] features = result.GetValue(columns) is { } spec
                ? table.Resolve(spec, "--columns")
                : [.. Enumerable.Range(0, table.Header.Length).Where(c => c != targetColumn)];
            if (features.Contains(targetColumn))
            {
                throw new CliException($"--columns: the target '{table.Header[targetColumn]}' is also a feature; leave it out");
            }

            if (features.Length == 0)
            {
                throw new CliException("no feature columns: the file has only the target");
            }

            int[] rows = table.Rows([.. features, targetColumn], input.Missing(result));
            Kinds kinds = Kinds.Decide(table, rows, [.. features, targetColumn], result.GetValue(discrete), result.GetValue(continuous));
            string? criterion = result.GetValue(select);
            string? gateways = result.GetValue(cluster);
            if (criterion is not null && gateways is not null)
            {
                throw new CliException("--cluster runs the ranking (feature scores); --select runs on this machine only");
            }

            if (criterion is null)
            {
                Func<FeatureScores, SampleMatrix, bool[], IReadOnlyList<FeatureScore>>? remote = gateways is null ? null
                    : (scorer, x, mask) => ClusterCommands.Run(gateways, result.GetValue(clusterId)!, result.GetValue(clusterTimeout),
                        (client, options) => kinds.IsDiscrete(targetColumn)
                            ? scorer.ScoreAsync(x, Symbols(table, [targetColumn], rows).Column(0).Select(v => (int)v).ToArray(), client, mask, options)
                            : scorer.ScoreAsync(x, Numbers(table, [targetColumn], rows, "a continuous target").Column(0), client, mask, options));
                RankScores(table, rows, features, targetColumn, kinds, result.GetValue(estimator)!, result.GetValue(discreteEstimator)!, result.GetValue(k), result.GetValue(seed), topCount, unit, output, remote);
            }
            else
            {
                Select(table, rows, features, targetColumn, kinds, criterion, result.GetValue(discreteEstimator)!, topCount ?? Math.Min(10, features.Length), binCount, unit, output);
            }
        });
        return command;
    }

    public static Command Matrix(Option<string> unitOption)
    {
        var input = new TableInput(positional: true);
        var columns = new Option<string?>("--columns", "-c") { Description = "The columns (names or #N, separated by commas); default: every column." };
        var estimator = new Option<string>("--estimator", "-e")
        {
            Description = "auto (default: plugin when every column looks discrete, copula when every one looks continuous), copula (Gaussian copula, fast), ksg (KSG algorithm 1) or plugin (each value a symbol).",
            DefaultValueFactory = _ => "auto",
        };
        estimator.AcceptOnlyFromAmong(MatrixEstimators);
        var normalize = new Option<bool>("--normalize", "-n") { Description = "Normalise: I/√(H_i H_j) for plugin, 1 − exp(−2I) (the squared correlation of a Gaussian pair with that MI) for copula and ksg." };
        var k = new Option<int?>("--k") { Description = $"Neighbours of the KSG estimator (default {EstimatorDefaults.K})." };
        var seed = new Option<int>("--seed") { Description = $"Seed of the KSG tie-breaking jitter (default {EstimatorDefaults.Seed}).", DefaultValueFactory = _ => EstimatorDefaults.Seed };
        var format = FormatOption();
        Option<string?> plot = PlotOutput.Create("the matrix as a heatmap (cells without a colour are left blank: an unnormalised diagonal, H or +∞, and any +∞ pair)");
        Option<string?> cluster = ClusterCommands.ClusterOption();
        Option<string> clusterId = ClusterCommands.ClusterIdOption();
        Option<int> clusterTimeout = ClusterCommands.TimeoutOption();
        var command = new Command("matrix", "All-pairs mutual information (dependence matrix) of columns of a data file, each column prepared once.")
        {
            columns, estimator, normalize, k, seed, format, unitOption, plot, cluster, clusterId, clusterTimeout,
        };
        input.AddTo(command);
        command.SetAction(result =>
        {
            string unit = result.GetValue(unitOption)!;
            string output = result.GetValue(format)!;
            string name = result.GetValue(estimator)!;
            string? plotPath = result.GetValue(plot);
            PlotOutput.Check(plotPath);
            int? given = result.GetValue(k);
            if (given is not null && name is not ("ksg" or "auto"))
            {
                throw new CliException($"--k applies to the ksg estimator, not '{name}'");
            }

            CsvTable table = input.Read(result, "matrix data.csv");
            int[] chosen = result.GetValue(columns) is { } spec ? table.Resolve(spec, "--columns") : [.. Enumerable.Range(0, table.Header.Length)];
            if (chosen.Length < 2)
            {
                throw new CliException("a dependence matrix needs at least two columns");
            }

            int[] rows = table.Rows(chosen, input.Missing(result));
            (string actual, string why) = ChooseMatrixEstimator(name, table, chosen, rows);
            if (given is not null && actual != "ksg")
            {
                throw new CliException($"--k applies to the ksg estimator; auto chose '{actual}'");
            }

            SampleMatrix samples = actual == "plugin" ? Symbols(table, chosen, rows) : Numbers(table, chosen, rows, "--estimator " + actual);
            var matrix = new DependenceMatrix
            {
                Estimator = actual switch { "plugin" => DependenceEstimator.PlugIn, "ksg" => DependenceEstimator.Ksg, _ => DependenceEstimator.GaussianCopula },
                Normalize = result.GetValue(normalize),
                K = given ?? EstimatorDefaults.K,
                Seed = result.GetValue(seed),
            };
            string[] names = [.. chosen.Select(c => table.Header[c])];
            DependenceMatrixResult m = result.GetValue(cluster) is { } gateways
                ? ClusterCommands.Run(gateways, result.GetValue(clusterId)!, result.GetValue(clusterTimeout),
                    (client, options) => matrix.ComputeAsync(samples, client, names, options))
                : matrix.Compute(samples, names);
            string settings = actual == "ksg" ? string.Create(CultureInfo.InvariantCulture, $"k = {matrix.K}, seed {matrix.Seed}, columns standardised once") : actual == "copula" ? "normal scores once per column" : "distinct values as symbols";
            string values = m.Normalized ? (actual == "plugin" ? "I/√(H_i H_j)" : "1 − exp(−2I)") : $"mutual information in {unit}";
            string diagonal = m.Normalized ? "1 (0 for a constant column)" : actual == "plugin" ? "the entropy H(X_i)" : "+∞ (0 for a constant column)";
            string[] notes =
            [
                $"estimator {actual}{why}; {settings}",
                string.Create(CultureInfo.InvariantCulture, $"values: {values}; diagonal: {diagonal}; n = {rows.Length}"),
                $"columns: {table.Names(chosen)}{Dropped(table, rows)}",
            ];
            PrintMatrix(m, unit, output, notes);
            if (plotPath is not null)
            {
                // Cells without a colour are left blank: the unnormalised diagonal (H, or +∞ for continuous columns), and
                // the +∞ of duplicated or monotonically related continuous columns.
                double[,] cells = m.ToArray(Unit(unit));
                for (int i = 0; i < m.Count; i++)
                {
                    for (int j = 0; j < m.Count; j++)
                    {
                        if ((i == j && !m.Normalized) || !double.IsFinite(cells[i, j]))
                        {
                            cells[i, j] = double.NaN;
                        }
                    }
                }

                using ScottPlot.Plot figure = Figures.DependenceHeatmap(m.Names, cells, values);
                PlotOutput.Write(figure, plotPath);
            }
        });
        return command;
    }

    private static Option<string> FormatOption()
    {
        var format = new Option<string>("--format", "-f") { Description = "Output: table (default), csv or json. With csv and json the notes (estimators, columns) go to standard error.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "csv", "json");
        return format;
    }

    private static void RankScores(CsvTable table, int[] rows, int[] features, int target, Kinds kinds, string continuousName, string discreteName, int? k, int seed, int? top, string unit, string output,
        Func<FeatureScores, SampleMatrix, bool[], IReadOnlyList<FeatureScore>>? remote)
    {
        if (k is { } given && given >= rows.Length)
        {
            throw new CliException($"--k {given} needs at least k + 1 = {(long)given + 1} rows; the data have {rows.Length}");
        }

        int kk = k ?? EstimatorDefaults.K;
        var scorer = new FeatureScores
        {
            DiscreteDiscrete = new DiscreteMutualInformation(Estimators.Create(discreteName)) { MaxDegreeOfParallelism = 1 },
            Mixed = new RossMutualInformation { K = kk, Seed = seed, MaxDegreeOfParallelism = 1 },
            ContinuousContinuous = continuousName switch
            {
                "hybrid" => new HybridMutualInformation(new KsgMutualInformation { K = kk, Scaling = SampleScaling.None, Seed = seed, MaxDegreeOfParallelism = 1 }) { Seed = seed },
                "copula" => new GaussianCopulaMutualInformation(),
                _ => new KsgMutualInformation { K = kk, Seed = seed, MaxDegreeOfParallelism = 1 },
            },
        };
        SampleMatrix x = Mixed(table, features, rows, kinds);
        bool[] mask = [.. features.Select(kinds.IsDiscrete)];
        IReadOnlyList<FeatureScore> scores = remote is not null ? remote(scorer, x, mask) : kinds.IsDiscrete(target)
            ? scorer.Score(x, Symbols(table, [target], rows).Column(0).Select(v => (int)v).ToArray(), mask)
            : scorer.Score(x, Numbers(table, [target], rows, "a continuous target").Column(0), mask);
        FeatureScore[] ranked = [.. scores.OrderByDescending(s => s.Information.Nats).ThenBy(s => s.Column).Take(top ?? scores.Count)];
        string[] notes =
        [
            $"target: {table.Names([target])}, {Kind(kinds, target)}; n = {rows.Length}{Dropped(table, rows)}",
            $"features: {string.Join(", ", features.Select(c => $"{table.Header[c]} ({Kind(kinds, c)})"))}",
            $"estimators: {string.Join("; ", scores.Select(s => s.Estimator).Distinct().Select(e => $"{e} ({Describe(e, scorer)})"))}",
        ];
        string[] header = ["rank", "column", "position", "kind", "estimator", $"mi_{unit}"];
        string[][] lines = [.. ranked.Select((s, i) => new[]
        {
            (i + 1).ToString(CultureInfo.InvariantCulture), table.Header[features[s.Column]], "#" + features[s.Column].ToString(CultureInfo.InvariantCulture),
            s.Discrete ? "discrete" : "continuous", s.Estimator, Number(s.Information.In(Unit(unit))),
        })];
        PrintRows(header, lines, output, notes, "features");
    }

    private static void Select(CsvTable table, int[] rows, int[] features, int target, Kinds kinds, string criterionName, string discreteName, int count, int bins, string unit, string output)
    {
        if (count > features.Length)
        {
            throw new CliException($"--top {count} is more than the {features.Length} feature columns");
        }

        var binning = new EqualFrequencyBinning(bins) { Scope = BinningScope.PerColumn };
        int[][] columns = [.. features.Select(c => Discretized(table, c, rows, kinds, binning))];
        int[] y = Discretized(table, target, rows, kinds, binning);
        var selection = new FeatureSelection
        {
            Criterion = Enum.Parse<SelectionCriterion>(criterionName, ignoreCase: true),
            Entropy = Estimators.Create(discreteName),
        };
        FeatureSelectionResult result = selection.Select(columns, y, count);
        string[] notes =
        [
            $"target: {table.Names([target])}, {Kind(kinds, target)}{(kinds.IsDiscrete(target) ? "" : string.Create(CultureInfo.InvariantCulture, $" (binned into {bins} equal-frequency bins)"))}; n = {rows.Length}{Dropped(table, rows)}",
            $"features: {string.Join(", ", features.Select(c => $"{table.Header[c]} ({Kind(kinds, c)})"))}",
            string.Create(CultureInfo.InvariantCulture, $"criterion {selection.Criterion} (Brown et al. 2012); every term {RunSettings.Describe(selection.Entropy!)}; continuous columns in {bins} equal-frequency bins each"),
        ];
        string[] header = ["step", "column", "position", "kind", $"score_{unit}", $"relevance_{unit}"];
        string[][] lines = [.. result.Steps.Select((s, i) => new[]
        {
            (i + 1).ToString(CultureInfo.InvariantCulture), table.Header[features[s.Column]], "#" + features[s.Column].ToString(CultureInfo.InvariantCulture),
            Kind(kinds, features[s.Column]), Number(s.Score.In(Unit(unit))), Number(s.Relevance.In(Unit(unit))),
        })];
        PrintRows(header, lines, output, notes, "selected");
    }

    private static int[] Discretized(CsvTable table, int column, int[] rows, Kinds kinds, Binning binning) => kinds.IsDiscrete(column)
        ? Encode(table.Values([column], rows))
        : binning.Discretize(Numbers(table, [column], rows, "binning").Column(0));

    private static string Describe(string estimator, FeatureScores scorer) => estimator switch
    {
        nameof(DiscreteMutualInformation) => "discrete/discrete: " + RunSettings.Describe(scorer.DiscreteDiscrete),
        nameof(RossMutualInformation) => "discrete/continuous: " + RossSettings((RossMutualInformation)scorer.Mixed),
        _ => "continuous/continuous: " + RunSettings.Describe(scorer.ContinuousContinuous),
    };

    private static string RossSettings(RossMutualInformation r) => string.Create(CultureInfo.InvariantCulture, $"k = {r.K}, scaling {r.Scaling}, ties {r.Ties}, seed {r.Seed}");

    private static string Kind(Kinds kinds, int column) => kinds.IsDiscrete(column) ? "discrete" : "continuous";

    private static LogBase Unit(string unit) => unit switch { "nats" => LogBase.E, "hartleys" => LogBase.Ten, _ => LogBase.Two };

    private static string Number(double value) => double.IsPositiveInfinity(value) ? "inf" : value.ToString("G6", CultureInfo.InvariantCulture);

    private static (string Name, string Why) ChooseMatrixEstimator(string name, CsvTable table, int[] columns, int[] rows)
    {
        if (name != "auto")
        {
            return (name, "");
        }

        bool[] discrete = [.. columns.Select(c => MultivariateCommands.LooksDiscrete(table.Values([c], rows)))];
        if (discrete.All(d => d))
        {
            return ("plugin", ", chosen because every column looks discrete");
        }

        if (!discrete.Any(d => d))
        {
            return ("copula", ", chosen because every column looks continuous");
        }

        string which = string.Join(", ", columns.Where((_, i) => discrete[i]).Select(c => table.Header[c]));
        throw new CliException($"the columns mix discrete ({which}) and continuous ones; choose --estimator (plugin treats every value as a symbol; copula and ksg need numbers)");
    }

    /// <summary>Each discrete column as its symbols (as doubles), each continuous one as its numbers.</summary>
    private static SampleMatrix Mixed(CsvTable table, int[] columns, int[] rows, Kinds kinds) =>
        SampleMatrix.ConcatenateColumns([.. columns.Select(c => kinds.IsDiscrete(c) ? Symbols(table, [c], rows) : Numbers(table, [c], rows, "a continuous column"))]);

    /// <summary>Each column's values numbered as symbols in order of first appearance.</summary>
    private static SampleMatrix Symbols(CsvTable table, int[] columns, int[] rows)
    {
        double[] data = new double[rows.Length * columns.Length];
        for (int j = 0; j < columns.Length; j++)
        {
            int[] codes = Encode(table.Values([columns[j]], rows));
            for (int i = 0; i < rows.Length; i++)
            {
                data[(i * columns.Length) + j] = codes[i];
            }
        }

        return SampleMatrix.FromRowMajor(data, columns.Length);
    }

    private static SampleMatrix Numbers(CsvTable table, int[] columns, int[] rows, string why)
    {
        foreach (int c in columns)
        {
            string[] values = table.Values([c], rows);
            int bad = Array.FindIndex(values, v => !double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out double x) || !double.IsFinite(x));
            if (bad >= 0)
            {
                throw new CliException($"column '{table.Header[c]}' holds '{values[bad]}', not a number, so it cannot be used as continuous ({why}); mark it --discrete or leave it out");
            }
        }

        return table.Numeric(columns, rows);
    }

    private static int[] Encode(string[] values) => new SymbolEncoder<string>(StringComparer.Ordinal).Encode(values);

    private static string Dropped(CsvTable table, int[] rows) => rows.Length == table.RowCount
        ? ""
        : string.Create(CultureInfo.InvariantCulture, $"; {table.RowCount - rows.Length} of {table.RowCount} rows left out for empty fields");

    /// <summary>Rows of a result as an aligned table, CSV or a JSON array of objects; notes on stdout (table) or stderr (csv, json).</summary>
    private static void PrintRows(string[] header, string[][] lines, string output, string[] notes, string arrayName)
    {
        switch (output)
        {
            case "csv":
                Notes(Console.Error, notes);
                Console.WriteLine(string.Join(',', header.Select(Csv)));
                foreach (string[] line in lines)
                {
                    Console.WriteLine(string.Join(',', line.Select(Csv)));
                }

                break;
            case "json":
                {
                    Notes(Console.Error, notes);
                    using var stream = new MemoryStream();
                    using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
                    {
                        json.WriteStartObject();
                        json.WriteStartArray(arrayName);
                        foreach (string[] line in lines)
                        {
                            json.WriteStartObject();
                            for (int i = 0; i < header.Length; i++)
                            {
                                if (double.TryParse(line[i], NumberStyles.Float, CultureInfo.InvariantCulture, out double number) && header[i] != "column")
                                {
                                    if (double.IsFinite(number))
                                    {
                                        json.WriteNumber(header[i], number);
                                    }
                                    else
                                    {
                                        json.WriteNull(header[i]); // JSON has no NaN or infinity
                                    }
                                }
                                else
                                {
                                    json.WriteString(header[i], line[i]);
                                }
                            }

                            json.WriteEndObject();
                        }

                        json.WriteEndArray();
                        json.WriteEndObject();
                    }

                    Console.WriteLine(Encoding.UTF8.GetString(stream.ToArray()));
                    break;
                }

            default:
                {
                    int[] widths = [.. header.Select((h, i) => Math.Max(h.Length, lines.Length == 0 ? 0 : lines.Max(l => l[i].Length)))];
                    Console.WriteLine(string.Join("  ", header.Select((h, i) => h.PadRight(widths[i]))).TrimEnd());
                    foreach (string[] line in lines)
                    {
                        Console.WriteLine(string.Join("  ", line.Select((v, i) => v.PadRight(widths[i]))).TrimEnd());
                    }

                    Notes(Console.Out, notes);
                    break;
                }
        }
    }

    private static void PrintMatrix(DependenceMatrixResult m, string unit, string output, string[] notes)
    {
        double[,] values = m.ToArray(Unit(unit));
        int p = m.Count;
        switch (output)
        {
            case "json":
                {
                    Notes(Console.Error, notes);
                    using var stream = new MemoryStream();
                    using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
                    {
                        json.WriteStartObject();
                        json.WriteString("estimator", m.Estimator.ToString());
                        json.WriteBoolean("normalized", m.Normalized);
                        json.WriteString("unit", m.Normalized ? "" : unit);
                        json.WriteStartArray("columns");
                        foreach (string name in m.Names)
                        {
                            json.WriteStringValue(name);
                        }

                        json.WriteEndArray();
                        // JSON has no infinity: +∞ (the diagonal of continuous MI) is written as null.
                        json.WriteStartArray("values");
                        for (int i = 0; i < p; i++)
                        {
                            json.WriteStartArray();
                            for (int j = 0; j < p; j++)
                            {
                                if (double.IsFinite(values[i, j]))
                                {
                                    json.WriteNumberValue(values[i, j]);
                                }
                                else
                                {
                                    json.WriteNullValue();
                                }
                            }

                            json.WriteEndArray();
                        }

                        json.WriteEndArray();
                        json.WriteEndObject();
                    }

                    Console.WriteLine(Encoding.UTF8.GetString(stream.ToArray()));
                    break;
                }

            default:
                {
                    bool csv = output == "csv";
                    if (csv)
                    {
                        Notes(Console.Error, notes);
                    }

                    string[] header = ["", .. m.Names];
                    string[][] lines = [.. Enumerable.Range(0, p).Select(i => new[] { m.Names[i] }.Concat(Enumerable.Range(0, p).Select(j => Number(values[i, j]))).ToArray())];
                    if (csv)
                    {
                        Console.WriteLine(string.Join(',', header.Select(Csv)));
                        foreach (string[] line in lines)
                        {
                            Console.WriteLine(string.Join(',', line.Select(Csv)));
                        }
                    }
                    else
                    {
                        int[] widths = [.. header.Select((h, i) => Math.Max(h.Length, lines.Max(l => l[i].Length)))];
                        Console.WriteLine(string.Join("  ", header.Select((h, i) => h.PadLeft(widths[i]))));
                        foreach (string[] line in lines)
                        {
                            Console.WriteLine(string.Join("  ", line.Select((v, i) => i == 0 ? v.PadRight(widths[i]) : v.PadLeft(widths[i]))));
                        }

                        Notes(Console.Out, notes);
                    }

                    break;
                }
        }
    }

    private static void Notes(TextWriter writer, string[] notes)
    {
        foreach (string note in notes)
        {
            writer.WriteLine("  " + note);
        }
    }

    private static string Csv(string field) => field.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;

    /// <summary>Which columns are discrete: auto-detected (a field that is not a number, or integers with at most 32 distinct values), then the user's --discrete and --continuous.</summary>
    private sealed class Kinds
    {
        private readonly HashSet<int> _discrete = [];

        public bool IsDiscrete(int column) => _discrete.Contains(column);

        public static Kinds Decide(CsvTable table, int[] rows, int[] used, string? discreteSpec, string? continuousSpec)
        {
            int[] forcedDiscrete = discreteSpec is null ? [] : table.Resolve(discreteSpec, "--discrete");
            int[] forcedContinuous = continuousSpec is null ? [] : table.Resolve(continuousSpec, "--continuous");
            foreach (int both in forcedDiscrete.Intersect(forcedContinuous))
            {
                throw new CliException($"column '{table.Header[both]}' is named in both --discrete and --continuous");
            }

            var kinds = new Kinds();
            foreach (int c in used)
            {
                bool discrete = forcedDiscrete.Contains(c) || (!forcedContinuous.Contains(c) && MultivariateCommands.LooksDiscrete(table.Values([c], rows)));
                if (discrete)
                {
                    kinds._discrete.Add(c);
                }
            }

            return kinds;
        }
    }
}
