using System.Globalization;
using InfoTheory.Continuous;
using InfoTheory.Internal;
using InfoTheory.Kernel.Internal;
using MathNet.Numerics.LinearAlgebra;

namespace InfoTheory.Kernel;

/// <summary>
/// The coding rate of a representation and the MCR² rate reduction (Yu, Chan, You, Song &amp; Ma 2020, "Learning
/// Diverse and Discriminative Representations via the Principle of Maximal Coding Rate Reduction", NeurIPS).
/// </summary>
/// <remarks>
/// <para>
/// With Z the n × d representation (one sample per row): R(Z, ε) = ½ ln det(I_d + d/(n ε²) ZᵀZ), in nats — the
/// number of nats needed to code the n vectors up to distortion ε² (Ma, Derksen, Hong &amp; Wright 2007). By
/// Sylvester's determinant identity det(I_d + c ZᵀZ) = det(I_n + c ZZᵀ), so the smaller of the two Gram matrices is
/// factorised: O(n d m + m³) with m = min(n, d). The log-determinant comes from a Cholesky factorisation (the matrix
/// is the identity plus a positive semi-definite one, so always positive definite).
/// </para>
/// <para>
/// Z is used as given; MCR² normalises each row to the unit sphere first, which is the caller's choice here.
/// Equals ½ Σᵢ ln(1 + d/(n ε²) σᵢ²) over the singular values σᵢ of Z. It depends on Z / ε only; Z and ε are scaled by
/// the same power of two first, so no finite input overflows. Not translation-invariant (Z is not centred).
/// </para>
/// </remarks>
public static class CodingRate
{
    /// <summary>R(Z, ε) = ½ ln det(I + d/(n ε²) ZᵀZ), in nats.</summary>
    /// <param name="representation">Z, n samples × d features.</param>
    /// <param name="epsilon">The distortion ε &gt; 0, finite.</param>
    /// <param name="maxDegreeOfParallelism">Threads for the Gram product: −1 (default, no limit) or at least 1. Does not change the result.</param>
    /// <returns>R ≥ 0; 0 when Z = 0.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="representation"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="epsilon"/> is ≤ 0 or not finite, or <paramref name="maxDegreeOfParallelism"/> is 0 or &lt; −1.</exception>
    public static Information Of(SampleMatrix representation, double epsilon, int maxDegreeOfParallelism = Settings.DefaultMaxDegreeOfParallelism)
    {
        ArgumentNullException.ThrowIfNull(representation);
        RequireEpsilon(epsilon);
        Settings.MaxDegreeOfParallelism(maxDegreeOfParallelism, nameof(maxDegreeOfParallelism));
        return Information.FromNats(Rate(representation, epsilon, maxDegreeOfParallelism));
    }

    /// <summary>
    /// The rate reduction ΔR(Z, Π, ε) = R(Z, ε) − Σⱼ (nⱼ / (2n)) ln det(I + d/(nⱼ ε²) ZⱼᵀZⱼ), in nats, where Zⱼ holds the
    /// nⱼ rows with label j: the coding rate of the whole minus the average rate of its classes.
    /// </summary>
    /// <param name="representation">Z, n samples × d features.</param>
    /// <param name="labels">The class of each row (any integers), as many as the rows.</param>
    /// <param name="epsilon">The distortion ε &gt; 0, finite.</param>
    /// <param name="maxDegreeOfParallelism">Threads for the Gram products.</param>
    /// <returns>ΔR; ≥ 0 (concavity of ln det), 0 with a single class.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="representation"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="epsilon"/> is ≤ 0 or not finite, or <paramref name="maxDegreeOfParallelism"/> is invalid.</exception>
    /// <exception cref="ArgumentException"><paramref name="labels"/> does not have one label per row.</exception>
    public static Information RateReduction(SampleMatrix representation, ReadOnlySpan<int> labels, double epsilon, int maxDegreeOfParallelism = Settings.DefaultMaxDegreeOfParallelism)
    {
        ArgumentNullException.ThrowIfNull(representation);
        RequireEpsilon(epsilon);
        Settings.MaxDegreeOfParallelism(maxDegreeOfParallelism, nameof(maxDegreeOfParallelism));
        Check.SameLength(representation.Rows, labels.Length);
        int n = representation.Rows, d = representation.Columns;
        double whole = Rate(representation, epsilon, maxDegreeOfParallelism);

        int[] order = new int[n];
        int[] keys = labels.ToArray();
        for (int i = 0; i < n; i++)
        {
            order[i] = i;
        }

        Array.Sort(keys, order);
        double classes = 0;
        ReadOnlySpan<double> data = representation.Data.Span;
        for (int start = 0; start < n;)
        {
            int end = start;
            while (end < n && keys[end] == keys[start])
            {
                end++;
            }

            int count = end - start;
            double[] rows = new double[count * d];
            for (int r = 0; r < count; r++)
            {
                data.Slice(order[start + r] * d, d).CopyTo(rows.AsSpan(r * d, d));
            }

            SampleMatrix part = SampleMatrix.FromRowMajor(rows, d, nameof(representation));
            classes += (double)count / n * Rate(part, epsilon, maxDegreeOfParallelism);
            start = end;
        }

        return Information.FromNats(whole - classes);
    }

    /// <summary>½ ln det(I + d/(n ε²) G) with G the smaller Gram of Z.</summary>
    private static double Rate(SampleMatrix z, double epsilon, int maxDegreeOfParallelism)
    {
        // R depends on Z / ε only: Z is scaled by 2⁻ᴱ (exactly, so nothing overflows) and ε with it.
        double[] gram = MatrixEntropy.SmallerGram(z, maxDegreeOfParallelism, out int size, out int exponent);
        double scaledEpsilon = Math.ScaleB(epsilon, -exponent);
        double scale = z.Columns / (z.Rows * scaledEpsilon * scaledEpsilon);
        for (int k = 0; k < gram.Length; k++)
        {
            gram[k] *= scale;
        }

        if (!double.IsFinite(System.Numerics.Tensors.TensorPrimitives.Sum<double>(gram)))
        {
            ThrowHelper.ArgumentException(nameof(epsilon), string.Format(CultureInfo.InvariantCulture,
                "epsilon = {0} is so small compared with the representation that d/(n ε²) ZᵀZ overflows; the coding rate is not representable.", epsilon));
        }

        for (int i = 0; i < size; i++)
        {
            gram[(i * size) + i] += 1;
        }

        // Symmetric, so the row-major array reads the same column-major. I + c G with G ⪰ 0 is positive definite; a
        // failure here could only come from rounding, and is reported against the input rather than as MathNet's.
        try
        {
            return 0.5 * Matrix<double>.Build.Dense(size, size, gram).Cholesky().DeterminantLn;
        }
        catch (ArgumentException e)
        {
            throw MatrixValidation.Failure("representation", "The coding-rate matrix I + d/(n ε²) ZᵀZ of representation could not be factorised: " + e.Message, e);
        }
    }

    private static void RequireEpsilon(double epsilon)
    {
        if (!(epsilon > 0) || !double.IsFinite(epsilon))
        {
            ThrowHelper.ArgumentOutOfRange_NotPositive(nameof(epsilon), epsilon);
        }
    }
}
