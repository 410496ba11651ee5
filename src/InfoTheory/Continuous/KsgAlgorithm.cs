namespace InfoTheory.Continuous;

/// <summary>
/// The two estimators of Kraskov, Stögbauer &amp; Grassberger (2004), "Estimating mutual information", Phys. Rev. E 69,
/// 066138, for <see cref="KsgMutualInformation"/> and <see cref="KsgTotalCorrelation"/>.
/// </summary>
public enum KsgAlgorithm
{
    /// <summary>
    /// Algorithm 1 (eq. 8): ε(i) is the maximum-norm distance from point i to its k-th neighbour in the joint space,
    /// nₓ(i) counts the other points strictly closer than ε(i) in the X space (likewise n_y), and
    /// Î = ψ(k) + ψ(n) − ⟨ψ(nₓ + 1) + ψ(n_y + 1)⟩. Lower statistical error; the usual choice.
    /// </summary>
    One,

    /// <summary>
    /// Algorithm 2 (eq. 9): εₓ(i) and ε_y(i) are the largest X and Y distances from point i to any of its k joint
    /// neighbours, nₓ(i) counts the other points within εₓ(i) inclusive (likewise n_y), and
    /// Î = ψ(k) − 1/k + ψ(n) − ⟨ψ(nₓ) + ψ(n_y)⟩. Smaller bias in high dimensions.
    /// </summary>
    Two,
}
