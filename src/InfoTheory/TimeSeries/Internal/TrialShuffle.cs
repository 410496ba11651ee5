using System.Globalization;
using InfoTheory.Internal;

namespace InfoTheory.TimeSeries.Internal;

/// <summary>
/// The trial pairings of trial-shuffle surrogates: derangements of the trials (permutations without a fixed point), so
/// that no trial keeps its own source.
/// </summary>
internal static class TrialShuffle
{
    /// <summary>
    /// The number of derangements of <paramref name="trials"/> items, !R = (R − 1)(!(R − 1) + !(R − 2)) with !0 = 1 and
    /// !1 = 0; saturates at <see cref="long.MaxValue"/> (from R = 21 on).
    /// </summary>
    public static long Derangements(int trials)
    {
        long previous = 1, current = 0; // !0, !1
        if (trials == 0)
        {
            return previous;
        }

        for (int r = 2; r <= trials; r++)
        {
            long sum = previous + current;
            long next = sum > long.MaxValue / (r - 1) ? long.MaxValue : (r - 1) * sum;
            (previous, current) = (current, next);
            if (next == long.MaxValue)
            {
                return long.MaxValue;
            }
        }

        return current;
    }

    /// <summary>
    /// Checks the trials of a trial-shuffle test before any work: at least 2, all of the same length, and at least
    /// <paramref name="surrogates"/> distinct derangements of them.
    /// </summary>
    public static void Check(ReadOnlySpan<int> lengths, int surrogates, string paramName, string surrogatesName)
    {
        if (lengths.Length < 2)
        {
            ThrowHelper.ArgumentException(paramName, string.Create(CultureInfo.InvariantCulture,
                $"Trial-shuffle surrogates pair the source of one trial with the target of another, so {paramName} needs at least 2 trials; it has {lengths.Length}."));
        }

        for (int i = 1; i < lengths.Length; i++)
        {
            if (lengths[i] != lengths[0])
            {
                ThrowHelper.ArgumentException(paramName, string.Create(CultureInfo.InvariantCulture,
                    $"Trial-shuffle surrogates need trials of equal length, but trial 0 of {paramName} has {lengths[0]} time steps and trial {i} has {lengths[i]}."));
            }
        }

        long available = Derangements(lengths.Length);
        if (surrogates > available)
        {
            ThrowHelper.ArgumentOutOfRange(surrogatesName, surrogates, string.Create(CultureInfo.InvariantCulture,
                $"{lengths.Length} trials can be re-paired in only {available} distinct ways (derangements) but {surrogatesName} asks for {surrogates} distinct surrogates; use more trials, fewer surrogates, or another scheme."));
        }
    }

    /// <summary>
    /// <paramref name="count"/> distinct random derangements of <paramref name="trials"/> items. Derangement b is drawn
    /// from stream (<paramref name="seed"/>, b) by rejection (shuffle until no item stays, e⁻¹ of shuffles succeed) and
    /// redrawn from the same stream while it repeats an earlier one, so the result depends only on the seed.
    /// </summary>
    public static int[][] Draw(int trials, int count, int seed)
    {
        var seen = new HashSet<int[]>(PermutationComparer.Instance);
        int[][] result = new int[count][];
        for (int b = 0; b < count; b++)
        {
            var random = new StreamRandom(seed, b);
            int[] pairing = new int[trials];
            do
            {
                Derangement(pairing, ref random);
            }
            while (!seen.Add(pairing)); // a repeat is not stored, so its array is reused

            result[b] = pairing;
        }

        return result;
    }

    private static void Derangement(Span<int> pairing, ref StreamRandom random)
    {
        while (true)
        {
            for (int i = 0; i < pairing.Length; i++)
            {
                pairing[i] = i;
            }

            random.Shuffle(pairing);
            bool fixedPoint = false;
            for (int i = 0; i < pairing.Length && !fixedPoint; i++)
            {
                fixedPoint = pairing[i] == i;
            }

            if (!fixedPoint)
            {
                return;
            }
        }
    }

    private sealed class PermutationComparer : IEqualityComparer<int[]>
    {
        public static readonly PermutationComparer Instance = new();

        public bool Equals(int[]? x, int[]? y) => x.AsSpan().SequenceEqual(y);

        public int GetHashCode(int[] obj)
        {
            var hash = default(HashCode);
            hash.AddBytes(System.Runtime.InteropServices.MemoryMarshal.AsBytes(obj.AsSpan()));
            return hash.ToHashCode();
        }
    }
}
