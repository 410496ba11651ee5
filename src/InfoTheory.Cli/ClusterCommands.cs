using System.CommandLine;
using System.Globalization;
using System.Net;
using InfoTheory.Orleans;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;

namespace InfoTheory.Cli;

/// <summary>The <c>silo</c> command and the <c>--cluster</c> option: running InfoTheory jobs on an Orleans cluster.</summary>
internal static class ClusterCommands
{
    /// <summary>The cluster id shared by <c>infotheory silo</c> and <c>--cluster</c> unless <c>--cluster-id</c> says otherwise.</summary>
    public const string DefaultClusterId = "infotheory";

    /// <summary>Seconds <c>--cluster</c> waits for the cluster to answer.</summary>
    public const int DefaultTimeoutSeconds = 10;

    /// <summary><c>infotheory silo</c>: one silo with localhost clustering, until Ctrl+C or SIGTERM.</summary>
    public static Command Silo()
    {
        var siloPort = new Option<int>("--silo-port") { Description = "Port for silo-to-silo traffic (default 11111).", DefaultValueFactory = _ => 11111 };
        var gatewayPort = new Option<int>("--gateway-port") { Description = "Port clients (--cluster) connect to (default 30000).", DefaultValueFactory = _ => 30000 };
        var primary = new Option<string?>("--primary")
        {
            Description = "host:port of the first silo's --silo-port, for every further silo on this machine (default: this silo is the first).",
        };
        var clusterId = ClusterIdOption();
        var cacheMb = new Option<int>("--cache-mb") { Description = "Megabytes of prepared columns kept per silo (default 2048).", DefaultValueFactory = _ => 2048 };
        var command = new Command("silo", "Runs an Orleans silo on 127.0.0.1 that computes InfoTheory jobs submitted with --cluster (localhost clustering: one machine; see docs/cluster.md for real deployments).")
        {
            siloPort, gatewayPort, primary, clusterId, cacheMb,
        };
        command.SetAction(result =>
        {
            int silo = Port(result.GetValue(siloPort), "--silo-port"), gateway = Port(result.GetValue(gatewayPort), "--gateway-port");
            int cache = result.GetValue(cacheMb);
            if (cache < 1)
            {
                throw new CliException($"--cache-mb must be at least 1, got {cache}");
            }

            IPEndPoint? first = result.GetValue(primary) is { } text ? Endpoint(text, "--primary") : null;
            string id = result.GetValue(clusterId)!;
            HostApplicationBuilder builder = Host.CreateApplicationBuilder();
            builder.Logging.ClearProviders();
            builder.Logging.AddConsole().SetMinimumLevel(LogLevel.Warning);
            builder.UseOrleans(s => s
                .UseLocalhostClustering(silo, gateway, first, serviceId: id, clusterId: id)
                .AddInfoTheory(cache * (1L << 20)));
            using IHost host = builder.Build();
            host.Start();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"silo running on 127.0.0.1: silo port {silo}, gateway port {gateway}, cluster '{id}'{(first is null ? " (primary)" : $", primary {first}")}; Ctrl+C stops it"));
            Console.Out.Flush();
            host.WaitForShutdown();
        });
        return command;
    }

    /// <summary>The <c>--cluster</c> option: gateways as host:port, comma-separated.</summary>
    public static Option<string?> ClusterOption() => new("--cluster")
    {
        Description = "Run on an Orleans cluster: gateway endpoints host:port, comma-separated (e.g. 127.0.0.1:30000 from 'infotheory silo'). The result is the same as the local run.",
    };

    /// <summary>The <c>--cluster-id</c> option.</summary>
    public static Option<string> ClusterIdOption() => new("--cluster-id")
    {
        Description = $"The Orleans cluster id (default '{DefaultClusterId}').",
        DefaultValueFactory = _ => DefaultClusterId,
    };

    /// <summary>The <c>--cluster-timeout</c> option.</summary>
    public static Option<int> TimeoutOption() => new("--cluster-timeout")
    {
        Description = $"Seconds to wait for the cluster to answer before giving up (default {DefaultTimeoutSeconds}).",
        DefaultValueFactory = _ => DefaultTimeoutSeconds,
    };

    /// <summary>Connects to the cluster, runs <paramref name="job"/>, disconnects; a cluster that does not answer in time is a <see cref="CliException"/>.</summary>
    public static T Run<T>(string gateways, string clusterId, int timeoutSeconds, Func<IClusterClient, ClusterJobOptions, Task<T>> job)
    {
        if (timeoutSeconds < 1)
        {
            throw new CliException($"--cluster-timeout must be at least 1 second, got {timeoutSeconds}");
        }

        IPEndPoint[] endpoints = [.. gateways.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(e => Endpoint(e, "--cluster"))];
        if (endpoints.Length == 0)
        {
            throw new CliException("--cluster needs at least one gateway endpoint host:port");
        }

        var timeout = TimeSpan.FromSeconds(timeoutSeconds);
        HostApplicationBuilder builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.UseOrleansClient(c => c
            .UseStaticClustering(endpoints)
            .Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (clusterId, clusterId)));
        using IHost host = builder.Build();
        using var connect = new CancellationTokenSource(timeout);
        try
        {
            host.StartAsync(connect.Token).WaitAsync(timeout).GetAwaiter().GetResult();
        }
        catch (Exception ex) when (ex is not CliException)
        {
            string why = ex is OperationCanceledException or TimeoutException ? "no gateway answered" : ex.Message;
            throw new CliException(string.Create(CultureInfo.InvariantCulture,
                $"cannot reach the cluster at {gateways} (cluster '{clusterId}') within {timeoutSeconds} s: {why}"));
        }

        try
        {
            var options = new ClusterJobOptions { ClusterTimeout = timeout };
            return job(host.Services.GetRequiredService<IClusterClient>(), options).GetAwaiter().GetResult();
        }
        catch (ClusterUnavailableException ex)
        {
            throw new CliException($"the cluster at {gateways} failed: {ex.Message}");
        }
        finally
        {
            host.StopAsync(TimeSpan.FromSeconds(5)).GetAwaiter().GetResult();
        }
    }

    private static IPEndPoint Endpoint(string text, string option)
    {
        int colon = text.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out int port) || port is < 1 or > 65535)
        {
            throw new CliException($"{option}: '{text}' is not host:port");
        }

        string host = text[..colon];
        if (!IPAddress.TryParse(host, out IPAddress? address))
        {
            address = host == "localhost" ? IPAddress.Loopback : Dns.GetHostAddresses(host).FirstOrDefault()
                ?? throw new CliException($"{option}: cannot resolve '{host}'");
        }

        return new IPEndPoint(address, port);
    }

    private static int Port(int port, string option) => port is >= 1 and <= 65535 ? port : throw new CliException($"{option} must be a port in 1 … 65535, got {port}");
}
