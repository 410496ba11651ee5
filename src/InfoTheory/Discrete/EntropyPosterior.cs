namespace InfoTheory.Discrete;

/// <summary>
/// A Bayesian summary of the entropy of the distribution behind a histogram: the posterior mean
/// (the estimate that minimises the expected squared error) and the posterior standard deviation
/// (the uncertainty of that estimate given the prior), both in the units of <see cref="Information"/>.
/// </summary>
/// <param name="Mean">The posterior mean E[H | counts].</param>
/// <param name="StandardDeviation">The posterior standard deviation √Var[H | counts] (≥ 0).</param>
public sealed record EntropyPosterior(Information Mean, Information StandardDeviation);
