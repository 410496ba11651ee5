using InfoTheory.Continuous;

namespace InfoTheory.Testing;

/// <summary>
/// A joint distribution of continuous (X, Y) whose mutual information is known exactly, with a seeded sampler:
/// the unit of an estimator benchmark ("Beyond Normal", Czyż et al., NeurIPS 2023, call these tasks).
/// </summary>
/// <remarks>Implementations are immutable; the same n and seed give the same samples (bit for bit) on the same machine.</remarks>
public interface IMutualInformationTask
{
    /// <summary>The dimension of X (columns of the X sample).</summary>
    int XDimension { get; }

    /// <summary>The dimension of Y (columns of the Y sample).</summary>
    int YDimension { get; }

    /// <summary>The exact mutual information I(X;Y) of the distribution.</summary>
    Information TrueMutualInformation { get; }

    /// <summary>Draws <paramref name="n"/> i.i.d. pairs (x, y), row i of each matrix being pair i.</summary>
    /// <param name="n">The number of samples, at least 1.</param>
    /// <param name="seed">The seed of the random stream.</param>
    /// <returns>The X and Y samples, <paramref name="n"/> rows each.</returns>
    (SampleMatrix X, SampleMatrix Y) Sample(int n, int seed);
}
