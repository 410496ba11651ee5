using InfoTheory.Internal;

namespace InfoTheory.Discrete;

/// <summary>
/// Conditional mutual information between discrete variables from samples:
/// Î(X;Y|Z) = Ĥ(X,Z) + Ĥ(Y,Z) − Ĥ(X,Y,Z) − Ĥ(Z) with any <see cref="DiscreteEntropyEstimator"/> (plug-in by default).
/// </summary>
/// <remarks>
/// The triples are counted once in a <see cref="ContingencyTable"/>; alphabets too large for its joint codes are
/// densified instead (<see cref="JointSymbols.Dense"/>), so any alphabet sizes work.
/// With a constant Z this equals <see cref="DiscreteMutualInformation"/>. Alphabet sizes of the joint
/// variables are the observed ones. Cover &amp; Thomas (2006), §2.5.
/// </remarks>
/// <param name="entropy">The entropy estimator applied to each joint variable; null for plug-in.</param>
public sealed class DiscreteConditionalMutualInformation(DiscreteEntropyEstimator? entropy = null) : IConditionalMutualInformationEstimator<int, int, int>
{
    /// <summary>The entropy estimator applied to (X,Z), (Y,Z), (X,Y,Z) and Z.</summary>
    public DiscreteEntropyEstimator Entropy { get; } = entropy ?? new PlugInEntropy();

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The lengths differ, the samples are empty, or a symbol is negative.</exception>
    public Information Estimate(ReadOnlySpan<int> x, ReadOnlySpan<int> y, ReadOnlySpan<int> z)
    {
        Check.SameLength(x.Length, y.Length);
        Check.SameLength(x.Length, z.Length);

        // Validates each variable (non-empty, no negative symbol) and names it in the exception.
        long[] sizes = [Histogram.CheckSymbols(x, null, nameof(x)) + 1, Histogram.CheckSymbols(y, null, nameof(y)) + 1, Histogram.CheckSymbols(z, null, nameof(z)) + 1];
        if ((double)sizes[0] * sizes[1] * sizes[2] < ContingencyTable.MaxCodes)
        {
            // One count of the triples gives all four histograms. Their counts come in the lexicographic order of the
            // tuples, as the dense codes below would give them, so every estimator returns the same value either way.
            // Beyond the table's codes each joint variable is re-encoded densely, which works for any alphabets.
            ContingencyTable table = ContingencyTable.FromCheckedSymbols(x, y, z, sizes);
            return Entropy.Estimate(table.Marginal(0, 2)) + Entropy.Estimate(table.Marginal(1, 2))
                - Entropy.Estimate(table.Joint) - Entropy.Estimate(table.Marginal(2));
        }

        var hz = Histogram.FromSymbols(z, null, nameof(z));
        int[] xs = x.ToArray(), ys = y.ToArray(), zs = z.ToArray();
        (int[] xz, _) = JointSymbols.Dense(xs, zs);
        (int[] yz, _) = JointSymbols.Dense(ys, zs);
        (int[] xyz, _) = JointSymbols.Dense(xs, ys, zs);
        return Entropy.Estimate(Histogram.FromSymbols(xz)) + Entropy.Estimate(Histogram.FromSymbols(yz))
            - Entropy.Estimate(Histogram.FromSymbols(xyz)) - Entropy.Estimate(hz);
    }
}
