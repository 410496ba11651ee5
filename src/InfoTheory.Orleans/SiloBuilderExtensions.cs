using InfoTheory.Orleans.Internal;
using InfoTheory.Orleans.Placement;
using Microsoft.Extensions.DependencyInjection;

namespace InfoTheory.Orleans;

/// <summary>Sets up a silo to run InfoTheory cluster jobs.</summary>
public static class SiloBuilderExtensions
{
    /// <summary>The default size of a silo's cache of column groups: 2 GiB.</summary>
    public const long DefaultCacheBytes = 2L << 30;

    /// <summary>
    /// Registers the silo-pinned placement of the workers and the silo's cache of column groups.
    /// </summary>
    /// <param name="builder">The silo builder.</param>
    /// <param name="cacheBytes">The most bytes of column groups kept (default 2 GiB): prepared columns for KSG and plug-in, 2 or 4 bytes a value of ranks for the copula; least recently used groups are dropped beyond it and uploaded again when needed.</param>
    /// <returns><paramref name="builder"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="cacheBytes"/> is not positive.</exception>
    public static ISiloBuilder AddInfoTheory(this ISiloBuilder builder, long cacheBytes = DefaultCacheBytes)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(cacheBytes);
        builder.Services.AddSingleton(new SiloDataCache(cacheBytes));
        builder.Services.AddPlacementDirector<SiloPinnedPlacement, SiloPinnedPlacementDirector>();
        return builder;
    }
}
