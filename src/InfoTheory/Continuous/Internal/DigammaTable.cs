using System.Runtime.CompilerServices;
using MathNet.Numerics;

namespace InfoTheory.Continuous.Internal;

/// <summary>
/// ψ(1), …, ψ(max) for the neighbour counts of one estimate, each value from MathNet's digamma, computed on first use
/// (counts cluster on few distinct values, so far fewer than max evaluations happen). Not thread-safe: one instance per
/// estimate, read serially.
/// </summary>
/// <remarks>
/// The values come straight from <see cref="SpecialFunctions.DiGamma(double)"/> rather than the recurrence
/// ψ(m + 1) = ψ(m) + 1/m, whose rounding errors add up to about m·10⁻¹⁶ by m = 10⁶.
/// </remarks>
internal sealed class DigammaTable
{
    private readonly double[] _values;

    /// <summary>A table for arguments 1 … <paramref name="maxArgument"/>.</summary>
    public DigammaTable(int maxArgument)
    {
        _values = new double[maxArgument + 1];
        _values.AsSpan().Fill(double.NaN);
    }

    /// <summary>ψ(<paramref name="m"/>) for 1 ≤ m ≤ the table's maximum.</summary>
    public double this[int m]
    {
        get
        {
            double value = _values[m];
            if (double.IsNaN(value))
            {
                value = SpecialFunctions.DiGamma(m);
                _values[m] = value;
            }

            return value;
        }
    }

    /// <summary>Σᵢ ψ(arguments[i] + <paramref name="offset"/>), added in index order.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public double Sum(ReadOnlySpan<int> arguments, int offset)
    {
        double sum = 0;
        foreach (int m in arguments)
        {
            sum += this[m + offset];
        }

        return sum;
    }
}
