namespace InfoTheory.Continuous;

/// <summary>How <see cref="MixedKsgMutualInformation"/> turns its neighbour counts into information.</summary>
public enum MixedKsgCounts
{
    /// <summary>
    /// The paper's Algorithm 1 (Gao, Kannan, Oh &amp; Viswanath 2017): ψ(k̃ᵢ) + ln n − ln(nₓ(i) + 1) − ln(n_y(i) + 1), the
    /// counts taken inclusively (other samples within ρᵢ, boundary included). Biased low at fixed k where counts are small.
    /// </summary>
    Paper,

    /// <summary>
    /// The form of the authors' released code: ψ(k̃ᵢ) + ln n − ψ(nₓ(i)) − ψ(n_y(i)), where the counts include sample i
    /// itself and, when ρᵢ &gt; 0, take only the samples strictly within ρᵢ; when ρᵢ = 0 (sample i has k or more exact
    /// duplicates), k̃ᵢ, nₓ(i) and n_y(i) count the samples at distance 0, i included. On continuous data this is KSG
    /// algorithm 1 with ln n for ψ(n).
    /// </summary>
    Digamma,
}
