using System.Diagnostics;
using System.Runtime.CompilerServices;
using InfoTheory.Internal;

namespace InfoTheory.Continuous.Internal;

/// <summary>
/// The preparation every k-NN estimator applies before its neighbour search: per-column scaling
/// (<see cref="SampleScaling"/>), then seeded tie-breaking jitter (<see cref="TieHandling"/>), on a copy of the data.
/// </summary>
/// <remarks>
/// The jitter of a column is drawn from a <see cref="StreamRandom"/> stream keyed by the estimator's seed and a hash of the
/// column's values (after scaling), plus an occurrence number when several columns of one estimate have the same values.
/// So the noise does not depend on a column's position: swapping the variables of a symmetric estimate swaps their noise
/// with them, and two identical constant columns still get independent noise.
/// </remarks>
internal sealed class KnnSamples
{
    /// <summary>The jitter half-width relative to the column's standard deviation (absolute for a constant column).</summary>
    public const double JitterAmplitude = 1e-10;

    private readonly SampleScaling _scaling;
    private readonly TieHandling _ties;
    private readonly int _seed;
    private readonly Dictionary<ulong, int> _occurrences = [];

    private KnnSamples(SampleScaling scaling, TieHandling ties, int seed)
    {
        _scaling = scaling;
        _ties = ties;
        _seed = seed;
    }

    /// <summary>
    /// Prepares the samples of several variables, each column with its own statistics. Returns the inputs themselves
    /// when there is nothing to do.
    /// </summary>
    public static SampleMatrix[] Prepare(ReadOnlySpan<SampleMatrix> variables, SampleScaling scaling, TieHandling ties, int seed)
    {
        var preparation = new KnnSamples(scaling, ties, seed);
        int exponent = CommonExponent(variables);
        SampleMatrix[] result = new SampleMatrix[variables.Length];
        for (int v = 0; v < variables.Length; v++)
        {
            result[v] = preparation.Run(variables[v], null, exponent, out _);
        }

        return result;
    }

    /// <summary>
    /// Prepares one sample and returns Σⱼ ln sⱼ, the log of the factor by which <see cref="SampleScaling.Standardize"/>
    /// shrank the volume (0 for the other scalings), so that an entropy estimate on the result plus it estimates the
    /// entropy of the original data.
    /// </summary>
    public static SampleMatrix Prepare(SampleMatrix samples, SampleScaling scaling, TieHandling ties, int seed, out double logScale) =>
        new KnnSamples(scaling, ties, seed).Run(samples, null, CommonExponent([samples]), out logScale);

    /// <summary>
    /// Prepares two samples of one variable with the same per-column map, fitted on <paramref name="p"/> (centre, scale
    /// and jitter amplitude), so that the pair is transformed by one invertible map and a divergence between them is
    /// unchanged. <paramref name="logScale"/> is Σⱼ ln sⱼ of that map, as for one sample.
    /// <see cref="SampleScaling.NormalScores"/> is not supported here.
    /// </summary>
    public static (SampleMatrix P, SampleMatrix Q) PrepareCommon(SampleMatrix p, SampleMatrix q, SampleScaling scaling, TieHandling ties, int seed, out double logScale)
    {
        Debug.Assert(scaling != SampleScaling.NormalScores, "Normal scores are not one map for two samples.");
        var preparation = new KnnSamples(scaling, ties, seed);
        int exponent = CommonExponent([p, q]);
        SampleMatrix preparedP = preparation.Run(p, null, exponent, out logScale);
        SampleMatrix preparedQ = preparation.Run(q, p, exponent, out _);
        return (preparedP, preparedQ);
    }

    /// <summary>A new matrix of the chosen rows of <paramref name="samples"/>, in the order given.</summary>
    public static SampleMatrix SelectRows(SampleMatrix samples, ReadOnlySpan<int> rows)
    {
        int d = samples.Columns;
        double[] data = new double[rows.Length * d];
        for (int t = 0; t < rows.Length; t++)
        {
            samples.Row(rows[t]).CopyTo(data.AsSpan(t * d, d));
        }

        return SampleMatrix.FromRowMajor(data, d);
    }

    /// <summary>
    /// Values whose magnitudes lie within [2⁻⁴⁰⁰, 2⁴⁰⁰] are used as they are: their squares, sums of n ≤ 2³¹ squares and
    /// squared differences down to one ulp of the largest value are all normal doubles. Outside that range the data are
    /// first multiplied by a power of two (exact), so that squaring neither overflows (1e300) nor underflows (1e-300).
    /// </summary>
    private const int SafeExponent = 400;

    /// <summary>
    /// The power-of-two exponent e that brings values whose largest magnitude is <paramref name="maxAbs"/> into
    /// [1, 2) when they lie outside the safe range, else 0 (the values are used as they are, bit for bit as before).
    /// </summary>
    public static int ScaleExponent(double maxAbs)
    {
        if (!(maxAbs > 0))
        {
            return 0;
        }

        int log2 = Math.ILogB(maxAbs);
        return log2 is < -SafeExponent or > SafeExponent ? -log2 : 0;
    }

    /// <summary>The largest |value|.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double MaxAbs(ReadOnlySpan<double> values)
    {
        double max = 0;
        foreach (double v in values)
        {
            max = Math.Max(max, Math.Abs(v));
        }

        return max;
    }

    /// <summary>
    /// Mean and sample standard deviation (divisor n − 1; 0 for one value), two passes in index order, computed on the
    /// values times 2^<paramref name="exponent"/> (see <see cref="ScaleExponent"/>) so that no square overflows or
    /// underflows; both results are in those scaled units.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static (double Mean, double StandardDeviation) MeanAndStandardDeviation(ReadOnlySpan<double> values, int exponent)
    {
        double factor = Math.ScaleB(1.0, exponent);
        double sum = 0;
        foreach (double v in values)
        {
            sum += v * factor;
        }

        double mean = sum / values.Length;
        double squares = 0;
        foreach (double v in values)
        {
            double t = (v * factor) - mean;
            squares += t * t;
        }

        return (mean, values.Length > 1 ? Math.Sqrt(squares / (values.Length - 1)) : 0);
    }

    /// <summary>
    /// Mean and sample standard deviation (divisor n − 1; 0 for one value) in the units of <paramref name="values"/>,
    /// exact to rounding over the whole double range: the moments are taken on values scaled by a power of two when
    /// squaring them directly would overflow or underflow.
    /// </summary>
    public static (double Mean, double StandardDeviation) MeanAndStandardDeviation(ReadOnlySpan<double> values)
    {
        int exponent = ScaleExponent(MaxAbs(values));
        (double mean, double sd) = MeanAndStandardDeviation(values, exponent);
        return (Math.ScaleB(mean, -exponent), Math.ScaleB(sd, -exponent));
    }

    /// <summary>
    /// For <see cref="SampleScaling.None"/>: one power-of-two exponent for all the variables of an estimate (one map,
    /// so neighbour relations and distance ratios are exactly those of the data), 0 when the data are within the safe range.
    /// </summary>
    private static int CommonExponent(ReadOnlySpan<SampleMatrix> variables)
    {
        double max = 0;
        foreach (SampleMatrix v in variables)
        {
            max = Math.Max(max, MaxAbs(v.Data.Span));
        }

        return ScaleExponent(max);
    }

    /// <summary>
    /// Scales and jitters every column of <paramref name="samples"/>; the centre, scale and amplitude come from the same
    /// column of <paramref name="reference"/> when one is given (a common map for two samples), else from the column itself.
    /// </summary>
    /// <remarks>
    /// With <see cref="SampleScaling.None"/> the data are multiplied by 2^<paramref name="commonExponent"/> (1 unless they
    /// lie outside the safe range), which changes no neighbour relation and no ratio of distances, and
    /// <paramref name="logScale"/> records it (−d·e·ln 2) so entropies refer to the original units.
    /// </remarks>
    private SampleMatrix Run(SampleMatrix samples, SampleMatrix? reference, int commonExponent, out double logScale)
    {
        logScale = 0;
        if (_scaling == SampleScaling.None && _ties == TieHandling.None && commonExponent == 0)
        {
            return samples;
        }

        int n = samples.Rows, d = samples.Columns;
        double[] data = samples.Data.ToArray();
        double[] column = new double[n];
        double[] scores = _scaling == SampleScaling.NormalScores ? new double[n] : [];
        double[] referenceColumn = reference is null ? [] : new double[reference.Rows];
        for (int j = 0; j < d; j++)
        {
            samples.CopyColumn(j, column);
            if (reference is not null)
            {
                reference.CopyColumn(j, referenceColumn);
            }

            switch (_scaling)
            {
                case SampleScaling.None when commonExponent != 0:
                    Affine(column, commonExponent, 0, 1);
                    if (reference is not null)
                    {
                        Affine(referenceColumn, commonExponent, 0, 1);
                    }

                    logScale -= commonExponent * Math.Log(2);
                    break;

                case SampleScaling.Standardize:
                    {
                        // Moments on the column times 2^e (exact), so 1e±300 neither overflow nor underflow when squared;
                        // the affine map is then applied in those units too, (x·2^e − m')/s', the same bits as
                        // (x − m)/s would be had nothing overflowed.
                        ReadOnlySpan<double> fit = reference is null ? column : referenceColumn;
                        int exponent = ScaleExponent(MaxAbs(fit));
                        (double mean, double sd) = MeanAndStandardDeviation(fit, exponent);
                        double scale = sd > 0 ? sd : 1;
                        Affine(column, exponent, mean, scale);
                        if (reference is not null)
                        {
                            Affine(referenceColumn, exponent, mean, scale);
                        }

                        logScale += Math.Log(scale) - (exponent * Math.Log(2));
                        break;
                    }

                case SampleScaling.NormalScores:
                    NormalScores.Transform(column, scores);
                    scores.CopyTo(column, 0);
                    break;
            }

            if (_ties == TieHandling.Jitter)
            {
                (double mean, double sd) = MeanAndStandardDeviation(reference is null ? column : referenceColumn);
                Jitter(column, mean, JitterAmplitude * (sd > 0 ? sd : 1));
            }

            for (int i = 0; i < n; i++)
            {
                data[(i * d) + j] = column[i];
            }
        }

        return SampleMatrix.FromRowMajor(data, d);
    }

    /// <summary>values[i] ← (values[i]·2^exponent − centre) / scale; the power of two is exact.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Affine(Span<double> values, int exponent, double centre, double scale)
    {
        double factor = Math.ScaleB(1.0, exponent);
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = ((values[i] * factor) - centre) / scale;
        }
    }

    /// <summary>values[i] ← (values[i] − centre) + amplitude·u, u uniform on [−1, 1), from the column's own stream.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Jitter(Span<double> values, double centre, double amplitude)
    {
        ulong hash = Hash(values);
        _occurrences.TryGetValue(hash, out int occurrence);
        _occurrences[hash] = occurrence + 1;
        ulong key = hash + ((ulong)occurrence * 0x9E3779B97F4A7C15);
        var random = new StreamRandom(_seed, unchecked((int)(key ^ (key >> 32))));
        for (int i = 0; i < values.Length; i++)
        {
            double u = ((random.NextUInt64() >> 11) * (1.0 / (1UL << 53) * 2)) - 1;
            values[i] = values[i] - centre + (amplitude * u);
        }
    }

    /// <summary>FNV-1a over the bit patterns (−0 read as +0), finished by the SplitMix64 finaliser.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static ulong Hash(ReadOnlySpan<double> values)
    {
        ulong h = 14695981039346656037UL;
        foreach (double v in values)
        {
            h = (h ^ (ulong)BitConverter.DoubleToInt64Bits(v + 0.0)) * 1099511628211UL;
        }

        h = (h ^ (h >> 30)) * 0xBF58476D1CE4E5B9;
        h = (h ^ (h >> 27)) * 0x94D049BB133111EB;
        return h ^ (h >> 31);
    }
}
