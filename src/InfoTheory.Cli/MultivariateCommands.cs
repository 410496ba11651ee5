using System.CommandLine;
using System.Globalization;
using InfoTheory.Discrete;
using InfoTheory.Multivariate;

namespace InfoTheory.Cli;

/// <summary>Many variables: TC, DTC, O- and S-information of chosen columns, the multiplet search, and PID.</summary>
internal static class MultivariateCommands
{
    private static readonly string[] ContinuousNames = ["gaussian", "copula"];

    private static readonly string[] PidMeasures = ["mmi", "imin", "broja", "ccs", "idep", "isx"];

    public static Command Multi(Option<string> unitOption)
    {
        var input = new TableInput(positional: true);
        var columns = new Option<string?>("--columns", "-c") { Description = "The variables: columns by name (\"quoted\" when they hold a comma) or 0-based position #N, comma-separated; each column is one variable. Default: every column." };
        var estimator = new Option<string>("--estimator", "-e")
        {
            Description = "auto (default: discrete plug-in when every chosen column looks discrete, Gaussian copula when every one looks continuous), a discrete entropy estimator ("
                + string.Join(", ", Estimators.Names) + "), gaussian, or copula (Gaussian copula: normal scores of each column).",
            DefaultValueFactory = _ => "auto",
        };
        estimator.AcceptOnlyFromAmong(["auto", .. Estimators.Names, .. ContinuousNames]);
        var biasCorrected = new Option<bool>("--bias-corrected") { Description = "gaussian and copula: subtract the analytic bias of each Gaussian entropy." };
        var command = new Command("multi", "Total correlation, dual total correlation, O- and S-information (and co-information) of several columns of a data file.")
        {
            columns, estimator, biasCorrected, unitOption,
        };
        input.AddTo(command);
        command.SetAction(result =>
        {
            string unit = result.GetValue(unitOption)!;
            CsvTable table = input.Read(result, "multi data.csv --columns a,b,c");
            int[] chosen = Columns(table, result.GetValue(columns));
            if (chosen.Length < 2)
            {
                throw new CliException($"multivariate measures need at least two variables; {chosen.Length} chosen");
            }

            MissingValues missing = input.Missing(result);
            int[] rows = table.Rows(chosen, missing);
            (string name, string why) = Choose(result.GetValue(estimator)!, table, chosen, rows);
            IJointEntropy source;
            string settings;
            if (ContinuousNames.Contains(name))
            {
                if (missing == MissingValues.Category)
                {
                    throw new CliException("--missing category makes an empty field a symbol, which only the discrete estimators accept; use --missing drop");
                }

                bool corrected = result.GetValue(biasCorrected);
                source = GaussianJointEntropy.FromSamples(table.Numeric(chosen, rows), copula: name == "copula", biasCorrected: corrected);
                settings = (name == "copula" ? "normal scores, " : "") + (corrected ? "analytic bias correction" : "no bias correction");
            }
            else
            {
                if (result.GetValue(biasCorrected))
                {
                    throw new CliException($"--bias-corrected applies to gaussian and copula; '{name}' is a discrete estimator (choose a bias-corrected one such as miller-madow or nsb)");
                }

                DiscreteEntropyEstimator entropy = Estimators.Create(name);
                source = new DiscreteJointEntropy([.. chosen.Select(c => Encode(table.Values([c], rows)))], entropy);
                settings = RunSettings.Describe(entropy);
            }

            MultivariateProfile profile = MultivariateInformation.Profile(source);
            Console.WriteLine($"TC    = {Format.Amount(profile.TotalCorrelation, unit)}");
            Console.WriteLine($"DTC   = {Format.Amount(profile.DualTotalCorrelation, unit)}");
            Console.WriteLine($"O     = {Format.Amount(profile.OInformation, unit)}  ({(profile.OInformation.Nats >= 0 ? "redundancy" : "synergy")}-dominated)");
            Console.WriteLine($"S     = {Format.Amount(profile.SInformation, unit)}");
            if (chosen.Length <= MultivariateInformation.MaxCoInformationVariables)
            {
                Console.WriteLine($"CoI   = {Format.Amount(MultivariateInformation.CoInformation(source), unit)}  (co-information, sign convention of Bell 2003: I(X;Y) for two variables)");
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  (n = {rows.Length}, {chosen.Length} variables, estimator {name}{why})"));
            Console.WriteLine($"  columns: {table.Names(chosen)}");
            Console.WriteLine($"  settings: {settings}");
        });
        return command;
    }

    public static Command OInformation(Option<string> unitOption)
    {
        var input = new TableInput(positional: true);
        var columns = new Option<string?>("--columns", "-c") { Description = "The variables to search over (default: every column); each column is one variable." };
        var order = new Option<int>("--order", "-m") { Description = "The multiplet size (at least 3).", DefaultValueFactory = _ => 3 };
        var top = new Option<int>("--top", "-t") { Description = "How many multiplets to list at each end.", DefaultValueFactory = _ => 10 };
        var measure = new Option<string>("--measure") { Description = "Rank by o (O-information, default), tc, dtc or s.", DefaultValueFactory = _ => "o" };
        measure.AcceptOnlyFromAmong("o", "tc", "dtc", "s");
        var gaussian = new Option<bool>("--gaussian") { Description = "Use the columns as they are (Gaussian) instead of their normal scores (Gaussian copula, the default)." };
        var biasCorrected = new Option<bool>("--bias-corrected") { Description = "Subtract the analytic bias of each Gaussian entropy." };
        var permutations = new Option<int>("--permutations", "-p") { Description = "Permutation p-value of each listed multiplet with this many shuffles (0: none).", DefaultValueFactory = _ => 0 };
        var bootstrap = new Option<int>("--bootstrap", "-b") { Description = "95% bootstrap interval of each listed multiplet from this many resamples (0: none): whether O is clearly above or below 0.", DefaultValueFactory = _ => 0 };
        var seed = new Option<int>("--seed") { Description = $"Seed of the search's annealing, permutations and resamples (default {EstimatorDefaults.Seed}, as the library).", DefaultValueFactory = _ => EstimatorDefaults.Seed };
        var command = new Command("oinfo", "Search every multiplet of --order columns for the most redundant and most synergistic by Gaussian-copula O-information (or TC, DTC, S).")
        {
            columns, order, top, measure, gaussian, biasCorrected, permutations, bootstrap, seed, unitOption,
        };
        input.AddTo(command);
        command.SetAction(result =>
        {
            string unit = result.GetValue(unitOption)!;
            MultipletSearch search;
            try
            {
                search = new MultipletSearch
                {
                    Order = result.GetValue(order),
                    Top = result.GetValue(top),
                    Measure = result.GetValue(measure) switch
                    {
                        "tc" => MultipletMeasure.TotalCorrelation,
                        "dtc" => MultipletMeasure.DualTotalCorrelation,
                        "s" => MultipletMeasure.SInformation,
                        _ => MultipletMeasure.OInformation,
                    },
                    Copula = !result.GetValue(gaussian),
                    BiasCorrected = result.GetValue(biasCorrected),
                    Permutations = result.GetValue(permutations),
                    BootstrapResamples = result.GetValue(bootstrap),
                    Seed = result.GetValue(seed),
                };
            }
            catch (ArgumentOutOfRangeException ex)
            {
                throw new CliException($"--{Option(ex.ParamName)}: {ex.Message.Split(" (Parameter", 2)[0]}");
            }

            if (input.Missing(result) == MissingValues.Category)
            {
                throw new CliException("--missing category makes an empty field a symbol; the multiplet search needs numbers (use --missing drop)");
            }

            CsvTable table = input.Read(result, "oinfo data.csv --order 3 --top 20");
            int[] chosen = Columns(table, result.GetValue(columns));
            int[] rows = table.Rows(chosen, input.Missing(result));
            MultipletSearchResult found = search.Run(table.Numeric(chosen, rows));
            string label = search.Measure == MultipletMeasure.OInformation ? "O" : result.GetValue(measure)!.ToUpperInvariant();
            Print(search.Measure == MultipletMeasure.OInformation ? "most redundant (highest O)" : $"highest {label}", found.Highest, table, chosen, unit);
            Print(search.Measure == MultipletMeasure.OInformation ? "most synergistic (lowest O)" : $"lowest {label}", found.Lowest, table, chosen, unit);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  ({found.Evaluated:N0} multiplets {(found.Exhaustive ? "scored: every one of order" : "visited by simulated annealing at order")} {found.Order}; n = {rows.Length}, {chosen.Length} variables)"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  settings: {(search.Copula ? "Gaussian copula (normal scores)" : "Gaussian")}, {(search.BiasCorrected ? "analytic bias correction" : "no bias correction")}, seed {search.Seed}{(search.Permutations > 0 ? $", {search.Permutations} permutations (p-values against mutual independence, per multiplet, not corrected for the search)" : "")}{(search.BootstrapResamples > 0 ? $", {search.BootstrapResamples} bootstrap resamples" : "")}"));
        });
        return command;
    }

    public static Command Pid(Option<string> unitOption)
    {
        var input = new TableInput(positional: true);
        var sources = new Option<string>("--sources", "-s") { Description = "The sources: 2 to 5 columns (by name or #N), comma-separated; each column is one source.", Required = true };
        var target = new Option<string>("--target", "-t") { Description = "The target column(s); several form one joint target.", Required = true };
        var measure = new Option<string>("--measure") { Description = "Redundancy measure: broja (default), mmi, imin, ccs, idep or isx. ccs, idep and broja take two sources.", DefaultValueFactory = _ => "broja" };
        measure.AcceptOnlyFromAmong(PidMeasures);
        var command = new Command("pid", "Partial information decomposition of what discrete source columns carry about a target column: redundancy, unique information and synergy (every lattice atom).")
        {
            sources, target, measure, unitOption,
        };
        input.AddTo(command);
        command.SetAction(result =>
        {
            string unit = result.GetValue(unitOption)!;
            string name = result.GetValue(measure)!;
            RedundancyMeasure redundancy = name switch
            {
                "mmi" => new MinimumMutualInformationRedundancy(),
                "imin" => new WilliamsBeerRedundancy(),
                "ccs" => new CommonChangeRedundancy(),
                "idep" => new DependencyRedundancy(),
                "isx" => new SharedExclusionRedundancy(),
                _ => new BrojaRedundancy(),
            };
            CsvTable table = input.Read(result, "pid data.csv --sources a,b --target t");
            int[] sc = table.Resolve(result.GetValue(sources)!, "--sources");
            int[] tc = table.Resolve(result.GetValue(target)!, "--target");
            if (sc.Length < 2 || sc.Length > redundancy.MaxSources)
            {
                throw new CliException($"--sources: {redundancy.Name} decomposes 2 to {redundancy.MaxSources} sources; {sc.Length} given");
            }

            if (sc.Distinct().Count() != sc.Length || sc.Intersect(tc).Any())
            {
                throw new CliException("--sources and --target must name different columns, each once");
            }

            int[] rows = table.Rows([.. sc, .. tc], input.Missing(result));
            int[][] variables = [.. sc.Select(c => Encode(table.Values([c], rows))), Encode(table.Values(tc, rows))];
            DiscreteDistribution joint = DiscreteDistribution.FromSamples(variables);
            PartialInformationDecomposition pid = PartialInformation.Decompose(joint, redundancy);
            for (int i = 0; i < pid.Lattice.Count; i++)
            {
                string node = pid.Lattice.Format(i);
                string role = i == 0 ? "  redundancy" : i == pid.Lattice.Count - 1 ? "  synergy" : pid.Lattice.Node(i).Length == 1 && System.Numerics.BitOperations.PopCount((uint)pid.Lattice.Node(i)[0]) == 1 ? "  unique" : "";
                Console.WriteLine($"{node,-16} {Format.Amount(pid.Atom(i), unit)}{role}");
            }

            Console.WriteLine($"{"I(sources; T)",-16} {Format.Amount(pid.MutualInformation, unit)}");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  (n = {rows.Length}, measure {pid.Measure}, plug-in distribution of the observed symbols)"));
            Console.WriteLine($"  columns: sources {table.Names(sc)}; target {table.Names(tc)} (source i in the lattice is the i-th of --sources, from 1)");
            if (pid.OptimalityGap is { } gap)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  settings: certified optimality gap {Format.Amount(gap, unit)} after {pid.Iterations} iterations"));
            }
        });
        return command;
    }

    private static void Print(string title, IReadOnlyList<Multiplet> multiplets, CsvTable table, int[] chosen, string unit)
    {
        Console.WriteLine(title + ":");
        foreach (Multiplet m in multiplets)
        {
            string names = string.Join(", ", m.Variables.Select(v => table.Header[chosen[v]]));
            string extra = (m.PValue is { } p ? string.Create(CultureInfo.InvariantCulture, $"  p = {p:G3}") : "")
                + (m.Lower is { } lo && m.Upper is { } hi ? $"  [{Format.Amount(lo, unit)}, {Format.Amount(hi, unit)}]" : "");
            Console.WriteLine($"  {Format.Amount(m.Value, unit),16}  {names}{extra}");
        }
    }

    private static string Option(string? property) => property switch
    {
        "BootstrapResamples" => "bootstrap",
        null => "option",
        _ => property.ToLowerInvariant(),
    };

    private static int[] Columns(CsvTable table, string? spec) =>
        spec is null ? [.. Enumerable.Range(0, table.Header.Length)] : table.Resolve(spec, "--columns");

    /// <summary>
    /// The estimator: the one named, or for "auto" discrete plug-in when every column looks discrete (a field that is
    /// not a number, or integers with at most 32 distinct values) and the Gaussian copula when none does.
    /// </summary>
    private static (string Name, string Why) Choose(string name, CsvTable table, int[] columns, int[] rows)
    {
        if (name != "auto")
        {
            return (name, "");
        }

        bool[] discrete = [.. columns.Select(c => LooksDiscrete(table.Values([c], rows)))];
        if (discrete.All(d => d))
        {
            return ("plugin", ", chosen because every column looks discrete");
        }

        if (!discrete.Any(d => d))
        {
            return ("copula", ", chosen because every column looks continuous");
        }

        string which = string.Join(", ", columns.Where((_, i) => discrete[i]).Select(c => table.Header[c]));
        throw new CliException($"the columns mix discrete ({which}) and continuous ones; choose --estimator (a discrete estimator treats every value as a symbol; gaussian/copula need numbers)");
    }

    internal static bool LooksDiscrete(string[] values)
    {
        var distinct = new HashSet<string>(StringComparer.Ordinal);
        foreach (string v in values)
        {
            if (!double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out double x))
            {
                return true;
            }

            if (x != Math.Floor(x))
            {
                return false;
            }

            distinct.Add(v);
        }

        return distinct.Count <= 32;
    }

    private static int[] Encode(string[] values) => new SymbolEncoder<string>(StringComparer.Ordinal).Encode(values);
}
