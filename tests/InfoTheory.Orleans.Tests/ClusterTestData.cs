using InfoTheory.Continuous;
using Orleans.Configuration;
using Orleans.TestingHost;

namespace InfoTheory.Orleans.Tests;

/// <summary>Seeded data and in-process clusters for the cluster tests.</summary>
internal static class ClusterTestData
{
    /// <summary>
    /// n × p samples: a few latent standard normals, each column a latent (by column index mod 4) plus unit noise,
    /// some columns cubed (monotone, so copula and KSG see the same dependence), every seventh column rounded to
    /// integers so ties occur and the KSG jitter matters.
    /// </summary>
    public static SampleMatrix Samples(int n, int p, int seed)
    {
        var random = new Random(seed);
        double Normal()
        {
            double u1 = 1.0 - random.NextDouble(), u2 = random.NextDouble();
            return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
        }

        double[] data = new double[n * p];
        for (int i = 0; i < n; i++)
        {
            double[] latent = [Normal(), Normal(), Normal(), Normal()];
            for (int j = 0; j < p; j++)
            {
                double v = latent[j % 4] + Normal();
                v = j % 3 == 0 ? v * v * v : v;
                data[(i * p) + j] = j % 7 == 6 ? Math.Round(v) : v;
            }
        }

        return SampleMatrix.FromRowMajor(data, p);
    }

    /// <summary>An in-process cluster of <paramref name="silos"/> silos set up with <see cref="SiloBuilderExtensions.AddInfoTheory"/>.</summary>
    public static async Task<InProcessTestCluster> StartAsync(short silos)
    {
        var builder = new InProcessTestClusterBuilder(silos);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddInfoTheory();
            // Declare a killed silo dead within about 3 s instead of the production defaults (tens of seconds).
            silo.Configure<ClusterMembershipOptions>(o =>
            {
                o.ProbeTimeout = TimeSpan.FromSeconds(1);
                o.NumMissedProbesLimit = 2;
                o.NumVotesForDeathDeclaration = 1;
                o.TableRefreshTimeout = TimeSpan.FromSeconds(1);
            });
            silo.Configure<SiloMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromSeconds(10));
        });
        builder.ConfigureClient(client => client.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromSeconds(4)));
        InProcessTestCluster cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }

    /// <summary>Asserts the two matrices are the same bits, entry by entry (NaN and ±∞ included).</summary>
    public static void AssertBitIdentical(ReadOnlySpan<double> expected, ReadOnlySpan<double> actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            if (BitConverter.DoubleToInt64Bits(expected[i]) != BitConverter.DoubleToInt64Bits(actual[i]))
            {
                Assert.Fail($"Entry {i} differs: expected {expected[i]:R}, got {actual[i]:R}.");
            }
        }
    }
}

/// <summary>Records every progress report synchronously, in order.</summary>
internal sealed class ProgressLog(Action<ClusterProgress>? onReport = null) : IProgress<ClusterProgress>
{
    private readonly List<ClusterProgress> _reports = [];

    public IReadOnlyList<ClusterProgress> Reports
    {
        get
        {
            lock (_reports)
            {
                return [.. _reports];
            }
        }
    }

    public void Report(ClusterProgress value)
    {
        lock (_reports)
        {
            _reports.Add(value);
        }

        onReport?.Invoke(value);
    }
}
