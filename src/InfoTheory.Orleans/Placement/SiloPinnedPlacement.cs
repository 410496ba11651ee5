
namespace InfoTheory.Orleans.Placement;

/// <summary>
/// Places a grain whose string key is a silo's parsable address (<see cref="SiloAddress.ToParsableString"/>) on that
/// silo while it is alive, and on one of the live silos (chosen by a hash of the key) otherwise, so a client can hand
/// work to a named silo and the silo's cache of prepared columns is reused by every block sent there.
/// </summary>
[GenerateSerializer]
[Immutable]
public sealed class SiloPinnedPlacement : PlacementStrategy
{
    /// <summary>The one instance.</summary>
    public static SiloPinnedPlacement Instance { get; } = new();
}
