using System.Globalization;
using System.Numerics.Tensors;
using InfoTheory.Continuous;
using InfoTheory.Internal;
using InfoTheory.Kernel.Internal;
using MathNet.Numerics.LinearAlgebra;

namespace InfoTheory.Kernel;

/// <summary>
/// Matrix-based Rényi α-entropies for large n by stochastic Lanczos quadrature (Ubaru, Chen &amp; Saad 2017, "Fast
/// estimation of tr(f(A)) via stochastic Lanczos quadrature", SIAM J. Matrix Anal. Appl. 38(4)) with deflation of the
/// dominant eigenspace (as in Hutch++; Meyer, Musco, Musco &amp; Woodruff 2021, SOSA). A = M / tr M, f(λ) = λᵅ (α ≠ 1) or
/// −λ ln λ (α = 1), and Sₐ = ln tr f(A) / (1 − α).
/// </summary>
/// <remarks>
/// <para>
/// Method: an orthonormal basis V = [v₁ … v_b] of A's dominant eigenspace by randomised subspace iteration (two
/// rounds, Rayleigh-Ritz); then, with P = I − V Vᵀ, the exact split tr f(A) = Σᵢ vᵢᵀ f(A) vᵢ + tr(P f(A) P). Each
/// vᵢᵀ f(A) vᵢ is a Lanczos quadrature Σₖ τₖ² f(θₖ) from vᵢ (no random error); tr(P f(A) P) is Hutchinson's estimator
/// (1/m) Σⱼ (P zⱼ)ᵀ f(A) (P zⱼ) over m seeded Rademacher probes, each again by Lanczos quadrature. All b + m start
/// vectors share every product with the matrix. Gram matrices of real data usually have a few large eigenvalues (the
/// constant direction above all); without deflation they dominate the probe variance — for a Gaussian kernel at the
/// median-heuristic bandwidth the standard error of the plain estimator can exceed the entropy itself.
/// </para>
/// <para>
/// Chosen explicitly by the caller instead of the exact eigenvalues (<see cref="MatrixEntropy"/>,
/// <see cref="MatrixRenyiEntropy"/>) when O(n³) is too slow or n² doubles too many. Cost: (3 + s) products with the
/// matrix (3 for the subspace, with b vectors; s Lanczos steps, with b + m), O(n² (b + m)) each (plus O(n² d) when a
/// Gram matrix's tiles are rebuilt, see <see cref="GramStorage"/>), plus O((b + m) s² n) for full reorthogonalisation;
/// memory (b + m)·s·n doubles for the Lanczos bases.
/// </para>
/// <para>
/// Error: <see cref="SpectralEstimate.StandardError"/> is the probe error from the probes' spread (delta method through
/// the logarithm); deflation removes the dominant eigenvalues' share of it. The quadrature error decays geometrically in
/// s for f analytic on the spectrum (Ubaru et al. 2017, Thm 4.2), slower for λᵅ with α &lt; 1 and for −λ ln λ, whose
/// derivatives blow up at 0; it is not in the standard error. Typical: s = 10 to 50, m = 16 to 64, b = 16. Same inputs
/// and seed give the same bits, for any degree of parallelism.
/// </para>
/// </remarks>
public static class StochasticMatrixEntropy
{
    /// <summary>Sₐ(M / tr M) of an explicit symmetric positive semi-definite matrix by stochastic Lanczos quadrature.</summary>
    /// <param name="matrix">
    /// The n × n matrix, row-major. Symmetry and a non-negative diagonal are checked before any work; a negative
    /// eigenvalue is detected when the Lanczos process meets it (a Ritz value below −1e-9 of the largest in magnitude, the
    /// criterion of <see cref="MatrixEntropy"/>, which always applies when n ≤ steps) — proving the absence of one would
    /// take the O(n³) eigen-decomposition this method avoids.
    /// </param>
    /// <param name="size">n ≥ 1.</param>
    /// <param name="alpha">The order, finite and &gt; 0.</param>
    /// <param name="probes">m ≥ 2 random probes (default 16).</param>
    /// <param name="steps">s ≥ 1 Lanczos steps per start vector (default 30; at most n).</param>
    /// <param name="seed">Seed of the probes and of the subspace iteration.</param>
    /// <param name="maxDegreeOfParallelism">Threads for the matrix products: −1 (default, no limit) or at least 1. Does not change the result.</param>
    /// <param name="deflation">b ≥ 0 dominant eigendirections handled exactly (default 16; 0: plain Hutchinson; at most n are used).</param>
    /// <returns>The estimate and its probe standard error.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of range.</exception>
    /// <exception cref="ArgumentException">The matrix has the wrong length, is not finite or symmetric, has zero trace, cannot be copied, or has a negative eigenvalue that the Lanczos process finds.</exception>
    public static SpectralEstimate Renyi(ReadOnlySpan<double> matrix, int size, double alpha, int probes = 16, int steps = 30, int seed = Settings.DefaultSeed, int maxDegreeOfParallelism = Settings.DefaultMaxDegreeOfParallelism, int deflation = 16)
    {
        RequireSettings(alpha, probes, steps, maxDegreeOfParallelism, deflation);
        MatrixValidation.SymmetricWithPositiveTrace(matrix, size, nameof(matrix));
        GramInput.RequireSquare(size, 1, nameof(matrix), "The copy of matrix");

        // Sₐ(M / tr M) does not depend on the scale of M: a copy scaled by a power of two (exactly) cannot overflow in the products.
        double[] scaled = new double[matrix.Length];
        GramInput.ScaleToUnit(matrix, scaled);
        return Estimate(new DenseOperator(scaled, size, maxDegreeOfParallelism), alpha, probes, steps, deflation, seed, nameof(matrix));
    }

    /// <summary>
    /// Sₐ of the normalised Gram matrix of <paramref name="samples"/> under <paramref name="kernel"/> by stochastic Lanczos
    /// quadrature, without the n × n double matrix (the large-n counterpart of <see cref="MatrixRenyiEntropy"/>).
    /// </summary>
    /// <param name="samples">n samples (rows).</param>
    /// <param name="kernel">A positive semi-definite kernel; a bandwidth rule is applied to the samples.</param>
    /// <param name="alpha">The order, finite and &gt; 0.</param>
    /// <param name="probes">m ≥ 2 random probes (default 16).</param>
    /// <param name="steps">s ≥ 1 Lanczos steps per start vector (default 30).</param>
    /// <param name="seed">Seed of the probes and of the subspace iteration.</param>
    /// <param name="maxDegreeOfParallelism">Threads for the matrix products: −1 (default, no limit) or at least 1. Does not change the result.</param>
    /// <param name="deflation">b ≥ 0 dominant eigendirections handled exactly (default 16; 0: plain Hutchinson).</param>
    /// <param name="storage">Whether the Gram tiles are kept between products or rebuilt in each (the result is the same).</param>
    /// <returns>The estimate and its probe standard error.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="samples"/> or <paramref name="kernel"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of range.</exception>
    /// <exception cref="ArgumentException">The bandwidth rule cannot be applied, the Gram matrix has zero trace, or the kept tiles (<see cref="GramStorage.Keep"/>) cannot be allocated (named <paramref name="storage"/>).</exception>
    /// <remarks>
    /// For a Gaussian or Laplacian kernel the samples are centred at their per-column median and scaled by a power of
    /// two first (with the bandwidth), so translating them leaves the estimate unchanged (bit for bit when the
    /// translation is exact in floating point).
    /// </remarks>
    public static SpectralEstimate Renyi(SampleMatrix samples, KernelFunction kernel, double alpha, int probes = 16, int steps = 30, int seed = Settings.DefaultSeed, int maxDegreeOfParallelism = Settings.DefaultMaxDegreeOfParallelism, int deflation = 16, GramStorage storage = GramStorage.Automatic)
    {
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentNullException.ThrowIfNull(kernel);
        RequireSettings(alpha, probes, steps, maxDegreeOfParallelism, deflation);
        if (!Enum.IsDefined(storage))
        {
            ThrowHelper.ArgumentOutOfRange(nameof(storage), storage, "Unknown GramStorage value.");
        }

        bool keep = storage == GramStorage.Keep || (storage == GramStorage.Automatic && GramOperator.KeptBytes(samples.Rows) <= AutomaticKeepBytes);
        if (keep)
        {
            MemoryBudget.Require(GramOperator.KeptBytes(samples.Rows) / sizeof(float), sizeof(float), nameof(storage),
                "GramStorage.Keep (the single-precision upper-triangle tiles of the Gram matrix)", "Use GramStorage.Recompute or Automatic.");
        }

        GramInput.Prepared prepared = GramInput.Prepare(samples, kernel, nameof(samples));
        var op = new GramOperator(prepared.Samples, prepared.Kernel, maxDegreeOfParallelism, keep);
        if (!(op.Trace > 0))
        {
            ThrowHelper.ArgumentException(nameof(samples), "The Gram matrix of samples has trace 0; it cannot be normalised.");
        }

        return Estimate(op, alpha, probes, steps, deflation, seed, null);
    }

    /// <summary>The largest kept Gram tiles <see cref="GramStorage.Automatic"/> allows: 1 GiB (about n = 23 000).</summary>
    internal const long AutomaticKeepBytes = 1L << 30;

    private static void RequireSettings(double alpha, int probes, int steps, int maxDegreeOfParallelism, int deflation)
    {
        if (!(alpha > 0) || !double.IsFinite(alpha))
        {
            ThrowHelper.ArgumentOutOfRange(nameof(alpha), alpha, string.Format(CultureInfo.InvariantCulture,
                "The stochastic estimate needs a finite order alpha > 0 (f(λ) = λ^α must be smooth on [0, 1]), got {0}; use MatrixEntropy for 0 and +∞.", alpha));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(probes, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(steps, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(deflation);
        Settings.MaxDegreeOfParallelism(maxDegreeOfParallelism, nameof(maxDegreeOfParallelism));
    }

    private static double F(double lambda, double alpha)
    {
        lambda = Math.Max(lambda, 0);
        return alpha == 1 ? (lambda > 0 ? -lambda * Math.Log(lambda) : 0) : Math.Pow(lambda, alpha);
    }

    /// <remarks>
    /// <paramref name="definiteParam"/>: for an explicit matrix, the parameter named when a Ritz value certifies a negative
    /// eigenvalue (every Ritz value is a Rayleigh quotient, so λ_min ≤ θ_min): θ_min &lt; −1e-9·max|θ| throws, the criterion
    /// <see cref="MatrixEntropy"/> applies to the exact eigenvalues. Null for Gram operators, positive semi-definite by construction.
    /// </remarks>
    private static SpectralEstimate Estimate(ISymmetricOperator op, double alpha, int probes, int steps, int deflation, int seed, string? definiteParam)
    {
        int n = op.Size, m = probes, s = Math.Min(steps, n);
        double inverseTrace = 1 / op.Trace;
        var random = new Random(seed);

        // Probes first (so the probe stream does not depend on the deflation size): Rademacher ±1, E[z zᵀ] = I.
        double[][] probeVectors = new double[m][];
        for (int c = 0; c < m; c++)
        {
            probeVectors[c] = new double[n];
            for (int i = 0; i < n; i++)
            {
                probeVectors[c][i] = random.Next(2) == 0 ? -1 : 1;
            }
        }

        // Deflation (Hutch++-style; Meyer, Musco, Musco & Woodruff 2021): an orthonormal basis V of the dominant
        // eigenspace by randomised subspace iteration, tr f(A) = Σᵢ vᵢᵀ f(A) vᵢ + tr(P f(A) P) with P = I − V Vᵀ exactly,
        // the first sum by Lanczos quadrature from each vᵢ (no probe error) and the second by Hutchinson on P z.
        double[][] ritz = deflation > 0 ? DominantSubspace(op, inverseTrace, Math.Min(deflation, n), random) : [];
        int r = ritz.Length;
        double[][] start = [.. ritz, .. probeVectors];
        double[] squaredNorm = new double[m];
        for (int c = 0; c < m; c++)
        {
            double[] z = probeVectors[c];
            for (int pass = 0; pass < 2; pass++)
            {
                foreach (double[] v in ritz)
                {
                    TensorPrimitives.MultiplyAdd(v, -TensorPrimitives.Dot(v, z), z, z);
                }
            }

            double norm = TensorPrimitives.Norm<double>(z);
            squaredNorm[c] = norm * norm;
            if (norm > 0)
            {
                TensorPrimitives.Multiply(z, 1 / norm, z);
            }
        }

        double[] quadrature = Lanczos(op, inverseTrace, start, s, alpha, out double lowest, out double largest);
        if (definiteParam is not null && lowest < -1e-9 * largest)
        {
            ThrowHelper.ArgumentException(definiteParam, string.Format(CultureInfo.InvariantCulture,
                "{0} is not positive semi-definite: the Lanczos process found the Ritz value {1} of {0} / tr {0} (largest magnitude {2}), and every eigenvalue lies at or below the smallest Ritz value.",
                definiteParam, lowest, largest));
        }

        double deflated = 0;
        for (int c = 0; c < r; c++)
        {
            deflated += quadrature[c];
        }

        double[] perProbe = new double[m];
        for (int c = 0; c < m; c++)
        {
            perProbe[c] = deflated + (squaredNorm[c] * quadrature[r + c]);
        }

        double mean = perProbe.Average();
        double variance = perProbe.Sum(v => (v - mean) * (v - mean)) / (m - 1);
        double standardError = Math.Sqrt(variance / m);
        double entropy = alpha == 1 ? mean : Math.Log(mean) / (1 - alpha);
        double entropyError = alpha == 1 ? standardError : standardError / (Math.Abs(1 - alpha) * mean);
        return new SpectralEstimate(Information.FromNats(entropy), Information.FromNats(entropyError), m, s) { Deflation = r };
    }

    /// <summary>Y = A X / tr for vectors stored one per array, through the operator's interleaved layout.</summary>
    private static void MultiplyBlock(ISymmetricOperator op, double inverseTrace, double[][] input, double[][] output, int[] active)
    {
        int n = op.Size, width = active.Length;
        double[] x = new double[n * width], y = new double[n * width];
        for (int a = 0; a < width; a++)
        {
            double[] v = input[active[a]];
            for (int i = 0; i < n; i++)
            {
                x[(i * width) + a] = v[i];
            }
        }

        op.Multiply(x, y, width);
        for (int a = 0; a < width; a++)
        {
            double[] v = output[active[a]];
            for (int i = 0; i < n; i++)
            {
                v[i] = y[(i * width) + a] * inverseTrace;
            }
        }
    }

    /// <summary>
    /// Ritz vectors of the b dominant eigenvalues of A: two rounds of subspace iteration from a Gaussian start
    /// (Halko, Martinsson &amp; Tropp 2011, Algorithm 4.4), then Rayleigh-Ritz. Directions that vanish (rank &lt; b) are dropped.
    /// </summary>
    private static double[][] DominantSubspace(ISymmetricOperator op, double inverseTrace, int b, Random random)
    {
        const int PowerIterations = 2;
        int n = op.Size;
        double[][] q = new double[b][];
        for (int c = 0; c < b; c++)
        {
            q[c] = new double[n];
            for (int i = 0; i < n; i++)
            {
                q[c][i] = StandardNormal(random);
            }
        }

        q = Orthonormalize(q);
        for (int iteration = 0; iteration < PowerIterations; iteration++)
        {
            q = Orthonormalize(Product(op, inverseTrace, q));
        }

        // Rayleigh-Ritz: T = Qᵀ A Q (symmetrised), V = Q U.
        double[][] y = Product(op, inverseTrace, q);
        int k = q.Length;
        var t = Matrix<double>.Build.Dense(k, k);
        for (int i = 0; i < k; i++)
        {
            for (int j = 0; j <= i; j++)
            {
                double value = 0.5 * (TensorPrimitives.Dot(q[i], y[j]) + TensorPrimitives.Dot(q[j], y[i]));
                t[i, j] = t[j, i] = value;
            }
        }

        Matrix<double> u = t.Evd(Symmetricity.Symmetric).EigenVectors;
        double[][] v = new double[k][];
        for (int c = 0; c < k; c++)
        {
            v[c] = new double[n];
            for (int j = 0; j < k; j++)
            {
                TensorPrimitives.MultiplyAdd(q[j], u[j, c], v[c], v[c]);
            }
        }

        return Orthonormalize(v);
    }

    /// <summary>A q / tr for every vector of <paramref name="q"/>, as new arrays.</summary>
    private static double[][] Product(ISymmetricOperator op, double inverseTrace, double[][] q)
    {
        double[][] y = new double[q.Length][];
        for (int c = 0; c < q.Length; c++)
        {
            y[c] = new double[op.Size];
        }

        MultiplyBlock(op, inverseTrace, q, y, Enumerable.Range(0, q.Length).ToArray());
        return y;
    }

    /// <summary>Modified Gram-Schmidt, twice; a vector whose norm falls below 1e-10 of its original is dropped.</summary>
    private static double[][] Orthonormalize(double[][] vectors)
    {
        var kept = new List<double[]>(vectors.Length);
        foreach (double[] v in vectors)
        {
            double original = TensorPrimitives.Norm<double>(v);
            for (int pass = 0; pass < 2; pass++)
            {
                foreach (double[] u in kept)
                {
                    TensorPrimitives.MultiplyAdd(u, -TensorPrimitives.Dot(u, v), v, v);
                }
            }

            double norm = TensorPrimitives.Norm<double>(v);
            if (norm > 1e-10 * original && norm > 0)
            {
                TensorPrimitives.Multiply(v, 1 / norm, v);
                kept.Add(v);
            }
        }

        return [.. kept];
    }

    private static double StandardNormal(Random random)
    {
        double u1 = 1 - random.NextDouble(), u2 = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }

    /// <summary>
    /// Lanczos quadrature from each unit start vector: Σₖ τₖ² f(θₖ) ≈ qᵀ f(A) q (0 for a zero start vector). All vectors
    /// share each product with A; a vector leaves the block once its Krylov space is invariant.
    /// </summary>
    private static double[] Lanczos(ISymmetricOperator op, double inverseTrace, double[][] start, int s, double alpha, out double lowest, out double largest)
    {
        int n = op.Size, count = start.Length;
        double[][][] basis = new double[count][][];
        double[,] diagonal = new double[count, s], offDiagonal = new double[count, s];
        int[] length = new int[count];
        bool[] done = new bool[count];
        double[][] w = new double[count][];
        for (int c = 0; c < count; c++)
        {
            basis[c] = new double[s][];
            basis[c][0] = start[c];
            w[c] = new double[n];
            done[c] = TensorPrimitives.Norm<double>(start[c]) == 0;
        }

        for (int k = 0; k < s; k++)
        {
            int[] active = Enumerable.Range(0, count).Where(c => !done[c]).ToArray();
            if (active.Length == 0)
            {
                break;
            }

            double[][] current = new double[count][];
            foreach (int c in active)
            {
                current[c] = basis[c][k];
            }

            MultiplyBlock(op, inverseTrace, current, w, active);
            foreach (int c in active)
            {
                double[] wc = w[c];
                double a = TensorPrimitives.Dot(basis[c][k], wc);
                diagonal[c, k] = a;
                length[c] = k + 1;

                // Full reorthogonalisation (twice is enough; Giraud et al. 2005) subsumes the three-term recurrence.
                for (int pass = 0; pass < 2; pass++)
                {
                    for (int j = 0; j <= k; j++)
                    {
                        double[] qj = basis[c][j];
                        TensorPrimitives.MultiplyAdd(qj, -TensorPrimitives.Dot(qj, wc), wc, wc);
                    }
                }

                double b = TensorPrimitives.Norm<double>(wc);
                if (k + 1 >= s || b <= 1e-12 * Math.Max(Math.Abs(a), 1e-300))
                {
                    done[c] = true;
                    continue;
                }

                offDiagonal[c, k] = b;
                double[] next = new double[n];
                TensorPrimitives.Multiply(wc, 1 / b, next);
                basis[c][k + 1] = next;
            }
        }

        double[] result = new double[count];
        lowest = 0;
        largest = 0;
        for (int c = 0; c < count; c++)
        {
            int len = length[c];
            if (len == 0)
            {
                continue;
            }

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
                double theta = evd.EigenValues[k].Real;
                lowest = Math.Min(lowest, theta);
                largest = Math.Max(largest, Math.Abs(theta));
                sum += tau * tau * F(theta, alpha);
            }

            result[c] = sum;
        }

        return result;
    }
}
