using System.Globalization;
using InfoTheory.Continuous;
using InfoTheory.Discrete;
using InfoTheory.Statistics;

namespace InfoTheory.Cli;

/// <summary>Permutation tests printed by the mi command.</summary>
internal static class Significance
{
    public static void MutualInformation(DiscreteMutualInformation estimator, int[] x, int[] y, int permutations, int seed)
    {
        if (permutations > 0)
        {
            Print(PermutationTest.MutualInformation(estimator, x, y, permutations, seed), "X and Y independent");
        }
    }

    public static void MutualInformation(IMultivariateMutualInformationEstimator estimator, SampleMatrix x, SampleMatrix y, int permutations, int seed)
    {
        if (permutations > 0)
        {
            Print(PermutationTest.MutualInformation(estimator, x, y, permutations, seed), "X and Y independent (rows of x shuffled)");
        }
    }

    public static void ConditionalMutualInformation(DiscreteConditionalMutualInformation estimator, int[] x, int[] y, int[] z, int permutations, int seed)
    {
        if (permutations > 0)
        {
            Print(PermutationTest.ConditionalMutualInformation(estimator, x, y, z, permutations, seed), "X and Y independent given Z (x shuffled within strata of z)");
        }
    }

    private static void Print(PermutationTestResult result, string hypothesis) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"permutation test of H0: {hypothesis}: p = {result.PValue:G4} ({result.Permutations} permutations)"));
}
