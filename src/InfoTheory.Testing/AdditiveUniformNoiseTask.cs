using System.Globalization;
using InfoTheory.Continuous;

namespace InfoTheory.Testing;

/// <summary>
/// One-dimensional X ~ Uniform(0, 1) and Y = X + N with independent noise N ~ Uniform(−ε, ε):
/// I(X;Y) = ε − ln(2ε) for ε ≤ ½ and I(X;Y) = 1/(4ε) for ε ≥ ½ (the two agree, ½ nat, at ε = ½).
/// </summary>
/// <remarks>
/// <para>
/// Derivation. I(X;Y) = h(Y) − h(Y | X) = h(Y) − h(N) = h(Y) − ln(2ε). The density of Y is the convolution
/// p(y) = |[y − ε, y + ε] ∩ [0, 1]| / (2ε), a trapezoid on [−ε, 1 + ε]. For ε ≤ ½ it rises linearly from 0 to 1 over
/// [−ε, ε], stays at 1 on [ε, 1 − ε] and falls over [1 − ε, 1 + ε]; each ramp contributes
/// −∫₀^{2ε} (t/2ε) ln(t/2ε) dt = ε/2 to h(Y) and the plateau 0, so h(Y) = ε. For ε ≥ ½ the ramps have length 1 and rise
/// to 1/(2ε), with the plateau 1/(2ε) over [1 − ε, ε] of length 2ε − 1; then h(Y) = ln(2ε) + 1/(4ε).
/// </para>
/// <para>
/// This is the additive-noise task of the "Beyond Normal" benchmark (Czyż, Grabowski, Vogt, Beerenwinkel &amp; Marx,
/// NeurIPS 2023), which uses ε = 0.1 and ε = 0.75. Neither variable is normal and the joint law is supported on a
/// parallelogram, so density-based estimators meet sharp edges. I → ∞ as ε → 0 and I → 0 as ε → ∞.
/// </para>
/// <para>
/// Sampling: per row, x then n from one <see cref="Random"/> seeded by the caller (<see cref="Random.NextDouble"/>, so
/// x ∈ [0, 1) and n = ε(2v − 1) ∈ [−ε, ε)).
/// </para>
/// </remarks>
public sealed class AdditiveUniformNoiseTask : IMutualInformationTask
{
    /// <summary>A task with noise half-width <paramref name="noiseHalfWidth"/>.</summary>
    /// <param name="noiseHalfWidth">ε &gt; 0, finite: N is uniform on [−ε, ε].</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="noiseHalfWidth"/> is not finite and positive.</exception>
    public AdditiveUniformNoiseTask(double noiseHalfWidth)
    {
        if (!(noiseHalfWidth > 0) || !double.IsFinite(noiseHalfWidth))
        {
            throw new ArgumentOutOfRangeException(nameof(noiseHalfWidth), noiseHalfWidth, string.Format(CultureInfo.InvariantCulture,
                "noiseHalfWidth must be a finite number greater than 0, got {0}.", noiseHalfWidth));
        }

        NoiseHalfWidth = noiseHalfWidth;
        double epsilon = noiseHalfWidth;
        TrueMutualInformation = Information.FromNats(epsilon <= 0.5 ? epsilon - Math.Log(2 * epsilon) : 0.25 / epsilon);
    }

    /// <summary>ε, the half-width of the noise.</summary>
    public double NoiseHalfWidth { get; }

    /// <inheritdoc />
    public int XDimension => 1;

    /// <inheritdoc />
    public int YDimension => 1;

    /// <inheritdoc />
    public Information TrueMutualInformation { get; }

    /// <inheritdoc />
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="n"/> is less than 1.</exception>
    public (SampleMatrix X, SampleMatrix Y) Sample(int n, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        var random = new Random(seed);
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++)
        {
            x[i] = random.NextDouble();
            y[i] = x[i] + (NoiseHalfWidth * ((2 * random.NextDouble()) - 1));
        }

        return (SampleMatrix.FromRowMajor(x, 1), SampleMatrix.FromRowMajor(y, 1));
    }

    /// <summary>Returns a short description with ε and the true mutual information.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => string.Format(CultureInfo.InvariantCulture,
        "AdditiveUniformNoiseTask (ε = {0}, I = {1:R} nats)", NoiseHalfWidth, TrueMutualInformation.Nats);
}
