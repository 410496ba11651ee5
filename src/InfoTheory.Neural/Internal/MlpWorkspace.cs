using System.Numerics;

namespace InfoTheory.Neural.Internal;

/// <summary>The activations and back-propagation scratch of one <see cref="Mlp{T}"/> for batches of up to a given size.</summary>
internal sealed class MlpWorkspace<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly T[][] _activations;
    private readonly T[][] _deltas;

    public MlpWorkspace(Mlp<T> network, int capacity)
    {
        _activations = new T[network.Layers][];
        for (int l = 0; l < network.Layers; l++)
        {
            _activations[l] = new T[network.Width(l) * capacity];
        }

        _deltas = [new T[network.MaxWidth * capacity], new T[network.MaxWidth * capacity]];
    }

    /// <summary>The output of layer <paramref name="layer"/>, <c>[width][n]</c>.</summary>
    public Span<T> Activation(int layer, int length) => _activations[layer].AsSpan(0, length);

    /// <summary>One of the two ping-pong buffers of back-propagated gradients.</summary>
    public Span<T> Delta(int which, int length) => _deltas[which].AsSpan(0, length);
}
