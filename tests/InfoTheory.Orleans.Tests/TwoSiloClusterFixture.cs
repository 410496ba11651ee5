using Orleans.TestingHost;

namespace InfoTheory.Orleans.Tests;

/// <summary>One in-process cluster of two silos shared by a test class.</summary>
public sealed class TwoSiloClusterFixture : IAsyncLifetime
{
    public InProcessTestCluster Cluster { get; private set; } = null!;

    public async ValueTask InitializeAsync() => Cluster = await ClusterTestData.StartAsync(2);

    public async ValueTask DisposeAsync() => await Cluster.DisposeAsync();
}

/// <summary>One in-process cluster of three silos shared by a test class.</summary>
public sealed class ThreeSiloClusterFixture : IAsyncLifetime
{
    public InProcessTestCluster Cluster { get; private set; } = null!;

    public async ValueTask InitializeAsync() => Cluster = await ClusterTestData.StartAsync(3);

    public async ValueTask DisposeAsync() => await Cluster.DisposeAsync();
}
