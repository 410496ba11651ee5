namespace InfoTheory.Discrete;

/// <summary>
/// Maps values of any type (strings, doubles, tuples, …) to dense symbols 0, 1, 2, … in order of
/// first appearance, so they can be counted. Not thread-safe while encoding; an encoder is a
/// builder, not an estimator.
/// </summary>
/// <typeparam name="T">The value type; equality is by <paramref name="comparer"/> (default equality otherwise).</typeparam>
/// <param name="comparer">The equality used to recognise equal values, or null for the default.</param>
public sealed class SymbolEncoder<T>(IEqualityComparer<T>? comparer = null)
    where T : notnull
{
    private readonly Dictionary<T, int> _codes = new(comparer);
    private readonly List<T> _values = [];

    /// <summary>The number of distinct values seen so far (the alphabet size).</summary>
    public int Count => _values.Count;

    /// <summary>The values, indexed by symbol.</summary>
    public IReadOnlyList<T> Values => _values;

    /// <summary>The symbol of a value, assigning the next free symbol to a value not seen before.</summary>
    /// <param name="value">The value.</param>
    /// <returns>Its symbol.</returns>
    public int Encode(T value)
    {
        if (!_codes.TryGetValue(value, out int code))
        {
            code = _values.Count;
            _codes.Add(value, code);
            _values.Add(value);
        }

        return code;
    }

    /// <summary>Encodes every value; new values get new symbols.</summary>
    /// <param name="values">The values.</param>
    /// <returns>A new array of symbols, one per value.</returns>
    public int[] Encode(ReadOnlySpan<T> values)
    {
        int[] symbols = new int[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            symbols[i] = Encode(values[i]);
        }

        return symbols;
    }

    /// <summary>The value of a symbol.</summary>
    /// <param name="symbol">A symbol returned by <see cref="Encode(T)"/>.</param>
    /// <returns>The value.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The symbol was never assigned.</exception>
    public T Decode(int symbol)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(symbol);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(symbol, _values.Count);
        return _values[symbol];
    }
}
