using System.Globalization;
using InfoTheory.Continuous;
using InfoTheory.Internal;

namespace InfoTheory.Multivariate;

/// <summary>
/// Gaussian joint entropies of every subset of n continuous variables from one covariance matrix:
/// H(X_S) = ½ (|S| ln 2πe + ln det Σ_S), so total correlation, dual total correlation, O- and S-information and
/// co-information (<see cref="MultivariateInformation"/>) are log-determinants of principal sub-matrices.
/// </summary>
/// <remarks>
/// <para>
/// From samples the covariance is the unbiased one; <see cref="BiasCorrected"/> subtracts from each entropy the
/// expected error of its log-determinant under Gaussian sampling, b(n, |S|) (the correction of the library's Gaussian
/// estimators, <see cref="GaussianEntropy"/>), so every measure built from these entropies is unbiased for Gaussian data.
/// </para>
/// <para>
/// The copula variant (<see cref="FromSamples"/> with <c>copula: true</c>) replaces each column by its normal scores
/// first (Ince et al. 2017). The entropies are then those of the normal scores, not of the data; the measures that are
/// invariant under strictly increasing maps of each variable (total correlation, dual total correlation, O- and
/// S-information, co-information, mutual information) are Gaussian-copula estimates of the data's. This is the
/// estimator of Gaussian-copula O-information in the literature (e.g. the <c>hoi</c> package).
/// </para>
/// </remarks>
public sealed class GaussianJointEntropy : IJointEntropy
{
    private readonly GaussianModel _model;
    private readonly string _paramName;

    private GaussianJointEntropy(GaussianModel model, string paramName, bool biasCorrected)
    {
        _model = model;
        _paramName = paramName;
        BiasCorrected = biasCorrected;
    }

    /// <inheritdoc />
    public int VariableCount => _model.Size;

    /// <summary>The number of samples the covariance came from; 0 for a given covariance.</summary>
    public int SampleCount => _model.SampleCount;

    /// <summary>Whether each entropy has its expected sampling error b(n, d) subtracted (samples only).</summary>
    public bool BiasCorrected { get; }

    /// <summary>Gaussian entropies from a given covariance matrix (exact: no sampling, no bias correction).</summary>
    /// <param name="covariance">A symmetric positive-definite matrix (finite, positive diagonal).</param>
    /// <returns>The joint-entropy source.</returns>
    /// <exception cref="ArgumentException">The matrix is not square, not finite, not symmetric or has a non-positive diagonal.</exception>
    public static GaussianJointEntropy FromCovariance(double[,] covariance) =>
        new(GaussianModel.FromCovariance(covariance, nameof(covariance)), nameof(covariance), biasCorrected: false);

    /// <summary>Gaussian (or Gaussian-copula) entropies from samples: one variable per column.</summary>
    /// <param name="samples">At least n + 1 rows for n columns; finite; no constant column.</param>
    /// <param name="copula">Transform each column to normal scores first (rank-based; see the remarks).</param>
    /// <param name="biasCorrected">Subtract the expected sampling error of each entropy.</param>
    /// <returns>The joint-entropy source.</returns>
    /// <exception cref="ArgumentException">Too few rows, a NaN or ±∞, or a constant column.</exception>
    public static GaussianJointEntropy FromSamples(SampleMatrix samples, bool copula = false, bool biasCorrected = false)
    {
        ArgumentNullException.ThrowIfNull(samples);
        GaussianModel.CheckShapes([samples], [nameof(samples)]);
        SampleMatrix data = copula ? NormalScores.Transform(samples) : samples;
        return new GaussianJointEntropy(GaussianModel.FromSamples([data], [nameof(samples)]), nameof(samples), biasCorrected);
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The covariance of the chosen variables is singular.</exception>
    public double EntropyNats(ReadOnlySpan<int> variables)
    {
        for (int j = 0; j < variables.Length; j++)
        {
            if ((uint)variables[j] >= (uint)VariableCount || variables[..j].Contains(variables[j]))
            {
                ThrowHelper.ArgumentException(nameof(variables), string.Create(CultureInfo.InvariantCulture,
                    $"variables[{j}] = {variables[j]} is out of range [0, {VariableCount}) or repeats."));
            }
        }

        if (variables.IsEmpty)
        {
            return 0;
        }

        int[] chosen = variables.ToArray();
        return GaussianFormulas.Entropy(_model, chosen, _paramName, string.Create(CultureInfo.InvariantCulture, $"variables {string.Join(", ", chosen)}"), BiasCorrected).Nats;
    }
}
