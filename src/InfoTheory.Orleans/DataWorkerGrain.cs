using InfoTheory.Continuous;
using InfoTheory.Internal;
using InfoTheory.Orleans.Internal;
using InfoTheory.Orleans.Messages;
using InfoTheory.Orleans.Placement;
using InfoTheory.Selection;
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
        return Task.Run(() => cache.Add(SiloDataCache.RawKey(chunk.Hash), chunk.Total, chunk.Total * sizeof(double), chunk.Offset, chunk.Values, data => data));
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

    public Task<FeatureScoreReply> ScoreFeatures(FeatureScoreRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!TryLoad([request.Features, request.Target], out SampleMatrix[] data, out string[] missing))
        {
            return Task.FromResult(new FeatureScoreReply { Missing = missing });
        }

        return Task.Run(() =>
        {
            // Only the estimators the job needs were sent; the others keep their defaults and are never called.
            var defaults = new FeatureScores();
            var scorer = new FeatureScores
            {
                DiscreteDiscrete = request.DiscreteDiscrete is { } dd ? EstimatorCodec.Create<IMutualInformationEstimator<int, int>>(dd) : defaults.DiscreteDiscrete,
                Mixed = request.Mixed is { } mixed ? EstimatorCodec.Create<IMutualInformationEstimator<int, double>>(mixed) : defaults.Mixed,
                ContinuousContinuous = request.ContinuousContinuous is { } cc ? EstimatorCodec.Create<IMutualInformationEstimator<double, double>>(cc) : defaults.ContinuousContinuous,
                MaxDegreeOfParallelism = request.MaxDegreeOfParallelism,
            };

            double[] target = data[1].Column(0);
            IReadOnlyList<FeatureScore> scores = request.TargetDiscrete
                ? scorer.Score(data[0], [.. target.Select(v => (int)v)], request.DiscreteFeatures)
                : scorer.Score(data[0], target, request.DiscreteFeatures);
            return new FeatureScoreReply
            {
                Nats = [.. scores.Select(s => s.Information.Nats)],
                Estimators = [.. scores.Select(s => s.Estimator)],
            };
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
