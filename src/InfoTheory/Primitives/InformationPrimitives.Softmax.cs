
using InfoTheory.Internal;
using InfoTheory.Primitives.Simd;

namespace InfoTheory.Primitives;

public static partial class InformationPrimitives
{
    /// <summary>
    /// Entropy of softmax(logits / T) computed from the logits without materialising the softmax:
    /// with zᵢ = (xᵢ − max x) / T and Z = Σ e^(zᵢ), H = ln Z − Σ e^(zᵢ)·zᵢ / Z.
    /// </summary>
    /// <param name="logits">The logits of one distribution (a row of an attention map, the next-token logits of a language model).
    /// −∞ is allowed and means probability 0 (masked positions).</param>
    /// <param name="temperature">The softmax temperature T &gt; 0 (default 1).</param>
    /// <returns>The entropy of the softmax distribution, between 0 and ln n; 0 for an empty span; NaN if every logit is −∞, or any is +∞ or NaN.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="temperature"/> is not finite and positive.</exception>
    /// <remarks>Two passes over the logits (maximum, then the exponential sums), no allocation.</remarks>
    public static Information SoftmaxEntropy(ReadOnlySpan<double> logits, double temperature = 1.0) =>
        Information.FromNats(Kernels.SoftmaxEntropy(logits, Check.InverseTemperature(temperature)));

    /// <inheritdoc cref="SoftmaxEntropy(ReadOnlySpan{double}, double)"/>
    public static Information SoftmaxEntropy(ReadOnlySpan<float> logits, double temperature = 1.0) =>
        Information.FromNats(Kernels.SoftmaxEntropy(logits, Check.InverseTemperature(temperature)));

    /// <summary>
    /// KL(p‖q) between p = softmax(logitsP / T) and q = softmax(logitsQ / T), from the logits:
    /// with a = (x − max x)/T and b = (y − max y)/T, KL = Σ e^(aᵢ)(aᵢ − bᵢ) / Zₚ − ln Zₚ + ln Z_q.
    /// The distillation loss and the policy KL of reinforcement learning from feedback.
    /// </summary>
    /// <param name="logitsP">The logits of p (the teacher, or the new policy). −∞ means probability 0.</param>
    /// <param name="logitsQ">The logits of q, as long as <paramref name="logitsP"/>.</param>
    /// <param name="temperature">The softmax temperature T &gt; 0 applied to both (default 1).</param>
    /// <returns>KL(p‖q) ≥ 0; +∞ where q has a −∞ logit at a position p gives mass; 0 for empty spans; NaN for a row with no finite maximum.</returns>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="temperature"/> is not finite and positive.</exception>
    public static Information SoftmaxKullbackLeibler(ReadOnlySpan<double> logitsP, ReadOnlySpan<double> logitsQ, double temperature = 1.0)
    {
        Check.SameLength(logitsP.Length, logitsQ.Length);
        return Information.FromNats(Kernels.SoftmaxKullbackLeibler(logitsP, logitsQ, Check.InverseTemperature(temperature)));
    }

    /// <inheritdoc cref="SoftmaxKullbackLeibler(ReadOnlySpan{double}, ReadOnlySpan{double}, double)"/>
    public static Information SoftmaxKullbackLeibler(ReadOnlySpan<float> logitsP, ReadOnlySpan<float> logitsQ, double temperature = 1.0)
    {
        Check.SameLength(logitsP.Length, logitsQ.Length);
        return Information.FromNats(Kernels.SoftmaxKullbackLeibler(logitsP, logitsQ, Check.InverseTemperature(temperature)));
    }

    /// <summary>
    /// Cross-entropy H(p, q) = −Σ pᵢ ln qᵢ between p = softmax(logitsP / T) and q = softmax(logitsQ / T), from the logits:
    /// H = ln Z_q − Σ e^(aᵢ)·bᵢ / Zₚ with a, b the shifted, scaled logits.
    /// </summary>
    /// <param name="logitsP">The logits of p. −∞ means probability 0.</param>
    /// <param name="logitsQ">The logits of q, as long as <paramref name="logitsP"/>.</param>
    /// <param name="temperature">The softmax temperature T &gt; 0 applied to both (default 1).</param>
    /// <returns>H(p, q) = H(p) + KL(p‖q); 0 for empty spans; NaN for a row with no finite maximum.</returns>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="temperature"/> is not finite and positive.</exception>
    public static Information SoftmaxCrossEntropy(ReadOnlySpan<double> logitsP, ReadOnlySpan<double> logitsQ, double temperature = 1.0)
    {
        Check.SameLength(logitsP.Length, logitsQ.Length);
        return Information.FromNats(Kernels.SoftmaxCrossEntropy(logitsP, logitsQ, Check.InverseTemperature(temperature)));
    }

    /// <inheritdoc cref="SoftmaxCrossEntropy(ReadOnlySpan{double}, ReadOnlySpan{double}, double)"/>
    public static Information SoftmaxCrossEntropy(ReadOnlySpan<float> logitsP, ReadOnlySpan<float> logitsQ, double temperature = 1.0)
    {
        Check.SameLength(logitsP.Length, logitsQ.Length);
        return Information.FromNats(Kernels.SoftmaxCrossEntropy(logitsP, logitsQ, Check.InverseTemperature(temperature)));
    }

    /// <summary>
    /// Row-wise softmax entropy: for each row r of the row-major logits [rows × <paramref name="rowLength"/>]
    /// (an attention map [batch·heads·queries × keys], or token logits [tokens × vocabulary]),
    /// <c>destination[r]</c> = H(softmax(row r / T)) in the unit of <paramref name="logBase"/>.
    /// </summary>
    /// <param name="logits">The rows of logits, row after row.</param>
    /// <param name="rowLength">The number of logits in a row; must divide <c>logits.Length</c>.</param>
    /// <param name="destination">Receives one value per row; must hold at least <c>logits.Length / rowLength</c> elements.</param>
    /// <param name="temperature">The softmax temperature T &gt; 0 (default 1).</param>
    /// <param name="logBase">The unit of the results (default nats).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rowLength"/> is less than 1, or <paramref name="temperature"/> is not finite and positive.</exception>
    /// <exception cref="ArgumentException"><paramref name="rowLength"/> does not divide the length, or <paramref name="destination"/> is too short.</exception>
    public static void SoftmaxEntropyRows(ReadOnlySpan<double> logits, int rowLength, Span<double> destination, double temperature = 1.0, LogBase logBase = LogBase.E)
    {
        double inverseTemperature = Check.InverseTemperature(temperature);
        Rows.Validate(logits.Length, rowLength, destination.Length, nameof(logits));
        Rows.Run(new SoftmaxEntropyRow<double>(inverseTemperature), logits, default, rowLength, destination, Information.NatsPer(logBase, nameof(logBase)));
    }

    /// <inheritdoc cref="SoftmaxEntropyRows(ReadOnlySpan{double}, int, Span{double}, double, LogBase)"/>
    public static void SoftmaxEntropyRows(ReadOnlySpan<float> logits, int rowLength, Span<float> destination, double temperature = 1.0, LogBase logBase = LogBase.E)
    {
        double inverseTemperature = Check.InverseTemperature(temperature);
        Rows.Validate(logits.Length, rowLength, destination.Length, nameof(logits));
        Rows.Run(new SoftmaxEntropyRow<float>(inverseTemperature), logits, default, rowLength, destination, Information.NatsPer(logBase, nameof(logBase)));
    }

    /// <summary>
    /// Row-wise softmax KL divergence: <c>destination[r]</c> = KL(softmax(logitsP[r] / T) ‖ softmax(logitsQ[r] / T))
    /// for each row of two row-major logit matrices of the same shape, in the unit of <paramref name="logBase"/>.
    /// </summary>
    /// <param name="logitsP">The rows of logits of p.</param>
    /// <param name="logitsQ">The rows of logits of q, same shape as <paramref name="logitsP"/>.</param>
    /// <param name="rowLength">The number of logits in a row; must divide the length.</param>
    /// <param name="destination">Receives one value per row; must hold at least <c>logitsP.Length / rowLength</c> elements.</param>
    /// <param name="temperature">The softmax temperature T &gt; 0 (default 1).</param>
    /// <param name="logBase">The unit of the results (default nats).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rowLength"/> is less than 1, or <paramref name="temperature"/> is not finite and positive.</exception>
    /// <exception cref="ArgumentException">The lengths differ, <paramref name="rowLength"/> does not divide them, or <paramref name="destination"/> is too short.</exception>
    public static void SoftmaxKullbackLeiblerRows(ReadOnlySpan<double> logitsP, ReadOnlySpan<double> logitsQ, int rowLength, Span<double> destination, double temperature = 1.0, LogBase logBase = LogBase.E)
    {
        Check.SameLength(logitsP.Length, logitsQ.Length);
        double inverseTemperature = Check.InverseTemperature(temperature);
        Rows.Validate(logitsP.Length, rowLength, destination.Length, nameof(logitsP));
        Rows.Run(new SoftmaxKullbackLeiblerRow<double>(inverseTemperature), logitsP, logitsQ, rowLength, destination, Information.NatsPer(logBase, nameof(logBase)));
    }

    /// <inheritdoc cref="SoftmaxKullbackLeiblerRows(ReadOnlySpan{double}, ReadOnlySpan{double}, int, Span{double}, double, LogBase)"/>
    public static void SoftmaxKullbackLeiblerRows(ReadOnlySpan<float> logitsP, ReadOnlySpan<float> logitsQ, int rowLength, Span<float> destination, double temperature = 1.0, LogBase logBase = LogBase.E)
    {
        Check.SameLength(logitsP.Length, logitsQ.Length);
        double inverseTemperature = Check.InverseTemperature(temperature);
        Rows.Validate(logitsP.Length, rowLength, destination.Length, nameof(logitsP));
        Rows.Run(new SoftmaxKullbackLeiblerRow<float>(inverseTemperature), logitsP, logitsQ, rowLength, destination, Information.NatsPer(logBase, nameof(logBase)));
    }

    /// <summary>
    /// Row-wise softmax cross-entropy: <c>destination[r]</c> = H(softmax(logitsP[r] / T), softmax(logitsQ[r] / T))
    /// for each row of two row-major logit matrices of the same shape, in the unit of <paramref name="logBase"/>.
    /// </summary>
    /// <param name="logitsP">The rows of logits of p.</param>
    /// <param name="logitsQ">The rows of logits of q, same shape as <paramref name="logitsP"/>.</param>
    /// <param name="rowLength">The number of logits in a row; must divide the length.</param>
    /// <param name="destination">Receives one value per row; must hold at least <c>logitsP.Length / rowLength</c> elements.</param>
    /// <param name="temperature">The softmax temperature T &gt; 0 (default 1).</param>
    /// <param name="logBase">The unit of the results (default nats).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rowLength"/> is less than 1, or <paramref name="temperature"/> is not finite and positive.</exception>
    /// <exception cref="ArgumentException">The lengths differ, <paramref name="rowLength"/> does not divide them, or <paramref name="destination"/> is too short.</exception>
    public static void SoftmaxCrossEntropyRows(ReadOnlySpan<double> logitsP, ReadOnlySpan<double> logitsQ, int rowLength, Span<double> destination, double temperature = 1.0, LogBase logBase = LogBase.E)
    {
        Check.SameLength(logitsP.Length, logitsQ.Length);
        double inverseTemperature = Check.InverseTemperature(temperature);
        Rows.Validate(logitsP.Length, rowLength, destination.Length, nameof(logitsP));
        Rows.Run(new SoftmaxCrossEntropyRow<double>(inverseTemperature), logitsP, logitsQ, rowLength, destination, Information.NatsPer(logBase, nameof(logBase)));
    }

    /// <inheritdoc cref="SoftmaxCrossEntropyRows(ReadOnlySpan{double}, ReadOnlySpan{double}, int, Span{double}, double, LogBase)"/>
    public static void SoftmaxCrossEntropyRows(ReadOnlySpan<float> logitsP, ReadOnlySpan<float> logitsQ, int rowLength, Span<float> destination, double temperature = 1.0, LogBase logBase = LogBase.E)
    {
        Check.SameLength(logitsP.Length, logitsQ.Length);
        double inverseTemperature = Check.InverseTemperature(temperature);
        Rows.Validate(logitsP.Length, rowLength, destination.Length, nameof(logitsP));
        Rows.Run(new SoftmaxCrossEntropyRow<float>(inverseTemperature), logitsP, logitsQ, rowLength, destination, Information.NatsPer(logBase, nameof(logBase)));
    }
}
