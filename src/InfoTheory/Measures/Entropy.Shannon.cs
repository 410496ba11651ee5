using InfoTheory.Measures.Internal;
using InfoTheory.Primitives;

namespace InfoTheory.Measures;

public static partial class Entropy
{
    /// <summary>Shannon entropy H(p) = −Σ pᵢ ln pᵢ of a probability vector, with 0·ln 0 = 0.</summary>
    /// <param name="p">The probabilities: finite, ≥ 0, summing to 1 within 1e-9·n.</param>
    /// <param name="normalize">Treat <paramref name="p"/> as unnormalised weights and use p / Σp.</param>
    /// <returns>H(p), between 0 and ln n.</returns>
    /// <exception cref="ArgumentException"><paramref name="p"/> is empty, contains NaN, ±∞ or a negative value, or does not sum to 1 (without <paramref name="normalize"/>).</exception>
    /// <remarks>O(n), no allocation (pooled scratch when <paramref name="normalize"/> rescales). Weights at any scale are rescaled without overflow or underflow. Shannon (1948).</remarks>
    public static Information Shannon(ReadOnlySpan<double> p, bool normalize = false)
    {
        // A rescaled copy (pooled) rather than ln S − Σ p ln p / S: that form overflows when S does (weights near 1e308)
        // and loses every digit of S for subnormal weights.
        using var distribution = new ValidatedDistribution(p, normalize);
        return InformationPrimitives.Entropy(distribution.Values);
    }

    /// <summary>Perplexity e^{H(p)}: the effective number of equally likely outcomes (a count, so a plain number, the same in every unit).</summary>
    /// <param name="p">The probabilities: finite, ≥ 0, summing to 1 within 1e-9·n.</param>
    /// <param name="normalize">Treat <paramref name="p"/> as unnormalised weights and use p / Σp.</param>
    /// <returns>A number between 1 and n.</returns>
    /// <exception cref="ArgumentException"><paramref name="p"/> is not a valid distribution.</exception>
    public static double Perplexity(ReadOnlySpan<double> p, bool normalize = false) => Math.Exp(Shannon(p, normalize).Nats);

    /// <summary>Joint entropy H(X, Y, …) = −Σ p ln p over every cell of the table.</summary>
    /// <param name="joint">The joint distribution.</param>
    /// <returns>The joint entropy.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="joint"/> is null.</exception>
    public static Information Joint(JointDistribution joint)
    {
        ArgumentNullException.ThrowIfNull(joint);
        return InformationPrimitives.Entropy(joint.Probabilities);
    }

    /// <summary>
    /// Conditional entropy H(Y | X) = H(X, Y) − H(X) of a two-variable table, where X is axis 0 (rows) and Y is axis 1 (columns).
    /// </summary>
    /// <param name="joint">A joint distribution of two variables.</param>
    /// <returns>H(Y | X) ≥ 0 (up to rounding of order 1e-16); 0 exactly when Y is a function of X.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="joint"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="joint"/> does not have two variables.</exception>
    /// <remarks>For H(X | Y), transpose the table or use <c>H(X, Y) − H(Y)</c> with <see cref="JointDistribution.Marginal(int)"/>.</remarks>
    public static Information Conditional(JointDistribution joint)
    {
        JointDistribution.RequireRank(joint, 2, nameof(joint));
        return InformationPrimitives.Entropy(joint.Probabilities) - InformationPrimitives.Entropy(joint.Marginal(0));
    }
}
