using System.Buffers;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using InfoTheory.Internal;

namespace InfoTheory.Measures.Internal;

/// <summary>
/// A probability vector after validation: the caller's span when it already sums to 1, or a
/// rescaled copy in pooled scratch when the caller asked for <c>normalize: true</c>. The
/// caller's data is never modified. Dispose returns the scratch.
/// </summary>
internal ref struct ValidatedDistribution
{
    private double[]? _rented;

    public ValidatedDistribution(ReadOnlySpan<double> p, bool normalize, [CallerArgumentExpression(nameof(p))] string name = "")
    {
        double sum = Check.Distribution(p, normalize, name);
        if (normalize && sum != 1.0)
        {
            _rented = ArrayPool<double>.Shared.Rent(p.Length);
            Span<double> scaled = _rented.AsSpan(0, p.Length);
            Normalize(p, scaled);
            Values = scaled;
        }
        else
        {
            Values = p;
        }
    }

    public ReadOnlySpan<double> Values { get; }

    /// <summary>
    /// Writes p / Σp to <paramref name="destination"/> for finite, non-negative weights with a positive sum, at any
    /// scale: the weights are first multiplied by the power of two 2^−e that brings the largest to [1, 2) (exact, so
    /// nothing is rounded), which keeps Σ below 2n instead of overflowing at 1e308 and keeps subnormal weights such as
    /// 5e-324 at full precision instead of dividing by a sum that has lost all its digits.
    /// </summary>
    public static void Normalize(ReadOnlySpan<double> p, Span<double> destination)
    {
        double max = TensorPrimitives.Max(p);
        int exponent = Math.ILogB(max);
        if (exponent != 0)
        {
            // One ScaleB per element: 2^−e itself is not representable for e ≤ −1024 (subnormal maxima).
            for (int i = 0; i < p.Length; i++)
            {
                destination[i] = Math.ScaleB(p[i], -exponent);
            }

            TensorPrimitives.Divide(destination, TensorPrimitives.Sum(destination), destination);
        }
        else
        {
            TensorPrimitives.Divide(p, TensorPrimitives.Sum(p), destination);
        }
    }

    public void Dispose()
    {
        if (_rented is not null)
        {
            ArrayPool<double>.Shared.Return(_rented);
            _rented = null;
        }
    }
}
