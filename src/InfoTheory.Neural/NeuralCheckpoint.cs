namespace InfoTheory.Neural;

/// <summary>One evaluation of the held-out bound during training.</summary>
/// <param name="Step">The number of optimiser steps taken when the bound was read.</param>
/// <param name="Bound">The held-out bound: the mean of the bound over the held-out batches.</param>
/// <param name="StandardError">Its sampling standard error (the batches' standard errors combined as for a mean of independent estimates).</param>
public readonly record struct NeuralCheckpoint(int Step, Information Bound, Information StandardError);
