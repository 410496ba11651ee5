using System.Globalization;
using InfoTheory.Continuous;
using InfoTheory.Internal;

namespace InfoTheory.TimeSeries.Internal;

/// <summary>
/// The lagged columns every target of a network inference draws from, built once: for each process p and each lag
/// 0 … MaxLag the values x_p(t − lag) at every usable time step t ≥ MaxLag of every trial, pooled trial after trial.
/// Lag 0 of the target is its present Y_t. Read-only after construction, so targets can share it across threads.
/// </summary>
internal sealed class NetworkData
{
    private readonly double[][][] _columns;

    private NetworkData(double[][][] columns, int[] trialRows, int rows)
    {
        _columns = columns;
        TrialRows = trialRows;
        Rows = rows;
    }

    /// <summary>The number of processes.</summary>
    public int Processes => _columns.Length;

    /// <summary>The pooled number of embedded rows N.</summary>
    public int Rows { get; }

    /// <summary>The embedded rows of each trial, in order (surrogates permute within these blocks).</summary>
    public int[] TrialRows { get; }

    /// <summary>x_p(t − lag) over all embedded rows.</summary>
    public double[] Column(int process, int lag) => _columns[process][lag];

    /// <summary>Validates the trials against the settings and builds the columns.</summary>
    public static NetworkData Build(IReadOnlyList<SampleMatrix> data, NetworkInferenceSettings settings, string paramName)
    {
        int[] lengths = TimeSeriesChecks.Trials(data, paramName);
        int processes = data[0].Columns;
        int maxLag = settings.MaxLag;
        if (processes < 2)
        {
            ThrowHelper.ArgumentException(paramName, $"{paramName} has a single process (column); a network needs at least 2.");
        }

        long rows = 0;
        for (int r = 0; r < lengths.Length; r++)
        {
            if (lengths[r] < maxLag + 2)
            {
                ThrowHelper.ArgumentException(paramName, string.Create(CultureInfo.InvariantCulture,
                    $"Trial {r} of {paramName} has {lengths[r]} time steps but MaxLag = {maxLag} needs at least {maxLag + 2} (two usable time steps per trial)."));
            }

            rows += lengths[r] - maxLag;
        }

        long needed = ((long)processes * maxLag) + 2;
        if (rows < needed)
        {
            ThrowHelper.ArgumentException(paramName, string.Create(CultureInfo.InvariantCulture,
                $"The series are too short: {paramName} yields {rows} usable time steps after MaxLag = {maxLag}, but {processes} processes × {maxLag} lags need at least {needed}."));
        }

        MemoryBudget.Require(rows * processes * (maxLag + 1), sizeof(double), paramName, "The lagged columns");
        for (int p = 0; p < processes; p++)
        {
            bool constant = true;
            double first = data[0][0, p];
            foreach (SampleMatrix trial in data)
            {
                ReadOnlySpan<double> values = trial.Data.Span;
                for (int t = p; t < values.Length && constant; t += processes)
                {
                    constant = values[t] == first;
                }
            }

            if (constant)
            {
                ThrowHelper.ArgumentException(paramName, string.Create(CultureInfo.InvariantCulture,
                    $"Process {p} of {paramName} is constant; it carries no information and its covariance is singular. Remove the column."));
            }
        }

        int n = (int)rows;
        double[][][] columns = new double[processes][][];
        for (int p = 0; p < processes; p++)
        {
            columns[p] = new double[maxLag + 1][];
            for (int lag = 0; lag <= maxLag; lag++)
            {
                double[] column = new double[n];
                int row = 0;
                foreach (SampleMatrix trial in data)
                {
                    ReadOnlySpan<double> values = trial.Data.Span;
                    for (int t = maxLag; t < trial.Rows; t++, row++)
                    {
                        column[row] = values[((t - lag) * processes) + p];
                    }
                }

                columns[p][lag] = column;
            }
        }

        int[] trialRows = new int[lengths.Length];
        for (int r = 0; r < lengths.Length; r++)
        {
            trialRows[r] = lengths[r] - maxLag;
        }

        return new NetworkData(columns, trialRows, n);
    }
}
