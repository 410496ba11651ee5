using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using InfoTheory.Continuous;
using InfoTheory.Discrete;
using InfoTheory.Primitives;

namespace InfoTheory.Benchmarks;

/// <summary>
/// The inputs of the first-call measurements: a plug-in MI of 10⁷ pairs, a KSG MI at n = 10⁵ and a softmax entropy row
/// batch of 256 × 32 000 float logits (the three first calls the reach issue names).
/// </summary>
public abstract class FirstCallInputs
{
    private int[] _x = [];
    private int[] _y = [];
    private double[] _u = [];
    private double[] _v = [];
    private float[] _logits = [];
    private float[] _rows = [];

    /// <summary>Generates the inputs of the benchmark about to run only (the others would only add page faults).</summary>
    protected void Generate(string scenario)
    {
        var random = new Random(1);
        switch (scenario)
        {
            case "plug-in":
                _x = new int[10_000_000];
                _y = new int[_x.Length];
                for (int i = 0; i < _x.Length; i++)
                {
                    _x[i] = random.Next(16);
                    _y[i] = (_x[i] + random.Next(4)) % 16;
                }

                break;
            case "ksg":
                _u = new double[100_000];
                _v = new double[_u.Length];
                for (int i = 0; i < _u.Length; i++)
                {
                    _u[i] = random.NextDouble();
                    _v[i] = _u[i] + (0.5 * random.NextDouble());
                }

                break;
            default:
                _logits = Data.Logits(256 * 32_000, 7);
                _rows = new float[256];
                break;
        }
    }

    /// <summary>Plug-in MI of 10⁷ pairs of 16-symbol variables.</summary>
    [Benchmark]
    public double PlugInMutualInformation() => new DiscreteMutualInformation().Estimate(_x, _y).Nats;

    /// <summary>KSG MI (k = 3) of a 1-D pair at n = 10⁵.</summary>
    [Benchmark]
    public double KsgMutualInformation() => new KsgMutualInformation().Estimate(_u, _v).Nats;

    /// <summary>Entropy of softmax of 256 rows of 32 000 float logits.</summary>
    [Benchmark]
    public float SoftmaxEntropyRows()
    {
        InformationPrimitives.SoftmaxEntropyRows(_logits, 32_000, _rows);
        return _rows[0];
    }

    [GlobalSetup(Target = nameof(PlugInMutualInformation))]
    public void SetupPlugIn() => Setup("plug-in", WarmupAreas.Discrete);

    [GlobalSetup(Target = nameof(KsgMutualInformation))]
    public void SetupKsg() => Setup("ksg", WarmupAreas.NearestNeighbors);

    [GlobalSetup(Target = nameof(SoftmaxEntropyRows))]
    public void SetupRows() => Setup("rows", WarmupAreas.Rows);

    /// <summary>Generates the inputs and, where the job says so, warms the area up.</summary>
    protected abstract void Setup(string scenario, WarmupAreas area);
}

/// <summary>
/// The first call of each estimate in a fresh process: one invocation per process, nine processes, no warm-up by the
/// harness (<see cref="RunStrategy.ColdStart"/>). With <see cref="Warmed"/> the setup calls <see cref="Warmup.Run"/>
/// for the estimate's area after generating the data, as a script that calls <see cref="Warmup.Start"/> before loading
/// its data would find it. Compare with <see cref="SteadyCallBenchmarks"/> in the same run.
/// </summary>
[MedianColumn]
[SimpleJob(RunStrategy.ColdStart, launchCount: 9, warmupCount: 0, iterationCount: 1)]
public class FirstCallBenchmarks : FirstCallInputs
{
    /// <summary>Whether the area was warmed up before the first call.</summary>
    [Params(false, true)]
    public bool Warmed { get; set; }

    /// <inheritdoc />
    protected override void Setup(string scenario, WarmupAreas area)
    {
        Generate(scenario);
        if (Warmed)
        {
            Warmup.Run(area);
        }
    }
}

/// <summary>The same calls at steady state (the default job: warm-up iterations first), the baseline of <see cref="FirstCallBenchmarks"/>.</summary>
[MedianColumn]
public class SteadyCallBenchmarks : FirstCallInputs
{
    /// <inheritdoc />
    protected override void Setup(string scenario, WarmupAreas area) => Generate(scenario);
}
