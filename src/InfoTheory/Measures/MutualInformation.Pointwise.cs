using InfoTheory.Internal;

namespace InfoTheory.Measures;

public static partial class MutualInformation
{
    /// <summary>
    /// Pointwise mutual information table: <c>destination[x·|Y| + y]</c> = pmi(x; y) = log(p(x,y) / (p(x)p(y))),
    /// in the unit of <paramref name="logBase"/>. Its p-weighted mean is I(X;Y).
    /// </summary>
    /// <param name="joint">A joint distribution of two variables.</param>
    /// <param name="destination">Receives the row-major [|X| × |Y|] table; must hold at least |X|·|Y| elements.</param>
    /// <param name="logBase">The unit of the values (default nats).</param>
    /// <exception cref="ArgumentNullException"><paramref name="joint"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="joint"/> does not have two variables, or <paramref name="destination"/> is too short.</exception>
    /// <remarks>
    /// Edges: −∞ where p(x,y) = 0 &lt; p(x)p(y) (a pair never seen together); NaN where p(x) = 0 or p(y) = 0 (undefined).
    /// Church &amp; Hanks (1990), "Word association norms, mutual information, and lexicography".
    /// </remarks>
    public static void Pointwise(JointDistribution joint, Span<double> destination, LogBase logBase = LogBase.E)
    {
        JointDistribution.RequireRank(joint, 2, nameof(joint));
        int nx = joint.Shape[0], ny = joint.Shape[1];
        if (destination.Length < nx * ny)
        {
            ThrowHelper.ArgumentException_DestinationTooShort(nameof(destination), nx * ny, destination.Length);
        }

        double unit = Information.NatsPer(logBase, nameof(logBase));
        double[] px = joint.Marginal(0);
        double[] py = joint.Marginal(1);
        ReadOnlySpan<double> p = joint.Probabilities;
        for (int x = 0; x < nx; x++)
        {
            for (int y = 0; y < ny; y++)
            {
                double marginals = px[x] * py[y];
                destination[(x * ny) + y] = marginals == 0 ? double.NaN : Math.Log(p[(x * ny) + y] / marginals) / unit;
            }
        }
    }

    /// <summary>
    /// Normalised pointwise mutual information table: npmi(x; y) = pmi(x; y) / (−ln p(x,y)), in [−1, 1]
    /// (−1: never together; 0: independent; 1: always together). Unit-free.
    /// </summary>
    /// <param name="joint">A joint distribution of two variables.</param>
    /// <param name="destination">Receives the row-major [|X| × |Y|] table; must hold at least |X|·|Y| elements.</param>
    /// <exception cref="ArgumentNullException"><paramref name="joint"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="joint"/> does not have two variables, or <paramref name="destination"/> is too short.</exception>
    /// <remarks>
    /// Edges: −1 where p(x,y) = 0 &lt; p(x)p(y); 1 where p(x,y) = 1; NaN where p(x) = 0 or p(y) = 0.
    /// Bouma (2009), "Normalized (pointwise) mutual information in collocation extraction".
    /// </remarks>
    public static void NormalizedPointwise(JointDistribution joint, Span<double> destination)
    {
        JointDistribution.RequireRank(joint, 2, nameof(joint));
        int nx = joint.Shape[0], ny = joint.Shape[1];
        if (destination.Length < nx * ny)
        {
            ThrowHelper.ArgumentException_DestinationTooShort(nameof(destination), nx * ny, destination.Length);
        }

        double[] px = joint.Marginal(0);
        double[] py = joint.Marginal(1);
        ReadOnlySpan<double> p = joint.Probabilities;
        for (int x = 0; x < nx; x++)
        {
            for (int y = 0; y < ny; y++)
            {
                double pxy = p[(x * ny) + y];
                double marginals = px[x] * py[y];
                destination[(x * ny) + y] = marginals == 0 ? double.NaN
                    : pxy == 0 ? -1.0
                    : pxy == 1 ? 1.0
                    : Math.Log(pxy / marginals) / -Math.Log(pxy);
            }
        }
    }

    /// <summary>
    /// Variation of information VI(X, Y) = H(X|Y) + H(Y|X) = 2H(X,Y) − H(X) − H(Y): a metric on partitions / clusterings.
    /// </summary>
    /// <param name="joint">A joint distribution of two variables.</param>
    /// <returns>VI ≥ 0; 0 exactly when X and Y determine each other.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="joint"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="joint"/> does not have two variables.</exception>
    /// <remarks>Meilă (2003), "Comparing clusterings by the variation of information".</remarks>
    public static Information VariationOfInformation(JointDistribution joint)
    {
        JointDistribution.RequireRank(joint, 2, nameof(joint));
        return Entropy.Joint(joint) - Of(joint);
    }

    /// <summary>
    /// Rajski distance d(X, Y) = VI(X, Y) / H(X, Y) = 1 − I(X;Y) / H(X,Y): a normalised metric in [0, 1] (unit-free).
    /// </summary>
    /// <param name="joint">A joint distribution of two variables.</param>
    /// <returns>0 when X and Y determine each other, 1 when they are independent; 0 when H(X,Y) = 0 (both constant).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="joint"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="joint"/> does not have two variables.</exception>
    /// <remarks>Rajski (1961), "A metric space of discrete probability distributions".</remarks>
    public static double RajskiDistance(JointDistribution joint)
    {
        JointDistribution.RequireRank(joint, 2, nameof(joint));
        Information h = Entropy.Joint(joint);
        return h.Nats == 0 ? 0 : (h - Of(joint)) / h;
    }
}
