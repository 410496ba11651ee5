using System.Numerics;
using System.Runtime.CompilerServices;

namespace InfoTheory.Internal;

/// <summary>
/// A small seeded generator for resampling: xoshiro256** (Blackman &amp; Vigna 2021, "Scrambled linear
/// pseudorandom number generators") whose state is filled by SplitMix64 (Steele, Lea &amp; Flood 2014,
/// "Fast splittable pseudorandom number generators") from a (seed, stream) pair. Each permutation or
/// bootstrap replicate gets its own stream, so a result depends only on the seed and the replicate's
/// index, never on which thread ran it or in what order. The generator is written out here (rather
/// than using <see cref="Random"/>) so that the streams are the same on every runtime version.
/// </summary>
internal struct StreamRandom
{
    private const ulong GoldenGamma = 0x9E3779B97F4A7C15;

    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;

    public StreamRandom(int seed, int stream)
    {
        // Distinct (seed, stream) pairs give distinct 64-bit keys; the finaliser is a bijection.
        ulong state = Finalize(((ulong)(uint)seed << 32) | (uint)stream);
        _s0 = SplitMix(ref state);
        _s1 = SplitMix(ref state);
        _s2 = SplitMix(ref state);
        _s3 = SplitMix(ref state);
    }

    /// <summary>64 uniform random bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong NextUInt64()
    {
        ulong result = BitOperations.RotateLeft(_s1 * 5, 7) * 9;
        ulong t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = BitOperations.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>
    /// A uniform integer in [0, <paramref name="bound"/>), bound ≥ 1, without modulo bias: Lemire's
    /// multiply-and-reject method (Lemire 2019, "Fast random integer generation in an interval").
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int NextInt32(int bound)
    {
        uint range = (uint)bound;
        ulong product = NextUInt32() * (ulong)range;
        uint low = (uint)product;
        if (low < range)
        {
            uint threshold = (0u - range) % range;
            while (low < threshold)
            {
                product = NextUInt32() * (ulong)range;
                low = (uint)product;
            }
        }

        return (int)(product >> 32);
    }

    /// <summary>Shuffles in place by Fisher-Yates (Durstenfeld 1964): every permutation equally likely.</summary>
    public void Shuffle<T>(Span<T> values)
    {
        for (int i = values.Length - 1; i > 0; i--)
        {
            int j = NextInt32(i + 1);
            (values[i], values[j]) = (values[j], values[i]);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private uint NextUInt32() => (uint)(NextUInt64() >> 32);

    private static ulong SplitMix(ref ulong state)
    {
        state += GoldenGamma;
        return Finalize(state);
    }

    private static ulong Finalize(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
        return z ^ (z >> 31);
    }
}
