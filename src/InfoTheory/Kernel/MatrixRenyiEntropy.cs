using InfoTheory.Continuous;
using InfoTheory.Internal;
using InfoTheory.Kernel.Internal;

namespace InfoTheory.Kernel;

/// <summary>
/// The matrix-based Rényi α-entropy of samples (Sánchez Giraldo, Rao &amp; Príncipe 2015): Sₐ(A) = ln(tr Aᵅ) / (1 − α)
/// with A = K / tr K and K the Gram matrix of the samples under <see cref="KernelFunction"/>; and the joint entropy of several
/// variables through the normalised Hadamard product of their Gram matrices (Yu et al. 2019).
/// </summary>
/// <remarks>
/// <para>
/// Not an estimate of differential entropy: a functional of the samples' Gram spectrum with the axioms of an entropy,
/// in [0, ln n] nats (0 when every sample is the same point, ln n when the points are far apart compared with the
/// bandwidth). It depends on the kernel and bandwidth, so compare values computed with the same settings.
/// α = 2 is computed from the Frobenius norm, tile by tile without storing K (O(n² d) time, O(1) extra memory);
/// other α need K and its eigenvalues (O(n² d + n³) time, n² doubles). α = 1 (the von Neumann limit) is allowed;
/// values near 1 lose about |1 − α|⁻¹ ulps.
/// </para>
/// <para>
/// The data are not standardised; a bandwidth rule sees each variable's own scale. Each variable is centred at its
/// per-column median and scaled by a power of two before its Gram matrix is formed (with its bandwidth), so the
/// entropies do not change when a variable is translated, nor, with a bandwidth rule, when it is scaled; memory for the
/// n × n matrices of α ≠ 2 is checked before any work. Immutable and thread-safe;
/// results are bit-identical for any <see cref="KernelEstimator.MaxDegreeOfParallelism"/>.
/// </para>
/// </remarks>
public sealed class MatrixRenyiEntropy : KernelEstimator, IMultivariateEntropyEstimator
{
    /// <summary>An estimator of order <paramref name="alpha"/>.</summary>
    /// <param name="alpha">The order, 0 ≤ α ≤ +∞; α = 2 takes the fast Frobenius-norm path.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="alpha"/> is negative or NaN.</exception>
    public MatrixRenyiEntropy(double alpha)
        : base(KernelFunction.Gaussian(BandwidthRule.Silverman))
    {
        Check.Order(alpha);
        Alpha = alpha;
    }

    /// <summary>The order α.</summary>
    public double Alpha { get; }

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="samples"/> is null.</exception>
    /// <exception cref="ArgumentException">The bandwidth rule cannot be applied (fewer than two rows, or constant samples).</exception>
    public Information Estimate(SampleMatrix samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        return Information.FromNats(MatrixRenyi.Entropies([samples], [nameof(samples)], Kernel, [1], Alpha, MaxDegreeOfParallelism)[0]);
    }

    /// <summary>
    /// The joint entropy Sₐ(A₁, …, A_k) = Sₐ((A₁ ∘ ⋯ ∘ A_k) / tr(A₁ ∘ ⋯ ∘ A_k)) of several variables sampled together
    /// (row i of each is one joint sample), each with its own Gram matrix under <see cref="KernelFunction"/> (Yu, Sánchez Giraldo,
    /// Jenssen &amp; Príncipe 2019, "Multivariate extension of matrix-based Rényi's α-order entropy functional",
    /// IEEE TPAMI 42(11)).
    /// </summary>
    /// <param name="variables">One to 30 sample matrices with the same number of rows.</param>
    /// <returns>The joint entropy in nats; at least the largest marginal entropy and at most their sum (Yu et al. 2019, Props. 1–2).</returns>
    /// <exception cref="ArgumentException">No variables or more than 30, row counts differ, or a bandwidth rule cannot be applied.</exception>
    /// <exception cref="ArgumentNullException">A variable is null.</exception>
    public Information EstimateJoint(params ReadOnlySpan<SampleMatrix> variables)
    {
        if (variables.IsEmpty || variables.Length > 30)
        {
            ThrowHelper.ArgumentException(nameof(variables), "Give between 1 and 30 variables.");
        }

        string[] names = new string[variables.Length];
        Array.Fill(names, nameof(variables));
        MatrixValidation.SameRows(variables, names);
        return Information.FromNats(MatrixRenyi.Entropies(variables.ToArray(), names, Kernel, [MatrixRenyi.Full(variables.Length)], Alpha, MaxDegreeOfParallelism)[0]);
    }
}
