using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using InfoTheory.Tests.Selection;

namespace InfoTheory.Tests.Cli;

/// <summary>The rank and matrix commands on small files whose answers are known in closed form.</summary>
public sealed class SelectionCliTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("infotheory-selection-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static (int ExitCode, string Output, string Error) Run(params string[] args) => CliProcess.Run(args);

    private string Write(string name, string content)
    {
        string path = Path.Combine(_directory, name);
        File.WriteAllText(path, content);
        return path;
    }

    /// <summary>Every (a, b) pair equally often; copy = a, t = a XOR b, label = a as a word.</summary>
    private string XorFile()
    {
        var text = new StringBuilder("a,b,copy,label,t\n");
        for (int r = 0; r < 25; r++)
        {
            text.Append("0,0,0,off,0\n0,1,0,off,1\n1,0,1,on,1\n1,1,1,on,0\n");
        }

        return Write("xor.csv", text.ToString());
    }

    /// <summary>n = 2000 rows of a one-factor Gaussian: x = 0.8 y + 0.6 e, noise independent; I(x; y) = −½ log₂(1 − 0.64) bits.</summary>
    private string GaussianFile()
    {
        double[] y = SelectionTestData.Normals(2000, 1), e = SelectionTestData.Normals(2000, 2), noise = SelectionTestData.Normals(2000, 3);
        var text = new StringBuilder("x,noise,y\n");
        for (int i = 0; i < y.Length; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{(0.8 * y[i]) + (0.6 * e[i]):R},{noise[i]:R},{y[i]:R}\n");
        }

        return Write("gauss.csv", text.ToString());
    }

    private static string[][] Csv(string output) => [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r').Split(','))];

    [Fact]
    public void Rank_DiscreteColumns_PlugInBitsAndEcho()
    {
        // t = a XOR b: I(a; t) = I(b; t) = I(copy; t) = 0 and I(label; t) = 0; against target a instead: I(copy; a) = I(label; a) = 1 bit.
        (int code, string output, string error) = Run("rank", XorFile(), "--target", "a", "--format", "csv");
        Assert.True(code == 0, error);
        string[][] rows = Csv(output);
        Assert.Equal(["rank", "column", "position", "kind", "estimator", "mi_bits"], rows[0]);
        var byName = rows.Skip(1).ToDictionary(r => r[1], r => double.Parse(r[5], CultureInfo.InvariantCulture));
        Assert.Equal(1, byName["copy"], 1e-9);
        Assert.Equal(1, byName["label"], 1e-9);
        Assert.Equal(0, byName["b"], 1e-9);
        Assert.Equal(0, byName["t"], 1e-9);
        Assert.All(rows.Skip(1), r => Assert.Equal("DiscreteMutualInformation", r[4]));
        Assert.Contains("target: a (#0), discrete", error, StringComparison.Ordinal);
        Assert.Contains("label (discrete)", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("jmi")]
    [InlineData("cmim")]
    public void Rank_Select_XorPicksThePartnerNotTheCopy(string criterion)
    {
        // Relevances are all 0, so step 1 takes the first column (a); step 2: b scores 0 − (0 − 1) = 1 bit, copy 0 − (1 − 1) = 0.
        (int code, string output, string error) = Run("rank", XorFile(), "--target", "t", "--columns", "a,copy,b", "--select", criterion, "--top", "2", "--format", "json");
        Assert.True(code == 0, error);
        using JsonDocument json = JsonDocument.Parse(output);
        JsonElement[] steps = [.. json.RootElement.GetProperty("selected").EnumerateArray()];
        Assert.Equal("a", steps[0].GetProperty("column").GetString());
        Assert.Equal("b", steps[1].GetProperty("column").GetString());
        Assert.Equal(1, steps[1].GetProperty("score_bits").GetDouble(), 1e-9);
        Assert.Contains("criterion " + (criterion == "jmi" ? "Jmi" : "Cmim"), error, StringComparison.Ordinal);
    }

    [Fact]
    public void Rank_ContinuousTarget_KsgByDefaultCopulaOnRequest()
    {
        // Closed form: −½ log₂(1 − 0.8²) = 0.737 bits. KSG at n = 2000 has a standard deviation of about 0.02 nats
        // (0.03 bits); 0.1 bits is three of those plus the bias. The independent column scores within 0.06 bits of 0.
        string file = GaussianFile();
        double truth = -0.5 * Math.Log2(1 - 0.64);
        (int code, string output, string error) = Run("rank", file, "--target", "y", "--format", "csv");
        Assert.True(code == 0, error);
        string[][] rows = Csv(output);
        Assert.Equal("x", rows[1][1]);
        Assert.Equal("KsgMutualInformation", rows[1][4]);
        Assert.Equal(truth, double.Parse(rows[1][5], CultureInfo.InvariantCulture), 0.1);
        Assert.True(Math.Abs(double.Parse(rows[2][5], CultureInfo.InvariantCulture)) < 0.06);
        Assert.Contains("target: y (#2), continuous", error, StringComparison.Ordinal);

        (code, output, error) = Run("rank", file, "--target", "#2", "--estimator", "copula", "--unit", "nats");
        Assert.True(code == 0, error);
        Assert.Contains("GaussianCopulaMutualInformation", output, StringComparison.Ordinal);
        Assert.Contains("mi_nats", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Rank_KindOverrides_AndGzipWithoutHeader()
    {
        // 40 distinct integers look continuous (more than 32); --discrete makes the column discrete and the pair discrete/discrete.
        var text = new StringBuilder();
        for (int i = 0; i < 400; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{i % 40}\t{i % 2}\n");
        }

        string path = Path.Combine(_directory, "data.tsv.gz");
        using (var file = File.Create(path))
        using (var gzip = new GZipStream(file, CompressionLevel.Fastest))
        using (var writer = new StreamWriter(gzip))
        {
            writer.Write(text.ToString());
        }

        (int code, string output, string error) = Run("rank", path, "--target", "#1", "--no-header", "--delimiter", "tab");
        Assert.True(code == 0, error);
        Assert.Contains("continuous  RossMutualInformation", output, StringComparison.Ordinal);
        (code, output, error) = Run("rank", path, "--target", "#1", "--no-header", "--delimiter", "tab", "--discrete", "#0", "--format", "csv");
        Assert.True(code == 0, error);
        string[] row = Csv(output)[1];
        // The parity is a function of i mod 40: I = H(parity) = 1 bit.
        Assert.Equal(["1", "#0", "#0", "discrete", "DiscreteMutualInformation"], row[..5]);
        Assert.Equal(1, double.Parse(row[5], CultureInfo.InvariantCulture), 1e-9);
    }

    [Fact]
    public void Matrix_GaussianCsv_SymmetricWithInfiniteDiagonalAndClosedForm()
    {
        // Copula MI of x and y at n = 2000: standard deviation about |r|/√n ≈ 0.02 nats (0.03 bits); 0.1 bits of tolerance.
        (int code, string output, string error) = Run("matrix", GaussianFile(), "--format", "csv");
        Assert.True(code == 0, error);
        string[][] rows = Csv(output);
        Assert.Equal(["", "x", "noise", "y"], rows[0]);
        for (int i = 1; i <= 3; i++)
        {
            Assert.Equal("inf", rows[i][i]);
            for (int j = 1; j <= 3; j++)
            {
                Assert.Equal(rows[i][j], rows[j][i]);
            }
        }

        Assert.Equal(-0.5 * Math.Log2(1 - 0.64), double.Parse(rows[1][3], CultureInfo.InvariantCulture), 0.1);
        Assert.Contains("estimator copula, chosen because every column looks continuous", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Matrix_DiscreteJsonNormalized_PlugInAuto()
    {
        // a, copy: identical, normalised MI 1; a and t independent: 0; the diagonal is 1.
        (int code, string output, string error) = Run("matrix", XorFile(), "--columns", "a,copy,t", "--normalize", "--format", "json");
        Assert.True(code == 0, error);
        using JsonDocument json = JsonDocument.Parse(output);
        Assert.Equal("PlugIn", json.RootElement.GetProperty("estimator").GetString());
        JsonElement[] values = [.. json.RootElement.GetProperty("values").EnumerateArray()];
        Assert.Equal(1, values[0][1].GetDouble(), 1e-9);
        Assert.Equal(0, values[0][2].GetDouble(), 1e-9);
        Assert.Equal(1, values[2][2].GetDouble(), 1e-9);
        Assert.Contains("estimator plugin, chosen because every column looks discrete", error, StringComparison.Ordinal);

        (code, output, error) = Run("matrix", XorFile(), "--columns", "a,b", "--unit", "bits");
        Assert.True(code == 0, error);
        Assert.Contains("diagonal: the entropy H(X_i)", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Errors_AreOneLineWithExitCode2()
    {
        string xor = XorFile();
        (int code, _, string error) = Run("rank", xor, "--target", "t", "--columns", "a,t");
        Assert.Equal(2, code);
        Assert.Contains("the target 't' is also a feature", error, StringComparison.Ordinal);
        (code, _, error) = Run("rank", xor, "--target", "t", "--select", "mrmr", "--top", "9");
        Assert.Equal(2, code);
        Assert.Contains("--top 9 is more than the 4 feature columns", error, StringComparison.Ordinal);
        (code, _, error) = Run("rank", xor, "--target", "t", "--continuous", "label");
        Assert.Equal(2, code);
        Assert.Contains("column 'label' holds 'off', not a number", error, StringComparison.Ordinal);
        (code, _, error) = Run("rank", xor, "--target", "t", "--discrete", "a", "--continuous", "a");
        Assert.Equal(2, code);
        Assert.Contains("named in both --discrete and --continuous", error, StringComparison.Ordinal);
        (code, _, error) = Run("matrix", xor, "--estimator", "copula", "--k", "4");
        Assert.Equal(2, code);
        Assert.Contains("--k applies to the ksg estimator", error, StringComparison.Ordinal);
        (code, _, error) = Run("matrix", xor, "--columns", "nope,a");
        Assert.Equal(2, code);
        Assert.Contains("column 'nope' not found", error, StringComparison.Ordinal);
    }
}
