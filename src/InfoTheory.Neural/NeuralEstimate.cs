namespace InfoTheory.Neural;

/// <summary>The result of training a critic: the held-out bound at the best checkpoint, its standard error, and how training went.</summary>
/// <param name="Value">The held-out bound at the checkpoint where it was highest (as <c>bmi</c> reports): the estimate of I(X;Y).</param>
/// <param name="StandardError">
/// The sampling standard error of <paramref name="Value"/> for the trained critic (from the held-out pairs). It does
/// not include the gap between the bound and I(X;Y), nor the upward bias of picking the best of several checkpoints.
/// </param>
/// <param name="Ceiling">The largest value the bound can take: ln K for InfoNCE on held-out batches of K pairs, +∞ for the others.</param>
/// <param name="Steps">The optimiser steps taken (fewer than <see cref="NeuralMutualInformation.MaxSteps"/> when training stopped early).</param>
/// <param name="BestStep">The step of the checkpoint that gave <paramref name="Value"/>.</param>
/// <param name="StoppedEarly">Whether early stopping ended training before <see cref="NeuralMutualInformation.MaxSteps"/>.</param>
/// <param name="TrainingRows">The pairs the critic was trained on.</param>
/// <param name="HeldOutRows">The held-out pairs the bound was read on (whole batches only; see <paramref name="HeldOutBatchSize"/>).</param>
/// <param name="HeldOutBatchSize">K of the held-out batches: the batch size, or fewer when fewer pairs were held out.</param>
/// <param name="Curve">The held-out bound at every checkpoint, in step order.</param>
public sealed record NeuralEstimate(
    Information Value,
    Information StandardError,
    Information Ceiling,
    int Steps,
    int BestStep,
    bool StoppedEarly,
    int TrainingRows,
    int HeldOutRows,
    int HeldOutBatchSize,
    IReadOnlyList<NeuralCheckpoint> Curve);
