using System.Globalization;
using InfoTheory.Continuous;
using InfoTheory.Measures;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;

namespace InfoTheory.Testing;

/// <summary>
/// (X, Y) jointly normal with mean 0 and a given covariance Σ over (X, Y), X being the first
/// <see cref="XDimension"/> coordinates. I(X;Y) = ½ ln(det Σx det Σy / det Σ) in closed form.
/// </summary>
/// <remarks>
/// <para>
/// Sampling: standard normal draws from MathNet.Numerics' <see cref="Normal"/> with a <see cref="Random"/> seeded by
/// the caller, mapped through the lower Cholesky factor L of Σ (x = L z). <see cref="Random"/> with a seed is
/// deterministic across .NET versions, so a seed names a sample.
/// </para>
/// <para>
/// The factories follow the Gaussian tasks of the "Beyond Normal" benchmark (Czyż, Grabowski, Vogt, Beerenwinkel
/// &amp; Marx, NeurIPS 2023): one correlated pair, sparse interactions (coordinate i of X correlated with coordinate i
/// of Y for the first few i only) and dense equicorrelated blocks.
/// </para>
/// </remarks>
public sealed class MultivariateNormalTask : IMutualInformationTask
{
    private readonly double[,] _covariance;
    private readonly double[,] _factor;

    /// <summary>A task with joint covariance <paramref name="covariance"/>; X is its first <paramref name="xDimension"/> coordinates.</summary>
    /// <param name="covariance">The (dx + dy) × (dx + dy) symmetric positive-definite covariance of (X, Y). Copied.</param>
    /// <param name="xDimension">dx, between 1 and the size of <paramref name="covariance"/> − 1.</param>
    /// <exception cref="ArgumentNullException"><paramref name="covariance"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="covariance"/> is not a symmetric positive-definite matrix.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="xDimension"/> leaves X or Y empty.</exception>
    public MultivariateNormalTask(double[,] covariance, int xDimension)
    {
        ArgumentNullException.ThrowIfNull(covariance);
        int size = covariance.GetLength(0);
        ArgumentOutOfRangeException.ThrowIfLessThan(xDimension, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(xDimension, Math.Max(size, 1));
        int[] x = Enumerable.Range(0, xDimension).ToArray();
        int[] y = Enumerable.Range(xDimension, size - xDimension).ToArray();

        // The entropy checks the matrix (square, finite, symmetric, positive definite) with clear messages.
        JointEntropy = Gaussian.Entropy(covariance);
        TrueMutualInformation = Gaussian.MutualInformation(covariance, x, y);
        EntropyX = Gaussian.Entropy(Block(covariance, x));
        EntropyY = Gaussian.Entropy(Block(covariance, y));
        _covariance = (double[,])covariance.Clone();
        _factor = Matrix<double>.Build.DenseOfArray(_covariance).Cholesky().Factor.ToArray();
        XDimension = xDimension;
        YDimension = size - xDimension;
    }

    /// <inheritdoc />
    public int XDimension { get; }

    /// <inheritdoc />
    public int YDimension { get; }

    /// <inheritdoc />
    public Information TrueMutualInformation { get; }

    /// <summary>The differential entropy h(X) = ½ ln((2πe)^dx det Σx).</summary>
    public Information EntropyX { get; }

    /// <summary>The differential entropy h(Y) = ½ ln((2πe)^dy det Σy).</summary>
    public Information EntropyY { get; }

    /// <summary>The joint differential entropy h(X, Y) = ½ ln((2πe)^(dx+dy) det Σ).</summary>
    public Information JointEntropy { get; }

    /// <summary>A copy of the joint covariance of (X, Y).</summary>
    public double[,] Covariance => (double[,])_covariance.Clone();

    /// <summary>One-dimensional X and Y with correlation ρ: I(X;Y) = −½ ln(1 − ρ²), unit variances.</summary>
    /// <param name="correlation">ρ, strictly between −1 and 1.</param>
    /// <returns>The task.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="correlation"/> is not in (−1, 1).</exception>
    public static MultivariateNormalTask CorrelatedPair(double correlation) => SparseInteractions(1, 1, 1, correlation);

    /// <summary>
    /// Sparse interactions: unit variances, X_i and Y_i correlated with ρ for i &lt; <paramref name="interactingPairs"/>,
    /// every other pair independent. I(X;Y) = −(k/2) ln(1 − ρ²) for k interacting pairs.
    /// </summary>
    /// <param name="xDimension">dx ≥ 1.</param>
    /// <param name="yDimension">dy ≥ 1.</param>
    /// <param name="interactingPairs">k, between 0 and min(dx, dy).</param>
    /// <param name="correlation">ρ, strictly between −1 and 1.</param>
    /// <returns>The task.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside its range.</exception>
    public static MultivariateNormalTask SparseInteractions(int xDimension, int yDimension, int interactingPairs, double correlation)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(xDimension, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(yDimension, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(interactingPairs);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(interactingPairs, Math.Min(xDimension, yDimension));
        RequireOpenCorrelation(correlation);
        int size = xDimension + yDimension;
        double[,] covariance = new double[size, size];
        for (int i = 0; i < size; i++)
        {
            covariance[i, i] = 1;
        }

        for (int i = 0; i < interactingPairs; i++)
        {
            covariance[i, xDimension + i] = correlation;
            covariance[xDimension + i, i] = correlation;
        }

        return new MultivariateNormalTask(covariance, xDimension);
    }

    /// <summary>
    /// Dense interactions: unit variances and the same correlation ρ between every two coordinates of (X, Y).
    /// Positive definite for −1/(dx + dy − 1) &lt; ρ &lt; 1.
    /// </summary>
    /// <param name="xDimension">dx ≥ 1.</param>
    /// <param name="yDimension">dy ≥ 1.</param>
    /// <param name="correlation">ρ in (−1/(dx + dy − 1), 1).</param>
    /// <returns>The task.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside its range.</exception>
    public static MultivariateNormalTask Equicorrelated(int xDimension, int yDimension, double correlation)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(xDimension, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(yDimension, 1);
        int size = xDimension + yDimension;
        double lower = -1.0 / (size - 1);
        if (!(correlation > lower && correlation < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(correlation), correlation, string.Format(CultureInfo.InvariantCulture,
                "An equicorrelated {0}-dimensional normal needs {1:G4} < correlation < 1, got {2}.", size, lower, correlation));
        }

        double[,] covariance = new double[size, size];
        for (int i = 0; i < size; i++)
        {
            for (int j = 0; j < size; j++)
            {
                covariance[i, j] = i == j ? 1 : correlation;
            }
        }

        return new MultivariateNormalTask(covariance, xDimension);
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="n"/> is less than 1.</exception>
    public (SampleMatrix X, SampleMatrix Y) Sample(int n, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        int d = XDimension + YDimension;
        double[] z = new double[n * d];
        Normal.Samples(new Random(seed), z, 0, 1);
        double[] x = new double[n * XDimension];
        double[] y = new double[n * YDimension];
        for (int i = 0; i < n; i++)
        {
            ReadOnlySpan<double> zi = z.AsSpan(i * d, d);
            for (int a = 0; a < d; a++)
            {
                double value = 0;
                for (int b = 0; b <= a; b++)
                {
                    value += _factor[a, b] * zi[b];
                }

                if (a < XDimension)
                {
                    x[(i * XDimension) + a] = value;
                }
                else
                {
                    y[(i * YDimension) + a - XDimension] = value;
                }
            }
        }

        return (SampleMatrix.FromRowMajor(x, XDimension), SampleMatrix.FromRowMajor(y, YDimension));
    }

    /// <summary>Returns a short description with the dimensions and the true mutual information.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => string.Format(CultureInfo.InvariantCulture,
        "MultivariateNormalTask (dx = {0}, dy = {1}, I = {2:R} nats)", XDimension, YDimension, TrueMutualInformation.Nats);

    private static void RequireOpenCorrelation(double correlation)
    {
        if (!(Math.Abs(correlation) < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(correlation), correlation, string.Format(CultureInfo.InvariantCulture,
                "correlation must lie strictly between −1 and 1 (|ρ| = 1 has infinite mutual information), got {0}.", correlation));
        }
    }

    private static double[,] Block(double[,] covariance, int[] indices)
    {
        double[,] block = new double[indices.Length, indices.Length];
        for (int a = 0; a < indices.Length; a++)
        {
            for (int b = 0; b < indices.Length; b++)
            {
                block[a, b] = covariance[indices[a], indices[b]];
            }
        }

        return block;
    }
}
