using InfoTheory.Orleans.Messages;

namespace InfoTheory.Orleans;

/// <summary>
/// The worker of one silo for permutation tests and network inference (key: the silo's parsable address, see
/// <see cref="Placement.SiloPinnedPlacement"/>): data sets are uploaded to it once, by content hash, and each call
/// computes one chunk of permutations or one target with the single-machine code.
/// </summary>
public interface IDataWorkerGrain : IGrainWithStringKey
{
    /// <summary>Stores a piece of a data set.</summary>
    /// <param name="chunk">The piece.</param>
    /// <returns>True once the whole data set is held by this silo.</returns>
    Task<bool> Upload(DataChunk chunk);

    /// <summary>Computes a chunk of permuted estimates, or names the data sets to upload first.</summary>
    /// <param name="request">The chunk.</param>
    /// <returns>The estimates in nats, or the missing data.</returns>
    Task<ValuesReply> PermutationChunk(PermutationChunkRequest request);

    /// <summary>Runs the network-inference search of one target, or names the data sets to upload first.</summary>
    /// <param name="request">The target.</param>
    /// <returns>The target's result, or the missing data.</returns>
    Task<TargetReply> InferTarget(TargetRequest request);

    /// <summary>Scores a group of feature columns against a target, or names the data sets to upload first.</summary>
    /// <param name="request">The group.</param>
    /// <returns>The scores, or the missing data.</returns>
    Task<FeatureScoreReply> ScoreFeatures(FeatureScoreRequest request);
}
