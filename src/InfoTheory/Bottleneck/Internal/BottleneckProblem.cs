using System.Globalization;
using System.Numerics.Tensors;
using InfoTheory.Internal;
using InfoTheory.Measures;
using InfoTheory.Primitives;

namespace InfoTheory.Bottleneck.Internal;

/// <summary>How a bottleneck result states its objective.</summary>
internal enum BottleneckObjective
{
    /// <summary>I(X;T) − β I(T;Y).</summary>
    Information,

    /// <summary>H(T) − β I(T;Y).</summary>
    Deterministic,

    /// <summary>−I(T;Y).</summary>
    RelevanceOnly,
}

/// <summary>
/// A validated two-variable joint p(x, y) prepared for the bottleneck solvers: the marginals p(x), p(y) and the
/// conditional rows p(y|x) (p(y) for an x of probability 0, which then influences nothing).
/// </summary>
internal sealed class BottleneckProblem
{
    private readonly double[] _joint;

    private BottleneckProblem(JointDistribution joint)
    {
        _joint = joint.Probabilities.ToArray();
        InputSize = joint.Shape[0];
        OutputSize = joint.Shape[1];
        InputMarginal = joint.Marginal(0);
        OutputMarginal = joint.Marginal(1);
        Conditional = new double[_joint.Length];
        for (int x = 0; x < InputSize; x++)
        {
            Span<double> row = Conditional.AsSpan(x * OutputSize, OutputSize);
            if (InputMarginal[x] > 0)
            {
                TensorPrimitives.Divide(JointRow(x), InputMarginal[x], row);
            }
            else
            {
                OutputMarginal.CopyTo(row);
            }
        }
    }

    /// <summary>|X|.</summary>
    public int InputSize { get; }

    /// <summary>|Y|.</summary>
    public int OutputSize { get; }

    /// <summary>p(x).</summary>
    public double[] InputMarginal { get; }

    /// <summary>p(y).</summary>
    public double[] OutputMarginal { get; }

    /// <summary>p(y|x), row-major [|X| × |Y|].</summary>
    public double[] Conditional { get; }

    public ReadOnlySpan<double> JointRow(int x) => _joint.AsSpan(x * OutputSize, OutputSize);

    public ReadOnlySpan<double> ConditionalRow(int x) => Conditional.AsSpan(x * OutputSize, OutputSize);

    /// <summary>Validates the joint (two variables) and prepares it.</summary>
    public static BottleneckProblem Create(JointDistribution joint)
    {
        JointDistribution.RequireRank(joint, 2, nameof(joint));
        return new BottleneckProblem(joint);
    }

    public static void CheckClusters(int clusters)
    {
        if (clusters < 1)
        {
            ThrowHelper.ArgumentOutOfRange(nameof(clusters), clusters, string.Create(CultureInfo.InvariantCulture, $"clusters must be at least 1, got {clusters}."));
        }
    }

    public static void CheckBeta(double beta, string paramName = "beta")
    {
        if (!(beta >= 0) || double.IsPositiveInfinity(beta))
        {
            ThrowHelper.ArgumentOutOfRange(paramName, beta, string.Create(CultureInfo.InvariantCulture, $"beta must be finite and ≥ 0, got {beta}."));
        }
    }

    /// <summary>
    /// p(t) = Σₓ p(x) p(t|x) and the decoder p(y|t) = Σₓ p(x, y) p(t|x) / p(t) (p(y) where p(t) = 0); returns
    /// the unnormalised rows p(t, y) in <paramref name="decoder"/> first, then divides.
    /// </summary>
    public void Clusters(ReadOnlySpan<double> encoder, int clusters, Span<double> marginal, Span<double> decoder, Span<double> jointRows)
    {
        int ny = OutputSize;
        marginal.Clear();
        jointRows.Clear();
        for (int x = 0; x < InputSize; x++)
        {
            double px = InputMarginal[x];
            if (px == 0)
            {
                continue;
            }

            ReadOnlySpan<double> row = JointRow(x);
            for (int t = 0; t < clusters; t++)
            {
                double w = encoder[(x * clusters) + t];
                if (w == 0)
                {
                    continue;
                }

                marginal[t] += px * w;
                Span<double> target = jointRows.Slice(t * ny, ny);
                TensorPrimitives.MultiplyAdd(row, w, target, target);
            }
        }

        for (int t = 0; t < clusters; t++)
        {
            Span<double> target = decoder.Slice(t * ny, ny);
            if (marginal[t] > 0)
            {
                TensorPrimitives.Divide(jointRows.Slice(t * ny, ny), marginal[t], target);
            }
            else
            {
                OutputMarginal.CopyTo(target);
            }
        }
    }

    /// <summary>
    /// Each conditional row p(y|x) repeated |T| times, row-major [|X| × |T| × |Y|], so that KL(p(y|x) ‖ p(y|t)) for all t
    /// is one call of the row-wise KL kernel against the decoder.
    /// </summary>
    public double[] TiledConditional(int clusters)
    {
        int ny = OutputSize;
        double[] tiled = new double[InputSize * clusters * ny];
        for (int x = 0; x < InputSize; x++)
        {
            for (int t = 0; t < clusters; t++)
            {
                ConditionalRow(x).CopyTo(tiled.AsSpan(((x * clusters) + t) * ny, ny));
            }
        }

        return tiled;
    }

    /// <summary>destination[t] = KL(p(y|x) ‖ p(y|t)) in nats for every cluster t, by the row-wise KL kernel.</summary>
    public void Divergences(double[] tiled, int x, ReadOnlySpan<double> decoder, int clusters, Span<double> destination)
    {
        int block = clusters * OutputSize;
        InformationPrimitives.KullbackLeiblerRows(tiled.AsSpan(x * block, block), decoder, OutputSize, destination);
    }

    /// <summary>Builds the result for an encoder, recomputing p(t), p(y|t) and the informations from it.</summary>
    public InformationBottleneckResult Evaluate(double[] encoder, int clusters, double beta, BottleneckObjective objective, int iterations, bool converged, double residual)
    {
        int ny = OutputSize;
        double[] marginal = new double[clusters], decoder = new double[clusters * ny], jointRows = new double[clusters * ny];
        Clusters(encoder, clusters, marginal, decoder, jointRows);

        // I(T;Y) exactly as MutualInformation.Of computes I(X;Y): row-wise KL of p(t, y) against p(t)p(y). For the
        // identity encoder p(t, y) and p(t) are bitwise p(x, y) and p(x), so the two agree to the last bit.
        double[] product = new double[ny];
        double relevance = 0;
        for (int t = 0; t < clusters; t++)
        {
            if (marginal[t] == 0)
            {
                continue;
            }

            TensorPrimitives.Multiply(OutputMarginal, marginal[t], product);
            relevance += InformationPrimitives.KullbackLeibler(jointRows.AsSpan(t * ny, ny), product).Nats;
        }

        double compression = 0;
        for (int x = 0; x < InputSize; x++)
        {
            if (InputMarginal[x] > 0)
            {
                compression += InputMarginal[x] * InformationPrimitives.KullbackLeibler(encoder.AsSpan(x * clusters, clusters), marginal).Nats;
            }
        }

        double entropy = InformationPrimitives.Entropy(marginal).Nats;
        if (Array.FindIndex(marginal, m => m > 0) == Array.FindLastIndex(marginal, m => m > 0))
        {
            // One used cluster: T is constant, so all three are exactly 0 (p(t) = Σ p(x) can miss 1 by an ulp).
            compression = relevance = entropy = 0;
        }
        double value = objective switch
        {
            BottleneckObjective.Information => compression - (beta * relevance),
            BottleneckObjective.Deterministic => entropy - (beta * relevance),
            _ => -relevance,
        };

        return new InformationBottleneckResult
        {
            Encoder = encoder,
            ClusterMarginal = marginal,
            Decoder = decoder,
            Clusters = clusters,
            Compression = Information.FromNats(compression),
            Relevance = Information.FromNats(relevance),
            ClusterEntropy = Information.FromNats(entropy),
            Objective = Information.FromNats(value),
            Beta = beta,
            Iterations = iterations,
            Converged = converged,
            Residual = residual,
        };
    }

    /// <summary>A uniform double in (0, 1].</summary>
    public static double NextUnit(ref StreamRandom random) => ((random.NextUInt64() >> 11) + 1) * (1.0 / (1UL << 53));
}
