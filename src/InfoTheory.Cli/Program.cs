using System.CommandLine;
using System.CommandLine.Help;
using System.Globalization;
using InfoTheory.Cli;
using InfoTheory.Measures;

var unitOption = new Option<string>("--unit", "-u")
{
    Description = "Unit of the results: bits, nats or hartleys.",
    DefaultValueFactory = _ => "bits",
};
unitOption.AcceptOnlyFromAmong("bits", "nats", "hartleys");

var normalizeOption = new Option<bool>("--normalize", "-n")
{
    Description = "Rescale the inputs to sum to 1 (e.g. when giving counts) instead of requiring it.",
};

var examplesCommand = new Command("examples", "Entropy, divergences and mutual information of built-in distributions, in bits and nats.");
examplesCommand.SetAction(_ => Examples.Print(Console.Out));

var pArgument = new Argument<double[]>("p") { Description = "The probabilities, e.g. 0.5 0.25 0.25.", Arity = ArgumentArity.ZeroOrMore };
var entropyCommand = new Command("entropy", "Shannon entropy of a probability vector, or an estimate from a column of a CSV file.") { pArgument, unitOption, normalizeOption };
DataCommands.AddColumnEntropy(entropyCommand, pArgument, unitOption, normalizeOption);

var pOption = new Option<double[]>("--p") { Description = "The first distribution, e.g. --p 0.5 0.5.", Required = true, AllowMultipleArgumentsPerToken = true };
var qOption = new Option<double[]>("--q") { Description = "The second distribution, as long as p.", Required = true, AllowMultipleArgumentsPerToken = true };
var divergenceCommand = new Command("divergence", "KL, Jensen-Shannon and Cauchy-Schwarz divergences between two distributions.") { pOption, qOption, unitOption, normalizeOption };
divergenceCommand.SetAction(result =>
{
    double[] p = result.GetValue(pOption)!;
    double[] q = result.GetValue(qOption)!;
    bool normalize = result.GetValue(normalizeOption);
    string unit = result.GetValue(unitOption)!;
    Console.WriteLine($"KL(p||q)        = {Format.Amount(Divergence.KullbackLeibler(p, q, normalize), unit)}");
    Console.WriteLine($"KL(q||p)        = {Format.Amount(Divergence.KullbackLeibler(q, p, normalize), unit)}");
    Console.WriteLine($"JS(p, q)        = {Format.Amount(Divergence.JensenShannon(p, q, normalize), unit)}");
    Console.WriteLine($"CS(p, q)        = {Format.Amount(Divergence.CauchySchwarz(p, q, normalize), unit)}");
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Hellinger(p, q) = {Divergence.Hellinger(p, q, normalize):F6}"));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"TV(p, q)        = {Divergence.TotalVariation(p, q, normalize):F6}"));
});

// The root is named after the tool command rather than the program file, so usage lines read "infotheory …" however
// it is started (as the installed tool, or with dotnet run from the repository).
var root = new Command("infotheory", "infotheory: entropy, divergences and mutual information from the command line.")
{
    new HelpOption(),
    new VersionOption(),
    examplesCommand,
    entropyCommand,
    divergenceCommand,
    DataCommands.MutualInformation(unitOption),
    MultivariateCommands.Multi(unitOption),
    MultivariateCommands.OInformation(unitOption),
    MultivariateCommands.Pid(unitOption),
    Validate.Create(),
    SelectionCommands.Rank(unitOption),
    SelectionCommands.Matrix(unitOption),
    TimeSeriesCommands.TransferEntropy(unitOption),
    TimeSeriesCommands.Network(),
    TimeSeriesCommands.Ordinal(unitOption),
    ClusterCommands.Silo(),
};

try
{
    return root.Parse(args).Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (Exception ex) when (ex is ArgumentException or CliException or IOException or UnauthorizedAccessException or InvalidDataException)
{
    Console.Error.WriteLine($"error: {ex.Message}");
    return 2;
}
catch (OutOfMemoryException)
{
    Console.Error.WriteLine("error: out of memory: the data or the settings (--permutations, --k, --n) ask for more memory than this process can have");
    return 2;
}
