using System.Numerics;
using System.Numerics.Tensors;

namespace InfoTheory.Neural.Internal;

/// <summary>
/// The joint (concatenated) critic f(x, y) = MLP([x; y]) with a scalar output, as in MINE and in the <c>bmi</c>
/// benchmark's neural estimators.
/// </summary>
/// <remarks>
/// The first layer is linear in the concatenation, W[x; y] + b = Wₓx + (W_y y + b), so for a batch of k samples the
/// k² pair pre-activations are sums Aᵢ + Bⱼ of two k-column tables computed once: the pairs cost one addition per
/// first-layer unit instead of dx + dy multiply-adds. Row i of the score matrix is one batch of k pairs
/// (xᵢ, y₁..ₖ) through the rest of the network. The backward pass recomputes each row's activations instead of
/// keeping all k² of them (they would not stay in cache).
/// </remarks>
internal sealed class JointCritic<T> : ManagedCritic<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly Mlp<T> _network;
    private readonly MlpWorkspace<T> _workspace;
    private readonly int _dx;
    private readonly int _dy;
    private readonly T[] _x;
    private readonly T[] _y;
    private readonly T[] _a;
    private readonly T[] _b;
    private readonly T[] _preActivation;
    private readonly T[] _gradientA;
    private readonly T[] _gradientB;

    public JointCritic(int dx, int dy, IReadOnlyList<int> hidden, int capacity, Random random)
        : this(new Mlp<T>(dx + dy, hidden, 1), dx, dy, capacity, random)
    {
    }

    private JointCritic(Mlp<T> network, int dx, int dy, int capacity, Random random)
        : base(network.ParameterCount)
    {
        _network = network;
        _workspace = new MlpWorkspace<T>(network, capacity);
        _dx = dx;
        _dy = dy;
        _x = new T[dx * capacity];
        _y = new T[dy * capacity];
        int h = network.FirstWidth * capacity;
        _a = new T[h];
        _b = new T[h];
        _preActivation = new T[h];
        _gradientA = new T[h];
        _gradientB = new T[h];
        network.Initialize(Parameters, random);
    }

    /// <inheritdoc/>
    public override void Score(ReadOnlySpan<T> x, ReadOnlySpan<T> y, int k, Span<T> scores)
    {
        x[..(_dx * k)].CopyTo(_x);
        y[..(_dy * k)].CopyTo(_y);
        _network.Linear(Parameters, _x, 0, _dx, bias: false, k, _a);
        _network.Linear(Parameters, _y, _dx, _dy, bias: true, k, _b);
        for (int i = 0; i < k; i++)
        {
            ReadOnlySpan<T> row = ForwardRow(i, k);
            row.CopyTo(scores.Slice(i * k, k));
        }
    }

    /// <inheritdoc/>
    public override void AccumulateGradients(ReadOnlySpan<T> scoreGradient, int k)
    {
        int width = _network.FirstWidth;
        Span<T> gradientB = _gradientB.AsSpan(0, width * k);
        gradientB.Clear();
        for (int i = 0; i < k; i++)
        {
            _ = ForwardRow(i, k);
            ReadOnlySpan<T> delta = _network.Backward(Parameters, Gradients, scoreGradient.Slice(i * k, k), k, _workspace);
            for (int h = 0; h < width; h++)
            {
                ReadOnlySpan<T> d = delta.Slice(h * k, k);
                _gradientA[(h * k) + i] = TensorPrimitives.Sum(d);
                Span<T> gb = gradientB.Slice(h * k, k);
                TensorPrimitives.Add(gb, d, gb);
            }
        }

        _network.LinearGradients(Gradients, _x, 0, _dx, bias: false, _gradientA, k);
        _network.LinearGradients(Gradients, _y, _dx, _dy, bias: true, gradientB, k);
    }

    /// <summary>Row i of the score matrix: f(xᵢ, yⱼ) for j &lt; k.</summary>
    private ReadOnlySpan<T> ForwardRow(int i, int k)
    {
        int width = _network.FirstWidth;
        for (int h = 0; h < width; h++)
        {
            TensorPrimitives.Add(_b.AsSpan(h * k, k), _a[(h * k) + i], _preActivation.AsSpan(h * k, k));
        }

        return _network.ForwardFromFirstPreActivation(Parameters, _preActivation, k, _workspace);
    }
}
