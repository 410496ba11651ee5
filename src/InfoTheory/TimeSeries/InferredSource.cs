namespace InfoTheory.TimeSeries;

/// <summary>One selected past variable of a target in an inferred network: process <see cref="Process"/> at time t − <see cref="Lag"/>.</summary>
/// <param name="Process">The column (process) index of the variable.</param>
/// <param name="Lag">How many time steps before the target's present the variable lies, at least 1.</param>
/// <param name="ConditionalMutualInformation">
/// For a source: I(Y_t ; X_{t−lag} | every other selected variable), the statistic of its sequential test. For a
/// variable of the target's own past: its conditional mutual information with Y_t given the past variables selected
/// before it, at the step it was selected.
/// </param>
/// <param name="PValue">The p-value of the test that kept the variable (sequential maximum statistic for sources, maximum statistic for the target's past).</param>
public readonly record struct InferredSource(int Process, int Lag, Information ConditionalMutualInformation, double PValue);
