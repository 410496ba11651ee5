using System.Diagnostics;

namespace InfoTheory.Tests.Cli;

/// <summary>The infotheory command line, run as a process exactly as a user runs it.</summary>
public sealed class CliTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("infotheory-cli-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        string dll = Path.Combine(AppContext.BaseDirectory, "InfoTheory.Cli.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(dll);
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using Process process = Process.Start(start)!;
        string output = process.StandardOutput.ReadToEnd();
        string error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output, error);
    }

    private string WriteCsv(string content)
    {
        string path = Path.Combine(_directory, "data.csv");
        File.WriteAllText(path, content);
        return path;
    }

    [Fact]
    public void Examples_PrintsKnownValues()
    {
        (int code, string output, _) = Run("examples");
        Assert.Equal(0, code);
        Assert.Contains("fair die", output, StringComparison.Ordinal);
        Assert.Contains("2.584963", output, StringComparison.Ordinal); // log2 6
        Assert.Contains("0.531004", output, StringComparison.Ordinal); // 1 − H_b(0.1)
    }

    [Fact]
    public void Entropy_OfProbabilities_AndOfACsvColumn()
    {
        Assert.Equal("1.500000 bits", Run("entropy", "0.5", "0.25", "0.25").Output.Trim());
        string csv = WriteCsv("colour,size\nred,1\nblue,2\nred,1\n\"green, pale\",2\n");
        (int code, string output, _) = Run("entropy", "--csv", csv, "--column", "colour", "--unit", "nats");
        Assert.Equal(0, code);
        // Counts (2, 1, 1) of 4: H = 1.5 ln 2 = 1.039721 nats.
        Assert.Contains("1.039721 nats", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Mi_BetweenColumns_WithPermutationTest()
    {
        string csv = WriteCsv("x,y,z\n" + string.Concat(Enumerable.Range(0, 40).Select(i => $"{i % 4},{i % 4},{i % 2}\n")));
        (int code, string output, _) = Run("mi", "--csv", csv, "--x", "x", "--y", "y", "--permutations", "99");
        Assert.Equal(0, code);
        Assert.Contains("I(X;Y) = 2.000000 bits", output, StringComparison.Ordinal); // Y = X uniform on 4
        Assert.Contains("p = 0.01 ", output, StringComparison.Ordinal); // the smallest attainable p with 99 shuffles
        (code, output, _) = Run("mi", "--csv", csv, "--x", "x", "--y", "y", "--z", "z");
        Assert.Equal(0, code);
        Assert.Contains("I(X;Y|Z) = 1.000000 bits", output, StringComparison.Ordinal); // given z, x is uniform on 2
    }

    [Fact]
    public void Entropy_EveryEstimatorName_Runs()
    {
        string csv = WriteCsv("c\n" + string.Concat(Enumerable.Range(0, 30).Select(i => $"{i * i % 7}\n")));
        foreach (string name in new[] { "plugin", "miller-madow", "grassberger", "chao-shen", "james-stein", "nsb", "jackknife", "jeffreys", "laplace", "perks", "minimax" })
        {
            (int code, string output, string error) = Run("entropy", "--csv", csv, "--column", "c", "--estimator", name);
            Assert.True(code == 0, $"{name}: {error}");
            Assert.Contains($"estimator {name}", output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Entropy_AlphabetOption_ReachesKAwareEstimators()
    {
        // Jeffreys posterior mean with K = 2 vs K = 50 on the same two observed values: a larger K means
        // more unseen mass, so a larger estimate; an alphabet smaller than the distinct values is an error.
        string csv = WriteCsv("c\na\nb\na\n");
        string small = Run("entropy", "--csv", csv, "--column", "c", "-e", "jeffreys", "--alphabet", "2").Output;
        string large = Run("entropy", "--csv", csv, "--column", "c", "-e", "jeffreys", "--alphabet", "50").Output;
        double Bits(string line) => double.Parse(line.Split('=')[1].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(Bits(large) > Bits(small));
        (int code, _, string error) = Run("entropy", "--csv", csv, "--column", "c", "--alphabet", "1");
        Assert.Equal(2, code);
        Assert.Contains("smaller than the 2 distinct values", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Errors_AreOneLineWithExitCode2()
    {
        string csv = WriteCsv("a,b\n1,2\n");
        (int code, _, string error) = Run("mi", "--csv", csv, "--x", "a", "--y", "nope");
        Assert.Equal(2, code);
        Assert.Contains("column 'nope' not found; the columns are: a, b", error, StringComparison.Ordinal);
        (code, _, error) = Run("mi", "--csv", Path.Combine(_directory, "missing.csv"), "--x", "a", "--y", "b");
        Assert.Equal(2, code);
        Assert.Contains("not found", error, StringComparison.Ordinal);
        (code, _, error) = Run("entropy", "0.5", "0.6");
        Assert.Equal(2, code);
        Assert.Contains("sums to 1.1", error, StringComparison.Ordinal);
        File.WriteAllText(csv, "a,b\n1,2,3\n");
        (code, _, error) = Run("entropy", "--csv", csv, "--column", "a");
        Assert.Equal(2, code);
        Assert.Contains("line 2: 3 fields but the header has 2", error, StringComparison.Ordinal);
    }
}
