using System.Numerics;
using System.Numerics.Tensors;

namespace InfoTheory.Neural.Internal;

/// <summary>
/// The separable critic f(x, y) = g(x)ᵀh(y) of Poole et al. (2019) and CPC (van den Oord et al. 2018): two MLPs to a
/// common embedding. A batch costs 2k network evaluations and one k × k × E product, against k² evaluations for the
/// joint critic.
/// </summary>
/// <remarks>
/// The product is scaled by 1/√E, f(x, y) = g(x)ᵀh(y)/√E, as in scaled dot-product attention: with freshly initialised
/// networks the E products have unit-order spread, so the unscaled sum has variance ~E and e^f in the NWJ and
/// Donsker-Varadhan objectives starts at e^(±4) for E = 16, which sends the first steps far off. The scale changes
/// nothing the critic can represent.
/// </remarks>
internal sealed class SeparableCritic<T> : ManagedCritic<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly Mlp<T> _g;
    private readonly Mlp<T> _h;
    private readonly MlpWorkspace<T> _gWorkspace;
    private readonly MlpWorkspace<T> _hWorkspace;
    private readonly int _dx;
    private readonly int _dy;
    private readonly int _embedding;
    private readonly T _scale;
    private readonly T[] _x;
    private readonly T[] _y;
    private readonly T[] _preActivation;
    private readonly T[] _gradientG;
    private readonly T[] _gradientH;

    public SeparableCritic(int dx, int dy, IReadOnlyList<int> hidden, int embedding, int capacity, Random random)
        : this(new Mlp<T>(dx, hidden, embedding), new Mlp<T>(dy, hidden, embedding), dx, dy, embedding, capacity, random)
    {
    }

    private SeparableCritic(Mlp<T> g, Mlp<T> h, int dx, int dy, int embedding, int capacity, Random random)
        : base(g.ParameterCount + h.ParameterCount)
    {
        _g = g;
        _h = h;
        _gWorkspace = new MlpWorkspace<T>(g, capacity);
        _hWorkspace = new MlpWorkspace<T>(h, capacity);
        _dx = dx;
        _dy = dy;
        _embedding = embedding;
        _scale = T.One / T.Sqrt(T.CreateChecked(embedding));
        _x = new T[dx * capacity];
        _y = new T[dy * capacity];
        _preActivation = new T[g.FirstWidth * capacity];
        _gradientG = new T[embedding * capacity];
        _gradientH = new T[embedding * capacity];
        g.Initialize(GParameters, random);
        h.Initialize(HParameters, random);
    }

    private Span<T> GParameters => Parameters.AsSpan(0, _g.ParameterCount);

    private Span<T> HParameters => Parameters.AsSpan(_g.ParameterCount, _h.ParameterCount);

    /// <inheritdoc/>
    public override void Score(ReadOnlySpan<T> x, ReadOnlySpan<T> y, int k, Span<T> scores)
    {
        x[..(_dx * k)].CopyTo(_x);
        y[..(_dy * k)].CopyTo(_y);
        ReadOnlySpan<T> gx = Embed(_g, GParameters, _x, _dx, k, _gWorkspace);
        ReadOnlySpan<T> hy = Embed(_h, HParameters, _y, _dy, k, _hWorkspace);
        for (int i = 0; i < k; i++)
        {
            Span<T> row = scores.Slice(i * k, k);
            row.Clear();
            for (int e = 0; e < _embedding; e++)
            {
                TensorPrimitives.MultiplyAdd(hy.Slice(e * k, k), gx[(e * k) + i], row, row);
            }

            TensorPrimitives.Multiply(row, _scale, row);
        }
    }

    /// <inheritdoc/>
    public override void AccumulateGradients(ReadOnlySpan<T> scoreGradient, int k)
    {
        // The embeddings of the last Score are still in the two workspaces (their last layer's activations).
        ReadOnlySpan<T> gx = _gWorkspace.Activation(_g.Layers - 1, _embedding * k);
        ReadOnlySpan<T> hy = _hWorkspace.Activation(_h.Layers - 1, _embedding * k);
        Span<T> dg = _gradientG.AsSpan(0, _embedding * k);
        Span<T> dh = _gradientH.AsSpan(0, _embedding * k);
        dh.Clear();
        for (int i = 0; i < k; i++)
        {
            ReadOnlySpan<T> row = scoreGradient.Slice(i * k, k);
            for (int e = 0; e < _embedding; e++)
            {
                // ∂L/∂g(xᵢ)ₑ = Σⱼ Gᵢⱼ h(yⱼ)ₑ / √E; ∂L/∂h(yⱼ)ₑ = Σᵢ Gᵢⱼ g(xᵢ)ₑ / √E.
                dg[(e * k) + i] = _scale * TensorPrimitives.Dot(row, hy.Slice(e * k, k));
                Span<T> dhe = dh.Slice(e * k, k);
                TensorPrimitives.MultiplyAdd(row, _scale * gx[(e * k) + i], dhe, dhe);
            }
        }

        Span<T> gradients = Gradients;
        Span<T> gGradients = gradients[.._g.ParameterCount];
        Span<T> hGradients = gradients.Slice(_g.ParameterCount, _h.ParameterCount);
        ReadOnlySpan<T> deltaG = _g.Backward(GParameters, gGradients, dg, k, _gWorkspace);
        _g.LinearGradients(gGradients, _x, 0, _dx, bias: true, deltaG, k);
        ReadOnlySpan<T> deltaH = _h.Backward(HParameters, hGradients, dh, k, _hWorkspace);
        _h.LinearGradients(hGradients, _y, 0, _dy, bias: true, deltaH, k);
    }

    private ReadOnlySpan<T> Embed(Mlp<T> network, ReadOnlySpan<T> parameters, ReadOnlySpan<T> input, int columns, int k, MlpWorkspace<T> workspace)
    {
        Span<T> pre = _preActivation.AsSpan(0, network.FirstWidth * k);
        network.Linear(parameters, input, 0, columns, bias: true, k, pre);
        return network.ForwardFromFirstPreActivation(parameters, pre, k, workspace);
    }
}
