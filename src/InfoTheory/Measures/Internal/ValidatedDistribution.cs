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
            TensorPrimitives.Divide(p, sum, scaled);
            Values = scaled;
        }
        else
        {
            Values = p;
        }
    }

    public ReadOnlySpan<double> Values { get; }

    public void Dispose()
    {
        if (_rented is not null)
        {
            ArrayPool<double>.Shared.Return(_rented);
            _rented = null;
        }
    }
}
