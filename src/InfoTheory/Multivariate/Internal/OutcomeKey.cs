namespace InfoTheory.Multivariate.Internal;

/// <summary>A run of symbols inside an array, compared and hashed by content: the key of an outcome or sub-outcome.</summary>
internal readonly struct OutcomeKey(int[] symbols, int offset, int length) : IEquatable<OutcomeKey>
{
    public ReadOnlySpan<int> Span => symbols.AsSpan(offset, length);

    public bool Equals(OutcomeKey other) => Span.SequenceEqual(other.Span);

    public override bool Equals(object? obj) => obj is OutcomeKey other && Equals(other);

    public override int GetHashCode()
    {
        var hash = default(HashCode);
        hash.AddBytes(System.Runtime.InteropServices.MemoryMarshal.AsBytes(Span));
        return hash.ToHashCode();
    }
}
