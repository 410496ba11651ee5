using System.Globalization;
using InfoTheory.Internal;
using MathNet.Numerics;

namespace InfoTheory.TimeSeries;

/// <summary>
/// The largest and smallest Jensen-Shannon statistical complexity that any distribution over N = d! ordinal patterns can
/// have at a given normalised permutation entropy (Martin, Plastino &amp; Rosso 2006; Rosso et al. 2007): the two curves
/// that bound the complexity-entropy plane of <see cref="OrdinalPatterns.StatisticalComplexity"/>.
/// </summary>
/// <remarks>
/// <para>
/// Both curves are traced by explicit families of distributions, each point computed in closed form with the same
/// H_S = S(P)/ln N, Q₀ and C_JS = Q₀ · JS(P, U) · H_S as <see cref="OrdinalPatterns.StatisticalComplexity"/>:
/// </para>
/// <list type="bullet">
/// <item><description>minimum: one pattern with probability p and the other N − 1 with (1 − p)/(N − 1) each, for
/// p from 1/N (uniform: H_S = 1, C = 0) to 1 (a single pattern: H_S = 0, C = 0);</description></item>
/// <item><description>maximum: for m = N, N − 1, …, 2 patterns in use, one with probability p ∈ [0, 1/m] and the other
/// m − 1 with (1 − p)/(m − 1) each, the remaining N − m with none. The segment with m = N starts at the uniform
/// distribution and each segment ends where the next (m − 1) begins; m = 2 ends at a single pattern.</description></item>
/// </list>
/// <para>
/// Both curves start at (H_S, C) = (0, 0) and end at (1, 0). The maximum has N − 1 segments, so it is offered for
/// d ≤ <see cref="MaxMaximumDimension"/> (40 319 segments at d = 8); the minimum for any d up to
/// <see cref="OrdinalPatterns.MaxDimension"/>.
/// </para>
/// </remarks>
public static class ComplexityEntropyBounds
{
    /// <summary>The largest embedding dimension for which <see cref="Maximum"/> traces its d! − 1 segments: 8.</summary>
    public const int MaxMaximumDimension = 8;

    /// <summary>The minimum complexity curve for embedding dimension <paramref name="d"/>, sampled at equally spaced p.</summary>
    /// <param name="d">The embedding dimension, 2 ≤ d ≤ <see cref="OrdinalPatterns.MaxDimension"/>.</param>
    /// <param name="points">The number of points, at least 2: p = 1/N + (1 − 1/N) · i/(points − 1), i = points − 1, …, 0.</param>
    /// <returns>The points in order of increasing normalised entropy, from (0, 0) to (1, 0).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="d"/> or <paramref name="points"/> is out of range.</exception>
    public static OrdinalComplexity[] Minimum(int d, int points = 200)
    {
        CheckDimension(d, OrdinalPatterns.MaxDimension);
        CheckPoints(points, nameof(points));
        double n = Factorial(d);
        double lnN = SpecialFunctions.FactorialLn(d);
        var curve = new OrdinalComplexity[points];
        for (int i = 0; i < points; i++)
        {
            // Largest p first, so that the entropy increases along the array.
            double p = (1 / n) + ((1 - (1 / n)) * (points - 1 - i) / (points - 1));
            curve[i] = Point(p, (1 - p) / (n - 1), n - 1, 0, n, lnN);
        }

        return curve;
    }

    /// <summary>The maximum complexity curve for embedding dimension <paramref name="d"/>, sampled on each of its segments.</summary>
    /// <param name="d">The embedding dimension, 2 ≤ d ≤ <see cref="MaxMaximumDimension"/>.</param>
    /// <param name="pointsPerSegment">
    /// Points on each segment, at least 2: for m = 2, …, N patterns in use, p = (1/m) · j/(pointsPerSegment − 1),
    /// j = 0, …, pointsPerSegment − 1.
    /// </param>
    /// <returns>The (N − 1) · pointsPerSegment points in order of increasing normalised entropy, from (0, 0) to (1, 0).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="d"/> or <paramref name="pointsPerSegment"/> is out of range.</exception>
    public static OrdinalComplexity[] Maximum(int d, int pointsPerSegment = 20)
    {
        CheckDimension(d, MaxMaximumDimension);
        CheckPoints(pointsPerSegment, nameof(pointsPerSegment));
        int n = (int)Factorial(d);
        double lnN = SpecialFunctions.FactorialLn(d);
        var curve = new OrdinalComplexity[(n - 1) * pointsPerSegment];
        int k = 0;

        // m = 2 (lowest entropy) first; within a segment the entropy grows with p (p ≤ 1/m moves towards uniform on m).
        for (int m = 2; m <= n; m++)
        {
            for (int j = 0; j < pointsPerSegment; j++)
            {
                double p = (1.0 / m) * j / (pointsPerSegment - 1);
                curve[k++] = Point(p, (1 - p) / (m - 1), m - 1, n - m, n, lnN);
            }
        }

        return curve;
    }

    /// <summary>
    /// The complexity-entropy point of a distribution with one pattern of probability <paramref name="a"/>,
    /// <paramref name="bCount"/> of probability <paramref name="b"/> and <paramref name="zeros"/> of none (1 + bCount + zeros = N).
    /// </summary>
    private static OrdinalComplexity Point(double a, double b, double bCount, double zeros, double n, double lnN)
    {
        double sp = -(XLogX(a) + (bCount * XLogX(b)));

        // S((P + U)/2) for the same three groups of patterns.
        double u = 1 / n;
        double mixture = -(XLogX((a + u) / 2) + (bCount * XLogX((b + u) / 2)) + (zeros * XLogX(u / 2)));
        double js = mixture - (sp / 2) - (lnN / 2);
        double hs = Math.Clamp(sp / lnN, 0, 1);
        double qj = Math.Max(0, OrdinalPatterns.DisequilibriumScale(n, lnN) * js);
        return new OrdinalComplexity(hs, qj, qj * hs);
    }

    private static double XLogX(double x) => x > 0 ? x * Math.Log(x) : 0;

    private static void CheckDimension(int d, int max)
    {
        if (d < 2 || d > max)
        {
            ThrowHelper.ArgumentOutOfRange(nameof(d), d, string.Create(CultureInfo.InvariantCulture,
                $"d must be between 2 and {max}, got {d}."));
        }
    }

    private static void CheckPoints(int points, string paramName)
    {
        if (points < 2)
        {
            ThrowHelper.ArgumentOutOfRange(paramName, points, string.Create(CultureInfo.InvariantCulture,
                $"{paramName} must be at least 2 (the two ends of the curve), got {points}."));
        }
    }

    private static double Factorial(int d)
    {
        double f = 1;
        for (int i = 2; i <= d; i++)
        {
            f *= i;
        }

        return f;
    }
}
