using System.Globalization;
using InfoTheory.Discrete;
using InfoTheory.Internal;

namespace InfoTheory.Multivariate;

/// <summary>
/// Joint entropies of subsets of discrete variables estimated from paired samples with any
/// <see cref="DiscreteEntropyEstimator"/> (plug-in, Miller-Madow, NSB, …): the sample-based <see cref="IJointEntropy"/>
/// of the multivariate measures.
/// </summary>
/// <remarks>
/// The joint symbols of a subset are densified (<see cref="JointSymbols.Dense"/>), so any alphabets and any number of
/// variables work without a product-sized table; each subset's histogram is built when asked for (O(N·|S|)). The
/// alphabet size passed to a K-aware estimator is the product of the declared alphabet sizes of the subset when
/// <paramref name="alphabetSizes"/> is given (and fits in a long), else the number of joint values observed.
/// The samples are copied; the caller's arrays are not kept.
/// </remarks>
/// <param name="variables">One array of symbols (≥ 0) per variable, all of the same length N ≥ 1.</param>
/// <param name="entropy">The entropy estimator (null: plug-in).</param>
/// <param name="alphabetSizes">Declared alphabet sizes per variable, or empty for the observed ones.</param>
public sealed class DiscreteJointEntropy(IReadOnlyList<int[]> variables, DiscreteEntropyEstimator? entropy = null, IReadOnlyList<long>? alphabetSizes = null) : IJointEntropy
{
    private readonly int[][] _variables = Copy(variables, alphabetSizes);
    private readonly long[]? _alphabetSizes = alphabetSizes?.ToArray();

    /// <summary>The entropy estimator applied to each subset.</summary>
    public DiscreteEntropyEstimator Entropy { get; } = entropy ?? new PlugInEntropy();

    /// <inheritdoc />
    public int VariableCount => _variables.Length;

    /// <summary>The number of samples N.</summary>
    public int SampleCount => _variables[0].Length;

    /// <inheritdoc />
    public double EntropyNats(ReadOnlySpan<int> variables)
    {
        int[] chosen = variables.ToArray();
        for (int j = 0; j < chosen.Length; j++)
        {
            if ((uint)chosen[j] >= (uint)VariableCount || Array.IndexOf(chosen, chosen[j], 0, j) >= 0)
            {
                ThrowHelper.ArgumentException(nameof(variables), string.Create(CultureInfo.InvariantCulture,
                    $"variables[{j}] = {chosen[j]} is out of range [0, {VariableCount}) or repeats."));
            }
        }

        if (chosen.Length == 0)
        {
            return 0;
        }

        int[] codes = chosen.Length == 1 ? _variables[chosen[0]] : JointSymbols.Dense([.. chosen.Select(v => _variables[v])]).Codes;
        long? size = null;
        if (_alphabetSizes is not null)
        {
            double product = chosen.Aggregate(1.0, (a, v) => a * _alphabetSizes[v]);
            size = product < long.MaxValue / 2 ? (long)product : null;
        }

        // Dense joint codes number the observed tuples, so they stay below any declared product of alphabet sizes.
        return Entropy.Estimate(Histogram.FromSymbols(codes, size)).Nats;
    }

    private static int[][] Copy(IReadOnlyList<int[]> variables, IReadOnlyList<long>? alphabetSizes)
    {
        ArgumentNullException.ThrowIfNull(variables);
        if (variables.Count == 0)
        {
            ThrowHelper.ArgumentException(nameof(variables), "variables is empty; at least one variable is needed.");
        }

        if (alphabetSizes is not null && alphabetSizes.Count != variables.Count)
        {
            ThrowHelper.ArgumentException(nameof(alphabetSizes), string.Create(CultureInfo.InvariantCulture,
                $"alphabetSizes has {alphabetSizes.Count} elements but there are {variables.Count} variables."));
        }

        int n = (variables[0] ?? throw new ArgumentNullException(nameof(variables), "variables[0] is null.")).Length;
        var copy = new int[variables.Count][];
        for (int v = 0; v < variables.Count; v++)
        {
            int[] column = variables[v] ?? throw new ArgumentNullException(nameof(variables), string.Create(CultureInfo.InvariantCulture, $"variables[{v}] is null."));
            if (column.Length != n || n == 0)
            {
                ThrowHelper.ArgumentException(nameof(variables), string.Create(CultureInfo.InvariantCulture,
                    $"variables[{v}] has {column.Length} samples but variables[0] has {n}; the samples must be paired by index and not empty."));
            }

            long limit = alphabetSizes?[v] ?? long.MaxValue;
            int bad = Array.FindIndex(column, s => s < 0 || s >= limit);
            if (bad >= 0)
            {
                ThrowHelper.ArgumentException(nameof(variables), string.Create(CultureInfo.InvariantCulture,
                    $"variables[{v}] has the symbol {column[bad]} at index {bad}; symbols must be ≥ 0{(alphabetSizes is null ? "" : $" and below the alphabet size {limit}")}."));
            }

            copy[v] = (int[])column.Clone();
        }

        return copy;
    }
}
