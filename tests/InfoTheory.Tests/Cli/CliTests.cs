using InfoTheory.Continuous;
using InfoTheory.Testing;

namespace InfoTheory.Tests.Cli;

/// <summary>The infotheory command line, run as a process exactly as a user runs it.</summary>
public sealed class CliTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("infotheory-cli-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static (int ExitCode, string Output, string Error) Run(params string[] args) => CliProcess.Run(args);

    private string WriteCsv(string content)
    {
        string path = Path.Combine(_directory, "data.csv");
        File.WriteAllText(path, content);
        return path;
    }

    [Fact]
    public void Help_UsageLinesNameTheToolCommand()
    {
        (int code, string output, _) = Run("--help");
        Assert.Equal(0, code);
        Assert.Contains("infotheory [command] [options]", output, StringComparison.Ordinal);
        (code, output, _) = Run("mi", "--help");
        Assert.Equal(0, code);
        Assert.Contains("infotheory mi", output, StringComparison.Ordinal);
        Assert.DoesNotContain("InfoTheory.Cli", output, StringComparison.Ordinal);
        (code, output, _) = Run("--version");
        Assert.Equal(0, code);
        Assert.StartsWith("0.", output, StringComparison.Ordinal);
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
        Assert.Contains("estimator plugin", output, StringComparison.Ordinal); // every column holds a few integers
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

    [Fact]
    public void Mi_ContinuousColumns_GaussianAndKsg()
    {
        // y = 0.8 x + 0.6 e with x, e standard normal: ρ = 0.8, I = −½ ln(1 − 0.64) = 0.5108 nats (closed form).
        // At n = 2000 the Gaussian estimate's standard error is ρ/√n ≈ 0.018 nats (delta method: dI/dρ = ρ/(1 − ρ²),
        // sd(ρ̂) ≈ (1 − ρ²)/√n); KSG adds its own spread and bias (≈ 0.02 each), so 0.08 nats fails only when wrong.
        var random = new Random(4);
        var lines = new System.Text.StringBuilder("x,noise,y\n");
        for (int i = 0; i < 2000; i++)
        {
            double x = MathNet.Numerics.Distributions.Normal.Sample(random, 0, 1);
            double e = MathNet.Numerics.Distributions.Normal.Sample(random, 0, 1);
            double u = MathNet.Numerics.Distributions.Normal.Sample(random, 0, 1);
            lines.Append(System.Globalization.CultureInfo.InvariantCulture, $"{x:R},{u:R},{(0.8 * x) + (0.6 * e):R}\n");
        }

        string csv = WriteCsv(lines.ToString());
        double Nats(string output) => double.Parse(output.Split('=')[1].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
        foreach (string estimator in new[] { "gaussian", "ksg", "hybrid", "copula" })
        {
            (int code, string output, string error) = Run("mi", csv, "--x", "x", "--y", "y", "-e", estimator, "--unit", "nats");
            Assert.True(code == 0, error);
            Assert.InRange(Nats(output), 0.5108 - 0.08, 0.5108 + 0.08);
        }

        // A joint X of two columns (x and independent noise) carries the same information about y.
        (int c2, string both, _) = Run("mi", csv, "--x", "x,noise", "--y", "y", "-e", "gaussian", "--unit", "nats", "--permutations", "19");
        Assert.Equal(0, c2);
        Assert.Contains("dx = 2", both, StringComparison.Ordinal);
        Assert.InRange(Nats(both), 0.5108 - 0.08, 0.5108 + 0.08);
        Assert.Contains("p = 0.05 ", both, StringComparison.Ordinal); // 1/(1 + 19): no shuffle reaches 0.5 nats

        // Conditioning y on itself through z leaves nothing: I(X;Y|Y) = 0 for the Gaussian estimator up to rounding.
        (int c3, string conditional, string e3) = Run("mi", csv, "--x", "x", "--y", "noise", "--z", "y", "-e", "gaussian", "--unit", "nats");
        Assert.True(c3 == 0, e3);
        Assert.InRange(Nats(conditional), -0.01, 0.01);
    }

    [Fact]
    public void Mi_DefaultEstimator_FollowsTheColumnKinds_AndSaysSo()
    {
        // g1, g2: a Gaussian pair with ρ = 0.6 (I = −½ ln 0.64 = 0.2231 nats); label: 0/1 with u uniform on [label, label + 1),
        // so the supports are disjoint and I(label; u) = H(label) = ln 2 nats; z: independent Gaussian noise.
        var random = new Random(7);
        var lines = new System.Text.StringBuilder("g1,g2,label,u,z\n");
        for (int i = 0; i < 2000; i++)
        {
            double a = Normal(random), b = Normal(random), z = Normal(random);
            int label = random.Next(2);
            lines.Append(System.Globalization.CultureInfo.InvariantCulture, $"{a:R},{(0.6 * a) + (0.8 * b):R},{label},{label + random.NextDouble():R},{z:R}\n");
        }

        string csv = WriteCsv(lines.ToString());
        double Nats(string output) => double.Parse(output.Split('=')[1].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);

        // Continuous pair: the hybrid; 0.06 nats is about 3 sd of its spread at n = 2000 (docs/continuous-estimation.md).
        (int code, string output, string error) = Run("mi", csv, "--x", "g1", "--y", "g2", "--unit", "nats");
        Assert.True(code == 0, error);
        Assert.Contains("estimator hybrid", output, StringComparison.Ordinal);
        Assert.Contains("estimator chosen automatically: every column looks continuous", output, StringComparison.Ordinal);
        Assert.InRange(Nats(output), 0.2231 - 0.06, 0.2231 + 0.06);

        // Discrete label against a continuous column, either way round: Ross. Disjoint supports leave only the k-NN
        // boundary effects at the two ends of each interval; 0.05 nats covers them at n = 2000.
        foreach (string[] pair in new[] { new[] { "label", "u" }, new[] { "u", "label" } })
        {
            (code, output, error) = Run("mi", csv, "--x", pair[0], "--y", pair[1], "--unit", "nats");
            Assert.True(code == 0, error);
            Assert.Contains("estimator ross", output, StringComparison.Ordinal);
            Assert.InRange(Nats(output), Math.Log(2) - 0.05, Math.Log(2) + 0.05);
        }

        // Conditional MI of continuous columns: KSG (Frenzel-Pompe); z is independent of both, so I(g1;g2|z) = I(g1;g2).
        (code, output, error) = Run("mi", csv, "--x", "g1", "--y", "g2", "--z", "z", "--unit", "nats");
        Assert.True(code == 0, error);
        Assert.Contains("estimator ksg", output, StringComparison.Ordinal);
        Assert.InRange(Nats(output), 0.2231 - 0.06, 0.2231 + 0.06);

        // A variable that mixes kinds has no automatic choice: a one-line error that names the columns of each kind.
        (code, _, error) = Run("mi", csv, "--x", "g1,label", "--y", "g2");
        Assert.Equal(2, code);
        Assert.Contains("mix discrete (label) and continuous (g1, g2)", error, StringComparison.Ordinal);

        // Named, ross needs one discrete and one continuous variable.
        (code, _, error) = Run("mi", csv, "--x", "g1", "--y", "g2", "-e", "ross");
        Assert.Equal(2, code);
        Assert.Contains("both look continuous", error, StringComparison.Ordinal);

        // Ross has no conditional form: refused before the file is read.
        (code, _, error) = Run("mi", csv, "--x", "label", "--y", "u", "--z", "z", "-e", "ross");
        Assert.Equal(2, code);
        Assert.Contains("no conditional form", error, StringComparison.Ordinal);
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    [Fact]
    public void Mi_ContinuousEstimator_NonNumericField_IsOneLineError()
    {
        string csv = WriteCsv("a,b\n1,2\n3,x\n5,6\n");
        (int code, _, string error) = Run("mi", csv, "--x", "a", "--y", "b", "-e", "ksg");
        Assert.Equal(2, code);
        Assert.Contains("line 3, column 'b': 'x' is not a finite number", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_SmallRun_ReportsEveryEstimatorAgainstTheTruth()
    {
        (int code, string output, string error) = Run("validate", "--n", "400", "--tasks", "normal-1x1-rho0.6", "--estimators", "gaussian,ksg", "--format", "csv");
        Assert.True(code == 0, error);
        string[] rows = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("task,n,replicate,dx,dy,true_mi_nats,estimator,estimate_nats,error_nats,standard_error_nats,seconds", rows[0]);
        Assert.Equal(3, rows.Length);
        foreach (string row in rows[1..])
        {
            string[] f = row.Split(',');
            Assert.Equal("normal-1x1-rho0.6", f[0]);
            Assert.Equal("0", f[2]);
            Assert.Equal("", f[9]); // neither estimator reports a standard error
            double truth = double.Parse(f[5], System.Globalization.CultureInfo.InvariantCulture);
            double estimate = double.Parse(f[7], System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(-0.5 * Math.Log(1 - 0.36), truth, 12); // ρ = 0.6
            Assert.InRange(estimate, truth - 0.1, truth + 0.1);   // n = 400: spread ≈ 0.03–0.04 nats
        }

        (code, output, _) = Run("validate", "--n", "300", "--tasks", "uniform-noise", "--estimators", "gaussian");
        Assert.Equal(0, code);
        Assert.Contains("| uniform-noise-eps0.1 | 1×1 | 1.709 |", output, StringComparison.Ordinal);
        Assert.Contains("mean absolute error", output, StringComparison.Ordinal);

        (code, _, error) = Run("validate", "--estimators", "nope");
        Assert.Equal(2, code);
        Assert.Contains("unknown estimator 'nope'", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_TrainedCritics_RunOnlyWhenNamed()
    {
        // The default run leaves the trained critics out (seconds per estimate) ...
        (int code, string output, string error) = Run("validate", "--n", "300", "--tasks", "normal-1x1-rho0.6", "--format", "csv");
        Assert.True(code == 0, error);
        Assert.DoesNotContain("neural-", output, StringComparison.Ordinal);

        // ... and runs one when --estimators names it, with its held-out standard error.
        (code, output, error) = Run("validate", "--n", "400", "--tasks", "normal-1x1-rho0.6", "--estimators", "neural-infonce", "--format", "csv");
        Assert.True(code == 0, error);
        string[] f = output.Split('\n', StringSplitOptions.RemoveEmptyEntries)[1].Split(',');
        Assert.Equal("neural-infonce", f[6]);
        double truth = double.Parse(f[5], System.Globalization.CultureInfo.InvariantCulture);
        double estimate = double.Parse(f[7], System.Globalization.CultureInfo.InvariantCulture);
        double standardError = double.Parse(f[9], System.Globalization.CultureInfo.InvariantCulture);
        // 200 held-out pairs at I = 0.223: a standard error of ≈ 0.05 nats; a lower bound, so above the truth by no
        // more than 3 SE, and below it by no more than 0.15 (≈ 3 SE plus the critic's gap, ≈ 0.05 at this size).
        Assert.InRange(standardError, 0.01, 0.1);
        Assert.InRange(estimate, truth - 0.15, truth + (3 * standardError));

        (code, output, _) = Run("validate", "--list");
        Assert.Equal(0, code);
        Assert.Contains("neural-mine", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_Replicates_ReportsBiasSpreadAndRmse_FromFreshData()
    {
        // Three replicates draw the data with seeds 0, 1, 2; the Gaussian estimator has no randomness of its own, so each
        // replicate's estimate is the library's estimate on task.Sample(300, r), and the report's bias, spread and RMSE
        // are their mean error, sample standard deviation and root mean square (recomputed here from the library).
        (int code, string output, string error) = Run("validate", "--n", "300", "--replicates", "3", "--tasks", "normal-1x1-rho0.6", "--estimators", "gaussian,hybrid", "--format", "csv");
        Assert.True(code == 0, error);
        string[] rows = output.Split('\n', StringSplitOptions.RemoveEmptyEntries)[1..];
        Assert.Equal(6, rows.Length);
        IMutualInformationTask task = MutualInformationTaskSuite.Get("normal-1x1-rho0.6");
        double[] errors = new double[3];
        for (int r = 0; r < 3; r++)
        {
            (SampleMatrix x, SampleMatrix y) = task.Sample(300, r);
            errors[r] = new GaussianMutualInformation().Estimate(x, y).Nats - task.TrueMutualInformation.Nats;
            string[] gaussian = Field(r, "gaussian");
            Assert.Equal(errors[r], double.Parse(gaussian[8], System.Globalization.CultureInfo.InvariantCulture), 12);
            string[] hybrid = Field(r, "hybrid");
            Assert.True(double.Parse(hybrid[9], System.Globalization.CultureInfo.InvariantCulture) > 0, "the hybrid reports a standard error");
        }

        (code, output, error) = Run("validate", "--n", "300", "--replicates", "3", "--tasks", "normal-1x1-rho0.6", "--estimators", "gaussian,hybrid");
        Assert.True(code == 0, error);
        double bias = errors.Average();
        double spread = Math.Sqrt(errors.Sum(e => (e - bias) * (e - bias)) / 2);
        double rmse = Math.Sqrt(errors.Average(e => e * e));
        string cell = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{(Math.Round(bias, 3) == 0 ? "0.000" : Math.Round(bias, 3).ToString("+0.000;-0.000", System.Globalization.CultureInfo.InvariantCulture))} ± {spread:F3} ({rmse:F3})");
        Assert.Contains($"| normal-1x1-rho0.6 | 1×1 | 0.223 | {cell} |", output, StringComparison.Ordinal);
        Assert.Contains("3 replicates (data seeds 0 … 2)", output, StringComparison.Ordinal);
        Assert.Contains("Standard error of hybrid", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Standard error of gaussian", output, StringComparison.Ordinal);

        (code, _, error) = Run("validate", "--replicates", "0");
        Assert.Equal(2, code);
        Assert.Contains("--replicates must be at least 1, got 0", error, StringComparison.Ordinal);

        // The CSV fields of one replicate and estimator (columns: task, n, replicate, dx, dy, truth, estimator, …).
        string[] Field(int replicate, string estimator) =>
            rows.Select(row => row.Split(',')).Single(f => f[2] == replicate.ToString(System.Globalization.CultureInfo.InvariantCulture) && f[6] == estimator);
    }

    [Fact]
    public void Mi_UsesTheLibraryDefaults_AndPrintsTheSettingsUnderTheResult()
    {
        // The command line must give the bits the API gives with its defaults (same seed, same k).
        var random = new Random(11);
        double[] xs = Enumerable.Range(0, 300).Select(_ => MathNet.Numerics.Distributions.Normal.Sample(random, 0, 1)).ToArray();
        double[] ys = xs.Select(v => v + MathNet.Numerics.Distributions.Normal.Sample(random, 0, 1)).ToArray();
        string csv = WriteCsv("x,y\n" + string.Concat(xs.Zip(ys, (a, b) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{a:R},{b:R}\n"))));
        var cases = new (string Name, Func<double[], double[], Information> Api, string Settings)[]
        {
            ("ksg", (a, b) => new InfoTheory.Continuous.KsgMutualInformation().Estimate(a, b), "KSG algorithm 1, k = 3, scaling Standardize, ties Jitter, seed 0"),
            ("hybrid", (a, b) => new InfoTheory.Continuous.HybridMutualInformation(new InfoTheory.Continuous.KsgMutualInformation { Scaling = InfoTheory.Continuous.SampleScaling.None }).Estimate(a, b), "seed 0"),
            ("mixed", (a, b) => new InfoTheory.Continuous.MixedKsgMutualInformation().Estimate(a, b), "k = 5"),
        };
        foreach ((string name, Func<double[], double[], Information> api, string settings) in cases)
        {
            (int code, string output, string error) = Run("mi", csv, "--x", "x", "--y", "y", "-e", name, "--unit", "nats");
            Assert.True(code == 0, error);
            string[] lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.StartsWith("I(X;Y) = " + api(xs, ys).Nats.ToString("F6", System.Globalization.CultureInfo.InvariantCulture) + " nats", lines[0], StringComparison.Ordinal);
            Assert.Equal("  columns: X: x (#0); Y: y (#1)", lines[1]);
            Assert.StartsWith("  settings: ", lines[2], StringComparison.Ordinal);
            Assert.Contains(settings, lines[2], StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Mi_EmptyFields_AreAnErrorUnlessAPolicyIsChosen()
    {
        // Line 3 is blank, so the empty field is on line 4 of the file as an editor shows it.
        string csv = WriteCsv("a,b\n1,2\n\n4,\n7,8\n1,8\n");
        (int code, string output, string error) = Run("mi", csv, "--x", "a", "--y", "b");
        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Contains("line 4, column 'b': empty field", error, StringComparison.Ordinal);
        (code, output, _) = Run("mi", csv, "--x", "a", "--y", "b", "--missing", "drop");
        Assert.Equal(0, code);
        Assert.Contains("(n = 3,", output, StringComparison.Ordinal);
        Assert.Contains("1 of 4 rows left out for empty fields", output, StringComparison.Ordinal);
        (code, output, _) = Run("mi", csv, "--x", "a", "--y", "b", "--missing", "category");
        Assert.Equal(0, code);
        Assert.Contains("(n = 4,", output, StringComparison.Ordinal);
        (code, _, error) = Run("mi", csv, "--x", "a", "--y", "b", "--missing", "category", "-e", "ksg");
        Assert.Equal(2, code);
        Assert.Contains("--missing category", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Mi_ColumnSelection_DuplicateQuotedAndNumericHeaders()
    {
        string csv = WriteCsv("a,b,a\n1,1,0\n2,2,0\n1,1,1\n2,2,1\n");
        (int code, string output, string error) = Run("mi", csv, "--x", "a", "--y", "b");
        Assert.Equal(2, code);
        Assert.Contains("the header names 2 columns 'a' (positions #0, #2)", error, StringComparison.Ordinal);
        (code, output, _) = Run("mi", csv, "--x", "#0", "--y", "b");
        Assert.Equal(0, code);
        Assert.Contains("I(X;Y) = 1.000000 bits", output, StringComparison.Ordinal); // b = first a, uniform on 2 values

        // A header name with a comma is chosen by quoting it.
        csv = WriteCsv("\"p, q\",r\n1,1\n2,2\n");
        (code, output, error) = Run("mi", csv, "--x", "\"p, q\"", "--y", "r");
        Assert.True(code == 0, error);
        Assert.Contains("X: p, q (#0)", output, StringComparison.Ordinal);

        // A header of numbers (scikit-learn's iris.csv starts "150,4,setosa,…"): "4" is a name and a position.
        csv = WriteCsv("150,4,setosa,versicolor,virginica\n5.1,3.5,1.4,0.2,0\n4.9,3.0,1.4,0.2,1\n");
        (code, _, error) = Run("mi", csv, "--x", "#0", "--y", "4");
        Assert.Equal(2, code);
        Assert.Contains("'4' is both the name of column #1 and the position of column 'virginica'", error, StringComparison.Ordinal);
        (code, output, _) = Run("mi", csv, "--x", "#0", "--y", "#4", "-e", "plugin");
        Assert.Equal(0, code);
        Assert.Contains("Y: virginica (#4)", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Mi_NoHeaderTabsAndGzip_AreRead()
    {
        string path = Path.Combine(_directory, "data.tsv.gz");
        using (var file = File.Create(path))
        using (var gzip = new System.IO.Compression.GZipStream(file, System.IO.Compression.CompressionLevel.Fastest))
        using (var writer = new StreamWriter(gzip))
        {
            writer.Write("0\t0\n1\t1\n0\t0\n1\t1\n");
        }

        (int code, string output, string error) = Run("mi", path, "--x", "0", "--y", "#1", "--no-header", "--delimiter", "tab");
        Assert.True(code == 0, error);
        Assert.Contains("I(X;Y) = 1.000000 bits", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Mi_SettingsThatCannotRun_FailBeforeAnyResult()
    {
        string csv = WriteCsv("x,y,z\n" + string.Concat(Enumerable.Range(0, 40).Select(i => $"{i % 4},{(i * 7) % 5},{i % 2}\n")));
        foreach (string[] args in new[]
        {
            new[] { "mi", csv, "--x", "x", "--y", "y", "-e", "ksg", "--k", "2147483647" },
            new[] { "mi", csv, "--x", "x", "--y", "y", "--permutations", "2147483647" },
            new[] { "mi", csv, "--x", "x", "--y", "y", "--z", "z", "-e", "ksg", "--permutations", "9" },
            new[] { "mi", csv, "--x", "x", "--y", "y", "--k", "3" },
            new[] { "validate", "--estimators", "," },
            new[] { "validate", "--tasks", "," },
        })
        {
            (int code, string output, string error) = Run(args);
            Assert.True(code == 2, string.Join(' ', args) + ": " + error);
            Assert.Equal("", output);
            Assert.StartsWith("error: ", error, StringComparison.Ordinal);
            Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        }
    }
}
