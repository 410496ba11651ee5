using System.Numerics;
using System.Numerics.Tensors;

namespace InfoTheory.Neural.Internal;

/// <summary>
/// A multilayer perceptron with ReLU hidden layers and a linear output layer, evaluated on a batch of n samples at a
/// time. Activations are stored unit-major (<c>[units][n]</c>: one contiguous span of n values per unit), so every
/// layer is a sequence of scalar × span multiply-adds over the batch, which vectorise whatever the layer widths.
/// </summary>
/// <remarks>
/// The network holds no parameters: they live in a flat span owned by the critic (so one Adam state covers every
/// network of a critic), laid out layer after layer as W (out × in, row-major) then b (out). The first layer is split
/// from the rest (<see cref="Linear"/>, <see cref="ForwardFromFirstPreActivation"/>) because the joint critic forms
/// its pre-activations as Wₓx + W_y y + b without concatenating x and y for each of the K² pairs.
/// </remarks>
/// <typeparam name="T">float in training; double in the gradient checks.</typeparam>
internal sealed class Mlp<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly int[] _sizes;
    private readonly int[] _weightOffset;
    private readonly int[] _biasOffset;

    public Mlp(int input, IReadOnlyList<int> hidden, int output)
    {
        _sizes = [input, .. hidden, output];
        _weightOffset = new int[_sizes.Length - 1];
        _biasOffset = new int[_sizes.Length - 1];
        int offset = 0;
        for (int l = 0; l < _sizes.Length - 1; l++)
        {
            _weightOffset[l] = offset;
            offset += _sizes[l + 1] * _sizes[l];
            _biasOffset[l] = offset;
            offset += _sizes[l + 1];
        }

        ParameterCount = offset;
    }

    /// <summary>The number of weights and biases.</summary>
    public int ParameterCount { get; }

    /// <summary>The input width.</summary>
    public int Input => _sizes[0];

    /// <summary>The width of the first hidden layer.</summary>
    public int FirstWidth => _sizes[1];

    /// <summary>The output width.</summary>
    public int Output => _sizes[^1];

    /// <summary>The number of weight layers (hidden layers + 1).</summary>
    public int Layers => _sizes.Length - 1;

    /// <summary>The widest layer, for scratch sizing.</summary>
    public int MaxWidth => _sizes.Max();

    /// <summary>The width of layer <paramref name="layer"/>'s output.</summary>
    public int Width(int layer) => _sizes[layer + 1];

    /// <summary>Layer <paramref name="layer"/>'s weights, out × in, row-major.</summary>
    public Span<T> Weights(Span<T> parameters, int layer) =>
        parameters.Slice(_weightOffset[layer], _sizes[layer + 1] * _sizes[layer]);

    /// <summary>Layer <paramref name="layer"/>'s biases.</summary>
    public Span<T> Biases(Span<T> parameters, int layer) => parameters.Slice(_biasOffset[layer], _sizes[layer + 1]);

    /// <summary>
    /// He-normal weights (σ = √(2 / fan-in), He et al. 2015) for the layers followed by a ReLU, Glorot-normal
    /// (σ = √(2 / (fan-in + fan-out)), Glorot &amp; Bengio 2010) for the linear output layer; zero biases.
    /// </summary>
    public void Initialize(Span<T> parameters, Random random)
    {
        for (int l = 0; l < Layers; l++)
        {
            double sigma = l < Layers - 1
                ? Math.Sqrt(2.0 / _sizes[l])
                : Math.Sqrt(2.0 / (_sizes[l] + _sizes[l + 1]));
            Span<T> w = Weights(parameters, l);
            for (int i = 0; i < w.Length; i++)
            {
                w[i] = T.CreateChecked(sigma * StandardNormal(random));
            }

            Biases(parameters, l).Clear();
        }
    }

    /// <summary>
    /// destination[o][:] = (bias ? b[o] : 0) + Σ_c W₀[o, columnOffset + c] · input[c][:] for c &lt; columns: the first
    /// layer's pre-activations from some of its input columns.
    /// </summary>
    public void Linear(ReadOnlySpan<T> parameters, ReadOnlySpan<T> input, int columnOffset, int columns, bool bias, int n, Span<T> destination)
    {
        ReadOnlySpan<T> w = parameters.Slice(_weightOffset[0], _sizes[1] * _sizes[0]);
        ReadOnlySpan<T> b = parameters.Slice(_biasOffset[0], _sizes[1]);
        for (int o = 0; o < _sizes[1]; o++)
        {
            Span<T> row = destination.Slice(o * n, n);
            row.Fill(bias ? b[o] : T.Zero);
            for (int c = 0; c < columns; c++)
            {
                TensorPrimitives.MultiplyAdd(input.Slice(c * n, n), w[(o * _sizes[0]) + columnOffset + c], row, row);
            }
        }
    }

    /// <summary>
    /// Adds the first layer's gradients from some of its input columns: ∂W₀[o, columnOffset + c] += Σ_j δ[o][j] input[c][j],
    /// and ∂b₀[o] += Σ_j δ[o][j] when <paramref name="bias"/>.
    /// </summary>
    public void LinearGradients(Span<T> gradients, ReadOnlySpan<T> input, int columnOffset, int columns, bool bias, ReadOnlySpan<T> delta, int n)
    {
        Span<T> gw = gradients.Slice(_weightOffset[0], _sizes[1] * _sizes[0]);
        Span<T> gb = gradients.Slice(_biasOffset[0], _sizes[1]);
        for (int o = 0; o < _sizes[1]; o++)
        {
            ReadOnlySpan<T> d = delta.Slice(o * n, n);
            for (int c = 0; c < columns; c++)
            {
                gw[(o * _sizes[0]) + columnOffset + c] += TensorPrimitives.Dot(d, input.Slice(c * n, n));
            }

            if (bias)
            {
                gb[o] += TensorPrimitives.Sum(d);
            }
        }
    }

    /// <summary>
    /// Runs the network from the first layer's pre-activations (<c>[FirstWidth][n]</c>) and returns its output
    /// (<c>[Output][n]</c>, a view into <paramref name="workspace"/>, valid until the next call).
    /// </summary>
    public ReadOnlySpan<T> ForwardFromFirstPreActivation(ReadOnlySpan<T> parameters, ReadOnlySpan<T> preActivation, int n, MlpWorkspace<T> workspace)
    {
        Span<T> first = workspace.Activation(0, _sizes[1] * n);
        TensorPrimitives.Max(preActivation[..(_sizes[1] * n)], T.Zero, first);
        for (int l = 1; l < Layers; l++)
        {
            ReadOnlySpan<T> input = workspace.Activation(l - 1, _sizes[l] * n);
            Span<T> output = workspace.Activation(l, _sizes[l + 1] * n);
            ReadOnlySpan<T> w = parameters.Slice(_weightOffset[l], _sizes[l + 1] * _sizes[l]);
            ReadOnlySpan<T> b = parameters.Slice(_biasOffset[l], _sizes[l + 1]);
            for (int o = 0; o < _sizes[l + 1]; o++)
            {
                Span<T> row = output.Slice(o * n, n);
                row.Fill(b[o]);
                for (int h = 0; h < _sizes[l]; h++)
                {
                    TensorPrimitives.MultiplyAdd(input.Slice(h * n, n), w[(o * _sizes[l]) + h], row, row);
                }

                if (l < Layers - 1)
                {
                    TensorPrimitives.Max(row, T.Zero, row);
                }
            }
        }

        return workspace.Activation(Layers - 1, Output * n);
    }

    /// <summary>
    /// Back-propagates ∂L/∂output (<c>[Output][n]</c>) through the layers above the first, adding their weight and bias
    /// gradients to <paramref name="gradients"/>, and returns ∂L/∂(first pre-activation) (<c>[FirstWidth][n]</c>, a view
    /// into <paramref name="workspace"/>). Needs the activations of the last <see cref="ForwardFromFirstPreActivation"/>.
    /// </summary>
    public ReadOnlySpan<T> Backward(ReadOnlySpan<T> parameters, Span<T> gradients, ReadOnlySpan<T> outputGradient, int n, MlpWorkspace<T> workspace)
    {
        Span<T> delta = workspace.Delta(0, Output * n);
        outputGradient[..(Output * n)].CopyTo(delta);
        int current = 0;
        for (int l = Layers - 1; l >= 1; l--)
        {
            int width = _sizes[l + 1];
            int inputWidth = _sizes[l];
            ReadOnlySpan<T> input = workspace.Activation(l - 1, inputWidth * n);
            ReadOnlySpan<T> w = parameters.Slice(_weightOffset[l], width * inputWidth);
            Span<T> gw = gradients.Slice(_weightOffset[l], width * inputWidth);
            Span<T> gb = gradients.Slice(_biasOffset[l], width);
            ReadOnlySpan<T> d = workspace.Delta(current, width * n);
            Span<T> previous = workspace.Delta(1 - current, inputWidth * n);
            previous.Clear();
            for (int o = 0; o < width; o++)
            {
                ReadOnlySpan<T> dRow = d.Slice(o * n, n);
                gb[o] += TensorPrimitives.Sum(dRow);
                for (int h = 0; h < inputWidth; h++)
                {
                    gw[(o * inputWidth) + h] += TensorPrimitives.Dot(dRow, input.Slice(h * n, n));
                    Span<T> p = previous.Slice(h * n, n);
                    TensorPrimitives.MultiplyAdd(dRow, w[(o * inputWidth) + h], p, p);
                }
            }

            // ReLU: the gradient passes where the unit was active (its output, max(z, 0), is positive).
            for (int h = 0; h < inputWidth; h++)
            {
                MaskInactive(input.Slice(h * n, n), previous.Slice(h * n, n));
            }

            current = 1 - current;
        }

        return workspace.Delta(current, _sizes[1] * n);
    }

    /// <summary>delta[j] = 0 wherever activation[j] ≤ 0.</summary>
    internal static void MaskInactive(ReadOnlySpan<T> activation, Span<T> delta)
    {
        int j = 0;
        if (Vector.IsHardwareAccelerated && Vector<T>.IsSupported)
        {
            for (; j <= activation.Length - Vector<T>.Count; j += Vector<T>.Count)
            {
                var a = new Vector<T>(activation[j..]);
                var d = new Vector<T>(delta[j..]);
                Vector.ConditionalSelect(Vector.GreaterThan(a, Vector<T>.Zero), d, Vector<T>.Zero).CopyTo(delta[j..]);
            }
        }

        for (; j < activation.Length; j++)
        {
            if (activation[j] <= T.Zero)
            {
                delta[j] = T.Zero;
            }
        }
    }

    /// <summary>A standard normal draw (Box-Muller, one value per pair of uniforms).</summary>
    internal static double StandardNormal(Random random)
    {
        double u1 = 1.0 - random.NextDouble();
        double u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}
