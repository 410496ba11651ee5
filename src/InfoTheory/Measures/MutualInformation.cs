using System.Buffers;
using InfoTheory.Primitives;

namespace InfoTheory.Measures;

/// <summary>
/// Mutual information and its relatives on a known joint distribution: I(X;Y) of a 2-D table,
/// I(X;Y|Z) of a 3-D table, pointwise and normalised pointwise MI tables, the variation of
/// information and the Rajski distance. Axis 0 is X, axis 1 is Y, axis 2 is Z.
/// </summary>
public static partial class MutualInformation
{
    /// <summary>
    /// Mutual information I(X;Y) = Σ p(x,y) ln(p(x,y) / (p(x)p(y))) = H(X) + H(Y) − H(X,Y) = KL(p(x,y) ‖ p(x)p(y)).
    /// </summary>
    /// <param name="joint">A joint distribution of two variables.</param>
    /// <returns>I(X;Y), between 0 and min(H(X), H(Y)); 0 for independent variables.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="joint"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="joint"/> does not have two variables.</exception>
    /// <remarks>
    /// Computed directly as the KL divergence of each row against the product of marginals
    /// (vectorised), not as a difference of entropies, so independence gives 0 without cancellation.
    /// O(|X|·|Y|); one pooled scratch row. Shannon (1948); Cover &amp; Thomas (2006), §2.4.
    /// </remarks>
    public static Information Of(JointDistribution joint)
    {
        JointDistribution.RequireRank(joint, 2, nameof(joint));
        int nx = joint.Shape[0], ny = joint.Shape[1];
        double[] px = joint.Marginal(0);
        double[] py = joint.Marginal(1);
        double[] product = ArrayPool<double>.Shared.Rent(ny);
        try
        {
            double sum = 0;
            for (int x = 0; x < nx; x++)
            {
                if (px[x] == 0)
                {
                    continue;
                }

                Span<double> q = product.AsSpan(0, ny);
                System.Numerics.Tensors.TensorPrimitives.Multiply(py, px[x], q);
                sum += InformationPrimitives.KullbackLeibler(joint.Probabilities.Slice(x * ny, ny), q).Nats;
            }

            return Information.FromNats(sum);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(product);
        }
    }

    /// <summary>
    /// Conditional mutual information I(X;Y|Z) = Σ p(x,y,z) ln(p(z)p(x,y,z) / (p(x,z)p(y,z))) = H(X,Z) + H(Y,Z) − H(X,Y,Z) − H(Z).
    /// </summary>
    /// <param name="joint">A joint distribution of three variables indexed [x, y, z].</param>
    /// <returns>I(X;Y|Z) ≥ 0; 0 when X and Y are conditionally independent given Z. It can exceed I(X;Y) (e.g. XOR).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="joint"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="joint"/> does not have three variables.</exception>
    /// <remarks>Computed directly term by term (no entropy differences). O(|X|·|Y|·|Z|). Cover &amp; Thomas (2006), §2.5.</remarks>
    public static Information Conditional(JointDistribution joint)
    {
        JointDistribution.RequireRank(joint, 3, nameof(joint));
        int nx = joint.Shape[0], ny = joint.Shape[1], nz = joint.Shape[2];
        double[] pxz = joint.SumOut(1);      // [x, z]
        double[] pyz = joint.SumOut(0);      // [y, z]
        double[] pz = joint.Marginal(2);
        double[] reference = ArrayPool<double>.Shared.Rent(nz);
        try
        {
            double sum = 0;
            for (int x = 0; x < nx; x++)
            {
                for (int y = 0; y < ny; y++)
                {
                    // q(z) = p(x,z) p(y,z) / p(z): the distribution under conditional independence.
                    Span<double> q = reference.AsSpan(0, nz);
                    for (int z = 0; z < nz; z++)
                    {
                        q[z] = pz[z] == 0 ? 0 : pxz[(x * nz) + z] * pyz[(y * nz) + z] / pz[z];
                    }

                    sum += InformationPrimitives.KullbackLeibler(joint.Probabilities.Slice(((x * ny) + y) * nz, nz), q).Nats;
                }
            }

            return Information.FromNats(sum);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(reference);
        }
    }
}
