using InfoTheory.Measures;

namespace InfoTheory.Bottleneck;

/// <summary>
/// Solves the information bottleneck of a discrete joint p(x, y): compress X into a variable T with at most
/// <c>clusters</c> values while keeping information about Y, trading the two with β (Tishby, Pereira &amp; Bialek 1999).
/// </summary>
public interface IInformationBottleneckSolver
{
    /// <summary>The best solution the solver finds for |T| = <paramref name="clusters"/> and trade-off <paramref name="beta"/>.</summary>
    /// <param name="joint">The joint distribution p(x, y) of two variables (axis 0 is X, axis 1 is Y).</param>
    /// <param name="clusters">|T| ≥ 1, the number of values of the compressed variable.</param>
    /// <param name="beta">The trade-off β ≥ 0, finite: larger β keeps more information about Y.</param>
    /// <returns>The encoder, decoder, informations, objective and convergence data.</returns>
    InformationBottleneckResult Solve(JointDistribution joint, int clusters, double beta);
}
