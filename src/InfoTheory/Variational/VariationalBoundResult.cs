namespace InfoTheory.Variational;

/// <summary>
/// A variational bound on mutual information evaluated on one batch of critic scores, with its sampling standard error.
/// </summary>
/// <param name="Bound">The value of the bound on this batch (an estimate of I(X;Y) that is a lower bound in expectation
/// when the critic is fixed; see each method of <see cref="VariationalBounds"/>).</param>
/// <param name="StandardError">
/// The sampling standard error of <paramref name="Bound"/> across batches of the same size: the sample standard
/// deviation of the first-order (delta-method / Hoeffding) influence of each of the K pairs, divided by √K. Each pair
/// (xᵢ, yᵢ) enters both through its row (as x) and through its column (as y), and both routes are counted.
/// </param>
/// <param name="BatchSize">K, the number of paired samples (the side of the score matrix).</param>
/// <param name="Ceiling">
/// The largest value the bound can take whatever the critic: ln K for InfoNCE (so it cannot report more than ln K
/// however large I(X;Y) is); <see cref="Information.PositiveInfinity"/> for the bounds with no ceiling.
/// </param>
public sealed record VariationalBoundResult(Information Bound, Information StandardError, int BatchSize, Information Ceiling);
