using InfoTheory.Continuous;
using InfoTheory.TimeSeries.Internal;

namespace InfoTheory.TimeSeries;

/// <summary>
/// The directed information rate from a source X to a target Y (Massey 1990, "Causality, feedback and directed
/// information"), with any conditional mutual information estimator for continuous data. Massey's
/// I(Xⁿ → Yⁿ) = Σₜ I(X₁ … X_t ; Y_t | Y₁ … Y_{t−1}) differs from I(Xⁿ ; Yⁿ) in letting Y_t depend on the source only up
/// to time t; for jointly stationary processes its rate is estimated with finite memory as
/// I(Y_t ; X_t, X_{t−1}, …, X_{t−l+1} | Y_{t−1}, …, Y_{t−k}), in nats per time step.
/// </summary>
/// <remarks>
/// <para>
/// This is <see cref="TransferEntropy"/> with the source's present X_t included (lag 0): transfer entropy measures
/// what the source's past adds, the directed information rate also counts what X_t and Y_t share at the same step
/// (a memoryless channel Y_t = f(X_t, noise) has zero transfer entropy but a positive directed information rate, its
/// mutual information per use). <see cref="DirectedInformationEmbedding.TargetHistory"/> is k and
/// <see cref="DirectedInformationEmbedding.SourceMemory"/> is l; both default to 1, I(Y_t ; X_t | Y_{t−1}). The
/// finite-memory value equals the rate when Y_t depends on (X, Y) only through those windows.
/// </para>
/// <para>
/// The estimator decides the method, as for <see cref="TransferEntropy"/>: <see cref="GaussianConditionalMutualInformation"/>
/// (linear Gaussian), <see cref="GaussianCopulaConditionalMutualInformation"/> or <see cref="KsgConditionalMutualInformation"/>;
/// its own settings apply unchanged. Several trials are pooled: each is embedded on its own and the rows concatenated.
/// The result is in nats inside <see cref="Information"/>; an estimator that can go negative (KSG) is not clipped. For
/// symbols use <see cref="DiscreteDirectedInformation"/>. Immutable and thread-safe.
/// </para>
/// </remarks>
/// <param name="estimator">The conditional mutual information estimator applied to the embedded variables.</param>
public sealed class DirectedInformation(IMultivariateConditionalMutualInformationEstimator estimator) : DirectedInformationEmbedding
{
    /// <summary>The conditional mutual information estimator.</summary>
    public IMultivariateConditionalMutualInformationEstimator Estimator { get; } = estimator ?? throw new ArgumentNullException(nameof(estimator));

    /// <summary>The directed information rate from X to Y between two univariate series.</summary>
    /// <param name="source">The source values X_0 … X_{n−1}, finite.</param>
    /// <param name="target">The target values, as many as of the source, finite.</param>
    /// <returns>The estimate in nats per time step.</returns>
    /// <exception cref="ArgumentException">The lengths differ, a value is NaN or ±∞, or the series are too short for the embedding.</exception>
    public Information Estimate(ReadOnlySpan<double> source, ReadOnlySpan<double> target)
    {
        SampleMatrix x = TimeSeriesChecks.Column(source, nameof(source));
        SampleMatrix y = TimeSeriesChecks.Column(target, nameof(target));
        return Estimate([x], [y], nameof(source), nameof(target));
    }

    /// <summary>The directed information rate from X to Y between multivariate series.</summary>
    /// <param name="source">The source: one row per time step.</param>
    /// <param name="target">The target: as many rows as the source.</param>
    /// <returns>The estimate in nats per time step.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> or <paramref name="target"/> is null.</exception>
    /// <exception cref="ArgumentException">The row counts differ or the series are too short for the embedding.</exception>
    public Information Estimate(SampleMatrix source, SampleMatrix target)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(target);
        return Estimate([source], [target], nameof(source), nameof(target));
    }

    /// <summary>The directed information rate from X to Y pooled over several trials.</summary>
    /// <param name="sources">The source's trials.</param>
    /// <param name="targets">The target's trials, paired with <paramref name="sources"/> and of the same lengths.</param>
    /// <returns>The estimate from the rows of all trials, in nats per time step.</returns>
    /// <exception cref="ArgumentNullException">A list or a trial is null.</exception>
    /// <exception cref="ArgumentException">No trials, trial counts or lengths that do not pair up, trials of different dimension, or no trial long enough.</exception>
    public Information Estimate(IReadOnlyList<SampleMatrix> sources, IReadOnlyList<SampleMatrix> targets) =>
        Estimate(sources, targets, nameof(sources), nameof(targets));

    private Information Estimate(IReadOnlyList<SampleMatrix> sources, IReadOnlyList<SampleMatrix> targets, string sourceName, string targetName)
    {
        int[] sourceLengths = TimeSeriesChecks.Trials(sources, sourceName);
        int[] targetLengths = TimeSeriesChecks.Trials(targets, targetName);
        TimeSeriesChecks.Paired(targetLengths, sourceLengths, targetName, sourceName);

        DirectedLayout layout = Layout;
        int start = layout.Start;
        int rows = EmbeddingBuilder.RowCount(targetLengths, start, targetName);
        SampleMatrix present = EmbeddingBuilder.Embed(targets, DirectedLayout.Present, start, rows, targetName);
        SampleMatrix targetPast = EmbeddingBuilder.Embed(targets, layout.TargetPast, start, rows, targetName);
        SampleMatrix sourceWindow = EmbeddingBuilder.Embed(sources, layout.SourceWindow, start, rows, sourceName);
        return Estimator.Estimate(present, sourceWindow, targetPast);
    }
}
