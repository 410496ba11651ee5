using System.CommandLine;
using System.Globalization;
using InfoTheory.Continuous;
using InfoTheory.Discrete;
using InfoTheory.Statistics;

namespace InfoTheory.Cli;

/// <summary>Entropy, MI and CMI of columns of a data file.</summary>
internal static class DataCommands
{
    public static Command MutualInformation(Option<string> unitOption)
    {
        var input = new TableInput(positional: true);
        var x = new Option<string>("--x") { Description = "Column(s) of X: names (\"quoted\" when they hold a comma) or 0-based positions #N; several separated by commas form one joint variable.", Required = true };
        var y = new Option<string>("--y") { Description = "Column(s) of Y.", Required = true };
        var z = new Option<string?>("--z") { Description = "Column(s) of Z, to condition on (conditional MI)." };
        string[] names = ["auto", Ross, .. Estimators.Names, .. ContinuousEstimators.MutualInformation.Select(e => e.Name)];
        var estimator = new Option<string>("--estimator", "-e")
        {
            Description = "auto (default): chosen from the column kinds — plugin when every column looks discrete (text, or at most 32 distinct integers), "
                + "hybrid (ksg with --z) when every column looks continuous, ross when one of X and Y is discrete and the other continuous; the choice is printed. "
                + "Or a discrete entropy estimator (" + string.Join(", ", Estimators.Names) + ") applied to the values as symbols; "
                + "ross (Ross 2014: a discrete and a continuous variable, either way round); or a continuous estimator ("
                + string.Join(", ", ContinuousEstimators.MutualInformation.Select(e => e.Name)) + ") applied to the values as numbers.",
            DefaultValueFactory = _ => "auto",
        };
        estimator.AcceptOnlyFromAmong(names);
        var k = new Option<int?>("--k") { Description = $"Neighbours of the k-NN estimators (default: the estimator's own, {EstimatorDefaults.K} for KSG, 5 for mixed)." };
        var permutations = new Option<int>("--permutations", "-p") { Description = "Run a permutation test with this many shuffles (0: none).", DefaultValueFactory = _ => 0 };
        var seed = new Option<int>("--seed") { Description = $"Seed of the permutation test and of the estimators' own randomness (default {EstimatorDefaults.Seed}, as the library).", DefaultValueFactory = _ => EstimatorDefaults.Seed };
        var alphabetX = new Option<long?>("--alphabet-x") { Description = "Alphabet size of X for K-aware estimators (default: observed)." };
        var alphabetY = new Option<long?>("--alphabet-y") { Description = "Alphabet size of Y for K-aware estimators (default: observed)." };
        var command = new Command("mi", "Mutual information I(X;Y), or I(X;Y|Z) with --z, between columns of a data file: discrete (symbols) or continuous (numbers), with the estimator chosen from the column kinds unless given.")
        {
            x, y, z, estimator, k, unitOption, permutations, seed, alphabetX, alphabetY,
        };
        input.AddTo(command);
        command.SetAction(result =>
        {
            string unit = result.GetValue(unitOption)!;
            string name = result.GetValue(estimator)!;
            int shuffles = result.GetValue(permutations);
            string? zSpec = result.GetValue(z);
            MissingValues missing = input.Missing(result);
            int? neighbors = result.GetValue(k);

            // Every check that does not need the data runs before the file is read (for a named estimator; auto's are
            // run once the kinds are known), and all run before any estimate.
            if (shuffles < 0)
            {
                throw new CliException($"--permutations must be ≥ 0, got {shuffles}");
            }

            bool auto = name == "auto";
            if (!auto)
            {
                CheckCombination(name, zSpec is not null, shuffles, missing, neighbors);
            }

            CsvTable table = input.Read(result, "mi data.csv --x a --y b");
            int[] xc = table.Resolve(result.GetValue(x)!, "--x");
            int[] yc = table.Resolve(result.GetValue(y)!, "--y");
            int[]? zc = zSpec is null ? null : table.Resolve(zSpec, "--z");
            int[] rows = table.Rows([.. xc, .. yc, .. zc ?? []], missing);
            string? why = null;
            if (auto)
            {
                (name, why) = Choose(table, rows, xc, yc, zc);
                CheckCombination(name, zc is not null, shuffles, missing, neighbors);
            }

            var run = new Run(table, rows, unit, shuffles, result.GetValue(seed), [("X", xc), ("Y", yc), ("Z", zc)], why);
            if (name == Ross)
            {
                run.Ross(neighbors, xc, yc);
            }
            else if (ContinuousEstimators.IsContinuous(name))
            {
                run.Continuous(name, neighbors, xc, yc, zc);
            }
            else
            {
                run.Discrete(Estimators.Create(name), name, xc, yc, zc, result.GetValue(alphabetX), result.GetValue(alphabetY));
            }
        });
        return command;
    }

    /// <summary>The discrete-continuous estimator of Ross (2014), offered beside the discrete and continuous names.</summary>
    private const string Ross = "ross";

    /// <summary>The checks of an estimator against the other options, which need no data.</summary>
    private static void CheckCombination(string name, bool conditional, int shuffles, MissingValues missing, int? k)
    {
        bool numeric = name == Ross || ContinuousEstimators.IsContinuous(name);
        if (name == Ross && conditional)
        {
            throw new CliException("ross estimates I(X;Y) between a discrete and a continuous variable; it has no conditional form (--z)");
        }

        if (numeric && conditional && shuffles > 0)
        {
            throw new CliException("the permutation test of conditional MI needs a discrete estimator (it shuffles x within the strata of z)");
        }

        if (numeric && missing == MissingValues.Category)
        {
            throw new CliException("--missing category makes an empty field a symbol, which only the discrete estimators accept; use --missing drop");
        }

        if (!numeric && k is not null)
        {
            throw new CliException($"--k applies to the k-NN estimators; '{name}' is a discrete estimator");
        }
    }

    /// <summary>
    /// The estimator for --estimator auto, from the kinds of the chosen columns (one rule with rank, matrix and multi:
    /// text, or at most 32 distinct integers, is discrete), and the reason printed with the result.
    /// </summary>
    private static (string Name, string Why) Choose(CsvTable table, int[] rows, int[] xc, int[] yc, int[]? zc)
    {
        var kinds = new Dictionary<int, bool>();
        bool Discrete(int[] columns) => columns.All(c =>
        {
            if (!kinds.TryGetValue(c, out bool discrete))
            {
                kinds[c] = discrete = MultivariateCommands.LooksDiscrete(table.Values([c], rows));
            }

            return discrete;
        });
        bool Continuous(int[] columns) => !columns.Any(c => Discrete([c]));

        int[][] all = zc is null ? [xc, yc] : [xc, yc, zc];
        if (all.All(Discrete))
        {
            return ("plugin", "every column looks discrete");
        }

        if (all.All(Continuous))
        {
            return zc is null ? ("hybrid", "every column looks continuous") : ("ksg", "every column looks continuous (conditional MI)");
        }

        if (zc is null && ((Discrete(xc) && Continuous(yc)) || (Continuous(xc) && Discrete(yc))))
        {
            return (Ross, Discrete(xc) ? "X looks discrete and Y continuous" : "X looks continuous and Y discrete");
        }

        string Listed(bool discrete) => string.Join(", ", all.SelectMany(c => c).Distinct().Where(c => Discrete([c]) == discrete).Select(c => table.Header[c]));
        throw new CliException($"the columns mix discrete ({Listed(true)}) and continuous ({Listed(false)}) kinds within a variable{(zc is null ? "" : " or with --z")}; "
            + "choose --estimator: a discrete one treats every value as a symbol, ksg or copula treat them as numbers, mixed is Gao et al.'s estimator for variables that mix the two");
    }

    public static void AddColumnEntropy(Command entropyCommand, Argument<double[]> probabilities, Option<string> unitOption, Option<bool> normalizeOption)
    {
        var input = new TableInput(positional: false);
        var column = new Option<string?>("--column") { Description = "Column(s) of the data file: names or 0-based positions #N; several separated by commas form one joint variable." };
        var estimator = EstimatorOption();
        var alphabet = new Option<long?>("--alphabet", "-k") { Description = "Alphabet size K (number of possible values, seen or not) for the estimators that use it: james-stein, nsb and the Dirichlet priors. Default: the number of distinct values observed." };
        input.AddTo(entropyCommand);
        entropyCommand.Options.Add(column);
        entropyCommand.Options.Add(estimator);
        entropyCommand.Options.Add(alphabet);
        entropyCommand.SetAction(result =>
        {
            string unit = result.GetValue(unitOption)!;
            if (input.Path(result) is null)
            {
                double[] p = result.GetValue(probabilities) ?? [];
                if (p.Length == 0)
                {
                    throw new CliException("give probabilities (e.g. entropy 0.5 0.25 0.25) or --csv FILE --column NAME");
                }

                Console.WriteLine(Format.Amount(Measures.Entropy.Shannon(p, result.GetValue(normalizeOption)), unit));
                return;
            }

            string spec = result.GetValue(column) ?? throw new CliException("--csv needs --column");
            CsvTable table = input.Read(result, "entropy --csv data.csv --column c");
            int[] columns = table.Resolve(spec, "--column");
            int[] rows = table.Rows(columns, input.Missing(result));
            int[] symbols = Encode(table.Values(columns, rows));
            int distinct = symbols.Max() + 1;
            DiscreteEntropyEstimator entropy = Estimators.Create(result.GetValue(estimator)!, Alphabet(result.GetValue(alphabet), distinct));
            Console.WriteLine($"H({spec}) = {Format.Amount(entropy.Estimate(symbols), unit)}  (n = {symbols.Length}, {distinct} distinct values, estimator {result.GetValue(estimator)})");
            Console.WriteLine($"  columns: {table.Names(columns)}{Dropped(table, rows)}");
            Console.WriteLine($"  settings: {RunSettings.Describe(entropy)}");
        });
    }

    private static Option<string> EstimatorOption()
    {
        var option = new Option<string>("--estimator", "-e")
        {
            Description = "Entropy estimator: " + string.Join(", ", Estimators.Names) + ".",
            DefaultValueFactory = _ => "plugin",
        };
        option.AcceptOnlyFromAmong(Estimators.Names);
        return option;
    }

    /// <summary>A given alphabet size, checked against the number of distinct values seen.</summary>
    private static long? Alphabet(long? given, int distinct)
    {
        if (given is { } k && k < distinct)
        {
            throw new CliException($"the alphabet size {k} is smaller than the {distinct} distinct values in the data");
        }

        return given;
    }

    private static int[] Encode(string[] values) => new SymbolEncoder<string>(StringComparer.Ordinal).Encode(values);

    private static string Dropped(CsvTable table, int[] rows) => rows.Length == table.RowCount
        ? ""
        : string.Create(CultureInfo.InvariantCulture, $"; {table.RowCount - rows.Length} of {table.RowCount} rows left out for empty fields");

    /// <summary>One mi run: the chosen rows of a table, the unit, and the permutation test settings.</summary>
    private sealed class Run(CsvTable table, int[] rows, string unit, int shuffles, int seed, (string Role, int[]? Columns)[] variables, string? chosenBecause)
    {
        /// <summary>
        /// The result, then under it the columns used (and rows left out), the settings read back from the estimator,
        /// and the permutation test; printed only once everything has run, so an error never follows a result.
        /// </summary>
        private void Print(string result, object estimator, string? test)
        {
            string chosen = string.Join("; ", variables.Where(v => v.Columns is not null).Select(v => $"{v.Role}: {table.Names(v.Columns!)}"));
            Console.WriteLine(result);
            if (chosenBecause is not null)
            {
                Console.WriteLine($"  estimator chosen automatically: {chosenBecause} (--estimator to choose another)");
            }

            Console.WriteLine($"  columns: {chosen}{Dropped(table, rows)}");
            Console.WriteLine($"  settings: {RunSettings.Describe(estimator)}");
            if (test is not null)
            {
                Console.WriteLine(test);
            }
        }

        public void Continuous(string name, int? k, int[] xc, int[] yc, int[]? zc)
        {
            if (k is { } given && ContinuousEstimators.UsesNeighbors(name) && given >= rows.Length)
            {
                throw new CliException($"--k {given} needs at least k + 1 = {(long)given + 1} rows; the data have {rows.Length}");
            }

            SampleMatrix xs = table.Numeric(xc, rows);
            SampleMatrix ys = table.Numeric(yc, rows);
            if (zc is null)
            {
                IMultivariateMutualInformationEstimator mi = ContinuousEstimators.Create(name, k, seed);
                Information value = mi.Estimate(xs, ys);
                string? test = Significance.MutualInformation(mi, xs, ys, shuffles, seed);
                Print($"I(X;Y) = {Format.Amount(value, unit)}  (n = {xs.Rows}, dx = {xs.Columns}, dy = {ys.Columns}, estimator {name})", mi, test);
            }
            else
            {
                IMultivariateConditionalMutualInformationEstimator cmi = ContinuousEstimators.CreateConditional(name, k, seed);
                SampleMatrix zs = table.Numeric(zc, rows);
                Print($"I(X;Y|Z) = {Format.Amount(cmi.Estimate(xs, ys, zs), unit)}  (n = {xs.Rows}, dx = {xs.Columns}, dy = {ys.Columns}, dz = {zs.Columns}, estimator {name})", cmi, null);
            }
        }

        /// <summary>Ross's estimator: whichever of X and Y looks discrete gives the labels; an error when both or neither do.</summary>
        public void Ross(int? k, int[] xc, int[] yc)
        {
            bool xDiscrete = xc.All(c => MultivariateCommands.LooksDiscrete(table.Values([c], rows)));
            bool yDiscrete = yc.All(c => MultivariateCommands.LooksDiscrete(table.Values([c], rows)));
            if (xDiscrete == yDiscrete)
            {
                throw new CliException($"ross needs one discrete and one continuous variable; X and Y both look {(xDiscrete ? "discrete" : "continuous")} (text, or at most 32 distinct integers, is discrete)");
            }

            int[] labelColumns = yDiscrete ? yc : xc, sampleColumns = yDiscrete ? xc : yc;
            if (k is { } given && given >= rows.Length)
            {
                throw new CliException($"--k {given} needs at least k + 1 = {(long)given + 1} rows; the data have {rows.Length}");
            }

            if (shuffles > 0 && sampleColumns.Length != 1)
            {
                throw new CliException("the permutation test with ross takes one continuous column");
            }

            SampleMatrix samples = table.Numeric(sampleColumns, rows);
            int[] labels = Encode(table.Values(labelColumns, rows));
            var mi = k is { } neighbors ? new RossMutualInformation { K = neighbors, Seed = seed } : new RossMutualInformation { Seed = seed };
            Information value = mi.Estimate(labels, samples);
            string? test = shuffles <= 0 ? null : RossTest(mi, labels, samples);
            string discreteRole = yDiscrete ? "Y" : "X";
            Print($"I(X;Y) = {Format.Amount(value, unit)}  (n = {labels.Length}, {discreteRole} discrete with {labels.Max() + 1} values, d = {samples.Columns}, estimator ross)", mi, test);
        }

        private string RossTest(RossMutualInformation mi, int[] labels, SampleMatrix samples)
        {
            double[] values = samples.Data.ToArray();
            PermutationTestResult result = PermutationTest.MutualInformation(mi, labels, values, shuffles, seed);
            return string.Create(CultureInfo.InvariantCulture, $"permutation test of H0: X and Y independent: p = {result.PValue:G4} ({result.Permutations} permutations)");
        }

        public void Discrete(DiscreteEntropyEstimator entropy, string name, int[] xc, int[] yc, int[]? zc, long? alphabetX, long? alphabetY)
        {
            int[] xs = Encode(table.Values(xc, rows));
            int[] ys = Encode(table.Values(yc, rows));
            if (zc is null)
            {
                var mi = new DiscreteMutualInformation(entropy)
                {
                    AlphabetSizeX = Alphabet(alphabetX, xs.Max() + 1),
                    AlphabetSizeY = Alphabet(alphabetY, ys.Max() + 1),
                };
                Information value = mi.Estimate(xs, ys);
                string? test = Significance.MutualInformation(mi, xs, ys, shuffles, seed);
                Print($"I(X;Y) = {Format.Amount(value, unit)}  (n = {xs.Length}, estimator {name})", mi, test);
            }
            else
            {
                int[] zs = Encode(table.Values(zc, rows));
                var cmi = new DiscreteConditionalMutualInformation(entropy);
                Information value = cmi.Estimate(xs, ys, zs);
                string? test = Significance.ConditionalMutualInformation(cmi, xs, ys, zs, shuffles, seed);
                Print($"I(X;Y|Z) = {Format.Amount(value, unit)}  (n = {xs.Length}, estimator {name})", cmi, test);
            }
        }
    }
}

/// <summary>Formatting of amounts in the unit the user asked for.</summary>
internal static class Format
{
    public static string Amount(Information value, string unit) => unit switch
    {
        "nats" => value.ToString("n6", CultureInfo.InvariantCulture),
        "hartleys" => value.ToString("h6", CultureInfo.InvariantCulture),
        _ => value.ToString("b6", CultureInfo.InvariantCulture),
    };
}
