namespace InfoTheory.Tests;

/// <summary>Seeded generators of probability vectors, counts and logits for the tests.</summary>
internal static class TestData
{
    /// <summary>A pmf of length n; about <paramref name="zeroFraction"/> of the entries are exactly 0.</summary>
    public static double[] Pmf(Random random, int n, double zeroFraction = 0.1)
    {
        double[] p = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++)
        {
            // Wide dynamic range: some entries near 1e-12, some near 1.
            p[i] = random.NextDouble() < zeroFraction ? 0 : Math.Exp(-12 * random.NextDouble() * random.NextDouble());
            sum += p[i];
        }

        if (sum == 0 && n > 0)
        {
            p[0] = sum = 1;
        }

        for (int i = 0; i < n; i++)
        {
            p[i] /= sum;
        }

        return p;
    }

    /// <summary>A pmf with no zero entries (a valid reference distribution q for KL).</summary>
    public static double[] PositivePmf(Random random, int n) => Pmf(random, n, zeroFraction: 0);

    /// <summary>Logits ~ scale·N(0, 1)-ish, with about <paramref name="maskFraction"/> set to −∞ (never all of them).</summary>
    public static double[] Logits(Random random, int n, double scale = 4, double maskFraction = 0)
    {
        double[] x = new double[n];
        for (int i = 0; i < n; i++)
        {
            double u1 = 1.0 - random.NextDouble();
            double u2 = random.NextDouble();
            x[i] = scale * Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
            if (i > 0 && random.NextDouble() < maskFraction)
            {
                x[i] = double.NegativeInfinity;
            }
        }

        return x;
    }

    /// <summary>N symbol pairs over kx × ky; y copies x (mod ky) with probability <paramref name="coupling"/>, else is uniform.</summary>
    public static (int[] X, int[] Y) Pairs(Random random, int n, int kx, int ky, double coupling)
    {
        int[] x = new int[n], y = new int[n];
        for (int i = 0; i < n; i++)
        {
            x[i] = random.Next(kx);
            y[i] = random.NextDouble() < coupling ? x[i] % ky : random.Next(ky);
        }

        return (x, y);
    }

    public static long[] Counts(Random random, int n, int max = 1000)
    {
        long[] c = new long[n];
        for (int i = 0; i < n; i++)
        {
            c[i] = random.NextDouble() < 0.2 ? 0 : random.Next(max);
        }

        return c;
    }

    public static T[] Convert<T>(double[] values)
        where T : System.Numerics.IFloatingPointIeee754<T>
    {
        T[] result = new T[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            result[i] = T.CreateTruncating(values[i]);
        }

        return result;
    }

    public static double[] ToDouble<T>(T[] values)
        where T : System.Numerics.IFloatingPointIeee754<T>
    {
        double[] result = new double[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            result[i] = double.CreateTruncating(values[i]);
        }

        return result;
    }
}
