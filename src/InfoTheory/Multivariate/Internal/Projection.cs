namespace InfoTheory.Multivariate.Internal;

/// <summary>Dense codes of the sub-outcomes of a distribution on a subset of its variables.</summary>
internal static class Projection
{
    /// <summary>
    /// For each outcome of <paramref name="distribution"/>, the code of its symbols on <paramref name="variables"/>:
    /// 0, 1, … in order of first appearance. Built one variable at a time, code·alphabet + symbol densified after each
    /// step, so no key ever exceeds (number of outcomes) × (alphabet size) whatever the number of variables.
    /// </summary>
    public static (int[] Codes, int Count) Codes(DiscreteDistribution distribution, int[] variables)
    {
        int m = distribution.OutcomeCount, n = distribution.VariableCount;
        int[] outcomes = distribution.RawOutcomes;
        int[] codes = new int[m];
        int count = 1;
        var dense = new Dictionary<long, int>();
        foreach (int v in variables)
        {
            long size = distribution.AlphabetSizes[v];
            dense.Clear();
            for (int i = 0; i < m; i++)
            {
                long key = (codes[i] * size) + outcomes[(i * n) + v];
                if (!dense.TryGetValue(key, out int code))
                {
                    code = dense.Count;
                    dense[key] = code;
                }

                codes[i] = code;
            }

            count = dense.Count;
        }

        return (codes, count);
    }

    /// <summary>For each outcome, the marginal probability of its symbols on <paramref name="variables"/>.</summary>
    public static double[] MarginalOfEach(DiscreteDistribution distribution, int[] variables)
    {
        (int[] codes, int count) = Codes(distribution, variables);
        double[] marginal = new double[count];
        double[] p = distribution.RawProbabilities;
        for (int i = 0; i < codes.Length; i++)
        {
            marginal[codes[i]] += p[i];
        }

        double[] each = new double[codes.Length];
        for (int i = 0; i < codes.Length; i++)
        {
            each[i] = marginal[codes[i]];
        }

        return each;
    }
}
