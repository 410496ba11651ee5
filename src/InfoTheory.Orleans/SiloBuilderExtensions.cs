using InfoTheory.Orleans.Internal;
using InfoTheory.Orleans.Placement;
using Microsoft.Extensions.DependencyInjection;

namespace InfoTheory.Orleans;

/// <summary>Sets up a silo to run InfoTheory cluster jobs.</summary>
public static class SiloBuilderExtensions
{
    /// <summary>The default size of a silo's cache of prepared columns: 2 GiB.</summary>
    public const long DefaultCacheBytes = 2L << 30;

    /// <summary>
    /// Registers the silo-pinned placement of the workers and the silo's cache of prepared column groups.
    /// </summary>
    /// <param name="builder">The silo builder.</param>
    /// <param name="cacheBytes">The most bytes of prepared columns kept (default 2 GiB); least recently used groups are dropped beyond it and uploaded again when needed.</param>
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
