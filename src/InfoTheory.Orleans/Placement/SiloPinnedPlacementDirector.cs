using Orleans.Runtime.Placement;

namespace InfoTheory.Orleans.Placement;

/// <summary>The placement director of <see cref="SiloPinnedPlacement"/>.</summary>
internal sealed class SiloPinnedPlacementDirector : IPlacementDirector
{
    public Task<SiloAddress> OnAddActivation(PlacementStrategy strategy, PlacementTarget target, IPlacementContext context)
    {
        SiloAddress[] silos = context.GetCompatibleSilos(target);
        string key = target.GrainIdentity.Key.ToString() ?? string.Empty;
        int bar = key.IndexOf('|', StringComparison.Ordinal);
        string address = bar < 0 ? key : key[..bar];
        foreach (SiloAddress silo in silos)
        {
            if (string.Equals(silo.ToParsableString(), address, StringComparison.Ordinal))
            {
                return Task.FromResult(silo);
            }
        }

        // The named silo is gone (or never existed): any live silo will do; its cache starts empty and the client uploads.
        Array.Sort(silos);
        uint hash = 2166136261;
        foreach (char c in key)
        {
            hash = (hash ^ c) * 16777619;
        }

        return Task.FromResult(silos[(int)(hash % (uint)silos.Length)]);
    }
}
