using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace InfoTheory.Orleans.Tests;

/// <summary>
/// Two <c>infotheory silo</c> processes on 127.0.0.1 and <c>infotheory matrix --cluster</c> against them, compared with
/// the local <c>infotheory matrix</c> (JSON output, every digit); every process is killed at the end, each step bounded in time.
/// </summary>
public sealed class ClusterCliTests
{
    private static readonly string s_cli = Path.Combine(AppContext.BaseDirectory, "InfoTheory.Cli.dll");

    [Fact]
    public async Task Matrix_WithClusterOfTwoSiloProcesses_PrintsTheLocalResult()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        string csv = Path.Combine(Path.GetTempPath(), $"infotheory-cluster-{Environment.ProcessId}.csv");
        var text = new StringBuilder("a,b,c,d,e,f\n");
        var random = new Random(3);
        for (int i = 0; i < 250; i++)
        {
            double z = random.NextDouble();
            text.AppendLine(string.Join(',', Enumerable.Range(0, 6).Select(j => (z + (j * 0.1 * random.NextDouble())).ToString("R", CultureInfo.InvariantCulture))));
        }

        await File.WriteAllTextAsync(csv, text.ToString(), ct);
        string series = Path.Combine(Path.GetTempPath(), $"infotheory-cluster-series-{Environment.ProcessId}.csv");
        var chain = new StringBuilder("a,b,c\n");
        double previous = 0;
        for (int t = 0; t < 200; t++)
        {
            double a = random.NextDouble(), b = (0.8 * previous) + (0.3 * random.NextDouble());
            chain.AppendLine(string.Create(CultureInfo.InvariantCulture, $"{a:R},{b:R},{random.NextDouble():R}"));
            previous = a;
        }

        await File.WriteAllTextAsync(series, chain.ToString(), ct);
        int[] ports = FreePorts(4);
        var silos = new List<Process>();
        try
        {
            silos.Add(await StartSiloAsync(["silo", "--silo-port", $"{ports[0]}", "--gateway-port", $"{ports[1]}", "--cluster-id", "test"], ct));
            silos.Add(await StartSiloAsync(["silo", "--silo-port", $"{ports[2]}", "--gateway-port", $"{ports[3]}", "--primary", $"127.0.0.1:{ports[0]}", "--cluster-id", "test"], ct));

            (int localCode, string local, _) = await RunAsync(["matrix", csv, "--estimator", "ksg", "--format", "json"], ct);
            (int code, string remote, string error) = await RunAsync(
                ["matrix", csv, "--estimator", "ksg", "--format", "json", "--cluster", $"127.0.0.1:{ports[1]},127.0.0.1:{ports[3]}", "--cluster-id", "test"], ct);
            Assert.Equal(0, localCode);
            Assert.True(code == 0, error);
            Assert.Contains("\"a\"", local, StringComparison.Ordinal);
            Assert.Equal(local, remote);

            // The rank command: every other column against f, with the hybrid estimator and a bias-corrected discrete one.
            string[] rank = ["rank", csv, "--target", "f", "--estimator", "hybrid", "--discrete-estimator", "miller-madow", "--format", "json"];
            (int rankLocalCode, string rankLocal, _) = await RunAsync(rank, ct);
            (int rankCode, string rankRemote, string rankError) = await RunAsync([.. rank, "--cluster", $"127.0.0.1:{ports[3]}", "--cluster-id", "test"], ct);
            Assert.Equal(0, rankLocalCode);
            Assert.True(rankCode == 0, rankError);
            Assert.Equal(rankLocal, rankRemote);

            // The network command the same way: a chain a → b at lag 1 in a short series.
            (int netLocalCode, string netLocal, _) = await RunAsync(["network", series, "--max-lag", "1", "--surrogates", "19", "--format", "json"], ct);
            (int netCode, string netRemote, string netError) = await RunAsync(
                ["network", series, "--max-lag", "1", "--surrogates", "19", "--format", "json", "--cluster", $"127.0.0.1:{ports[1]}", "--cluster-id", "test"], ct);
            Assert.Equal(0, netLocalCode);
            Assert.True(netCode == 0, netError);
            Assert.Equal(netLocal, netRemote);
        }
        finally
        {
            foreach (Process silo in silos)
            {
                silo.Kill(entireProcessTree: true);
                silo.WaitForExit(5000);
                silo.Dispose();
            }

            File.Delete(csv);
            File.Delete(series);
        }
    }

    [Fact]
    public async Task Matrix_WithUnreachableCluster_FailsClearlyWithinTimeout()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        string csv = Path.Combine(Path.GetTempPath(), $"infotheory-nocluster-{Environment.ProcessId}.csv");
        await File.WriteAllTextAsync(csv, "a,b\n1,2\n2,1\n3,5\n4,3\n", ct);
        try
        {
            int port = FreePorts(1)[0];
            var stopwatch = Stopwatch.StartNew();
            (int code, _, string error) = await RunAsync(["matrix", csv, "--cluster", $"127.0.0.1:{port}", "--cluster-timeout", "3"], ct);
            Assert.Equal(2, code);
            Assert.Contains("cannot reach the cluster", error, StringComparison.Ordinal);
            Assert.Contains("within 3 s", error, StringComparison.Ordinal);
            // 3 s stated; the rest is the process start on a loaded machine.
            Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(20), $"took {stopwatch.Elapsed}");
        }
        finally
        {
            File.Delete(csv);
        }
    }

    /// <summary>Starts a silo and waits (at most 30 s) for its "silo running" line.</summary>
    private static async Task<Process> StartSiloAsync(string[] args, CancellationToken ct)
    {
        Process process = Start(args);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        try
        {
            while (true)
            {
                string? line = await process.StandardOutput.ReadLineAsync(timeout.Token);
                if (line is null)
                {
                    throw new InvalidOperationException($"the silo exited: {await process.StandardError.ReadToEndAsync(ct)}");
                }

                if (line.StartsWith("silo running", StringComparison.Ordinal))
                {
                    // Keep draining the output so the silo never blocks on a full pipe.
                    _ = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
                    _ = process.StandardError.ReadToEndAsync(CancellationToken.None);
                    return process;
                }
            }
        }
        catch
        {
            process.Kill(entireProcessTree: true);
            process.Dispose();
            throw;
        }
    }

    /// <summary>Runs the CLI to completion, killed after 60 s.</summary>
    private static async Task<(int Code, string Output, string Error)> RunAsync(string[] args, CancellationToken ct)
    {
        using Process process = Start(args);
        Task<string> output = process.StandardOutput.ReadToEndAsync(ct), error = process.StandardError.ReadToEndAsync(ct);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await output, await error);
    }

    private static Process Start(string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(s_cli);
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return Process.Start(start)!;
    }

    /// <summary>Ports free on 127.0.0.1 now (bound to port 0 and released together, so they are distinct).</summary>
    private static int[] FreePorts(int count)
    {
        var listeners = Enumerable.Range(0, count).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToList();
        listeners.ForEach(l => l.Start());
        int[] ports = [.. listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port)];
        listeners.ForEach(l => l.Stop());
        return ports;
    }
}
