using System.Globalization;
using System.Text;

namespace InfoTheory.Tests.Cli;

/// <summary>The multi, oinfo and pid commands on small files whose answers are known in closed form.</summary>
public sealed class MultivariateCliTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("infotheory-multi-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static (int ExitCode, string Output, string Error) Run(params string[] args) => CliProcess.Run(args);

    /// <summary>Every (a, b) pair equally often, with t = a XOR b: the exact XOR distribution as a sample.</summary>
    private string XorFile()
    {
        var text = new StringBuilder("a,b,t\n");
        for (int r = 0; r < 25; r++)
        {
            text.Append("0,0,0\n0,1,1\n1,0,1\n1,1,0\n");
        }

        string path = Path.Combine(_directory, "xor.csv");
        File.WriteAllText(path, text.ToString());
        return path;
    }

    private static double Value(string output, string label) => CliProcess.Value(output, label);

    [Fact]
    public void Multi_OnXor_GivesTheClosedForms()
    {
        (int code, string output, string error) = Run("multi", XorFile());
        Assert.True(code == 0, error);
        Assert.Equal(1, Value(output, "TC"), 1e-6);
        Assert.Equal(2, Value(output, "DTC"), 1e-6);
        Assert.Equal(-1, Value(output, "O "), 1e-6);
        Assert.Contains("estimator plugin, chosen because every column looks discrete", output, StringComparison.Ordinal);
        Assert.Contains("columns: a (#0), b (#1), t (#2)", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("broja", 0, 1)]
    [InlineData("mmi", 0, 1)]
    [InlineData("ccs", 0, 1)]
    public void Pid_OnXor_IsPureSynergy(string measure, double redundancy, double synergy)
    {
        (int code, string output, string error) = Run("pid", XorFile(), "--sources", "a,b", "--target", "t", "--measure", measure);
        Assert.True(code == 0, error);
        Assert.Equal(redundancy, Value(output, "{1}{2}"), 1e-6);
        Assert.Equal(synergy, Value(output, "{12}"), 1e-6);
    }

    [Fact]
    public void Pid_BadSources_AreClearErrors()
    {
        string file = XorFile();
        (int code, _, string error) = Run("pid", file, "--sources", "a", "--target", "t");
        Assert.Equal(2, code);
        Assert.Contains("2 to 2 sources", error, StringComparison.Ordinal);
        (code, _, error) = Run("pid", file, "--sources", "a,t", "--target", "t");
        Assert.Equal(2, code);
        Assert.Contains("different columns", error, StringComparison.Ordinal);
    }

    [Fact]
    public void OInfo_FindsThePlantedRedundantTriplet_AndRejectsBadOrders()
    {
        // x0 = x1 = x2 up to a small exact perturbation: the most redundant triplet of four columns; n3 is independent.
        var text = new StringBuilder("x0,x1,x2,n3\n");
        var random = new Random(3);
        for (int i = 0; i < 300; i++)
        {
            double f = random.NextDouble();
            text.Append(CultureInfo.InvariantCulture, $"{f + (0.1 * random.NextDouble())},{f + (0.1 * random.NextDouble())},{f + (0.1 * random.NextDouble())},{random.NextDouble()}\n");
        }

        string path = Path.Combine(_directory, "planted.csv");
        File.WriteAllText(path, text.ToString());
        (int code, string output, string error) = Run("oinfo", path, "--top", "1");
        Assert.True(code == 0, error);
        string[] lines = output.Split('\n');
        int redundant = Array.FindIndex(lines, l => l.StartsWith("most redundant", StringComparison.Ordinal));
        Assert.EndsWith("x0, x1, x2", lines[redundant + 1].TrimEnd(), StringComparison.Ordinal);
        Assert.Contains("4 multiplets scored", output, StringComparison.Ordinal);

        (code, _, error) = Run("oinfo", path, "--order", "2");
        Assert.Equal(2, code);
        Assert.Contains("--order", error, StringComparison.Ordinal);
        (code, _, error) = Run("oinfo", path, "--order", "5");
        Assert.Equal(2, code);
        Assert.Contains("at least 5", error, StringComparison.Ordinal);
    }
}
