using System.Globalization;
using InfoTheory.Continuous;
using InfoTheory.Discrete;
using InfoTheory.Statistics;

namespace InfoTheory.Cli;

/// <summary>Permutation tests of the mi command, as the line it prints (null when no test was asked for).</summary>
internal static class Significance
{
    public static string? MutualInformation(DiscreteMutualInformation estimator, int[] x, int[] y, int permutations, int seed) =>
        permutations <= 0 ? null : Line(PermutationTest.MutualInformation(estimator, x, y, permutations, seed), "X and Y independent");

    public static string? MutualInformation(IMultivariateMutualInformationEstimator estimator, SampleMatrix x, SampleMatrix y, int permutations, int seed) =>
        permutations <= 0 ? null : Line(PermutationTest.MutualInformation(estimator, x, y, permutations, seed), "X and Y independent (rows of x shuffled)");

    public static string? ConditionalMutualInformation(DiscreteConditionalMutualInformation estimator, int[] x, int[] y, int[] z, int permutations, int seed) =>
        permutations <= 0 ? null : Line(PermutationTest.ConditionalMutualInformation(estimator, x, y, z, permutations, seed), "X and Y independent given Z (x shuffled within strata of z)");

    private static string Line(PermutationTestResult result, string hypothesis) =>
        string.Create(CultureInfo.InvariantCulture, $"permutation test of H0: {hypothesis}: p = {result.PValue:G4} ({result.Permutations} permutations)");
}
