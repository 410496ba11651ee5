using System.Globalization;
using InfoTheory.Internal;

namespace InfoTheory.RateDistortion;

/// <summary>
/// A distortion measure d(x, x̂) ≥ 0 between |X| source symbols and |X̂| reproduction symbols, as a
/// row-major [|X| × |X̂|] table. Validated once (finite, non-negative) and copied.
/// </summary>
public sealed class DistortionMatrix
{
    private readonly double[] _values;

    /// <summary>Creates a distortion matrix from row-major values d[x·|X̂| + x̂].</summary>
    /// <param name="values">The distortions, row by row; copied.</param>
    /// <param name="sourceSize">|X|, the number of rows.</param>
    /// <param name="reproductionSize">|X̂|, the number of columns.</param>
    /// <exception cref="ArgumentOutOfRangeException">A size is less than 1.</exception>
    /// <exception cref="ArgumentException">The number of values is not |X|·|X̂|, or a value is negative, NaN or infinite.</exception>
    public DistortionMatrix(ReadOnlySpan<double> values, int sourceSize, int reproductionSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sourceSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(reproductionSize, 1);
        if ((long)sourceSize * reproductionSize != values.Length)
        {
            ThrowHelper.ArgumentException(nameof(values), string.Create(CultureInfo.InvariantCulture,
                $"values has {values.Length} elements but {sourceSize} × {reproductionSize} = {(long)sourceSize * reproductionSize} are needed."));
        }

        for (int i = 0; i < values.Length; i++)
        {
            if (!double.IsFinite(values[i]) || values[i] < 0)
            {
                ThrowHelper.ArgumentException(nameof(values), string.Create(CultureInfo.InvariantCulture,
                    $"values has {values[i]} at row {i / reproductionSize}, column {i % reproductionSize}; distortions must be finite and ≥ 0."));
            }
        }

        _values = values.ToArray();
        SourceSize = sourceSize;
        ReproductionSize = reproductionSize;
    }

    /// <summary>|X|: the number of source symbols (rows).</summary>
    public int SourceSize { get; }

    /// <summary>|X̂|: the number of reproduction symbols (columns).</summary>
    public int ReproductionSize { get; }

    /// <summary>The distortions in row-major order.</summary>
    public ReadOnlySpan<double> Values => _values;

    /// <summary>d(x, x̂).</summary>
    /// <param name="x">The source symbol.</param>
    /// <param name="reproduction">The reproduction symbol.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="x"/> or <paramref name="reproduction"/> is outside the matrix.</exception>
    public double this[int x, int reproduction]
    {
        get
        {
            if ((uint)x >= (uint)SourceSize)
            {
                ThrowHelper.ArgumentOutOfRange(nameof(x), x, string.Create(CultureInfo.InvariantCulture, $"x must be between 0 and {SourceSize - 1}, got {x}."));
            }

            if ((uint)reproduction >= (uint)ReproductionSize)
            {
                ThrowHelper.ArgumentOutOfRange(nameof(reproduction), reproduction, string.Create(CultureInfo.InvariantCulture,
                    $"reproduction must be between 0 and {ReproductionSize - 1}, got {reproduction}."));
            }

            return _values[(x * ReproductionSize) + reproduction];
        }
    }

    /// <summary>Hamming distortion on an alphabet of size n: d(x, x̂) = 0 if x = x̂, else 1.</summary>
    /// <param name="size">The alphabet size n ≥ 1 (source and reproduction).</param>
    /// <returns>The n × n matrix.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="size"/> is less than 1.</exception>
    public static DistortionMatrix Hamming(int size)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        MemoryBudget.Require((long)size * size, sizeof(double), nameof(size), string.Create(CultureInfo.InvariantCulture, $"A {size} × {size} Hamming distortion matrix"));
        double[] d = new double[size * size];
        for (int i = 0; i < size; i++)
        {
            for (int j = 0; j < size; j++)
            {
                d[(i * size) + j] = i == j ? 0 : 1;
            }
        }

        return new DistortionMatrix(d, size, size);
    }

    /// <summary>Squared-error distortion d(x, x̂) = (aₓ − b_x̂)² between source points a and reproduction points b.</summary>
    /// <param name="sourcePoints">The value aₓ of each source symbol.</param>
    /// <param name="reproductionPoints">The value b_x̂ of each reproduction symbol.</param>
    /// <returns>The |a| × |b| matrix.</returns>
    /// <exception cref="ArgumentException">A point set is empty or contains a non-finite value.</exception>
    public static DistortionMatrix SquaredError(ReadOnlySpan<double> sourcePoints, ReadOnlySpan<double> reproductionPoints)
    {
        if (sourcePoints.IsEmpty || reproductionPoints.IsEmpty)
        {
            ThrowHelper.ArgumentException(sourcePoints.IsEmpty ? nameof(sourcePoints) : nameof(reproductionPoints), "Both point sets need at least one point.");
        }

        CheckPoints(sourcePoints, nameof(sourcePoints));
        CheckPoints(reproductionPoints, nameof(reproductionPoints));
        MemoryBudget.Require((long)sourcePoints.Length * reproductionPoints.Length, sizeof(double), nameof(reproductionPoints),
            string.Create(CultureInfo.InvariantCulture, $"A {sourcePoints.Length} × {reproductionPoints.Length} squared-error distortion matrix"));

        // The largest squared difference comes from the extremes of the two sets; it must be finite to be a distortion.
        double spread = Math.Max(Math.Abs(Max(sourcePoints) - Min(reproductionPoints)), Math.Abs(Max(reproductionPoints) - Min(sourcePoints)));
        if (!double.IsFinite(spread * spread))
        {
            ThrowHelper.ArgumentException(nameof(reproductionPoints), string.Create(CultureInfo.InvariantCulture,
                $"The points are too far apart: the largest squared difference ({spread:G3})² is not a finite double. Rescale both point sets first."));
        }

        double[] d = new double[sourcePoints.Length * reproductionPoints.Length];
        for (int i = 0; i < sourcePoints.Length; i++)
        {
            for (int j = 0; j < reproductionPoints.Length; j++)
            {
                double e = sourcePoints[i] - reproductionPoints[j];
                d[(i * reproductionPoints.Length) + j] = e * e;
            }
        }

        return new DistortionMatrix(d, sourcePoints.Length, reproductionPoints.Length);
    }

    private static void CheckPoints(ReadOnlySpan<double> points, string name)
    {
        for (int i = 0; i < points.Length; i++)
        {
            if (!double.IsFinite(points[i]))
            {
                ThrowHelper.ArgumentException(name, string.Create(CultureInfo.InvariantCulture, $"{name} contains the non-finite value {points[i]} at index {i}; points must be finite."));
            }
        }
    }

    private static double Max(ReadOnlySpan<double> points) => System.Numerics.Tensors.TensorPrimitives.Max(points);

    private static double Min(ReadOnlySpan<double> points) => System.Numerics.Tensors.TensorPrimitives.Min(points);
}
