using InfoTheory.Continuous;
using InfoTheory.Kernel;

namespace InfoTheory.Tests.Kernel;

/// <summary>Runs alone, so the process-wide allocation counter sees only the estimator under test.</summary>
[CollectionDefinition(nameof(KernelMemoryTests), DisableParallelization = true)]
public sealed class KernelMemoryGroup;

/// <summary>The Parzen estimators stream their sums: memory O(n), not the n × n Gram matrix.</summary>
[Collection(nameof(KernelMemoryTests))]
public sealed class KernelMemoryTests
{
    private const int N = 4000;

    /// <summary>One n × n matrix of doubles at n = 4000: 128 MB. The streamed sums need 16 accumulators of a few n doubles (≈ 1.5 MB).</summary>
    private const long GramBytes = (long)N * N * sizeof(double);

    private static long Allocated(Action action)
    {
        action();   // warm up (JIT, pools)
        long before = GC.GetTotalAllocatedBytes(precise: true);
        action();
        return GC.GetTotalAllocatedBytes(precise: true) - before;
    }

    public static TheoryData<string> Estimators() => ["QuadraticRenyiEntropy", "CauchySchwarzDivergenceEstimator", "CauchySchwarzMutualInformation", "MatrixRenyiEntropy(α=2)"];

    [Theory]
    [MemberData(nameof(Estimators))]
    public void Estimate_n4000_AllocatesFarLessThanOneGramMatrix(string name)
    {
        SampleMatrix x = KernelTestData.Normal(N, 1, 1), y = KernelTestData.Normal(N, 1, 2);
        SampleMatrix p = KernelTestData.Normal(N / 2, 1, 3), q = KernelTestData.Normal(N / 2, 1, 4);
        Action action = name switch
        {
            "QuadraticRenyiEntropy" => () => new QuadraticRenyiEntropy().Estimate(x),
            "CauchySchwarzDivergenceEstimator" => () => new CauchySchwarzDivergenceEstimator().Estimate(p, q),
            "CauchySchwarzMutualInformation" => () => new CauchySchwarzMutualInformation().Estimate(x, y),
            _ => () => new MatrixRenyiEntropy(2).Estimate(x),
        };

        // An eighth of one Gram matrix: the streamed sums (≈ 1.5 MB) pass with a wide margin for thread-pool and test
        // host noise; storing even one n × n matrix (128 MB) fails.
        Assert.True(Allocated(action) < GramBytes / 8, $"{name} allocated at least {GramBytes / 8:N0} bytes");
    }
}
