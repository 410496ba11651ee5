using InfoTheory.Internal;

namespace InfoTheory.Discrete;

/// <summary>
/// Conditional mutual information between discrete variables from samples:
/// Î(X;Y|Z) = Ĥ(X,Z) + Ĥ(Y,Z) − Ĥ(X,Y,Z) − Ĥ(Z) with any <see cref="DiscreteEntropyEstimator"/> (plug-in by default).
/// </summary>
/// <remarks>
/// Joint symbols are densified (<see cref="JointSymbols.Dense"/>), so any alphabet sizes work.
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
        _ = Histogram.FromSymbols(x, null, nameof(x));
        _ = Histogram.FromSymbols(y, null, nameof(y));
        var hz = Histogram.FromSymbols(z, null, nameof(z));
        int[] xs = x.ToArray(), ys = y.ToArray(), zs = z.ToArray();
        (int[] xz, _) = JointSymbols.Dense(xs, zs);
        (int[] yz, _) = JointSymbols.Dense(ys, zs);
        (int[] xyz, _) = JointSymbols.Dense(xs, ys, zs);
        return Entropy.Estimate(Histogram.FromSymbols(xz)) + Entropy.Estimate(Histogram.FromSymbols(yz))
            - Entropy.Estimate(Histogram.FromSymbols(xyz)) - Entropy.Estimate(hz);
    }
}
