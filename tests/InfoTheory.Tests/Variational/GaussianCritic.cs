namespace InfoTheory.Tests.Variational;

/// <summary>Batches of a standard bivariate Gaussian pair with correlation ρ, scored by the optimal critic.</summary>
internal static class GaussianCritic
{
    /// <summary>I(X;Y) = −½ ln(1 − ρ²) nats (Cover &amp; Thomas, eq. 8.56).</summary>
    public static double TrueMi(double rho) => -0.5 * Math.Log(1 - (rho * rho));

    /// <summary>ln p(y|x)/p(y) for the standard bivariate normal: −½ln(1−ρ²) − (y−ρx)²/(2(1−ρ²)) + y²/2.</summary>
    public static double LogRatio(double x, double y, double rho)
    {
        double v = 1 - (rho * rho);
        return (-0.5 * Math.Log(v)) - ((y - (rho * x)) * (y - (rho * x)) / (2 * v)) + (y * y / 2);
    }

    /// <summary>K paired samples and the K × K matrix Sᵢⱼ = ln r(xᵢ, yⱼ) + offset, row-major.</summary>
    public static double[] Scores(Random random, int k, double rho, double offset = 0)
    {
        double[] x = new double[k], y = new double[k];
        for (int i = 0; i < k; i++)
        {
            double a = Normal(random), b = Normal(random);
            x[i] = a;
            y[i] = (rho * a) + (Math.Sqrt(1 - (rho * rho)) * b);
        }

        double[] s = new double[k * k];
        for (int i = 0; i < k; i++)
        {
            for (int j = 0; j < k; j++)
            {
                s[(i * k) + j] = LogRatio(x[i], y[j], rho) + offset;
            }
        }

        return s;
    }

    public static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
