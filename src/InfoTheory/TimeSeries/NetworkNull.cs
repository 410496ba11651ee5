namespace InfoTheory.TimeSeries;

/// <summary>How the tests of <see cref="NetworkInference"/> obtain their null distributions.</summary>
public enum NetworkNull
{
    /// <summary>
    /// Surrogates: the candidate's (or the selected sources') rows are permuted within each trial,
    /// <see cref="NetworkInferenceSettings.Surrogates"/> times per test. Valid for every estimator; the smallest
    /// attainable p-value is 1 / (1 + surrogates).
    /// </summary>
    Surrogates,

    /// <summary>
    /// The asymptotic χ² null of the Gaussian estimator (Barnett &amp; Bossomaier 2012): under H₀,
    /// 2N·Î(Y_t ; X | Z) in nats is χ² with dim X · dim Y degrees of freedom, N the number of embedded rows. Only for
    /// <see cref="Continuous.GaussianConditionalMutualInformation"/> without bias correction; no surrogate is drawn,
    /// so it is much faster.
    /// </summary>
    Analytic,
}
