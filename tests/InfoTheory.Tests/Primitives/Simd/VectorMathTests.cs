
using InfoTheory.Primitives.Simd;

namespace InfoTheory.Tests.Primitives.Simd;

/// <summary>
/// The hand-written vector log and exp against <see cref="Math.Log(double)"/> / <see cref="Math.Exp(double)"/>
/// in ulps, over the whole double range, for every vector width this machine accelerates.
/// </summary>
public sealed class VectorMathTests
{
    public static TheoryData<string> Widths() => ["128", "256", "512"];

    private static bool Supported(string width) => width switch
    {
        "128" => V128.IsSupported,
        "256" => V256.IsSupported,
        _ => V512.IsSupported,
    };

    private static double[] Apply(string width, double[] x, bool log) => width switch
    {
        "128" => Apply<V128, double>(x, log),
        "256" => Apply<V256, double>(x, log),
        _ => Apply<V512, double>(x, log),
    };

    private static float[] Apply(string width, float[] x, bool log) => width switch
    {
        "128" => Apply<V128F, float>(x, log),
        "256" => Apply<V256F, float>(x, log),
        _ => Apply<V512F, float>(x, log),
    };

    private static T[] Apply<TV, T>(T[] x, bool log)
        where TV : struct, IVector<TV>
        where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        // Pad to whole vectors; lanes are independent.
        int c = TV.Count;
        T[] padded = new T[(x.Length + c - 1) / c * c];
        Array.Fill(padded, T.One);
        x.CopyTo(padded, 0);
        T[] result = new T[padded.Length];
        for (int i = 0; i < padded.Length; i += c)
        {
            TV v = TV.Load(ref padded[i]);
            TV r = log ? VectorMath.Log(v) : VectorMath.Exp(v);
            for (int j = 0; j < c; j++)
            {
                result[i + j] = T.CreateTruncating(Lane(r, j));
            }
        }

        return result[..x.Length];
    }

    private static double Lane<TV>(TV v, int lane)
        where TV : struct, IVector<TV>
    {
        // Read one lane through the only public view the interface gives: a masked sum.
        TV mask = TV.Equal(TV.Indices, TV.Create(lane));
        return TV.Sum(TV.Select(mask, v, TV.Zero));
    }

    private static long Ulps(float expected, float actual)
    {
        if (expected.Equals(actual))
        {
            return 0;
        }

        int a = BitConverter.SingleToInt32Bits(expected);
        int b = BitConverter.SingleToInt32Bits(actual);
        return (a < 0) != (b < 0) ? long.MaxValue : Math.Abs((long)a - b);
    }

    private static long Ulps(double expected, double actual)
    {
        if (expected.Equals(actual))
        {
            return 0;
        }

        long a = BitConverter.DoubleToInt64Bits(expected);
        long b = BitConverter.DoubleToInt64Bits(actual);
        return (a < 0) != (b < 0) ? long.MaxValue : Math.Abs(a - b);
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public void Log_WholeDoubleRange_WithinTwoUlpsOfMathLog(string width)
    {
        Assert.SkipUnless(Supported(width), $"{width}-bit vectors are not accelerated on this machine");
        var random = new Random(21);
        var inputs = new List<double> { double.Epsilon, 1e-320, 2.2250738585072014e-308, 2.2250738585072009e-308, 0.5, 1.0, Math.BitIncrement(1.0), Math.BitDecrement(1.0), Math.E, 2.0, double.MaxValue };
        for (int i = 0; i < 20000; i++)
        {
            // Uniform over the exponent range, so every binade and the subnormals are visited.
            inputs.Add(Math.Pow(2, (random.NextDouble() * 2098) - 1074) * (1 + random.NextDouble()));
            inputs.Add(1 + ((random.NextDouble() - 0.5) * 1e-3));
        }

        double[] x = [.. inputs];
        double[] actual = Apply(width, x, log: true);
        for (int i = 0; i < x.Length; i++)
        {
            double expected = Math.Log(x[i]);
            // Near x = 1, log x ≈ x − 1 is tiny; fdlibm stays within 1 ulp there too.
            Assert.True(Ulps(expected, actual[i]) <= 2, $"log({x[i]:R}) = {actual[i]:R}, expected {expected:R}");
        }
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public void Log_SpecialValues_FollowIeee(string width)
    {
        Assert.SkipUnless(Supported(width), $"{width}-bit vectors are not accelerated on this machine");
        double[] x = [0.0, -0.0, -1.0, double.NegativeInfinity, double.PositiveInfinity, double.NaN, 1.0];
        double[] r = Apply(width, x, log: true);
        Assert.Equal(double.NegativeInfinity, r[0]);
        Assert.Equal(double.NegativeInfinity, r[1]);
        Assert.True(double.IsNaN(r[2]));
        Assert.True(double.IsNaN(r[3]));
        Assert.Equal(double.PositiveInfinity, r[4]);
        Assert.True(double.IsNaN(r[5]));
        Assert.Equal(0.0, r[6]);
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public void Exp_UsableRange_WithinFourUlpsOfMathExp(string width)
    {
        Assert.SkipUnless(Supported(width), $"{width}-bit vectors are not accelerated on this machine");
        var random = new Random(22);
        double[] x = new double[20000];
        for (int i = 0; i < x.Length; i++)
        {
            x[i] = i % 2 == 0 ? (random.NextDouble() * 1409) - 700 : (random.NextDouble() - 0.5) * 2;
        }

        double[] actual = Apply(width, x, log: false);
        for (int i = 0; i < x.Length; i++)
        {
            double expected = Math.Exp(x[i]);
            // Degree-12 Taylor on |r| ≤ ln2/2 plus the two-part ln 2 reduction: a few ulps.
            Assert.True(Ulps(expected, actual[i]) <= 4, $"exp({x[i]:R}) = {actual[i]:R}, expected {expected:R}");
        }
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public void Exp_SpecialValues_FollowIeeeAndFlushBelowNormalRange(string width)
    {
        Assert.SkipUnless(Supported(width), $"{width}-bit vectors are not accelerated on this machine");
        double[] x = [double.NegativeInfinity, double.PositiveInfinity, double.NaN, 0.0, 710.0, -708.0, -1000.0, 709.0];
        double[] r = Apply(width, x, log: false);
        Assert.Equal(0.0, r[0]);
        Assert.Equal(double.PositiveInfinity, r[1]);
        Assert.True(double.IsNaN(r[2]));
        Assert.Equal(1.0, r[3]);
        Assert.Equal(double.PositiveInfinity, r[4]);
        Assert.Equal(0.0, r[5]);
        Assert.Equal(0.0, r[6]);
        Assert.True(Ulps(Math.Exp(709.0), r[7]) <= 4);
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public void LogSingle_WholeFloatRange_WithinTwoUlpsOfMathFLog(string width)
    {
        Assert.SkipUnless(Supported(width), $"{width}-bit vectors are not accelerated on this machine");
        var random = new Random(23);
        var inputs = new List<float> { float.Epsilon, 1e-40f, 1.17549435e-38f, 0.5f, 1.0f, MathF.BitIncrement(1.0f), MathF.BitDecrement(1.0f), MathF.E, float.MaxValue };
        for (int i = 0; i < 20000; i++)
        {
            inputs.Add((float)(Math.Pow(2, (random.NextDouble() * 276) - 149) * (1 + random.NextDouble())));
            inputs.Add((float)(1 + ((random.NextDouble() - 0.5) * 1e-2)));
        }

        float[] x = [.. inputs];
        float[] actual = Apply(width, x, log: true);
        for (int i = 0; i < x.Length; i++)
        {
            // Reference: the correctly rounded float of the double log (MathF.Log itself may be off by an ulp).
            float expected = (float)Math.Log(x[i]);
            Assert.True(Ulps(expected, actual[i]) <= 2, $"logf({x[i]:R}) = {actual[i]:R}, expected {expected:R}");
        }

        float[] special = Apply(width, [0f, -1f, float.PositiveInfinity, float.NaN], log: true);
        Assert.Equal(float.NegativeInfinity, special[0]);
        Assert.True(float.IsNaN(special[1]));
        Assert.Equal(float.PositiveInfinity, special[2]);
        Assert.True(float.IsNaN(special[3]));
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public void ExpSingle_UsableRange_WithinThreeUlpsOfCorrectlyRounded(string width)
    {
        Assert.SkipUnless(Supported(width), $"{width}-bit vectors are not accelerated on this machine");
        var random = new Random(24);
        float[] x = new float[20000];
        for (int i = 0; i < x.Length; i++)
        {
            x[i] = (float)(i % 2 == 0 ? (random.NextDouble() * 175) - 86.5 : (random.NextDouble() - 0.5) * 2);
        }

        float[] actual = Apply(width, x, log: false);
        for (int i = 0; i < x.Length; i++)
        {
            // Degree-7 Taylor (truncation 6e-9) plus float rounding in Horner's rule: a few ulps.
            float expected = (float)Math.Exp(x[i]);
            Assert.True(Ulps(expected, actual[i]) <= 3, $"expf({x[i]:R}) = {actual[i]:R}, expected {expected:R}");
        }

        float[] special = Apply(width, [float.NegativeInfinity, float.PositiveInfinity, float.NaN, 0f, 89f, -87f], log: false);
        Assert.Equal(0f, special[0]);
        Assert.Equal(float.PositiveInfinity, special[1]);
        Assert.True(float.IsNaN(special[2]));
        Assert.Equal(1f, special[3]);
        Assert.Equal(float.PositiveInfinity, special[4]);
        Assert.Equal(0f, special[5]);
    }
}
