using System.Numerics;

namespace InfoTheory.Neural.Internal;

/// <summary>
/// Adam (Kingma &amp; Ba 2015) with bias-corrected moments: m ← β₁m + (1 − β₁)g, v ← β₂v + (1 − β₂)g²,
/// θ ← θ − η m̂ / (√v̂ + ε), m̂ = m / (1 − β₁ᵗ), v̂ = v / (1 − β₂ᵗ); β₁ = 0.9, β₂ = 0.999, ε = 10⁻⁸ (the paper's defaults,
/// also those of optax and PyTorch).
/// </summary>
internal sealed class Adam<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    public const double Beta1 = 0.9;
    public const double Beta2 = 0.999;
    public const double Epsilon = 1e-8;

    private readonly double[] _m;
    private readonly double[] _v;
    private int _t;

    public Adam(int parameterCount)
    {
        _m = new double[parameterCount];
        _v = new double[parameterCount];
    }

    /// <summary>One step on <paramref name="parameters"/> from <paramref name="gradients"/> (of the loss to minimise).</summary>
    public void Update(Span<T> parameters, ReadOnlySpan<T> gradients, double learningRate)
    {
        // The parameters number in the hundreds: the update costs nothing next to the K² pair evaluations, so it runs
        // scalar, in double.
        _t++;
        double c1 = 1.0 - Math.Pow(Beta1, _t);
        double c2 = 1.0 - Math.Pow(Beta2, _t);
        for (int i = 0; i < parameters.Length; i++)
        {
            double g = double.CreateChecked(gradients[i]);
            _m[i] = (Beta1 * _m[i]) + ((1.0 - Beta1) * g);
            _v[i] = (Beta2 * _v[i]) + ((1.0 - Beta2) * g * g);
            double step = learningRate * (_m[i] / c1) / (Math.Sqrt(_v[i] / c2) + Epsilon);
            parameters[i] -= T.CreateChecked(step);
        }
    }
}
