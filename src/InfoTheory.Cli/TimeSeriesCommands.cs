using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using InfoTheory.Continuous;
using InfoTheory.Orleans;
using InfoTheory.Statistics;
using InfoTheory.TimeSeries;

namespace InfoTheory.Cli;

/// <summary>Transfer entropy, network inference and ordinal patterns of the columns of a data file (rows in time order).</summary>
internal static class TimeSeriesCommands
{
    private static readonly string[] TeEstimators = ["gaussian", "ksg", "copula"];

    public static Command TransferEntropy(Option<string> unitOption)
    {
        var input = new TableInput(positional: true);
        var source = new Option<string>("--source") { Description = "Column(s) of the source X: names or 0-based positions #N (several: one joint variable).", Required = true };
        var target = new Option<string>("--target") { Description = "Column(s) of the target Y.", Required = true };
        var history = new Option<int>("--history") { Description = "k, the number of past target values (default 1).", DefaultValueFactory = _ => 1 };
        var sourceHistory = new Option<int>("--source-history") { Description = "l, the number of past source values (default 1).", DefaultValueFactory = _ => 1 };
        var delay = new Option<int>("--delay") { Description = "u, the source-target delay in time steps: the newest source value is X(t − u) (default 1).", DefaultValueFactory = _ => 1 };
        var estimator = new Option<string>("--estimator", "-e") { Description = "gaussian (linear, default), ksg (Frenzel-Pompe k-NN) or copula (Gaussian copula).", DefaultValueFactory = _ => "gaussian" };
        estimator.AcceptOnlyFromAmong(TeEstimators);
        var surrogates = new Option<int>("--surrogates") { Description = "Test significance with this many surrogates (see --null; 0: no test).", DefaultValueFactory = _ => 0 };
        var nullScheme = new Option<string>("--null") { Description = "How surrogates are made: permute (shuffle the source past, default), shift (rotate it by a random offset), local (local permutation: only among rows whose target past is close; Runge 2018), trials (pair each trial's source with another trial's target; needs --trials ≥ 2).", DefaultValueFactory = _ => "permute" };
        nullScheme.AcceptOnlyFromAmong("permute", "shift", "local", "trials");
        var trialCount = new Option<int>("--trials") { Description = "Split the rows into this many consecutive trials of equal length (replications of one process), embedded separately and pooled (default 1).", DefaultValueFactory = _ => 1 };
        var analytic = new Option<bool>("--analytic") { Description = "Test significance with the χ² null of the Gaussian estimator instead of surrogates." };
        var seed = new Option<int>("--seed") { Description = $"Seed of the surrogates and of the estimator's jitter (default {EstimatorDefaults.Seed}).", DefaultValueFactory = _ => EstimatorDefaults.Seed };
        var command = new Command("te", "Transfer entropy T(X → Y) = I(Y_t ; X_{t−u}^(l) | Y_{t−1}^(k)) between columns of a data file whose rows are time steps.")
        {
            source, target, history, sourceHistory, delay, estimator, surrogates, nullScheme, trialCount, analytic, seed, unitOption,
        };
        input.AddTo(command);
        command.SetAction(result =>
        {
            string name = result.GetValue(estimator)!;
            int b = result.GetValue(surrogates);
            bool chi2 = result.GetValue(analytic);
            int seedValue = result.GetValue(seed);
            int trialsValue = Positive(result.GetValue(trialCount), "--trials");
            if (b < 0)
            {
                throw new CliException($"--surrogates must be ≥ 0, got {b}");
            }

            if (result.GetValue(nullScheme) == "trials" && trialsValue < 2)
            {
                throw new CliException("--null trials pairs the source of one trial with the target of another: give --trials 2 or more");
            }

            if (chi2 && name != "gaussian")
            {
                throw new CliException("--analytic needs --estimator gaussian (the χ² null holds for the linear Gaussian estimator)");
            }

            if (input.Missing(result) != MissingValues.Error)
            {
                throw new CliException("--missing: a time series cannot skip rows; fill or remove empty fields first");
            }

            // Settings are validated (and echoed) before the file is read.
            var te = new TransferEntropy(ContinuousEstimators.CreateConditional(name, null, seedValue))
            {
                TargetHistory = Positive(result.GetValue(history), "--history"),
                SourceHistory = Positive(result.GetValue(sourceHistory), "--source-history"),
                Lag = Positive(result.GetValue(delay), "--delay"),
            };
            CsvTable table = input.Read(result, "te data.csv --source x --target y");
            int[] xc = table.Resolve(result.GetValue(source)!, "--source");
            int[] yc = table.Resolve(result.GetValue(target)!, "--target");
            int[] rows = table.Rows([.. xc, .. yc], MissingValues.Error);
            SampleMatrix xs = table.Numeric(xc, rows), ys = table.Numeric(yc, rows);
            SampleMatrix[] xTrials = SplitTrials(xs, trialsValue), yTrials = SplitTrials(ys, trialsValue);
            Information value = te.Estimate(xTrials, yTrials);
            string? test = null;
            if (chi2)
            {
                ChiSquaredTestResult r = te.AnalyticTest(xTrials, yTrials);
                test = string.Create(CultureInfo.InvariantCulture, $"analytic test of H0: no transfer: 2N·T = {r.Statistic:G6} ~ χ²({r.DegreesOfFreedom}), p = {r.PValue:G4}");
            }
            else if (b > 0)
            {
                (TransferEntropySurrogates scheme, string how) = result.GetValue(nullScheme) switch
                {
                    "shift" => (TransferEntropySurrogates.CircularShift, "source past shifted circularly"),
                    "local" => (TransferEntropySurrogates.LocalPermutation, $"source past permuted locally, {te.LocalPermutationNeighbors} neighbours"),
                    "trials" => (TransferEntropySurrogates.TrialShuffle, "sources re-paired across trials"),
                    _ => (TransferEntropySurrogates.PermuteSource, "source past permuted"),
                };
                PermutationTestResult r;
                try
                {
                    r = te.Test(xTrials, yTrials, null, b, scheme, seedValue);
                }
                catch (ArgumentOutOfRangeException e) when (e.ParamName == "surrogates")
                {
                    throw new CliException($"--surrogates: {e.Message.Split(" (Parameter", 2)[0]}");
                }

                test = string.Create(CultureInfo.InvariantCulture, $"surrogate test of H0: no transfer ({how}): p = {r.PValue:G4} ({b} surrogates, seed {seedValue})");
            }

            string trialText = trialsValue > 1 ? string.Create(CultureInfo.InvariantCulture, $" in {trialsValue} trials") : "";
            Console.WriteLine($"T(X→Y) = {Format.Amount(value, result.GetValue(unitOption)!)}  (n = {yTrials.Sum(t => Math.Max(0, t.Rows - te.FirstTime))} embedded rows{trialText}, k = {te.TargetHistory}, l = {te.SourceHistory}, u = {te.Lag}, estimator {name})");
            Console.WriteLine($"  columns: X: {table.Names(xc)}; Y: {table.Names(yc)}");
            Console.WriteLine($"  settings: {RunSettings.Describe(te.Estimator)}");
            if (test is not null)
            {
                Console.WriteLine(test);
            }
        });
        return command;
    }

    public static Command Network()
    {
        var input = new TableInput(positional: true);
        var columns = new Option<string?>("--columns") { Description = "The processes: columns by name or #N, comma-separated (default: every column)." };
        var defaults = new NetworkInferenceSettings();
        var maxLag = new Option<int>("--max-lag") { Description = $"The largest lag considered (default {defaults.MaxLag}).", DefaultValueFactory = _ => defaults.MaxLag };
        var estimator = new Option<string>("--estimator", "-e") { Description = "gaussian (linear, default) or ksg (Frenzel-Pompe k-NN).", DefaultValueFactory = _ => "gaussian" };
        estimator.AcceptOnlyFromAmong("gaussian", "ksg");
        var surrogates = new Option<int>("--surrogates") { Description = $"Surrogates per test (default {defaults.Surrogates}).", DefaultValueFactory = _ => defaults.Surrogates };
        var analytic = new Option<bool>("--analytic") { Description = "Use the χ² null of the Gaussian estimator instead of surrogates (much faster)." };
        var alpha = new Option<double>("--alpha") { Description = $"The level of every test and of the FDR correction (default {defaults.AlphaMax.ToString(CultureInfo.InvariantCulture)}).", DefaultValueFactory = _ => defaults.AlphaMax };
        var seed = new Option<int>("--seed") { Description = $"Seed of the surrogates (default {EstimatorDefaults.Seed}).", DefaultValueFactory = _ => EstimatorDefaults.Seed };
        var format = new Option<string>("--format") { Description = "Output: table (default), csv (one row per link) or json.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "csv", "json");
        Option<string?> cluster = ClusterCommands.ClusterOption();
        Option<string> clusterId = ClusterCommands.ClusterIdOption();
        Option<int> clusterTimeout = ClusterCommands.TimeoutOption();
        var command = new Command("network", "Infer the directed network of the columns (processes; rows are time steps) by greedy multivariate transfer entropy (IDTxl's algorithm).")
        {
            columns, maxLag, estimator, surrogates, analytic, alpha, seed, format, cluster, clusterId, clusterTimeout,
        };
        input.AddTo(command);
        command.SetAction(result =>
        {
            string name = result.GetValue(estimator)!;
            bool chi2 = result.GetValue(analytic);
            if (chi2 && name != "gaussian")
            {
                throw new CliException("--analytic needs --estimator gaussian (the χ² null holds for the linear Gaussian estimator)");
            }

            if (input.Missing(result) != MissingValues.Error)
            {
                throw new CliException("--missing: a time series cannot skip rows; fill or remove empty fields first");
            }

            double a = result.GetValue(alpha);
            var settings = new NetworkInferenceSettings
            {
                MaxLag = Positive(result.GetValue(maxLag), "--max-lag"),
                Estimator = ContinuousEstimators.CreateConditional(name, null, result.GetValue(seed)),
                Null = chi2 ? NetworkNull.Analytic : NetworkNull.Surrogates,
                Surrogates = Positive(result.GetValue(surrogates), "--surrogates"),
                AlphaMax = Alpha(a),
                AlphaMin = a,
                AlphaOmnibus = a,
                AlphaSequential = a,
                AlphaFdr = a,
                Seed = result.GetValue(seed),
            };
            CsvTable table = input.Read(result, "network data.csv");
            string? spec = result.GetValue(columns);
            int[] chosen = spec is null ? [.. Enumerable.Range(0, table.Header.Length)] : table.Resolve(spec, "--columns");
            int[] rows = table.Rows(chosen, MissingValues.Error);
            SampleMatrix data = table.Numeric(chosen, rows);
            InferredNetwork network = result.GetValue(cluster) is { } gateways
                ? ClusterCommands.Run(gateways, result.GetValue(clusterId)!, result.GetValue(clusterTimeout),
                    (client, options) => ClusterNetworkInference.InferAsync(data, client, settings, options))
                : NetworkInference.Infer(data, settings);
            string[] names = [.. chosen.Select(c => table.Header[c])];
            Console.Write(result.GetValue(format) switch
            {
                "csv" => Csv(network, names),
                "json" => Json(network, names),
                _ => Table(network, names, name, table.Names(chosen)),
            });
        });
        return command;
    }

    public static Command Ordinal(Option<string> unitOption)
    {
        var input = new TableInput(positional: true);
        var column = new Option<string>("--column") { Description = "The column (name or #N), in time order.", Required = true };
        var d = new Option<int>("--d") { Description = $"The embedding dimension (pattern length), 2 to {OrdinalPatterns.MaxDimension} (default 5).", DefaultValueFactory = _ => 5 };
        var tau = new Option<int>("--tau") { Description = "The delay between the values of a pattern (default 1).", DefaultValueFactory = _ => 1 };
        var weighted = new Option<bool>("--weighted") { Description = "Also the weighted permutation entropy and complexity, each window counted with its variance (Fadlallah et al. 2013)." };
        var q = new Option<double?>("--q") { Description = "Also the Rényi or Tsallis permutation entropy of this order (> 0) and its complexity-entropy point (see --family)." };
        var family = new Option<string>("--family") { Description = "The family of --q: renyi (default; Zunino et al. 2008, Jauregui et al. 2018) or tsallis (Ribeiro et al. 2017).", DefaultValueFactory = _ => "renyi" };
        family.AcceptOnlyFromAmong("renyi", "tsallis");
        var scales = new Option<int?>("--scales") { Description = "Also the multiscale permutation entropy at scales 1 to S: the PE of the means of non-overlapping blocks of s values (Costa et al. 2002)." };
        var refined = new Option<bool>("--refined") { Description = "With --scales, the refined composite variant: pattern frequencies averaged over the s block offsets (Humeau-Heurtier et al. 2015)." };
        var command = new Command("ordinal", "Permutation entropy (Bandt & Pompe 2002) and the Jensen-Shannon statistical complexity (Rosso et al. 2007) of a column; optionally weighted, Rényi/Tsallis and multiscale variants.")
        {
            column, d, tau, weighted, q, family, scales, refined, unitOption,
        };
        input.AddTo(command);
        command.SetAction(result =>
        {
            int dimension = result.GetValue(d), delay = result.GetValue(tau);
            if (dimension < 2 || dimension > OrdinalPatterns.MaxDimension)
            {
                throw new CliException($"--d must be between 2 and {OrdinalPatterns.MaxDimension}, got {dimension}");
            }

            Positive(delay, "--tau");
            double? order = result.GetValue(q);
            if (order is { } o && !(o > 0 && double.IsFinite(o)))
            {
                throw new CliException($"--q must be finite and greater than 0, got {o.ToString(CultureInfo.InvariantCulture)}");
            }

            if (order is null && result.GetResult(family) is { Implicit: false })
            {
                throw new CliException("--family needs --q (the order of the Rényi or Tsallis entropy)");
            }

            int? maxScale = result.GetValue(scales);
            if (maxScale is { } ms)
            {
                Positive(ms, "--scales");
            }
            else if (result.GetValue(refined))
            {
                throw new CliException("--refined needs --scales");
            }

            if (input.Missing(result) != MissingValues.Error)
            {
                throw new CliException("--missing: a time series cannot skip rows; fill or remove empty fields first");
            }

            CsvTable table = input.Read(result, "ordinal data.csv --column c --d 5");
            int[] c = table.Resolve(result.GetValue(column)!, "--column");
            if (c.Length != 1)
            {
                throw new CliException("--column: give one column");
            }

            double[] series = table.Numeric(c, table.Rows(c, MissingValues.Error)).Column(0);
            Information pe = OrdinalPatterns.PermutationEntropy(series, dimension, delay);
            OrdinalComplexity point = OrdinalPatterns.StatisticalComplexity(series, dimension, delay);
            Console.WriteLine($"PE = {Format.Amount(pe, result.GetValue(unitOption)!)}  (n = {series.Length}, d = {dimension}, tau = {delay})");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"normalized PE = {point.NormalizedEntropy:F6}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"complexity C_JS = {point.Complexity:F6}  (disequilibrium Q_J = {point.Disequilibrium:F6})"));
            string unit = result.GetValue(unitOption)!;
            if (result.GetValue(weighted))
            {
                Information wpe = OrdinalPatterns.WeightedPermutationEntropy(series, dimension, delay);
                OrdinalComplexity w = OrdinalPatterns.WeightedStatisticalComplexity(series, dimension, delay);
                Console.WriteLine($"weighted PE = {Format.Amount(wpe, unit)}");
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"weighted normalized PE = {w.NormalizedEntropy:F6}"));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"weighted C_JS = {w.Complexity:F6}  (disequilibrium Q_J = {w.Disequilibrium:F6})"));
            }

            if (order is { } qq)
            {
                string text = qq.ToString(CultureInfo.InvariantCulture);
                OrdinalComplexity g;
                if (result.GetValue(family) == "tsallis")
                {
                    double tsallis = OrdinalPatterns.TsallisPermutationEntropy(series, dimension, qq, delay);
                    g = OrdinalPatterns.TsallisStatisticalComplexity(series, dimension, qq, delay);
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Tsallis PE = {tsallis:F6}  (q = {text}; a plain number, natural-log based)"));
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Tsallis normalized PE = {g.NormalizedEntropy:F6}"));
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Tsallis complexity = {g.Complexity:F6}  (disequilibrium = {g.Disequilibrium:F6})"));
                }
                else
                {
                    Information renyi = OrdinalPatterns.RenyiPermutationEntropy(series, dimension, qq, delay);
                    g = OrdinalPatterns.RenyiStatisticalComplexity(series, dimension, qq, delay);
                    Console.WriteLine($"Renyi PE = {Format.Amount(renyi, unit)}  (q = {text})");
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Renyi normalized PE = {g.NormalizedEntropy:F6}"));
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Renyi complexity = {g.Complexity:F6}  (disequilibrium = {g.Disequilibrium:F6})"));
                }
            }

            if (maxScale is { } top)
            {
                bool composite = result.GetValue(refined);
                Information[] mpe = composite
                    ? OrdinalPatterns.RefinedCompositeMultiscalePermutationEntropy(series, dimension, top, delay)
                    : OrdinalPatterns.MultiscalePermutationEntropy(series, dimension, top, delay);
                Console.WriteLine(composite ? "refined composite multiscale PE:" : "multiscale PE:");
                for (int s = 0; s < mpe.Length; s++)
                {
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  scale {s + 1} = {Format.Amount(mpe[s], unit)}"));
                }
            }

            Console.WriteLine($"  column: {table.Names(c)}");
        });
        return command;
    }

    /// <summary>The rows as <paramref name="trials"/> consecutive blocks of equal length (the whole series for 1).</summary>
    private static SampleMatrix[] SplitTrials(SampleMatrix series, int trials)
    {
        if (trials == 1)
        {
            return [series];
        }

        if (series.Rows % trials != 0)
        {
            throw new CliException(string.Create(CultureInfo.InvariantCulture,
                $"--trials {trials} must divide the {series.Rows} rows into trials of equal length"));
        }

        int length = series.Rows / trials, width = series.Columns;
        return [.. Enumerable.Range(0, trials).Select(r => SampleMatrix.FromRowMajor(series.Data.Span.Slice(r * length * width, length * width), width))];
    }

    private static int Positive(int value, string option) =>
        value >= 1 ? value : throw new CliException($"{option} must be at least 1, got {value}");

    private static double Alpha(double value) =>
        value is > 0 and < 1 ? value : throw new CliException($"--alpha must lie strictly between 0 and 1, got {value.ToString(CultureInfo.InvariantCulture)}");

    private static string Table(InferredNetwork network, string[] names, string estimator, string columns)
    {
        NetworkInferenceSettings s = network.Settings;
        var text = new StringBuilder();
        string test = s.Null == NetworkNull.Analytic ? "analytic χ² null" : string.Create(CultureInfo.InvariantCulture, $"{s.Surrogates} surrogates per test, seed {s.Seed}");
        text.AppendLine(CultureInfo.InvariantCulture, $"network of {names.Length} processes: {network.Links.Count} link{(network.Links.Count == 1 ? "" : "s")} (max lag {s.MaxLag}, estimator {estimator}, {test}, alpha {s.AlphaMax}, FDR across targets)");
        text.AppendLine(CultureInfo.InvariantCulture, $"{"source",-12} {"target",-12} {"lag",4} {"CMI (nats)",12} {"p",10}");
        foreach (NetworkLink link in network.Links)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{names[link.Source],-12} {names[link.Target],-12} {link.Lag,4} {link.ConditionalMutualInformation.Nats,12:F6} {link.PValue,10:G4}");
        }

        text.AppendLine("per target: collective TE of its sources (omnibus test) and its own selected past");
        foreach (TargetInference t in network.Targets)
        {
            string past = t.TargetPast.Count == 0 ? "none" : string.Join(",", t.TargetPast.Select(p => p.Lag.ToString(CultureInfo.InvariantCulture)));
            text.AppendLine(CultureInfo.InvariantCulture, $"  {names[t.Target],-12} TE = {t.TransferEntropy.Nats:F6} nats, p = {t.OmnibusPValue:G4}, own past lags: {past}");
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"  columns: {columns}");
        return text.ToString();
    }

    private static string Csv(InferredNetwork network, string[] names)
    {
        var text = new StringBuilder("source,target,lag,cmi_nats,p\n");
        foreach (NetworkLink link in network.Links)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{Quote(names[link.Source])},{Quote(names[link.Target])},{link.Lag},{link.ConditionalMutualInformation.Nats:R},{link.PValue:R}");
        }

        return text.ToString();
    }

    private static string Quote(string field) =>
        field.IndexOfAny([',', '"', '\n', '\r']) < 0 ? field : "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static string Json(InferredNetwork network, string[] names)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteStartArray("links");
            foreach (NetworkLink link in network.Links)
            {
                json.WriteStartObject();
                json.WriteString("source", names[link.Source]);
                json.WriteString("target", names[link.Target]);
                json.WriteNumber("lag", link.Lag);
                json.WriteNumber("cmi_nats", link.ConditionalMutualInformation.Nats);
                json.WriteNumber("p", link.PValue);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("targets");
            foreach (TargetInference t in network.Targets)
            {
                json.WriteStartObject();
                json.WriteString("target", names[t.Target]);
                json.WriteNumber("te_nats", t.TransferEntropy.Nats);
                json.WriteNumber("omnibus_p", t.OmnibusPValue);
                json.WriteBoolean("significant", t.Significant);
                json.WriteStartArray("own_past_lags");
                foreach (InferredSource p in t.TargetPast)
                {
                    json.WriteNumberValue(p.Lag);
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + Environment.NewLine;
    }
}
