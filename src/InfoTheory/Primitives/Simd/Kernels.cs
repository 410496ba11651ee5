using System.Numerics;

namespace InfoTheory.Primitives.Simd;

/// <summary>
/// The numeric cores of <see cref="Primitives.InformationPrimitives"/>, generic over the element type and
/// returning nats. Shapes are validated by the callers; values are not (IEEE rules apply).
/// </summary>
internal static class Kernels
{
    public static double Entropy<T>(ReadOnlySpan<T> p)
        where T : unmanaged, INumberBase<T> =>
        0.0 - Reduce.Sum(default(XLogXTerm), p);

    /// <summary>ln N − Σ c ln c / N with N = Σ c; 0 for an empty or all-zero vector. Counts must be ≥ 0.</summary>
    public static double EntropyOfCounts<T>(ReadOnlySpan<T> counts)
        where T : unmanaged, INumberBase<T>
    {
        // Exact for totals below 2^53.
        double total = Reduce.Sum(default(IdentityTerm), counts);
        return total == 0 ? 0 : Math.Log(total) - (Reduce.Sum(default(XLogXTerm), counts) / total);
    }

    public static double CrossEntropy<T>(ReadOnlySpan<T> p, ReadOnlySpan<T> q)
        where T : unmanaged, INumberBase<T> =>
        0.0 - Reduce.Sum(default(XLogYTerm), p, q);

    public static double KullbackLeibler<T>(ReadOnlySpan<T> p, ReadOnlySpan<T> q)
        where T : unmanaged, INumberBase<T> =>
        Reduce.Sum(default(RelativeEntropyTerm), p, q);

    /// <summary>Jensen-Shannon divergence ½ Σ [p ln(2p/(p+q)) + q ln(2q/(p+q))].</summary>
    public static double JensenShannon<T>(ReadOnlySpan<T> p, ReadOnlySpan<T> q)
        where T : unmanaged, INumberBase<T> =>
        0.5 * Reduce.Sum(default(JensenShannonTerm), p, q);

    public static double LogSumExp<T>(ReadOnlySpan<T> x)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (x.IsEmpty)
        {
            return double.NegativeInfinity;
        }

        double max = double.CreateTruncating(VectorMax.Max(x));
        return double.IsFinite(max) ? max + Math.Log(Reduce.Sum(new ShiftedExpTerm(max), x)) : max;
    }

    public static double SoftmaxEntropy<T>(ReadOnlySpan<T> logits, double inverseTemperature)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (logits.IsEmpty)
        {
            return 0;
        }

        double max = double.CreateTruncating(VectorMax.Max(logits));
        if (!double.IsFinite(max))
        {
            return double.NaN;
        }

        (double z, double weighted, _) = Reduce.Sum3(new SoftmaxEntropyTerms(max, inverseTemperature), logits, logits);
        return Math.Log(z) - (weighted / z);
    }

    /// <summary>
    /// Entropy and varentropy (the variance of the surprisal −ln p) of softmax(logits·s) in one pass after the maximum:
    /// with t = (x − max)·s, H = ln Z − A/Z and V = B/Z − (A/Z)² (Z, A, B = Σeᵗ, Σeᵗt, Σeᵗt²); V is clamped at 0 against
    /// rounding. (0, 0) for an empty row; (NaN, NaN) when no logit is finite or one is +∞ or NaN.
    /// </summary>
    public static (double Entropy, double Varentropy) SoftmaxEntropyAndVarentropy<T>(ReadOnlySpan<T> logits, double inverseTemperature)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (logits.IsEmpty)
        {
            return (0, 0);
        }

        double max = double.CreateTruncating(VectorMax.Max(logits));
        if (!double.IsFinite(max))
        {
            return (double.NaN, double.NaN);
        }

        (double z, double a, double b) = Reduce.Sum3(new SoftmaxMomentTerms(max, inverseTemperature), logits, logits);
        double mean = a / z;
        return (Math.Log(z) - mean, Math.Max(0, (b / z) - (mean * mean)));
    }

    public static double SoftmaxKullbackLeibler<T>(ReadOnlySpan<T> logitsP, ReadOnlySpan<T> logitsQ, double inverseTemperature)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (!SoftmaxPairSums(logitsP, logitsQ, inverseTemperature, difference: true, out double zp, out double weighted, out double zq))
        {
            return logitsP.IsEmpty ? 0 : double.NaN;
        }

        return (weighted / zp) - Math.Log(zp) + Math.Log(zq);
    }

    public static double SoftmaxCrossEntropy<T>(ReadOnlySpan<T> logitsP, ReadOnlySpan<T> logitsQ, double inverseTemperature)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (!SoftmaxPairSums(logitsP, logitsQ, inverseTemperature, difference: false, out double zp, out double weighted, out double zq))
        {
            return logitsP.IsEmpty ? 0 : double.NaN;
        }

        return Math.Log(zq) - (weighted / zp);
    }

    private static bool SoftmaxPairSums<T>(ReadOnlySpan<T> logitsP, ReadOnlySpan<T> logitsQ, double inverseTemperature, bool difference,
        out double zp, out double weighted, out double zq)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        zp = weighted = zq = 0;
        if (logitsP.IsEmpty)
        {
            return false;
        }

        double maxP = double.CreateTruncating(VectorMax.Max(logitsP));
        double maxQ = double.CreateTruncating(VectorMax.Max(logitsQ));
        if (!double.IsFinite(maxP) || !double.IsFinite(maxQ))
        {
            return false;
        }

        (zp, weighted, zq) = Reduce.Sum3(new SoftmaxPairTerms(maxP, maxQ, inverseTemperature, difference), logitsP, logitsQ);
        return true;
    }

    /// <summary>Rényi entropy of order α ∈ [0, ∞] (validated by the caller) of a probability vector, in nats.</summary>
    public static double RenyiEntropy<T>(ReadOnlySpan<T> p, double alpha)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (p.IsEmpty)
        {
            return 0;
        }

        return alpha switch
        {
            0 => Math.Log(Reduce.Sum(default(PositiveTerm), p)),
            1 => Entropy(p),
            2 => 0.0 - Math.Log(Reduce.Sum(default(SquareTerm), p)),
            double.PositiveInfinity => 0.0 - Math.Log(double.CreateTruncating(VectorMax.Max(p))),
            _ => GeneralRenyi(p, alpha),
        };
    }

    /// <summary>ln Σ p^α = α ln m + ln Σ (p/m)^α with m = max p, so the sum cannot underflow at large α.</summary>
    private static double GeneralRenyi<T>(ReadOnlySpan<T> p, double alpha)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        double max = double.CreateTruncating(VectorMax.Max(p));
        if (!(max >= 2.2250738585072014E-308) || !double.IsFinite(max))
        {
            return Math.Log(Reduce.Sum(new PowerTerm(alpha), p)) / (1 - alpha);
        }

        return ((alpha * Math.Log(max)) + Math.Log(Reduce.Sum(new PowerTerm(alpha, 1.0 / max), p))) / (1 - alpha);
    }
}
