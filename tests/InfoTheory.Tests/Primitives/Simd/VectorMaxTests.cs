using System.Numerics.Tensors;
using InfoTheory.Primitives.Simd;

namespace InfoTheory.Tests.Primitives.Simd;

// The row kernels' maximum against TensorPrimitives.Max on every length from 1 to 200 (all vector widths, the
// overlapping last vector and the scalar path), with the maximum at every position, infinities and NaN anywhere.
public sealed class VectorMaxTests
{
    [Fact]
    public void Max_EqualsTensorPrimitives_Double()
    {
        var random = new Random(3);
        for (int n = 1; n <= 200; n++)
        {
            double[] x = [.. Enumerable.Range(0, n).Select(_ => (random.NextDouble() - 0.5) * 100)];
            Assert.Equal(TensorPrimitives.Max(x), VectorMax.Max<double>(x));
            for (int at = 0; at < n; at += Math.Max(1, n / 7))
            {
                double[] y = (double[])x.Clone();
                y[at] = 1e6;
                Assert.Equal(1e6, VectorMax.Max<double>(y));
                y[at] = double.PositiveInfinity;
                Assert.Equal(double.PositiveInfinity, VectorMax.Max<double>(y));
                y[at] = double.NaN;
                Assert.True(double.IsNaN(VectorMax.Max<double>(y)), $"n = {n}, NaN at {at}");
            }
        }
    }

    [Fact]
    public void Max_EqualsTensorPrimitives_Single()
    {
        var random = new Random(4);
        for (int n = 1; n <= 200; n++)
        {
            float[] x = [.. Enumerable.Range(0, n).Select(_ => (float)((random.NextDouble() - 0.5) * 100))];
            Assert.Equal(TensorPrimitives.Max(x), VectorMax.Max<float>(x));
            for (int at = 0; at < n; at += Math.Max(1, n / 7))
            {
                float[] y = (float[])x.Clone();
                y[at] = float.NaN;
                Assert.True(float.IsNaN(VectorMax.Max<float>(y)), $"n = {n}, NaN at {at}");
            }
        }
    }

    [Fact]
    public void Max_AllNegativeInfinityAndZeros()
    {
        Assert.Equal(double.NegativeInfinity, VectorMax.Max<double>(Enumerable.Repeat(double.NegativeInfinity, 37).ToArray()));
        // A zero maximum may come back as −0 or +0 (the shift is the same); its value is 0.
        Assert.Equal(0.0, VectorMax.Max<double>([-0.0, 0.0, -0.0, -1, -2, -3, -4, -5, -6, -7]), 0.0);
        Assert.Equal(-0.5f, VectorMax.Max<float>([-0.5f]));
        Assert.Throws<ArgumentException>(() => VectorMax.Max<double>([]));
    }
}
