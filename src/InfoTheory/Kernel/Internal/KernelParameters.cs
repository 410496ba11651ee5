using System.Numerics.Tensors;

namespace InfoTheory.Kernel.Internal;

/// <summary>A <see cref="KernelFunction"/> with its bandwidth resolved for one sample set: maps dot products to kernel values.</summary>
internal readonly struct KernelParameters
{
    public KernelParameters(KernelType type, double bandwidth, int degree, double scale, double offset)
    {
        Type = type;
        Bandwidth = bandwidth;
        Degree = degree;
        Scale = scale;
        Offset = offset;
    }

    public KernelType Type { get; }

    public double Bandwidth { get; }

    public int Degree { get; }

    public double Scale { get; }

    public double Offset { get; }

    /// <summary>k(x, x) from ‖x‖²: exactly 1 for the distance kernels.</summary>
    public double Diagonal(double squaredNorm) => Type switch
    {
        KernelType.Gaussian or KernelType.Laplacian => 1.0,
        KernelType.Linear => squaredNorm,
        _ => IntegerPower((Scale * squaredNorm) + Offset, Degree),
    };

    /// <summary>
    /// In place: values[j] holds xᵢ·xⱼ on entry and k(xᵢ, xⱼ) on exit; <paramref name="normsJ"/>[j] = ‖xⱼ‖².
    /// Every entry goes through the same sequence of element-wise operations, so the result does not depend on how
    /// a row is split into segments.
    /// </summary>
    public void Transform(double normI, ReadOnlySpan<double> normsJ, Span<double> values)
    {
        switch (Type)
        {
            case KernelType.Gaussian:
                SquaredDistances(normI, normsJ, values);
                TensorPrimitives.Multiply(values, -1.0 / (2 * Bandwidth * Bandwidth), values);
                TensorPrimitives.Exp(values, values);
                break;
            case KernelType.Laplacian:
                SquaredDistances(normI, normsJ, values);
                TensorPrimitives.Sqrt(values, values);
                TensorPrimitives.Multiply(values, -1.0 / Bandwidth, values);
                TensorPrimitives.Exp(values, values);
                break;
            case KernelType.Linear:
                break;
            default:
                for (int j = 0; j < values.Length; j++)
                {
                    values[j] = IntegerPower((Scale * values[j]) + Offset, Degree);
                }

                break;
        }
    }

    /// <summary>‖xᵢ‖² + ‖xⱼ‖² − 2 xᵢ·xⱼ, clamped at 0 (rounding can make it slightly negative for near neighbours).</summary>
    /// <remarks>
    /// (‖xᵢ‖² + ‖xⱼ‖²) is added first: addition commutes exactly, so the (i, j) and (j, i) entries get the same bits,
    /// which keeps the matrix exactly row-permutation equivariant.
    /// </remarks>
    private static void SquaredDistances(double normI, ReadOnlySpan<double> normsJ, Span<double> values)
    {
        const int Chunk = 64;
        Span<double> sums = stackalloc double[Chunk];
        for (int start = 0; start < values.Length; start += Chunk)
        {
            int length = Math.Min(Chunk, values.Length - start);
            Span<double> chunk = values.Slice(start, length);
            TensorPrimitives.Add(normsJ.Slice(start, length), normI, sums[..length]);
            TensorPrimitives.MultiplyAdd(chunk, -2.0, sums[..length], chunk);
        }

        TensorPrimitives.Max(values, 0.0, values);
    }

    /// <summary>x^p for p ≥ 1 by repeated squaring (exact for small p, no Math.Pow domain issues for negative x).</summary>
    public static double IntegerPower(double x, int p)
    {
        double result = 1;
        while (p > 0)
        {
            if ((p & 1) != 0)
            {
                result *= x;
            }

            x *= x;
            p >>= 1;
        }

        return result;
    }
}
