using System.Numerics;

namespace InfoTheory.Neural.Internal;

/// <summary>
/// A critic evaluated and differentiated by hand-written forward and backward passes (<see cref="Mlp{T}"/>), with its
/// parameters in one flat array and one Adam state.
/// </summary>
internal abstract class ManagedCritic<T> : ICritic<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private Adam<T>? _adam;

    protected ManagedCritic(int parameterCount)
    {
        Parameters = new T[parameterCount];
        Gradients = new T[parameterCount];
    }

    /// <summary>Every weight and bias, in the networks' layout.</summary>
    public T[] Parameters { get; }

    /// <summary>∂L/∂θ of the last <see cref="AccumulateGradients"/> (zeroed by <see cref="Step"/> before each backward pass).</summary>
    public T[] Gradients { get; }

    /// <inheritdoc/>
    public abstract void Score(ReadOnlySpan<T> x, ReadOnlySpan<T> y, int k, Span<T> scores);

    /// <summary>Adds ∂L/∂θ to <see cref="Gradients"/> for the batch last scored, given ∂L/∂S.</summary>
    public abstract void AccumulateGradients(ReadOnlySpan<T> scoreGradient, int k);

    /// <inheritdoc/>
    public void Step(ReadOnlySpan<T> scoreGradient, int k, double learningRate)
    {
        Array.Clear(Gradients);
        AccumulateGradients(scoreGradient, k);
        _adam ??= new Adam<T>(Parameters.Length);
        _adam.Update(Parameters, Gradients, learningRate);
    }
}
