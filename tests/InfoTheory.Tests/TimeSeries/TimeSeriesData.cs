namespace InfoTheory.Tests.TimeSeries;

/// <summary>Seeded processes with known information dynamics.</summary>
internal static class TimeSeriesData
{
    public static double Normal(Random random)
    {
        // Box-Muller; 1 − U keeps the logarithm finite.
        double u = 1 - random.NextDouble(), v = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u)) * Math.Cos(2 * Math.PI * v);
    }

    /// <summary>X_t i.i.d. N(0, 1); Y_t = a Y_{t−1} + b X_{t−1} + ε_t with ε i.i.d. N(0, 1). Burn-in discarded.</summary>
    public static (double[] X, double[] Y) LinearCoupled(int n, double a, double b, int seed)
    {
        var random = new Random(seed);
        const int burnIn = 200;
        double[] x = new double[n + burnIn], y = new double[n + burnIn];
        x[0] = Normal(random);
        for (int t = 1; t < x.Length; t++)
        {
            x[t] = Normal(random);
            y[t] = (a * y[t - 1]) + (b * x[t - 1]) + Normal(random);
        }

        return (x[burnIn..], y[burnIn..]);
    }

    /// <summary>
    /// X_t i.i.d. Bernoulli(q); Y_t = X_{t−1} with probability c, otherwise Y_{t−1} flipped with probability e.
    /// </summary>
    public static (int[] X, int[] Y) CoupledBinary(int n, double q, double c, double e, int seed)
    {
        var random = new Random(seed);
        int[] x = new int[n], y = new int[n];
        for (int t = 0; t < n; t++)
        {
            x[t] = random.NextDouble() < q ? 1 : 0;
            if (t > 0)
            {
                y[t] = random.NextDouble() < c ? x[t - 1] : (random.NextDouble() < e ? 1 - y[t - 1] : y[t - 1]);
            }
        }

        return (x, y);
    }

    /// <summary>P(Y_t = y' | Y_{t−1} = y, X_{t−1} = x) of <see cref="CoupledBinary"/>.</summary>
    public static double CoupledBinaryTransition(int next, int y, int x, double c, double e)
    {
        double copy = next == x ? 1 : 0;
        double keep = next == y ? 1 - e : e;
        return (c * copy) + ((1 - c) * keep);
    }

    /// <summary>The stationary P(Y = 1) of <see cref="CoupledBinary"/>: π = cq + (1 − c)(π(1 − e) + (1 − π)e).</summary>
    public static double CoupledBinaryStationary(double q, double c, double e) =>
        ((c * q) + ((1 - c) * e)) / (1 - ((1 - c) * (1 - (2 * e))));
}
