using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using InfoTheory.Continuous;
using InfoTheory.Neural;
using InfoTheory.Plotting;
using InfoTheory.Testing;

namespace InfoTheory.Cli;

/// <summary>
/// The validation report: every continuous MI estimator on every task of the known-MI suite, with its error and time.
/// </summary>
internal static class Validate
{
    /// <summary>One estimate: task, size, replicate, estimator; <see cref="StandardError"/> is NaN where the estimator reports none.</summary>
    private sealed record Row(string Task, int N, int Replicate, int XDimension, int YDimension, double True, string Estimator, double Estimate, double StandardError, double Seconds)
    {
        public double Error => Estimate - True;
    }

    public static Command Create()
    {
        var n = new Option<int[]>("--n") { Description = "Sample size(s), e.g. --n 1000 5000.", DefaultValueFactory = _ => [1000], AllowMultipleArgumentsPerToken = true };
        var k = new Option<int?>("--k") { Description = $"Neighbours of the k-NN estimators (default: each estimator's own, {EstimatorDefaults.K} for KSG, 5 for mixed)." };
        var tasks = new Option<string?>("--tasks") { Description = "Only the tasks whose name contains one of these comma-separated words (default: all)." };
        var estimators = new Option<string?>("--estimators") { Description = "Comma-separated estimator names (default: all of these): " + string.Join(", ", ContinuousEstimators.MutualInformation.Select(e => e.Name)) + "; trained critics only when named (seconds per estimate): " + string.Join(", ", ContinuousEstimators.Neural.Select(e => e.Name)) + "." };
        var seed = new Option<int>("--seed") { Description = $"Seed of the samples (and of the estimators' own randomness; default {EstimatorDefaults.Seed}, as the library). Replicate r draws its data with seed + r.", DefaultValueFactory = _ => EstimatorDefaults.Seed };
        var replicates = new Option<int>("--replicates") { Description = "Fresh data sets per task and n (default 1). With more than one, each task reports the bias (mean error), the spread (standard deviation) and the RMSE of each estimator.", DefaultValueFactory = _ => 1 };
        var format = new Option<string>("--format") { Description = "Output: markdown or csv.", DefaultValueFactory = _ => "markdown" };
        format.AcceptOnlyFromAmong("markdown", "csv");
        var list = new Option<bool>("--list") { Description = "List the tasks and estimators and exit." };
        Option<string?> plot = PlotOutput.Create("each estimator's bias (mean error over the chosen tasks) against n");
        var command = new Command("validate", "Run the continuous MI estimators over the suite of distributions with known MI and print estimate, error and time per task (nats).")
        {
            n, k, tasks, estimators, seed, replicates, format, list, plot,
        };
        command.SetAction(result =>
        {
            IReadOnlyList<(string Name, IMutualInformationTask Task)> suite = SelectTasks(result.GetValue(tasks));
            string[] names = SelectEstimators(result.GetValue(estimators));
            if (result.GetValue(list))
            {
                PrintList(suite);
                return;
            }

            int[] sizes = result.GetValue(n)!;
            int? neighbours = result.GetValue(k);
            if (neighbours is < 1)
            {
                throw new CliException($"--k must be at least 1, got {neighbours}");
            }

            // The largest neighbour order any chosen estimator will use (its own default where --k is not given).
            long largestK = neighbours ?? names.Max(e => ContinuousEstimators.Create(e, null, 0) is NearestNeighborEstimator nn ? nn.K : EstimatorDefaults.K);
            if (sizes.Length == 0 || sizes.Any(s => s < largestK + 2))
            {
                throw new CliException($"--n needs sample sizes of at least k + 2 = {largestK + 2}");
            }

            int replicateCount = result.GetValue(replicates);
            if (replicateCount < 1)
            {
                throw new CliException($"--replicates must be at least 1, got {replicateCount}");
            }

            string? plotPath = result.GetValue(plot);
            PlotOutput.Check(plotPath);
            int s = result.GetValue(seed);
            var rows = new List<Row>();
            int total = sizes.Length * suite.Count * replicateCount;
            int done = 0;
            foreach (int size in sizes)
            {
                foreach ((string name, IMutualInformationTask task) in suite)
                {
                    for (int replicate = 0; replicate < replicateCount; replicate++)
                    {
                        done++;
                        Console.Error.Write("\r" + string.Create(CultureInfo.InvariantCulture, $"[{done}/{total}] n = {size}, {name}").PadRight(60));
                        // The estimators keep the user's seed on every replicate, as a user's repeated runs would.
                        (SampleMatrix x, SampleMatrix y) = task.Sample(size, unchecked(s + replicate));
                        foreach (string estimator in names)
                        {
                            IMultivariateMutualInformationEstimator e = ContinuousEstimators.Create(estimator, neighbours, s);
                            long start = Stopwatch.GetTimestamp();
                            (double estimate, double standardError) = EstimateWithError(e, x, y);
                            double seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
                            rows.Add(new Row(name, size, replicate, task.XDimension, task.YDimension, task.TrueMutualInformation.Nats, estimator, estimate, standardError, seconds));
                        }
                    }
                }
            }

            Console.Error.WriteLine();
            Console.Write(result.GetValue(format) == "csv" ? Csv(rows)
                : replicateCount == 1 ? Markdown(rows, names, sizes, neighbours, s)
                : ReplicateMarkdown(rows, names, sizes, neighbours, s, replicateCount));
            if (plotPath is not null)
            {
                using ScottPlot.Plot figure = BiasFigure(rows, suite.Count);
                PlotOutput.Write(figure, plotPath);
            }
        });
        return command;
    }

    /// <summary>The estimate, and its standard error where the estimator reports one (NaN otherwise).</summary>
    private static (double Estimate, double StandardError) EstimateWithError(IMultivariateMutualInformationEstimator estimator, SampleMatrix x, SampleMatrix y)
    {
        if (estimator is HybridMutualInformation hybrid)
        {
            HybridEstimate result = hybrid.EstimateWithError(x, y);
            return (result.Value.Nats, result.StandardError.Nats);
        }

        if (estimator is NeuralMutualInformation neural)
        {
            NeuralEstimate result = neural.EstimateWithDetails(x, y);
            return (result.Value.Nats, result.StandardError.Nats);
        }

        return (estimator.Estimate(x, y).Nats, double.NaN);
    }

    /// <summary>Each estimator's mean signed error over the tasks, at each n: its bias on this suite (one task: that task's).</summary>
    private static ScottPlot.Plot BiasFigure(List<Row> rows, int taskCount)
    {
        EstimatorBiasPoint[] points = [.. rows
            .GroupBy(r => (r.Estimator, r.N))
            .Select(g => new EstimatorBiasPoint(g.Key.Estimator, g.Key.N, Information.FromNats(g.Average(r => r.Error))))];
        ScottPlot.Plot figure = Figures.EstimatorBias(points, LogBase.E);
        figure.Title(taskCount == 1
            ? $"Estimator bias on {rows[0].Task}"
            : string.Create(CultureInfo.InvariantCulture, $"Estimator bias, mean over {taskCount} tasks"));
        return figure;
    }

    private static IReadOnlyList<(string Name, IMutualInformationTask Task)> SelectTasks(string? filter)
    {
        IReadOnlyList<(string Name, IMutualInformationTask Task)> all = MutualInformationTaskSuite.Standard;
        if (filter is null)
        {
            return all;
        }

        string[] words = filter.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            throw new CliException($"--tasks names no task; the tasks are: {string.Join(", ", all.Select(t => t.Name))}");
        }

        var chosen = all.Where(t => words.Any(w => t.Name.Contains(w, StringComparison.OrdinalIgnoreCase))).ToList();
        return chosen.Count > 0
            ? chosen
            : throw new CliException($"no task matches '{filter}'; the tasks are: {string.Join(", ", all.Select(t => t.Name))}");
    }

    private static string[] SelectEstimators(string? filter)
    {
        if (filter is null)
        {
            return ContinuousEstimators.MutualInformation.Select(e => e.Name).ToArray();
        }

        string[] names = filter.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (names.Length == 0)
        {
            throw new CliException($"--estimators names no estimator; use one or more of: {string.Join(", ", ContinuousEstimators.MutualInformation.Select(e => e.Name))}");
        }

        foreach (string name in names)
        {
            if (!ContinuousEstimators.IsContinuous(name) && !ContinuousEstimators.IsNeural(name))
            {
                throw new CliException($"unknown estimator '{name}'; use one of: {string.Join(", ", ContinuousEstimators.MutualInformation.Concat(ContinuousEstimators.Neural).Select(e => e.Name))}");
            }
        }

        return names;
    }

    private static void PrintList(IReadOnlyList<(string Name, IMutualInformationTask Task)> suite)
    {
        Console.WriteLine("tasks (true MI in nats):");
        foreach ((string name, IMutualInformationTask task) in suite)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name,-28} dx = {task.XDimension,2}, dy = {task.YDimension,2}, I = {task.TrueMutualInformation.Nats:F4}"));
        }

        Console.WriteLine("estimators:");
        foreach ((string name, string description) in ContinuousEstimators.MutualInformation)
        {
            Console.WriteLine($"  {name,-12} {description}");
        }

        Console.WriteLine("trained critics (run only when --estimators names them):");
        foreach ((string name, string description) in ContinuousEstimators.Neural)
        {
            Console.WriteLine($"  {name,-24} {description}");
        }
    }

    /// <summary>An error with its sign, never "-0.000".</summary>
    private static string Signed(double error)
    {
        double rounded = Math.Round(error, 3);
        return rounded == 0 ? "0.000" : rounded.ToString("+0.000;-0.000", CultureInfo.InvariantCulture);
    }

    private static string Csv(List<Row> rows)
    {
        var text = new StringBuilder("task,n,replicate,dx,dy,true_mi_nats,estimator,estimate_nats,error_nats,standard_error_nats,seconds\n");
        foreach (Row r in rows)
        {
            string standardError = double.IsNaN(r.StandardError) ? "" : r.StandardError.ToString("R", CultureInfo.InvariantCulture);
            text.Append(string.Create(CultureInfo.InvariantCulture,
                $"{r.Task},{r.N},{r.Replicate},{r.XDimension},{r.YDimension},{r.True:R},{r.Estimator},{r.Estimate:R},{r.Error:R},{standardError},{r.Seconds:F4}\n"));
        }

        return text.ToString();
    }

    private static string Markdown(List<Row> rows, string[] names, int[] sizes, int? k, int seed)
    {
        CultureInfo c = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        foreach (int size in sizes)
        {
            TableHeader(text, c, $"### n = {size}, seed = {seed} (estimate and error, nats)", names);
            foreach (IGrouping<string, Row> task in rows.Where(r => r.N == size).GroupBy(r => r.Task))
            {
                Row first = task.First();
                text.Append(c, $"| {first.Task} | {first.XDimension}×{first.YDimension} | {first.True:F3} |");
                foreach (string name in names)
                {
                    Row r = task.Single(t => t.Estimator == name);
                    text.Append(c, $" {r.Estimate:F3} ({Signed(r.Error)}) |");
                }

                text.Append('\n');
            }

            List<Row> atSize = rows.Where(r => r.N == size).ToList();
            text.Append("| **mean absolute error** | | |");
            foreach (string name in names)
            {
                text.Append(c, $" **{atSize.Where(r => r.Estimator == name).Average(r => Math.Abs(r.Error)):F3}** |");
            }

            text.Append("\n| total time (s) | | |");
            foreach (string name in names)
            {
                text.Append(c, $" {atSize.Where(r => r.Estimator == name).Sum(r => r.Seconds):F2} |");
            }

            text.Append("\n\n");
        }

        text.Append("Settings (as run):\n\n");
        foreach (string name in names)
        {
            text.Append(c, $"- {name}: {RunSettings.Describe(ContinuousEstimators.Create(name, k, seed))}\n");
        }

        return text.ToString();
    }
    /// <summary>
    /// The replicate report: per task and estimator the bias (mean error), the spread (sample standard deviation of the
    /// estimates) and the RMSE over the replicates; then the suite averages, and for estimators that report a standard
    /// error, how well it covers the error.
    /// </summary>
    private static string ReplicateMarkdown(List<Row> rows, string[] names, int[] sizes, int? k, int seed, int replicates)
    {
        CultureInfo c = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        foreach (int size in sizes)
        {
            TableHeader(text, c, $"### n = {size}, {replicates} replicates (data seeds {seed} … {unchecked(seed + replicates - 1)}): bias ± spread (RMSE), nats", names);
            List<Row> atSize = rows.Where(r => r.N == size).ToList();
            foreach (IGrouping<string, Row> task in atSize.GroupBy(r => r.Task))
            {
                Row first = task.First();
                text.Append(c, $"| {first.Task} | {first.XDimension}×{first.YDimension} | {first.True:F3} |");
                foreach (string name in names)
                {
                    (double bias, double spread, double rmse) = Summary(task.Where(t => t.Estimator == name));
                    text.Append(c, $" {Signed(bias)} ± {spread:F3} ({rmse:F3}) |");
                }

                text.Append('\n');
            }

            Line("**mean absolute bias**", name => Tasks(name).Average(t => Math.Abs(Summary(t).Bias)), bold: true);
            Line("**mean RMSE**", name => Tasks(name).Average(t => Summary(t).Rmse), bold: true);
            Line("mean absolute error", name => atSize.Where(r => r.Estimator == name).Average(r => Math.Abs(r.Error)), bold: false);
            Line("tasks with \\|bias\\| > 0.1", name => Tasks(name).Count(t => Math.Abs(Summary(t).Bias) > 0.1), bold: false, format: "F0");
            Line("time per estimate (s, median)", name => Median(atSize.Where(r => r.Estimator == name).Select(r => r.Seconds)), bold: false, format: "F3");
            text.Append("\n\n");

            foreach (string name in names)
            {
                List<Row> withError = atSize.Where(r => r.Estimator == name && r.StandardError > 0).ToList();
                if (withError.Count > 0)
                {
                    // Bias counts as error in |error| / SE, so the figures are given over all tasks and over those whose bias is
                    // not significant: within two standard errors of its mean (spread / √replicates).
                    HashSet<string> unbiased = [.. Tasks(name).Where(t => Summary(t) is var m && Math.Abs(m.Bias) <= 2 * m.Spread / Math.Sqrt(t.Count())).Select(t => t.Key)];
                    text.Append(c, $"Standard error of {name} (|error| / SE is standard normal if calibrated: RMS 1, 68% below 1, 95% below 2): ");
                    text.Append(Coverage(withError, "all tasks")).Append("; ");
                    text.Append(Coverage(withError.Where(r => unbiased.Contains(r.Task)).ToList(), "tasks whose bias is within 2 standard errors")).Append(".\n\n");
                }
            }

            IEnumerable<IGrouping<string, Row>> Tasks(string name) => atSize.Where(r => r.Estimator == name).GroupBy(r => r.Task);

            void Line(string label, Func<string, double> value, bool bold, string format = "F3")
            {
                text.Append(c, $"| {label} | | |");
                foreach (string name in names)
                {
                    string number = value(name).ToString(format, c);
                    text.Append(bold ? $" **{number}** |" : $" {number} |");
                }

                text.Append('\n');
            }
        }

        text.Append("Settings (as run):\n\n");
        foreach (string name in names)
        {
            text.Append(c, $"- {name}: {RunSettings.Describe(ContinuousEstimators.Create(name, k, seed))}\n");
        }

        return text.ToString();
    }

    /// <summary>A section title and the header of a table with one column per estimator.</summary>
    private static void TableHeader(StringBuilder text, CultureInfo c, string title, string[] names)
    {
        text.Append(c, $"{title}\n\n| task | dims | true MI |");
        foreach (string name in names)
        {
            text.Append(c, $" {name} |");
        }

        text.Append("\n| --- | --- | ---: |");
        text.Append(string.Concat(Enumerable.Repeat(" ---: |", names.Length)));
        text.Append('\n');
    }

    /// <summary>"label (count): RMS z, share below 1 and 2" of error / standard error over the rows.</summary>
    private static string Coverage(List<Row> rows, string label)
    {
        if (rows.Count == 0)
        {
            return $"{label}: none";
        }

        double[] z = [.. rows.Select(r => r.Error / r.StandardError)];
        return string.Create(CultureInfo.InvariantCulture,
            $"{label} ({z.Length} estimates): RMS {Math.Sqrt(z.Average(v => v * v)):F2}, {100.0 * z.Count(v => Math.Abs(v) < 1) / z.Length:F0}% < 1, {100.0 * z.Count(v => Math.Abs(v) < 2) / z.Length:F0}% < 2");
    }

    /// <summary>Bias (mean error), spread (sample standard deviation, n − 1) and RMSE of one task's replicates.</summary>
    private static (double Bias, double Spread, double Rmse) Summary(IEnumerable<Row> replicates)
    {
        double[] errors = replicates.Select(r => r.Error).ToArray();
        double bias = errors.Average();
        double spread = errors.Length > 1 ? Math.Sqrt(errors.Sum(e => (e - bias) * (e - bias)) / (errors.Length - 1)) : 0;
        double rmse = Math.Sqrt(errors.Average(e => e * e));
        return (bias, spread, rmse);
    }

    private static double Median(IEnumerable<double> values)
    {
        double[] sorted = values.Order().ToArray();
        int m = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2;
    }
}
