using System.Globalization;
using System.Numerics.Tensors;
using InfoTheory.Continuous;
using InfoTheory.Internal;
using InfoTheory.Kernel.Internal;
using MathNet.Numerics.LinearAlgebra;

namespace InfoTheory.Kernel;

/// <summary>
/// Matrix-based Rényi α-entropies for large n by stochastic Lanczos quadrature (Ubaru, Chen &amp; Saad 2017, "Fast
/// estimation of tr(f(A)) via stochastic Lanczos quadrature", SIAM J. Matrix Anal. Appl. 38(4)): tr f(A) ≈
/// (n/m) Σ_probes Σₖ τₖ² f(θₖ), with m seeded Rademacher probes (Hutchinson 1990) and s Lanczos steps per probe, θₖ and
/// τₖ the eigenvalues and first eigenvector components of the s × s Lanczos tridiagonal. A = M / tr M, f(λ) = λᵅ
/// (α ≠ 1) or −λ ln λ (α = 1), and Sₐ = ln tr f(A) / (1 − α).
/// </summary>
/// <remarks>
/// <para>
/// Chosen explicitly by the caller instead of the exact eigenvalues (<see cref="MatrixEntropy"/>,
/// <see cref="MatrixRenyiEntropy"/>) when O(n³) is too slow or n² doubles too many. Cost: m·s products with the matrix
/// (O(n²) each for an explicit matrix; O(n² (d + m)/m) per vector for a Gram matrix rebuilt tile by tile, never stored)
/// plus O(m s² n) for full reorthogonalisation; memory m·s·n doubles for the Lanczos bases.
/// </para>
/// <para>
/// Error: the probe error has standard deviation ≤ √(2/m)·‖f(A)‖_F for Rademacher probes and is reported as
/// <see cref="SpectralEstimate.StandardError"/> from the probes' spread; the quadrature error decays geometrically in s
/// for f analytic on the spectrum (Ubaru et al. 2017, Thm 4.2), slower for λᵅ with α &lt; 1 and for −λ ln λ, whose
/// derivatives blow up at 0. s = 30 to 50 and m = 16 to 64 are typical. Same inputs and seed give the same bits, for
/// any degree of parallelism.
/// </para>
/// </remarks>
public static class StochasticMatrixEntropy
{
    /// <summary>Sₐ(M / tr M) of an explicit symmetric positive semi-definite matrix by stochastic Lanczos quadrature.</summary>
    /// <param name="matrix">The n × n matrix, row-major (symmetry and a non-negative diagonal are checked; positive semi-definiteness is assumed).</param>
    /// <param name="size">n ≥ 1.</param>
    /// <param name="alpha">The order, finite and &gt; 0.</param>
    /// <param name="probes">m ≥ 2 random probes (default 16).</param>
    /// <param name="steps">s ≥ 1 Lanczos steps per probe (default 30; at most n).</param>
    /// <param name="seed">Seed of the probes.</param>
    /// <param name="maxDegreeOfParallelism">Threads for the matrix products (1, the default; −1: no limit).</param>
    /// <returns>The estimate and its probe standard error.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of range.</exception>
    /// <exception cref="ArgumentException">The matrix has the wrong length, is not finite or symmetric, or has zero trace.</exception>
    public static SpectralEstimate Renyi(ReadOnlySpan<double> matrix, int size, double alpha, int probes = 16, int steps = 30, int seed = 0, int maxDegreeOfParallelism = 1)
    {
        RequireSettings(alpha, probes, steps, maxDegreeOfParallelism);
        MatrixValidation.SymmetricWithPositiveTrace(matrix, size, nameof(matrix));
        return Estimate(new DenseOperator(matrix.ToArray(), size, maxDegreeOfParallelism), alpha, probes, steps, seed);
    }

    /// <summary>
    /// Sₐ of the normalised Gram matrix of <paramref name="samples"/> under <paramref name="kernel"/> by stochastic Lanczos
    /// quadrature, the Gram matrix never stored (the large-n counterpart of <see cref="MatrixRenyiEntropy"/>).
    /// </summary>
    /// <param name="samples">n samples (rows).</param>
    /// <param name="kernel">A positive semi-definite kernel; a bandwidth rule is applied to the samples.</param>
    /// <param name="alpha">The order, finite and &gt; 0.</param>
    /// <param name="probes">m ≥ 2 random probes (default 16).</param>
    /// <param name="steps">s ≥ 1 Lanczos steps per probe (default 30).</param>
    /// <param name="seed">Seed of the probes.</param>
    /// <param name="maxDegreeOfParallelism">Threads for the matrix products (1, the default; −1: no limit).</param>
    /// <returns>The estimate and its probe standard error.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="samples"/> or <paramref name="kernel"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of range.</exception>
    /// <exception cref="ArgumentException">The bandwidth rule cannot be applied, or the Gram matrix has zero trace.</exception>
    public static SpectralEstimate Renyi(SampleMatrix samples, KernelFunction kernel, double alpha, int probes = 16, int steps = 30, int seed = 0, int maxDegreeOfParallelism = 1)
    {
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentNullException.ThrowIfNull(kernel);
        RequireSettings(alpha, probes, steps, maxDegreeOfParallelism);
        var op = new GramOperator(samples, kernel.Resolve(samples), maxDegreeOfParallelism);
        if (!(op.Trace > 0))
        {
            ThrowHelper.ArgumentException(nameof(samples), "The Gram matrix of samples has trace 0; it cannot be normalised.");
        }

        return Estimate(op, alpha, probes, steps, seed);
    }

    private static void RequireSettings(double alpha, int probes, int steps, int maxDegreeOfParallelism)
    {
        if (!(alpha > 0) || !double.IsFinite(alpha))
        {
            ThrowHelper.ArgumentOutOfRange(nameof(alpha), alpha, string.Format(CultureInfo.InvariantCulture,
                "The stochastic estimate needs a finite order alpha > 0 (f(λ) = λ^α must be smooth on [0, 1]), got {0}; use MatrixEntropy for 0 and +∞.", alpha));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(probes, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(steps, 1);
        GramMatrix.CheckParallelism(maxDegreeOfParallelism);
    }

    private static double F(double lambda, double alpha)
    {
        lambda = Math.Max(lambda, 0);
        return alpha == 1 ? (lambda > 0 ? -lambda * Math.Log(lambda) : 0) : Math.Pow(lambda, alpha);
    }

    private static SpectralEstimate Estimate(ISymmetricOperator op, double alpha, int probes, int steps, int seed)
    {
        int n = op.Size, m = probes, s = Math.Min(steps, n);
        double inverseTrace = 1 / op.Trace;

        // Bases: basis[k] holds the k-th Lanczos vector of every probe, m × n.
        double[][] basis = new double[s][];
        basis[0] = new double[m * n];
        var random = new Random(seed);
        double scale = 1 / Math.Sqrt(n);
        for (int k = 0; k < m * n; k++)
        {
            basis[0][k] = random.Next(2) == 0 ? -scale : scale;
        }

        double[,] diagonal = new double[m, s], offDiagonal = new double[m, s];
        int[] length = new int[m];
        bool[] done = new bool[m];
        double[] w = new double[m * n];
        for (int k = 0; k < s; k++)
        {
            op.Multiply(basis[k], w, m);
            double[]? next = k + 1 < s ? new double[m * n] : null;
            for (int c = 0; c < m; c++)
            {
                if (done[c])
                {
                    continue;
                }

                Span<double> wc = w.AsSpan(c * n, n);
                TensorPrimitives.Multiply(wc, inverseTrace, wc);
                ReadOnlySpan<double> q = basis[k].AsSpan(c * n, n);
                double a = TensorPrimitives.Dot(q, wc);
                diagonal[c, k] = a;
                length[c] = k + 1;

                // Full reorthogonalisation (twice is enough; Giraud et al. 2005) subsumes the three-term recurrence.
                for (int pass = 0; pass < 2; pass++)
                {
                    for (int j = 0; j <= k; j++)
                    {
                        ReadOnlySpan<double> qj = basis[j].AsSpan(c * n, n);
                        TensorPrimitives.MultiplyAdd(qj, -TensorPrimitives.Dot(qj, wc), wc, wc);
                    }
                }

                double b = TensorPrimitives.Norm<double>(wc);
                if (next is null || b <= 1e-12 * Math.Max(Math.Abs(a), 1e-300))
                {
                    done[c] = next is not null;
                    continue;
                }

                offDiagonal[c, k] = b;
                TensorPrimitives.Multiply(wc, 1 / b, next.AsSpan(c * n, n));
            }

            if (next is not null)
            {
                basis[k + 1] = next;
            }
        }

        double[] perProbe = new double[m];
        for (int c = 0; c < m; c++)
        {
            int len = length[c];
            var t = Matrix<double>.Build.Dense(len, len);
            for (int k = 0; k < len; k++)
            {
                t[k, k] = diagonal[c, k];
                if (k + 1 < len)
                {
                    t[k, k + 1] = t[k + 1, k] = offDiagonal[c, k];
                }
            }

            var evd = t.Evd(Symmetricity.Symmetric);
            double sum = 0;
            for (int k = 0; k < len; k++)
            {
                double tau = evd.EigenVectors[0, k];
                sum += tau * tau * F(evd.EigenValues[k].Real, alpha);
            }

            perProbe[c] = n * sum;
        }

        double mean = perProbe.Average();
        double variance = perProbe.Sum(v => (v - mean) * (v - mean)) / (m - 1);
        double standardError = Math.Sqrt(variance / m);
        double entropy = alpha == 1 ? mean : Math.Log(mean) / (1 - alpha);
        double entropyError = alpha == 1 ? standardError : standardError / (Math.Abs(1 - alpha) * mean);
        return new SpectralEstimate(Information.FromNats(entropy), Information.FromNats(entropyError), m, s);
    }
}
