using System.Globalization;
using InfoTheory.Multivariate;

namespace InfoTheory.Testing;

/// <summary>
/// The named discrete distributions on which multivariate measures and partial information decompositions are
/// compared across the literature, each with the target (where there is one) as its last variable. Their known
/// values are tabulated in docs/multivariate.md.
/// </summary>
/// <remarks>
/// The two-source distributions follow Williams &amp; Beer (2010), Griffith &amp; Koch (2014), Bertschinger et al.
/// (2014), Ince (2017) and James, Emenheiser &amp; Crutchfield (2018). Every variable is uniform over its outcomes
/// unless stated. Multi-bit variables are coded as integers (bit i of the symbol is the i-th component listed).
/// </remarks>
public static class CanonicalDistributions
{
    /// <summary>XOR: sources S₁, S₂ independent uniform bits, T = S₁ ⊕ S₂. Pure synergy of 1 bit for every PID measure.</summary>
    public static DiscreteDistribution Xor => DiscreteDistribution.Uniform(["000", "011", "101", "110"], TwoSourceNames);

    /// <summary>AND: sources independent uniform bits, T = S₁ ∧ S₂. I(S₁S₂; T) = H_b(1/4) ≈ 0.811 bits.</summary>
    public static DiscreteDistribution And => DiscreteDistribution.Uniform(["000", "010", "100", "111"], TwoSourceNames);

    /// <summary>OR: sources independent uniform bits, T = S₁ ∨ S₂ (AND with every bit flipped: the same atoms).</summary>
    public static DiscreteDistribution Or => DiscreteDistribution.Uniform(["000", "011", "101", "111"], TwoSourceNames);

    /// <summary>COPY: two independent uniform bits and the target T = (S₁, S₂), coded 2·S₁ + S₂. I = 2 bits.</summary>
    public static DiscreteDistribution Copy => DiscreteDistribution.Uniform(["000", "011", "102", "113"], TwoSourceNames);

    /// <summary>RDN: S₁ = S₂ = T, one uniform bit. Pure redundancy of 1 bit.</summary>
    public static DiscreteDistribution Rdn => DiscreteDistribution.Uniform(["000", "111"], TwoSourceNames);

    /// <summary>UNQ: S₁, S₂ independent uniform bits, T = S₁. Unique information of S₁, 1 bit.</summary>
    public static DiscreteDistribution Unq => DiscreteDistribution.Uniform(["000", "010", "101", "111"], TwoSourceNames);

    /// <summary>
    /// RdnXor: r, a, b independent uniform bits; S₁ = (r, a), S₂ = (r, b), T = (r, a ⊕ b). One bit of redundancy and one
    /// of synergy (every measure in the docs' table).
    /// </summary>
    public static DiscreteDistribution RdnXor => FromBits(3, bits =>
    {
        int r = bits[0], a = bits[1], b = bits[2];
        return [r + (2 * a), r + (2 * b), r + (2 * (a ^ b))];
    });

    /// <summary>
    /// RdnUnqXor: r, a, b, c, d independent uniform bits; S₁ = (r, a, c), S₂ = (r, b, d), T = (r, a, b, c ⊕ d). I = 4 bits:
    /// one each of redundancy, unique S₁, unique S₂ and synergy under BROJA, CCS and I_dep; I_min and MMI give 2/0/0/2.
    /// </summary>
    public static DiscreteDistribution RdnUnqXor => FromBits(5, bits =>
    {
        int r = bits[0], a = bits[1], b = bits[2], c = bits[3], d = bits[4];
        return [r + (2 * a) + (4 * c), r + (2 * b) + (4 * d), r + (2 * a) + (4 * b) + (8 * (c ^ d))];
    });

    /// <summary>XorAnd: sources independent uniform bits, T = (S₁ ⊕ S₂, S₁ ∧ S₂), coded (S₁ ⊕ S₂) + 2(S₁ ∧ S₂). I = 1.5 bits.</summary>
    public static DiscreteDistribution XorAnd => FromBits(2, bits =>
    {
        int a = bits[0], b = bits[1];
        return [a, b, (a ^ b) + (2 * (a & b))];
    });

    /// <summary>
    /// The giant bit over n variables: all equal to one uniform bit. TC = n − 1, DTC = 1, O-information n − 2 bits
    /// (maximally redundant).
    /// </summary>
    /// <param name="n">The number of variables, 2 to 30.</param>
    /// <returns>The distribution.</returns>
    public static DiscreteDistribution GiantBit(int n)
    {
        CheckCount(n, 2, nameof(n));
        return DiscreteDistribution.Uniform([new string('0', n), new string('1', n)]);
    }

    /// <summary>
    /// n-bit parity: n − 1 independent uniform bits and their parity (any n − 1 of the n are independent). TC = 1,
    /// DTC = n − 1, O-information 2 − n bits (maximally synergistic); co-information (−1)ⁿ bits.
    /// </summary>
    /// <param name="n">The number of variables, 2 to 20.</param>
    /// <returns>The distribution.</returns>
    public static DiscreteDistribution Parity(int n)
    {
        CheckCount(n, 2, nameof(n));
        if (n > 20)
        {
            throw new ArgumentOutOfRangeException(nameof(n), n, "Parity has 2^(n-1) outcomes; n is at most 20.");
        }

        return FromBits(n - 1, bits =>
        {
            int[] outcome = new int[bits.Length + 1];
            int parity = 0;
            for (int i = 0; i < bits.Length; i++)
            {
                outcome[i] = bits[i];
                parity ^= bits[i];
            }

            outcome[^1] = parity;
            return outcome;
        });
    }

    /// <summary>
    /// Two fair six-sided dice and their sum (X, Y, X + Y), faces coded 0…5 and sums 0…10. H(X + Y) ≈ 3.274 bits,
    /// I(X; X + Y) = H(X + Y) − log₂ 6 ≈ 0.690 bits, I(X, Y; X + Y) = H(X + Y).
    /// </summary>
    public static DiscreteDistribution Dice
    {
        get
        {
            var outcomes = new List<int[]>(36);
            for (int x = 0; x < 6; x++)
            {
                for (int y = 0; y < 6; y++)
                {
                    outcomes.Add([x, y, x + y]);
                }
            }

            double[] p = [.. Enumerable.Repeat(1.0 / 36, 36)];
            return DiscreteDistribution.Create(outcomes, p, ["X", "Y", "X+Y"], normalize: true);
        }
    }

    /// <summary>The two-source distributions by name (XOR, AND, OR, COPY, RDN, UNQ, RdnXor, RdnUnqXor, XorAnd).</summary>
    public static IReadOnlyDictionary<string, DiscreteDistribution> TwoSource => new Dictionary<string, DiscreteDistribution>
    {
        ["XOR"] = Xor,
        ["AND"] = And,
        ["OR"] = Or,
        ["COPY"] = Copy,
        ["RDN"] = Rdn,
        ["UNQ"] = Unq,
        ["RdnXor"] = RdnXor,
        ["RdnUnqXor"] = RdnUnqXor,
        ["XorAnd"] = XorAnd,
    };

    private static readonly string[] TwoSourceNames = ["S1", "S2", "T"];

    /// <summary>The uniform distribution of f(bits) over all 2^bitCount bit vectors (repeated outcomes merge).</summary>
    private static DiscreteDistribution FromBits(int bitCount, Func<int[], int[]> f)
    {
        int count = 1 << bitCount;
        var outcomes = new List<int[]>(count);
        for (int v = 0; v < count; v++)
        {
            int[] bits = new int[bitCount];
            for (int i = 0; i < bitCount; i++)
            {
                bits[i] = (v >> i) & 1;
            }

            outcomes.Add(f(bits));
        }

        double[] p = [.. Enumerable.Repeat(1.0 / count, count)];
        int n = outcomes[0].Length;
        string[] names = n == 3 ? TwoSourceNames : [.. Enumerable.Range(0, n).Select(i => string.Create(CultureInfo.InvariantCulture, $"X{i}"))];
        return DiscreteDistribution.Create(outcomes, p, names, normalize: true);
    }

    private static void CheckCount(int n, int min, string paramName)
    {
        if (n < min || n > 30)
        {
            throw new ArgumentOutOfRangeException(paramName, n, string.Create(CultureInfo.InvariantCulture, $"{paramName} must be between {min} and 30."));
        }
    }
}
