using System.Numerics;
using System.Runtime.ExceptionServices;
using InfoTheory.Continuous;
using InfoTheory.Internal;

namespace InfoTheory.Selection.Internal;

/// <summary>Column preparation and the deterministic parallel loop that the selection types share.</summary>
internal static class SelectionColumns
{
    /// <summary>
    /// Dense symbols 0, 1, … for the distinct values of <paramref name="values"/>, numbered in increasing order of value,
    /// so the codes do not depend on the order of the rows (for floating-point values −0 and +0 are one value).
    /// </summary>
    public static int[] EncodeByValue<T>(ReadOnlySpan<T> values)
        where T : INumber<T>
    {
        int n = values.Length;
        T[] keys = values.ToArray();
        int[] order = new int[n];
        for (int i = 0; i < n; i++)
        {
            keys[i] += T.Zero; // −0 + 0 = +0; integers are unchanged
            order[i] = i;
        }

        Array.Sort(keys, order);
        int[] codes = new int[n];
        int code = -1;
        for (int t = 0; t < n; t++)
        {
            if (t == 0 || keys[t] != keys[t - 1])
            {
                code++;
            }

            codes[order[t]] = code;
        }

        return codes;
    }

    /// <summary>Every column of <paramref name="samples"/> as its own array.</summary>
    public static double[][] Columns(SampleMatrix samples)
    {
        double[][] columns = new double[samples.Columns][];
        for (int j = 0; j < columns.Length; j++)
        {
            columns[j] = samples.Column(j);
        }

        return columns;
    }

    /// <summary>
    /// Runs <paramref name="body"/> for 0 ≤ i &lt; <paramref name="count"/>, in parallel unless one thread is asked for.
    /// Each i writes only its own outputs, so the results do not depend on the schedule. If some bodies throw, the
    /// exception of the smallest i is rethrown as itself (not wrapped), so the caller sees the same error for any thread count.
    /// </summary>
    public static void For(int count, int maxDegreeOfParallelism, Action<int> body)
    {
        var errors = new Exception?[count];
        if (maxDegreeOfParallelism == 1 || count <= 1)
        {
            for (int i = 0; i < count; i++)
            {
                body(i);
            }

            return;
        }

        ForkJoin.For(count, Settings.MaxDegreeOfParallelism(maxDegreeOfParallelism), i =>
        {
            try
            {
                body(i);
            }
#pragma warning disable CA1031 // Every error is kept and the first (by index) is rethrown below.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                errors[i] = ex;
            }
        });
        foreach (Exception? error in errors)
        {
            if (error is not null)
            {
                ExceptionDispatchInfo.Throw(error);
            }
        }
    }
}
