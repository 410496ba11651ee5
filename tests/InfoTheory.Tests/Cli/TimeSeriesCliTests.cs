using System.Globalization;
using System.Text;
using System.Text.Json;
using InfoTheory.Continuous;
using InfoTheory.Tests.TimeSeries;

namespace InfoTheory.Tests.Cli;

/// <summary>The te, network and ordinal commands on simulated series whose structure is known.</summary>
public sealed class TimeSeriesCliTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("infotheory-ts-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static (int ExitCode, string Output, string Error) Run(params string[] args) => CliProcess.Run(args);

    private string Write(string name, string[] header, Func<int, int, double> value, int rows)
    {
        var text = new StringBuilder(string.Join(',', header)).Append('\n');
        for (int t = 0; t < rows; t++)
        {
            text.AppendJoin(',', Enumerable.Range(0, header.Length).Select(j => value(t, j).ToString("R", CultureInfo.InvariantCulture))).Append('\n');
        }

        string path = Path.Combine(_directory, name);
        File.WriteAllText(path, text.ToString());
        return path;
    }

    private static double Value(string output, string label) => CliProcess.Value(output, label);

    [Fact]
    public void Te_OnADrivenPair_IsLargerForwardThanBackward()
    {
        // Y_t = 0.5 Y_{t−1} + 0.6 X_{t−1} + ε: T(X → Y) = ½ ln(1 + 0.36) ≈ 0.154 nats, T(Y → X) = 0.
        (double[] x, double[] y) = TimeSeriesData.LinearCoupled(1000, 0.5, 0.6, seed: 4);
        string file = Write("pair.csv", ["x", "y"], (t, j) => j == 0 ? x[t] : y[t], 1000);
        (int code, string output, string error) = Run("te", file, "--source", "x", "--target", "y", "--unit", "nats", "--analytic");
        Assert.True(code == 0, error);
        double forward = Value(output, "T(X→Y)");
        Assert.InRange(forward, 0.154 - 0.05, 0.154 + 0.05);
        Assert.Contains("~ χ²(1)", output, StringComparison.Ordinal);
        (code, output, error) = Run("te", file, "--source", "y", "--target", "x", "--unit", "nats", "--surrogates", "99");
        Assert.True(code == 0, error);
        double backward = Value(output, "T(X→Y)");
        Assert.True(forward > backward + 0.1, $"forward {forward}, backward {backward}");
        Assert.Contains("99 surrogates", output, StringComparison.Ordinal);

        // The same number as the library's estimate.
        double direct = new InfoTheory.TimeSeries.TransferEntropy(new GaussianConditionalMutualInformation()).Estimate(x, y).Nats;
        Assert.Equal(direct, forward, 1e-6);

        (code, output, error) = Run("te", file, "--source", "x", "--target", "y", "--estimator", "ksg", "--history", "2", "--unit", "nats");
        Assert.True(code == 0, error);
        Assert.InRange(Value(output, "T(X→Y)"), 0.154 - 0.07, 0.154 + 0.07);

        // Local-permutation surrogates: the p-value printed is the library's for the same scheme and seed.
        (code, output, error) = Run("te", file, "--source", "x", "--target", "y", "--estimator", "ksg", "--surrogates", "19", "--null", "local", "--seed", "3");
        Assert.True(code == 0, error);
        Assert.Contains("source past permuted locally, 5 neighbours", output, StringComparison.Ordinal);
        double p = new InfoTheory.TimeSeries.TransferEntropy(new KsgConditionalMutualInformation { Seed = 3 })
            .Test(x, y, 19, InfoTheory.TimeSeries.TransferEntropySurrogates.LocalPermutation, seed: 3).PValue;
        Assert.Contains(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"p = {p:G4} (19 surrogates, seed 3)"), output, StringComparison.Ordinal);
        (code, _, error) = Run("te", file, "--source", "x", "--target", "y", "--surrogates", "9", "--null", "nope");
        Assert.NotEqual(0, code); // a value outside the option's list is a parse error
        Assert.Contains("nope", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Te_TrialShuffle_PrintsTheLibrarysPValue_AndChecksTheTrials()
    {
        // 8 trials of 100 steps of a coupled pair, written one after another; --trials 8 splits them back.
        (SampleMatrix[] xs, SampleMatrix[] ys) = TrialShuffleTests.Trials(8, 100, 0.0, 0.5, 0.6, seed: 3);
        string file = Write("trials.csv", ["x", "y"], (t, j) => (j == 0 ? xs : ys)[t / 100][t % 100, 0], 800);
        (int code, string output, string error) = Run("te", file, "--source", "x", "--target", "y", "--unit", "nats",
            "--trials", "8", "--surrogates", "99", "--null", "trials", "--seed", "2");
        Assert.True(code == 0, error);
        Assert.Contains("sources re-paired across trials", output, StringComparison.Ordinal);
        Assert.Contains("in 8 trials", output, StringComparison.Ordinal);
        var te = new InfoTheory.TimeSeries.TransferEntropy(new GaussianConditionalMutualInformation());
        Assert.Equal(te.Estimate(xs, ys).Nats, Value(output, "T(X→Y)"), 1e-6);
        double p = te.Test(xs, ys, null, 99, InfoTheory.TimeSeries.TransferEntropySurrogates.TrialShuffle, seed: 2).PValue;
        Assert.Equal(0.01, p, 1e-15); // the coupling is far beyond every re-pairing
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"p = {p:G4} (99 surrogates, seed 2)"), output, StringComparison.Ordinal);

        // Too few trials for the surrogates asked (4 trials: 9 derangements), one trial, rows that do not divide.
        (code, _, error) = Run("te", file, "--source", "x", "--target", "y", "--trials", "4", "--surrogates", "10", "--null", "trials");
        Assert.NotEqual(0, code);
        Assert.Contains("--surrogates", error, StringComparison.Ordinal);
        Assert.Contains("only 9 distinct ways", error, StringComparison.Ordinal);
        (code, _, error) = Run("te", file, "--source", "x", "--target", "y", "--surrogates", "1", "--null", "trials");
        Assert.NotEqual(0, code);
        Assert.Contains("--trials", error, StringComparison.Ordinal);
        (code, _, error) = Run("te", file, "--source", "x", "--target", "y", "--trials", "3", "--surrogates", "1", "--null", "trials");
        Assert.NotEqual(0, code);
        Assert.Contains("--trials 3 must divide the 800 rows", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Network_OnASimulatedVar_ListsTheTrueLinks()
    {
        SampleMatrix data = NetworkInferenceTests.Var(5, NetworkInferenceTests.FiveNodeLinks, 0.3, 1000, seed: 1);
        string file = Write("var.csv", ["a", "b", "c", "d", "e"], (t, j) => data[t, j], 1000);
        (int code, string output, string error) = Run("network", file, "--max-lag", "2", "--analytic", "--alpha", "0.01", "--format", "csv");
        Assert.True(code == 0, error);
        string[] lines = output.Trim().Split('\n');
        Assert.Equal("source,target,lag,cmi_nats,p", lines[0]);
        string[] names = ["a", "b", "c", "d", "e"];
        Assert.Equal(NetworkInferenceTests.FiveNodeLinks.Select(l => $"{names[l.Source]}->{names[l.Target]}@{l.Lag}").Order(),
            lines.Skip(1).Select(l => l.Split(',')).Select(f => $"{f[0]}->{f[1]}@{f[2]}").Order());

        (code, output, error) = Run("network", file, "--max-lag", "2", "--surrogates", "100", "--alpha", "0.01", "--seed", "7", "--format", "json");
        Assert.True(code == 0, error);
        using JsonDocument json = JsonDocument.Parse(output);
        Assert.Equal(NetworkInferenceTests.FiveNodeLinks.Length, json.RootElement.GetProperty("links").GetArrayLength());
        Assert.Equal(5, json.RootElement.GetProperty("targets").GetArrayLength());

        (code, output, error) = Run("network", file, "--columns", "a,b", "--max-lag", "1", "--analytic");
        Assert.True(code == 0, error);
        Assert.Contains("network of 2 processes: 1 link (", output, StringComparison.Ordinal);
        Assert.Contains("a            b               1", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Ordinal_MonotoneSeries_HasZeroPermutationEntropy()
    {
        // One pattern only: PE = 0 (Bandt & Pompe 2002) and so C_JS = Q·H = 0.
        string file = Write("ramp.csv", ["c"], (t, _) => t * 0.5, 200);
        (int code, string output, string error) = Run("ordinal", file, "--column", "c", "--d", "4");
        Assert.True(code == 0, error);
        Assert.Equal(0, Value(output, "PE"), 1e-12);
        Assert.Equal(0, Value(output, "complexity C_JS"), 1e-12);
    }

    [Fact]
    public void Ordinal_Variants_OnKnownSeries()
    {
        // A ramp has one pattern: weighted, Rényi and every scale's PE are 0 (Fadlallah et al. 2013; Zunino et al. 2008).
        string ramp = Write("ramp2.csv", ["c"], (t, _) => t * 0.5, 200);
        (int code, string output, string error) = Run("ordinal", ramp, "--column", "c", "--d", "3", "--weighted", "--q", "2", "--scales", "3", "--unit", "nats");
        Assert.True(code == 0, error);
        Assert.Equal(0, Value(output, "weighted PE"), 1e-12);
        Assert.Equal(0, Value(output, "Renyi PE"), 1e-12);
        Assert.Equal(0, Value(output, "Renyi complexity"), 1e-12);
        Assert.Contains("multiscale PE:", output, StringComparison.Ordinal);
        for (int s = 1; s <= 3; s++)
        {
            Assert.Equal(0, Value(output, $"scale {s}"), 1e-12);
        }

        // Rises and falls alternate: at d = 2 the two patterns are equally frequent, R_q = ln 2 for every q and the
        // normalised Tsallis entropy is 1 with zero complexity.
        string zigzag = Write("zigzag.csv", ["c"], (t, _) => t % 2, 101);
        (code, output, error) = Run("ordinal", zigzag, "--column", "c", "--d", "2", "--q", "3", "--unit", "nats");
        Assert.True(code == 0, error);
        Assert.Equal(Math.Log(2), Value(output, "Renyi PE"), 1e-6);
        (code, output, error) = Run("ordinal", zigzag, "--column", "c", "--d", "2", "--q", "0.5", "--family", "tsallis");
        Assert.True(code == 0, error);
        Assert.Equal(1, Value(output, "Tsallis normalized PE"), 1e-6);
        Assert.Equal(0, Value(output, "Tsallis complexity"), 1e-6);

        // On a noisy series the printed values are the library's (six decimals).
        var random = new Random(3);
        double[] x = [.. Enumerable.Range(0, 3000).Select(t => Math.Sin(0.2 * t) + random.NextDouble())];
        string noisy = Write("noisy.csv", ["c"], (t, _) => x[t], x.Length);
        (code, output, error) = Run("ordinal", noisy, "--column", "c", "--d", "4", "--weighted", "--scales", "4", "--refined", "--unit", "nats");
        Assert.True(code == 0, error);
        Assert.Equal(InfoTheory.TimeSeries.OrdinalPatterns.WeightedPermutationEntropy(x, 4).Nats, Value(output, "weighted PE"), 1e-6);
        Assert.Equal(InfoTheory.TimeSeries.OrdinalPatterns.WeightedStatisticalComplexity(x, 4).Complexity, Value(output, "weighted C_JS"), 1e-6);
        Assert.Contains("refined composite multiscale PE:", output, StringComparison.Ordinal);
        Information[] rc = InfoTheory.TimeSeries.OrdinalPatterns.RefinedCompositeMultiscalePermutationEntropy(x, 4, 4);
        for (int s = 1; s <= 4; s++)
        {
            Assert.Equal(rc[s - 1].Nats, Value(output, $"scale {s}"), 1e-6);
        }
    }

    [Fact]
    public void Errors_AreClearAndExitWithTwo()
    {
        string file = Write("e.csv", ["x", "y"], (t, j) => Math.Sin(t * (j + 1.3)), 100);
        (int code, _, string error) = Run("te", file, "--source", "x", "--target", "nope");
        Assert.Equal(2, code);
        Assert.Contains("nope", error, StringComparison.Ordinal);
        (code, _, error) = Run("te", file, "--source", "x", "--target", "y", "--estimator", "ksg", "--analytic");
        Assert.Equal(2, code);
        Assert.Contains("--analytic needs --estimator gaussian", error, StringComparison.Ordinal);
        (code, _, error) = Run("te", file, "--source", "x", "--target", "y", "--history", "0");
        Assert.Equal(2, code);
        Assert.Contains("--history must be at least 1", error, StringComparison.Ordinal);
        (code, _, error) = Run("network", file, "--max-lag", "0");
        Assert.Equal(2, code);
        Assert.Contains("--max-lag must be at least 1", error, StringComparison.Ordinal);
        (code, _, error) = Run("network", file, "--alpha", "1.5");
        Assert.Equal(2, code);
        Assert.Contains("--alpha", error, StringComparison.Ordinal);
        (code, _, error) = Run("network", file, "--max-lag", "60");
        Assert.Equal(2, code);
        Assert.Contains("too short", error, StringComparison.Ordinal);
        (code, _, error) = Run("ordinal", file, "--column", "x", "--d", "1");
        Assert.Equal(2, code);
        Assert.Contains("--d must be between 2", error, StringComparison.Ordinal);
        (code, _, error) = Run("ordinal", file, "--column", "x", "--missing", "drop");
        Assert.Equal(2, code);
        Assert.Contains("cannot skip rows", error, StringComparison.Ordinal);
        (code, _, error) = Run("ordinal", file, "--column", "x", "--q", "0");
        Assert.Equal(2, code);
        Assert.Contains("--q must be finite and greater than 0", error, StringComparison.Ordinal);
        (code, _, error) = Run("ordinal", file, "--column", "x", "--family", "tsallis");
        Assert.Equal(2, code);
        Assert.Contains("--family needs --q", error, StringComparison.Ordinal);
        (code, _, error) = Run("ordinal", file, "--column", "x", "--refined");
        Assert.Equal(2, code);
        Assert.Contains("--refined needs --scales", error, StringComparison.Ordinal);
        (code, _, error) = Run("ordinal", file, "--column", "x", "--scales", "0");
        Assert.Equal(2, code);
        Assert.Contains("--scales must be at least 1", error, StringComparison.Ordinal);
        (code, _, error) = Run("ordinal", file, "--column", "x", "--d", "5", "--scales", "30");
        Assert.Equal(2, code);
        Assert.Contains("block means are fewer than one window", error, StringComparison.Ordinal);
    }
}
