using System.Buffers;
using System.Globalization;
using InfoTheory.Continuous;
using InfoTheory.Internal;

namespace InfoTheory.TimeSeries.Internal;

/// <summary>
/// Builds the rows of delay-embedded variables from one or more trials in one pass: for every trial and every time t
/// with all blocks complete, one row per block. Trials are embedded separately and their rows concatenated, so no
/// row ever mixes two trials. Each block is written into one row-major buffer (rented, then copied once into its
/// <see cref="SampleMatrix"/>); nothing is allocated per time step.
/// </summary>
internal static class EmbeddingBuilder
{
    /// <summary>The first time index with every block complete.</summary>
    public static int Start(ReadOnlySpan<LaggedBlock> blocks)
    {
        int start = 0;
        foreach (LaggedBlock b in blocks)
        {
            start = Math.Max(start, b.Reach);
        }

        return start;
    }

    /// <summary>The number of embedded rows over all trials; throws if no trial yields one.</summary>
    public static int RowCount(ReadOnlySpan<int> lengths, int start, string paramName)
    {
        long rows = 0;
        foreach (int n in lengths)
        {
            rows += Math.Max(0, n - start);
        }

        if (rows == 0)
        {
            ThrowHelper.ArgumentException(paramName, string.Create(CultureInfo.InvariantCulture,
                $"The history is longer than the series: an embedded row needs {start + 1} time steps but the longest trial of {paramName} has {Max(lengths)}. Shorten the history, the delays or the lag."));
        }

        if (rows > int.MaxValue)
        {
            ThrowHelper.ArgumentException(paramName, "The embedded sample would have more than int.MaxValue rows.");
        }

        return (int)rows;
    }

    /// <summary>Embeds one continuous variable (given as trials of rows × width) under <paramref name="block"/>.</summary>
    public static SampleMatrix Embed(IReadOnlyList<SampleMatrix> trials, LaggedBlock block, int start, int rows, string paramName)
    {
        int width = trials[0].Columns;
        int columns = width * block.History;
        long size = (long)rows * columns;
        MemoryBudget.Require(size, sizeof(double), paramName, "The embedded sample");
        double[] buffer = ArrayPool<double>.Shared.Rent((int)size);
        try
        {
            int row = 0;
            foreach (SampleMatrix trial in trials)
            {
                ReadOnlySpan<double> data = trial.Data.Span;
                for (int t = start; t < trial.Rows; t++, row++)
                {
                    Span<double> destination = buffer.AsSpan(row * columns, columns);
                    for (int j = 0; j < block.History; j++)
                    {
                        int s = t - block.Lag - (j * block.Delay);
                        data.Slice(s * width, width).CopyTo(destination.Slice(j * width, width));
                    }
                }
            }

            return SampleMatrix.FromRowMajor(buffer.AsSpan(0, (int)size), columns);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// Embeds one discrete variable under <paramref name="block"/> and codes each row (its <c>History</c> symbols)
    /// as one dense joint symbol.
    /// </summary>
    public static int[] EmbedSymbols(IReadOnlyList<int[]> trials, LaggedBlock block, int start, int rows)
    {
        // One array per lag (History arrays, not one per time step), densified into joint codes.
        int[][] lagged = new int[block.History][];
        for (int j = 0; j < block.History; j++)
        {
            int[] column = new int[rows];
            int row = 0;
            foreach (int[] trial in trials)
            {
                for (int t = start; t < trial.Length; t++, row++)
                {
                    column[row] = trial[t - block.Lag - (j * block.Delay)];
                }
            }

            lagged[j] = column;
        }

        return block.History == 1 ? lagged[0] : Discrete.JointSymbols.Dense(lagged).Codes;
    }

    private static int Max(ReadOnlySpan<int> values)
    {
        int max = 0;
        foreach (int v in values)
        {
            max = Math.Max(max, v);
        }

        return max;
    }
}
