using InfoTheory.Continuous;
using InfoTheory.Internal;
using InfoTheory.Orleans.Internal;
using InfoTheory.Orleans.Messages;
using InfoTheory.Orleans.Placement;
using InfoTheory.Statistics;
using InfoTheory.TimeSeries;
using Orleans.Concurrency;

namespace InfoTheory.Orleans;

/// <summary>The worker of <see cref="IDataWorkerGrain"/>: reentrant, computing on the thread pool.</summary>
[Reentrant]
[SiloPinnedPlacement]
internal sealed class DataWorkerGrain(SiloDataCache cache) : Grain, IDataWorkerGrain
{
    public Task<bool> Upload(DataChunk chunk)
    {
        ArgumentNullException.ThrowIfNull(chunk);
        return Task.Run(() => cache.Add(SiloDataCache.RawKey(chunk.Hash), chunk.Total, chunk.Offset, chunk.Values, data => data));
    }

    public Task<ValuesReply> PermutationChunk(PermutationChunkRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!TryLoad([request.X, request.Y], out SampleMatrix[] data, out string[] missing))
        {
            return Task.FromResult(new ValuesReply { Missing = missing });
        }

        return Task.Run(() =>
        {
            var estimator = EstimatorCodec.Create<IMultivariateMutualInformationEstimator>(request.Estimator);
            double[] nulls = new double[request.Count];
            PermutationTest.MultivariateNulls(estimator, data[0], data[1], request.Seed, request.Start, nulls, Settings.Parallel(request.MaxDegreeOfParallelism));
            return new ValuesReply { Values = nulls };
        });
    }

    public Task<TargetReply> InferTarget(TargetRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!TryLoad(request.Trials, out SampleMatrix[] trials, out string[] missing))
        {
            return Task.FromResult(new TargetReply { Missing = missing });
        }

        return Task.Run(() => new TargetReply
        {
            Result = TargetResult.From(NetworkInference.InferTarget(trials, request.Target, request.Settings.ToSettings())),
        });
    }

    private bool TryLoad(DataRef[] refs, out SampleMatrix[] data, out string[] missing)
    {
        data = new SampleMatrix[refs.Length];
        var lacking = new List<string>();
        for (int i = 0; i < refs.Length; i++)
        {
            if (cache.TryGet(SiloDataCache.RawKey(refs[i].Hash)) is double[] values)
            {
                data[i] = SampleMatrix.FromRowMajorMemory(values, refs[i].Columns);
            }
            else if (!lacking.Contains(refs[i].Hash))
            {
                lacking.Add(refs[i].Hash);
            }
        }

        missing = [.. lacking];
        return lacking.Count == 0;
    }
}
