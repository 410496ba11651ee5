using InfoTheory.Continuous;

namespace InfoTheory.Tests.Selection;

/// <summary>Seeded data for the selection tests, and a plug-in MI / CMI written independently of the library (dictionary counts).</summary>
internal static class SelectionTestData
{
    /// <summary>n standard normal draws (Box-Muller on a seeded <see cref="Random"/>).</summary>
    public static double[] Normals(int n, int seed) => Normals(n, new Random(seed));

    /// <summary>
    /// n standard normal draws from <paramref name="random"/>. Draws meant to be independent come from one stream: the
    /// streams of seeded <see cref="Random"/> instances are not reliably independent of each other (normals from seeds 10
    /// and 11, n = 3000, have a Pearson correlation of 0.06, 3.3 standard errors from 0).
    /// </summary>
    public static double[] Normals(int n, Random random)
    {
        double[] z = new double[n];
        for (int i = 0; i < n; i++)
        {
            double u1 = 1.0 - random.NextDouble();
            double u2 = random.NextDouble();
            z[i] = Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
        }

        return z;
    }

    /// <summary>Columns x_k = ρ_k·y + √(1 − ρ_k²)·e_k with y and the e_k independent standard normals: corr(x_k, y) = ρ_k.</summary>
    public static (SampleMatrix Features, double[] Target) CorrelatedWithTarget(int n, double[] rho, int seed)
    {
        var random = new Random(seed);
        double[] y = Normals(n, random);
        double[] data = new double[n * rho.Length];
        for (int k = 0; k < rho.Length; k++)
        {
            double[] e = Normals(n, random);
            for (int i = 0; i < n; i++)
            {
                data[(i * rho.Length) + k] = (rho[k] * y[i]) + (Math.Sqrt(1 - (rho[k] * rho[k])) * e[i]);
            }
        }

        return (SampleMatrix.FromRowMajor(data, rho.Length), y);
    }

    /// <summary>Σ p(x,y) ln(p(x,y) / (p(x) p(y))) from dictionary counts.</summary>
    public static double PlugInMi(int[] x, int[] y)
    {
        double n = x.Length;
        var nx = Count(x.Select(v => (v, 0, 0)));
        var ny = Count(y.Select(v => (v, 0, 0)));
        var nxy = Count(x.Zip(y, (a, b) => (a, b, 0)));
        double sum = 0;
        foreach (((int a, int b, int _), int c) in nxy)
        {
            sum += c / n * Math.Log(n * c / ((double)nx[(a, 0, 0)] * ny[(b, 0, 0)]));
        }

        return sum;
    }

    /// <summary>Σ p(x,y,z) ln(p(z) p(x,y,z) / (p(x,z) p(y,z))) from dictionary counts.</summary>
    public static double PlugInCmi(int[] x, int[] y, int[] z)
    {
        double n = x.Length;
        var nz = Count(z.Select(v => (v, 0, 0)));
        var nxz = Count(x.Zip(z, (a, c) => (a, c, 0)));
        var nyz = Count(y.Zip(z, (b, c) => (b, c, 0)));
        var nxyz = Count(Enumerable.Range(0, x.Length).Select(i => (x[i], y[i], z[i])));
        double sum = 0;
        foreach (((int a, int b, int c), int m) in nxyz)
        {
            sum += m / n * Math.Log((double)nz[(c, 0, 0)] * m / ((double)nxz[(a, c, 0)] * nyz[(b, c, 0)]));
        }

        return sum;
    }

    private static Dictionary<(int, int, int), int> Count(IEnumerable<(int, int, int)> keys)
    {
        var counts = new Dictionary<(int, int, int), int>();
        foreach (var key in keys)
        {
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }

        return counts;
    }
}
