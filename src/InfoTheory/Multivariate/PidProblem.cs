using InfoTheory.Multivariate.Internal;

namespace InfoTheory.Multivariate;

/// <summary>
/// A partial information decomposition problem: k sources S₁…S_k and a target T as one distribution whose variables are
/// the sources (0 … k − 1) followed by the target (k), with the redundancy lattice of k sources. Redundancy measures read
/// it; <see cref="PartialInformation"/> builds it.
/// </summary>
public sealed class PidProblem
{
    private readonly Dictionary<int, double> _mutualInformation = [];

    internal PidProblem(DiscreteDistribution distribution, int sources)
    {
        Distribution = distribution;
        Sources = sources;
        Lattice = RedundancyLattice.Of(sources);
    }

    /// <summary>The joint distribution of S₁, …, S_k, T (sources first, target last); each source one variable.</summary>
    public DiscreteDistribution Distribution { get; }

    /// <summary>The number k of sources.</summary>
    public int Sources { get; }

    /// <summary>The index of the target variable in <see cref="Distribution"/> (= <see cref="Sources"/>).</summary>
    public int Target => Sources;

    /// <summary>The redundancy lattice of <see cref="Sources"/> sources.</summary>
    public RedundancyLattice Lattice { get; }

    /// <summary>I(T; S_A) in nats for the set of sources A given as a bit mask (bit i: source i), cached.</summary>
    /// <param name="sources">A non-empty bit mask of sources.</param>
    /// <returns>The mutual information between the target and the joint of those sources.</returns>
    public double MutualInformationNats(int sources)
    {
        lock (_mutualInformation)
        {
            if (_mutualInformation.TryGetValue(sources, out double cached))
            {
                return cached;
            }
        }

        int[] a = Members(sources);
        double value = Distribution.EntropyNats(a) + Distribution.EntropyNats([Target]) - Distribution.EntropyNats([.. a, Target]);
        lock (_mutualInformation)
        {
            _mutualInformation[sources] = value;
        }

        return value;
    }

    /// <summary>The source indices in a bit mask, in increasing order.</summary>
    /// <param name="sources">A bit mask of sources.</param>
    /// <returns>The indices.</returns>
    public static int[] Members(int sources) => [.. Enumerable.Range(0, 31).Where(i => (sources & (1 << i)) != 0)];

    /// <summary>
    /// Redundancies of every node for a measure that defines only the bottom node of two sources: {1}{2} gets
    /// <paramref name="bottom"/>, and every node of one source set A its self-redundancy I(T; S_A).
    /// </summary>
    internal double[] WithBottom(double bottom)
    {
        double[] r = new double[Lattice.Count];
        for (int i = 0; i < r.Length; i++)
        {
            ReadOnlySpan<int> node = Lattice.Node(i);
            r[i] = node.Length == 1 ? MutualInformationNats(node[0]) : bottom;
        }

        return r;
    }

    /// <summary>For each outcome of <see cref="Distribution"/>, the marginal probability of its symbols on <paramref name="variables"/>.</summary>
    internal double[] MarginalOfEach(int[] variables) => Projection.MarginalOfEach(Distribution, variables);
}
