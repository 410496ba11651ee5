using System.Globalization;
using InfoTheory.Testing.Internal;
using MathNet.Numerics;

namespace InfoTheory.Testing;

/// <summary>
/// The one-to-one maps of the "Beyond Normal" benchmark (Czyż, Grabowski, Vogt, Beerenwinkel &amp; Marx, NeurIPS 2023):
/// per-coordinate monotone maps (normal CDF, half-cube, asinh, a wiggly map), the spiral diffeomorphism and the
/// Swiss-roll embedding. Each preserves mutual information when applied to X or to Y alone; see
/// <see cref="TransformedTask"/>.
/// </summary>
/// <remarks>All returned maps are immutable and thread-safe. The elementwise maps accept any dimension ≥ 1.</remarks>
public static class InjectiveTransforms
{
    private const double InverseSqrt2 = 0.70710678118654752440;

    /// <summary>The identity map x ↦ x, named "identity", for any dimension.</summary>
    public static IInjectiveTransform Identity { get; } = new ElementwiseTransform("identity", static x => x);

    /// <summary>
    /// The standard normal CDF per coordinate, Φ(x) = ½ erfc(−x/√2), named "normal-cdf": strictly increasing from ℝ onto
    /// (0, 1). Turns a standard normal margin into a uniform one.
    /// </summary>
    /// <remarks>
    /// In double precision Φ(x) rounds to 1 for x above about 8.3 (a probability near 10⁻¹⁶ for a standard normal), so
    /// numerically the map is one-to-one only below that; the lower tail keeps full relative accuracy through erfc.
    /// </remarks>
    public static IInjectiveTransform NormalCdf { get; } =
        new ElementwiseTransform("normal-cdf", static x => 0.5 * SpecialFunctions.Erfc(-x * InverseSqrt2));

    /// <summary>
    /// The half-cube map x ↦ x |x|^{1/2} = sign(x) |x|^{3/2} per coordinate, named "half-cube": strictly increasing, with
    /// inverse y ↦ sign(y) |y|^{2/3}. It lengthens the tails and flattens the centre (its derivative is 0 at 0).
    /// </summary>
    public static IInjectiveTransform HalfCube { get; } = new ElementwiseTransform("half-cube", static x => x * Math.Sqrt(Math.Abs(x)));

    /// <summary>
    /// The inverse hyperbolic sine per coordinate, asinh x = ln(x + √(x² + 1)), named "asinh": strictly increasing, close
    /// to x near 0 and to sign(x) ln(2|x|) in the tails, so it shortens heavy tails.
    /// </summary>
    public static IInjectiveTransform Asinh { get; } = new ElementwiseTransform("asinh", Math.Asinh);

    /// <summary>
    /// A wiggly map per coordinate, w(x) = x + 0.4 sin(x) + 0.2 sin(1.7x + 1), named "wiggly". Strictly increasing on ℝ:
    /// w′(x) = 1 + 0.4 cos(x) + 0.34 cos(1.7x + 1) ≥ 1 − 0.4 − 0.34 = 0.26 &gt; 0. A smooth map that is far from affine
    /// at every scale, in the spirit of the benchmark's "wiggly" tasks.
    /// </summary>
    public static IInjectiveTransform Wiggly { get; } =
        new ElementwiseTransform("wiggly", static x => x + (0.4 * Math.Sin(x)) + (0.2 * Math.Sin((1.7 * x) + 1)));

    /// <summary>
    /// The Swiss-roll embedding, named "swiss-roll": u ↦ (t cos t, t sin t)/(4.5π) with t = 1.5π(1 + 2u) for one
    /// coordinate, and (u, v) ↦ (t cos t/(4.5π), v, t sin t/(4.5π)) for two. Maps [0, 1] onto one and a half turns of a
    /// spiral of radius between ⅓ and 1, a curve in the plane (or a rolled sheet in space).
    /// </summary>
    /// <remarks>
    /// One-to-one exactly where t &gt; 0, i.e. u &gt; −½ (the radius t/(4.5π) then grows with u); it is meant for
    /// values in [0, 1] such as the output of <see cref="NormalCdf"/> (compose them with <see cref="Compose"/>).
    /// <see cref="IInjectiveTransform.Apply"/> throws <see cref="ArgumentException"/> for u ≤ −½. Dimension 1 or 2 in,
    /// one more out: the output lies on a lower-dimensional manifold, which density-based estimators find hard, while
    /// the mutual information is unchanged.
    /// </remarks>
    public static IInjectiveTransform SwissRoll { get; } = new SwissRollTransform();

    /// <summary>
    /// The spiral diffeomorphism x ↦ R(speed · ‖x‖²) x of ℝ^d (d ≥ 2), R(θ) the rotation by θ in the plane of the first
    /// two coordinates, named "spiral(speed)". Its inverse is y ↦ R(−speed · ‖y‖²) y, since a rotation keeps the norm;
    /// points are turned the more the farther they lie from the origin. As in the benchmark's spiral tasks.
    /// </summary>
    /// <param name="speed">The angle per unit of squared norm, finite; 0 gives the identity.</param>
    /// <returns>The map, defined for dimensions d ≥ 2.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="speed"/> is NaN or ±∞.</exception>
    public static IInjectiveTransform Spiral(double speed)
    {
        if (!double.IsFinite(speed))
        {
            throw new ArgumentOutOfRangeException(nameof(speed), speed, string.Format(CultureInfo.InvariantCulture,
                "speed must be a finite number, got {0}.", speed));
        }

        return new SpiralTransform(speed);
    }

    /// <summary>A caller's strictly monotone scalar map applied to every coordinate.</summary>
    /// <param name="name">A short name for descriptions, not empty.</param>
    /// <param name="map">A strictly increasing or strictly decreasing function on the support of the variable, returning finite values there.</param>
    /// <returns>The elementwise map; its one-to-one-ness is the caller's promise and is not checked.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> or <paramref name="map"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty or white space.</exception>
    public static IInjectiveTransform Elementwise(string name, Func<double, double> map)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(map);
        return new ElementwiseTransform(name, map);
    }

    /// <summary>The composition x ↦ second(first(x)), named "second∘first"; one-to-one when both maps are.</summary>
    /// <param name="first">The map applied first.</param>
    /// <param name="second">The map applied to the output of <paramref name="first"/>.</param>
    /// <returns>The composed map, defined for the input dimensions of <paramref name="first"/> whose output <paramref name="second"/> accepts.</returns>
    /// <exception cref="ArgumentNullException">A map is null.</exception>
    public static IInjectiveTransform Compose(IInjectiveTransform first, IInjectiveTransform second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        return new ComposedTransform(first, second);
    }
}
