using System.CommandLine;
using System.Globalization;
using InfoTheory.Continuous;
using InfoTheory.Discrete;

namespace InfoTheory.Cli;

/// <summary>Entropy, MI and CMI of discrete columns of a CSV file.</summary>
internal static class DataCommands
{
    public static Command MutualInformation(Option<string> unitOption)
    {
        var file = new Argument<string?>("file") { Description = "CSV file with a header row (or give --csv).", Arity = ArgumentArity.ZeroOrOne };
        var csv = new Option<string?>("--csv") { Description = "CSV file with a header row." };
        var x = new Option<string>("--x") { Description = "Column(s) of X: a name or 0-based index; several separated by commas form one joint variable.", Required = true };
        var y = new Option<string>("--y") { Description = "Column(s) of Y.", Required = true };
        var z = new Option<string?>("--z") { Description = "Column(s) of Z, to condition on (conditional MI)." };
        string[] names = [.. Estimators.Names, .. ContinuousEstimators.MutualInformation.Select(e => e.Name)];
        var estimator = new Option<string>("--estimator", "-e")
        {
            Description = "Discrete entropy estimator (" + string.Join(", ", Estimators.Names) + ") applied to the values as symbols, or continuous estimator ("
                + string.Join(", ", ContinuousEstimators.MutualInformation.Select(e => e.Name)) + ") applied to the values as numbers.",
            DefaultValueFactory = _ => "plugin",
        };
        estimator.AcceptOnlyFromAmong(names);
        var k = new Option<int>("--k") { Description = "Neighbours of the k-NN estimators.", DefaultValueFactory = _ => 3 };
        var permutations = new Option<int>("--permutations", "-p") { Description = "Run a permutation test with this many shuffles (0: none).", DefaultValueFactory = _ => 0 };
        var seed = new Option<int>("--seed") { Description = "Seed of the permutation test and of the estimators' own randomness.", DefaultValueFactory = _ => 1 };
        var alphabetX = new Option<long?>("--alphabet-x") { Description = "Alphabet size of X for K-aware estimators (default: observed)." };
        var alphabetY = new Option<long?>("--alphabet-y") { Description = "Alphabet size of Y for K-aware estimators (default: observed)." };
        var command = new Command("mi", "Mutual information I(X;Y), or I(X;Y|Z) with --z, between columns of a CSV file: discrete (symbols) or continuous (numbers) by the estimator chosen.")
        {
            file, csv, x, y, z, estimator, k, unitOption, permutations, seed, alphabetX, alphabetY,
        };
        command.SetAction(result =>
        {
            string path = result.GetValue(file) ?? result.GetValue(csv) ?? throw new CliException("give the CSV file, e.g. mi data.csv --x a --y b");
            CsvTable table = CsvTable.Read(path);
            string unit = result.GetValue(unitOption)!;
            string name = result.GetValue(estimator)!;
            int shuffles = result.GetValue(permutations);
            if (shuffles < 0)
            {
                throw new CliException($"--permutations must be ≥ 0, got {shuffles}");
            }

            if (ContinuousEstimators.IsContinuous(name))
            {
                Continuous(table, result.GetValue(x)!, result.GetValue(y)!, result.GetValue(z), name, result.GetValue(k), result.GetValue(seed), shuffles, unit);
                return;
            }

            DiscreteEntropyEstimator entropy = Estimators.Create(name);
            int[] xs = Encode(table.Column(result.GetValue(x)!));
            int[] ys = Encode(table.Column(result.GetValue(y)!));
            string? zSpec = result.GetValue(z);
            if (zSpec is null)
            {
                var mi = new DiscreteMutualInformation(entropy)
                {
                    AlphabetSizeX = Alphabet(result.GetValue(alphabetX), xs.Max() + 1),
                    AlphabetSizeY = Alphabet(result.GetValue(alphabetY), ys.Max() + 1),
                };
                Console.WriteLine($"I(X;Y) = {Format.Amount(mi.Estimate(xs, ys), unit)}  (n = {xs.Length}, estimator {name})");
                Significance.MutualInformation(mi, xs, ys, shuffles, result.GetValue(seed));
            }
            else
            {
                int[] zs = Encode(table.Column(zSpec));
                var cmi = new DiscreteConditionalMutualInformation(entropy);
                Console.WriteLine($"I(X;Y|Z) = {Format.Amount(cmi.Estimate(xs, ys, zs), unit)}  (n = {xs.Length}, estimator {name})");
                Significance.ConditionalMutualInformation(cmi, xs, ys, zs, shuffles, result.GetValue(seed));
            }
        });
        return command;
    }

    private static void Continuous(CsvTable table, string xSpec, string ySpec, string? zSpec, string name, int k, int seed, int shuffles, string unit)
    {
        if (k < 1)
        {
            throw new CliException($"--k must be at least 1, got {k}");
        }

        SampleMatrix xs = table.Numeric(xSpec);
        SampleMatrix ys = table.Numeric(ySpec);
        if (zSpec is null)
        {
            IMultivariateMutualInformationEstimator mi = ContinuousEstimators.Create(name, k, seed);
            Console.WriteLine($"I(X;Y) = {Format.Amount(mi.Estimate(xs, ys), unit)}  (n = {xs.Rows}, dx = {xs.Columns}, dy = {ys.Columns}, estimator {name})");
            Significance.MutualInformation(mi, xs, ys, shuffles, seed);
        }
        else
        {
            IMultivariateConditionalMutualInformationEstimator cmi = ContinuousEstimators.CreateConditional(name, k, seed);
            SampleMatrix zs = table.Numeric(zSpec);
            Console.WriteLine($"I(X;Y|Z) = {Format.Amount(cmi.Estimate(xs, ys, zs), unit)}  (n = {xs.Rows}, estimator {name})");
            if (shuffles > 0)
            {
                throw new CliException("the permutation test of conditional MI is available for discrete estimators only");
            }
        }
    }

    public static void AddColumnEntropy(Command entropyCommand, Argument<double[]> probabilities, Option<string> unitOption, Option<bool> normalizeOption)
    {
        var csv = new Option<string?>("--csv") { Description = "CSV file with a header row: estimate the entropy of --column instead of taking probabilities." };
        var column = new Option<string?>("--column") { Description = "Column(s) of the CSV file: a name or 0-based index; several separated by commas form one joint variable." };
        var estimator = EstimatorOption();
        var alphabet = new Option<long?>("--alphabet", "-k") { Description = "Alphabet size K (number of possible values, seen or not) for the estimators that use it: james-stein, nsb and the Dirichlet priors. Default: the number of distinct values observed." };
        entropyCommand.Options.Add(csv);
        entropyCommand.Options.Add(column);
        entropyCommand.Options.Add(estimator);
        entropyCommand.Options.Add(alphabet);
        entropyCommand.SetAction(result =>
        {
            string unit = result.GetValue(unitOption)!;
            string? path = result.GetValue(csv);
            if (path is null)
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
            CsvTable table = CsvTable.Read(path);
            int[] symbols = Encode(table.Column(spec));
            DiscreteEntropyEstimator entropy = Estimators.Create(result.GetValue(estimator)!, Alphabet(result.GetValue(alphabet), symbols.Max() + 1));
            Console.WriteLine($"H({spec}) = {Format.Amount(entropy.Estimate(symbols), unit)}  (n = {symbols.Length}, {symbols.Max() + 1} distinct values, estimator {result.GetValue(estimator)})");
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
