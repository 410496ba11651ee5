using InfoTheory.Continuous;
using InfoTheory.Orleans.Internal;
using InfoTheory.Orleans.Messages;
using InfoTheory.TimeSeries;
using InfoTheory.TimeSeries.Internal;

namespace InfoTheory.Orleans;

/// <summary>
/// Network inference on an Orleans cluster, one target per work item: <c>NetworkInference.Infer(trials, settings)</c>
/// becomes <c>await ClusterNetworkInference.InferAsync(trials, cluster, settings)</c>, with the same result.
/// </summary>
/// <remarks>
/// Each target's search is <see cref="NetworkInference.InferTarget"/>, a pure function of (trials, target, settings),
/// run on a silo; the false-discovery-rate correction across targets runs on the client, as locally, once all targets
/// are in. The trials reach each silo once (by content hash, in pieces). The settings' estimators travel as their public
/// settings; only the estimators of the InfoTheory package can be sent. Faults, progress and cancellation as for
/// <see cref="ClusterDependenceMatrix"/>.
/// </remarks>
public static class ClusterNetworkInference
{
    /// <summary>Infers the network of one series on the cluster (see <see cref="NetworkInference.Infer(SampleMatrix, NetworkInferenceSettings)"/>).</summary>
    /// <param name="data">The series: one row per time step, one column per process.</param>
    /// <param name="cluster">A connected client of a cluster set up with <see cref="SiloBuilderExtensions.AddInfoTheory"/>.</param>
    /// <param name="settings">The settings, or null for the defaults.</param>
    /// <param name="options">Items in flight, timeouts; null for the defaults.</param>
    /// <param name="progress">Told after each target.</param>
    /// <param name="cancellationToken">Cancels the job.</param>
    /// <returns>The same network as the local run.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="data"/> or <paramref name="cluster"/> is null.</exception>
    /// <exception cref="ArgumentException">As for the local run, or an estimator that cannot be sent to a cluster.</exception>
    /// <exception cref="ClusterUnavailableException">The cluster did not answer in time, or a target failed too often.</exception>
    public static Task<InferredNetwork> InferAsync(SampleMatrix data, IClusterClient cluster, NetworkInferenceSettings? settings = null,
        ClusterJobOptions? options = null, IProgress<ClusterProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        return InferAsync([data], cluster, settings, options, progress, nameof(data), cancellationToken);
    }

    /// <summary>Infers the network from several trials on the cluster (see <see cref="NetworkInference.Infer(IReadOnlyList{SampleMatrix}, NetworkInferenceSettings)"/>).</summary>
    /// <param name="trials">The trials: each one row per time step and the same columns.</param>
    /// <param name="cluster">A connected client of a cluster set up with <see cref="SiloBuilderExtensions.AddInfoTheory"/>.</param>
    /// <param name="settings">The settings, or null for the defaults.</param>
    /// <param name="options">Items in flight, timeouts; null for the defaults.</param>
    /// <param name="progress">Told after each target.</param>
    /// <param name="cancellationToken">Cancels the job.</param>
    /// <returns>The same network as the local run.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="trials"/>, a trial or <paramref name="cluster"/> is null.</exception>
    /// <exception cref="ArgumentException">As for the local run, or an estimator that cannot be sent to a cluster.</exception>
    /// <exception cref="ClusterUnavailableException">The cluster did not answer in time, or a target failed too often.</exception>
    public static Task<InferredNetwork> InferAsync(IReadOnlyList<SampleMatrix> trials, IClusterClient cluster, NetworkInferenceSettings? settings = null,
        ClusterJobOptions? options = null, IProgress<ClusterProgress>? progress = null, CancellationToken cancellationToken = default) =>
        InferAsync(trials, cluster, settings, options, progress, nameof(trials), cancellationToken);

    private static async Task<InferredNetwork> InferAsync(IReadOnlyList<SampleMatrix> trials, IClusterClient cluster, NetworkInferenceSettings? settings,
        ClusterJobOptions? options, IProgress<ClusterProgress>? progress, string paramName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        settings ??= new NetworkInferenceSettings();
        options ??= ClusterJobOptions.Default;
        // The local checks of the data (shapes, lengths, constant processes), before any work is sent.
        int processes = NetworkData.Build(trials, settings, paramName).Processes;
        NetworkSettingsMessage message = NetworkSettingsMessage.From(settings, nameof(settings));
        var data = new ClusterData(cluster, options);
        DataRef[] refs = [.. trials.Select(data.Add)];
        var results = new TargetInference[processes];
        await ClusterScheduler.RunAsync(cluster, processes, options,
            async (silo, target, token) =>
            {
                var request = new TargetRequest { Trials = refs, Target = target, Settings = message };
                TargetReply reply = await data.CallAsync(silo, w => w.InferTarget(request), r => r.Missing, token).ConfigureAwait(false);
                return reply.Result!.ToInference();
            },
            (target, result) => results[target] = result,
            progress, cancellationToken).ConfigureAwait(false);
        if (settings.FdrCorrection)
        {
            NetworkInference.FalseDiscoveryRate(results, settings.AlphaFdr);
        }

        return new InferredNetwork(results, settings);
    }
}
