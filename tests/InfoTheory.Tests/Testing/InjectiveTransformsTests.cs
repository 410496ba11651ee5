using FsCheck;
using FsCheck.Xunit;
using InfoTheory.Testing;

namespace InfoTheory.Tests.Testing;

public sealed class InjectiveTransformsTests
{
    private static double Apply1(IInjectiveTransform transform, double value)
    {
        Span<double> destination = stackalloc double[1];
        transform.Apply([value], destination);
        return destination[0];
    }

    [Property]
    public void Wiggly_StrictlyIncreasing(NormalFloat a, PositiveInt gap)
    {
        // w′ ≥ 0.26, so w(a + δ) − w(a) ≥ 0.26 δ; test gaps from 1e-6 to ~1 within |a| ≤ 1e3.
        double x = Math.IEEERemainder(a.Get, 1e3), delta = 1e-6 * (1 + (gap.Get % 1_000_000));
        double difference = Apply1(InjectiveTransforms.Wiggly, x + delta) - Apply1(InjectiveTransforms.Wiggly, x);
        Assert.True(difference >= 0.25 * delta, $"w({x} + {delta}) − w({x}) = {difference}");
    }

    [Property]
    public void Spiral_KeepsNormAndInvertsByOppositeSpeed(NormalFloat a, NormalFloat b, NormalFloat c, NormalFloat speed)
    {
        double[] point = [Math.IEEERemainder(a.Get, 10), Math.IEEERemainder(b.Get, 10), Math.IEEERemainder(c.Get, 10)];
        double s = Math.IEEERemainder(speed.Get, 3);
        double[] image = new double[3], back = new double[3];
        InjectiveTransforms.Spiral(s).Apply(point, image);
        InjectiveTransforms.Spiral(-s).Apply(image, back);
        double norm = Math.Sqrt(point.Sum(v => v * v));
        // Angles up to 3·300 rad: the angle of the way back is recomputed from a rounded norm, ~1e-13 off.
        Assert.Equal(norm, Math.Sqrt(image.Sum(v => v * v)), 1e-12 * Math.Max(1, norm));
        for (int j = 0; j < 3; j++)
        {
            Assert.Equal(point[j], back[j], 1e-10);
        }
    }

    [Fact]
    public void ElementwiseMaps_HandValues()
    {
        Assert.Equal(0.5, Apply1(InjectiveTransforms.NormalCdf, 0), 15);
        Assert.Equal(0.8413447460685429, Apply1(InjectiveTransforms.NormalCdf, 1), 14); // Φ(1), Abramowitz & Stegun Table 26.1
        Assert.Equal(-8, Apply1(InjectiveTransforms.HalfCube, -4), 14);
        Assert.Equal(27, Apply1(InjectiveTransforms.HalfCube, 9), 13);
        Assert.Equal(Math.Log(2 + Math.Sqrt(5)), Apply1(InjectiveTransforms.Asinh, 2), 14);
        Assert.Equal(0.2 * Math.Sin(1), Apply1(InjectiveTransforms.Wiggly, 0), 15);
        Assert.Equal(-3.5, Apply1(InjectiveTransforms.Identity, -3.5));
    }

    [Fact]
    public void Dimensions_AsDocumented()
    {
        Assert.True(InjectiveTransforms.HalfCube.TryGetOutputDimension(7, out int d) && d == 7);
        Assert.False(InjectiveTransforms.HalfCube.TryGetOutputDimension(0, out _));
        Assert.False(InjectiveTransforms.Spiral(1).TryGetOutputDimension(1, out _));
        Assert.True(InjectiveTransforms.Spiral(1).TryGetOutputDimension(4, out d) && d == 4);
        Assert.True(InjectiveTransforms.SwissRoll.TryGetOutputDimension(1, out d) && d == 2);
        Assert.True(InjectiveTransforms.SwissRoll.TryGetOutputDimension(2, out d) && d == 3);
        Assert.False(InjectiveTransforms.SwissRoll.TryGetOutputDimension(3, out _));
        var composed = InjectiveTransforms.Compose(InjectiveTransforms.SwissRoll, InjectiveTransforms.Spiral(1));
        Assert.True(composed.TryGetOutputDimension(1, out d) && d == 2);
        Assert.Equal("spiral(1)∘swiss-roll", composed.Name);
    }

    [Fact]
    public void Apply_BadLengthsOrDomain_Throw()
    {
        double[] two = new double[2];
        Assert.Equal("destination", Assert.Throws<ArgumentException>(() => InjectiveTransforms.HalfCube.Apply([1.0], two)).ParamName);
        Assert.Equal("source", Assert.Throws<ArgumentException>(() => InjectiveTransforms.Spiral(1).Apply([1.0], new double[1])).ParamName);
        Assert.Equal("destination", Assert.Throws<ArgumentException>(() => InjectiveTransforms.SwissRoll.Apply([0.5], new double[1])).ParamName);
        Assert.Equal("source", Assert.Throws<ArgumentException>(() => InjectiveTransforms.SwissRoll.Apply([-0.5], two)).ParamName);
        Assert.Equal("source", Assert.Throws<ArgumentException>(() => InjectiveTransforms.SwissRoll.Apply([double.NaN], two)).ParamName);
    }

    [Fact]
    public void Factories_BadArguments_Throw()
    {
        Assert.Equal("speed", Assert.Throws<ArgumentOutOfRangeException>(() => InjectiveTransforms.Spiral(double.NaN)).ParamName);
        Assert.Equal("name", Assert.Throws<ArgumentException>(() => InjectiveTransforms.Elementwise(" ", Math.Exp)).ParamName);
        Assert.Equal("name", Assert.Throws<ArgumentNullException>(() => InjectiveTransforms.Elementwise(null!, Math.Exp)).ParamName);
        Assert.Equal("map", Assert.Throws<ArgumentNullException>(() => InjectiveTransforms.Elementwise("f", null!)).ParamName);
        Assert.Equal("second", Assert.Throws<ArgumentNullException>(() => InjectiveTransforms.Compose(InjectiveTransforms.Asinh, null!)).ParamName);
    }
}
