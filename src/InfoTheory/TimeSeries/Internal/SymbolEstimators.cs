using InfoTheory.Continuous;
using InfoTheory.Discrete;

namespace InfoTheory.TimeSeries.Internal;

/// <summary>
/// The discrete (plug-in or bias-corrected) mutual information and conditional mutual information on embedded symbol
/// matrices: each row of a variable (its lags, as doubles holding non-negative integers) is one joint symbol
/// (<see cref="JointSymbols.Dense"/>). Lets the discrete transfer entropy and storage use the surrogate machinery of
/// their continuous counterparts (schemes, trials, seeds) unchanged; plug-in values do not depend on how the joint
/// symbols are numbered.
/// </summary>
internal sealed class SymbolEstimators(DiscreteEntropyEstimator? entropy) : IMultivariateMutualInformationEstimator, IMultivariateConditionalMutualInformationEstimator
{
    private readonly DiscreteMutualInformation _mi = new(entropy);
    private readonly DiscreteConditionalMutualInformation _cmi = new(entropy);

    public Information Estimate(SampleMatrix x, SampleMatrix y) => _mi.Estimate(Symbols(x), Symbols(y));

    public Information Estimate(SampleMatrix x, SampleMatrix y, SampleMatrix z) => _cmi.Estimate(Symbols(x), Symbols(y), Symbols(z));

    /// <summary>Symbol trials as one-column matrices.</summary>
    public static SampleMatrix[] Columns(IReadOnlyList<int[]> trials, string name)
    {
        ArgumentNullException.ThrowIfNull(trials, name);
        var columns = new SampleMatrix[trials.Count];
        for (int r = 0; r < trials.Count; r++)
        {
            ArgumentNullException.ThrowIfNull(trials[r], name);
            foreach (int symbol in trials[r])
            {
                if (symbol < 0)
                {
                    throw new ArgumentException($"{name}[{r}] has the negative symbol {symbol}; symbols must be ≥ 0.", name);
                }
            }

            columns[r] = SampleMatrix.FromRowMajor(Array.ConvertAll(trials[r], s => (double)s), 1);
        }

        return columns;
    }

    /// <summary>The dense joint symbol of each row.</summary>
    private static int[] Symbols(SampleMatrix m)
    {
        int n = m.Rows, d = m.Columns;
        var variables = new int[d][];
        ReadOnlySpan<double> data = m.Data.Span;
        for (int c = 0; c < d; c++)
        {
            int[] column = new int[n];
            for (int i = 0; i < n; i++)
            {
                column[i] = (int)data[(i * d) + c];
            }

            variables[c] = column;
        }

        return d == 1 ? variables[0] : JointSymbols.Dense(variables).Codes;
    }
}
