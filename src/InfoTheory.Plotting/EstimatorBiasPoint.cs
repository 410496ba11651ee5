namespace InfoTheory.Plotting;

/// <summary>The bias of an estimator at one sample size: estimate minus the true value, averaged as the caller chose.</summary>
/// <param name="Estimator">The estimator's name (one line of the figure per name).</param>
/// <param name="N">The sample size, at least 1.</param>
/// <param name="Bias">The estimate minus the truth (negative when the estimator underestimates).</param>
public readonly record struct EstimatorBiasPoint(string Estimator, int N, Information Bias);
