using InfoTheory.Continuous;

namespace InfoTheory.Tests.Kernel;

/// <summary>Seeded samples shared by the kernel tests.</summary>
internal static class KernelTestData
{
    /// <summary>n × d standard normal samples, seeded.</summary>
    public static SampleMatrix Normal(int n, int d, int seed, double scale = 1.0, double shift = 0.0)
    {
        double[] values = new double[n * d];
        MathNet.Numerics.Distributions.Normal.Samples(new Random(seed), values, shift, scale);
        return SampleMatrix.FromRowMajor(values, d);
    }

    /// <summary>The rows of <paramref name="samples"/> in the order given by <paramref name="order"/>.</summary>
    public static SampleMatrix PermuteRows(SampleMatrix samples, int[] order)
    {
        int d = samples.Columns;
        double[] values = new double[samples.Rows * d];
        for (int i = 0; i < order.Length; i++)
        {
            samples.Row(order[i]).CopyTo(values.AsSpan(i * d, d));
        }

        return SampleMatrix.FromRowMajor(values, d);
    }

    /// <summary>A seeded random permutation of 0..n−1.</summary>
    public static int[] Permutation(int n, int seed)
    {
        int[] order = Enumerable.Range(0, n).ToArray();
        new Random(seed).Shuffle(order);
        return order;
    }

    /// <summary>n points on a line, <paramref name="spacing"/> apart: with a bandwidth far below the spacing their Gram matrix is ≈ I.</summary>
    public static SampleMatrix Separated(int n, double spacing)
    {
        double[] values = new double[n];
        for (int i = 0; i < n; i++)
        {
            values[i] = i * spacing;
        }

        return SampleMatrix.FromRowMajor(values, 1);
    }

    /// <summary>A sample of a 1-D Gaussian mixture: component c chosen with probability weights[c], then N(means[c], sds[c]²).</summary>
    public static double[] Mixture(int n, double[] weights, double[] means, double[] sds, int seed)
    {
        var random = new Random(seed);
        double[] result = new double[n];
        for (int i = 0; i < n; i++)
        {
            double u = random.NextDouble();
            int c = 0;
            while (c < weights.Length - 1 && u >= weights[c])
            {
                u -= weights[c];
                c++;
            }

            result[i] = MathNet.Numerics.Distributions.Normal.Sample(random, means[c], sds[c]);
        }

        return result;
    }
}
