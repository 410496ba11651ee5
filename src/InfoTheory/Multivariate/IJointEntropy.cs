namespace InfoTheory.Multivariate;

/// <summary>
/// The statistic every multivariate measure is built from: the joint entropy of any subset of n variables. An exact
/// distribution, discrete samples under an entropy estimator, and a covariance matrix (Gaussian entropies from
/// log-determinants) all provide it, so total correlation, dual total correlation, O- and S-information,
/// co-information and their gradients are written once (<see cref="MultivariateInformation"/>) for all of them.
/// </summary>
public interface IJointEntropy
{
    /// <summary>The number n of variables.</summary>
    int VariableCount { get; }

    /// <summary>The joint entropy of the variables at <paramref name="variables"/>, in nats (0 for the empty set).</summary>
    /// <param name="variables">Distinct indices in [0, <see cref="VariableCount"/>).</param>
    /// <returns>H(X_S) in nats: Shannon entropy for discrete sources, differential entropy for continuous ones.</returns>
    /// <exception cref="ArgumentException">An index is out of range or repeats.</exception>
    double EntropyNats(ReadOnlySpan<int> variables);
}
