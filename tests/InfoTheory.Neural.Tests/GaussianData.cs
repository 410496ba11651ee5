using InfoTheory.Continuous;

namespace InfoTheory.Neural.Tests;

/// <summary>
/// Correlated Gaussian pairs drawn here (not from the library): X ~ N(0, I_d) and Yᵢ = ρXᵢ + √(1 − ρ²)εᵢ, so the
/// cross-correlation is C = ρI and I(X;Y) = −½ ln det(I − CCᵀ) = −(d/2) ln(1 − ρ²) nats.
/// </summary>
internal static class GaussianData
{
    public static double TrueMutualInformation(int dimension, double rho) => -0.5 * dimension * Math.Log(1 - (rho * rho));

    public static (SampleMatrix X, SampleMatrix Y) Sample(int n, int dimension, double rho, int seed)
    {
        var random = new Random(seed);
        double[] x = new double[n * dimension];
        double[] y = new double[n * dimension];
        double noise = Math.Sqrt(1 - (rho * rho));
        for (int i = 0; i < x.Length; i++)
        {
            x[i] = Normal(random);
            y[i] = (rho * x[i]) + (noise * Normal(random));
        }

        return (SampleMatrix.FromRowMajor(x, dimension), SampleMatrix.FromRowMajor(y, dimension));
    }

    private static double Normal(Random random)
    {
        double u1 = 1.0 - random.NextDouble();
        double u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Sin(2.0 * Math.PI * u2);
    }
}
