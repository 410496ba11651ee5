namespace InfoTheory.TimeSeries;

/// <summary>The network inferred by <see cref="NetworkInference.Infer(IReadOnlyList{Continuous.SampleMatrix}, NetworkInferenceSettings)"/>.</summary>
/// <remarks>
/// <see cref="Targets"/> holds one entry per process (after the false-discovery-rate correction across targets, if it
/// was asked for); <see cref="Links"/> lists every (source, target, lag) with a significant source variable, ordered by
/// target, then source, then lag.
/// </remarks>
public sealed record InferredNetwork
{
    /// <summary>Creates the result from the per-target results, one per process in column order.</summary>
    /// <param name="targets">The per-target results.</param>
    /// <param name="settings">The settings used.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public InferredNetwork(IReadOnlyList<TargetInference> targets, NetworkInferenceSettings settings)
    {
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(settings);
        Targets = targets;
        Settings = settings;
        var links = new List<NetworkLink>();
        foreach (TargetInference t in targets)
        {
            foreach (InferredSource s in t.Sources.OrderBy(s => s.Process).ThenBy(s => s.Lag))
            {
                links.Add(new NetworkLink(s.Process, t.Target, s.Lag, s.ConditionalMutualInformation, s.PValue));
            }
        }

        Links = links;
    }

    /// <summary>One result per target process, in column order.</summary>
    public IReadOnlyList<TargetInference> Targets { get; }

    /// <summary>The settings the network was inferred with.</summary>
    public NetworkInferenceSettings Settings { get; }

    /// <summary>Every significant (source, target, lag), by target, source, lag.</summary>
    public IReadOnlyList<NetworkLink> Links { get; }

    /// <summary>The number of processes.</summary>
    public int Processes => Targets.Count;

    /// <summary>
    /// The adjacency matrix: entry [source, target] is true when at least one lag of the source was selected for the
    /// target. The diagonal is false (a target's own past is not a link).
    /// </summary>
    /// <returns>A new processes × processes array.</returns>
    public bool[,] AdjacencyMatrix()
    {
        bool[,] adjacency = new bool[Processes, Processes];
        foreach (NetworkLink link in Links)
        {
            adjacency[link.Source, link.Target] = true;
        }

        return adjacency;
    }
}
