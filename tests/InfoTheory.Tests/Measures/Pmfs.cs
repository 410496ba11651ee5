using FsCheck;

namespace InfoTheory.Tests.Measures;

/// <summary>Turns FsCheck-generated integers into probability vectors and joint tables.</summary>
internal static class Pmfs
{
    /// <summary>Normalised non-negative weights (zeros included); an all-zero draw becomes a point mass.</summary>
    public static double[] From(NonEmptyArray<NonNegativeInt> weights)
    {
        double[] p = Array.ConvertAll(weights.Get, w => (double)(w.Get % 50));
        double sum = p.Sum();
        if (sum == 0)
        {
            p[0] = sum = 1;
        }

        for (int i = 0; i < p.Length; i++)
        {
            p[i] /= sum;
        }

        return p;
    }

    /// <summary>A pmf of exactly <paramref name="n"/> entries from a seed (for pairs that must match in length).</summary>
    public static double[] Seeded(int seed, int n, double zeroFraction) => TestData.Pmf(new Random(seed), n, zeroFraction);
}
