using System.Globalization;
using InfoTheory.Continuous;
using InfoTheory.Internal;

namespace InfoTheory.TimeSeries.Internal;

/// <summary>The argument checks of the time-series area, one wording for every type in it.</summary>
internal static class TimeSeriesChecks
{
    /// <summary>A history length (number of past values): at least 1.</summary>
    public static int History(int value, string paramName)
    {
        if (value < 1)
        {
            ThrowHelper.ArgumentOutOfRange(paramName, value, string.Create(CultureInfo.InvariantCulture,
                $"{paramName} must be at least 1 (the number of past values in the embedding), got {value}."));
        }

        return value;
    }

    /// <summary>A delay or lag in time steps: at least 1.</summary>
    public static int Delay(int value, string paramName)
    {
        if (value < 1)
        {
            ThrowHelper.ArgumentOutOfRange(paramName, value, string.Create(CultureInfo.InvariantCulture,
                $"{paramName} must be at least 1 time step, got {value}."));
        }

        return value;
    }

    /// <summary>Every value finite; the message names the time index.</summary>
    public static void Finite(ReadOnlySpan<double> series, string paramName)
    {
        for (int t = 0; t < series.Length; t++)
        {
            if (!double.IsFinite(series[t]))
            {
                ThrowHelper.ArgumentException(paramName, string.Create(CultureInfo.InvariantCulture,
                    $"{paramName} contains {series[t]} at time {t}; every value must be finite."));
            }
        }
    }

    /// <summary>At least one trial, none null, all of the same dimension; returns the row counts.</summary>
    public static int[] Trials(IReadOnlyList<SampleMatrix> trials, string paramName)
    {
        ArgumentNullException.ThrowIfNull(trials, paramName);
        if (trials.Count == 0)
        {
            ThrowHelper.ArgumentException(paramName, $"{paramName} is empty; give at least one trial.");
        }

        int[] lengths = new int[trials.Count];
        for (int i = 0; i < trials.Count; i++)
        {
            if (trials[i] is null)
            {
                throw new ArgumentNullException(paramName, string.Create(CultureInfo.InvariantCulture, $"{paramName}[{i}] is null."));
            }

            if (trials[i].Columns != trials[0].Columns)
            {
                ThrowHelper.ArgumentException(paramName, string.Create(CultureInfo.InvariantCulture,
                    $"The trials of {paramName} differ in dimension: trial 0 has {trials[0].Columns} columns but trial {i} has {trials[i].Columns}; every trial must record the same variables."));
            }

            lengths[i] = trials[i].Rows;
        }

        return lengths;
    }

    /// <summary>At least one trial, none null or empty, no negative symbol; returns the lengths.</summary>
    public static int[] SymbolTrials(IReadOnlyList<int[]> trials, string paramName)
    {
        ArgumentNullException.ThrowIfNull(trials, paramName);
        if (trials.Count == 0)
        {
            ThrowHelper.ArgumentException(paramName, $"{paramName} is empty; give at least one trial.");
        }

        int[] lengths = new int[trials.Count];
        for (int i = 0; i < trials.Count; i++)
        {
            int[] trial = trials[i] ?? throw new ArgumentNullException(paramName, string.Create(CultureInfo.InvariantCulture, $"{paramName}[{i}] is null."));
            for (int t = 0; t < trial.Length; t++)
            {
                if (trial[t] < 0)
                {
                    ThrowHelper.ArgumentException(paramName, string.Create(CultureInfo.InvariantCulture,
                        $"{paramName} has the negative symbol {trial[t]} in trial {i} at time {t}; symbols must be non-negative."));
                }
            }

            lengths[i] = trial.Length;
        }

        return lengths;
    }

    /// <summary>The trials of two variables pair up: the same count and the same length trial by trial.</summary>
    public static void Paired(ReadOnlySpan<int> lengths, ReadOnlySpan<int> otherLengths, string paramName, string otherName)
    {
        if (lengths.Length != otherLengths.Length)
        {
            ThrowHelper.ArgumentException(paramName, string.Create(CultureInfo.InvariantCulture,
                $"{paramName} has {lengths.Length} trials but {otherName} has {otherLengths.Length}; the trials must pair up."));
        }

        for (int i = 0; i < lengths.Length; i++)
        {
            if (lengths[i] != otherLengths[i])
            {
                ThrowHelper.ArgumentException(paramName, string.Create(CultureInfo.InvariantCulture,
                    $"Trial {i} of {paramName} has {lengths[i]} time steps but that of {otherName} has {otherLengths[i]}; paired series must have the same length."));
            }
        }
    }

    /// <summary>A univariate series as a one-column matrix, with a NaN check that names the time index.</summary>
    public static SampleMatrix Column(ReadOnlySpan<double> series, string paramName)
    {
        if (series.IsEmpty)
        {
            ThrowHelper.ArgumentException(paramName, $"{paramName} is empty.");
        }

        Finite(series, paramName);
        return SampleMatrix.FromRowMajor(series, 1);
    }
}
