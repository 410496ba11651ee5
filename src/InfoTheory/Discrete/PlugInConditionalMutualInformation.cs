
using InfoTheory.Discrete.Internal;
using InfoTheory.Internal;

namespace InfoTheory.Discrete;

/// <summary>
/// The plug-in conditional mutual information of discrete variables,
/// Î(X;Y|Z) = Σ p̂(x,y,z) ln(p̂(z) p̂(x,y,z) / (p̂(x,z) p̂(y,z))) with the empirical frequencies p̂,
/// together with its local (pointwise) values per sample.
/// </summary>
/// <remarks>
/// <para>
/// The estimate is that of <see cref="DiscreteConditionalMutualInformation"/> with <see cref="PlugInEntropy"/>:
/// ≥ 0 up to rounding; alphabet sizes are the observed ones. Immutable and thread-safe.
/// Cover &amp; Thomas (2006), §2.5.
/// </para>
/// <para>
/// Local values: i(xᵢ; yᵢ | zᵢ) = ln(n(zᵢ) n(xᵢ,yᵢ,zᵢ) / (n(xᵢ,zᵢ) n(yᵢ,zᵢ))) from the counts n (the
/// factors of N cancel). Their mean is the estimate.
/// </para>
/// </remarks>
public sealed class PlugInConditionalMutualInformation : ILocalConditionalMutualInformation<int, int, int>
{
    private readonly DiscreteConditionalMutualInformation _estimator = new(new PlugInEntropy());

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The lengths differ, the samples are empty, or a symbol is negative.</exception>
    /// <remarks>O(N log N).</remarks>
    public Information Estimate(ReadOnlySpan<int> x, ReadOnlySpan<int> y, ReadOnlySpan<int> z) => _estimator.Estimate(x, y, z);

    /// <summary>
    /// Writes the local plug-in conditional mutual information of each sample,
    /// <c>destination[i]</c> = log(n(z[i]) n(x[i], y[i], z[i]) / (n(x[i], z[i]) n(y[i], z[i]))), in the unit of
    /// <paramref name="logBase"/>; n counts samples among the N. Their mean is the plug-in estimate (up to rounding).
    /// </summary>
    /// <param name="x">Non-negative symbols of X.</param>
    /// <param name="y">Non-negative symbols of Y, as many as of X.</param>
    /// <param name="z">Non-negative symbols of the conditioning variable Z, as many as of X.</param>
    /// <param name="destination">Receives one value per sample; must hold at least <c>x.Length</c> elements. Elements past that are left as they are.</param>
    /// <param name="logBase">The unit of the values (default nats).</param>
    /// <exception cref="ArgumentException">The lengths differ, <paramref name="destination"/> is too short, or the samples are empty or contain a negative symbol.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="logBase"/> is not a defined <see cref="LogBase"/>.</exception>
    /// <remarks>
    /// Values are finite; negative ones mark samples where knowing y makes x less likely given z.
    /// With a constant Z they equal the local mutual information of <see cref="PlugInMutualInformation"/>.
    /// O(N log N) time, O(N) scratch. Nothing is written unless all arguments are valid.
    /// </remarks>
    public void LocalValues(ReadOnlySpan<int> x, ReadOnlySpan<int> y, ReadOnlySpan<int> z, Span<double> destination, LogBase logBase = LogBase.E)
    {
        double unit = LocalCounts.NatsPer(logBase);
        Check.SameLength(x.Length, y.Length);
        Check.SameLength(x.Length, z.Length);
        LocalCounts.CheckDestination(destination, x.Length);
        Histogram.CheckSymbols(x, null, nameof(x));
        Histogram.CheckSymbols(y, null, nameof(y));
        Histogram.CheckSymbols(z, null, nameof(z));
        int[] xs = x.ToArray(), ys = y.ToArray(), zs = z.ToArray();
        int[] nz = LocalCounts.Of(zs), nxz = LocalCounts.Of(xs, zs), nyz = LocalCounts.Of(ys, zs), nxyz = LocalCounts.Of(xs, ys, zs);
        for (int i = 0; i < nxyz.Length; i++)
        {
            destination[i] = Math.Log((double)nz[i] * nxyz[i] / ((double)nxz[i] * nyz[i])) / unit;
        }
    }
}
