namespace InfoTheory.Primitives;

/// <summary>
/// SIMD span kernels for information measures: entropy of probability and count vectors,
/// cross-entropy and Kullback-Leibler divergence, log-sum-exp, Rényi entropy, and the softmax
/// family computed straight from logits — each also row-wise over a row-major matrix.
/// </summary>
/// <remarks>
/// <para>
/// These are the library's performance-critical core. They check shapes (lengths, row length,
/// destination size, parameters) and throw before any work, but they do not scan values:
/// invalid values follow IEEE rules (a negative probability or a NaN gives NaN). The validating
/// facades <c>Entropy</c> and <c>Divergence</c> in <c>InfoTheory.Measures</c> check values too.
/// </para>
/// <para>
/// All kernels are allocation-free, accumulate in double (float inputs are widened on load),
/// use the widest vector width the machine accelerates (512, 256 or 128 bits, else scalar)
/// and add in a fixed order, so equal inputs give equal bits on one machine.
/// Convention: 0·log 0 = 0. Scalar results are <see cref="Information"/>; row-wise results
/// are written in the unit chosen by a <see cref="LogBase"/> argument (nats by default).
/// </para>
/// </remarks>
public static partial class InformationPrimitives
{
}
