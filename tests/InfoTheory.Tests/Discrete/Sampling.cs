using MathNet.Numerics.Distributions;

namespace InfoTheory.Tests.Discrete;

/// <summary>Seeded draws of probability vectors and counts for the estimator tests.</summary>
internal static class Sampling
{
    /// <summary>A pmf drawn from the symmetric Dirichlet(a) over K categories (normalised Gamma(a, 1) draws).</summary>
    public static double[] DirichletPmf(Random random, int k, double a)
    {
        double[] p = new double[k];
        double sum = 0;
        for (int i = 0; i < k; i++)
        {
            p[i] = Gamma.Sample(random, a, 1);
            sum += p[i];
        }

        for (int i = 0; i < k; i++)
        {
            p[i] /= sum;
        }

        return p;
    }

    /// <summary>Counts of <paramref name="n"/> independent draws from <paramref name="p"/> (inverse-CDF sampling).</summary>
    public static long[] Counts(Random random, double[] p, int n)
    {
        double[] cdf = new double[p.Length];
        double cumulative = 0;
        for (int i = 0; i < p.Length; i++)
        {
            cumulative += p[i];
            cdf[i] = cumulative;
        }

        long[] counts = new long[p.Length];
        for (int j = 0; j < n; j++)
        {
            // The first category whose cumulative probability exceeds u.
            int index = Array.BinarySearch(cdf, random.NextDouble() * cumulative);
            index = index < 0 ? ~index : index + 1;
            counts[Math.Min(index, p.Length - 1)]++;
        }

        return counts;
    }

    /// <summary>The Shannon entropy −Σ p ln p in nats.</summary>
    public static double Entropy(double[] p)
    {
        double h = 0;
        foreach (double v in p)
        {
            if (v > 0)
            {
                h -= v * Math.Log(v);
            }
        }

        return h;
    }
}
