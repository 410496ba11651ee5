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
/// <para>
/// The rows are cut into <see cref="Chunks"/> fixed ranges, each with its own scratch and gradient accumulators, run
/// in parallel and summed in chunk order afterwards: the bits depend on the chunk count, which is fixed, and not on
/// how many threads ran the chunks.
/// </para>
/// </remarks>
internal sealed class JointCritic<T> : ManagedCritic<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>The fixed number of row ranges (and of partial gradients summed in order).</summary>
    internal const int Chunks = 8;

    /// <summary>Below this many pairs a batch runs its chunks on the calling thread (same chunks, same bits).</summary>
    private const int ParallelPairs = 4096;

    private readonly Mlp<T> _network;
    private readonly Chunk[] _chunks;
    private readonly ParallelOptions _parallel;
    private readonly int _dx;
    private readonly int _dy;
    private readonly T[] _x;
    private readonly T[] _y;
    private readonly T[] _a;
    private readonly T[] _b;
    private readonly T[] _gradientA;
    private readonly T[] _gradientB;
    private T[] _scoreBuffer = [];

    public JointCritic(int dx, int dy, IReadOnlyList<int> hidden, int capacity, Random random, int maxDegreeOfParallelism = -1)
        : this(new Mlp<T>(dx + dy, hidden, 1), dx, dy, capacity, random, maxDegreeOfParallelism)
    {
    }

    private JointCritic(Mlp<T> network, int dx, int dy, int capacity, Random random, int maxDegreeOfParallelism)
        : base(network.ParameterCount)
    {
        _network = network;
        _parallel = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism };
        _chunks = new Chunk[Chunks];
        for (int c = 0; c < Chunks; c++)
        {
            _chunks[c] = new Chunk(network, capacity);
        }

        _dx = dx;
        _dy = dy;
        _x = new T[dx * capacity];
        _y = new T[dy * capacity];
        int h = network.FirstWidth * capacity;
        _a = new T[h];
        _b = new T[h];
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
        T[] destination = ScoreBuffer(k);
        ForEachChunk(k, c =>
        {
            Chunk chunk = _chunks[c];
            (int from, int to) = Rows(c, k);
            for (int i = from; i < to; i++)
            {
                ForwardRow(i, k, chunk).CopyTo(destination.AsSpan(i * k, k));
            }
        });
        destination.AsSpan(0, k * k).CopyTo(scores);
    }

    /// <inheritdoc/>
    public override void AccumulateGradients(ReadOnlySpan<T> scoreGradient, int k)
    {
        int width = _network.FirstWidth;
        T[] gradient = ScoreBuffer(k);
        scoreGradient[..(k * k)].CopyTo(gradient);
        ForEachChunk(k, c =>
        {
            Chunk chunk = _chunks[c];
            Array.Clear(chunk.Gradients);
            Span<T> gradientB = chunk.GradientB.AsSpan(0, width * k);
            gradientB.Clear();
            (int from, int to) = Rows(c, k);
            for (int i = from; i < to; i++)
            {
                _ = ForwardRow(i, k, chunk);
                ReadOnlySpan<T> delta = _network.Backward(Parameters, chunk.Gradients, gradient.AsSpan(i * k, k), k, chunk.Workspace);
                for (int h = 0; h < width; h++)
                {
                    ReadOnlySpan<T> d = delta.Slice(h * k, k);
                    _gradientA[(h * k) + i] = TensorPrimitives.Sum(d);
                    Span<T> gb = gradientB.Slice(h * k, k);
                    TensorPrimitives.Add(gb, d, gb);
                }
            }
        });

        // The chunks' partial sums, in chunk order.
        Span<T> total = _gradientB.AsSpan(0, width * k);
        total.Clear();
        foreach (Chunk chunk in _chunks)
        {
            TensorPrimitives.Add(Gradients, chunk.Gradients, Gradients);
            TensorPrimitives.Add(total, chunk.GradientB.AsSpan(0, width * k), total);
        }

        _network.LinearGradients(Gradients, _x, 0, _dx, bias: false, _gradientA, k);
        _network.LinearGradients(Gradients, _y, _dx, _dy, bias: true, total, k);
    }

    private static (int From, int To) Rows(int chunk, int k) => (chunk * k / Chunks, (chunk + 1) * k / Chunks);

    private void ForEachChunk(int k, Action<int> body)
    {
        if ((long)k * k < ParallelPairs || _parallel.MaxDegreeOfParallelism == 1)
        {
            for (int c = 0; c < Chunks; c++)
            {
                body(c);
            }
        }
        else
        {
            Parallel.For(0, Chunks, _parallel, body);
        }
    }

    /// <summary>A k × k array the chunks can write from other threads (a span cannot be captured).</summary>
    private T[] ScoreBuffer(int k)
    {
        if (_scoreBuffer.Length < k * k)
        {
            _scoreBuffer = new T[k * k];
        }

        return _scoreBuffer;
    }

    /// <summary>Row i of the score matrix: f(xᵢ, yⱼ) for j &lt; k.</summary>
    private ReadOnlySpan<T> ForwardRow(int i, int k, Chunk chunk)
    {
        int width = _network.FirstWidth;
        for (int h = 0; h < width; h++)
        {
            TensorPrimitives.Add(_b.AsSpan(h * k, k), _a[(h * k) + i], chunk.PreActivation.AsSpan(h * k, k));
        }

        return _network.ForwardFromFirstPreActivation(Parameters, chunk.PreActivation, k, chunk.Workspace);
    }

    /// <summary>One row range's scratch and partial gradients.</summary>
    private sealed class Chunk(Mlp<T> network, int capacity)
    {
        public MlpWorkspace<T> Workspace { get; } = new(network, capacity);

        public T[] PreActivation { get; } = new T[network.FirstWidth * capacity];

        public T[] Gradients { get; } = new T[network.ParameterCount];

        public T[] GradientB { get; } = new T[network.FirstWidth * capacity];
    }
}
