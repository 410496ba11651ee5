namespace InfoTheory;

/// <summary>Estimates a divergence D(P‖Q) between two distributions from a sample of each.</summary>
/// <typeparam name="TSample">The sample type: <see cref="double"/> for one-dimensional continuous data.</typeparam>
/// <remarks>
/// The two samples are independent and need not have the same size. Implementations are immutable and thread-safe;
/// settings come through their constructors or init properties.
/// </remarks>
public interface IDivergenceEstimator<TSample>
{
    /// <summary>Estimates D(P‖Q) from i.i.d. samples of P and of Q.</summary>
    /// <param name="p">The samples of P.</param>
    /// <param name="q">The samples of Q.</param>
    /// <returns>The estimate; consistent estimators can return slightly negative values, which are not clipped.</returns>
    Information Estimate(ReadOnlySpan<TSample> p, ReadOnlySpan<TSample> q);
}
