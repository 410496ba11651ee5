using System.Globalization;
using System.Runtime.CompilerServices;
using InfoTheory.Continuous;
using InfoTheory.Discrete;
using InfoTheory.Internal;
using InfoTheory.Primitives;

namespace InfoTheory;

/// <summary>The groups of kernels that <see cref="Warmup"/> compiles ahead of their first real use.</summary>
[Flags]
public enum WarmupAreas
{
    /// <summary>Nothing.</summary>
    None = 0,

    /// <summary>Plug-in entropy, mutual information and conditional mutual information of <see cref="int"/> symbols (the contingency count, serial and chunked in parallel).</summary>
    Discrete = 1,

    /// <summary>The k-nearest-neighbour estimators: KSG mutual information of 1-D and 2-D variables and KSG conditional mutual information (standardisation, jitter, the k-d tree and sorted searches, the digamma sums).</summary>
    NearestNeighbors = 2,

    /// <summary>The row primitives on <see cref="float"/> and <see cref="double"/>: entropy rows, softmax entropy rows and log-sum-exp rows.</summary>
    Rows = 4,

    /// <summary>Every area above.</summary>
    All = Discrete | NearestNeighbors | Rows,
}

/// <summary>
/// Compiles the library's hot kernels before the first real call, so that a short script or a command's first estimate
/// runs at the speed of its second.
/// </summary>
/// <remarks>
/// <para>
/// The vector kernels are compiled fully optimised on first use (they are marked for aggressive optimisation, so they
/// never run as slow unoptimised code), but that compilation itself is paid inside the first call: measured in a fresh
/// process, a plug-in MI of 10⁷ pairs takes 3.6× its steady time on its first call, a softmax entropy row batch 4.6×,
/// KSG at n = 10⁵ 2.7×; after the warm-up 1.09×, 1.12× and 1.21× (docs/benchmarks.md, "First calls"). The warm-up of
/// the k-NN area also leaves the collector some memory already touched, since a first KSG call otherwise pays for paging
/// in its fresh buffers. Ahead-of-time (ReadyToRun) code cannot carry these
/// kernels: it is not generated for generic instantiations over the runtime's own types (the kernels are generic over
/// <see cref="float"/> and <see cref="double"/>), and code whose vector width depends on the processor is discarded at
/// run time.
/// </para>
/// <para>
/// <see cref="Start"/> runs each requested area once, on small synthetic inputs shaped so that they take the same code
/// paths as large ones, on a thread-pool thread, and returns at once: call it first thing and read the data meanwhile.
/// Each area runs at most once per process, however often it is requested; the results are discarded and nothing the
/// caller owns is touched. Nothing in the library calls it on its own: it costs a few hundred milliseconds of one core.
/// </para>
/// </remarks>
/// <example>
/// <code>
/// Task warm = Warmup.Start(WarmupAreas.Discrete);  // compiles on another core
/// int[] x = LoadLabels(), y = LoadTargets();       // meanwhile, read the data
/// Information mi = new DiscreteMutualInformation().Estimate(x, y);
/// </code>
/// </example>
public static class Warmup
{
    private static readonly (WarmupAreas Area, Action Body)[] Areas =
    [
        (WarmupAreas.Discrete, WarmDiscrete),
        (WarmupAreas.NearestNeighbors, WarmNearestNeighbors),
        (WarmupAreas.Rows, WarmRows),
    ];

    // The calls into the library are compiled without optimisation, so that nothing is inlined into them: every
    // public method a caller's first estimate goes through is then compiled on its own here, not only the kernels.
    private const MethodImplOptions Calls = MethodImplOptions.NoInlining | MethodImplOptions.NoOptimization;

    private static readonly Lazy<Task>[] Started = [.. Areas.Select(a => new Lazy<Task>(() => Task.Run(a.Body)))];

    /// <summary>Starts compiling the kernels of <paramref name="areas"/> on a thread-pool thread and returns at once.</summary>
    /// <param name="areas">The groups of kernels to compile (default: all).</param>
    /// <returns>A task that completes when every requested area has been compiled (at once for areas already done).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="areas"/> has a flag that is not a <see cref="WarmupAreas"/> member.</exception>
    public static Task Start(WarmupAreas areas = WarmupAreas.All)
    {
        Check(areas);
        var tasks = new List<Task>();
        for (int a = 0; a < Areas.Length; a++)
        {
            if ((areas & Areas[a].Area) != 0)
            {
                tasks.Add(Started[a].Value);
            }
        }

        return Task.WhenAll(tasks);
    }

    /// <summary>Compiles the kernels of <paramref name="areas"/> and returns when they are ready (waits for any <see cref="Start"/> already running them).</summary>
    /// <param name="areas">The groups of kernels to compile (default: all).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="areas"/> has a flag that is not a <see cref="WarmupAreas"/> member.</exception>
    public static void Run(WarmupAreas areas = WarmupAreas.All) => Start(areas).GetAwaiter().GetResult();

    private static void Check(WarmupAreas areas)
    {
        if ((areas & ~WarmupAreas.All) != 0)
        {
            ThrowHelper.ArgumentOutOfRange(nameof(areas), areas, string.Create(CultureInfo.InvariantCulture,
                $"areas has unknown flags 0x{(int)(areas & ~WarmupAreas.All):X}; combine Discrete, NearestNeighbors and Rows."));
        }
    }

    // Contingency counts are chunked in parallel above 2²⁰ pairs: one pair more than that takes the parallel path too.
    private static void WarmDiscrete()
    {
        const int n = (1 << 20) + 1;
        int[] x = new int[n], y = new int[n], z = new int[n];
        for (int i = 0; i < n; i++)
        {
            // Symbols from a multiplicative hash of the index: cheap, and enough to fill every cell of the tables.
            uint h = unchecked((uint)i * 2654435761u);
            x[i] = (int)(h >> 28);
            y[i] = (x[i] + (int)((h >> 20) & 3)) & 15;
            z[i] = (int)((h >> 16) & 3);
        }

        CallDiscrete(x, y, z);
    }

    [MethodImpl(Calls)]
    private static void CallDiscrete(int[] x, int[] y, int[] z)
    {
        _ = new PlugInEntropy().Estimate(x);
        _ = new DiscreteMutualInformation().Estimate(x, y);
        _ = new DiscreteMutualInformation().Estimate(x.AsSpan(0, 4096), y.AsSpan(0, 4096));
        _ = new DiscreteConditionalMutualInformation().Estimate(x.AsSpan(0, 4096), y.AsSpan(0, 4096), z.AsSpan(0, 4096));
    }

    // 2 048 points: past the vectorised scan's range in 2 and 4 dimensions, so the joint spaces use the k-d tree and the
    // 1-D marginals the sorted search, as at n = 10⁵. The 1-D pair runs once more at n = 2¹⁶: its ~12 MB of buffers
    // leave the collector that much memory already touched, which a first estimate at n = 10⁵ (about 19 MB) would
    // otherwise pay for page by page (measured: warmed first call 1.9× steady without it; see docs/benchmarks.md).
    private static void WarmNearestNeighbors()
    {
        const int n = 2048, large = 1 << 16;
        var random = new StreamRandom(EstimatorDefaults.Seed, 2);
        double[] data = new double[(n * 4) + (2 * large)];
        for (int i = 0; i < data.Length; i++)
        {
            data[i] = (random.NextUInt64() >> 11) * (1.0 / (1UL << 53));
        }

        CallNearestNeighbors(data, n, large);
    }

    [MethodImpl(Calls)]
    private static void CallNearestNeighbors(double[] data, int n, int large)
    {
        double[] x = data[..n], y = data[n..(2 * n)], z = data[(2 * n)..(3 * n)];
        var ksg = new KsgMutualInformation();
        _ = ksg.Estimate(x, y);
        _ = ksg.Estimate(SampleMatrix.FromRowMajor(data.AsSpan(0, 2 * n), 2), SampleMatrix.FromRowMajor(data.AsSpan(2 * n, 2 * n), 2));
        _ = new KsgConditionalMutualInformation().Estimate(x, y, z);
        _ = ksg.Estimate(data.AsSpan(4 * n, large), data.AsSpan((4 * n) + large, large));
    }

    private static void WarmRows()
    {
        const int rows = 2, length = 4096;
        var random = new StreamRandom(EstimatorDefaults.Seed, 3);
        double[] logits = new double[rows * length];
        for (int i = 0; i < logits.Length; i++)
        {
            logits[i] = 8.0 * (random.NextUInt64() >> 11) * (1.0 / (1UL << 53));
        }

        CallRows(logits, rows, length);
    }

    [MethodImpl(Calls)]
    private static void CallRows(double[] logits, int rows, int length)
    {
        float[] logitsF = [.. logits.Select(v => (float)v)];
        double[] probabilities = new double[logits.Length], destination = new double[rows];
        float[] probabilitiesF = new float[logits.Length], destinationF = new float[rows];
        probabilities.AsSpan().Fill(1.0 / length);
        probabilitiesF.AsSpan().Fill(1f / length);

        InformationPrimitives.SoftmaxEntropyRows(logits, length, destination);
        InformationPrimitives.SoftmaxEntropyRows(logitsF, length, destinationF);
        InformationPrimitives.EntropyRows(probabilities, length, destination);
        InformationPrimitives.EntropyRows(probabilitiesF, length, destinationF);
        InformationPrimitives.LogSumExpRows(logits, length, destination);
        InformationPrimitives.LogSumExpRows(logitsF, length, destinationF);
    }
}
