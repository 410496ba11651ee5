using System.Globalization;
using InfoTheory.Continuous;
using InfoTheory.Internal;
using InfoTheory.TimeSeries.Internal;

namespace InfoTheory.TimeSeries;

/// <summary>
/// Effective network inference by greedy multivariate transfer entropy, the algorithm of IDTxl (Novelli, Wollstadt,
/// Mediano, Wibral &amp; Lizier 2019, "Large-scale directed network inference with multivariate transfer entropy and
/// hierarchical statistical testing", Network Neuroscience 3(3); Lizier &amp; Rubinov 2012; Faes, Nollo &amp; Porta 2011).
/// </summary>
/// <remarks>
/// <para>
/// For each target process Y the search runs on the candidate past variables X_p(t − l), every process p and lag
/// l = 1 … <see cref="NetworkInferenceSettings.MaxLag"/>:
/// (a) the target's own past: repeatedly take the candidate Y(t − l) with the largest I(Y_t ; Y(t − l) | selected),
/// and keep it if its maximum statistic is significant (its value against the largest value over all remaining
/// candidates in each surrogate, the candidate's rows permuted), else stop;
/// (b) the other processes' past, the same way, conditioned on everything selected so far;
/// (c) pruning: while the source with the smallest I(Y_t ; X | all other selected) fails its minimum-statistic test,
/// remove it;
/// (d) the omnibus test of the collective transfer entropy I(Y_t ; all selected sources | selected target past), the
/// sources' rows permuted together; if it fails, the target has no sources;
/// (e) sequential maximum statistics: the sources ranked by I(Y_t ; X | all other selected) are compared, i-th with the
/// i-th largest surrogate value, until the first that is not significant.
/// <see cref="Infer(IReadOnlyList{SampleMatrix}, NetworkInferenceSettings)"/> then corrects the omnibus p-values of the
/// targets that had sources for the false discovery rate (Benjamini &amp; Hochberg 1995).
/// </para>
/// <para>
/// Surrogates permute rows within each trial. A test is significant when p ≤ its level; with B surrogates the smallest
/// p is 1/(1 + B), so B must exceed 1/α − 1. <see cref="NetworkNull.Analytic"/> replaces surrogates by the χ² null of
/// the Gaussian estimator (maximum statistic: Šidák over the m candidates, 1 − (1 − p)^m; minimum statistic: p^m;
/// sequential: Holm-Šidák step-down; omnibus: χ² with one degree of freedom per source).
/// </para>
/// <para>
/// Per-target work is a pure function of (data, target, settings): <see cref="InferTarget"/> gives the same bits
/// wherever and in whatever order it runs, and targets run in parallel. Cost with surrogates: about
/// B × (candidates) conditional MI estimates per selection step.
/// </para>
/// </remarks>
public static class NetworkInference
{
    /// <summary>Infers the network of all processes of one series (time as rows, one column per process).</summary>
    /// <param name="data">The series: one row per time step, one column per process, at least 2 columns.</param>
    /// <param name="settings">The settings, or null for the defaults.</param>
    /// <returns>The inferred network.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="data"/> is null.</exception>
    /// <exception cref="ArgumentException">Too short for the lags, fewer than 2 processes, a constant process, or settings that do not fit (see <see cref="NetworkInferenceSettings"/>).</exception>
    public static InferredNetwork Infer(SampleMatrix data, NetworkInferenceSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        return Infer([data], settings, nameof(data));
    }

    /// <summary>Infers the network from several trials of the same processes (pooled, surrogates within trials).</summary>
    /// <param name="trials">The trials: each one row per time step and the same columns (processes).</param>
    /// <param name="settings">The settings, or null for the defaults.</param>
    /// <returns>The inferred network, one entry per process, FDR-corrected if <see cref="NetworkInferenceSettings.FdrCorrection"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="trials"/> or a trial is null.</exception>
    /// <exception cref="ArgumentException">No trial, trials of different widths, a trial too short for the lags, fewer than 2 processes, a constant process, or settings that do not fit.</exception>
    public static InferredNetwork Infer(IReadOnlyList<SampleMatrix> trials, NetworkInferenceSettings? settings = null) =>
        Infer(trials, settings, nameof(trials));

    /// <summary>
    /// The search for one target (steps a–e, no correction across targets): a pure function of its arguments, for
    /// running targets on different machines.
    /// </summary>
    /// <param name="trials">The trials, as for <see cref="Infer(IReadOnlyList{SampleMatrix}, NetworkInferenceSettings)"/>.</param>
    /// <param name="target">The target's column index.</param>
    /// <param name="settings">The settings, or null for the defaults.</param>
    /// <returns>The target's selected past, sources, omnibus transfer entropy and p-values.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="target"/> is not a column index.</exception>
    /// <exception cref="ArgumentException">As for <see cref="Infer(IReadOnlyList{SampleMatrix}, NetworkInferenceSettings)"/>.</exception>
    public static TargetInference InferTarget(IReadOnlyList<SampleMatrix> trials, int target, NetworkInferenceSettings? settings = null)
    {
        settings ??= new NetworkInferenceSettings();
        IMultivariateMutualInformationEstimator unconditioned = Unconditioned(settings);
        NetworkData data = NetworkData.Build(trials, settings, nameof(trials));
        if (target < 0 || target >= data.Processes)
        {
            ThrowHelper.ArgumentOutOfRange(nameof(target), target, string.Create(CultureInfo.InvariantCulture,
                $"target must be a column index in [0, {data.Processes}), got {target}."));
        }

        return new TargetSearch(data, target, settings, unconditioned).Run();
    }

    private static InferredNetwork Infer(IReadOnlyList<SampleMatrix> trials, NetworkInferenceSettings? settings, string paramName)
    {
        settings ??= new NetworkInferenceSettings();
        IMultivariateMutualInformationEstimator unconditioned = Unconditioned(settings);
        NetworkData data = NetworkData.Build(trials, settings, paramName);
        var results = new TargetInference[data.Processes];
        ForkJoin.For(results.Length, settings.MaxDegreeOfParallelism, target =>
            results[target] = new TargetSearch(data, target, settings, unconditioned).Run());
        if (settings.FdrCorrection)
        {
            FalseDiscoveryRate(results, settings.AlphaFdr);
        }

        return new InferredNetwork(results, settings);
    }

    /// <summary>
    /// Benjamini-Hochberg over the omnibus p-values of the targets that passed their omnibus test: with the m p-values
    /// sorted, p₍₁₎ ≤ … ≤ p₍ₘ₎, keep the targets of rank ≤ the largest k with p₍ₖ₎ ≤ k·α/m; the others lose their sources.
    /// </summary>
    internal static void FalseDiscoveryRate(TargetInference[] results, double alpha)
    {
        int[] tested = [.. Enumerable.Range(0, results.Length).Where(t => results[t].Significant).OrderBy(t => results[t].OmnibusPValue).ThenBy(t => t)];
        int m = tested.Length;
        int keep = 0;
        for (int k = 1; k <= m; k++)
        {
            if (results[tested[k - 1]].OmnibusPValue <= k * alpha / m)
            {
                keep = k;
            }
        }

        for (int k = keep; k < m; k++)
        {
            results[tested[k]] = results[tested[k]] with { Sources = [], Significant = false };
        }
    }

    private static IMultivariateMutualInformationEstimator Unconditioned(NetworkInferenceSettings settings)
    {
        if (settings.Null == NetworkNull.Analytic && settings.Estimator is not GaussianConditionalMutualInformation { BiasCorrected: false })
        {
            ThrowHelper.ArgumentException(nameof(settings), string.Create(CultureInfo.InvariantCulture,
                $"The analytic (χ²) null holds for the Gaussian estimator without bias correction; the estimator is {settings.Estimator.GetType().Name}. Use NetworkNull.Surrogates."));
        }

        return settings.UnconditionedEstimator ?? settings.Estimator switch
        {
            GaussianConditionalMutualInformation g => new GaussianMutualInformation { BiasCorrected = g.BiasCorrected },
            GaussianCopulaConditionalMutualInformation c => new GaussianCopulaMutualInformation { BiasCorrected = c.BiasCorrected },
            KsgConditionalMutualInformation k => new KsgMutualInformation
            {
                K = k.K, Scaling = k.Scaling, Ties = k.Ties, Seed = k.Seed, MaxDegreeOfParallelism = k.MaxDegreeOfParallelism,
            },
            _ => Missing(settings),
        };
    }

    private static IMultivariateMutualInformationEstimator Missing(NetworkInferenceSettings settings)
    {
        ThrowHelper.ArgumentException(nameof(settings), string.Create(CultureInfo.InvariantCulture,
            $"No mutual information counterpart is known for {settings.Estimator.GetType().Name}; set NetworkInferenceSettings.UnconditionedEstimator."));
        return null!;
    }
}
