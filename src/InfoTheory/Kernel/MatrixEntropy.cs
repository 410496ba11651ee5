using InfoTheory.Continuous;
using InfoTheory.Internal;
using InfoTheory.Kernel.Internal;
using InfoTheory.Primitives.Simd;

namespace InfoTheory.Kernel;

/// <summary>
/// Entropies of positive semi-definite matrices: the matrix-based Rényi α-entropy and the von Neumann entropy of
/// A = M / tr M, their spectra, and the "matrix entropy" of a representation.
/// </summary>
/// <remarks>
/// <para>
/// Sₐ(A) = ln(tr Aᵅ) / (1 − α) = ln(Σᵢ λᵢᵅ) / (1 − α) over the eigenvalues λᵢ of A (which sum to 1), in nats:
/// the Rényi entropy of the spectrum (Sánchez Giraldo, Rao &amp; Príncipe 2015, "Measures of entropy from data using
/// infinitely divisible kernels", IEEE Trans. Inf. Theory 61(1)). α = 1 is the limit −Σ λᵢ ln λᵢ, the von Neumann
/// entropy; α = 2 is −ln ‖A‖²_F and needs no eigenvalues; α = 0 is ln rank A; α = +∞ is −ln λ_max. 0 ≤ Sₐ ≤ ln n,
/// non-increasing in α.
/// </para>
/// <para>
/// Matrices are n·n row-major spans. They must be finite, symmetric (to 1e-12 of the largest entry), with a
/// non-negative diagonal and positive trace. At every order the eigenvalues are computed (O(n³), Householder
/// tridiagonalisation and implicit QR) and an eigenvalue below −1e-9·max|λ| means the matrix is not positive
/// semi-definite and throws an <see cref="ArgumentException"/> naming the matrix; smaller negative ones are rounding and
/// count as 0. (α = 2 itself needs only ‖M‖²_F, but a matrix with a negative eigenvalue has no Rényi entropy, so it is
/// rejected there too: the streamed α = 2 path of <see cref="MatrixRenyiEntropy"/> needs no check because its Gram
/// matrices are positive semi-definite by construction.) The matrix is copied and scaled by a power of two first, so any
/// finite scale works. Nothing passed in is modified.
/// </para>
/// </remarks>
public static class MatrixEntropy
{
    /// <summary>The matrix-based Rényi α-entropy Sₐ(M / tr M) of a positive semi-definite matrix, in nats.</summary>
    /// <param name="matrix">The n × n matrix, row-major (a Gram, covariance or density matrix; any positive scale).</param>
    /// <param name="size">n ≥ 1.</param>
    /// <param name="alpha">The order, 0 ≤ α ≤ +∞.</param>
    /// <returns>Sₐ in [0, ln n]; 0 for n = 1.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="alpha"/> is negative or NaN, or <paramref name="size"/> &lt; 1.</exception>
    /// <exception cref="ArgumentException">Wrong length, a non-finite entry, not symmetric, a negative diagonal entry, zero trace, not positive semi-definite, or no memory for the n² copy.</exception>
    /// <remarks>O(n³) time and one n² scratch array at every order (the positive semi-definiteness check).</remarks>
    public static Information Renyi(ReadOnlySpan<double> matrix, int size, double alpha)
    {
        Check.Order(alpha);
        double[] scaled = ValidatedScaledCopy(matrix, size, out double trace);
        double squares = alpha == 2 ? System.Numerics.Tensors.TensorPrimitives.SumOfSquares<double>(scaled) : 0;
        double[] spectrum = MatrixValidation.NormalizedSpectrum(scaled, size, trace, nameof(matrix));
        return Information.FromNats(alpha == 2 ? (2 * Math.Log(trace)) - Math.Log(squares) : Kernels.RenyiEntropy<double>(spectrum, alpha));
    }

    /// <summary>The von Neumann entropy S(ρ) = −tr(ρ ln ρ) = −Σ λᵢ ln λᵢ of ρ = M / tr M, in nats.</summary>
    /// <param name="matrix">The n × n positive semi-definite matrix, row-major.</param>
    /// <param name="size">n ≥ 1.</param>
    /// <returns>S in [0, ln n]; for a diagonal matrix, the Shannon entropy of its normalised diagonal.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="size"/> &lt; 1.</exception>
    /// <exception cref="ArgumentException">Wrong length, non-finite, not symmetric, zero trace, or not positive semi-definite.</exception>
    /// <remarks>von Neumann (1932), "Mathematische Grundlagen der Quantenmechanik". O(n³).</remarks>
    public static Information VonNeumann(ReadOnlySpan<double> matrix, int size) => Renyi(matrix, size, 1.0);

    /// <summary>The eigenvalues of M / tr M, descending, summing to 1 (rounding-level negatives set to 0).</summary>
    /// <param name="matrix">The n × n positive semi-definite matrix, row-major.</param>
    /// <param name="size">n ≥ 1.</param>
    /// <returns>n eigenvalues in [0, 1].</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="size"/> &lt; 1.</exception>
    /// <exception cref="ArgumentException">Wrong length, non-finite, not symmetric, zero trace, or not positive semi-definite.</exception>
    /// <remarks>O(n³): Householder tridiagonalisation and implicit QR with Wilkinson shifts (Golub &amp; Van Loan 2013, §8.3).</remarks>
    public static double[] NormalizedSpectrum(ReadOnlySpan<double> matrix, int size)
    {
        double[] scaled = ValidatedScaledCopy(matrix, size, out double trace);
        return MatrixValidation.NormalizedSpectrum(scaled, size, trace, nameof(matrix));
    }

    /// <summary>
    /// The checks of <see cref="Renyi(ReadOnlySpan{double}, int, double)"/> and of the memory for one n × n copy, then the
    /// copy scaled by a power of two (largest magnitude in [1, 2): exact, and neither the trace nor a square overflows) and its trace.
    /// </summary>
    private static double[] ValidatedScaledCopy(ReadOnlySpan<double> matrix, int size, out double trace)
    {
        MatrixValidation.SymmetricWithPositiveTrace(matrix, size, nameof(matrix));
        GramInput.RequireSquare(size, 1, nameof(matrix), "The eigenvalue computation's copy of matrix");
        double[] scaled = new double[matrix.Length];
        GramInput.ScaleToUnit(matrix, scaled);
        trace = 0;
        for (int i = 0; i < size; i++)
        {
            trace += scaled[(i * size) + i];
        }

        return scaled;
    }

    /// <summary>
    /// The "matrix entropy" of a representation Z (n samples × d features): Sₐ of ZZᵀ / tr(ZZᵀ), computed from
    /// whichever of ZZᵀ (n × n) and ZᵀZ (d × d) is smaller — they share their non-zero eigenvalues (the dual-Gram trick).
    /// </summary>
    /// <param name="representation">Z, one sample per row; not centred or normalised here (centre or L2-normalise rows first if your definition does).</param>
    /// <param name="alpha">The order, 0 ≤ α ≤ +∞ (default 1: von Neumann).</param>
    /// <param name="maxDegreeOfParallelism">Threads for the Gram product: −1 (default, no limit) or at least 1. Does not change the result.</param>
    /// <returns>Sₐ in [0, ln min(n, d)] nats.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="representation"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="alpha"/> is negative or NaN, or <paramref name="maxDegreeOfParallelism"/> is 0 or &lt; −1.</exception>
    /// <exception cref="ArgumentException">Z is all zeros (trace 0), or the m × m Gram matrix cannot be allocated.</exception>
    /// <remarks>
    /// Used as a measure of representation quality (e.g. Skean et al. 2025, "Layer by Layer: Uncovering Hidden
    /// Representations in Language Models"). O(n·d·m + m³) with m = min(n, d). Z is scaled by a power of two first
    /// (Sₐ does not depend on the scale of Z), so any finite values work. Not translation-invariant: ZZᵀ changes when a
    /// constant is added to Z.
    /// </remarks>
    public static Information OfRepresentation(SampleMatrix representation, double alpha = 1.0, int maxDegreeOfParallelism = Settings.DefaultMaxDegreeOfParallelism)
    {
        ArgumentNullException.ThrowIfNull(representation);
        Check.Order(alpha);
        Settings.MaxDegreeOfParallelism(maxDegreeOfParallelism, nameof(maxDegreeOfParallelism));
        double[] gram = SmallerGram(representation, maxDegreeOfParallelism, out int size, out _);
        double trace = 0;
        for (int i = 0; i < size; i++)
        {
            trace += gram[(i * size) + i];
        }

        if (!(trace > 0))
        {
            ThrowHelper.ArgumentException(nameof(representation), "representation is all zeros; its Gram matrix has trace 0.");
        }

        if (alpha == 2)
        {
            double squares = System.Numerics.Tensors.TensorPrimitives.SumOfSquares<double>(gram);
            return Information.FromNats((2 * Math.Log(trace)) - Math.Log(squares));
        }

        return Information.FromNats(Kernels.RenyiEntropy<double>(MatrixValidation.NormalizedSpectrum(gram, size, trace, nameof(representation)), alpha));
    }

    /// <summary>ZZᵀ if n ≤ d, else ZᵀZ (the Gram of the columns), both by the blocked dot-product kernel.</summary>
    /// <remarks>
    /// Z is first scaled by 2⁻ᴱ (<paramref name="exponent"/> = E, largest magnitude in [1, 2)), exactly, so no finite
    /// input overflows; the result is the Gram of the scaled Z, that of Z times 2⁻²ᴱ. The memory check runs before any work.
    /// </remarks>
    internal static double[] SmallerGram(SampleMatrix z, int maxDegreeOfParallelism, out int size, out int exponent)
    {
        size = Math.Min(z.Rows, z.Columns);
        GramInput.RequireSquare(size, 1, "representation", "The smaller Gram matrix of representation (m = min(n, d))");
        (SampleMatrix scaled, exponent) = GramInput.Scale(z, "representation");
        SampleMatrix rows = scaled.Rows <= scaled.Columns ? scaled : Transpose(scaled);
        double[] gram = new double[size * size];
        GramBuilder.Fill(rows, new KernelParameters(KernelType.Linear, double.NaN, 0, 1.0, 0.0), gram, maxDegreeOfParallelism);
        return gram;
    }

    private static SampleMatrix Transpose(SampleMatrix z)
    {
        int n = z.Rows, d = z.Columns;
        ReadOnlySpan<double> data = z.Data.Span;
        double[] transposed = new double[n * d];
        const int Block = 32;
        for (int i0 = 0; i0 < n; i0 += Block)
        {
            for (int j0 = 0; j0 < d; j0 += Block)
            {
                for (int i = i0; i < Math.Min(i0 + Block, n); i++)
                {
                    for (int j = j0; j < Math.Min(j0 + Block, d); j++)
                    {
                        transposed[(j * n) + i] = data[(i * d) + j];
                    }
                }
            }
        }

        return SampleMatrix.FromRowMajor(transposed, n, nameof(z));
    }
}
