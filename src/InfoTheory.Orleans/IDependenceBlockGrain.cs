using InfoTheory.Orleans.Messages;

namespace InfoTheory.Orleans;

/// <summary>
/// The dependence-matrix worker of one silo (key: the silo's parsable address, see
/// <see cref="Placement.SiloPinnedPlacement"/>): it keeps the column groups uploaded to it, prepared, in the silo's
/// cache and computes blocks from them with <see cref="Selection.DependenceMatrix.ComputeBlock"/>.
/// </summary>
public interface IDependenceBlockGrain : IGrainWithStringKey
{
    /// <summary>Computes one block, or names the groups that must be uploaded first.</summary>
    /// <param name="request">The block.</param>
    /// <returns>The entries, or the missing groups.</returns>
    Task<BlockReply> ComputeBlock(BlockRequest request);

    /// <summary>Stores a piece of a group's values; the group is prepared when its last piece arrives.</summary>
    /// <param name="chunk">The piece.</param>
    /// <returns>True once the whole group is prepared and cached on this silo.</returns>
    Task<bool> Upload(GroupChunk chunk);

    /// <summary>Which of the groups this silo holds, prepared for these settings (so a job sends only what is missing).</summary>
    /// <param name="settings">The estimator settings.</param>
    /// <param name="hashes">The groups' hashes.</param>
    /// <returns>The hashes of the groups held, in the order given.</returns>
    Task<string[]> Held(MatrixSettings settings, string[] hashes);
}
