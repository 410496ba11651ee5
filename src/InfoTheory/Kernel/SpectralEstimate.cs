namespace InfoTheory.Kernel;

/// <summary>A stochastic estimate of a spectral entropy with its Monte Carlo standard error (<see cref="StochasticMatrixEntropy"/>). Immutable.</summary>
public sealed record SpectralEstimate
{
    internal SpectralEstimate(Information entropy, Information standardError, int probes, int steps)
    {
        Entropy = entropy;
        StandardError = standardError;
        Probes = probes;
        Steps = steps;
    }

    /// <summary>The entropy estimate.</summary>
    public Information Entropy { get; }

    /// <summary>
    /// The standard error from the spread of the per-probe estimates (delta method through the logarithm). It measures the
    /// Hutchinson (probe) error only; the Lanczos quadrature error, which shrinks geometrically with the number of steps
    /// for the smooth part of the spectrum, is not included.
    /// </summary>
    public Information StandardError { get; }

    /// <summary>The number of random probe vectors.</summary>
    public int Probes { get; }

    /// <summary>The number of dominant eigendirections handled exactly (deflated) before the probes; 0 for plain Hutchinson.</summary>
    public int Deflation { get; init; }

    /// <summary>The number of Lanczos steps per probe (an upper bound: a probe stops early on an invariant subspace).</summary>
    public int Steps { get; }
}
