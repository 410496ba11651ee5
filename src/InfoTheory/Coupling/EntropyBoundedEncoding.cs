namespace InfoTheory.Coupling;

/// <summary>
/// A deterministic encoder T = g(X) for the entropy-bounded information maximisation (EBIM) problem
/// max I(X;T) subject to H(T) ≤ R: the mapping x → t, the same encoder as a 0/1 matrix p(t|x), the code
/// marginal p(t), I(X;T), H(T), the rate R it was asked for, and the bounds that certify how close it is
/// to the optimum over all (stochastic as well as deterministic) encoders.
/// </summary>
/// <remarks>
/// For a deterministic encoder H(T|X) = 0, so <see cref="MutualInformation"/> equals <see cref="CodeEntropy"/>.
/// Codes are numbered in decreasing order of p(t) (ties by the smallest symbol they contain).
/// </remarks>
public sealed record EntropyBoundedEncoding
{
    /// <summary>The code t = g(x) of each symbol x, of length |X|. A symbol with p(x) = 0 gets the code of the most probable symbol.</summary>
    public required ReadOnlyMemory<int> Assignment { get; init; }

    /// <summary>The encoder p(t|x), row-major [|X| × |T|]: row x is 1 at <see cref="Assignment"/>[x] and 0 elsewhere.</summary>
    public required ReadOnlyMemory<double> Encoder { get; init; }

    /// <summary>The code marginal p(t) = Σ_{x : g(x) = t} p(x), of length |T|; every entry is positive.</summary>
    public required ReadOnlyMemory<double> CodeMarginal { get; init; }

    /// <summary>|T|, the number of codes used.</summary>
    public required int Codes { get; init; }

    /// <summary>I(X;T), equal to <see cref="CodeEntropy"/> because the encoder is deterministic.</summary>
    public required Information MutualInformation { get; init; }

    /// <summary>H(T) = −Σₜ p(t) ln p(t), at most <see cref="Rate"/> (within a relative 1e-12 of rounding).</summary>
    public required Information CodeEntropy { get; init; }

    /// <summary>The rate R that bounds H(T), as given.</summary>
    public required Information Rate { get; init; }

    /// <summary>
    /// min(R, H(X)): an upper bound on I(X;T) for every encoder p(t|x), stochastic ones included,
    /// since I(X;T) ≤ H(T) ≤ R and I(X;T) ≤ H(X). It is the optimum exactly when some function of X has entropy
    /// min(R, H(X)).
    /// </summary>
    public required Information UpperBound { get; init; }

    /// <summary>
    /// h(p₂), the binary entropy of the second largest probability of p(x) (0 when fewer than two symbols have mass):
    /// the guaranteed bound <see cref="MutualInformation"/> ≥ <see cref="UpperBound"/> − h(p₂) of
    /// <see cref="EntropyBoundedInformation.Greedy(ReadOnlySpan{double}, Information)"/>. At most 1 bit.
    /// </summary>
    public required Information GapBound { get; init; }
}
