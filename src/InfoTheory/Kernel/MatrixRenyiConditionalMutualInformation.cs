using InfoTheory.Continuous;
using InfoTheory.Internal;
using InfoTheory.Kernel.Internal;

namespace InfoTheory.Kernel;

/// <summary>
/// Matrix-based Rényi α-order conditional mutual information:
/// Iₐ(X;Y|Z) = Sₐ(X, Z) + Sₐ(Y, Z) − Sₐ(Z) − Sₐ(X, Y, Z), each joint entropy from the normalised Hadamard product of the
/// Gram matrices (Yu, Sánchez Giraldo, Jenssen &amp; Príncipe 2019, IEEE TPAMI 42(11), §4).
/// </summary>
/// <remarks>
/// Can be slightly negative (the matrix functional does not satisfy every Shannon inequality); returned as is.
/// α = 2: one streamed pass, O(n² (dx + dy + dz)); other α: three Gram matrices and four eigen-decompositions, O(n³).
/// Settings as in <see cref="MatrixRenyiMutualInformation"/>. Immutable and thread-safe.
/// </remarks>
public sealed class MatrixRenyiConditionalMutualInformation : KernelEstimator, IMultivariateConditionalMutualInformationEstimator
{
    /// <summary>An estimator of order <paramref name="alpha"/>.</summary>
    /// <param name="alpha">The order, 0 ≤ α ≤ +∞.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="alpha"/> is negative or NaN.</exception>
    public MatrixRenyiConditionalMutualInformation(double alpha)
        : base(KernelFunction.Gaussian(BandwidthRule.Silverman))
    {
        Check.Order(alpha);
        Alpha = alpha;
    }

    /// <summary>The order α.</summary>
    public double Alpha { get; }

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException">A variable is null.</exception>
    /// <exception cref="ArgumentException">The row counts differ (the message names the variable), or a bandwidth rule cannot be applied.</exception>
    public Information Estimate(SampleMatrix x, SampleMatrix y, SampleMatrix z)
    {
        MatrixValidation.SameRows([x, y, z], [nameof(x), nameof(y), nameof(z)]);

        // Masks: x = 1, y = 2, z = 4.
        double[] s = MatrixRenyi.Entropies([x, y, z], [nameof(x), nameof(y), nameof(z)], Kernel, [5, 6, 4, 7], Alpha, MaxDegreeOfParallelism);
        return Information.FromNats(s[0] + s[1] - s[2] - s[3]);
    }
}
