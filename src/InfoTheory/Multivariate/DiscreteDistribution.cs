using System.Globalization;
using System.Text;
using InfoTheory.Internal;
using InfoTheory.Measures;
using InfoTheory.Multivariate.Internal;

namespace InfoTheory.Multivariate;

/// <summary>
/// A probability distribution over n named discrete variables, stored sparsely: only the outcomes with p &gt; 0, each a
/// tuple of n non-negative symbols. Validated once on construction, then immutable; marginals, conditionals and
/// coalesced variables are new distributions. It is the exact statistic of the multivariate measures
/// (<see cref="MultivariateInformation"/>) and of the partial information decompositions.
/// </summary>
/// <remarks>
/// <para>
/// Memory is O(m·n) for m outcomes of positive probability, never the product of the alphabet sizes: 30 fair bits
/// copied from one (the "giant bit") are 2 outcomes, not 2³⁰ cells. Repeated outcomes given on construction are merged
/// (their probabilities added); outcomes of probability 0 are dropped. The outcomes keep the order of their first
/// appearance, so every sum over them runs in a fixed order and gives the same bits on every run.
/// </para>
/// <para>
/// Symbols are non-negative integers; <see cref="AlphabetSizes"/> are one more than the largest symbol of each variable
/// unless given. Map other values with <see cref="Discrete.SymbolEncoder{T}"/>, or use <see cref="FromStrings"/> for
/// the usual "character per variable" notation of the catalogue ("010" is X₀ = 0, X₁ = 1, X₂ = 0).
/// </para>
/// <para>This is the distribution type of dit (James, Ellison &amp; Crutchfield 2018) in the library's conventions: nats inside, units on the results.</para>
/// </remarks>
public sealed class DiscreteDistribution : IJointEntropy
{
    private readonly int[] _outcomes;
    private readonly double[] _probabilities;
    private readonly string[] _names;
    private readonly int[] _alphabetSizes;
    private Dictionary<OutcomeKey, int>? _index;

    private DiscreteDistribution(int[] outcomes, double[] probabilities, string[] names, int[] alphabetSizes)
    {
        _outcomes = outcomes;
        _probabilities = probabilities;
        _names = names;
        _alphabetSizes = alphabetSizes;
    }

    /// <summary>The number n of variables.</summary>
    public int VariableCount => _names.Length;

    /// <summary>The number of outcomes of positive probability.</summary>
    public int OutcomeCount => _probabilities.Length;

    /// <summary>The variable names, in order (default "X0", "X1", …).</summary>
    public IReadOnlyList<string> Names => _names;

    /// <summary>For each variable, the number of symbols it may take (symbols are 0 … size − 1).</summary>
    public ReadOnlySpan<int> AlphabetSizes => _alphabetSizes;

    /// <summary>The probability of each stored outcome, in the order of <see cref="Outcome(int)"/>; all positive, summing to 1.</summary>
    public ReadOnlySpan<double> Probabilities => _probabilities;

    /// <summary>The symbols of outcome <paramref name="index"/>, one per variable.</summary>
    /// <param name="index">0 ≤ index &lt; <see cref="OutcomeCount"/>.</param>
    /// <returns>A view of the outcome's n symbols.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is out of range.</exception>
    public ReadOnlySpan<int> Outcome(int index)
    {
        if ((uint)index >= (uint)OutcomeCount)
        {
            ThrowHelper.ArgumentOutOfRange(nameof(index), index, string.Create(CultureInfo.InvariantCulture,
                $"index must be in [0, {OutcomeCount}), got {index}."));
        }

        return _outcomes.AsSpan(index * VariableCount, VariableCount);
    }

    /// <summary>The probability of an outcome (0 when it is not in the support).</summary>
    /// <param name="outcome">One symbol per variable.</param>
    /// <returns>p(outcome).</returns>
    /// <exception cref="ArgumentException"><paramref name="outcome"/> does not have one symbol per variable.</exception>
    public double this[params ReadOnlySpan<int> outcome]
    {
        get
        {
            if (outcome.Length != VariableCount)
            {
                ThrowHelper.ArgumentException(nameof(outcome), string.Create(CultureInfo.InvariantCulture,
                    $"outcome has {outcome.Length} symbols but the distribution has {VariableCount} variables."));
            }

            _index ??= BuildIndex();
            return _index.TryGetValue(new OutcomeKey(outcome.ToArray(), 0, VariableCount), out int i) ? _probabilities[i] : 0;
        }
    }

    /// <summary>Creates a distribution from outcomes and their probabilities.</summary>
    /// <param name="outcomes">The outcomes, one symbol per variable each, all of the same length; symbols ≥ 0.</param>
    /// <param name="probabilities">One probability per outcome: finite, ≥ 0, summing to 1 within 1e-9·m unless <paramref name="normalize"/>.</param>
    /// <param name="names">The variable names (default "X0", "X1", …); distinct.</param>
    /// <param name="alphabetSizes">The alphabet size of each variable (default: largest symbol + 1); each must exceed every symbol of its variable.</param>
    /// <param name="normalize">Treat <paramref name="probabilities"/> as weights and rescale them to sum to 1.</param>
    /// <returns>The validated distribution; repeated outcomes are merged and zero-probability outcomes dropped.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="outcomes"/> or one of its elements is null.</exception>
    /// <exception cref="ArgumentException">The counts or lengths disagree, a symbol is negative or not below its alphabet size, a name repeats, or the probabilities are not a distribution.</exception>
    public static DiscreteDistribution Create(IReadOnlyList<int[]> outcomes, ReadOnlySpan<double> probabilities, IReadOnlyList<string>? names = null, ReadOnlySpan<int> alphabetSizes = default, bool normalize = false)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        if (outcomes.Count != probabilities.Length)
        {
            ThrowHelper.ArgumentException(nameof(probabilities), string.Create(CultureInfo.InvariantCulture,
                $"outcomes has {outcomes.Count} elements but probabilities has {probabilities.Length}; they must have the same length."));
        }

        if (outcomes.Count == 0)
        {
            ThrowHelper.ArgumentException(nameof(outcomes), "outcomes is empty; a distribution needs at least one outcome.");
        }

        int n = outcomes[0]?.Length ?? throw new ArgumentNullException(nameof(outcomes), "outcomes[0] is null.");
        int[] flat = new int[checked(outcomes.Count * n)];
        for (int i = 0; i < outcomes.Count; i++)
        {
            int[] outcome = outcomes[i] ?? throw new ArgumentNullException(nameof(outcomes), string.Create(CultureInfo.InvariantCulture, $"outcomes[{i}] is null."));
            if (outcome.Length != n)
            {
                ThrowHelper.ArgumentException(nameof(outcomes), string.Create(CultureInfo.InvariantCulture,
                    $"outcomes[{i}] has {outcome.Length} symbols but outcomes[0] has {n}; every outcome needs one symbol per variable."));
            }

            outcome.CopyTo(flat, i * n);
        }

        return Build(flat, n, probabilities, names, alphabetSizes, normalize, nameof(outcomes));
    }

    /// <summary>
    /// Creates a distribution from outcomes written as strings, one character per variable: '0'–'9' are the symbols 0–9
    /// and 'a'–'z' are 10–35 (the notation of the catalogue: "011" is X0 = 0, X1 = 1, X2 = 1).
    /// </summary>
    /// <param name="outcomes">The outcomes, all of the same length.</param>
    /// <param name="probabilities">One probability per outcome (see <see cref="Create"/>).</param>
    /// <param name="names">The variable names (default "X0", "X1", …).</param>
    /// <param name="normalize">Rescale the probabilities to sum to 1.</param>
    /// <returns>The validated distribution.</returns>
    /// <exception cref="ArgumentException">A character is not a digit or a lower-case letter, the lengths differ, or the probabilities are not a distribution.</exception>
    public static DiscreteDistribution FromStrings(IReadOnlyList<string> outcomes, ReadOnlySpan<double> probabilities, IReadOnlyList<string>? names = null, bool normalize = false)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        var parsed = new int[outcomes.Count][];
        for (int i = 0; i < outcomes.Count; i++)
        {
            string text = outcomes[i] ?? throw new ArgumentNullException(nameof(outcomes), string.Create(CultureInfo.InvariantCulture, $"outcomes[{i}] is null."));
            parsed[i] = new int[text.Length];
            for (int j = 0; j < text.Length; j++)
            {
                char c = text[j];
                parsed[i][j] = c is >= '0' and <= '9' ? c - '0'
                    : c is >= 'a' and <= 'z' ? c - 'a' + 10
                    : throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                        $"outcomes[{i}] = \"{text}\" has '{c}' at position {j}; use the digits 0-9 and the letters a-z."), nameof(outcomes));
            }
        }

        return Create(parsed, probabilities, names, default, normalize);
    }

    /// <summary>The uniform distribution over the given outcomes (see <see cref="FromStrings"/> for the notation).</summary>
    /// <param name="outcomes">The outcomes, all distinct and of the same length.</param>
    /// <param name="names">The variable names (default "X0", "X1", …).</param>
    /// <returns>Each outcome with probability 1/m.</returns>
    /// <exception cref="ArgumentException">An outcome repeats, or the outcomes are not valid.</exception>
    public static DiscreteDistribution Uniform(IReadOnlyList<string> outcomes, IReadOnlyList<string>? names = null)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        if (outcomes.Distinct(StringComparer.Ordinal).Count() != outcomes.Count)
        {
            ThrowHelper.ArgumentException(nameof(outcomes), "outcomes repeats an outcome; the uniform distribution needs distinct outcomes.");
        }

        double[] p = Enumerable.Repeat(1.0 / outcomes.Count, outcomes.Count).ToArray();
        return FromStrings(outcomes, p, names, normalize: true);
    }

    /// <summary>
    /// The empirical (plug-in) distribution of samples of n variables paired by index: each distinct tuple with its
    /// relative frequency.
    /// </summary>
    /// <param name="variables">One array of symbols (≥ 0) per variable, all of the same length N ≥ 1.</param>
    /// <param name="names">The variable names (default "X0", "X1", …).</param>
    /// <returns>The empirical distribution.</returns>
    /// <exception cref="ArgumentException">No variables, lengths differ, a sample is missing, or a symbol is negative.</exception>
    public static DiscreteDistribution FromSamples(IReadOnlyList<int[]> variables, IReadOnlyList<string>? names = null)
    {
        ArgumentNullException.ThrowIfNull(variables);
        int n = variables.Count;
        if (n == 0)
        {
            ThrowHelper.ArgumentException(nameof(variables), "variables is empty; at least one variable is needed.");
        }

        int samples = (variables[0] ?? throw new ArgumentNullException(nameof(variables), "variables[0] is null.")).Length;
        if (samples == 0)
        {
            ThrowHelper.ArgumentException(nameof(variables), "variables[0] is empty; at least one sample is needed.");
        }

        int[] flat = new int[checked(samples * n)];
        for (int v = 0; v < n; v++)
        {
            int[] column = variables[v] ?? throw new ArgumentNullException(nameof(variables), string.Create(CultureInfo.InvariantCulture, $"variables[{v}] is null."));
            if (column.Length != samples)
            {
                ThrowHelper.ArgumentException(nameof(variables), string.Create(CultureInfo.InvariantCulture,
                    $"variables[{v}] has {column.Length} samples but variables[0] has {samples}; the samples must be paired by index."));
            }

            for (int i = 0; i < samples; i++)
            {
                flat[(i * n) + v] = column[i];
            }
        }

        double[] weights = new double[samples];
        Array.Fill(weights, 1.0);
        return Build(flat, n, weights, names, default, normalize: true, nameof(variables));
    }

    /// <summary>Converts a dense joint table (two or more axes) to the sparse form; axis i becomes variable i.</summary>
    /// <param name="joint">The joint table.</param>
    /// <param name="names">The variable names (default "X0", "X1", …).</param>
    /// <returns>The same distribution, with the table's shape as the alphabet sizes.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="joint"/> is null.</exception>
    public static DiscreteDistribution FromJoint(JointDistribution joint, IReadOnlyList<string>? names = null)
    {
        ArgumentNullException.ThrowIfNull(joint);
        ReadOnlySpan<int> shape = joint.Shape;
        ReadOnlySpan<double> p = joint.Probabilities;
        int n = shape.Length;
        var outcomes = new List<int>();
        var probabilities = new List<double>();
        int[] index = new int[n];
        for (int cell = 0; cell < p.Length; cell++)
        {
            if (p[cell] > 0)
            {
                outcomes.AddRange(index);
                probabilities.Add(p[cell]);
            }

            for (int axis = n - 1; axis >= 0 && ++index[axis] == shape[axis]; axis--)
            {
                index[axis] = 0;
            }
        }

        return Build([.. outcomes], n, probabilities.ToArray(), names, shape, normalize: false, nameof(joint));
    }

    /// <summary>The index of the variable called <paramref name="name"/>.</summary>
    /// <param name="name">A variable name.</param>
    /// <returns>Its position.</returns>
    /// <exception cref="ArgumentException">No variable has that name.</exception>
    public int IndexOf(string name)
    {
        int index = Array.IndexOf(_names, name);
        if (index < 0)
        {
            ThrowHelper.ArgumentException(nameof(name), $"No variable is called '{name}'; the variables are {string.Join(", ", _names)}.");
        }

        return index;
    }

    /// <summary>The marginal distribution of the given variables, in the order given.</summary>
    /// <param name="variables">Distinct variable indices.</param>
    /// <returns>p(x_{variables}), with the names and alphabet sizes of those variables.</returns>
    /// <exception cref="ArgumentException">An index is out of range or repeats, or none is given.</exception>
    public DiscreteDistribution Marginal(params ReadOnlySpan<int> variables)
    {
        int[] chosen = CheckSubset(variables, nameof(variables), allowEmpty: false);
        (int[] codes, int count) = Projection.Codes(this, chosen);
        double[] p = new double[count];
        int[] outcomes = new int[count * chosen.Length];
        int n = VariableCount;
        for (int i = 0; i < OutcomeCount; i++)
        {
            int c = codes[i];
            if (p[c] == 0)
            {
                for (int j = 0; j < chosen.Length; j++)
                {
                    outcomes[(c * chosen.Length) + j] = _outcomes[(i * n) + chosen[j]];
                }
            }

            p[c] += _probabilities[i];
        }

        return new DiscreteDistribution(outcomes, p, [.. chosen.Select(v => _names[v])], [.. chosen.Select(v => _alphabetSizes[v])]);
    }

    /// <summary>The marginal distribution of the named variables, in the order given.</summary>
    /// <param name="names">Distinct variable names.</param>
    /// <returns>The marginal.</returns>
    /// <exception cref="ArgumentException">A name is unknown or repeats.</exception>
    public DiscreteDistribution Marginal(params string[] names)
    {
        ArgumentNullException.ThrowIfNull(names);
        return Marginal(names.Select(IndexOf).ToArray());
    }

    /// <summary>
    /// The conditional distribution of the other variables given that <paramref name="variables"/> take
    /// <paramref name="values"/>: p(x_rest | x_variables = values).
    /// </summary>
    /// <param name="variables">Distinct variable indices to condition on; fewer than <see cref="VariableCount"/>.</param>
    /// <param name="values">Their values, one per index.</param>
    /// <returns>A distribution over the remaining variables, in their original order.</returns>
    /// <exception cref="ArgumentException">The indices are invalid, the lengths differ, or the condition has probability 0.</exception>
    public DiscreteDistribution Condition(ReadOnlySpan<int> variables, ReadOnlySpan<int> values)
    {
        int[] given = CheckSubset(variables, nameof(variables), allowEmpty: false);
        if (values.Length != given.Length)
        {
            ThrowHelper.ArgumentException(nameof(values), string.Create(CultureInfo.InvariantCulture,
                $"values has {values.Length} elements but variables has {given.Length}; give one value per conditioning variable."));
        }

        if (given.Length == VariableCount)
        {
            ThrowHelper.ArgumentException(nameof(variables), "Conditioning on every variable leaves no variable to describe.");
        }

        int[] rest = Enumerable.Range(0, VariableCount).Except(given).ToArray();
        int n = VariableCount;
        var outcomes = new List<int>();
        var weights = new List<double>();
        for (int i = 0; i < OutcomeCount; i++)
        {
            bool match = true;
            for (int j = 0; j < given.Length && match; j++)
            {
                match = _outcomes[(i * n) + given[j]] == values[j];
            }

            if (match)
            {
                outcomes.AddRange(rest.Select(v => _outcomes[(i * n) + v]));
                weights.Add(_probabilities[i]);
            }
        }

        if (weights.Count == 0)
        {
            int[] valueArray = values.ToArray();
            ThrowHelper.ArgumentException(nameof(values), $"The condition ({string.Join(", ", given.Select((v, j) => $"{_names[v]} = {valueArray[j]}"))}) has probability 0.");
        }

        return Build([.. outcomes], rest.Length, weights.ToArray(), [.. rest.Select(v => _names[v])], [.. rest.Select(v => _alphabetSizes[v])], normalize: true, nameof(values));
    }

    /// <summary>
    /// Merges groups of variables into single variables: each group becomes one variable whose symbols number the
    /// group's observed tuples (in order of first appearance), named by joining the group's names with '+'.
    /// </summary>
    /// <param name="groups">Non-empty, pairwise disjoint groups of variable indices; variables in no group are dropped.</param>
    /// <returns>The distribution of the coalesced variables, in the order of the groups.</returns>
    /// <exception cref="ArgumentException">A group is empty, an index is invalid, or two groups share a variable.</exception>
    public DiscreteDistribution Coalesce(params IReadOnlyList<int[]> groups)
    {
        ArgumentNullException.ThrowIfNull(groups);
        if (groups.Count == 0)
        {
            ThrowHelper.ArgumentException(nameof(groups), "groups is empty; give at least one group of variables.");
        }

        var seen = new HashSet<int>();
        var codes = new int[groups.Count][];
        var sizes = new int[groups.Count];
        var names = new string[groups.Count];
        for (int g = 0; g < groups.Count; g++)
        {
            int[] group = CheckSubset(groups[g] ?? throw new ArgumentNullException(nameof(groups)), nameof(groups), allowEmpty: false);
            foreach (int v in group)
            {
                if (!seen.Add(v))
                {
                    ThrowHelper.ArgumentException(nameof(groups), string.Create(CultureInfo.InvariantCulture, $"Variable {v} ({_names[v]}) is in more than one group."));
                }
            }

            (codes[g], sizes[g]) = Projection.Codes(this, group);
            names[g] = string.Join('+', group.Select(v => _names[v]));
        }

        int[] outcomes = new int[OutcomeCount * groups.Count];
        for (int i = 0; i < OutcomeCount; i++)
        {
            for (int g = 0; g < groups.Count; g++)
            {
                outcomes[(i * groups.Count) + g] = codes[g][i];
            }
        }

        return Build(outcomes, groups.Count, _probabilities, names, sizes, normalize: false, nameof(groups));
    }

    /// <summary>The Shannon entropy of the joint of all variables.</summary>
    /// <returns>H(X0, …, Xn−1).</returns>
    public Information Entropy() => Information.FromNats(EntropyNats(Enumerable.Range(0, VariableCount).ToArray()));

    /// <summary>The Shannon entropy of the joint of the given variables.</summary>
    /// <param name="variables">Distinct variable indices; empty gives 0.</param>
    /// <returns>H(X_variables).</returns>
    /// <exception cref="ArgumentException">An index is out of range or repeats.</exception>
    public Information Entropy(params ReadOnlySpan<int> variables) => Information.FromNats(EntropyNats(variables));

    /// <inheritdoc />
    public double EntropyNats(ReadOnlySpan<int> variables)
    {
        int[] chosen = CheckSubset(variables, nameof(variables), allowEmpty: true);
        if (chosen.Length == 0)
        {
            return 0;
        }

        (int[] codes, int count) = Projection.Codes(this, chosen);
        double[] p = new double[count];
        for (int i = 0; i < codes.Length; i++)
        {
            p[codes[i]] += _probabilities[i];
        }

        double h = 0;
        foreach (double q in p)
        {
            h -= q * Math.Log(q);
        }

        return h;
    }

    /// <summary>Mutual information I(A; B | C) between groups of variables: H(A,C) + H(B,C) − H(A,B,C) − H(C).</summary>
    /// <param name="a">The first group.</param>
    /// <param name="b">The second group, disjoint from <paramref name="a"/>.</param>
    /// <param name="given">The conditioning group (may be empty), disjoint from both.</param>
    /// <returns>The (conditional) mutual information, ≥ 0 up to rounding.</returns>
    /// <exception cref="ArgumentException">A group is invalid, empty (a or b), or the groups overlap.</exception>
    public Information MutualInformation(ReadOnlySpan<int> a, ReadOnlySpan<int> b, ReadOnlySpan<int> given = default)
    {
        int[] x = CheckSubset(a, nameof(a), allowEmpty: false);
        int[] y = CheckSubset(b, nameof(b), allowEmpty: false);
        int[] z = CheckSubset(given, nameof(given), allowEmpty: true);
        if (x.Intersect(y).Any() || x.Intersect(z).Any() || y.Intersect(z).Any())
        {
            ThrowHelper.ArgumentException(nameof(b), "The groups a, b and given must not share a variable.");
        }

        return Information.FromNats(EntropyNats([.. x, .. z]) + EntropyNats([.. y, .. z]) - EntropyNats([.. x, .. y, .. z]) - EntropyNats(z));
    }

    /// <summary>Writes the distribution as "names: outcome p; …" with the outcomes in the catalogue notation when every symbol is below 36.</summary>
    /// <returns>A one-line description.</returns>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(string.Join(",", _names)).Append(": ");
        for (int i = 0; i < OutcomeCount && i < 64; i++)
        {
            if (i > 0)
            {
                text.Append("; ");
            }

            ReadOnlySpan<int> outcome = _outcomes.AsSpan(i * VariableCount, VariableCount);
            bool compact = _alphabetSizes.All(s => s <= 36);
            foreach (int s in outcome)
            {
                text.Append(compact ? (char)(s < 10 ? '0' + s : 'a' + s - 10) : s.ToString(CultureInfo.InvariantCulture));
                if (!compact)
                {
                    text.Append(' ');
                }
            }

            text.Append(' ').Append(_probabilities[i].ToString("G6", CultureInfo.InvariantCulture));
        }

        if (OutcomeCount > 64)
        {
            text.Append(CultureInfo.InvariantCulture, $"; … ({OutcomeCount} outcomes)");
        }

        return text.ToString();
    }

    internal int[] RawOutcomes => _outcomes;

    internal double[] RawProbabilities => _probabilities;

    /// <summary>Checks distinct, in-range variable indices and returns a copy.</summary>
    internal int[] CheckSubset(ReadOnlySpan<int> variables, string paramName, bool allowEmpty)
    {
        if (variables.IsEmpty && !allowEmpty)
        {
            ThrowHelper.ArgumentException(paramName, $"{paramName} is empty; give at least one variable.");
        }

        int[] copy = variables.ToArray();
        for (int j = 0; j < copy.Length; j++)
        {
            if ((uint)copy[j] >= (uint)VariableCount)
            {
                ThrowHelper.ArgumentOutOfRange(paramName, copy[j], string.Create(CultureInfo.InvariantCulture,
                    $"{paramName}[{j}] = {copy[j]} is not a variable; the distribution has variables 0 to {VariableCount - 1}."));
            }

            if (Array.IndexOf(copy, copy[j], 0, j) >= 0)
            {
                ThrowHelper.ArgumentException(paramName, string.Create(CultureInfo.InvariantCulture, $"{paramName} names variable {copy[j]} twice."));
            }
        }

        return copy;
    }

    private Dictionary<OutcomeKey, int> BuildIndex()
    {
        var index = new Dictionary<OutcomeKey, int>(OutcomeCount);
        for (int i = 0; i < OutcomeCount; i++)
        {
            index[new OutcomeKey(_outcomes, i * VariableCount, VariableCount)] = i;
        }

        return index;
    }

    /// <summary>Validates, merges repeated outcomes, drops zeros and builds the distribution; nothing passed in is kept.</summary>
    private static DiscreteDistribution Build(int[] flat, int n, ReadOnlySpan<double> probabilities, IReadOnlyList<string>? names, ReadOnlySpan<int> alphabetSizes, bool normalize, string outcomesName)
    {
        if (n < 1)
        {
            ThrowHelper.ArgumentException(outcomesName, "Every outcome has 0 symbols; a distribution needs at least one variable.");
        }

        Check.Distribution(probabilities, normalize, nameof(probabilities));
        double[]? scaled = null;
        if (normalize)
        {
            // Power-of-two scaling first: weights near 1e308 or as small as 5e-324 normalise without overflow or loss.
            scaled = new double[probabilities.Length];
            Measures.Internal.ValidatedDistribution.Normalize(probabilities, scaled);
        }
        string[] variableNames = names is null ? [.. Enumerable.Range(0, n).Select(i => "X" + i.ToString(CultureInfo.InvariantCulture))] : [.. names];
        if (variableNames.Length != n)
        {
            ThrowHelper.ArgumentException(nameof(names), string.Create(CultureInfo.InvariantCulture, $"names has {variableNames.Length} elements but the outcomes have {n} variables."));
        }

        if (variableNames.Distinct(StringComparer.Ordinal).Count() != n || variableNames.Any(string.IsNullOrEmpty))
        {
            ThrowHelper.ArgumentException(nameof(names), "names must be distinct and not empty.");
        }

        int[] sizes = new int[n];
        for (int i = 0; i < flat.Length; i++)
        {
            int v = i % n;
            if (flat[i] < 0)
            {
                ThrowHelper.ArgumentException(outcomesName, string.Create(CultureInfo.InvariantCulture,
                    $"Outcome {i / n} has the negative symbol {flat[i]} for variable {v}; symbols must be ≥ 0."));
            }

            sizes[v] = Math.Max(sizes[v], flat[i] + 1 > 0 ? flat[i] + 1 : int.MaxValue);
        }

        if (!alphabetSizes.IsEmpty)
        {
            if (alphabetSizes.Length != n)
            {
                ThrowHelper.ArgumentException(nameof(alphabetSizes), string.Create(CultureInfo.InvariantCulture, $"alphabetSizes has {alphabetSizes.Length} elements but the outcomes have {n} variables."));
            }

            for (int v = 0; v < n; v++)
            {
                if (alphabetSizes[v] < sizes[v])
                {
                    ThrowHelper.ArgumentException(nameof(alphabetSizes), string.Create(CultureInfo.InvariantCulture,
                        $"alphabetSizes[{v}] = {alphabetSizes[v]} but variable {v} takes the symbol {sizes[v] - 1}; symbols must be below the alphabet size."));
                }

                sizes[v] = alphabetSizes[v];
            }
        }

        // Merge repeated outcomes (first appearance keeps its place) and drop zeros.
        var index = new Dictionary<OutcomeKey, int>();
        var merged = new List<double>();
        var kept = new List<int>();
        for (int i = 0; i < probabilities.Length; i++)
        {
            double p = scaled is null ? probabilities[i] : scaled[i];
            if (p == 0)
            {
                continue;
            }

            var key = new OutcomeKey(flat, i * n, n);
            if (index.TryGetValue(key, out int at))
            {
                merged[at] += p;
            }
            else
            {
                index[key] = merged.Count;
                merged.Add(p);
                kept.Add(i);
            }
        }

        if (merged.Count == 0)
        {
            ThrowHelper.ArgumentException(nameof(probabilities), "Every outcome has probability 0.");
        }

        int[] outcomes = new int[merged.Count * n];
        for (int j = 0; j < kept.Count; j++)
        {
            Array.Copy(flat, kept[j] * n, outcomes, j * n, n);
        }

        return new DiscreteDistribution(outcomes, [.. merged], variableNames, sizes);
    }
}
