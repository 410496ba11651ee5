using System.Globalization;
using InfoTheory.Internal;

namespace InfoTheory.Continuous.Internal;

/// <summary>Argument and option checks shared by the k-nearest-neighbour estimators; all run before any work.</summary>
internal static class KnnChecks
{
    /// <summary>A defined <see cref="NeighborMetric"/>.</summary>
    public static NeighborMetric Metric(NeighborMetric value)
    {
        if (value is not (NeighborMetric.Maximum or NeighborMetric.Euclidean))
        {
            ThrowHelper.ArgumentOutOfRange("Metric", value, string.Create(CultureInfo.InvariantCulture, $"Metric {value} is not a defined NeighborMetric."));
        }

        return value;
    }

    /// <summary>A defined <see cref="SampleScaling"/>; <paramref name="allowNormalScores"/> false where the transform would change the quantity.</summary>
    public static SampleScaling Scaling(SampleScaling value, bool allowNormalScores)
    {
        if (value is not (SampleScaling.None or SampleScaling.Standardize or SampleScaling.NormalScores))
        {
            ThrowHelper.ArgumentOutOfRange("Scaling", value, string.Create(CultureInfo.InvariantCulture, $"Scaling {value} is not a defined SampleScaling."));
        }

        if (value == SampleScaling.NormalScores && !allowNormalScores)
        {
            ThrowHelper.ArgumentOutOfRange("Scaling", value,
                "NormalScores is a monotone map of each column, which changes differential entropies and divergences; use None or Standardize.");
        }

        return value;
    }

    /// <summary>A defined <see cref="TieHandling"/>.</summary>
    public static TieHandling Ties(TieHandling value)
    {
        if (value is not (TieHandling.None or TieHandling.Jitter))
        {
            ThrowHelper.ArgumentOutOfRange("Ties", value, string.Create(CultureInfo.InvariantCulture, $"Ties {value} is not a defined TieHandling."));
        }

        return value;
    }

    /// <summary>A defined <see cref="KsgAlgorithm"/>.</summary>
    public static KsgAlgorithm Algorithm(KsgAlgorithm value)
    {
        if (value is not (KsgAlgorithm.One or KsgAlgorithm.Two))
        {
            ThrowHelper.ArgumentOutOfRange("Algorithm", value, string.Create(CultureInfo.InvariantCulture, $"Algorithm {value} is not a defined KsgAlgorithm."));
        }

        return value;
    }

    /// <summary>Samples of several variables paired by row: all present, all with the row count of the first.</summary>
    public static void Paired(ReadOnlySpan<SampleMatrix?> variables, ReadOnlySpan<string> names)
    {
        for (int v = 0; v < variables.Length; v++)
        {
            ArgumentNullException.ThrowIfNull(variables[v], names[v]);
        }

        for (int v = 1; v < variables.Length; v++)
        {
            if (variables[v]!.Rows != variables[0]!.Rows)
            {
                ThrowHelper.ArgumentException(names[v], string.Create(CultureInfo.InvariantCulture,
                    $"{names[0]} has {variables[0]!.Rows} rows but {names[v]} has {variables[v]!.Rows}; the samples must be paired by row."));
            }
        }
    }

    /// <summary>A self-query of the k-th neighbour needs k other points: n ≥ k + 1.</summary>
    public static void EnoughSamples(int n, int k, string paramName)
    {
        // In 64 bits: k + 1 overflows for k = int.MaxValue.
        if (n < (long)k + 1)
        {
            ThrowHelper.ArgumentException(paramName, string.Create(CultureInfo.InvariantCulture,
                $"k = {k} needs at least {(long)k + 1} samples, got {n}."));
        }
    }
}
