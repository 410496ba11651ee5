namespace InfoTheory.TimeSeries;

/// <summary>One directed link of an inferred network: <see cref="Source"/> → <see cref="Target"/> at one lag.</summary>
/// <param name="Source">The source process (column index).</param>
/// <param name="Target">The target process (column index).</param>
/// <param name="Lag">The lag in time steps (the source's value at t − lag informs the target at t).</param>
/// <param name="ConditionalMutualInformation">I(Y_t ; X_{t−lag} | every other selected variable of the target).</param>
/// <param name="PValue">The p-value of the source's sequential test.</param>
public readonly record struct NetworkLink(int Source, int Target, int Lag, Information ConditionalMutualInformation, double PValue);
