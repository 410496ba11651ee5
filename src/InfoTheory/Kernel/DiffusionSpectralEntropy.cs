using System.Globalization;
using InfoTheory.Continuous;
using InfoTheory.Internal;
using InfoTheory.Kernel.Internal;
using InfoTheory.Primitives.Simd;

namespace InfoTheory.Kernel;

/// <summary>
/// Diffusion spectral entropy (DSE) and diffusion spectral mutual information (DSMI) of a representation (Liao, Liu,
/// Sun, Wolf, Krishnaswamy et al. 2023, "Assessing Neural Network Representations During Training Using Noise-Resilient
/// Diffusion Spectral Entropy"): the Shannon entropy of the normalised t-th powers of the eigenvalues of the diffusion
/// operator P = D⁻¹K, with K the Gram matrix under <see cref="KernelEstimator.Kernel"/> and D its row sums.
/// </summary>
/// <remarks>
/// <para>
/// S_D(Z, t) = −Σᵢ aᵢ ln aᵢ with aᵢ = |λᵢ|ᵗ / Σⱼ |λⱼ|ᵗ over the eigenvalues λᵢ of P, in nats, in [0, ln n]. P is similar
/// to the symmetric D^(−1/2) K D^(−1/2), whose eigenvalues are computed (for a positive semi-definite kernel they lie in
/// [0, 1], the largest 1). Larger t damps the small, noise-dominated eigenvalues, so S_D is non-increasing in t;
/// n far-apart points give ln n, n copies of one point give 0, k tight far-apart clusters give about ln k.
/// </para>
/// <para>
/// DSMI with a discrete label Y: I_D(Z; Y) = S_D(Z) − Σ_y p(y) S_D(Z | Y = y), each conditional term computed on the rows
/// of that class (with the bandwidth rule, if any, applied to those rows). It can be negative; returned as is.
/// O(n² d + n³) time, n² doubles (checked before any work). The samples are centred at their per-column median and
/// scaled by a power of two before K is formed, so S_D does not change when they are translated. Immutable and thread-safe.
/// </para>
/// </remarks>
public sealed class DiffusionSpectralEntropy() : KernelEstimator(KernelFunction.Gaussian(BandwidthRule.Silverman)), IMultivariateEntropyEstimator
{
    private readonly int _diffusionTime = 1;

    /// <summary>The diffusion time t ≥ 1 (default 1): the power of P whose spectrum is used.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Set to less than 1.</exception>
    public int DiffusionTime
    {
        get => _diffusionTime;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1, nameof(DiffusionTime));
            _diffusionTime = value;
        }
    }

    /// <summary>The diffusion spectral entropy S_D(Z, t) of the samples.</summary>
    /// <param name="samples">The representation Z, one sample per row.</param>
    /// <returns>S_D in [0, ln n] nats.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="samples"/> is null.</exception>
    /// <exception cref="ArgumentException">The bandwidth rule cannot be applied, or a row sum of K is not positive.</exception>
    public Information Estimate(SampleMatrix samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        return Information.FromNats(Entropy(samples, nameof(samples)));
    }

    /// <summary>The diffusion spectral mutual information I_D(Z; Y) = S_D(Z) − Σ_y p(y) S_D(Z | Y = y).</summary>
    /// <param name="samples">The representation Z, one sample per row.</param>
    /// <param name="labels">The class of each row (any integers), as many as the rows.</param>
    /// <returns>I_D in nats (not clipped at 0).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="samples"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="labels"/> does not have one label per row, a bandwidth rule cannot be applied (e.g. a class with one row), or a row sum is not positive.</exception>
    public Information MutualInformation(SampleMatrix samples, ReadOnlySpan<int> labels)
    {
        ArgumentNullException.ThrowIfNull(samples);
        Check.SameLength(samples.Rows, labels.Length);
        int n = samples.Rows, d = samples.Columns;
        int[] keys = labels.ToArray(), order = new int[n];
        for (int i = 0; i < n; i++)
        {
            order[i] = i;
        }

        Array.Sort(keys, order);
        double conditional = 0;
        ReadOnlySpan<double> data = samples.Data.Span;
        for (int start = 0; start < n;)
        {
            int end = start;
            while (end < n && keys[end] == keys[start])
            {
                end++;
            }

            double[] rows = new double[(end - start) * d];
            for (int r = start; r < end; r++)
            {
                data.Slice(order[r] * d, d).CopyTo(rows.AsSpan((r - start) * d, d));
            }

            conditional += (double)(end - start) / n * Entropy(SampleMatrix.FromRowMajor(rows, d, nameof(samples)), nameof(samples));
            start = end;
        }

        return Information.FromNats(Entropy(samples, nameof(samples)) - conditional);
    }

    private double Entropy(SampleMatrix samples, string paramName)
    {
        int n = samples.Rows;
        GramInput.RequireSquare(n, 1, paramName, "The diffusion operator", "Subsample the rows.");
        GramInput.Prepared prepared = GramInput.Prepare(samples, Kernel, paramName);
        double[] k = new double[n * n];
        GramBuilder.Fill(prepared.Samples, prepared.Kernel, k, MaxDegreeOfParallelism);
        double[] scale = new double[n];
        for (int i = 0; i < n; i++)
        {
            double degree = System.Numerics.Tensors.TensorPrimitives.Sum(k.AsSpan(i * n, n));
            if (!(degree > 0))
            {
                ThrowHelper.ArgumentException(paramName, string.Format(CultureInfo.InvariantCulture,
                    "Row {0} of the kernel matrix sums to {1}; the diffusion operator needs positive row sums.", i, degree));
            }

            scale[i] = 1 / Math.Sqrt(degree);
        }

        // D^(−1/2) K D^(−1/2): symmetric, with the eigenvalues of P = D⁻¹K.
        for (int i = 0; i < n; i++)
        {
            Span<double> row = k.AsSpan(i * n, n);
            System.Numerics.Tensors.TensorPrimitives.Multiply(row, scale, row);
            System.Numerics.Tensors.TensorPrimitives.Multiply(row, scale[i], row);
        }

        double[] lambda = MatrixValidation.Eigenvalues(k, n, paramName);
        double total = 0;
        for (int i = 0; i < n; i++)
        {
            lambda[i] = Math.Pow(Math.Abs(lambda[i]), DiffusionTime);
            total += lambda[i];
        }

        for (int i = 0; i < n; i++)
        {
            lambda[i] /= total;
        }

        return Kernels.Entropy<double>(lambda);
    }
}
