namespace InfoTheory.Benchmarks;

/// <summary>Seeded inputs shared by the benchmarks.</summary>
internal static class Data
{
    public static double[] Pmf(int n, int seed)
    {
        var random = new Random(seed);
        double[] p = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++)
        {
            p[i] = random.NextDouble();
            sum += p[i];
        }

        for (int i = 0; i < n; i++)
        {
            p[i] /= sum;
        }

        return p;
    }

    public static float[] Logits(int n, int seed)
    {
        var random = new Random(seed);
        float[] x = new float[n];
        for (int i = 0; i < n; i++)
        {
            x[i] = (float)((random.NextDouble() - 0.5) * 16);
        }

        return x;
    }
}
